"""``gk undo``: take back gk's last write to tasks.yaml, committed or not, keeping hand edits.

The write to take back is the newest one in the undo journal (:mod:`gkcli.journal`) that no
undo has taken back yet; each undo is journaled too, so a second ``gk undo`` goes one write
further back, never forth again.

* The file still holds exactly the bytes gk wrote: the bytes from before are put back.
* It has been edited since: gk's change is taken back line by line around the edits
  (:func:`_take_back`), only where no edit touches a line gk changed — else refused with the
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

from gkcli import gitdirs, journal, writer
from gkcli.errors import GkError, Msg, WriteRefused, clip
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
    gone: bool = False  # its commit is no longer in HEAD's history (reset, amended)
    skipped: bool = False  # gk undo --skip: marked not to be undone, the file untouched
    note: Msg | None = None  # a word about the journal (it could not be written)


@dataclass
class Row:
    entry: Entry
    state: str  # next (what gk undo takes back next), undone, skipped, open (further back), undo
    gone: bool = False  # its commit is no longer in HEAD's history (reset, amended)


@dataclass
class Listing:
    path: Path
    rows: list[Row]
    dropped: int = 0  # older writes that fell out of the journal


class _Overlap(Exception):
    def __init__(self, first: int, last: int, removed: int = 0):
        super().__init__(first, last)
        self.first, self.last = first, last  # 1-based lines of the current file
        self.removed = removed  # the edit removed (or moved) gk's lines: the first, in gk's text


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


def _take_back(before: str, after: str, current: str) -> tuple[str, list[tuple[int, int]]]:
    """``current`` with the change ``before`` → ``after`` taken back, line by line; and the
    lines (first, last; 1-based, of ``current``) edited by hand right next to a line gk
    changed: lines that may belong with gk's (a meeting added under the ``meetings:`` gk's
    write began). Lines edited since (``after`` → ``current``) that touch a line gk changed
    raise :class:`_Overlap` (unless the edit made exactly the same lines as ``before``)."""
    b, a, c = (t.splitlines(True) for t in (before, after, current))
    gk = _hunks(a, b)
    hand = _hunks(a, c)
    todo = []
    beside = []
    for gi1, gi2, bj1, bj2 in gk:
        same = [h for h in hand if (h[0], h[1]) == (gi1, gi2) and c[h[2]:h[3]] == b[bj1:bj2]]
        if same:
            continue  # changed back by hand already
        for hi1, hi2, cj1, cj2 in hand:
            if _touch((gi1, gi2), (hi1, hi2)):
                raise _Overlap(cj1 + 1, max(cj2, cj1 + 1), 0 if cj2 > cj1 else max(gi1, hi1) + 1)
            if cj2 > cj1 and (hi1 == gi2 or hi2 == gi1):
                beside.append((cj1 + 1, cj2))
        todo.append((gi1, gi2, b[bj1:bj2]))
    ops = _opcodes(a, c)
    result = list(c)
    for gi1, gi2, lines in reversed(todo):
        at = _at(ops, gi1, gi2)
        if at is None:  # not reached: a change that touches no edit lies in unchanged lines
            raise _Overlap(1, max(len(c), 1))
        result[at:at + gi2 - gi1] = lines
    return "".join(result), beside


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

def _subjects(entry: Entry, key: str = "undo.subject") -> dict[str, str]:
    from gkcli.i18n import Words

    return {lang: Words(lang).message(key, {"subject": entry.said(lang)}) for lang in ("zh", "en")}


def _last(node: Any) -> int:
    """The last line (0-based) that holds ``node``'s own text, comments and blank lines after
    it left out."""
    import yaml

    if isinstance(node, yaml.MappingNode) and node.value:
        return _last(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and node.value:
        return _last(node.value[-1])
    end = node.end_mark
    line: int = end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line
    return line


def _places(text: str, first: int, last: int) -> tuple[str, Any] | None:
    """Where the first of lines ``first``–``last`` (1-based) of tasks.yaml ``text`` is, by
    its parsed nodes: ("item", id) inside an item's mapping under ``tasks:``, else ("section",
    key) inside another top-level key (``meetings``, ``settings``), else None (a blank line
    between items names neither, nor does a text that cannot be read)."""
    import yaml

    from gkcli.yamlnodes import compose

    root, _ = compose(text, "")
    if not isinstance(root, yaml.MappingNode):
        return None
    spans: list[tuple[int, int, tuple[str, Any]]] = []
    for key, value in root.value:
        if key.value == "tasks" and isinstance(value, yaml.SequenceNode):
            for item in value.value:
                if not isinstance(item, yaml.MappingNode):  # `- oops`: not an item to name
                    continue
                ids = [v.value for k, v in item.value
                       if k.value == "id" and isinstance(v, yaml.ScalarNode)]
                if ids:
                    spans.append((item.start_mark.line, _last(item), ("item", clip(ids[0], 12))))
        spans.append((key.start_mark.line, _last(value), ("section", clip(key.value, 30))))
    for kind in ("item", "section"):
        for at in range(first - 1, last):
            for start, end, found in spans:
                if found[0] == kind and start <= at <= end:
                    return found
    return None


_WHERE = {"undo_overlap": ("undo_overlap", "undo_overlap_item", "undo_overlap_section"),
          "undo_beside": ("undo_beside", "undo_beside_item", "undo_beside_section")}


def _where_lines(kind: str, subject: str, shown: str, current: str, first: int, last: int
                 ) -> WriteRefused:
    """The refusal ``kind`` naming lines ``first``–``last`` of the current file and where they
    are: the item, the section, or just the lines."""
    alone, in_item, in_section = _WHERE[kind]
    lines = str(first) if first == last else f"{first}–{last}"
    found = _places(current, first, last)
    if found is None:
        return WriteRefused(alone, subject=subject, path=shown, lines=lines)
    if found[0] == "item":
        return WriteRefused(in_item, subject=subject, path=shown, lines=lines, id=found[1])
    return WriteRefused(in_section, subject=subject, path=shown, lines=lines, section=found[1])


def _removed(subject: str, shown: str, after: str, line: int) -> WriteRefused:
    """The refusal when hand edits removed or moved the lines gk changed (line ``line`` of
    the text gk wrote): named by the item or section they were in when gk wrote them."""
    found = _places(after, line, line)
    if found is None:
        return WriteRefused("undo_removed", subject=subject, path=shown)
    if found[0] == "item":
        return WriteRefused("undo_removed_item", subject=subject, path=shown, id=found[1])
    return WriteRefused("undo_removed_section", subject=subject, path=shown, section=found[1])


def _new_text(entry: Entry, before: str, after: str, current: str, shown: str, lang: str) -> str:
    """The text to write: ``current`` with ``entry``'s change taken back, or a refusal.

    Whether hand edits overlap gk's change is decided by lines (:func:`_take_back`). Where
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
        text, beside = _take_back(before, after, current)
    except _Overlap as exc:
        if exc.removed:  # no line of hers to name: the lines gk changed are gone from here
            raise _removed(subject, shown, after, exc.removed) from None
        raise _where_lines("undo_overlap", subject, shown, current, exc.first, exc.last) from None
    old = [validate_tasks_text(t, shown)[0] for t in (before, after)]
    refusal = _refusal(text, (old[0], old[1], now_table), subject, shown)
    if refusal is None:
        return text
    from gkcli import merge

    if beside:  # her lines next to gk's: say so, rather than what the lines would turn into
        refusal = _where_lines("undo_beside", subject, shown, current, beside[0][0], beside[-1][1])
    try:
        merged = merge.merge_texts(after, current, _with_lists_begun(before, after), shown)
    except merge.Unmergeable:
        raise refusal from None
    if merged.conflicts or merged.renumbered or \
            _refusal(merged.text, (old[0], old[1], now_table), subject, shown) is not None:
        raise refusal
    return merged.text


