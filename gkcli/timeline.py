"""The month axis of ``gk timeline``: which column a date falls in, for a given width."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


@dataclass(frozen=True)
class Axis:
    first: date  # the first day of the first month shown
    months: int
    cols_per_month: int  # ≥ 1 when each month gets its own columns
    months_per_col: int  # ≥ 1 when several months share a column

    @property
    def width(self) -> int:
        if self.months_per_col > 1:
            return -(-self.months // self.months_per_col)
        return self.months * self.cols_per_month

    def column(self, day: date) -> int:
        """The column of ``day``, clamped to the axis."""
        month = _month_index(day) - _month_index(self.first)
        month = max(0, min(month, self.months - 1))
        if self.months_per_col > 1:
            return month // self.months_per_col
        days = calendar.monthrange(day.year, day.month)[1]
        within = min(self.cols_per_month - 1, (day.day - 1) * self.cols_per_month // days)
        return month * self.cols_per_month + within

    def month_starts(self) -> list[tuple[int, date]]:
        """(column, first day) of each month that begins a column."""
        starts = []
        for m in range(self.months):
            index = _month_index(self.first) + m
            day = date(index // 12, index % 12 + 1, 1)
            if self.months_per_col == 1 or m % self.months_per_col == 0:
                starts.append((self.column(day), day))
        return starts


def axis(start: date, end: date, width: int, max_cols_per_month: int = 6) -> Axis:
    """An axis from ``start``'s month to ``end``'s month that fits in ``width`` columns."""
    if end < start:
        start, end = end, start
    months = _month_index(end) - _month_index(start) + 1
    width = max(width, 1)
    first = date(start.year, start.month, 1)
    if months <= width:
        return Axis(first, months, min(max_cols_per_month, width // months), 1)
    return Axis(first, months, 1, -(-months // width))
