"""The versions of tasks.yaml that git holds, read with two git processes in all.

``git log --raw`` lists the commits that touched the file (date, author, subject and the
blob of the file after each); one ``git cat-file --batch`` process, started when first
needed and kept open for the run, then streams the texts of just the versions asked for
(bisection asks for few). Nothing is cached between runs, so nothing can go stale.

Each version can be read loosely into :class:`Rec` (one per item: the fields as written,
and the dated facts) without the full validation of ``gk check``: an old commit with a
mistake in it still tells what it can.
"""

from __future__ import annotations

import re
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

from gkcli import deadlines
from gkcli.deadlines import NOTE_DATE as NOTE_DATE  # were defined here
from gkcli.deadlines import note_date as note_date
from gkcli.errors import GkError, OptionError
from gkcli.model import Extension, Meeting
from gkcli.store import STATUS_WORDS, TASKS_FILE
from gkcli.values import Frozen, Value

NULL_BLOB = "0" * 40


class Version(Frozen):
    """One committed version of tasks.yaml."""

    FIELDS = ("sha", "day", "author", "subject", "blob")
    sha: str
    day: date  # the commit's date, in its own time zone
    author: str
    subject: str
    blob: str  # NULL_BLOB when the commit removed the file

    def __init__(self, sha: str, day: date, author: str, subject: str, blob: str):
        d = self.__dict__
        d["sha"], d["day"], d["author"], d["subject"], d["blob"] = sha, day, author, subject, blob

    @property
    def short(self) -> str:
        return self.sha[:7]


class Rec(Frozen):
    """An item as written in one version: the fields compared by id, and its dated facts."""

    FIELDS = ("id", "title", "lead", "assist", "deadline", "status", "done_on", "progress",
              "extensions", "group", "notes", "done_occurrences")
    id: int
    title: str = ""
    lead: str = ""
    assist: tuple[str, ...] = ()
    deadline: str = ""
    status: str = ""
    done_on: date | None = None
    progress: tuple[str, ...] = ()
    extensions: tuple[Extension, ...] = ()
    group: object = None
    notes: str = ""
    done_occurrences: tuple[str, ...] = ()  # recurring items: "2021-06 2021-06-25", as written

    def __init__(self, id: int, title: str = "", lead: str = "", assist: tuple[str, ...] = (),
                 deadline: str = "", status: str = "", done_on: date | None = None,
                 progress: tuple[str, ...] = (), extensions: tuple[Extension, ...] = (),
                 group: object = None, notes: str = "", done_occurrences: tuple[str, ...] = ()):
        d = self.__dict__
        d["id"], d["title"], d["lead"], d["assist"], d["deadline"], d["status"] = (
            id, title, lead, assist, deadline, status)
        d["done_on"], d["progress"], d["extensions"], d["group"], d["notes"] = (
            done_on, progress, extensions, group, notes)
        d["done_occurrences"] = done_occurrences


class Snapshot(Value):
    """What one version holds, read loosely: items by id, meetings, the notice's year."""

    FIELDS = ("items", "meetings", "year", "readable")
    items: dict[int, Rec]
    meetings: tuple[Meeting, ...] = ()
    year: int | None = None
    readable: bool = True

    def __init__(self, items: dict[int, Rec] | None = None, meetings: tuple[Meeting, ...] = (),
                 year: int | None = None, readable: bool = True):
        self.items = {} if items is None else items
        self.meetings, self.year, self.readable = meetings, year, readable


def item_block(text: str, task_id: int) -> str | None:
    """The lines of item ``task_id`` in a block-style tasks.yaml (from its ``- id:`` line to the
    next item or top-level key), "" when a block-style file has no such item, or None when it
    cannot be told by lines. Only ever used to skip versions where those lines are the very
    same: items are compared parsed."""
    top = re.search(r"^tasks:", text, re.MULTILINE)
    if top is None:
        return None
    found = list(re.compile(rf"^([ ]*)- id: *{task_id} *(#.*)?$", re.MULTILINE).finditer(text, top.end()))
    rest = text[top.end():]
    if not found and "{" not in rest and not re.search(rf"id:\s*{task_id}(?!\d)", rest):
        return ""
    if len(found) != 1:
        return None
    m = found[0]
    indent = len(m.group(1))
    end = re.compile(rf"^(?: {{0,{indent}}}- |\S)", re.MULTILINE).search(text, m.end())
    return text[m.start():end.start() if end else len(text)]


