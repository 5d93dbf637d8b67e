"""The changes gk makes to items, and saving them (with a git commit when asked).

Each function checks its request against the table and returns a :class:`Change`:
the edit to apply to the text of tasks.yaml and the commit message that says what it
did (a catalogue message, said in the chosen language when saved). :func:`save`
applies it through :mod:`gkcli.writer` and commits it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from gkcli import deadlines
from gkcli.errors import GkError, Msg, WriteRefused
from gkcli.gitops import PREFIX
from gkcli.model import Table, Task
from gkcli.store import STATUS_WORDS, TASKS_FILE, display_path
from gkcli.writer import Result
from gkcli.yamledit import TasksText, has_line_break

# An item as it should read after the change, from (the table read, the item as it was, the
# item as it will be written): most expectations need only the first two.
Expect = Callable[[Table, Task, Task], Task]

if TYPE_CHECKING:
    from gkcli.i18n import Words

STATUS_ZH = {canonical: word for word, canonical in STATUS_WORDS.items() if not word.isascii()}


@dataclass
class Change:
    """An edit to tasks.yaml, what it must do to the table, and its commit message.

    ``changed`` maps each id the change edits to the item it must become; ``added`` and
    ``removed`` are the ids it adds and removes. A write whose result is anything else —
    another item changed, an item lost — is refused (see :func:`check`).
    """

    message: Msg  # also the commit message: "gk: 完成 #5 建设…（2021-06-28）"
    edit: Callable[[TasksText], None]
    changed: dict[int, Expect] = field(default_factory=dict)
    added: dict[int, Expect] = field(default_factory=dict)
    removed: frozenset[int] = frozenset()
    detail: str = ""  # more words for the undo journal's subject (the text of a note)

    def check(self, before: Table, after: Table) -> None:
        """Refuse unless the table written is the table read plus exactly this change."""
        if (before.notice, before.groups, before.settings) != (after.notice, after.groups, after.settings) \
                or before.offices.__dict__ != after.offices.__dict__:
            raise WriteRefused("unintended_change", what="offices, groups, notice, settings")
        old = {t.id: t for t in before.tasks}
        new = {t.id: t for t in after.tasks}
        expected_ids = (set(old) - self.removed) | set(self.added)
        if set(new) != expected_ids:
            lost = sorted(expected_ids - set(new)) or sorted(set(new) - expected_ids)
            raise WriteRefused("unintended_change", what=" ".join(f"#{i}" for i in lost[:5]))
        for task_id, task in new.items():
            if task_id in self.added:
                want = self.added[task_id](before, task, task)
            elif task_id in self.changed:
                want = self.changed[task_id](before, old[task_id], task)
            else:
                want = old[task_id]
            if replace(want, line=0) != replace(task, line=0):
                raise WriteRefused("unintended_change", what=f"#{task_id}")
    said: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # catalogue keys to tell the user
    # a change of structure (an item added or removed, a field, a status word): it has no date
    # of its own, so the table as of a day counts it from the day it is committed, whatever
    # --today said; the dated facts (done_on, notes, extensions, meetings) carry --today's date
    undated: bool = False

    def text(self, words: Words) -> str:
        return words.message(self.message.key, self.message.params)


@dataclass
class Saved:
    result: Result
    commit: str | None = None  # short hash when committed
    note: Msg | None = None  # a word about the undo journal (it could not be written)


def one_line(text: str, what: str) -> str:
    """Refuse text with a line break: gk writes one-line values and never joins lines silently."""
    if has_line_break(text):
        raise GkError("line_break_refused", what=what)
    return text


def _ids(table: Table, ids: tuple[int, ...] | list[int]) -> Msg | str:
    """The items a commit message names: one with its title, several by number."""
    for task_id in ids:
        table.find(task_id)  # NotFound for an id the table does not have
    return _label(table, ids)


def _label(table: Table, ids: tuple[int, ...] | list[int]) -> Msg | str:
    if len(ids) == 1:
        task = table.find(ids[0])
        return Msg.of("commit.item", id=task.id, title=_short(task.title))
    return " ".join(f"#{i}" for i in ids)


def _short(text: str, limit: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def status_word(table: Table, status: str, task_id: int | None = None) -> str:
    """The word to write for ``status``: in the language the item (or else the file) uses.

    ``gk done 3`` on ``status: 进行中`` writes 已完成, on ``status: doing`` writes done.
    """
    task = table.task(task_id) if task_id is not None else None
    if task is not None and task.status_word:
        chinese = not task.status_word.isascii()
    else:
        written = [t.status_word for t in table.tasks if t.status_word]
        chinese = sum(not w.isascii() for w in written) * 2 > len(written)
    return STATUS_ZH[status] if chinese else status


def office_name(table: Table, name: str, option: str, allow_group: bool = True) -> str:
    """The full name of an office typed on the command line; an unknown one names the option."""
    from gkcli.offices import GroupNotOffice

    try:
        return table.offices.resolve(name, allow_group=allow_group)
    except GroupNotOffice as exc:
        raise GkError("option_value", option=option, value=name, detail=exc) from None
    except GkError:
        hint = table.offices.suggest(name)
        detail = (Msg.of("no_such_office_hint", hint=hint) if hint else Msg.of("no_such_office"))
        raise GkError("option_value", option=option, value=name, detail=detail) from None


def deadline_phrase(table: Table, phrase: str, today: date) -> str:
    """A deadline typed on the command line, as it will be written into the file.

    A phrase without a year (9月底) is read against the day it is typed, and the year
    is written in (2021年9月底), so the file says what it means without the notice's year.
    """
    phrase = phrase.strip()
    try:
        deadlines.resolve(phrase, None)
        return phrase
    except deadlines.DeadlineError as exc:
        if exc.key != "deadline_no_year":
            raise GkError("option_value", option="--deadline", value=phrase, detail=exc) from None
    dated = f"{today.year}年{phrase}"
    try:
        deadlines.resolve(dated, None)
    except deadlines.DeadlineError as exc:
        raise GkError("option_value", option="--deadline", value=phrase, detail=exc) from None
    return dated


def _group(table: Table, group: int) -> int:
    if group not in table.groups:
        raise GkError("option_value", option="--group", value=str(group),
                      detail=Msg.of("no_such_group"))
    return group


def start(table: Table, ids: tuple[int, ...]) -> Change:
    label = _ids(table, ids)
    for task_id in ids:
        if table.find(task_id).status == "done":
            raise GkError("is_done_reopen", id=task_id)

    def edit(doc: TasksText) -> None:
        for task_id in ids:
            doc.set_field(task_id, "status", status_word(table, "doing", task_id))

    return Change(Msg.of("commit.start", items=label), edit,
                  changed={i: _status("doing") for i in ids}, undated=True)


def done(table: Table, ids: tuple[int, ...], day: date, today: date,
         explicit: bool = False, cycle: str | None = None) -> Change:
    """Mark items done on ``day``; a recurring item records one occurrence (``cycle``, else the
    current one). An item already done is left as it is (and the user told when it was
    done), unless ``explicit`` (--on was given): then its date is corrected."""
    from gkcli.records import check_on
    from gkcli.recurrence import done_entries

    _ids(table, ids)
    check_on(table, day, today)
    occurrences = done_entries(table, ids, day, cycle)
    said: list[tuple[str, dict[str, Any]]] = []
    chosen = []
    for task_id in ids:
        task = table.find(task_id)
        if task_id in occurrences or task.status != "done":
            chosen.append(task_id)
        elif explicit and task.done_on != day:
            chosen.append(task_id)
            said.append(("done_corrected", {"id": task_id, "new": day.isoformat(),
                                            "old": task.done_on.isoformat() if task.done_on else "—"}))
        elif task.done_on:
            said.append(("already_done", {"id": task_id, "day": task.done_on.isoformat()}))
        else:
            said.append(("already_done_undated", {"id": task_id}))

    def edit(doc: TasksText) -> None:
        for task_id in chosen:
            if task_id in occurrences:
                doc.append_to_list(task_id, "done_occurrences", occurrences[task_id])
                continue
            doc.set_field(task_id, "status", status_word(table, "done", task_id))
            doc.set_field(task_id, "done_on", day)

    label = _label(table, chosen)
    changed: dict[int, Expect] = {i: _status("done", done_on=day)
                                  for i in chosen if i not in occurrences}
    changed.update({i: _one_more_occurrence for i in occurrences})
    if occurrences:
        which = [Msg.of("commit.occurrence", id=i, cycle=e.split()[0]) for i, e in occurrences.items()]
        message = Msg.of("commit.done_cycles", items=label, day=day.isoformat(), which=which)
    else:
        message = Msg.of("commit.done", items=label, day=day.isoformat())
    return Change(message, edit, changed=changed, said=said)


def reopen(table: Table, ids: tuple[int, ...]) -> Change:
    _ids(table, ids)
    chosen = [i for i in ids if table.find(i).status == "done"]
    said = [("not_done", {"id": i}) for i in ids if i not in chosen]

    def edit(doc: TasksText) -> None:
        for task_id in chosen:
            doc.set_field(task_id, "status", status_word(table, "doing", task_id))
            doc.remove_field(task_id, "done_on")

    label = _label(table, chosen)
    return Change(Msg.of("commit.reopen", items=label), edit, said=said,
                  changed={i: _status("doing", done_on=None) for i in chosen})


def note(table: Table, ids: tuple[int, ...], text: str, day: date,
         today: date | None = None) -> Change:
    """A dated progress note, put among the item's notes in date order."""
    from gkcli.history import note_date
    from gkcli.records import check_on

    label = _ids(table, ids)
    text = " ".join(one_line(text, "note").split())
    if not text:
        raise GkError("note_empty")
    if today is not None:
        check_on(table, day, today)
    entry = f"{day.isoformat()} {text}"

    def place(task_id: int) -> int:
        progress = table.find(task_id).progress
        at = len(progress)
        while at > 0 and (note_date(progress[at - 1]) or day) > day:
            at -= 1
        return at

    def edit(doc: TasksText) -> None:
        for task_id in ids:
            doc.insert_into_list(task_id, "progress", place(task_id), entry)

    return Change(Msg.of("commit.note", items=label, day=day.isoformat()), edit,
                  changed={i: _note_at(place(i), entry) for i in ids}, detail=text)


