"""What ``gk import`` prints: the files (with --dry-run), what was read, the review list,
the files written, and what gk check says. The renderer of kind ``import`` (gkcli.formats)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from gkcli.i18n import Words
    from gkcli.importer import ImportResult


def summary(result: ImportResult, words: Words) -> list[str]:
    """What was read and the review list, as lines in the chosen language."""
    draft = result.draft
    lines = [words.message("imp_summary", {
        "items": len(draft.items), "groups": len(draft.groups),
        "offices": len(result.plan.offices), "people": len(draft.members)})]
    if result.review:
        lines.append(words.message("imp_review_head", {"n": len(result.review)}))
        lines += [f"  {entry.text(words)}" for entry in result.review]
    return lines


def workspace_line(result: ImportResult, words: Words) -> str:
    """Whether gk --all reads the written folder, else where to put it so that it does."""
    from gkcli.store import display_path

    assert result.out is not None
    path = display_path(result.out)[:200]
    if result.joined:
        return words.message("imp_joined" if result.written else "imp_would_join", {"path": path})
    root = result.root or Path("data")
    return words.message("imp_not_joined", {
        "path": path, "root": display_path(root)[:200].rstrip("/"),
        "suggest": display_path(root / result.out.name)[:200]})


def import_text(result: ImportResult, words: Words, out: TextIO) -> None:
    from gkcli.store import display_path

    lines: list[str] = []
    if not result.written:
        for name, text in result.files.items():
            lines.append(f"# ==> {Path(result.out or '.') / name} <==")
            lines.append(text)
    lines += summary(result, words)
    if result.written and result.out is not None:
        lines += [words.message("imp_wrote", {"path": display_path(result.out / name)})
                  for name in result.files]
        lines.append(workspace_line(result, words))
    else:
        lines.append(words.message("imp_dry_run"))
        if result.out is not None:
            lines.append(workspace_line(result, words))
    lines += [problem.text(words) for problem in result.problems]
    if result.problems:
        key = "imp_check_failed" if result.written else "imp_dry_check_failed"
        lines.append(words.message(key, {"n": len(result.problems)}))
    else:
        lines.append(words.message("imp_check_ok"))
    out.write("\n".join(lines) + "\n")
