"""gk's own errors. The core raises these; only the CLI prints them and exits."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem found in a data file, with a 1-based position."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class GkError(Exception):
    """A user mistake or a state gk refuses to work in. Exit code 1."""

    exit_code = 1


class DataError(GkError):
    """The data files have problems; carries every one found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(str(self.problems[0]) if self.problems else "invalid data")


class NotFound(GkError):
    """An id, office or file that does not exist."""


class WriteRefused(GkError):
    """A write that gk will not make, to keep the user's file safe."""
