"""The report: the Evidence site in reports/ (README, "The report"), built and printed by the runner.

`build_site` wraps the Evidence CLI: `npm install --no-save` of the lock when reports/node_modules is missing or older than the lockfile (the
postinstall step applies the offline fix, reports/scripts/offline-patch.mjs), then `npm run sources` (the source
queries of reports/sources/kommunanalys/ against the published database, read-only) and `npm run build` (the static
site), and copies the site to <build>/site. `print_pdfs` serves that site on 127.0.0.1 and prints every
municipality's page to <build>/pdf/<kommun_kod>.pdf with Debian's chromium (driven by playwright-core, never a
downloaded browser), and every analysis group's page to <build>/pdf/grupp/<analysgrupp_kod>.pdf; the PDFs are also
copied into the site (<site>/pdf/...), where the pages link to them. Nothing is fetched from the internet at build time or in the browser.
"""

from __future__ import annotations

import fcntl
import functools
import http.server
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from .dbt import console
from .paths import PROJECT_ROOT
from .publish import open_reader

REPORTS = PROJECT_ROOT / "reports"
SOURCE_DIR = REPORTS / "sources" / "kommunanalys"
MIN_NODE = 18


class ToolMissing(RuntimeError):
    """A program the site needs (node, npm, chromium) is not installed; the message says what to install."""


def node_tools() -> tuple[str, str]:
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        raise ToolMissing(
            "The Evidence site needs Node.js >= 18 with npm, and "
            f"{'node' if not node else 'npm'} is not on PATH. Install it (Debian: apt-get install -y nodejs npm; "
            "or https://nodejs.org), then run `kommunanalys report`. The database and the export are built "
            "without it.")
    major = int(re.match(r"v?(\d+)", subprocess.run([node, "--version"], capture_output=True, text=True,
                                                     check=True).stdout.strip()).group(1))
    if major < MIN_NODE:
        raise ToolMissing(f"Node.js {major} is too old for Evidence 40 (needs >= {MIN_NODE}).")
    return node, npm


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise ToolMissing("Printing PDFs needs Chromium (Debian: apt-get install -y chromium; or set CHROMIUM to "
                          "its path). The site is built without it.")
    return path


def _run(args: list[str], step: str, log, env: dict[str, str] | None = None) -> None:
    """Run one step of the Evidence CLI in reports/, showing its last output line as progress."""
    console.print(f"[bold]report:[/bold] {step} …")
    with console.status(step) as status:
        proc = subprocess.Popen(args, cwd=REPORTS, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                text=True, bufsize=1)
        tail: list[str] = []
        for line in proc.stdout:
            log.write(line)
            text = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", line).strip()
            if text:
                tail = (tail + [text])[-40:]
                status.update(f"{step}: {text[:100]}")
        code = proc.wait()
    if code != 0:
        raise RuntimeError(f"`{' '.join(args)}` failed ({code}) in {REPORTS}:\n" + "\n".join(tail))
    console.print(f"  [green]✓[/green] {step}")


