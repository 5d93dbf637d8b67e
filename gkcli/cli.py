"""The gk command line: parses options, calls the core, hands results to rendering."""

from __future__ import annotations

import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import click

from gkcli import __version__, clickzh, deadlines, formats, query, store
from gkcli.errors import DataError, GkError
from gkcli.model import Table

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType

    from gkcli.workspace import Workspace

clickzh.bind_untranslated()  # until the command line names the language (GkGroup.parse_args)
CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
STATUS_CHOICES = tuple(store.STATUS_WORDS)  # todo, doing, done, 未开始, 进行中, 已完成


if TYPE_CHECKING:
    _SaidBase = click.Command
else:
    _SaidBase = object


class Said(_SaidBase):
    """--help in the chosen language: the English written in the code, or its Chinese
    from :mod:`gkcli.helptext` (the default)."""

    def _help(self, ctx: click.Context) -> str | None:
        from gkcli import clickzh, helptext

        if clickzh.lang() != "zh":
            return self.help
        name = "gk" if ctx.parent is None and self.name == "cli" else self.name or ""
        return helptext.COMMANDS.get(name, self.help)

    def format_help_text(self, ctx: click.Context, formatter) -> None:
        english, self.help = self.help, self._help(ctx)
        try:
            super().format_help_text(ctx, formatter)
        finally:
            self.help = english

    def get_short_help_str(self, limit: int = 45) -> str:
        from gkcli import clickzh, helptext

        if clickzh.lang() == "zh" and self.name in helptext.COMMANDS:
            first = helptext.COMMANDS[self.name].strip().split("\n")[0]
            return first.split("。")[0]
        return super().get_short_help_str(limit)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        # Click keeps the --help option it made first, its text in the language of that
        # call: make it anew, so `gk --lang en note …` then `gk note --help` is Chinese
        self._help_option = None
        return super().get_help_option(ctx)

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        from gkcli import clickzh

        pieces = super().collect_usage_pieces(ctx)
        if clickzh.lang() == "zh":
            pieces = [clickzh.USAGE_ZH.get(p, p) for p in pieces]
        return pieces


class GkOption(click.Option):
    """An option whose help is said in the chosen language (see :class:`Said`)."""

    def get_help_record(self, ctx: click.Context):
        from gkcli import clickzh, helptext

        english = self.help
        if clickzh.lang() == "zh" and english:
            self.help = helptext.OPTIONS.get(english, english)
        try:
            return super().get_help_record(ctx)
        finally:
            self.help = english


def option(*decls: str, **attrs):
    """click.option, with its help said in the chosen language."""
    return click.option(*decls, cls=GkOption, **attrs)


class GkCommand(Said, click.Command):
    """A command whose bad option values found by the core (:class:`OptionError`) are usage
    errors as Click's own are: its usage, the one line, exit code 2."""

    def invoke(self, ctx: click.Context):
        from gkcli.errors import OptionError

        try:
            return super().invoke(ctx)
        except OptionError as exc:
            raise click.UsageError(exc.text(_words(ctx)), ctx=ctx) from None


class GkGroup(Said, click.Group):
    """Turns gk's own errors into one line on stderr and exit code 1: never a traceback."""

    command_class = GkCommand

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.parent is None:  # before --help is shown: --lang, else GK_LANG, else Chinese
            from gkcli import clickzh

            clickzh.install(_lang_in(args))
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):
        try:
            try:
                result = super().invoke(ctx)
            finally:
                sys.stdout.flush()  # a reader that left (`gk list | head`) shows up here
        except DataError as exc:
            words = _words(ctx)
            more = len(exc.problems) - 1
            every = getattr(ctx.obj, "every", False)
            tail = words.message("more_problems_all" if every else "more_problems",
                                 {"n": more}) if more > 0 else ""
            click.echo(f"gk: {exc.text(words)}{tail}", err=True)
            ctx.exit(1)
        except GkError as exc:
            click.echo(f"gk: {exc.text(_words(ctx))}", err=True)
            ctx.exit(exc.exit_code)
        except BrokenPipeError:
            _reader_left()  # `gk list | head`: the reader left; nothing to say
            ctx.exit(0)
        app = ctx.find_object(App)
        if app is not None and app.note:  # how the as-of table was made, after the output
            sys.stdout.flush()
            click.echo(f"gk: {_words(ctx).message(*app.note)}", err=True)
        for said in app.workspace_notes() if app is not None else []:
            sys.stdout.flush()  # gk --all: a notice held twice, a name the tables disagree on
            click.echo(f"gk: {_words(ctx).message(*said)}", err=True)
        return result


def _reader_left() -> None:
    """Send what stdout still holds to nowhere, so Python's own flush at exit cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (CliRunner): nothing to redirect
        pass


def _lang_in(args: list[str]) -> str:
    """The language asked for on the command line (gk --lang en …), else by GK_LANG, else zh."""
    import os

    chosen = os.environ.get("GK_LANG", "zh")
    for n, arg in enumerate(args):
        if arg == "--lang" and n + 1 < len(args):
            chosen = args[n + 1]
        elif arg.startswith("--lang="):
            chosen = arg.split("=", 1)[1]
    return chosen if chosen in ("zh", "en") else "zh"


def _words(ctx: click.Context):
    from gkcli import clickzh
    from gkcli.i18n import Words

    app = ctx.find_object(App)
    return app.words if app else Words(clickzh.lang())


class ItemId(click.ParamType):
    """An item's id as she sees it written: 3, 3号, #3, 第3项 (full-width digits too)."""

    name = "id"

    def convert(self, value, param, ctx):
        if isinstance(value, int):
            return value
        import re
        import unicodedata

        found = re.fullmatch(r"(?:#|第)?\s*(\d{1,18})\s*(?:号|项)?",
                             unicodedata.normalize("NFKC", str(value)).strip())
        if found:
            return int(found.group(1))
        self.fail(_words(ctx).message("bad_item_id", {"value": str(value)[:40]}), param, ctx)


ITEM_ID = ItemId()


