"""The runner's command line: `kommunanalys --help`.

Thin by design: generating synthetic data, scoring surveys, running dbt, exporting and reporting. The business
logic lives in the dbt project's SQL.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Annotated, Optional

import typer

from .dbt import DbtFailed, console, dbt_env, run_dbt
from .paths import (PROJECT_ROOT, PathProblem, build_dir, db_path, derived_root, derived_root_for, raw_root,
                    require_database, require_raw_folder, work_db_path)

app = typer.Typer(help=__doc__, no_args_is_help=True, add_completion=False)

RawOpt = Annotated[Optional[Path], typer.Option("--raw", help="raw data folder (default: $KOMMUNANALYS_RAW_ROOT or data/raw)")]
DerivedOpt = Annotated[Optional[Path], typer.Option(
    "--derived", help="derived data folder (default: beside --raw, `derived` for a folder named raw, else "
    "<raw>_derived; without --raw $KOMMUNANALYS_DERIVED_ROOT or data/derived)")]


def _fail(message: str, code: int = 1) -> None:
    """An expected failure: one line on stderr, a non-zero exit, no traceback."""
    console.print(f"[red]error: {message}", soft_wrap=True, highlight=False)
    raise typer.Exit(code=code)


def _folders(raw: Path | None, derived: Path | None) -> tuple[Path, Path]:
    raw_dir = Path(raw) if raw else raw_root()
    derived_dir = Path(derived) if derived else (derived_root_for(raw_dir) if raw else derived_root())
    return raw_dir, derived_dir


KommunOpt = Annotated[Optional[str], typer.Option(
    "--kommun", help="one municipality (kommun_kod, e.g. 0880): only its rows, for handing it its own package")]
DbOpt = Annotated[Optional[Path], typer.Option("--db", help="the published DuckDB file (default: $KOMMUNANALYS_DB or build/kommunanalys.duckdb)")]


@app.command()
def generate(
    out: RawOpt = None,
    kommuner: Annotated[int, typer.Option(help="number of municipalities")] = 3,
    ar: Annotated[list[int], typer.Option(help="year(s) to generate; repeat the option for several")] = [2023, 2024],
    scale: Annotated[str, typer.Option(help="'demo' (small), 'national' (national-year volumes) or a factor such as 0.1")] = "demo",
    seed: Annotated[int, typer.Option(help="random seed; the same seed gives the same files")] = 42,
    huvudbok: Annotated[str, typer.Option(help="the ledger as 'csv' or 'sie4e' (SIE type 4E per municipality)")] = "csv",
    befolkning: Annotated[str, typer.Option(help="the population as 'csv' or 'jsonstat2' (PxWebApi 2, TAB638)")] = "csv",
    kolada: Annotated[str, typer.Option(help="Kolada responses as 'v2' or 'v3' (pages with next_url)")] = "v2",
) -> None:
    """Write synthetic files for every source of the input contract (deterministic from the seed)."""
    from .generator import generate as _generate

    target = Path(out or raw_root())
    try:
        stats = _generate(out=target, kommuner=kommuner, years=list(ar), scale=scale, seed=seed, huvudbok=huvudbok,
                          befolkning=befolkning, kolada_form=kolada)
    except ValueError as err:
        _fail(str(err))
    for name, rows in sorted(stats.items()):
        console.print(f"  {name}: {rows:,} rows")
    console.print(f"[green]synthetic data written to {target}")


def _kommuner_i_seed() -> list[str]:
    import csv

    with open(PROJECT_ROOT / "seeds" / "gemensam" / "kommuner.csv", encoding="utf-8") as handle:
        return [r["kommun_kod"] for r in csv.DictReader(handle)]


KommunerOpt = Annotated[Optional[list[str]], typer.Option(
    "--kommun", help="municipality code; repeat for several (default: every row of seeds/gemensam/kommuner.csv)")]
ArOpt = Annotated[list[int], typer.Option("--ar", help="year; repeat the option for several")]


def _hamta(beskrivning: str, fn) -> list[Path]:
    """Runs a fetch with a progress line per file written; a failed fetch is a one-line error."""
    from rich.progress import Progress, SpinnerColumn, TextColumn

    from .hamta import HamtaFel

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), console=console) as progress:
        uppgift = progress.add_task(beskrivning, total=None)
        try:
            filer = fn(lambda text: progress.update(uppgift, advance=1, description=f"{beskrivning} {text}"))
        except HamtaFel as err:
            _fail(str(err))
    return filer


@app.command("fetch-kolada")
def fetch_kolada(
    raw: RawOpt = None,
    kommun: KommunerOpt = None,
    ar: ArOpt = [2023, 2024],
    kpi: Annotated[Optional[list[str]], typer.Option(help="Kolada KPI id; repeat (default: the seeds' kolada_kpi)")] = None,
    bas: Annotated[str, typer.Option(help="the API's base URL")] = "https://api.kolada.se/v3",
) -> None:
    """Fetch Kolada comparison values (API v3) into <raw>/extern/kolada/, every page as returned."""
    from .hamta import hamta_kolada, kolada_kpier

    kpier = sorted(kpi or kolada_kpier())
    kommuner = sorted(set(kommun or _kommuner_i_seed()) | {"0000"})
    mapp = _folders(raw, None)[0] / "extern" / "kolada"
    filer = _hamta("Kolada", lambda steg: hamta_kolada(mapp, kpier, kommuner, ar, bas=bas, framsteg=steg))
    console.print(f"[green]Kolada: {len(filer)} sidor för {len(kpier)} KPI:er ({', '.join(kpier)}), "
                  f"{len(kommuner)} områden, år {', '.join(map(str, sorted(ar)))} sparade i {mapp}")


@app.command("fetch-scb")
def fetch_scb(
    raw: RawOpt = None,
    kommun: KommunerOpt = None,
    ar: ArOpt = [2023, 2024],
    bas: Annotated[str, typer.Option(help="PxWebApi 2's base URL")] = "https://statistikdatabasen.scb.se/api/v2",
) -> None:
    """Fetch the population (SCB TAB638, json-stat2) into <raw>/scb/, each answer as returned."""
    from .hamta import hamta_scb

    kommuner = sorted(set(kommun or _kommuner_i_seed()))
    mapp = _folders(raw, None)[0] / "scb"
    filer = _hamta("SCB", lambda steg: hamta_scb(mapp, kommuner, ar, bas=bas, framsteg=steg))
    console.print(f"[green]SCB TAB638: {len(filer)} svar för {len(kommuner)} kommuner, år "
                  f"{', '.join(map(str, sorted(ar)))} sparade i {mapp}: " + ", ".join(f.name for f in filer))


@app.command("export-config")
def export_config(
    xlsx: Annotated[Path, typer.Option(help="the workbook to write")] = Path("build/konfiguration.xlsx"),
) -> None:
    """Write the configuration seeds to one Excel workbook, a sheet per seed (edit it, then import-config)."""
    from .konfiguration import exportera

    blad = exportera(PROJECT_ROOT / "seeds", xlsx)
    console.print(f"[green]{len(blad)} seeds skrivna som blad i {xlsx}")


@app.command("import-config")
def import_config(
    kalla: Annotated[Path, typer.Argument(help="an edited workbook (.xlsx), or a folder of <seed>.csv as Excel saves them")],
) -> None:
    """Validate an edited workbook (or Excel-saved CSV files) against the seeds, then write the seeds."""
    from .konfiguration import KonfigurationsFel, importera

    if not kalla.exists():
        _fail(f"{kalla} finns inte")
    try:
        skrivna = importera(kalla, PROJECT_ROOT / "seeds")
    except KonfigurationsFel as err:
        _fail(str(err))
    console.print(f"[green]{len(skrivna)} seeds inlästa: " + ", ".join(p.stem for p in skrivna))


@app.command("score-survey")
def score_survey(raw: RawOpt = None, derived: DerivedOpt = None) -> None:
    """Validate and score the SIP participation survey files; write the scored files dbt reads."""
    from .enkat import SurveyError, score_surveys

    raw_dir, derived_dir = _folders(raw, derived)
    try:
        require_raw_folder(raw_dir)
        written = score_surveys(raw_root=raw_dir, derived_root=derived_dir)
    except (PathProblem, SurveyError) as err:
        _fail(str(err), code=2)
    for path in written:
        console.print(f"  wrote {path}")


@app.command()
def build(
    raw: RawOpt = None,
    derived: DerivedOpt = None,
    db: DbOpt = None,
    select: Annotated[Optional[str], typer.Option(help="dbt selection, e.g. 'tag:kpb'")] = None,
    allt: Annotated[bool, typer.Option("--allt", help="build everything, not only what the changed files feed")] = False,
) -> None:
    """Score surveys, `dbt build` (seeds, models, tests) into a work file, then publish it atomically.

    Checks the folders and the pseudonymisation key first (nothing is written when they are wrong). dbt writes
    <folder>/.bygge/<name>; when the build has passed, a checkpointed copy is renamed over the published file, so a
    reader (BI tool, the site, the export) sees the old or the new database, never a half-built one (README,
    "Connecting a BI tool"). On failure: the first dbt error in one line and a non-zero exit; the published file is
    untouched. Prints which areas were built from which files.

    A monthly run builds only what the files changed since the last successful build feed (python/kommunanalys/
    manadsbygge.py; README, "Monthly deliveries"); --allt builds everything."""
    from .dbt_plugin import KEY_ENV
    from .publish import publish
    from .syntetisk import syntetisk_avvikelse

    raw_dir, derived_dir = _folders(raw, derived)
    try:
        require_raw_folder(raw_dir)
    except PathProblem as err:
        _fail(str(err), code=2)
    if not os.environ.get(KEY_ENV):
        avvikelse = syntetisk_avvikelse(str(raw_dir))
        if avvikelse:
            _fail(f"no pseudonymisation key ({KEY_ENV}), and the demo key may not be used: {avvikelse}", code=2)
    from .seedkontroll import SeedFormatError, kontrollera_seeds

    try:  # a seed saved by Swedish Excel (';') would otherwise stop dbt with a syntax error that names nothing
        kontrollera_seeds(PROJECT_ROOT / "seeds")
    except SeedFormatError as err:
        _fail(str(err), code=2)
    published = Path(db or db_path()).resolve()
    work = work_db_path(published)
    score_survey(raw=raw_dir, derived=derived_dir)
    dbt_env(raw_dir, derived_dir, work)
    from . import manadsbygge

    target = Path(os.environ.get("DBT_TARGET_PATH", PROJECT_ROOT / "target"))
    if select or allt:
        plan = manadsbygge.Plan([["build"] + (["--select", select] if select else [])], "as asked")
    else:
        plan = manadsbygge.planera(work, target)
    console.print(plan.varfor)
    if plan.steg:
        manadsbygge.fore_bygge(target)
        try:
            for steg in plan.steg:
                run_dbt(steg)
        except DbtFailed as err:
            _fail(str(err))
        finally:
            os.environ["KOMMUNANALYS_DB"] = str(published)
        if not select:  # a build of a selection leaves the next one to build everything
            manadsbygge.efter_bygge(target)
    os.environ["KOMMUNANALYS_DB"] = str(published)
    print_summary(work)
    publish(work, published)
    console.print(f"[green]built and published {published}")


def print_summary(db: Path) -> None:
    """Which areas were built from which files, and which sources had none (staging.leveranser)."""
    import duckdb

    from .leveranssammanfattning import summary_lines

    try:
        con = duckdb.connect(str(db))
    except duckdb.Error:
        return
    try:
        for line in summary_lines(con):
            console.print(line, highlight=False, soft_wrap=True)
    finally:
        con.close()


@app.command()
def docs(db: DbOpt = None) -> None:
    """Generate the dbt docs site (lineage, descriptions): target/ and a single-file build/docs/index.html that makes
    no request outside the machine (usage statistics off, the page's tracker switched off)."""
    published = Path(db or db_path()).resolve()
    work = work_db_path(published)
    # dbt opens its database read-write: give it the work file, never the published one readers hold open
    dbt_env(db=work if work.exists() else published)
    try:
        run_dbt(["docs", "generate", "--static"], progress=False)
    finally:
        os.environ["KOMMUNANALYS_DB"] = str(published)
    target = Path(os.environ.get("DBT_TARGET_PATH", PROJECT_ROOT / "target"))
    site = build_dir() / "docs"
    site.mkdir(parents=True, exist_ok=True)
    from .site import docs_utan_sparning

    html = (target / "static_index.html").read_text(encoding="utf-8")
    (site / "index.html").write_text(docs_utan_sparning(html), encoding="utf-8")
    console.print(f"[green]docs site: {site / 'index.html'} (or: dbt docs serve --profiles-dir .)")


@app.command()
def export(
    db: DbOpt = None,
    out: Annotated[Optional[Path], typer.Option(help="folder for the exported files (default build/export, with "
                                                     "--kommun build/export_<kod>)")] = None,
    kommun: KommunOpt = None,
) -> None:
    """Export the published layer (schema publicerat): xlsx, Swedish Excel CSV, Parquet, manifest.json; person-level
    in personniva/. --kommun 0880: only that municipality's rows (its own package)."""
    from .export import export_marts

    folder = Path(out or build_dir() / (f"export_{kommun}" if kommun else "export"))
    try:
        database = require_database(Path(db or db_path()))
    except PathProblem as err:
        _fail(str(err), code=2)
    try:
        files = export_marts(database, folder, kommun=kommun)
    except ValueError as err:
        _fail(str(err), code=2)
    console.print(f"[green]{len(files)} files written to {folder}")


@app.command()
def report(
    db: DbOpt = None,
    out: Annotated[Optional[Path], typer.Option(help="folder for the built site (default build/site)")] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="also print a PDF per municipality and per analysis group (build/pdf/<kod>.pdf, build/pdf/grupp/<kod>.pdf)")] = False,
    skip_site: Annotated[bool, typer.Option("--skip-site", help="print PDFs from the site already built")] = False,
    kommun: KommunOpt = None,
) -> None:
    """Build the Evidence site over the published layer (npm install of the lock if needed, sources, build); --pdf prints one PDF
    per municipality from its page with headless Chromium (A4). --kommun 0880: the site and PDF of that municipality
    alone (build/site_0880, build/pdf_0880), with no other municipality's rows in it."""
    from .site import ToolMissing, build_site, kommun_databas, node_tools, print_pdfs

    try:  # what is missing on the machine first: it is the same answer whatever the database
        if not skip_site:
            node_tools()
    except ToolMissing as missing:
        console.print(f"[red]report: {missing}")
        raise typer.Exit(code=3)
    try:
        published = require_database(Path(db or db_path()))
    except PathProblem as err:
        _fail(str(err), code=2)
    site = Path(out or build_dir() / (f"site_{kommun}" if kommun else "site"))
    pdf_dir = build_dir() / (f"pdf_{kommun}" if kommun else "pdf")
    if kommun:  # the site and PDF of one municipality: built over a database of its rows alone
        try:
            published = kommun_databas(published, kommun, build_dir() / f"kommun_{kommun}.duckdb")
        except ValueError as err:
            _fail(str(err), code=2)
    try:
        if not skip_site:
            build_site(published, site)
        if pdf:
            print_pdfs(site, published, pdf_dir)
    except ToolMissing as missing:
        console.print(f"[red]report: {missing}")
        raise typer.Exit(code=3)


