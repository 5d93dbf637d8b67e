"""The changes gk makes to items, and saving them (with a git commit when asked).

Each function checks its request against the table and returns a :class:`Change`:
the edit to apply to the text of tasks.yaml and the commit message that says what it
did (a catalogue message, said in the chosen language when saved). :func:`save`
applies it through :mod:`gkcli.writer` and commits it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from gkcli import deadlines
from gkcli.errors import GkError, Msg, no_item
from gkcli.gitops import PREFIX
from gkcli.model import Table
from gkcli.store import STATUS_WORDS, TASKS_FILE, display_path
from gkcli.writer import Result
from gkcli.yamledit import TasksText

if TYPE_CHECKING:
    from gkcli.i18n import Words

STATUS_ZH = {canonical: word for word, canonical in STATUS_WORDS.items() if not word.isascii()}


@dataclass
class Change:
    message: Msg  # also the commit message: "gk: 完成 #5 建设…（2021-06-28）"
    edit: Callable[[TasksText], None]

    def text(self, words: Words) -> str:
        return words.message(self.message.key, self.message.params)


@dataclass
class Saved:
    result: Result
    commit: str | None = None  # short hash when committed


def _ids(table: Table, ids: tuple[int, ...] | list[int]) -> Msg | str:
    """The items a commit message names: one with its title, several by number."""
    for task_id in ids:
        if table.task(task_id) is None:
            raise no_item(task_id)
    if len(ids) == 1:
        task = table.task(ids[0])
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
        if table.task(task_id).status == "done":
            raise GkError("is_done_reopen", id=task_id)

    def edit(doc: TasksText) -> None:
        for task_id in ids:
            doc.set_field(task_id, "status", status_word(table, "doing", task_id))

    return Change(Msg.of("commit.start", items=label), edit)


def done(table: Table, ids: tuple[int, ...], day: date, today: date,
         cycle: str | None = None) -> Change:
    """Mark items done; a recurring item records one occurrence (``cycle``, else the current one)."""
    from gkcli.recurrence import done_entries

    label = _ids(table, ids)
    if day > today:
        raise GkError("on_after_today", day=day.isoformat(), today=today.isoformat())
    occurrences = done_entries(table, ids, day, cycle)

    def edit(doc: TasksText) -> None:
        for task_id in ids:
            if task_id in occurrences:
                doc.append_to_list(task_id, "done_occurrences", occurrences[task_id])
                continue
            doc.set_field(task_id, "status", status_word(table, "done", task_id))
            doc.set_field(task_id, "done_on", day)

    if occurrences:
        which = [Msg.of("commit.occurrence", id=i, cycle=e.split()[0]) for i, e in occurrences.items()]
        return Change(Msg.of("commit.done_cycles", items=label, day=day.isoformat(), which=which), edit)
    return Change(Msg.of("commit.done", items=label, day=day.isoformat()), edit)


def reopen(table: Table, ids: tuple[int, ...]) -> Change:
    label = _ids(table, ids)

    def edit(doc: TasksText) -> None:
        for task_id in ids:
            doc.set_field(task_id, "status", status_word(table, "doing", task_id))
            doc.remove_field(task_id, "done_on")

    return Change(Msg.of("commit.reopen", items=label), edit)


def note(table: Table, ids: tuple[int, ...], text: str, day: date) -> Change:
    label = _ids(table, ids)
    text = " ".join(text.split())
    if not text:
        raise GkError("note_empty")
    entry = f"{day.isoformat()} {text}"

    def edit(doc: TasksText) -> None:
        for task_id in ids:
            doc.append_to_list(task_id, "progress", entry)

    return Change(Msg.of("commit.note", items=label, day=day.isoformat()), edit)


def correct(table: Table, ids: tuple[int, ...], fields: dict, today: date) -> Change:
    """``gk set``: replace fields; a status of done records done_on, todo/doing clears it."""
    label = _ids(table, ids)
    if not fields:
        raise GkError("nothing_to_set")
    fields = dict(fields)
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
            if status == "done" and table.task(task_id).done_on is None:
                doc.set_field(task_id, "done_on", today)
            elif status in ("todo", "doing"):
                doc.remove_field(task_id, "done_on")

    shown = {**fields, **({"status": status_word(table, status, ids[0])} if status else {})}
    what = [Msg.of("commit.field", field=Msg.of(f"field.{k}"),
                   value="、".join(v) if isinstance(v, list) else str(v))
            for k, v in shown.items()]
    return Change(Msg.of("commit.set", items=label, what=what), edit)


def add(table: Table, fields: dict, today: date, task_id: int | None = None) -> Change:
    """A new item after the last item of its work task; ``fields`` in file order
    (group, title, lead, assist, deadline, status)."""
    taken = [t.id for t in table.tasks]
    if task_id is None:
        task_id = max(taken, default=0) + 1
    elif task_id in taken:
        raise GkError("id_taken", id=task_id, next=max(taken) + 1)
    item = {"id": task_id, **fields}
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

    def edit(doc: TasksText) -> None:
        doc.add_item(item, after=after)

    title = Msg.of("commit.item", id=task_id, title=_short(item["title"]))
    return Change(Msg.of("commit.add", items=title), edit)


def remove(table: Table, ids: tuple[int, ...]) -> Change:
    label = _ids(table, ids)

    def edit(doc: TasksText) -> None:
        for task_id in ids:
            doc.remove_item(task_id)

    return Change(Msg.of("commit.remove", items=label), edit)


def undo(data_dir: Path) -> tuple[str, str]:
    """``gk undo``: revert gk's last commit of tasks.yaml, under the writers' lock.

    Returns (the reverted commit's subject, the new commit's short hash).
    """
    from gkcli import gitops, writer

    with writer.locked(data_dir):
        return gitops.undo(data_dir / TASKS_FILE)


def save(data_dir: Path, change: Change, words: Words, dry_run: bool = False,
         commit: bool = False) -> Saved:
    """Apply ``change`` to tasks.yaml (see :func:`gkcli.writer.apply`) and commit it if asked,
    with the commit message in the language of ``words``.

    A gk commit holds gk's change and nothing else, so committing is refused while
    tasks.yaml has edits of its own that are not committed yet.
    """
    from gkcli import writer

    tasks = data_dir / TASKS_FILE
    if commit and not dry_run:
        from gkcli import gitops

        if gitops.repo_root(data_dir) is None:
            raise GkError("commit_not_repo", path=display_path(data_dir))
        if gitops.uncommitted(tasks):
            raise GkError("commit_uncommitted", path=display_path(tasks))
    result = writer.apply(data_dir, change.edit, dry_run=dry_run)
    saved = Saved(result)
    if commit and result.written:
        from gkcli import gitops

        saved.commit = gitops.commit(tasks, PREFIX + change.text(words))
    return saved