class App:
    """What every command shares: where the data is, today, the language. Loads lazily.

    ``table`` is the table as it stood at the end of ``today`` (read commands);
    ``current`` is the file as it is now (write commands, roster, check).
    """

    def __init__(self, data: str | None, today: date | None, lang: str,
                 soon_days: int | None, every: bool = False):
        self.data_arg = data
        self.every = every  # gk --all: every table of the workspace
        self.now = _now()  # the one place gk reads the clock
        self.real_today = self.now.date()
        self.today = today or self.real_today
        self.lang = lang
        self.soon_days_arg = soon_days
        self._current: Table | None = None
        from gkcli.i18n import Words

        self.words = Words(lang)  # the language, chosen once
        self._table: Table | None = None
        self.note: tuple[str, dict] | None = None
        self._workspace: Workspace | None = None

    @property
    def data_dir(self) -> Path:
        return store.find_data_dir(self.data_arg)

    @property
    def current(self) -> Table:
        if self._current is None:
            self._current = store.load_table(self.data_dir)
        return self._current

    @property
    def table(self) -> Table:
        if self._table is None:
            from gkcli import asof

            found = asof.table_as_of(self.data_dir, self.today, self.real_today, self.current)
            self.note = found.note
            self._table = found.table
        return self._table

    @property
    def soon_days(self) -> int:
        if self.soon_days_arg is not None:
            return self.soon_days_arg
        table = self.workspace.merged if self.every else self.current
        return table.settings.due_soon_days

    def items(self) -> list[query.Item]:
        return query.items(self.table, self.today, self.soon_days)

    @property
    def workspace(self):
        """gk --all: every table of the workspace, validated (through the cache), as it
        stood at the end of ``today`` (like ``table``)."""
        if self._workspace is None:
            from gkcli import workspace

            now = workspace.load(workspace.find_tables(self.data_arg))
            self._workspace, self.note = workspace.as_of(now, self.today, self.real_today)
        return self._workspace

    def select(self, f: query.Filter) -> list[query.Item]:
        """The rows a filter keeps: of the table, or with --all of every table."""
        if self.every:
            from gkcli import workspace

            return workspace.select(self.workspace, self.today, self.soon_days_arg, f)
        return query.select(self.table, self.items(), f)

    def workspace_notes(self) -> list[tuple[str, dict]]:
        """With --all, once the workspace was read: what gk says about it (:func:`workspace.notes`)."""
        if self._workspace is None:
            return []
        from gkcli import workspace

        return workspace.notes(self._workspace)

    def workspace_title(self) -> str:
        return self.words("ws_title", n=len(self.workspace.sheets))

    def show(self, kind: str, fmt: str, result: object) -> None:
        """Hand a core result to the one renderer for this kind of command and format.

        A data format (CSV, JSON, Markdown) goes out as UTF-8 bytes whatever the console's
        encoding, so ``gk list --format csv > x.csv`` is the same file on a GBK Windows.
        """
        if fmt in formats.FILE_FORMATS:
            data = formats.render_bytes(kind, fmt, result, self.words)
            encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
            if (encoding == "utf8" and os.linesep == "\n") or not hasattr(sys.stdout, "buffer"):
                sys.stdout.write(data.decode("utf-8"))  # the same bytes, in one write
            else:
                _write_bytes(data)
            return
        formats.render(kind, fmt, result, self.words, out())


pass_app = click.make_pass_decorator(App)


def _version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        from gkcli import clickzh

        click.echo(clickzh.Translations(clickzh.lang()).gettext("%(prog)s, version %(version)s")
                   % {"prog": "gk", "version": __version__})
        ctx.exit()


