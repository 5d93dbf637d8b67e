"""The JSON Schemas of tasks.yaml and leading_group.yaml, shipped with gk for editors.

They describe the shape gk check accepts (fields, types, status and role words);
what only the whole table can tell — an office that is not listed, a group that does
not exist — stays gk check's. tests/test_schema.py keeps the two in step.
"""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).resolve().parent / "schemas"
NAMES = ("tasks", "leading_group")


def path(which: str) -> Path:
    return FOLDER / f"{which}.schema.json"


def text(which: str) -> str:
    return path(which).read_text(encoding="utf-8")
