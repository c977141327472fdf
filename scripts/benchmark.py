"""Benchmark of the whole project at several scales (issue 12): time, CPU, memory and database size of the build.

For each scale (demo, a tenth, the national year; optionally three national years) it generates the synthetic
files, then measures in fresh databases, each command as a child process (`dbt ...` with the repository's profile):

  full build   `dbt build` (seeds, every model, every test)
  KPB core     `dbt build --select "+avstamning +brukare"` without tests (staging of the ledger and the volumes,
               translation, pools, unit costs, cost per brukare, reconciliation)
  plain SQL    the same KPB core as one plain DuckDB script without dbt: the SQL dbt compiled for those models,
               executed in dependency order as CREATE TABLE / VIEW statements in a single connection with the
               same DuckDB settings (the seeds are copied from the dbt database). The ratio KPB core / plain SQL is
               what dbt costs on top of the SQL itself.
  plain script scripts/kpb_direkt.py (issue 24): the same KPB computation written independently for speed, one
               DuckDB connection with the same settings, reading the same raw files and seeds. Its four KPB marts
               must be identical to the project's (every column with its type, every row). The ratio KPB core /
               plain script is how far the project is from what DuckDB can do on this machine.
               KPB core, plain SQL and plain script run interleaved, --upprepningar times each (the median is
               reported, every run's wall time is in the JSON).
  new month    (--tre-ar, --fem-ar) three or five national years (--manad-skala: another scale) with the ledger
               and the volumes delivered as monthly files: a full build without the last month (time, memory,
               database size), then the last month delivered and the runner's monthly build (incremental).
  test suite   (--testsvit) `make test`, its wall time, CPU time and peak memory (--testsvit-pytest-args passes
               arguments to pytest, e.g. one file, to try the option quickly).

and prints tables: rows per source, wall time, CPU time (user + system of the process tree), peak resident memory
of the process tree (sampled every 50 ms), database size, the ten slowest models and tests (run_results.json) and
the growth exponent between scales (log(time ratio) / log(input-row ratio); 1 = linear). It is a script, not a
timed test. The results are also written as JSON (--out/benchmark.json).

    .venv/bin/python scripts/benchmark.py                                  # demo, tenth, national
    .venv/bin/python scripts/benchmark.py --scales demo tenth              # quicker
    .venv/bin/python scripts/benchmark.py --scales national --tre-ar       # also one new month on three years
    .venv/bin/python scripts/benchmark.py --scales national --fem-ar --testsvit --upprepningar 3   # issue 24
    .venv/bin/python scripts/benchmark.py --scales demo --fem-ar --manad-skala demo   # the code paths, quickly
    .venv/bin/python scripts/benchmark.py generator [--scale 0.1 ...]     # the generator alone (the old benchmark)
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "python"))

from kommunanalys.generator import generate  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
import kpb_direkt  # noqa: E402

PAGE = os.sysconf("SC_PAGE_SIZE")
MIB = 1024 * 1024
BIN = Path(sys.executable).parent
KPB_KARNA = "+avstamning +brukare"
UTAN_TESTER = ["--exclude-resource-type", "test", "--exclude-resource-type", "unit_test"]
SKALOR = {"demo": (3, "demo"), "tenth": (290, "0.1"), "national": (290, "national")}
# input rows per source: the generator's files grouped by what they are
KALLOR = {"ekonomi/huvudbok": "ledger", "verksamhet/insatser": "volumes", "region/vardtillfallen": "episodes",
          "region/kva": "kva", "samsa/": "samsa", "scb/": "population", "ekonomi/budget": "budget"}


# --------------------------------------------------------------------------------------------- measuring processes
def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * PAGE
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return 0


def _tree(pid: int) -> list[int]:
    pids, i = [pid], 0
    while i < len(pids):
        try:
            for task in os.listdir(f"/proc/{pids[i]}/task"):
                with open(f"/proc/{pids[i]}/task/{task}/children") as f:
                    pids.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError):
            pass
        i += 1
    return pids


@dataclass
class Matning:
    wall_s: float
    cpu_s: float
    peak_mib: float
    db_mib: float | None = None
    slowest_models: list[tuple[str, float]] = field(default_factory=list)
    slowest_tests: list[tuple[str, float]] = field(default_factory=list)
    returncode: int = 0
    failures: list[str] = field(default_factory=list)


def mat(cmd: list[str], env: dict[str, str], log: Path, db: Path | None = None, check: bool = True) -> Matning:
    """Run cmd as a child process; wall time, CPU time and peak memory of its whole process tree. A failing
    command stops the benchmark (check) or is recorded in returncode."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, sum(_rss(p) for p in _tree(proc.pid)))
            time.sleep(0.05)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0 and check:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)} — see {log}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    size = None
    if db is not None:
        size = sum(p.stat().st_size for p in (db, db.with_name(db.name + ".wal")) if p.exists()) / MIB
    return Matning(round(wall, 1), round(cpu, 1), round(peak / MIB), round(size) if size is not None else None,
                   returncode=proc.returncode)


