"""``gk undo``: take back gk's last write to tasks.yaml, committed or not, keeping hand edits.

The write to take back is the newest one in the undo journal (:mod:`gkcli.journal`) that no
undo has taken back yet; each undo is journaled too, so a second ``gk undo`` goes one write
further back, never forth again.

* The file still holds exactly the bytes gk wrote: the bytes from before are put back.
* It has been edited since: gk's change is taken back line by line around the edits
  (:func:`take_back`), only where no edit touches a line gk changed — else refused with the
  lines and the item, nothing written — and the result must read, item by item and field by
  field, as the current table with gk's change taken back (:func:`_kept_apart`).
* Every result is validated and written like any gk write (lock, stable read, atomic).
* A committed write that is still exactly HEAD, with nothing uncommitted in the file, is
  undone as before: the previous bytes committed again (``Revert "gk: …"``). Otherwise only
  the file changes and the caller says why nothing was committed.

gk never acts inside a git operation of the user's (merge, rebase, …): undo refuses then.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence
from dataclasses import dataclass, fields, is_dataclass, replace
from pathlib import Path
from typing import Any

from gkcli import journal, writer
from gkcli.errors import GkError, Msg, WriteRefused
from gkcli.journal import Entry, Journal
from gkcli.model import Table, Task
from gkcli.store import TASKS_FILE, decode, display_path, validate_tasks_text
from gkcli.yamledit import TasksText


@dataclass
class Undone:
    """What ``gk undo`` did (or, with ``dry_run``, would do)."""

    entry: Entry
    path: Path
    dry_run: bool = False
    diff: str = ""
    commit: str = ""  # the new commit's short hash, when the undo was committed
    would_commit: bool = False  # dry_run: the undo would be committed
    file_only: Msg | None = None  # why a committed write was undone in the file only
    kept_edits: bool = False  # the file had been edited since: those edits are kept
    already: bool = False  # the change was no longer in the file: nothing to write
    note: Msg | None = None  # a word about the journal (it could not be written)


@dataclass
class Row:
    entry: Entry
    state: str  # next (what gk undo takes back next), undone, open (further back), undo


@dataclass
class Listing:
    path: Path
    rows: list[Row]


class _Overlap(Exception):
    def __init__(self, first: int, last: int):
        super().__init__(first, last)
        self.first, self.last = first, last  # 1-based lines of the current file


# --- the line merge ------------------------------------------------------------------------------

Op = tuple[str, int, int, int, int]


def _opcodes(a: list[str], b: list[str]) -> list[Op]:
    """difflib's opcodes from ``a`` to ``b``, fast on a long table: the lines both share at the
    start and the end are set aside first, and the rest is matched with difflib's heuristic
    for lines that recur (``lead: 综合股``), anchored by the lines that do not (ids, titles)."""
    start, end = 0, 0
    limit = min(len(a), len(b))
    while start < limit and a[start] == b[start]:
        start += 1
    while end < limit - start and a[-1 - end] == b[-1 - end]:
        end += 1
    ops: list[Op] = [("equal", 0, start, 0, start)] if start else []
    middle = difflib.SequenceMatcher(None, a[start:len(a) - end], b[start:len(b) - end])
    ops += [(tag, i1 + start, i2 + start, j1 + start, j2 + start)
            for tag, i1, i2, j1, j2 in middle.get_opcodes()]
    if end:
        ops.append(("equal", len(a) - end, len(a), len(b) - end, len(b)))
    return ops


def _hunks(a: list[str], b: list[str]) -> list[tuple[int, int, int, int]]:
    return [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in _opcodes(a, b) if tag != "equal"]


def _touch(g: tuple[int, int], h: tuple[int, int]) -> bool:
    """Whether two changed ranges of the same base lines touch: they overlap, or one is an
    insertion strictly inside the other, or both insert at the same place."""
    (g1, g2), (h1, h2) = g, h
    if g1 < g2 and h1 < h2:
        return g1 < h2 and h1 < g2
    if g1 == g2 and h1 == h2:
        return g1 == h1
    if g1 == g2:
        return h1 < g1 < h2
    return g1 < h1 < g2


def take_back(before: str, after: str, current: str) -> str:
    """``current`` with the change ``before`` → ``after`` taken back, line by line.

    Lines edited since (``after`` → ``current``) that touch a line gk changed raise
    :class:`_Overlap` (unless the edit made exactly the same lines as ``before``).
    """
    b, a, c = (t.splitlines(True) for t in (before, after, current))
    gk = _hunks(a, b)
    hand = _hunks(a, c)
    todo = []
    for gi1, gi2, bj1, bj2 in gk:
        same = [h for h in hand if (h[0], h[1]) == (gi1, gi2) and c[h[2]:h[3]] == b[bj1:bj2]]
        if same:
            continue  # changed back by hand already
        for hi1, hi2, cj1, cj2 in hand:
            if _touch((gi1, gi2), (hi1, hi2)):
                raise _Overlap(cj1 + 1, max(cj2, cj1 + 1))
        todo.append((gi1, gi2, b[bj1:bj2]))
    ops = _opcodes(a, c)
    result = list(c)
    for gi1, gi2, lines in reversed(todo):
        at = _at(ops, gi1, gi2)
        if at is None:  # not reached: a change that touches no edit lies in unchanged lines
            raise _Overlap(1, max(len(c), 1))
        result[at:at + gi2 - gi1] = lines
    return "".join(result)


def _at(ops: Sequence[Op], gi1: int, gi2: int) -> int | None:
    """Where gk's lines ``gi1:gi2`` of the base are in the current text: inside lines nobody
    edited, or, for an insertion, next to an edit (after it when it ends there)."""
    for tag, i1, i2, j1, _ in ops:
        if tag == "equal" and i1 <= gi1 and gi2 <= i2:
            return j1 + gi1 - i1
    if gi1 == gi2:
        for _, i1, i2, j1, j2 in ops:
            if i2 == gi1:
                return j2
            if i1 == gi1:
                return j1
    return None


# --- the check by items and fields ---------------------------------------------------------------

def _plain(value: Any) -> Any:
    """A value to compare: positions in the file left out (hand edits move them)."""
    if isinstance(value, (list, tuple)):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type) and any(f.name == "line" for f in fields(value)):
        return replace(value, line=0)
    if hasattr(value, "offices") and hasattr(value, "groups") and not is_dataclass(value):
        return _plain(vars(value))  # the OfficeRegistry
    return value


def _follows(b: Any, a: Any, c: Any, n: Any) -> bool:
    """``n`` is what the three-way rule gives: hers where gk changed nothing, gk's before where
    she changed nothing; where both changed a list (progress notes, extensions, …), hers
    without the entries gk's write added and with those it removed. Any other value both
    changed cannot be told apart: False."""
    if b == a:
        return bool(n == c)
    if c == a or c == b:  # she left it as gk wrote it, or put it back herself
        return bool(n == b)
    if all(isinstance(v, tuple) for v in (b, a, c, n)):
        from collections import Counter

        try:
            added, removed = Counter(a) - Counter(b), Counter(b) - Counter(a)
            return Counter(n) == Counter(c) - added + removed
        except TypeError:  # entries that cannot be counted
            return False
    return False


def _kept_apart(tables: tuple[Table, Table, Table, Table]) -> str | None:
    """None when the new table (the fourth) is the current one (third) with the change
    before (first) → after (second) taken back, by item and field; else what is not."""
    b, a, c, n = tables
    for name in ("notice", "offices", "groups", "settings", "reporting", "calendar", "meetings"):
        if not _follows(*(_plain(getattr(t, name)) for t in tables)):
            return name
    items = [{t.id: _plain(t) for t in table.tasks} for table in tables]
    for task_id in sorted(set().union(*items)):
        found = [i.get(task_id) for i in items]
        if any(f is None for f in found):
            if not _follows(*found):
                return f"#{task_id}"
            continue
        for name in (f.name for f in fields(Task)):
            if not _follows(*(getattr(x, name) for x in found)):
                return f"#{task_id}"
    return None


# --- undo ---------------------------------------------------------------------------------------

def _subjects(entry: Entry) -> dict[str, str]:
    from gkcli.i18n import Words

    return {lang: Words(lang).message("undo.subject", {"subject": entry.said(lang)})
            for lang in ("zh", "en")}


def _item_at(table: Table | None, line: int) -> int | None:
    if table is None:
        return None
    above = [t for t in table.tasks if 0 < t.line <= line]
    return max(above, key=lambda t: t.line).id if above else None


def _new_text(entry: Entry, before: str, after: str, current: str, shown: str, lang: str) -> str:
    """The text to write: ``current`` with ``entry``'s change taken back, or a refusal.

    Whether hand edits overlap gk's change is decided by lines (:func:`take_back`). Where
    they do not, but putting gk's lines back beside them does not make a valid table that
    reads as it should (a note added by hand right under the one gk added: taking gk's lines
    back would orphan it), the change is taken back by item and field instead, with the
    merge driver's three-way merge (:func:`gkcli.merge.merge_texts`), checked the same way.
    """
    subject = entry.said(lang)
    if current == after:
        return before
    now_table, _ = validate_tasks_text(current, shown)
    try:
        text = take_back(before, after, current)
    except _Overlap as exc:
        lines = str(exc.first) if exc.first == exc.last else f"{exc.first}–{exc.last}"
        item = _item_at(now_table, exc.first)
        if item is None:
            raise WriteRefused("undo_overlap", subject=subject, path=shown, lines=lines) from None
        raise WriteRefused("undo_overlap_item", subject=subject, path=shown, lines=lines,
                           id=item) from None
    old = [validate_tasks_text(t, shown)[0] for t in (before, after)]
    refusal = _refusal(text, (old[0], old[1], now_table), subject, shown)
    if refusal is None:
        return text
    from gkcli import merge

    try:
        merged = merge.merge_texts(after, current, before, shown)
    except merge.Unmergeable:
        raise refusal from None
    if merged.conflicts or merged.renumbered or \
            _refusal(merged.text, (old[0], old[1], now_table), subject, shown) is not None:
        raise refusal
    return merged.text


def _refusal(text: str, tables: tuple[Table | None, Table | None, Table | None], subject: str,
             shown: str) -> WriteRefused | None:
    """Why ``text`` may not be written as the undo (None: it may): it does not pass gk check,
    or it does not read as the current table with gk's change taken back."""
    new_table, problems = validate_tasks_text(text, shown)
    if problems:
        p = problems[0]
        return WriteRefused("undo_invalid", subject=subject, where=f"{p.path}:{p.line}:{p.col}",
                            detail=Msg(p.message, p.params))
    b, a, c = tables
    if b and a and c and new_table:
        what = _kept_apart((b, a, c, new_table))
        if what:
            return WriteRefused("undo_unsure", subject=subject, what=what)
    return None