def _note_at(at: int, entry: str) -> Expect:
    """The expectation of a note put at position ``at`` of an item's progress list."""
    return lambda _, t, __: replace(t, progress=(*t.progress[:at], entry, *t.progress[at:]))


def correct(table: Table, ids: tuple[int, ...], fields: dict[str, Any], today: date) -> Change:
    """``gk set``: replace fields; a status of done records done_on, todo/doing clears it."""
    label = _ids(table, ids)
    if not fields:
        raise GkError("nothing_to_set")
    fields = dict(fields)
    for key in ("title", "notes", "deadline", "lead"):
        if isinstance(fields.get(key), str):
            one_line(fields[key], f"--{key}")
    for name in fields.get("assist") or ():
        one_line(name, "--assist")
    if "lead" in fields:
        fields["lead"] = office_name(table, fields["lead"], "--lead", allow_group=False)
    if "assist" in fields:
        fields["assist"] = [office_name(table, a, "--assist") for a in fields["assist"]]
    if "group" in fields:
        _group(table, fields["group"])
    if "deadline" in fields:
        fields["deadline"] = deadline_phrase(table, fields["deadline"], today)
    status = fields.pop("status", None)

    def edit(doc: TasksText) -> None:
        for task_id in ids:
            for key, value in fields.items():
                doc.set_field(task_id, key, value)
            if status is not None:
                doc.set_field(task_id, "status", status_word(table, status, task_id))
            if status == "done" and table.find(task_id).done_on is None:
                doc.set_field(task_id, "done_on", today)
            elif status in ("todo", "doing"):
                doc.remove_field(task_id, "done_on")

    def expect(before: Table, task: Task, written: Task) -> Task:
        new = _fields_as_read(before, fields, task, written)
        if status is not None:
            new["status"] = status
            new["status_word"] = written.status_word
        if status == "done" and task.done_on is None:
            new["done_on"] = today
        elif status in ("todo", "doing"):
            new["done_on"] = None
        return replace(task, **new)

    shown = {**fields, **({"status": status_word(table, status, ids[0])} if status else {})}
    what = [Msg.of("commit.field", field=Msg.of(f"field.{k}"),
                   value="、".join(v) if isinstance(v, list) else str(v))
            for k, v in shown.items()]
    return Change(Msg.of("commit.set", items=label, what=what), edit,
                  changed={i: expect for i in ids}, undated=True)