def slowest(target: Path, n: int = 10) -> tuple[list, list]:
    results = json.loads((target / "run_results.json").read_text())["results"]
    timed = sorted(((r["unique_id"], r["execution_time"]) for r in results), key=lambda x: -x[1])
    short = [(uid.split(".", 2)[-1], round(t, 1)) for uid, t in timed]
    models = [s for s, (uid, _) in zip(short, timed) if uid.startswith("model.")][:n]
    tests = [s for s, (uid, _) in zip(short, timed) if uid.startswith(("test.", "unit_test."))][:n]
    return models, tests


def dbt_env(folder: Path, raw: Path, db: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"KOMMUNANALYS_RAW_ROOT": str(raw), "KOMMUNANALYS_DERIVED_ROOT": str(folder / "derived"),
                "KOMMUNANALYS_DB": str(db), "DBT_TARGET_PATH": str(db.parent / "target"),
                "DBT_LOG_PATH": str(db.parent / "logs"), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"})
    return env


def failures(target: Path) -> list[str]:
    """The nodes of the last dbt run that failed or errored (a data test that fails on generated data does not
    make the timing wrong, but the report names it)."""
    results = json.loads((target / "run_results.json").read_text())["results"]
    return [f"{r['unique_id'].split('.', 2)[-1]}: {r['status']}" for r in results if r["status"] in ("fail", "error")]


def dbt(args: list[str], folder: Path, raw: Path, namn: str, fresh: bool = True, check: bool = True) -> Matning:
    """`dbt <args>` into folder/<namn>/kommunanalys.duckdb (a new database unless fresh is False). check False: a
    failing node is recorded (returncode, failures) instead of stopping the benchmark."""
    run = folder / namn
    if fresh and run.exists():
        shutil.rmtree(run)
    run.mkdir(parents=True, exist_ok=True)
    db = run / "kommunanalys.duckdb"
    m = mat([str(BIN / "dbt"), *args, "--profiles-dir", str(ROOT), "--project-dir", str(ROOT)],
            dbt_env(folder, raw, db), run / f"{args[0]}-{int(time.time())}.log", db, check=check)
    m.slowest_models, m.slowest_tests = slowest(run / "target")
    m.failures = failures(run / "target")
    return m


# --------------------------------------------------------------------------------------- the plain-SQL reference
REFERENS = r'''
import json, sys, duckdb
spec = json.load(open(sys.argv[1]))
con = duckdb.connect(spec["db"])
for key, value in spec["settings"].items():
    con.execute(f"set {key} = '{value}'")
con.execute("set variable kommunanalys_pseudonym_key = ?", [spec["key"]])
con.execute("set variable kommunanalys_key_is_demo = ?", [spec["key_is_demo"]])
for variable, folder in spec["roots"].items():  # the folders the compiled SQL reads the files under
    con.execute(f"set variable {variable} = ?", [folder])
for sats in spec["filer"]:  # the files each base model reads, as the pre-read check (its pre-hook) listed them
    con.execute(sats)
con.execute(f"attach '{spec['seeds_from']}' as dbt_bygge (read_only)")
for schema in spec["schemas"]:
    con.execute(f"create schema if not exists {schema}")
for schema, name in spec["seeds"]:
    con.execute(f"create table {schema}.{name} as select * from dbt_bygge.{schema}.{name}")
con.execute("detach dbt_bygge")
for kind, schema, name, path in spec["models"]:
    sql = open(path).read()
    con.execute(f"create {kind} {schema}.{name} as {sql}")
con.close()
'''


def lasvariabler(logg: Path) -> list[str]:
    """The `set variable kommunanalys_lasning_...` statements the base models' pre-hooks ran in the KPB core's build
    (the files each reads, after the pre-read check: macros/staging/granskning.sql), from dbt's debug log, the last
    of each variable. The compiled SQL reads its files from these variables."""
    satser: dict[str, str] = {}
    for rad in logg.read_text(encoding="utf-8", errors="replace").splitlines():
        rad = rad.strip()
        if rad.startswith("set variable kommunanalys_lasning_"):
            satser[rad.split()[2]] = rad.rstrip(";")
    return list(satser.values())


def plain_sql(folder: Path, raw: Path, kpb_run: Path) -> Matning:
    """The KPB core's compiled SQL, executed without dbt (see the module docstring)."""
    manifest = json.loads((kpb_run / "target" / "manifest.json").read_text())
    executed = {r["unique_id"] for r in json.loads((kpb_run / "target" / "run_results.json").read_text())["results"]}
    nodes = {uid: manifest["nodes"][uid] for uid in executed if uid in manifest["nodes"]}
    order: list[str] = []

    def visit(uid: str) -> None:
        if uid in order or uid not in nodes:
            return
        for dep in nodes[uid]["depends_on"].get("nodes", []):
            visit(dep)
        order.append(uid)

    for uid in sorted(nodes):
        visit(uid)
    models = []
    for uid in order:
        n = nodes[uid]
        if n["resource_type"] != "model":
            continue
        compiled = kpb_run / "target" / "compiled" / n["package_name"] / n["original_file_path"]
        kind = "view" if n["config"]["materialized"] == "view" else "table"
        models.append((kind, n["schema"], n["alias"], str(compiled)))
    seeds = [(n["schema"], n["alias"]) for n in nodes.values() if n["resource_type"] == "seed"]
    run = folder / "plain_sql"
    if run.exists():
        shutil.rmtree(run)
    run.mkdir(parents=True)
    sys.path.insert(0, str(ROOT / "python"))
    from kommunanalys.dbt_plugin import DEMO_KEY, KEY_ENV, ROOTS

    spec = {"db": str(run / "kommunanalys.duckdb"), "seeds_from": str(kpb_run / "kommunanalys.duckdb"),
            "settings": duckdb_settings(run / "kommunanalys.duckdb"), "key": os.environ.get(KEY_ENV) or DEMO_KEY,
            "key_is_demo": not os.environ.get(KEY_ENV), "schemas": sorted({m[1] for m in models} | {s[0] for s in seeds}),
            "seeds": seeds, "models": models,
            # the raw and derived folders as the dbt plugin sets them (relative to the project, where dbt runs)
            "roots": {variable: str(ROOT / dbt_env(folder, raw, kpb_run / "kommunanalys.duckdb").get(env, default))
                      for variable, env, default in ROOTS}}
    spec["filer"] = lasvariabler(kpb_run / "logs" / "dbt.log")
    (run / "spec.json").write_text(json.dumps(spec, indent=1))
    (run / "referens.py").write_text(REFERENS)
    return mat([sys.executable, str(run / "referens.py"), str(run / "spec.json")], dict(os.environ),
               run / "referens.log", run / "kommunanalys.duckdb")


def plain_script(folder: Path, raw: Path) -> Matning:
    """scripts/kpb_direkt.py into folder/plain_script, with the profile's DuckDB settings."""
    run = folder / "plain_script"
    if run.exists():
        shutil.rmtree(run)
    run.mkdir(parents=True)
    db = run / "kommunanalys.duckdb"
    settings = [f"--set={k}={v}" for k, v in duckdb_settings(db).items()]
    return mat([sys.executable, str(ROOT / "scripts" / "kpb_direkt.py"), "--raw", str(raw), "--db", str(db),
                *settings], dict(os.environ), run / "kpb_direkt.log", db)


def median(runs: list[Matning]) -> Matning:
    """The run with the median wall time (of an even number, the faster of the middle two)."""
    return sorted(runs, key=lambda m: m.wall_s)[(len(runs) - 1) // 2]


def same_marts(a: Path, b: Path) -> bool:
    """The KPB core's marts in both databases hold the same rows (count and an order-independent row hash)."""
    import duckdb

    sums = []
    for run in (a, b):
        with duckdb.connect(str(run / "kommunanalys.duckdb"), read_only=True) as con:
            sums.append([con.execute(f"select count(*), sum(hash(t)) from kpb.{t} as t").fetchone()
                         for t in ("avstamning", "brukare", "brukarkostnad", "insatskostnad")])
    return sums[0] == sums[1]


def duckdb_settings(db: Path) -> dict[str, str]:
    """The DuckDB settings of profiles.yml (target dev), rendered with this environment."""
    import yaml
    from jinja2 import Template

    env = dict(os.environ, KOMMUNANALYS_DB=str(db))
    profile = yaml.safe_load((ROOT / "profiles.yml").read_text())["kommunanalys"]["outputs"]["dev"]
    settings = profile.get("settings", {})
    return {k: Template(str(v)).render(env_var=lambda name, default=None: env.get(name, default))
            for k, v in settings.items()}


# ------------------------------------------------------------------------------------------------- the scenarios
def rows_per_source(stats: dict[str, int]) -> dict[str, int]:
    out: dict[str, int] = {}
    for path, rows in stats.items():
        name = next((v for k, v in KALLOR.items() if path.startswith(k)), "other")
        out[name] = out.get(name, 0) + rows
    out["total"] = sum(stats.values())
    return out


def generate_scale(folder: Path, scale: str, years: list[int]) -> dict[str, int]:
    kommuner, factor = SKALOR[scale]
    raw = folder / "raw"
    if raw.exists():
        shutil.rmtree(raw)
    stats = generate(raw, kommuner, years, factor, 42)
    from kommunanalys.enkat import score_surveys

    score_surveys(raw_root=raw, derived_root=folder / "derived")
    return stats


def scale_run(out: Path, scale: str, years: list[int], reference: bool, script: bool = True,
              repetitions: int = 1) -> dict:
    folder = out / scale
    folder.mkdir(parents=True, exist_ok=True)
    print(f"[{scale}] generating ...", flush=True)
    t = time.perf_counter()
    stats = generate_scale(folder, scale, years)
    result = {"scale": scale, "years": years, "rows": rows_per_source(stats),
              "generate_s": round(time.perf_counter() - t, 1), "load_before": os.getloadavg()}
    raw = folder / "raw"
    print(f"[{scale}] full build ...", flush=True)
    result["full"] = asdict(dbt(["build"], folder, raw, "full", check=False))
    # KPB core, plain SQL and the plain script interleaved, so that a change of load hits all three alike
    runs: dict[str, list[Matning]] = {"kpb": [], "plain_sql": [], "plain_script": []}
    for i in range(repetitions):
        print(f"[{scale}] KPB core ({i + 1}/{repetitions}) ...", flush=True)
        runs["kpb"].append(dbt(["build", "--select", KPB_KARNA, *UTAN_TESTER], folder, raw, "kpb"))
        if reference:
            print(f"[{scale}] plain SQL ({i + 1}/{repetitions}) ...", flush=True)
            runs["plain_sql"].append(plain_sql(folder, raw, folder / "kpb"))
        if script:
            print(f"[{scale}] plain script ({i + 1}/{repetitions}) ...", flush=True)
            runs["plain_script"].append(plain_script(folder, raw))
    for key, ms in runs.items():
        if ms:
            result[key] = asdict(median(ms))
            result[key + "_walls"] = [m.wall_s for m in ms]
    if reference:
        result["kpb_vs_plain"] = round(result["kpb"]["wall_s"] / result["plain_sql"]["wall_s"], 2)
        result["plain_sql_identical"] = same_marts(folder / "kpb", folder / "plain_sql")
    if script:
        result["kpb_vs_script"] = round(result["kpb"]["wall_s"] / result["plain_script"]["wall_s"], 2)
        differences = kpb_direkt.jamfor(folder / "kpb" / "kommunanalys.duckdb",
                                        folder / "plain_script" / "kommunanalys.duckdb")
        result["plain_script_identical"] = not differences
        result["plain_script_differences"] = [d[:500] for d in differences[:5]]
    result["load_after"] = os.getloadavg()
    return result


def new_month_run(out: Path, years: list[int], scale: str = "national") -> dict:
    """len(years) years at the scale, ledger and volumes as monthly files: full build without the last month, then
    the last month delivered and the runner's monthly (incremental) build."""
    from kommunanalys.manadsleveranser import dela_per_manad

    name = f"{scale}-{len(years)}y"
    folder = out / name
    folder.mkdir(parents=True, exist_ok=True)
    print(f"[{name}] generating ...", flush=True)
    stats = generate_scale(folder, scale, years)
    raw = folder / "raw"
    from kommunanalys.syntetisk import register_synthetic

    for system, namn in (("ekonomi", "huvudbok"), ("verksamhet", "insatser")):
        for ar in years:
            delar = dela_per_manad(raw / system / f"{namn}_{ar}.csv")
            # the monthly files hold the generator's rows: listed in its marker, so that the demo key may be used
            register_synthetic(raw, [f.relative_to(raw).as_posix() for f in delar.values()])
    last = f"{years[-1]}12"
    held = folder / "held_back"
    held.mkdir(exist_ok=True)
    for system, namn in (("ekonomi", "huvudbok"), ("verksamhet", "insatser")):
        shutil.move(raw / system / f"{namn}_{last}.csv", held / f"{namn}_{last}.csv")
    result = {"scale": name, "years": years, "rows": rows_per_source(stats), "load_before": os.getloadavg()}
    print(f"[{name}] full build (without the last month) ...", flush=True)
    result["full"] = asdict(dbt(["build"], folder, raw, "db", check=False))
    db = folder / "db" / "kommunanalys.duckdb"
    # as the runner's `kommunanalys build` does after a successful build: the state of the files it built from
    from kommunanalys import manadsbygge

    keep = dict(os.environ)
    os.environ.update(dbt_env(folder, raw, db))
    try:
        manadsbygge.efter_bygge(db.parent / "target")
        for system, namn in (("ekonomi", "huvudbok"), ("verksamhet", "insatser")):
            shutil.move(held / f"{namn}_{last}.csv", raw / system / f"{namn}_{last}.csv")
        plan = manadsbygge.planera(db, db.parent / "target")
    finally:
        os.environ.clear()
        os.environ.update(keep)
    result["new_month_plan"] = plan.varfor
    print(f"[{name}] one new month, the runner's monthly build: {plan.varfor} ...", flush=True)
    steg = [dbt(args, folder, raw, "db", fresh=False, check=False) for args in plan.steg]
    result["new_month"] = asdict(Matning(
        wall_s=round(sum(m.wall_s for m in steg), 1), cpu_s=round(sum(m.cpu_s for m in steg), 1),
        peak_mib=max((m.peak_mib for m in steg), default=0.0), db_mib=steg[-1].db_mib if steg else None,
        slowest_models=[x for m in steg for x in m.slowest_models], slowest_tests=[x for m in steg for x in m.slowest_tests],
        returncode=max((m.returncode for m in steg), default=0), failures=[x for m in steg for x in m.failures]))
    result["new_month_steps"] = plan.steg
    result["new_month_vs_full"] = round(result["new_month"]["wall_s"] / result["full"]["wall_s"], 3)
    result["load_after"] = os.getloadavg()
    return result


def test_suite_run(out: Path, pytest_args: str | None) -> dict:
    """`make test` (installs first when needed), as a child process: wall time, CPU time, peak memory."""
    folder = out / "testsvit"
    folder.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    if pytest_args:
        env["PYTEST_ADDOPTS"] = pytest_args
    result = {"scale": "test suite", "pytest_args": pytest_args, "load_before": os.getloadavg()}
    print(f"[test suite] make test {('(' + pytest_args + ')') if pytest_args else ''} ...", flush=True)
    result["make_test"] = asdict(mat(["make", "test"], env, folder / "make-test.log", check=False))
    result["load_after"] = os.getloadavg()
    tail = (folder / "make-test.log").read_text(errors="replace").strip().splitlines()[-1:]
    result["summary"] = tail[0] if tail else ""
    return result


def exponent(a: dict, b: dict, key: str, what: str = "wall_s") -> float | None:
    ra, rb = a["rows"]["total"], b["rows"]["total"]
    ta, tb = a[key][what], b[key][what]
    if ra == rb or not ta or not tb:
        return None
    return round(math.log(tb / ta) / math.log(rb / ra), 2)


# ---------------------------------------------------------------------------------------------------- the report
def report(results: list[dict], machine: dict) -> str:
    lines = [f"Benchmark {machine['date']} on {machine['machine']}; load average before/after each scale in the table.",
             ""]
    scales = [r for r in results if "kpb" in r or "new_month" in r]
    lines += targets(results)
    sources = ["ledger", "volumes", "episodes", "kva", "samsa", "population", "budget", "other", "total"]
    lines.append("| input rows | " + " | ".join(r["scale"] for r in scales) + " |")
    lines.append("|---|" + "---:|" * len(scales))
    for s in sources:
        lines.append(f"| {s} | " + " | ".join(f"{r['rows'].get(s, 0):,}" for r in scales) + " |")
    lines += ["", "| scale | run | wall s | CPU s | peak MiB | db MiB | load (1 min) before → after |",
              "|---|---|---:|---:|---:|---:|---|"]
    for r in scales:
        load = f"{r['load_before'][0]:.1f} → {r['load_after'][0]:.1f}"
        for key, label in (("full", "full build"), ("kpb", "KPB core"), ("plain_sql", "plain SQL (KPB core)"),
                           ("plain_script", "plain script (KPB core, scripts/kpb_direkt.py)"),
                           ("new_month", "one new month (incremental)")):
            if key in r:
                m = r[key]
                lines.append(f"| {r['scale']} | {label} | {m['wall_s']} | {m['cpu_s']} | {m['peak_mib']} | "
                             f"{m['db_mib']} | {load} |")
    lines.append("")
    for r in scales:
        if "kpb_vs_plain" in r:
            lines.append(f"- {r['scale']}: KPB core / plain SQL = {r['kpb_vs_plain']} (plain SQL's KPB marts "
                         f"identical to dbt's: {'yes' if r.get('plain_sql_identical') else 'NO'})")
        if "kpb_vs_script" in r:
            walls = ", ".join(f"{k} {r[k + '_walls']}" for k in ("kpb", "plain_sql", "plain_script")
                              if k + "_walls" in r)
            lines.append(f"- {r['scale']}: KPB core / plain script = {r['kpb_vs_script']} (medians; the plain "
                         f"script's KPB marts identical to the project's, every row and column: "
                         f"{'yes' if r.get('plain_script_identical') else 'NO'}; wall s per run: {walls})")
            lines += [f"  - {d}" for d in r.get("plain_script_differences", [])]
        if "new_month_vs_full" in r:
            lines.append(f"- {r['scale']}: one new month / full build = {r['new_month_vs_full']:.1%}")
            if r.get("new_month_plan"):
                lines.append(f"- {r['scale']}, the monthly build: {r['new_month_plan']}")
    for r in results:
        if "make_test" in r:
            m = r["make_test"]
            lines.append(f"- test suite: `make test`{' (' + r['pytest_args'] + ')' if r.get('pytest_args') else ''}"
                         f" {m['wall_s']} s wall ({m['wall_s'] / 60:.1f} min), CPU {m['cpu_s']} s, peak {m['peak_mib']}"
                         f" MiB, load {r['load_before'][0]:.1f} → {r['load_after'][0]:.1f}, exit {m['returncode']}: "
                         f"{r.get('summary', '')}")
    by = {r["scale"]: r for r in scales}
    for a, b in (("demo", "tenth"), ("tenth", "national")):
        if a in by and b in by:
            parts = [f"{label} {exponent(by[a], by[b], key, what)}"
                     for key, what, label in (("full", "wall_s", "full build time"), ("full", "peak_mib", "memory"),
                                              ("kpb", "wall_s", "KPB core time"))]
            lines.append(f"- growth exponent {a} → {b} (input rows ×"
                         f"{by[b]['rows']['total'] / by[a]['rows']['total']:.1f}): " + ", ".join(parts))
    for r in scales:
        for key in ("full", "new_month"):
            if r.get(key, {}).get("failures"):
                lines.append(f"- {r['scale']} / {key}: dbt exit {r[key]['returncode']}, failing: "
                             + ", ".join(r[key]["failures"]))
    for r in scales:
        for key in ("full", "new_month"):
            if key in r:
                lines += ["", f"Ten slowest in {r['scale']} / {key}: models " +
                          ", ".join(f"{n} {t}" for n, t in r[key]["slowest_models"]),
                          "tests " + ", ".join(f"{n} {t}" for n, t in r[key]["slowest_tests"])]
    return "\n".join(lines)


def targets(results: list[dict]) -> list[str]:
    """Issue 24's acceptance targets against this run (only those the run measured)."""
    rows = []
    by = {r["scale"]: r for r in results}
    n = by.get("national")
    if n and "full" in n:
        rows.append(("national full build ≤ 150 s wall; peak ≤ 3 GiB",
                     f"{n['full']['wall_s']} s; {n['full']['peak_mib']:,} MiB"))
    for r in results:
        if "kpb_vs_script" in r:
            rows.append((f"KPB core ≤ 1.2× the plain script ({r['scale']})",
                         f"{r['kpb']['wall_s']} s / {r['plain_script']['wall_s']} s = **{r['kpb_vs_script']}×** "
                         f"(identical marts: {'yes' if r.get('plain_script_identical') else 'NO'})"))
        if "new_month_vs_full" in r:
            rows.append((f"one new month ≤ 10 % of a full build ({r['scale']})",
                         f"{r['new_month']['wall_s']} s / {r['full']['wall_s']} s = **{r['new_month_vs_full']:.1%}**"
                         f"; full build peak {r['full']['peak_mib']:,} MiB, database {r['full']['db_mib']:,} MiB"))
        if "make_test" in r:
            rows.append(("`make test` ≤ 20 minutes" + (f" ({r['pytest_args']})" if r.get("pytest_args") else ""),
                         f"{r['make_test']['wall_s'] / 60:.1f} min"))
    if not rows:
        return []
    return ["| target (issue 24) | measured |", "|---|---|", *[f"| {a} | {b} |" for a, b in rows], ""]


def machine_info() -> dict:
    mem = next((int(line.split()[1]) // 1024 for line in open("/proc/meminfo") if line.startswith("MemTotal")), 0)
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
               platform.processor())
    return {"date": datetime.now().strftime("%Y-%m-%d %H:%M"),
            "machine": f"{os.cpu_count()} cores ({cpu}), {mem / 1024:.0f} GiB RAM, {platform.system()}"}


def bench(args: argparse.Namespace) -> int:
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    machine = machine_info()
    results = []
    for scale in args.scales:
        results.append(scale_run(out, scale, args.years, not args.no_reference, not args.no_script,
                                 args.upprepningar))
        (out / "benchmark.json").write_text(json.dumps({"machine": machine, "results": results}, indent=1))
        if not args.keep:
            shutil.rmtree(out / scale / "raw", ignore_errors=True)
    last = args.years[-1]
    for n, on in ((3, args.tre_ar), (5, args.fem_ar)):
        if on:
            results.append(new_month_run(out, list(range(last - n + 1, last + 1)), args.manad_skala))
            (out / "benchmark.json").write_text(json.dumps({"machine": machine, "results": results}, indent=1))
            if not args.keep:
                shutil.rmtree(out / f"{args.manad_skala}-{n}y" / "raw", ignore_errors=True)
    if args.testsvit:
        results.append(test_suite_run(out, args.testsvit_pytest_args))
        (out / "benchmark.json").write_text(json.dumps({"machine": machine, "results": results}, indent=1))
    text = report(results, machine)
    (out / "benchmark.md").write_text(text + "\n")
    print()
    print(text)
    return 0


# ------------------------------------------------------------------------------------- the generator (as before)
def generator_bench(args: argparse.Namespace) -> int:
    """Generates into a temporary folder and prints per step the seconds and the peak resident memory; exits 1
    when the total exceeds --limit (the national year must be generated within two minutes on 2 cores)."""
    peak = [_rss(os.getpid())]
    running = [True]

    def sample() -> None:
        while running[0]:
            peak[0] = max(peak[0], _rss(os.getpid()))
            time.sleep(0.02)

    threading.Thread(target=sample, daemon=True).start()
    print(f"{'step':<45} {'seconds':>8} {'peak MiB':>9}")
    t_start = last = time.perf_counter()

    def on_step(name: str) -> None:
        nonlocal last
        now = time.perf_counter()
        print(f"{name:<45} {now - last:8.2f} {peak[0] / MIB:9.0f}", flush=True)
        last = now

    with tempfile.TemporaryDirectory(prefix="kommunanalys-bench-") as tmp:
        stats = generate(args.keep or Path(tmp), args.kommuner, args.years, args.scale, args.seed, on_step=on_step)
        total = time.perf_counter() - t_start
    running[0] = False
    print(f"{'total':<45} {total:8.2f} {peak[0] / MIB:9.0f}\n")
    for name, rows in sorted(stats.items()):
        print(f"{name:<45} {rows:>12,}")
    if total > args.limit:
        print(f"FAILED: {total:.1f} s is over the limit of {args.limit:.0f} s", file=sys.stderr)
        return 1
    return 0


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "generator":
        p = argparse.ArgumentParser(prog="benchmark.py generator", description=generator_bench.__doc__)
        p.add_argument("--scale", default="national")
        p.add_argument("--kommuner", type=int, default=290)
        p.add_argument("--years", type=int, nargs="+", default=[2024])
        p.add_argument("--seed", type=int, default=42)
        p.add_argument("--limit", type=float, default=120.0)
        p.add_argument("--keep", type=Path)
        return generator_bench(p.parse_args(sys.argv[2:]))
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--scales", nargs="*", choices=list(SKALOR), default=["demo", "tenth", "national"],
                   help="scales to run (none: only --tre-ar)")
    p.add_argument("--years", type=int, nargs="+", default=[2024], help="years per scale (default 2024)")
    p.add_argument("--tre-ar", action="store_true", help="also: one new month on three national years")
    p.add_argument("--fem-ar", action="store_true", help="also: five national years of monthly files, one new month")
    p.add_argument("--manad-skala", choices=list(SKALOR), default="national",
                   help="the scale of --tre-ar / --fem-ar (default national; demo to try the code path)")
    p.add_argument("--no-reference", action="store_true", help="skip the plain-SQL reference")
    p.add_argument("--no-script", action="store_true", help="skip the plain script (scripts/kpb_direkt.py)")
    p.add_argument("--upprepningar", type=int, default=1,
                   help="runs of KPB core / plain SQL / plain script each, interleaved (the median is reported)")
    p.add_argument("--testsvit", action="store_true", help="also: the wall time of `make test`")
    p.add_argument("--testsvit-pytest-args", help="arguments for pytest in --testsvit (PYTEST_ADDOPTS), e.g. a file")
    p.add_argument("--out", type=Path, default=ROOT / "build" / "benchmark", help="work folder (default build/benchmark)")
    p.add_argument("--keep", action="store_true", help="keep the generated files")
    return bench(p.parse_args())


if __name__ == "__main__":
    sys.exit(main())
