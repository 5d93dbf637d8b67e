"""gk's value classes (gkcli.values) behave as the @dataclass classes they replaced."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from datetime import date

import pytest

from gkcli.deadlines import Deadline
from gkcli.errors import Problem
from gkcli.model import Extension, Settings, Task
from gkcli.values import FrozenInstanceError


def task(**changes) -> Task:
    base = Task(8, 4, "建立制度", "综合股", ("运管股",), Deadline("2021年6月底", date(2021, 6, 30)),
                "todo")
    return base.replace(**changes) if changes else base


def test_equal_by_fields_hashable_and_frozen():
    assert task() == task()
    assert hash(task()) == hash(task())
    assert task() != task(status="done")
    assert task() != Extension(date(2021, 6, 1), Deadline("x", None), "r")  # another class
    with pytest.raises(FrozenInstanceError):
        task().status = "done"  # type: ignore[misc]
    assert isinstance(FrozenInstanceError(), AttributeError)


def test_a_mutable_value_is_unhashable_and_settable():
    settings = Settings()
    settings.commit = True
    assert settings == Settings(commit=True)
    with pytest.raises(TypeError):
        hash(settings)


def test_fields_left_out_of_equality_stay_out():
    assert Problem("a", 1, 2, "k", {"x": 1}) == Problem("a", 1, 2, "k", {"x": 2}, warning=True)
    assert sorted([Problem("b", 1, 1, "k"), Problem("a", 9, 1, "k")])[0].path == "a"


def test_positional_order_defaults_and_repr_as_the_dataclass():
    assert task().done_on is None
    assert task().progress == ()
    assert task().line == 0
    assert repr(Settings()) == "Settings(due_soon_days=14, commit=False, due_soon_workdays=None)"


def test_dataclasses_functions_still_work_on_them():
    assert dataclasses.is_dataclass(task())
    assert dataclasses.replace(task(), title="新") == task(title="新")
    assert [f.name for f in dataclasses.fields(Settings)] == list(Settings.FIELDS)
    assert dataclasses.asdict(Settings()) == {"due_soon_days": 14, "commit": False,
                                              "due_soon_workdays": None}
    with pytest.raises(TypeError):
        task().replace(nonsense=1)


def test_pickle_and_copy_keep_them():
    again = pickle.loads(pickle.dumps(task(progress=("2021-06-01 已起草",))))
    assert again == task(progress=("2021-06-01 已起草",))
    with pytest.raises(FrozenInstanceError):
        again.title = "x"  # type: ignore[misc]
    assert copy.deepcopy(task()) == task()
    assert copy.copy(Settings()) == Settings()


def test_a_value_pickled_before_a_field_existed_reads_with_its_default():
    """As with @dataclass: a cached table from an older gk lacks the newer fields."""
    old = task()
    del old.__dict__["extensions"]
    again = pickle.loads(pickle.dumps(old))
    assert again.extensions == ()
    assert again == task()
    assert again.replace(title="新").title == "新"


def value_classes():
    import importlib
    import pkgutil

    import gkcli
    from gkcli.values import Frozen, Value

    for info in pkgutil.walk_packages(gkcli.__path__, "gkcli."):
        if info.name == "gkcli.__main__":  # runs gk
            continue
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if (isinstance(obj, type) and issubclass(obj, Value) and obj not in (Value, Frozen)
                    and obj.__module__ == module.__name__):
                yield obj


def test_every_value_class_names_each_field_once_in_order():
    """A field added to a value class goes into FIELDS, the annotations and __init__ alike (a
    field missing from FIELDS would be left out of equality, repr and replace)."""
    import inspect

    found = list(value_classes())
    assert len(found) > 30
    for cls in found:
        annotated = [n for n in vars(cls).get("__annotations__", {}) if n not in ("FIELDS", "COMPARED")]
        parameters = list(inspect.signature(cls.__init__).parameters)[1:]
        assert list(cls.FIELDS) == annotated == parameters, cls.__qualname__