@app.command()
def demo(
    kommuner: Annotated[int, typer.Option(help="number of municipalities")] = 3,
    seed: Annotated[int, typer.Option(help="random seed")] = 42,
    pdf: Annotated[bool, typer.Option("--pdf", help="also print a PDF per municipality and per analysis group")] = False,
) -> None:
    """The whole demo end to end: fresh synthetic data, scoring, dbt build, export, the Evidence site (when Node
    is installed; otherwise says what is missing and goes on) and the docs site."""
    from .syntetisk import syntetisk_avvikelse

    raw_dir, derived_dir = raw_root(), derived_root()
    if raw_dir.exists() and any(raw_dir.iterdir()) and syntetisk_avvikelse(str(raw_dir)):
        console.print(f"[red]{raw_dir} holds files that are not synthetic demo data; demo replaces its raw folder, "
                      "so it refuses. Point KOMMUNANALYS_RAW_ROOT at an empty folder or use `build`.")
        raise typer.Exit(code=2)
    for folder in (raw_dir, derived_dir):
        if folder.exists():
            shutil.rmtree(folder)
    generate(out=raw_dir, kommuner=kommuner, ar=[2023, 2024], scale="demo", seed=seed)
    build(raw=raw_dir, derived=derived_dir, db=None, select=None)
    export(db=None, out=None)
    try:
        report(db=None, out=None, pdf=pdf, skip_site=False)
    except typer.Exit as stop:
        if stop.exit_code != 3:
            raise
        console.print("[yellow]demo: the Evidence site was not built (see above); the database, the export and the "
                      "docs site are.")
    docs(db=None)


def main() -> None:  # pragma: no cover
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