def _lang_option(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """--lang (or GK_LANG) is read first, so --help, Click's errors and gk's words all follow it."""
    from gkcli import clickzh

    clickzh.install(value)
    return value


def _now() -> datetime:
    """The real time: ``GK_NOW`` (for reproducible examples and tests: a date, or a date and a
    time such as ``2021-07-31T09:30``), else the system clock; in the local time zone.

    ``--today``/``GK_TODAY`` is the day the table is shown as of; this is the day it is now,
    which decides whether that needs the history (a past day) or not. The time goes into the
    undo journal.
    """
    import os
    from datetime import time

    fixed = os.environ.get("GK_NOW")
    if fixed:
        day, sep, clock = fixed.strip().partition("T")
        try:
            return datetime.combine(deadlines.read_date(day),
                                    time.fromisoformat(clock) if sep else time(0)).astimezone()
        except (deadlines.DeadlineError, ValueError):
            raise click.UsageError(_words(click.get_current_context()).message(
                "not_a_date", {"text": f"GK_NOW={fixed[:20]}"})) from None
    return datetime.now().astimezone()


def _date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    app = ctx.find_object(App)  # --on today, --due-before 今天: gk's today, which --today may set
    try:
        return deadlines.parse_date(value, app.today if app else date.today())
    except deadlines.DeadlineError as exc:
        raise click.BadParameter(exc.text(_words(ctx))) from None


def _since_option(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """--since DATE, or last-meeting (上次会议): the day of the last meeting recorded with
    gk meeting (with --all, the latest in any table); none recorded is one line, exit 1.

    A period cannot start after today (a usage error).
    """
    app = ctx.find_object(App)
    today = app.today if app else date.today()
    if isinstance(value, str) and app is not None and value.strip().lower() in (
            "last-meeting", "上次会议"):
        from gkcli import asof

        tables = [s.table for s in app.workspace.sheets] if app.every else [app.current]
        since: date | None = asof.last_meeting_day(tables, today)
    else:
        since = _date_option(ctx, param, value)
    if since is not None and since > today:
        raise click.BadParameter(_words(ctx)("since_after_today", since=since.isoformat(),
                                             today=today.isoformat()))
    return since


def _status_option(ctx: click.Context, param: click.Parameter, value):
    if value is None:
        return None
    if isinstance(value, tuple):
        return tuple(store.STATUS_WORDS[v] for v in value)
    return store.STATUS_WORDS[value]


def format_option(kind: str, default: str = "table", without: tuple[str, ...] = ()):
    return option("--format", "fmt", type=click.Choice(formats.names(kind, without=without)),
                        default=default, show_default=True, help="Output format.")


FILTERS = {
    "office": option("--office", metavar="NAME",
                           help="Items the office leads or assists (aliases and groups count)."),
    "lead": option("--lead", metavar="NAME", help="Items the office leads."),
    "assist": option("--assist", metavar="NAME",
                           help="Items the office assists, named or through a group such as 局各股室."),
    "states": option("--state", "states", multiple=True, type=click.Choice(tuple(deadlines.STATE_WORDS)),
                     callback=lambda ctx, param, value: tuple(deadlines.STATE_WORDS[v] for v in value),
                           help="Derived state; repeat for several."),
    "statuses": option("--status", "statuses", multiple=True, type=click.Choice(STATUS_CHOICES),
                             callback=_status_option, help="Status as written in the file; repeatable."),
    "groups": option("--group", "groups", multiple=True, type=int, metavar="ID",
                           help="Work task (工作任务) id; repeatable."),
    "due_before": option("--due-before", callback=_date_option, metavar="DATE",
                               help="Deadline on or before DATE."),
    "due_after": option("--due-after", callback=_date_option, metavar="DATE",
                              help="Deadline on or after DATE."),
    "search": option("--search", metavar="TEXT",
                           help="Text in the title, work task, offices or notes."),
}


def filter_options(func=None, *, without: tuple[str, ...] = ()):
    """The filters shared by list, overdue, export and timeline; ``without`` leaves some out."""
    if func is None:
        return lambda f: filter_options(f, without=without)
    for name, option in reversed(FILTERS.items()):
        if name not in without:
            func = option(func)
    return func


def make_filter(office=None, lead=None, assist=None, states=(), statuses=(), groups=(),
                due_before=None, due_after=None, search=None) -> query.Filter:
    return query.Filter(office=office, lead=lead, assist=assist, states=tuple(states),
                        statuses=tuple(statuses or ()), groups=tuple(groups),
                        due_before=due_before, due_after=due_after, search=search)


def out() -> TextIO:
    """Standard output as it is (made safe for its encoding by :func:`gkcli.streams.make_safe`)."""
    return sys.stdout


@click.group(cls=GkGroup, context_settings=CONTEXT_SETTINGS)
@option("--data", envvar="GK_DATA", metavar="DIR",
              help="Folder with tasks.yaml and leading_group.yaml [env GK_DATA; default: nearest data/ upward].")
@option("--today", "--as-of", "today", envvar="GK_TODAY", callback=_date_option, metavar="DATE",
        help="The table as it stood at the end of DATE (2021-06-30) [env GK_TODAY].")
@option("--lang", envvar="GK_LANG", type=click.Choice(["zh", "en"]), default="zh",
        show_default=True, is_eager=True, callback=_lang_option,
        help="Language of output [env GK_LANG].")
@option("--soon-days", type=click.IntRange(min=0), metavar="N",
              help="Items due within N days are 'due soon' [default: settings.due_soon_days or 14].")
@option("--all", "every", is_flag=True,
        help="Every table of the workspace (data/ and each data/NAME/) together, "
             "with the notice number (文号): status, list, overdue, report, remind, export, check.")
@option("-V", "--version", is_flag=True, expose_value=False, is_eager=True, callback=_version,
        help="Show the version and exit.")
@click.pass_context
def cli(ctx: click.Context, data: str | None, today: date | None, lang: str,
        soon_days: int | None, every: bool) -> None:
    """gk tracks a task-division table (任务分工表) kept as YAML in git.

    \b
    Example:
        gk status                      # before the meeting
        gk list --office 安监股         # what one office leads or assists
        gk --today 2021-01-01 status   # as it stood on a date
        gk --all overdue               # every notice the office tracks
    """
    ctx.obj = App(data, today, lang, soon_days, every)
    if every and ctx.invoked_subcommand not in ALL_COMMANDS:
        raise click.UsageError(ctx.obj.words.message("ws_not_for", {
            "command": ctx.invoked_subcommand, "commands": ", ".join(ALL_COMMANDS)}))


ALL_COMMANDS = ("status", "list", "overdue", "report", "remind", "export", "check")


@cli.command()
@format_option("status")
@pass_app
def status(app: App, fmt: str) -> None:
    """The dashboard: counts by state, each lead office, overdue and due-soon items.

    When tasks.yaml declares reporting:, it also names the offices that have not reported
    this cycle (本期未报送) and those that missed a cut-off (逾期未报送).

    \b
    Example:
        gk status
        gk --today 2021-06-20 status --format json
    """
    from gkcli import report

    if app.every:
        from gkcli import workspace

        app.show("status", fmt, workspace.dashboard(app.workspace, app.today, app.soon_days_arg,
                                                    app.workspace_title()))
        return
    app.show("status", fmt, report.dashboard(app.table, app.items(), app.today, app.soon_days))


@cli.command(name="list")
@filter_options
@format_option("list")
@pass_app
def list_(app: App, fmt: str, **filters) -> None:
    """The table: 序号, 工作任务, 具体事项, 牵头股室, 协办股室, 完成时间, 状态.

    \b
    Example:
        gk list --office 安监股
        gk list --state overdue --state due_soon --format json
        gk list --due-before 2020-12-31 --format csv > items.csv
    """
    app.show("list", fmt, app.select(make_filter(**filters)))


@cli.command()
@click.argument("task_id", metavar="ID", type=ITEM_ID)
@format_option("show")
@pass_app
def show(app: App, task_id: int, fmt: str) -> None:
    """One item in full: work task, lead office and its people, deadline, status, notes.

    \b
    Example:
        gk show 8
    """
    app.show("show", fmt, query.item(app.items(), task_id))


@cli.command()
@option("--office", metavar="NAME", help="Only the people who answer for this office.")
@format_option("roster")
@pass_app
def roster(app: App, office: str | None, fmt: str) -> None:
    """The leading group (领导小组): 组长, 副组长 and 成员 with their posts.

    \b
    Example:
        gk roster
        gk roster --office 安监股 --format json
    """
    from gkcli import report

    app.show("roster", fmt, report.roster(app.current, office))


@cli.command()
@click.argument("office", metavar="OFFICE")
@format_option("roster", without=("csv", "md"))
@pass_app
def who(app: App, office: str, fmt: str) -> None:
    """Who answers for an office (same as gk roster --office OFFICE); for a person, what they answer for.

    \b
    Example:
        gk who 安监股
        gk who 黄梁岸
    """
    from gkcli import report

    app.show("roster", fmt, report.roster(app.current, office, people=True))


@cli.command()
@option("--rev", metavar="REV",
              help="Check the files as committed at REV (a commit, branch or tag), as a server hook does.")
@pass_app
def check(app: App, rev: str | None) -> None:
    """Validate tasks.yaml, leading_group.yaml and holidays.yaml; print every problem as path:line:col.

    Exit status 0 when clean, 1 when any problem is found. In a repository with a
    remote, it also notes when gk's merge driver is not set up (gk setup-git). With
    --all, every table of the workspace.

    \b
    Example:
        gk check && git commit -am "更新进度"
        gk check --rev origin/main
        gk --all check
    """
    from gkcli import sync

    if app.every:
        _check_all(app, rev)
        return
    if rev:
        table, problems = sync.read_table_at(rev, app.data_arg)
    else:
        table, problems = store.read_table(app.data_dir)
        if sync.driver_missing(app.data_dir):
            click.echo(app.words.message("driver_missing"), err=True)
    if problems:
        app.show("check", "text", problems)
        raise click.exceptions.Exit(1)
    assert table is not None
    warnings = [] if rev else store.warnings(table, app.data_dir, app.today)  # --rev: no folder
    app.show("check", "text", warnings)
    click.echo(app.words.message("check_ok", {"items": len(table.tasks), "groups": len(table.groups),
                                              "people": len(table.roster.members)}))
    if warnings:
        click.echo(app.words.message("check_warnings", {"n": len(warnings)}))


def _check_all(app: App, rev: str | None) -> None:
    """gk --all check: every table's problems at once, then a line for each table that passed."""
    from gkcli import sync, workspace

    if rev:  # what would land: every table as committed at REV (a hook's question)
        checked = sync.read_tables_at(rev, app.data_arg)
        problems = [p for _folder, _table, found in checked for p in found]
        app.show("check", "text", problems)
        if problems:
            raise click.exceptions.Exit(1)
        for folder, table, _found in checked:
            assert table is not None
            click.echo(app.words.message("check_ok_in", {
                "path": f"{rev[:12]}:{folder}{store.TASKS_FILE}", "items": len(table.tasks),
                "groups": len(table.groups), "people": len(table.roster.members)}))
        return
    folders = workspace.find_tables(app.data_arg)
    found = workspace.check(folders, app.today)
    if sync.driver_missing(folders[0]):
        click.echo(app.words.message("driver_missing"), err=True)
    app.show("check", "text", found.problems + found.warnings)
    if found.problems:
        raise click.exceptions.Exit(1)
    for sheet in found.passed:
        click.echo(app.words.message("check_ok_in", {
            "path": store.display_path(sheet.path / store.TASKS_FILE), "items": len(sheet.table.tasks),
            "groups": len(sheet.table.groups), "people": len(sheet.table.roster.members)}))
    if found.warnings:
        click.echo(app.words.message("check_warnings", {"n": len(found.warnings)}))
    if found.note:  # a name the tables disagree on, as every other gk --all says it
        click.echo(f"gk: {app.words.message(*found.note)}", err=True)


# --- for the offices ---------------------------------------------------------------------------

def _export(app: App, kind: str, rows, target: str, fmt: str | None, force: bool,
            result: object = None) -> None:
    """Write ``rows`` (or the document ``result`` made of them) to FILE and say how many."""
    from gkcli import export, report

    if app.every and result is None:  # items of every notice: titled by those they are of
        result = report.titled_notices(rows, [(s.notice, s.table) for s in app.workspace.sheets],
                                       app.today)
    elif result is None or isinstance(result, list):  # the items themselves: titled for print
        result = report.titled(rows if result is None else result, app.table, app.today)
    chosen = formats.for_file(target, fmt)
    data = export.write(result, target, chosen, app.words, force=force, kind=kind)
    if data is not None:
        _write_bytes(data)
        return
    if chosen == "ics":  # events: ongoing items (长期) have none
        from gkcli.ics import first_day

        n = sum(1 for r in rows if first_day(r) is not None)
    else:
        n = len(rows)
    click.echo(app.words("exported", n=n, path=export.target_path(target, chosen)), err=True)


def _not_with_all(app: App, kind: str, fmt: str | None, *documents: str, key: str = "ws_no_documents"
                  ) -> None:
    """--all gives tables and lists; the documents are of one table: refuse one, naming the
    formats this command gives with --all instead (``key`` says how to ask for them)."""
    if app.every and fmt in documents:
        instead = list(formats.names(kind, without=documents))
        raise click.UsageError(app.words.message(key, {"fmt": fmt, "formats": instead}))


def _write_bytes(data: bytes) -> None:
    """A binary export (xlsx, docx) to stdout, after any text already written there."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _document(app: App, kind: str, result: object, output: str | None, force: bool) -> None:
    """Write a Word document to OUTPUT (- for stdout) and say where."""
    from gkcli import export

    assert output is not None  # _docx_format refuses docx without -o FILE
    data = formats.render_bytes(kind, "docx", result, app.words)
    if output == "-":
        _write_bytes(data)
        return
    export.save(data, Path(output), force)
    click.echo(app.words("doc.saved", path=output), err=True)


def _docx_format(app: App, fmt: str | None, output: str | None, default: str) -> str:
    """--format docx needs -o FILE; -o FILE.docx alone means --format docx."""
    if fmt is None and output and Path(output).suffix.lower() == ".docx":
        fmt = "docx"
    if fmt == "docx" and not output:
        raise click.UsageError(app.words.message("docx_needs_file"))
    if output and fmt != "docx":
        raise click.UsageError(app.words.message("output_needs_docx"))
    return fmt or default


def _only_for(app: App, fmt: str, wanted: str, **options: object) -> None:
    """Refuse an option the chosen format would ignore (--alarm-days is for ics only, ...)."""
    for name, value in options.items():
        if value is not None and fmt != wanted:
            raise click.UsageError(app.words.message("option_only_for", {"option": name,
                                                                        "fmt": wanted}))


def output_options(func):
    """-o/--output FILE and --force, for the commands that can write a Word document."""
    func = click.option("--force", is_flag=True, help="Overwrite FILE if it exists.")(func)
    func = click.option("-o", "--output", metavar="FILE",
                        help="Write the Word document (--format docx) to FILE; - for stdout.")(func)
    return func


@cli.command()
@filter_options(without=("states",))
@option("--export", "target", metavar="FILE",
              help="Write the list to FILE (.csv, .xlsx, .md, .json; - for stdout).")
@option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@option("--format", "fmt", type=click.Choice(formats.names("overdue")),
              help="Output format [default: table, or the FILE's extension].")
@pass_app
def overdue(app: App, target: str | None, force: bool, fmt: str | None, **filters) -> None:
    """Overdue items, most overdue first, with the people who answer for them.

    Takes the same filters as gk list.

    \b
    Example:
        gk overdue
        gk overdue --lead 综合股 --export 逾期事项.xlsx
    """
    f = make_filter(states=("overdue",), **filters)
    rows = query.by_urgency(app.select(f))
    if target:
        _export(app, "overdue", rows, target, None if fmt == "table" else fmt, force)
    elif fmt in formats.BINARY:
        raise click.UsageError(app.words.message("xlsx_needs_file"))
    else:
        app.show("overdue", fmt or "table", rows)


@cli.command(name="export")
@click.argument("target", metavar="FILE")
@filter_options
@option("--format", "fmt", type=click.Choice(formats.names("export")),
              help="Format [default: from FILE's extension].")
@option("--title", metavar="TEXT", help="The 通报's title (.docx) [default: 关于<table>进展情况的通报].")
@option("--alarm-days", type=click.IntRange(min=0), metavar="N",
              help="In the calendar (.ics), a reminder N days before each deadline not yet done.")
@option("--force", is_flag=True, help="Overwrite FILE if it exists.")
@pass_app
def export_(app: App, target: str, fmt: str | None, title: str | None, alarm_days: int | None,
            force: bool, **filters) -> None:
    """Write items (all, or a filtered selection) to FILE for Excel/WPS, Word, a calendar or a browser.

    CSV is UTF-8 with a BOM so Excel and WPS show Chinese; cells that a spreadsheet
    would run as a formula are neutralised. XLSX merges each work task over its items,
    freezes the header and highlights overdue rows. DOCX is the 通报 (as gk report
    --format docx). ICS has one all-day event per dated deadline. HTML is one
    self-contained page; with --format html, FILE may be a folder (it gets index.html).
    FILE - writes to stdout.

    \b
    Example:
        gk export 任务分工表.xlsx
        gk export 安监股.csv --office 安监股
        gk export - --format md --state overdue
        gk export 完成时间.ics --alarm-days 3
        gk export 会议材料 --format html
    """
    from gkcli import documents

    chosen = formats.for_file(target, fmt)
    _only_for(app, chosen, "docx", **{"--title": title})
    _only_for(app, chosen, "ics", **{"--alarm-days": alarm_days})
    _not_with_all(app, "export", chosen, "docx", "ics", "html")
    rows = app.select(make_filter(**filters))
    if app.every:
        _export(app, "export", rows, target, chosen, force)
        return
    result = documents.for_export(chosen, app.table, rows, app.today, app.soon_days, title=title,
                                  alarm_days=alarm_days)
    _export(app, "export", rows, target, chosen, force, result=result)


def _table_or_docx_format(app: App, kind: str, fmt: str | None, output: str | None, default: str,
                          **docx_only: object) -> str:
    """gk report and gk remind: the format chosen (docx with -o FILE.docx), refusing an option
    only the Word document takes (``docx_only``) in another format, and docx with --all (-o
    FILE is for the Word document alone: with --all, refused as the document is)."""
    _not_with_all(app, kind, fmt or ("docx" if output else None), "docx",
                  key="ws_no_documents_output" if output else "ws_no_documents_format")
    fmt = _docx_format(app, fmt, output, default)
    _only_for(app, fmt, "docx", **docx_only)
    return fmt


def _show_or_write_document(app: App, kind: str, fmt: str, output: str | None, force: bool,
                            narrowed_by: object, document: Callable[[ModuleType], object],
                            table: Callable[[], object]) -> None:
    """gk report and gk remind: show ``kind`` over every table of the workspace (--all; as
    ``workspace.report`` or ``workspace.remind``, given ``narrowed_by``: --since or --office) or
    what ``table`` makes of this table, or write the Word document ``document`` makes of the
    documents module (--format docx). Only the one chosen is built, and only its module imported."""
    if app.every:
        from gkcli import workspace

        of_every_table: dict[str, Callable[..., object]] = {"report": workspace.report,
                                                            "remind": workspace.remind}
        app.show(kind, fmt, of_every_table[kind](app.workspace, app.today, app.soon_days_arg,
                                                 narrowed_by, app.workspace_title()))
    elif fmt == "docx":
        from gkcli import documents

        _document(app, kind, document(documents), output, force)
    else:
        app.show(kind, fmt, table())


@cli.command()
@option("--since", callback=_since_option, metavar="DATE|last-meeting",
              help="Only items due, or done, from DATE (or the last meeting) to today.")
@option("--format", "fmt", type=click.Choice(formats.names("report")),
              help="Output format [default: table, or docx for -o FILE.docx].")
@output_options
@option("--title", metavar="TEXT", help="The 通报's title [default: 关于<table>进展情况的通报].")
@pass_app
def report(app: App, since: date | None, fmt: str | None, output: str | None, force: bool,
           title: str | None) -> None:
    """Per lead office and per work task: done, on time, late, overdue, and the on-time rate.

    On-time rate = items done on or before their deadline ÷ items whose deadline has
    passed or that are done (ongoing items and done items without done_on are left out).
    A recurring item (每月底) counts as one item there; its occurrences (应办次数, 按时,
    超时, 未完成) get a table of their own, with their own rate. When tasks.yaml declares
    reporting:, a last table gives each office's 按时报送率 (reports on time ÷ cycles due).
    --format docx -o FILE writes the 通报 for the meeting: the figures written out, the
    per-office table, the overdue and due-soon items, and every item as a landscape annex.

    \b
    Example:
        gk report
        gk report --since 2021-01-01 --format md > 上半年情况.md
        gk report --since last-meeting -o 进展情况通报.docx
        gk report -o 进展情况通报.docx
    """
    from gkcli import report as reports

    fmt = _table_or_docx_format(app, "report", fmt, output, "table", **{"--title": title})
    _show_or_write_document(
        app, "report", fmt, output, force, since,
        document=lambda documents: documents.bulletin(app.table, app.items(), app.today, since,
                                                      title, app.soon_days),
        table=lambda: reports.report(app.table, app.items(), app.today, since))


@cli.command()
@option("--office", metavar="NAME", help="Only this office (leading or assisting).")
@option("--format", "fmt", type=click.Choice(formats.names("remind")),
              help="Output format [default: text, or docx for -o FILE.docx].")
@output_options
@option("--reply-by", callback=_date_option, metavar="DATE",
              help="In the 催办通知单, the day to reply by [default: 7 days from today].")
@pass_app
def remind(app: App, office: str | None, fmt: str | None, output: str | None, force: bool,
           reply_by: date | None) -> None:
    """Ready-to-paste reminders, one block per office with overdue or due-soon items.

    Each names the people who answer for the office, every item with its deadline and
    days over or left, and whether the office leads (牵头) or assists (协办); and, when
    tasks.yaml declares reporting:, the reports the office has missed or owes soon.
    --format docx -o FILE writes a 催办通知单 per office instead, one page each, with
    the latest progress note of each item, a reply-by line, the sender and the date.

    \b
    Example:
        gk remind
        gk remind --office 安监股
        gk remind -o 催办通知单.docx --reply-by 2021-06-25
    """
    from gkcli import report as reports

    fmt = _table_or_docx_format(app, "remind", fmt, output, "text", **{"--reply-by": reply_by})
    _show_or_write_document(
        app, "remind", fmt, output, force, office,
        document=lambda documents: documents.notices(app.table, app.items(), app.today, office,
                                                     reply_by),
        table=lambda: reports.remind(app.table, app.items(), app.today, office, app.soon_days))


@cli.command()
@option("--office", metavar="NAME", help="Only this office's reports.")
@option("--state", "states", multiple=True, type=click.Choice(("on_time", "late", "missing",
                                                                     "pending")),
              help="on_time, late, missing (逾期未报送) or pending (本期未报送); repeatable.")
@format_option("reports")
@pass_app
def reports(app: App, office: str | None, states: tuple[str, ...], fmt: str) -> None:
    """Reporting cycles × offices: each report's cut-off, the day it came in, and its state.

    Lists every cycle of each reporting: declaration up to the one due next, for each
    office that must report (states: on_time, late, missing, pending).

    \b
    Example:
        gk reports
        gk reports --state missing --format json
    """
    from gkcli import reporting

    app.show("reports", fmt, reporting.listing(app.table, app.today, office, states))


@cli.command()
@option("--since", callback=_since_option, metavar="DATE|last-meeting",
              help="Also say what was done, and what fell overdue, from DATE (or the last "
                   "meeting) to today.")
@format_option("summary", default="text")
@pass_app
def summary(app: App, since: date | None, fmt: str) -> None:
    """A few sentences to paste into WeChat or an email: totals, overdue by office, due soon.

    Short enough for one phone screen. With --since, also what was done and what fell
    overdue since DATE (say, the last meeting).

    \b
    Example:
        gk summary
        gk summary --since 2021-06-01 --format md
        gk summary --since last-meeting
    """
    from gkcli import summary as summaries

    app.show("summary", fmt, summaries.digest(app.table, app.items(), app.today, since,
                                              app.soon_days))


@cli.command()
@filter_options
@pass_app
def timeline(app: App, **filters) -> None:
    """Deadlines on a month-by-month axis (a simple Gantt), today marked, overdue in red.

    Takes the same filters as gk list; fits the terminal width.

    \b
    Example:
        gk timeline
        gk timeline --lead 运管股
    """
    from gkcli import report

    rows = query.select(app.table, app.items(), make_filter(**filters))
    app.show("timeline", "table", report.timeline(app.table, rows, app.today))


# --- the table over time ---------------------------------------------------------------------

@cli.command()
@option("--since", metavar="DATE|REV|last-meeting",
              help="From the end of this day, from a git revision, or from the last meeting "
                   "[default: last-meeting].")
@option("--until", callback=_date_option, metavar="DATE", help="To the end of this day [default: today].")
@option("--office", metavar="NAME", help="Only items the office leads or assists.")
@format_option("changes")
@pass_app
def changes(app: App, since: str | None, until: date | None, office: str | None, fmt: str) -> None:
    """What changed between two dates, item by item, grouped by lead office.

    Added, removed, started, done (按时/超时), reopened, deadline changed, extended,
    lead/assist/title changed, progress notes (with their text), and items that became
    overdue or due soon just because time passed. Compares the tables as they stood on
    the two dates (see "As of a date" in the README), by item id.

    \b
    Example:
        gk changes                              # since the last gk meeting
        gk changes --since 2021-01-01 --until 2021-03-31 --format md
        gk changes --since HEAD~5 --office 安监股 --format json
    """
    from gkcli import asof

    period = asof.what_changed(app.data_dir, since, until or app.today, app.today, app.real_today,
                               app.soon_days, app.current, office)
    app.note = period.note
    app.show("changes", fmt, period)


@cli.command(name="log")
@click.argument("task_id", metavar="ID", type=ITEM_ID)
@format_option("log")
@pass_app
def log_(app: App, task_id: int, fmt: str) -> None:
    """One item's history: every recorded change (date, commit, author, old → new), hand
    edits included, then its dated facts. Works for an item since removed. With
    gk --today DAY, it ends at that day (and says so).

    \b
    Example:
        gk log 8
    """
    from gkcli import asof

    found = asof.item_history(app.data_dir, task_id, app.real_today, until=app.today)
    app.note = found.note
    app.show("log", fmt, found)


# --- writing ---------------------------------------------------------------------------------

def write_options(func):
    """--dry-run and --commit/--no-commit, shared by every command that writes."""
    func = option("--commit/--no-commit", "commit", default=None,
                        help="git commit the change [default: settings.commit].")(func)
    func = option("--dry-run", "-n", is_flag=True,
                        help="Print the diff it would make; write nothing.")(func)
    return func


def _save(app: App, change, dry_run: bool, commit: bool | None) -> None:
    """Save a change to tasks.yaml and say what happened."""
    from gkcli import changes

    commit = app.current.settings.commit if commit is None else commit
    saved = changes.save(app.data_dir, change, app.words, dry_run=dry_run, commit=commit,
                         when=app.now.isoformat(timespec="seconds"))
    result = saved.result
    for key, values in change.said:
        click.echo(app.words.message(key, values))
    said = change.text(app.words)
    if not result.changed:
        if not change.said:
            click.echo(app.words("no_change"))
    elif dry_run:
        click.echo(result.diff(), nl=False)
    else:
        click.echo(app.words("written", path=store.display_path(result.path), what=said))
    if saved.commit:
        click.echo(app.words("committed", sha=saved.commit, message=said))
    if saved.note:
        click.echo(f"gk: {app.words.message(saved.note.key, saved.note.params)}", err=True)
    if change.undated and result.written and app.today < app.real_today:
        click.echo("gk: " + app.words.message("recorded_today", {
            "day": app.today.isoformat(), "real": app.real_today.isoformat()}), err=True)


def confirm(question: str, words) -> None:
    """Ask before a change that cannot be taken back by editing; anything but yes aborts."""
    answer = click.prompt(question + words.message("confirm_suffix"), default="",
                          show_default=False, prompt_suffix="")
    if answer.strip().lower() not in ("y", "yes", "是", "确定", "确认"):
        raise click.Abort()


ids_argument = click.argument("ids", metavar="ID...", nargs=-1, type=ITEM_ID, required=True)


@cli.command()
@ids_argument
@write_options
@pass_app
def start(app: App, ids: tuple[int, ...], dry_run: bool, commit: bool | None) -> None:
    """Mark items as being worked on (status doing).

    \b
    Example:
        gk start 5
        gk start 5 6 --commit
    """
    from gkcli import changes

    _save(app, changes.start(app.current, ids), dry_run, commit)


@cli.command()
@ids_argument
@option("--on", "on", callback=_date_option, metavar="DATE",
              help="The day it was done [default: today].")
@option("--cycle", metavar="CYCLE",
              help="For a recurring item: the occurrence done (2021-06, 2021-Q2, 2021-H1, 2021) "
                   "[default: the current one].")
@write_options
@pass_app
def done(app: App, ids: tuple[int, ...], on: date | None, cycle: str | None, dry_run: bool,
         commit: bool | None) -> None:
    """Mark items as done, recording done_on (today unless --on).

    An item already done is left as it is (gk says when it was done); with --on its
    date is corrected. --on may not be in the future or before the notice was issued.

    A recurring item (每月底, 每季度末) stays open: gk records that one occurrence was
    done, in the item's done_occurrences list.

    \b
    Example:
        gk done 5
        gk done 1 2 3 --on 2021-06-28 --commit
        gk done 17 --on 2021-07-30 --cycle 2021-07
    """
    from gkcli import changes

    _save(app, changes.done(app.current, ids, on or app.today, app.today,
                            explicit=on is not None, cycle=cycle), dry_run, commit)


@cli.command()
@ids_argument
@write_options
@pass_app
def reopen(app: App, ids: tuple[int, ...], dry_run: bool, commit: bool | None) -> None:
    """Take done items up again: status doing, done_on cleared (items not done are left).

    \b
    Example:
        gk reopen 5
    """
    from gkcli import changes

    _save(app, changes.reopen(app.current, ids), dry_run, commit)


@cli.command()
@click.argument("ids", metavar="ID...", nargs=-1, type=ITEM_ID)  # `gk note 3`: 3 is taken as TEXT
@click.argument("text")
@option("--on", "on", callback=_date_option, metavar="DATE",
              help="The date of the note [default: today].")
@write_options
@pass_app
def note(app: App, ids: tuple[int, ...], text: str, on: date | None, dry_run: bool,
         commit: bool | None) -> None:
    """Add a dated progress note (进展情况) to items.

    The note goes into the item's progress list as "DATE TEXT", in date order.

    \b
    Example:
        gk note 5 "已完成平台选型"
        gk note 1 2 "已报送初稿" --on 2021-06-18
    """
    from gkcli import changes

    if not ids:
        raise click.UsageError(app.words.message("note_needs_text"))
    if not text.strip():
        raise click.BadParameter(app.words.message("note_empty"), param_hint="TEXT")
    _save(app, changes.note(app.current, ids, text, on or app.today, app.today), dry_run, commit)


@cli.command(name="set")
@ids_argument
@option("--status", type=click.Choice(STATUS_CHOICES), callback=_status_option,
              help="todo, doing, done (or 未开始, 进行中, 已完成).")
@option("--deadline", metavar="PHRASE", help="A deadline phrase (2021年12月底) or date.")
@option("--lead", metavar="OFFICE", help="The lead office.")
@option("--assist", multiple=True, metavar="OFFICE",
              help="Assisting office; repeat for several (replaces the list).")
@option("--title", metavar="TEXT", help="The item's wording.")
@option("--group", type=int, metavar="ID", help="The work task it belongs to.")
@option("--notes", metavar="TEXT", help="Free-text notes (replaces them).")
@option("--start", callback=_date_option, metavar="DATE",
        help="The day a period deadline (10个工作日内) counts from.")
@write_options
@pass_app
def set_(app: App, ids: tuple[int, ...], status, deadline, lead, assist, title, group, notes,
         start: date | None, dry_run: bool, commit: bool | None) -> None:
    """Correct fields of items: status, deadline, lead, assisting offices, title, group, notes.

    \b
    Example:
        gk set 8 --deadline 2021年12月底
        gk set 8 --lead 运管股 --assist 综合股 --assist 安监股
        gk set 9 --start 2021-06-21 --deadline 10个工作日内
    """
    from gkcli import changes

    given = {"title": title, "group": group, "lead": lead, "assist": list(assist) or None,
             "start": start, "deadline": deadline.strip() if deadline else None,
             "status": status, "notes": notes}
    fields = {k: v for k, v in given.items() if v is not None}
    if not fields:
        raise click.UsageError(app.words.message("nothing_to_set"))
    _save(app, changes.correct(app.current, ids, fields, app.today), dry_run, commit)


@cli.command()
@option("--group", type=int, required=True, metavar="ID", help="The work task (工作任务) id.")
@option("--title", required=True, metavar="TEXT", help="The item's wording (具体事项).")
@option("--lead", required=True, metavar="OFFICE", help="The lead office (牵头股室).")
@option("--assist", multiple=True, metavar="OFFICE", help="Assisting office; repeatable.")
@option("--deadline", required=True, metavar="PHRASE", help="完成时间, as written.")
@option("--start", callback=_date_option, metavar="DATE",
        help="The day a period deadline (10个工作日内) counts from [default: the notice's date].")
@option("--status", type=click.Choice(STATUS_CHOICES), default="todo", show_default=True,
              callback=_status_option)
@option("--id", "task_id", type=click.IntRange(min=1), help="Its 序号 [default: the next one never used, in the file or its git history].")
@write_options
@pass_app
def add(app: App, group: int, title: str, lead: str, assist: tuple[str, ...], deadline: str,
        start: date | None, status: str, task_id: int | None, dry_run: bool,
        commit: bool | None) -> None:
    """Add a new item at the end of the table.

    \b
    Example:
        gk add --group 3 --title 开通政务微信公众号 --lead 综合股 \\
               --assist 局各股室（中队、站） --deadline 2021年9月底
        gk add --group 5 --title 答复依申请公开 --lead 综合股 \\
               --start 2021-09-28 --deadline 15个工作日内
    """
    from gkcli import changes

    fields = {"group": group, "title": title, "lead": lead, "assist": list(assist),
              **({"start": start} if start else {}),
              "deadline": deadline.strip(), "status": status}
    from gkcli.history import used_ids

    _save(app, changes.add(app.current, fields, app.today, task_id,
                           used=lambda: used_ids(app.data_dir)), dry_run, commit)


@cli.command()
@ids_argument
@option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@write_options
@pass_app
def rm(app: App, ids: tuple[int, ...], yes: bool, dry_run: bool, commit: bool | None) -> None:
    """Remove items from the table (asks first unless --yes).

    \b
    Example:
        gk rm 17
        gk rm 17 18 --yes --commit
    """
    from gkcli import changes

    change = changes.remove(app.current, ids)
    if not (yes or dry_run):
        for task_id in ids:
            click.echo(f"#{task_id} {app.current.find(task_id).title}")
        confirm(app.words.message("rm_confirm", {"n": len(ids)}), app.words)
    _save(app, change, dry_run, commit)


@cli.command()
@ids_argument
@option("--to", "to", required=True, metavar="DEADLINE",
              help="The new deadline, a phrase (2021年9月底) or a date.")
@option("--reason", required=True, metavar="TEXT", help="Why it was extended.")
@option("--on", "on", callback=_date_option, metavar="DATE",
              help="The day the extension was granted [default: today].")
@option("--by", "by", metavar="NAME", help="Who granted it.")
@write_options
@pass_app
def extend(app: App, ids: tuple[int, ...], to: str, reason: str, on: date | None, by: str | None,
           dry_run: bool, commit: bool | None) -> None:
    """Extend items' deadline (延期), keeping the original and a dated record of it.

    The original deadline (原定完成时间) is the notice's; the deadline in force (现行完成时间,
    the one the item is judged against) is the last counting extension's. An extension
    counts only if granted on or before the deadline then in force: one granted later is
    recorded and shown, but not counted (没有办理延期的事项按原定时间考核).
    A done item cannot be extended.

    \b
    Example:
        gk extend 8 --to 2021年9月底 --reason 等待上级文件 --by 陈伟
    """
    from gkcli import records

    if not reason.strip():
        raise click.BadParameter(_words(click.get_current_context()).message("reason_empty"),
                                 param_hint="--reason")
    _save(app, records.extend(app.current, ids, to, reason, on or app.today, app.today, by),
          dry_run, commit)


@cli.command()
@click.argument("office", metavar="OFFICE")
@option("--on", "on", callback=_date_option, metavar="DATE",
              help="The day the report came in [default: today].")
@option("--cycle", metavar="CYCLE",
              help="The cycle reported: 2021-06, 2021-Q2, 2021-H1 or 2021 "
                   "[default: the last one missed, else the one due next].")
@option("--what", metavar="TEXT", help="Which report, when tasks.yaml declares several.")
@write_options
@pass_app
def reported(app: App, office: str, on: date | None, cycle: str | None, what: str | None,
             dry_run: bool, commit: bool | None) -> None:
    """Record that an office sent its report (报送) for a reporting cycle.

    The report goes into the reported: list of the reporting: declaration in tasks.yaml,
    as "CYCLE DATE OFFICE".

    \b
    Example:
        gk reported 运管股 --on 2021-06-25
        gk reported 安监股 --cycle 2021-05 --on 2021-06-02 --commit
    """
    from gkcli import reporting

    table = app.current
    name = table.offices.resolve(office)
    _save(app, reporting.reported(table, name, on or app.today, app.today, cycle, what),
          dry_run, commit)


@cli.command()
@click.argument("title", required=False, metavar="[TITLE]")
@option("--on", "on", callback=_date_option, metavar="DATE",
              help="The day of the meeting [default: today].")
@write_options
@pass_app
def meeting(app: App, title: str | None, on: date | None, dry_run: bool,
            commit: bool | None) -> None:
    """Record a meeting of the leading group in tasks.yaml (it travels with the repository).

    gk changes starts from the last meeting by default, and gk status says what
    happened since it.

    \b
    Example:
        gk meeting 第二次专题会议 --on 2021-03-05
    """
    from gkcli import records

    _save(app, records.meeting(app.current, on or app.today, app.today, title), dry_run, commit)


@cli.command()
@option("--list", "show_list", is_flag=True,
        help="List the writes gk can undo, newest first; change nothing.")
@option("--dry-run", "-n", is_flag=True, help="Print what would be undone and the diff; write nothing.")
@option("--skip", is_flag=True,
        help="Mark the write gk undo would take back next as not to be undone; the next undo goes further back.")
@pass_app
def undo(app: App, show_list: bool, dry_run: bool, skip: bool) -> None:
    """Take back the last write gk made to tasks.yaml, committed or not; again, the one before.

    gk keeps a journal of its own writes (the last 50, on this computer, outside the data
    and never committed). Edits you made by hand since are kept: if they touch the lines
    gk changed, gk refuses and writes nothing. A write gk committed, still the last commit,
    is undone by a new commit; otherwise only the file changes. gk undo cannot take back hand
    edits, other programs' writes, gk import, git merges, or writes made on another computer.
    A write that cannot be undone can be skipped (--skip) to reach the ones before it.

    \b
    Example:
        gk done 13
        gk undo --dry-run
        gk undo
        gk undo --list
    """
    from gkcli import undo as undoing

    if show_list:
        app.show("undo_list", "text", undoing.listing(app.data_dir))
        return
    when = app.now.isoformat(timespec="seconds")
    if skip:
        done = undoing.skip(app.data_dir, when, dry_run)
    else:
        done = undoing.undo(app.data_dir, app.lang, when, dry_run)
    app.show("undo", "text", done)
    if done.note:
        click.echo(f"gk: {app.words.message(done.note.key, done.note.params)}", err=True)


def _notice_file(ctx: click.Context, param: click.Parameter, value: Path) -> Path:
    """FILE must be a file that is there: a usage error (exit 2) in gk's words otherwise
    (a file the system will not even look at is left to the reader, which says why)."""
    try:
        missing, folder = not value.exists(), value.is_dir()
    except OSError:
        return value
    if missing:
        raise click.BadParameter(_words(ctx).message("import_missing", {"path": _clipped(value)}))
    if folder:
        raise click.BadParameter(_words(ctx).message("import_not_a_file", {"path": _clipped(value)}))
    return value


def _new_folder(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """--out must not be a file (a folder that exists is refused later, with exit 1)."""
    if value is None:
        return value
    try:
        is_file = value.is_file()
    except OSError:  # the write says why, in gk's words
        return value
    if is_file:
        raise click.BadParameter(_words(ctx).message("import_out_is_file", {"path": _clipped(value)}))
    return value


def _clipped(path: Path) -> str:
    return store.display_path(path)[:200]


@cli.command(name="import")
@click.argument("file", metavar="FILE", type=click.Path(path_type=Path), callback=_notice_file)
@option("--out", "out_dir", metavar="DIR", type=click.Path(path_type=Path), callback=_new_folder,
              help="The new data folder to write (it must not exist).")
@option("--dry-run", is_flag=True, help="Print the two files instead of writing them.")
@pass_app
def import_(app: App, file: Path, out_dir: Path | None, dry_run: bool) -> None:
    """Turn a notice (.docx, .doc/.wps, text, .xlsx, .csv) into a new data folder.

    Reads the notice number, issuer, date and title, the task table (found by its
    header row; merged cells filled down) and the leading-group annex; prints what it
    read and every guess to review; exits 0 only when the folder passes gk check.
    A folder inside data/ (data/NAME) joins the workspace that gk --all reads.

    \b
    Example:
        gk import 通知.docx --out data/安全生产
        gk import 通知.txt --dry-run
    """
    from gkcli import importer

    if out_dir is None and not dry_run:
        raise click.UsageError(app.words.message("import_needs_out"))
    if out_dir is not None and not dry_run and out_dir.exists():
        raise GkError("import_out_exists", path=store.display_path(out_dir)[:200])
    result = importer.import_notice(file, out_dir, app.data_arg)
    if out_dir is not None and not dry_run:  # dry_run or out_dir, checked above
        result = importer.write_folder(result, out_dir, app.data_arg)
    app.show("import", "text", result)
    if result.problems:
        raise click.exceptions.Exit(1)


from gkcli import collab  # noqa: E402,F401  merge-file, setup-git, sync, schema, completion
from gkcli.completion import attach as _attach_completion  # noqa: E402

_attach_completion(cli)


def _buffer_stdout() -> None:
    """Output to a pipe or file goes out in blocks, not line by line (or byte by byte under
    PYTHONUNBUFFERED): thousands of rows are then a few writes. A terminal stays line-buffered."""
    stream = sys.stdout
    try:
        if stream is not None and not stream.isatty():
            stream.reconfigure(line_buffering=False, write_through=False)  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        pass


def main(prog_name: str = "gk") -> None:
    import gc

    from gkcli import streams

    # What is loaded by now (gk's modules, Click, PyYAML: tens of thousands of objects) lives
    # as long as the process: moved out of the cyclic collector's sight, so no later
    # collection, nor the one at exit, walks it again (issue 13: start-up). And a command is
    # short and makes no cycles worth collecting (node trees and Tables hold none), so the
    # collector stays off for its run: else the first allocation after building a large
    # table's tree walks all of it (issue 14: a write). Reference counting frees the rest.
    gc.freeze()
    gc.disable()
    streams.make_safe()
    _buffer_stdout()
    try:
        try:
            cli.main(prog_name=prog_name)
        finally:
            sys.stdout.flush()  # a full disk shows here, not in Python's flush at exit
    except KeyboardInterrupt:
        sys.exit(130)
    except OSError as exc:
        from gkcli import clickzh
        from gkcli.i18n import Words

        streams.silence_stdout()
        reason = exc.strerror or type(exc).__name__
        sys.stderr.write(f"gk: {Words(clickzh.lang()).message('output_failed', {'reason': reason})}\n")
        sys.exit(1)
