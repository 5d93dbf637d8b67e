"""gk's own errors. The core raises these; only the CLI prints them and exits.

Every message the user reads is a key of the message catalogue (:mod:`gkcli.i18n`)
with its values, so the CLI can say it in the language chosen once at start-up:
``GkError("no_item", id=99)`` reads ``没有第99项`` or ``no item 99``. A text that is
not a key is shown as it is (older messages, until all are in the catalogue).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gkcli.i18n import Words


@dataclass(frozen=True, order=True)
class Problem:
    """One problem found in a data file, with a 1-based position."""

    path: str
    line: int
    col: int
    message: str  # a catalogue key (or literal text)
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def text(self, words: Words) -> str:
        return f"{self.path}:{self.line}:{self.col}: {words.message(self.message, self.params)}"

    def __str__(self) -> str:
        from gkcli.i18n import Words

        return self.text(Words("en"))


class GkError(Exception):
    """A user mistake or a state gk refuses to work in. Exit code 1."""

    exit_code = 1

    def __init__(self, key: str, **params: Any):
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
        self.problems = sorted(problems)
        super().__init__("invalid_data")

    def text(self, words: Words) -> str:
        return self.problems[0].text(words) if self.problems else words("invalid_data")


class NotFound(GkError):
    """An id, office or file that does not exist."""


def no_item(task_id: int) -> NotFound:
    """The one refusal for an id the table does not have (show, the writing commands, the editor)."""
    return NotFound(f"no item {task_id} (see gk list)")


class WriteRefused(GkError):
    """A write that gk will not make, to keep the user's file safe."""