def _status(status: str, **more: Any) -> Expect:
    """The expectation of an item whose status (in the file's own word) becomes ``status``."""
    return lambda _, t, w: replace(t, status=status, status_word=w.status_word, **more)


def _one_more_occurrence(_: Table, old: Task, new: Task) -> Task:
    """A recurring item marked done: one occurrence more at the end, nothing else changed."""
    grown = len(new.done_occurrences) == len(old.done_occurrences) + 1 \
        and new.done_occurrences[:-1] == old.done_occurrences
    return replace(old, done_occurrences=new.done_occurrences) if grown else old


def one_more_extension(_: Table, old: Task, new: Task) -> Task:
    """An item extended: one extension more (by date), the deadline in force following it."""
    added = [e for e in new.extensions if e not in old.extensions]
    grown = len(new.extensions) == len(old.extensions) + 1 and len(added) == 1 \
        and {(e.on, e.to, e.reason) for e in old.extensions} \
        <= {(e.on, e.to, e.reason) for e in new.extensions}
    if not grown:
        return old
    return replace(old, extensions=new.extensions, deadline=new.deadline,
                   deadline_original=new.deadline_original)


def _resolved(table: Table, name: str) -> str:
    """An office's full name as the store reads it back."""
    try:
        return table.offices.resolve(name, allow_group=True)
    except GkError:
        return name.strip()


