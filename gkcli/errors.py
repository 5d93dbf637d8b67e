"""gk's own errors. The core raises these; only the CLI prints them and exits.

Every message the user reads is a key of the message catalogue (:mod:`gkcli.i18n`)
with its values, so the CLI can say it in the language chosen once at start-up:
``GkError("no_item", id=99)`` reads ``没有第 99 项`` or ``no item 99``. A key that is not
in the catalogue is a bug (tests walk every key, and every key raised in gkcli/).
A value may itself be a :class:`Msg` (a key and its values), said in the same language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gkcli.values import Frozen

if TYPE_CHECKING:
    from gkcli.i18n import Words


class Msg(Frozen):
    """A catalogue key with its values, for a part of a message said in the chosen language."""

    FIELDS = ("key", "params")
    COMPARED = ("key",)
    key: str
    params: dict[str, Any]

    def __init__(self, key: str, params: dict[str, Any] | None = None):
        d = self.__dict__
        d["key"], d["params"] = key, {} if params is None else params

    @classmethod
    def of(cls, key: str, **params: Any) -> Msg:
        return cls(key, params)
def clip(value: object, limit: int = 40) -> str:
    """A user's value for a message: never unbounded (a long value ends in …)."""
    text = value if isinstance(value, str) else str(value)[: limit * 4] if not isinstance(
        value, (list, dict, tuple, set)) else f"<{type(value).__name__}>"
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Problem(Frozen):
    """One problem found in a data file, with a 1-based position; problems sort by path,
    line, column and message."""

    FIELDS = ("path", "line", "col", "message", "params", "warning")
    COMPARED = ("path", "line", "col", "message")
    path: str
    line: int
    col: int
    message: str  # a catalogue key
    params: dict[str, Any]
    warning: bool = False  # gk check lists it but exits 0

    def __init__(self, path: str, line: int, col: int, message: str,
                 params: dict[str, Any] | None = None, warning: bool = False):
        d = self.__dict__
        d["path"], d["line"], d["col"], d["message"] = path, line, col, message
        d["params"], d["warning"] = {} if params is None else params, warning

    def __lt__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._key() >= other._key()
        return NotImplemented

    def text(self, words: Words) -> str:
        said = words.message(self.message, self.params)
        if self.warning:
            said = words.message("warning", {"text": said})
        return f"{self.path}:{self.line}:{self.col}: {said}"

    def __str__(self) -> str:
        from gkcli.i18n import Words

        return self.text(Words("en"))


class GkError(Exception):
    """A user mistake or a state gk refuses to work in. Exit code 1."""

    exit_code = 1

    def __init__(self, key: str, /, **params: Any):
        super().__init__(key)
        self.key = key
        self.params = params

    def text(self, words: Words) -> str:
        return words.message(self.key, self.params)

    def __str__(self) -> str:
        from gkcli.i18n import Words

        return self.text(Words("en"))


class DataError(GkError):
    """The data files have problems; carries every one found."""

    def __init__(self, problems: list[Problem]):
        files: dict[str, int] = {}
        for p in problems:  # tasks.yaml first: the roster's problems may follow from it
            files.setdefault(p.path, len(files))
        self.problems = sorted(problems, key=lambda p: (files[p.path], p.line, p.col))
        super().__init__("invalid_data")

    def text(self, words: Words) -> str:
        return self.problems[0].text(words) if self.problems else words.message("invalid_data")


class OptionError(GkError):
    """A bad value given to an option, found by the core (a date after today or before the
    notice, ``--since`` after ``--until``, a revision git does not know): a usage error, so
    exit code 2 as Click's own. The message names the option."""

    exit_code = 2


class NotFound(GkError):
    """An id, office or file that does not exist."""


def no_item(task_id: int) -> NotFound:
    """The one refusal for an id the table does not have (show, the writing commands, the editor)."""
    return NotFound("no_item", id=task_id)


class WriteRefused(GkError):
    """A write that gk will not make, to keep the user's file safe."""
