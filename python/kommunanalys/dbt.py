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
    """dbt did not succeed; the message is the first error (model, file, message) on one line."""


def _one_line(text: str, limit: int = 600) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def first_error(res) -> str | None:
    """The first failing node of a dbtRunnerResult as 'model (file): message', or the exception's message."""
    results = getattr(getattr(res, "result", None), "results", None) or []
    for r in results:
        status = str(getattr(r.status, "value", r.status)).lower()
        if status in {"error", "fail", "runtime error"}:
            node = r.node
            where = getattr(node, "original_file_path", "") or ""
            return _one_line(f"{node.resource_type} {node.name} ({where}): {r.message}")
    if res.exception is not None:
        return _one_line(str(res.exception))
    return None


def dbt_env(raw: Path | None = None, derived: Path | None = None, db: Path | None = None,
            create: bool = True) -> None:
    """Point dbt at the data folders and database (through the environment the project reads)."""
    os.environ["KOMMUNANALYS_RAW_ROOT"] = str(Path(raw or raw_root()).resolve())
    os.environ["KOMMUNANALYS_DERIVED_ROOT"] = str(Path(derived or derived_root()).resolve())
    target_db = Path(db or db_path()).resolve()
    if create:
        target_db.parent.mkdir(parents=True, exist_ok=True)
    os.environ["KOMMUNANALYS_DB"] = str(target_db)


def target_of(args: Sequence[str]) -> str:
    """The profile target a dbt command runs on: --target/-t, else KOMMUNANALYS_TARGET, else dev."""
    args = list(args)
    for i, arg in enumerate(args):
        if arg in {"--target", "-t"} and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--target="):
            return arg.split("=", 1)[1]
    return os.environ.get("KOMMUNANALYS_TARGET", "dev")


def run_dbt(args: Sequence[str], progress: bool = True):
    """Run one dbt command in-process; raise DbtFailed when it does not succeed. Returns the dbtRunnerResult."""
    from dbt.cli.main import dbtRunner

    # nothing leaves the machine (dbt_project.yml's flags say the same; this covers a project copied without them)
    os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    full = [*args, "--project-dir", str(PROJECT_ROOT), "--profiles-dir", str(PROJECT_ROOT)]
    if target_of(args) == "spark":
        from .spark import session

        session()  # dbt-spark's session method then runs in it (key and check functions set)
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
        raise DbtFailed(f"dbt {args[0] if args else ''} failed: " + (first_error(res) or "see logs/dbt.log"))
    results = getattr(getattr(res, "result", None), "results", None)
    if args and args[0] in {"build", "run", "seed", "test"} and results is not None and len(results) == 0:
        selection = " ".join(a for a in args[1:] if not a.startswith("--vars"))
        raise DbtFailed(f"dbt {args[0]}: the selection '{selection}' matches no model, seed or test")
    return res
