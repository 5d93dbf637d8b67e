"""Commands for many hands on one table: merge-file, setup-git, sync, schema, completion.

Each parses its arguments, calls one core function (:mod:`gkcli.merge`, :mod:`gkcli.sync`,
:mod:`gkcli.schema`, :mod:`gkcli.completion`) and says the outcome. Registered on the
``gk`` group by :mod:`gkcli.cli`.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from gkcli.cli import App, cli, pass_app


def _say(app: App, key: str, values: dict) -> None:
    click.echo(app.words.message(key, values))


@cli.command(name="merge-file")
@click.argument("base", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("ours", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("theirs", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("name", required=False, metavar="[PATH]")
@pass_app
def merge_file(app: App, base: Path, ours: Path, theirs: Path, name: str | None) -> None:
    """git's merge driver: merge THEIRS's changes since BASE into OURS, item by item.

    BASE OURS THEIRS [PATH] are git's %O %A %B %P. The result is written into OURS's
    file. Exit 0 on a clean merge; 1 when a field changed on both sides (written under
    the item's conflict: for gk check to name), or when a file cannot be read as a
    table (then git's line merge with conflict markers). gk setup-git registers it.

    \b
    Example:
        gk setup-git
        gk merge-file base.yaml ours.yaml theirs.yaml data/tasks.yaml
    """
    from gkcli import merge

    words = app.words
    shown = name or ours.name
    outcome = merge.merge_file(base, ours, theirs, shown)
    say = lambda key, **v: click.echo(f"gk: {words.message(key, v)}", err=True)  # noqa: E731
    if outcome.fallback:
        reason = outcome.problem.text(words) if outcome.problem else \
            words.message("merge_shape", {"detail": outcome.fallback[:120]})
        say("merge_fallback" if outcome.markers else "merge_fallback_clean", path=shown, reason=reason)
        raise click.exceptions.Exit(1)
    merged = outcome.merged
    assert merged is not None  # merge_file makes one whenever it does not fall back
    for old, new in merged.renumbered:
        say("merge_renumbered", old=old, new=new)
    from gkcli.conflicts import shown as show

    kind = "item" if merge.KINDS_OF_FILE.get(Path(shown).name, "tasks") == "tasks" else "member"
    brief = os.environ.get("GK_MERGE_BRIEF") == "1"  # gk sync names the conflicts itself
    for c in [] if brief else merged.conflicts:
        if c.item is None:
            say("conflict_file", field=c.field, ours=show(_plain(c.ours)), theirs=show(_plain(c.theirs)))
        elif c.field == merge.ITEM:
            say(f"conflict_{kind}_removed", who=show(c.item))
        else:
            say(f"conflict_{kind}", who=show(c.item), field=c.field, ours=show(_plain(c.ours)),
                theirs=show(_plain(c.theirs)))
    if merged.conflicts and not brief:
        say("merge_conflicts", path=shown, n=len(merged.conflicts))
    if outcome.problems:
        say("merge_problems", path=shown, n=len(outcome.problems))
    if not outcome.clean:
        raise click.exceptions.Exit(1)


def _plain(value):
    from gkcli.merge import MISSING

    return None if value is MISSING else value


@cli.command(name="setup-git")
@pass_app
def setup_git(app: App) -> None:
    """Register gk's item-level merge driver for this repository (safe to run again).

    Sets merge.gk.driver in .git/config and adds the data files to .gitattributes
    (commit that file, so every clone merges by item). Each clone runs it once.

    \b
    Example:
        gk setup-git && git add .gitattributes && git commit -m "按事项合并"
    """
    from gkcli import sync

    done = sync.setup_git(app.data_dir)
    for key, values in done or [("setup_nothing", {})]:
        _say(app, key, values)


@cli.command()
@click.option("--rebase", is_flag=True, help="Rebase your commits on the remote's instead of merging.")
@pass_app
def sync(app: App, rebase: bool) -> None:
    """Fetch, merge (with gk's driver) and push: one line for each outcome.

    Commits nothing of yours: commit your edits first. Refuses when the folder is not
    in a git repository, has no remote, holds uncommitted changes, or is in the middle
    of a merge. On a conflict it stops, names the item and field, and says what to do.

    \b
    Example:
        git commit -am "更新进度" && gk sync
    """
    from gkcli import sync as syncing

    try:
        synced = syncing.sync(app.data_dir, rebase=rebase, lang=app.lang)
    except syncing.SyncConflict as stop:
        words = app.words
        for key, values in stop.lines[:-1]:
            click.echo(words.message(key, values))
        for problem in stop.problems:
            click.echo(words.message("sync_conflict", {"problem": problem.text(words)}))
        key, values = stop.lines[-1]
        click.echo(words.message(key, values))
        raise click.exceptions.Exit(1) from None
    for key, values in synced.lines:
        _say(app, key, values)


@cli.command()
@click.argument("which", type=click.Choice(["tasks", "leading_group"]), default="tasks")
def schema(which: str) -> None:
    """Print the JSON Schema of tasks.yaml or leading_group.yaml, for editors.

    Save it beside the data and name it in the file's first line, and VS Code (with
    the YAML extension) checks fields, offices and statuses while she types.

    \b
    Example:
        gk schema tasks > tasks.schema.json
        gk schema leading_group
    """
    from gkcli import schema as schemas

    click.echo(schemas.text(which), nl=False)


@cli.command()
@click.argument("shell", type=click.Choice(["bash", "zsh", "fish"]))
def completion(shell: str) -> None:
    """Print the shell completion script for bash, zsh or fish.

    It completes commands, options, item ids (with titles), offices and their
    aliases, people and state words.

    \b
    Example:
        gk completion bash > ~/.local/share/bash-completion/completions/gk
        eval "$(gk completion zsh)"
    """
    from gkcli import completion as completing

    click.echo(completing.script(cli, shell))
