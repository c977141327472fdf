"""Running dbt in-process (dbtRunner) with a progress display."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from .paths import PROJECT_ROOT, db_path, derived_root, raw_root

console = Console(stderr=True)


class DbtFailed(RuntimeError):
    pass


def dbt_env(raw: Path | None = None, derived: Path | None = None, db: Path | None = None) -> None:
    """Point dbt at the data folders and database (through the environment the project reads)."""
    os.environ["KOMMUNANALYS_RAW_ROOT"] = str(Path(raw or raw_root()).resolve())
    os.environ["KOMMUNANALYS_DERIVED_ROOT"] = str(Path(derived or derived_root()).resolve())
    target_db = Path(db or db_path()).resolve()
    target_db.parent.mkdir(parents=True, exist_ok=True)
    os.environ["KOMMUNANALYS_DB"] = str(target_db)


def run_dbt(args: Sequence[str], progress: bool = True):
    """Run one dbt command in-process; raise DbtFailed when it does not succeed. Returns the dbtRunnerResult."""
    from dbt.cli.main import dbtRunner

    full = [*args, "--project-dir", str(PROJECT_ROOT), "--profiles-dir", str(PROJECT_ROOT)]
    callbacks = []
    bar = None
    if progress and args and args[0] in {"build", "run", "seed", "test"}:
        bar = Progress(TextColumn("[bold]dbt " + args[0]), BarColumn(), MofNCompleteColumn(),
                       TextColumn("{task.description}"), TimeElapsedColumn(), console=console, transient=False)
        task = bar.add_task("", total=None)

        def on_event(event) -> None:
            name = event.info.name
            if name == "ConcurrencyLine":  # carries the number of nodes the command will run
                bar.update(task, total=event.data.node_count)
            elif name == "NodeStart":
                bar.update(task, description=event.data.node_info.node_name)
            elif name == "NodeFinished":
                bar.advance(task)
            elif name in {"LogTestResult", "LogModelResult", "LogSeedResult"} and event.info.level in {"warn", "error"}:
                console.print(f"[yellow]{event.info.msg}")

        callbacks.append(on_event)
    runner = dbtRunner(callbacks=callbacks)
    if bar:
        with bar:
            res = runner.invoke(full)
    else:
        res = runner.invoke(full)
    if not res.success:
        raise DbtFailed(f"dbt {' '.join(args)} failed" + (f": {res.exception}" if res.exception else ""))
    return res