def _fields_as_read(table: Table, fields: dict[str, Any], old: Task | None,
                    written: Task) -> dict[str, Any]:
    """The values ``fields`` should read back as, the way :mod:`gkcli.store` reads them.

    A deadline's date is counted by the store (from ``start``, the calendar, the notice's
    year), so a deadline is taken as written when its phrase is the one asked for, and a
    deadline not asked for may change only its counted date, never its phrase.
    """
    new = dict(fields)
    for key in ("title", "notes"):
        if key in new:
            new[key] = str(new[key]).strip()
    if "lead" in new:
        new["lead"] = _resolved(table, new["lead"])
    if "assist" in new:
        new["assist"] = tuple(_resolved(table, a) for a in new["assist"])
    phrase = str(new["deadline"]) if "deadline" in new else (old.deadline.text if old else None)
    if written.deadline.text == phrase:
        new["deadline"] = written.deadline
    elif "deadline" in new:
        new["deadline"] = old.deadline if old else None  # not what was asked: refused
    return new


def add(table: Table, fields: dict[str, Any], today: date, task_id: int | None = None,
        used: Callable[[], Iterable[int]] | None = None) -> Change:
    """A new item after the last item of its work task; ``fields`` in file order
    (group, title, lead, assist, deadline, status).

    An id once used is never given again: the new id is the next above every id in the file
    and every id ``used()`` names (the ids the file's git history has held), read under the
    lock, so ``gk changes``/``gk log`` never take a new item for a removed one.
    """
    taken = [t.id for t in table.tasks]
    if task_id is not None and task_id in taken:
        raise GkError("id_taken", id=task_id, next=max(taken) + 1)
    for key in ("title", "deadline", "lead"):
        one_line(fields[key], f"--{key}")
    for name in fields.get("assist") or ():
        one_line(name, "--assist")
    item = dict(fields)
    _group(table, item["group"])
    item["lead"] = office_name(table, item["lead"], "--lead", allow_group=False)
    item["assist"] = [office_name(table, a, "--assist") for a in item.get("assist", [])]
    item["deadline"] = deadline_phrase(table, item["deadline"], today)
    status = item.get("status", "todo")
    item["status"] = status_word(table, status)
    if status == "done":
        item["done_on"] = today
    same_group = [t.id for t in table.tasks if t.group == item["group"]]
    after = same_group[-1] if same_group else None
    first = task_id or max(taken, default=0) + 1
    change = Change(Msg.of("commit.add", items=Msg.of("commit.item", id=first,
                                                      title=_short(item["title"]))),
                    lambda doc: None, undated=True)

    def edit(doc: TasksText) -> None:
        """The id is chosen here, under the lock, from the text actually read."""
        present = doc.ids()
        retired = set(used()) - set(present) if used is not None else set()
        free = max([*present, *retired], default=0) + 1
        new_id = free if task_id is None else task_id
        if new_id in present:
            raise GkError("id_taken", id=new_id, next=free)
        if new_id in retired:
            raise GkError("id_retired", id=new_id, next=free)
        doc.add_item({"id": new_id, **item}, after=after if after in present else None)
        change.message = Msg.of("commit.add", items=Msg.of("commit.item", id=new_id,
                                                           title=_short(item["title"])))
        change.added = {new_id: expect}

    def expect(before: Table, task: Task, written: Task) -> Task:
        new = _fields_as_read(before, item, None, written)
        return Task(id=task.id, group=new["group"], title=new["title"], lead=new["lead"],
                    assist=new["assist"], deadline=new["deadline"], status=status,
                    status_word=written.status_word,
                    done_on=new.get("done_on"), start=new.get("start"))

    change.edit = edit
    change.added = {first: expect}
    return change