def _git_root(data_dir: Path) -> Path | None:
    """The git work tree of the data folder; git is asked only when a .git is found above it."""
    if journal.git_dir(Path(os.path.realpath(data_dir))) is None:
        return None
    from gkcli import gitops

    return gitops.repo_root(data_dir)


def _adopt_gk_commit(found: Journal, data_dir: Path, when: str, dry_run: bool) -> Entry | None:
    """With no journal yet (a gk from before the journal, a fresh clone), the last commit when
    it is exactly one gk change, as earlier gk undid it: taken into the journal as a write, so
    that it is undone like one. None otherwise: once a journal exists, commits it does not
    know were made elsewhere, and git is the way back for those."""
    if found.entries or _git_root(data_dir) is None:
        return None
    from gkcli import gitops

    change = gitops.last_gk_change(data_dir / TASKS_FILE)
    if change is None:
        return None
    commit, subject, before, after = change
    subject = subject.removeprefix(gitops.PREFIX)
    said = {"zh": subject, "en": subject}
    if dry_run:
        return journal.unsaved(found, before, after, said, when, commit)
    note = journal.record(data_dir, "write", before, after, said, when, commit=commit)
    if note is not None:  # the journal cannot be written: undo the commit from memory
        return journal.unsaved(found, before, after, said, when, commit)
    return journal.read(data_dir).next_to_undo()