@contextmanager
def _locked() -> Iterator[None]:
    """One Evidence build at a time in reports/ (it builds in reports/.evidence and reports/build)."""
    REPORTS.joinpath(".evidence").mkdir(exist_ok=True)
    with open(REPORTS / ".evidence" / "kommunanalys.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def npm_install(log) -> None:
    """Install the locked packages when node_modules is missing or older than the lockfile; the postinstall applies
    the offline fix. `npm install --no-save` rather than `npm ci`: the registry serves no build of three optional
    platform packages of @duckdb/node-bindings (darwin-x64, linux-arm64, win32-x64), so they cannot be in the lock,
    and `npm ci` refuses a lock without them; `npm install` takes every locked version and leaves the lock as it is."""
    _, npm = node_tools()
    stamp = REPORTS / "node_modules" / ".package-lock.json"
    lock = REPORTS / "package-lock.json"
    if not stamp.exists() or stamp.stat().st_mtime < lock.stat().st_mtime:
        _run([npm, "install", "--no-save", "--no-audit", "--no-fund"], "npm install of the lock (pinned Evidence, offline fix)", log)
    else:  # idempotent; refuses loudly when the installed versions are not the ones it was written for
        _run([shutil.which("node"), "scripts/offline-patch.mjs"], "offline fix checked", log)


def evidence_env(db: Path) -> dict[str, str]:
    env = dict(os.environ)
    # the DuckDB datasource joins the source folder and `filename`: give the published file relative to it
    env["EVIDENCE_SOURCE__kommunanalys__filename"] = os.path.relpath(Path(db).resolve(), SOURCE_DIR)
    env["EVIDENCE_SEND_ANONYMOUS_USAGE_STATS"] = "no"  # evidence.settings.json is what Evidence honours
    env.setdefault("NODE_OPTIONS", "--max-old-space-size=4096")
    return env


def build_site(db: Path, out: Path) -> Path:
    """Build the Evidence site over the published database `db` into `out` (replaced); return `out`."""
    _, npm = node_tools()
    if not Path(db).exists():
        raise FileNotFoundError(f"{db} does not exist: run `kommunanalys build` first")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with _locked(), open(out.parent / "evidence.log", "w", encoding="utf-8") as log:
        npm_install(log)
        env = evidence_env(db)
        # no output of an earlier build survives: Evidence keeps data files under a hash of their query, so a file
        # of a query since changed (e.g. suppressing a new column) would otherwise be published beside the new one
        for stale in (REPORTS / ".evidence" / "template" / "static" / "data", REPORTS / "build"):
            shutil.rmtree(stale, ignore_errors=True)
        _run([npm, "run", "sources"], "evidence sources (plain reads of publicerat)", log, env)
        _run([npm, "run", "build"], "evidence build (static site)", log, env)
        tmp = out.with_name(out.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.copytree(REPORTS / "build", tmp)
        shutil.rmtree(out, ignore_errors=True)
        tmp.rename(out)
    console.print(f"[green]site: {out}/index.html[/green] (serve it: python -m http.server -d {out})")
    return out


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # noqa: D401 - silence the request log
        pass


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve the built site on 127.0.0.1 (a free port) for the browser; yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


#: dbt docs' page loads a tracker (snowplow, sinter-collect.com) when the manifest's send_anonymous_usage_stats is
#: true; the project sets it false, and the function that would load it is emptied as well
_DOCS_TRACKER = "turn_on_tracking:function(){"


def docs_utan_sparning(html: str) -> str:
    """dbt docs' single-file page with its tracker switched off: nothing leaves the machine even if the flag were
    on (README, "Nothing leaves the machine"). Refuses a page whose tracker it does not recognise."""
    if html.count(_DOCS_TRACKER) != 1:
        raise RuntimeError("dbt docs' index.html has no recognisable tracker function: check that the page makes no "
                           "outside request (python/tests/test_site.py) and update site.docs_utan_sparning")
    return html.replace(_DOCS_TRACKER, _DOCS_TRACKER + "return;")


def kommun_databas(db: Path, kommun: str, out: Path) -> Path:
    """A database holding one municipality's published layer (publicerat, rows of other municipalities left out, as
    in `kommunanalys export --kommun`), for the site and PDF of that municipality alone; returns `out`."""
    from .export import PUBLISHED_SCHEMA, read_sql, relations

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.unlink(missing_ok=True)
    src = open_reader(db)
    con = duckdb.connect(str(out))
    try:
        tables = [t for _, t in relations(src, (PUBLISHED_SCHEMA,))]
        if not src.execute(f"select count(*) from {PUBLISHED_SCHEMA}.kommuner where kommun_kod = ?",
                           [kommun]).fetchone()[0]:
            raise ValueError(f"kommun {kommun} is not in {db} ({PUBLISHED_SCHEMA}.kommuner)")
        con.execute(f"create schema {PUBLISHED_SCHEMA}")
        for table in tables:
            rows = src.execute(read_sql(src, PUBLISHED_SCHEMA, table, kommun)).arrow()
            con.register("kommun_rader", rows)
            con.execute(f"create table {PUBLISHED_SCHEMA}.{table} as select * from kommun_rader")
            con.unregister("kommun_rader")
    finally:
        con.close()
        src.close()
    return out


def kommuner(db: Path) -> list[tuple[str, str]]:
    """The municipalities the site has a page for (the published kommuner query)."""
    con = open_reader(db)
    try:
        sql = (SOURCE_DIR / "kommuner.sql").read_text(encoding="utf-8")
        return [(r[0], r[1]) for r in con.execute(sql).fetchall()]
    finally:
        con.close()


def analysgrupper(db: Path) -> list[tuple[str, str]]:
    """The analysis groups the site has a page for: those with at least one municipality in the database."""
    con = open_reader(db)
    try:
        return [(r[0], r[1]) for r in con.execute(
            "select g.analysgrupp_kod, any_value(g.analysgrupp_namn) from publicerat.analysgrupper as g "
            "join publicerat.kommuner as k on g.enhetstyp = 'kommun' and k.kommun_kod = g.enhet_kod "
            "group by g.analysgrupp_kod order by 1").fetchall()]
    finally:
        con.close()


def browser(command: str, base: str, out: Path, paths: list[str]) -> None:
    node, _ = node_tools()
    env = {**os.environ, "CHROMIUM": chromium_path()}
    run = subprocess.run([node, "scripts/browser.mjs", command, base, str(out), *paths], cwd=REPORTS, env=env,
                         capture_output=True, text=True, timeout=1800)
    if run.returncode != 0:
        raise RuntimeError(f"browser {command} failed:\n{run.stdout[-2000:]}\n{run.stderr[-4000:]}")


def print_pdfs(site: Path, db: Path, out: Path) -> list[Path]:
    """Print each municipality's page of the built site to out/<kommun_kod>.pdf and each analysis group's page to
    out/grupp/<analysgrupp_kod>.pdf (A4), copy them into the site's pdf/ (the pages link there); return the files."""
    chromium_path()
    targets = kommuner(db)
    groups = analysgrupper(db)
    out = Path(out)
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    with console.status(f"printing {len(targets) + len(groups)} PDFs with chromium"), serve(site) as base:
        browser("pdf", base, out, [f"/kommun/{kod}/" for kod, _ in targets])
        if groups:
            browser("pdf", base, out / "grupp", [f"/grupp/{kod}/" for kod, _ in groups])
    files = [out / f"{kod}.pdf" for kod, _ in targets] + [out / "grupp" / f"{kod}.pdf" for kod, _ in groups]
    missing = [f for f in files if not f.exists()]
    if missing:
        raise RuntimeError(f"PDFs not written: {missing}")
    for (kod, namn), path in zip(targets + groups, files):
        console.print(f"  pdf {namn}: {path}")
    shutil.rmtree(Path(site) / "pdf", ignore_errors=True)
    shutil.copytree(out, Path(site) / "pdf")
    return files