def _with_lists_begun(before: str, after: str) -> str:
    """``before`` with an empty list for each top-level list gk's write began (the
    ``meetings:`` of the first ``gk meeting``), so that the merge takes gk's entries out of
    it and keeps those she added since, rather than finding the whole list removed."""
    import yaml

    from gkcli.yamlnodes import compose

    old, new = (compose(t, "")[0] for t in (before, after))
    if not isinstance(old, yaml.MappingNode) or not isinstance(new, yaml.MappingNode):
        return before
    had = {k.value for k, _ in old.value}
    begun = [k.value for k, v in new.value if k.value not in had
             and isinstance(k.value, str) and isinstance(v, yaml.SequenceNode)]
    if not begun:
        return before
    return before + ("" if before.endswith("\n") or not before else "\n") + \
        "".join(f"{key}: []\n" for key in begun)


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
    if gitdirs.git_dir(Path(os.path.realpath(data_dir))) is None:
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
    root = _git_root(data_dir)
    when = (gitops.committed_at(root, commit) if root is not None else "") or when
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


def _next(data_dir: Path, found: Journal, when: str, dry_run: bool) -> Entry:
    entry = found.next_to_undo() or _adopt_gk_commit(found, data_dir, when, dry_run)
    if entry is None:
        shown = display_path(data_dir / TASKS_FILE)
        if found.dropped:
            raise GkError("undo_nothing_dropped", path=shown, limit=journal.MAX_ENTRIES)
        elsewhere = _notices_with_writes(data_dir)
        if elsewhere:  # a workspace: the first notice's folder (by name) with a write to undo
            raise GkError("undo_nothing_here", path=shown, folder=display_path(elsewhere[0]))
        raise GkError("undo_nothing", path=shown)
    return entry


