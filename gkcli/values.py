"""Value classes without :mod:`dataclasses`: what ``@dataclass`` gave gk's model, at start-up cost nil.

``@dataclass`` writes and compiles the methods of each class as its module is imported: for
the thirty classes every command loads, that was half of gk's own import time (issue 13).
gk's value classes write their ``__init__`` by hand (in field order, so positional calls
still work) and take the rest from here, as ``@dataclass`` made it:

- equality over the compared fields (``COMPARED``, by default ``FIELDS``) between instances
  of the same class; a :class:`Frozen` value refuses assignment and hashes those fields, a
  mutable :class:`Value` is unhashable;
- a repr naming the fields, and :meth:`Value.replace` (``dataclasses.replace``);
- ``__dataclass_fields__``, made on first use: ``dataclasses.replace``, ``fields``,
  ``asdict`` and ``is_dataclass`` keep working on these classes (importing
  ``dataclasses`` only then).

Instances keep their fields in ``__dict__``, so they pickle (:mod:`gkcli.cache`) and copy as
before. An ``__init__`` stores through ``self.__dict__`` (see :func:`Frozen.__setattr__`). A
field with a default keeps it as a class attribute too, as ``@dataclass`` does, so a value
pickled before the field existed reads with the default.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:  # annotations only: a TypeVar bound to a name compiles that name at run time
    from typing import TypeVar

    V = TypeVar("V", bound="Value")


class FrozenInstanceError(AttributeError):
    """Assignment to a field of a frozen value (as ``dataclasses.FrozenInstanceError``)."""


class _AsDataclass:
    """``__dataclass_fields__`` (or ``__dataclass_params__``) of a value class, made once when
    something asks for it: those of a dataclass with the same fields."""

    def __init__(self, name: str):
        self.name = name

    def __get__(self, obj: object, cls: type[Value]) -> Any:
        import dataclasses

        shadow = dataclasses.make_dataclass(cls.__name__, [(name, Any) for name in cls.FIELDS],
                                            eq=True, frozen=issubclass(cls, Frozen))
        for name in ("__dataclass_fields__", "__dataclass_params__"):
            type.__setattr__(cls, name, getattr(shadow, name))
        return getattr(shadow, self.name)


class Value:
    """A mutable value: equal by its fields, unhashable (as ``@dataclass``)."""

    FIELDS: ClassVar[tuple[str, ...]] = ()
    COMPARED: ClassVar[tuple[str, ...] | None] = None  # the fields equality looks at; None: FIELDS
    __dataclass_fields__: ClassVar[Any] = _AsDataclass("__dataclass_fields__")
    __dataclass_params__: ClassVar[Any] = _AsDataclass("__dataclass_params__")

    def _key(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in (self.COMPARED or self.FIELDS)])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._key() == other._key()
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.FIELDS)
        return f"{type(self).__qualname__}({shown})"

    def replace(self: V, **changes: Any) -> V:
        """A copy with ``changes`` (``dataclasses.replace``)."""
        return self.__class__(**{**{name: getattr(self, name) for name in self.FIELDS}, **changes})

    __replace__ = replace  # copy.replace (Python 3.13)


class Frozen(Value):
    """An immutable value: assignment raises, hashed by its compared fields."""

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(self._key())