def undo(data_dir: Path, lang: str, when: str, dry_run: bool = False) -> Undone:
    """Take back the newest write in the journal not taken back yet (see the module's words).

    ``lang`` is the language of the subjects in refusals; ``when`` the time to journal.
    """
    with writer.locked(data_dir):
        return _undo_locked(data_dir, lang, when, dry_run)


def _undo_locked(data_dir: Path, lang: str, when: str, dry_run: bool) -> Undone:
    from gkcli import gitops

    path = data_dir / TASKS_FILE
    shown = display_path(path)
    found = journal.read(data_dir)
    entry = found.next_to_undo() or _adopt_gk_commit(found, data_dir, when, dry_run)
    if entry is None:
        raise GkError("undo_nothing", path=shown)
    before_raw, after_raw = journal.entry_bytes(found, entry)
    root = _git_root(data_dir)
    if root is not None and not dry_run:
        gitops.refuse_during_operation(root, "undo_in_progress")
    current_raw, _ = writer.read_stable(writer.target_of(path), shown)
    done = Undone(entry, path, dry_run=dry_run)

    why = None
    if entry.commit:
        if root is None:
            why = Msg.of("undo_why.no_repo")
        elif gitops.head(root) != entry.commit:
            why = Msg.of("undo_why.moved")
        elif current_raw != after_raw or gitops.uncommitted(path):
            why = Msg.of("undo_why.dirty")
    if entry.commit and why is None and root is not None:
        if dry_run:
            done.would_commit = True
        else:
            _subject, done.commit = gitops.undo(path)
            written = writer.read_stable(writer.target_of(path), shown)[0]
            done.note = journal.record(data_dir, "undo", current_raw, written, _subjects(entry),
                                       when, commit=gitops.head(root) or "", undoes=entry.n)
            return done
    done.file_only = why

    current, _ = decode(current_raw, path)
    before, _ = decode(before_raw, path)
    after, _ = decode(after_raw, path)
    text = _new_text(entry, before, after, current, shown, lang)
    done.kept_edits = current != after
    done.already = text == current

    def edit(doc: TasksText) -> None:
        if doc.text != current:  # changed between the two reads: refuse, hers stays
            raise WriteRefused("changed_on_disk", path=shown)
        doc.text = text

    result = writer.apply_locked(data_dir, edit, dry_run=dry_run)
    done.diff = result.diff()
    if not dry_run:
        done.note = journal.record(data_dir, "undo", current_raw, result.data or current_raw,
                                   _subjects(entry), when, undoes=entry.n)
    return done


def listing(data_dir: Path) -> Listing:
    """The journal, newest first, each write marked: next to undo, undone, or further back."""
    found: Journal = journal.read(data_dir)
    taken = found.undone()
    upcoming = found.next_to_undo()
    rows = []
    for entry in reversed(found.entries):
        if entry.kind == "undo":
            state = "undo"
        elif entry.n in taken:
            state = "undone"
        else:
            state = "next" if upcoming is not None and entry.n == upcoming.n else "open"
        rows.append(Row(entry, state))
    return Listing(found.path, rows)
