"""The gk command line: parses options, calls the core, hands results to rendering."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from gkcli import __version__, deadlines, query, store
from gkcli.errors import DataError, GkError
from gkcli.model import Table

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
STATUS_CHOICES = ("todo", "doing", "done", "未开始", "进行中", "已完成")


class GkGroup(click.Group):
    """Turns gk's own errors into one line on stderr and exit code 1: never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except DataError as exc:
            more = len(exc.problems) - 1
            tail = f" (and {more} more; run gk check)" if more > 0 else ""
            click.echo(f"gk: {exc.problems[0]}{tail}" if exc.problems else "gk: invalid data", err=True)
            ctx.exit(1)
        except GkError as exc:
            click.echo(f"gk: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except BrokenPipeError:
            sys.stderr.close()  # `gk list | head`: the reader left; nothing to say
            ctx.exit(0)


class App:
    """What every command shares: where the data is, today, the language. Loads lazily."""

    def __init__(self, data: str | None, today: date | None, lang: str,
                 soon_days: int | None):
        self.data_arg = data
        self.today = today or date.today()
        self.lang = lang
        self.soon_days_arg = soon_days
        self._table: Table | None = None

    @property
    def data_dir(self) -> Path:
        return store.find_data_dir(self.data_arg)

    @property
    def table(self) -> Table:
        if self._table is None:
            self._table = store.load_table(self.data_dir)
        return self._table

    @property
    def soon_days(self) -> int:
        return self.table.settings.due_soon_days if self.soon_days_arg is None else self.soon_days_arg

    def items(self) -> list[query.Item]:
        return query.items(self.table, self.today, self.soon_days)


pass_app = click.make_pass_decorator(App)


def _date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return deadlines.parse_date(value)
    except deadlines.DeadlineError as exc:
        raise click.BadParameter(str(exc)) from None


def _status_option(ctx: click.Context, param: click.Parameter, value):
    if value is None:
        return None
    if isinstance(value, tuple):
        return tuple(store.STATUS_WORDS[v] for v in value)
    return store.STATUS_WORDS[value]


def format_option(*choices: str, default: str = "table"):
    return click.option("--format", "fmt", type=click.Choice(choices), default=default,
                        show_default=True, help="Output format.")


def filter_options(func):
    """The filters shared by list, overdue, export and remind."""
    options = [
        click.option("--office", metavar="NAME", help="Items the office leads or assists (aliases and groups count)."),
        click.option("--lead", metavar="NAME", help="Items the office leads."),
        click.option("--assist", metavar="NAME", help="Items the office assists, named or through a group such as 局各股室."),
        click.option("--state", "states", multiple=True, type=click.Choice(deadlines.STATES),
                     help="Derived state; repeat for several."),
        click.option("--status", "statuses", multiple=True, type=click.Choice(STATUS_CHOICES),
                     callback=_status_option, help="Status as written in the file; repeatable."),
        click.option("--group", "groups", multiple=True, type=int, metavar="ID",
                     help="Work task (工作任务) id; repeatable."),
        click.option("--due-before", callback=_date_option, metavar="DATE",
                     help="Deadline on or before DATE."),
        click.option("--due-after", callback=_date_option, metavar="DATE",
                     help="Deadline on or after DATE."),
        click.option("--search", metavar="TEXT", help="Text in the title, work task, offices or notes."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def make_filter(office, lead, assist, states, statuses, groups, due_before, due_after,
                search) -> query.Filter:
    return query.Filter(office=office, lead=lead, assist=assist, states=tuple(states),
                        statuses=tuple(statuses or ()), groups=tuple(groups),
                        due_before=due_before, due_after=due_after, search=search)


def out() -> object:
    return click.get_text_stream("stdout")


@click.group(cls=GkGroup, context_settings=CONTEXT_SETTINGS)
@click.option("--data", envvar="GK_DATA", metavar="DIR",
              help="Folder with tasks.yaml and leading_group.yaml [env GK_DATA; default: nearest data/ upward].")
@click.option("--today", envvar="GK_TODAY", callback=_date_option, metavar="DATE",
              help="Pretend today is DATE (2021-06-30) [env GK_TODAY].")
@click.option("--lang", envvar="GK_LANG", type=click.Choice(["zh", "en"]), default="zh",
              show_default=True, help="Language of output [env GK_LANG].")
@click.option("--soon-days", type=click.IntRange(min=0), metavar="N",
              help="Items due within N days are 'due soon' [default: settings.due_soon_days or 14].")
@click.version_option(__version__, "-V", "--version", prog_name="gk")
@click.pass_context
def cli(ctx: click.Context, data: str | None, today: date | None, lang: str,
        soon_days: int | None) -> None:
    """gk tracks a task-division table (任务分工表) kept as YAML in git.

    \b
    Example:
        gk status                      # before the meeting
        gk list --office 安监股         # what one office leads or assists
        gk --today 2021-01-01 status   # as it stood on a date
    """
    ctx.obj = App(data, today, lang, soon_days)


@cli.command()
@format_option("table", "json")
@pass_app
def status(app: App, fmt: str) -> None:
    """The dashboard: counts by state, each lead office, overdue and due-soon items.

    \b
    Example:
        gk status
        gk --today 2021-06-20 status --format json
    """
    from gkcli import render, report

    table = app.table
    board = report.dashboard(table, app.items(), app.today, app.soon_days)
    if fmt == "json":
        render.dashboard_json(board, out())
    else:
        render.dashboard(board, table.notice.table or table.notice.title, table.notice.number,
                         app.lang, out())


@cli.command(name="list")
@filter_options
@format_option("table", "json", "csv", "md")
@pass_app
def list_(app: App, fmt: str, **filters) -> None:
    """The table: 序号, 工作任务, 具体事项, 牵头股室, 协办股室, 完成时间, 状态.

    \b
    Example:
        gk list --office 安监股
        gk list --state overdue --state due_soon --format json
        gk list --due-before 2020-12-31 --format csv > items.csv
    """
    from gkcli import render

    rows = query.select(app.table, app.items(), make_filter(**filters))
    render.items(rows, fmt, app.lang, out())


@cli.command()
@click.argument("task_id", metavar="ID", type=int)
@format_option("table", "json")
@pass_app
def show(app: App, task_id: int, fmt: str) -> None:
    """One item in full: work task, lead office and its people, deadline, status, notes.

    \b
    Example:
        gk show 8
    """
    from gkcli import render

    rows = [r for r in app.items() if r.task.id == task_id]
    if not rows:
        raise GkError(f"no item {task_id} (see gk list)")
    if fmt == "json":
        render.dump_json(rows[0].as_json(), out())
    else:
        render.item_detail(rows[0], app.lang, out())


@cli.command()
@click.option("--office", metavar="NAME", help="Only the people who answer for this office.")
@format_option("table", "json", "csv", "md")
@pass_app
def roster(app: App, office: str | None, fmt: str) -> None:
    """The leading group (领导小组): 组长, 副组长 and 成员 with their posts.

    \b
    Example:
        gk roster
        gk roster --office 安监股 --format json
    """
    _roster(app, office, fmt)


@cli.command()
@click.argument("office", metavar="OFFICE")
@format_option("table", "json")
@pass_app
def who(app: App, office: str, fmt: str) -> None:
    """Who answers for an office (same as gk roster --office OFFICE).

    \b
    Example:
        gk who 安监股
    """
    _roster(app, office, fmt)


def _roster(app: App, office: str | None, fmt: str) -> None:
    from gkcli import render
    from gkcli.i18n import t

    table = app.table
    people = list(table.roster.members)
    title = None
    if office:
        canonical = query.resolve_office(table, office)
        people = table.roster.for_office(canonical)
        title = t(app.lang, "answers_for", office=canonical)
        if not people and fmt == "table":
            click.echo(t(app.lang, "no_people", office=canonical))
            return
    render.roster(table.roster, people, fmt, app.lang, out(), title=title)


@cli.command()
@pass_app
def check(app: App) -> None:
    """Validate tasks.yaml and leading_group.yaml; print every problem as path:line:col.

    Exit status 0 when clean, 1 when any problem is found.

    \b
    Example:
        gk check && git commit -am "更新进度"
    """
    from gkcli import render

    table, problems = store.read_table(app.data_dir)
    if problems:
        render.problems(problems, out())
        raise click.exceptions.Exit(1)
    assert table is not None
    click.echo(f"ok: {len(table.tasks)} items, {len(table.groups)} work tasks, "
               f"{len(table.roster.members)} people")


def main(prog_name: str = "gk") -> None:
    try:
        cli.main(prog_name=prog_name)
    except KeyboardInterrupt:
        sys.exit(130)