def _notices_with_writes(data_dir: Path) -> list[Path]:
    """The notices' folders in ``data_dir`` (a workspace) whose journal has a write to undo.
    (Each notice keeps its own journal: gk undo is asked of the folder it wrote.)"""
    from gkcli.store import notice_folders

    found = []
    for folder in notice_folders(data_dir):
        try:
            if journal.read(folder).next_to_undo() is not None:
                found.append(folder)
        except GkError:  # a damaged journal there: that folder's own gk undo says so
            continue
    return found


def skip(data_dir: Path, when: str, dry_run: bool = False) -> Undone:
    """Mark the write ``gk undo`` would take back next as not to be undone (journaled), so
    that the next ``gk undo`` goes to the one before; the file is not touched."""
    with writer.locked(data_dir):
        found = journal.read(data_dir)
        entry = _next(data_dir, found, when, dry_run)
        done = Undone(entry, data_dir / TASKS_FILE, dry_run=dry_run, skipped=True)
        if not dry_run:
            done.note = journal.record(data_dir, "undo", b"", b"", _subjects(entry, "undo.skip"),
                                       when, undoes=entry.n, skip=True)
        return done


def _newline(text: str) -> str:
    crlf = text.count("\r\n")
    return "\r\n" if crlf > text.count("\n") - crlf else "\n"


def _same_breaks(texts: tuple[str, str, str]) -> tuple[tuple[str, str, str], str | None]:
    """The three texts with one kind of line break, and the one to give the result (None:
    they had one kind already): her file re-saved by Notepad or WPS with CRLF, or back."""
    kinds = {_newline(t) for t in texts}
    if len(kinds) == 1 and all(("\r\n" in t) == (kinds == {"\r\n"}) for t in texts):
        return texts, None
    b, a, c = (t.replace("\r\n", "\n") for t in texts)
    return (b, a, c), _newline(texts[2])


def _undo_locked(data_dir: Path, lang: str, when: str, dry_run: bool) -> Undone:
    from gkcli import gitops

    path = data_dir / TASKS_FILE
    shown = display_path(path)
    found = journal.read(data_dir)
    entry = _next(data_dir, found, when, dry_run)
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
            done.gone = not gitops.reachable(root, entry.commit)
            why = Msg.of("undo_why.gone" if done.gone else "undo_why.moved")
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

    current_text = decode(current_raw, path)[0]
    (before, after, current), breaks = _same_breaks(
        (decode(before_raw, path)[0], decode(after_raw, path)[0], current_text))
    text = _new_text(entry, before, after, current, shown, lang)
    done.kept_edits = current != after
    done.already = text == current
    if breaks is not None:  # hers, as she saved it last
        text = current_text if done.already else text.replace("\n", breaks) if breaks != "\n" else text

    def edit(doc: TasksText) -> None:
        if doc.text != current_text:  # changed between the two reads: refuse, hers stays
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
    skipped = {e.undoes for e in found.entries if e.kind == "undo" and e.skip}
    upcoming = found.next_to_undo()
    commits = {e.commit for e in found.entries if e.commit}
    root = _git_root(data_dir) if commits else None
    if root is not None:
        from gkcli import gitops

        gone = {c for c in commits if not gitops.reachable(root, c)}
    else:
        gone = set()
    rows = []
    for entry in reversed(found.entries):
        if entry.kind == "undo":
            state = "undo"
        elif entry.n in skipped:
            state = "skipped"
        elif entry.n in taken:
            state = "undone"
        else:
            state = "next" if upcoming is not None and entry.n == upcoming.n else "open"
        rows.append(Row(entry, state, entry.commit in gone))
    return Listing(found.path, rows, found.dropped)
