"""The review list of an import: every guess, every cell not placed, every unreadable deadline."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gkcli.i18n import Words


@dataclass
class Review:
    key: str                                   # a catalogue key (gkcli.i18n.MESSAGES)
    params: dict[str, Any] = field(default_factory=dict)
    where: tuple = ()                          # ("line", n) or ("cell", table, row, col)

    def text(self, words: Words) -> str:
        params = {k: shorten(v, 60) if isinstance(v, str) else v for k, v in self.params.items()}
        if "field" in params:  # a field's name in the reader's language
            params["field"] = words.message(f"imp_field.{params['field']}")
        message = words.message(self.key, params)
        if not self.where:
            return message
        if self.where[0] == "line" and len(self.where) == 3:  # a cell of a tab-separated line
            place = words.message("imp_where_line_col", {"line": self.where[1], "col": self.where[2]})
        elif self.where[0] == "line":
            place = words.message("imp_where_line", {"line": self.where[1]})
        else:
            _, table, row, col = self.where
            place = words.message("imp_where_cell", {"table": table, "row": row, "col": col})
        return f"{place}: {message}"


def shorten(text: str, limit: int = 40) -> str:
    """A user's text cut to fit in a message."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