def remove(table: Table, ids: tuple[int, ...]) -> Change:
    label = _ids(table, ids)

    def edit(doc: TasksText) -> None:
        for task_id in ids:
            doc.remove_item(task_id)

    return Change(Msg.of("commit.remove", items=label), edit, removed=frozenset(ids), undated=True)


def save(data_dir: Path, change: Change, words: Words, dry_run: bool = False,
         commit: bool = False, when: str = "") -> Saved:
    """Apply ``change`` to tasks.yaml (see :func:`gkcli.writer.apply`) and commit it if asked,
    with the commit message in the language of ``words``.

    A gk commit holds gk's change and nothing else, so committing is refused while
    tasks.yaml has edits of its own that are not committed yet, or while a git operation
    (merge, rebase, …) is in progress. The lock is held across the write and the commit,
    so two gk commands never mix their changes; a commit git refuses puts the file back.
    A write that is made (and committed, if asked) goes into the undo journal
    (:mod:`gkcli.journal`, at time ``when``) under the same lock, so ``gk undo`` can take it back.
    """
    from gkcli import writer

    tasks = data_dir / TASKS_FILE
    if dry_run:
        return Saved(writer.apply(data_dir, change.edit, dry_run=True, check=change.check))
    with writer.locked(data_dir):
        if not commit:
            saved = Saved(writer.apply_locked(data_dir, change.edit, check=change.check))
            return _journal(data_dir, change, saved, when)
        from gkcli import gitops

        root = gitops.repo_root(data_dir)
        if root is None:
            raise GkError("commit_not_repo", path=display_path(data_dir))
        gitops.refuse_during_operation(root)
        if gitops.uncommitted(tasks):
            raise GkError("commit_uncommitted", path=display_path(tasks))
        result = writer.apply_locked(data_dir, change.edit, check=change.check)
        saved = Saved(result)
        full = ""
        if result.written:
            saved.commit = gitops.commit(tasks, PREFIX + change.text(words), result.data,
                                         result.original)
            full = gitops.head(root) or ""
        return _journal(data_dir, change, saved, when, full)


def _journal(data_dir: Path, change: Change, saved: Saved, when: str, commit: str = "") -> Saved:
    """Record a write just made in the undo journal (the caller holds the lock)."""
    from gkcli import journal
    from gkcli.i18n import Words

    if saved.result.written:
        subject = {lang: change.text(Words(lang)) for lang in ("zh", "en")}
        if change.detail:  # gk undo --list tells one note from the next by its words
            from gkcli.errors import clip

            subject = {lang: Words(lang).message("journal.detail", {"subject": said,
                                                                    "text": clip(change.detail, 24)})
                       for lang, said in subject.items()}
        saved.note = journal.record(data_dir, "write", saved.result.original, saved.result.data,
                                    subject, when, commit=commit)
    return saved