def shown(text: str, limit: int = 40) -> str:
    """A value the user typed, fit for a one-line message: one line, cut short."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit] + "…"


def _run(args: list[str], cwd: Path, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes] | None:
    try:
        return subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True)
    except (FileNotFoundError, NotADirectoryError):
        return None


TOP_KEY = re.compile(r"^[^\s#]", re.MULTILINE)
ITEM_ID = re.compile(r"""(?:^|[{,])[ \t]*(?:-[ \t]+)?["']?id["']?[ \t]*:[ \t]*(\d+)""", re.MULTILINE)


def task_ids(text: str) -> set[int]:
    """The ids of the items in the text of a tasks.yaml: the ``id:`` keys between the top-level
    ``tasks:`` and the next top-level key (never the work tasks' ids under ``groups:``); read
    loosely as a whole when there is no such line."""
    top = re.search(r"^tasks:", text, re.MULTILINE)
    if top is None:
        return set(read_snapshot(text).items)
    end = TOP_KEY.search(text, top.end())
    return {int(n) for n in ITEM_ID.findall(text, top.end(), end.start() if end else len(text))}


def used_ids(data_dir: Path) -> set[int]:
    """Every item id any committed version of tasks.yaml has held (empty outside git): the
    versions read through the same two git processes as the rest of the history, each
    distinct version once."""
    history = History(data_dir)
    try:
        versions = [v for v in history.versions if v.blob != NULL_BLOB]
        history.prefetch(versions)
        found: set[int] = set()
        for version in {v.blob: v for v in versions}.values():
            found |= task_ids(history.text(version))
        return found
    finally:
        history.close()


class History:
    """The committed versions of ``data_dir/tasks.yaml``, newest first."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.in_git = False
        self.versions: list[Version] = []
        self._texts: dict[str, str] = {}
        self._snapshots: dict[str, Snapshot] = {}
        self._batch: subprocess.Popen[bytes] | None = None
        self._read_log()

    def __del__(self) -> None:
        self.close()

    def close(self) -> None:
        """End the cat-file process (also done when the History is dropped)."""
        batch, self._batch = getattr(self, "_batch", None), None
        if batch is not None:
            try:
                if batch.stdin:
                    batch.stdin.close()
                batch.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                batch.kill()
            if batch.stdout:
                batch.stdout.close()

    def _read_log(self) -> None:
        result = _run(["-c", "core.quotepath=false", "-c", "log.showSignature=false", "log",
                       "--no-color", "--first-parent", "-m", "--raw",
                       "--no-abbrev", "--no-renames", "--date=short",
                       "--format=%x01%H%x00%cd%x00%an%x00%s", "--", TASKS_FILE], self.data_dir)
        if result is None or result.returncode != 0:
            return
        self.in_git = True
        for chunk in result.stdout.decode("utf-8", "replace").split("\x01")[1:]:
            header, _, rest = chunk.partition("\n")
            parts = header.split("\x00")
            if len(parts) != 4:
                continue
            sha, day, author, subject = parts
            blob = None
            for line in rest.splitlines():
                if line.startswith(":") and "\t" in line:
                    meta = line.split("\t", 1)[0].split()
                    if len(meta) >= 4:
                        blob = meta[3]
            if blob is None:
                continue
            try:
                when = date.fromisoformat(day)
            except ValueError:
                continue
            self.versions.append(Version(sha, when, author, subject, blob))

    # --- which version ------------------------------------------------------------------------

    def index_on(self, day: date) -> int | None:
        """The index of the version committed last on or before ``day``."""
        for i, v in enumerate(self.versions):
            if v.day <= day:
                return None if v.blob == NULL_BLOB else i
        return None

    # --- texts ------------------------------------------------------------------------------

    def prefetch(self, versions: list[Version]) -> None:
        """Read the texts of ``versions`` not read yet, through the one cat-file process."""
        wanted = list(dict.fromkeys(v.blob for v in versions
                                    if v.blob != NULL_BLOB and v.blob not in self._texts))
        for start in range(0, len(wanted), 40):  # 40 ids (1.6 KB) fit any pipe's buffer
            chunk = wanted[start:start + 40]
            for blob, found in zip(chunk, self._objects(chunk)):
                if found is not None:
                    self._texts[blob] = found

    def _object(self, name: str) -> str | None:
        """The text of a blob (an id, or ``rev:./path``) from the one cat-file process."""
        return self._objects([name])[0]

    def _objects(self, names: list[str]) -> list[str | None]:
        """The texts of a few blobs, asked for at once and then read, from the one cat-file process."""
        if self._batch is None:
            try:
                self._batch = subprocess.Popen(["git", "cat-file", "--batch"], cwd=self.data_dir,
                                               stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                               stderr=subprocess.DEVNULL)
            except OSError:
                raise GkError("history_unreadable") from None
        stdin, stdout = self._batch.stdin, self._batch.stdout
        assert stdin is not None and stdout is not None
        found: list[str | None] = []
        try:
            stdin.write("".join(f"{name}\n" for name in names).encode())
            stdin.flush()
            for _ in names:
                header = stdout.readline().split()
                if len(header) < 3 or header[1] != b"blob":
                    found.append(None)  # "<name> missing"
                    continue
                size = int(header[2])
                found.append(stdout.read(size).decode("utf-8-sig", "replace"))
                stdout.read(1)
        except (OSError, ValueError):
            raise GkError("history_unreadable") from None
        return found

    def text(self, version: Version) -> str:
        if version.blob == NULL_BLOB:
            return ""
        if version.blob not in self._texts:
            self.prefetch([version])
        return self._texts.get(version.blob, "")

    def snapshot(self, version: Version) -> Snapshot:
        if version.blob not in self._snapshots:
            self._snapshots[version.blob] = read_snapshot(self.text(version))
        return self._snapshots[version.blob]

    def revision(self, rev: str) -> tuple[date, str | None]:
        """The date of revision ``rev`` and the text of tasks.yaml in it; GkError if unknown."""
        if rev.startswith("-") or any(ch.isspace() or ord(ch) < 32 for ch in rev):
            raise OptionError("unknown_revision", rev=shown(rev))
        found = _run(["log", "-1", "--date=short", "--format=%cd", rev, "--"], self.data_dir)
        if found is None or found.returncode != 0 or not found.stdout.strip():
            raise OptionError("unknown_revision", rev=shown(rev))
        day = date.fromisoformat(found.stdout.decode().strip())
        return day, self._object(f"{rev}:./{TASKS_FILE}")


# --- reading a version loosely -------------------------------------------------------------

def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _texts(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list):
        return tuple(_text(v) for v in value if v is not None)
    return (_text(value),)


def _on(entry: dict[Any, Any]) -> object:
    """The ``on`` field: YAML 1.1 reads a plain ``on`` key as true."""
    return entry["on"] if "on" in entry else entry.get(True)


def _extensions(value: object, year: int | None) -> tuple[Extension, ...]:
    found = []
    for entry in value if isinstance(value, list) else []:
        if not isinstance(entry, dict):
            continue
        on = deadlines.date_value(_on(entry))
        try:
            to = deadlines.resolve(entry.get("to"), year)
        except deadlines.DeadlineError:
            continue
        if on is None:
            continue
        found.append(Extension(on=on, to=to, reason=_text(entry.get("reason")),
                               from_text=_text(entry.get("from")), by=_text(entry.get("by"))))
    return tuple(found)


def read_snapshot(text: str) -> Snapshot:
    """Items by id from the text of a tasks.yaml, as far as it can be read."""
    import yaml

    from gkcli.yamlnodes import load_data

    try:
        data = load_data(text)
    except yaml.YAMLError:
        return Snapshot(readable=False)
    if not isinstance(data, dict):
        return Snapshot(readable=False)
    notice = data["notice"] if isinstance(data.get("notice"), dict) else {}
    issued = deadlines.date_value(notice.get("issued"))
    year = issued.year if issued else None
    items: dict[int, Rec] = {}
    for entry in data.get("tasks") or [] if isinstance(data.get("tasks"), list) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), int):
            continue
        word = entry.get("status")
        done_on = deadlines.date_value(entry.get("done_on"))
        items[entry["id"]] = Rec(
            id=entry["id"], title=_text(entry.get("title")), lead=_text(entry.get("lead")),
            assist=_texts(entry.get("assist")), deadline=_text(entry.get("deadline")),
            status=STATUS_WORDS.get(word, _text(word)) if isinstance(word, str) else _text(word),
            done_on=done_on, progress=_texts(entry.get("progress")),
            extensions=_extensions(entry.get("extensions"), year), group=entry.get("group"),
            notes=_text(entry.get("notes")), done_occurrences=_texts(entry.get("done_occurrences")))
    meetings = []
    for entry in data.get("meetings") or [] if isinstance(data.get("meetings"), list) else []:
        if not isinstance(entry, dict):
            continue
        on = deadlines.date_value(_on(entry))
        if on:
            meetings.append(Meeting(on, _text(entry.get("title"))))
    return Snapshot(items, tuple(meetings), year)
