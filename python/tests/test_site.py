"""The Evidence site (reports/), built once per session by the demo fixture (`kommunanalys demo --pdf`): every page
(analysis groups and municipalities included) opens in Debian's chromium over a local server with no console error, no
request leaving localhost and every chart drawn with values (a chart with nothing to draw is a sentence saying why);
the interface is Swedish (no English text of Evidence's, no English month name, legends and tooltips in Swedish form, no
table cut at 1 400 px); a municipality's page shows the marts' figures; a PDF per municipality and per analysis group,
A4; tables download as CSV for Swedish Excel; no published surface holds a count of 1-4 persons. Expected figures come
from the marts with SQL."""

from __future__ import annotations

import json
import re
from decimal import Decimal
import shutil
import subprocess
from pathlib import Path

import duckdb
import pyarrow.ipc as ipc
import pytest

from .conftest import needs
from kommunanalys.site import REPORTS, browser, serve

PAGES = ["/", "/kpb/produktivitet/", "/kpb/brukarmix/", "/kpb/konsumtion/", "/kpb/resultat/", "/kpb/avstamning/",
         "/kpb/budget/", "/kpb/nyckelscenarier/", "/kpb/projektion/", "/kpb/rs-och-kolada/", "/utskrivningsklara/",
         "/samverkan/", "/sip/", "/nara-vard/", "/indikatorer/"]
#: counts that are not of persons (municipalities, ledger rows, source rows): allowed to be 1-4
NOT_PERSONS = {"jamforelse_antal_kommuner", "antal_huvudboksrader", "antal_omappade_rader", "antal_rader",
               "antal_levererade_manader"}


def small_counts(table, threshold: int) -> dict[str, int]:
    """Columns of a published table (pyarrow) holding a count of persons in [1, threshold): name -> how many."""
    import pyarrow.compute as pc

    bad = {}
    names = table.column_names
    for name in names:
        if not name.startswith("antal_") or name in NOT_PERSONS:
            continue
        col = pc.cast(table[name], "float64")
        n = pc.sum(pc.and_(pc.greater_equal(col, 1), pc.less(col, threshold))).as_py() or 0
        if n:
            bad[name] = n
    if {"enhet", "taljare", "varde"} <= set(names):  # indikatorer.utfall: counts and numerators of percentages
        enhet = table["enhet"]
        for name in ("taljare", "varde"):
            col = pc.cast(table[name], "float64")
            mask = pc.and_(pc.is_in(enhet, value_set=__import__("pyarrow").array(["antal", "procent"])),
                           pc.and_(pc.greater(col, 0), pc.less(col, threshold)))
            if name == "varde":
                mask = pc.and_(pc.equal(enhet, "antal"), pc.and_(pc.greater(col, 0), pc.less(col, threshold)))
            n = pc.sum(mask).as_py() or 0
            if n:
                bad[name] = n
    return bad


def sv_number(text: str) -> float:
    """A figure as the pages print it (sv-SE: '1 234,5 kr', U+2212 minus) as a number."""
    core = re.sub(r"[^\d,.\-\u2212]", "", text.replace("\u00a0", "").replace(" ", ""))
    return float(core.replace("\u2212", "-").replace(",", "."))


@pytest.fixture(scope="module")
def site(demo) -> Path:
    needs("node", "the Evidence site is built with Node.js")
    path = demo / "build" / "site"
    assert (path / "index.html").exists(), (demo / "demo.log").read_text(encoding="utf-8")[-3000:]
    return path


@pytest.fixture(scope="module")
def db(demo):
    con = duckdb.connect(str(demo / "build" / "kommunanalys.duckdb"), read_only=True)
    yield con
    con.close()


@pytest.fixture(scope="module")
def kommuner(db) -> list[tuple[str, str]]:
    return db.execute("select k.kommun_kod, k.kommun_namn from konfig.kommuner as k where k.kommun_kod in "
                      "(select kommun_kod from kpb.avstamning) order by 1").fetchall()


@pytest.fixture(scope="module")
def grupper(db) -> list[tuple[str, str]]:
    """The analysis groups with a municipality in the demo (the site has a page for each)."""
    return db.execute("select g.analysgrupp_kod, any_value(g.analysgrupp_namn) from publicerat.analysgrupper as g "
                      "join publicerat.kommuner as k on g.enhetstyp = 'kommun' and k.kommun_kod = g.enhet_kod "
                      "group by 1 order by 1").fetchall()


def all_routes(kommuner, grupper) -> list[str]:
    return PAGES + [f"/kommun/{kod}/" for kod, _ in kommuner] + [f"/grupp/{kod}/" for kod, _ in grupper]


@pytest.fixture(scope="module")
def pages(site, kommuner, grupper, tmp_path_factory) -> dict:
    needs("chromium", "the browser test drives Debian's chromium")
    out = tmp_path_factory.mktemp("browser") / "pages.json"
    with serve(site) as base:
        browser("check", base, out, all_routes(kommuner, grupper))
    return json.loads(out.read_text(encoding="utf-8"))


def test_evidence_versions_are_pinned_and_telemetry_is_off():
    package = json.loads((REPORTS / "package.json").read_text())
    assert package["dependencies"]["@evidence-dev/evidence"] == "40.1.8"
    assert package["dependencies"]["@evidence-dev/core-components"] == "5.4.2"
    assert package["dependencies"]["@evidence-dev/duckdb"] == "2.0.1"
    assert package["dependencies"]["typescript"] == "~5.4.2"
    assert package["scripts"]["postinstall"] == "node scripts/offline-patch.mjs"
    lock = json.loads((REPORTS / "package-lock.json").read_text())
    assert lock["packages"]["node_modules/@evidence-dev/evidence"]["version"] == "40.1.8"
    assert lock["packages"]["node_modules/typescript"]["version"].startswith("5.4.")
    settings = json.loads((REPORTS / "evidence.settings.json").read_text())
    assert settings["send_anonymous_usage_stats"] == "no"


def test_offline_patch_is_applied(site):
    sql = REPORTS / "node_modules" / "@evidence-dev" / "universal-sql" / "src"
    for name in ("build-parquet.js", "client-duckdb/node.js", "client-duckdb/browser.js"):
        text = (sql / name).read_text(encoding="utf-8")
        assert "kommunanalys offline patch" in text, name
        assert "read_parquet(" not in text, name
    toc = REPORTS / "node_modules" / "@evidence-dev" / "core-components" / "dist" / "organisms" / "layout"
    assert "På den här sidan" in (toc / "tableofcontents" / "ContentsList.svelte").read_text(encoding="utf-8")


def test_offline_patch_refuses_other_versions(tmp_path):
    needs("node", "the patch runs under Node.js")
    fake = tmp_path / "reports"
    (fake / "scripts").mkdir(parents=True)
    shutil.copy(REPORTS / "scripts" / "offline-patch.mjs", fake / "scripts")
    (fake / "package.json").write_text("{}")
    for name, version in (("@evidence-dev/evidence", "40.2.0"), ("@evidence-dev/universal-sql", "3.0.1"),
                          ("@duckdb/duckdb-wasm", "1.32.0"), ("@evidence-dev/core-components", "5.4.2")):
        folder = fake / "node_modules" / name
        folder.mkdir(parents=True)
        (folder / "package.json").write_text(json.dumps({"name": name, "version": version}))
    run = subprocess.run(["node", "scripts/offline-patch.mjs"], cwd=fake, capture_output=True, text=True)
    assert run.returncode == 1
    assert "REFUSED" in run.stderr and "40.2.0" in run.stderr


def test_every_page_opens_without_errors_or_outside_requests_and_draws_every_chart(pages, kommuner, grupper):
    assert grupper, "the demo's municipalities belong to an analysis group"
    assert set(all_routes(kommuner, grupper)) <= set(pages)
    for route, page in pages.items():
        assert page["status"] == 200, route
        assert not page["consoleErrors"], (route, page["consoleErrors"])
        assert not page["pageErrors"], (route, page["pageErrors"])
        assert not page["externalRequests"], (route, page["externalRequests"])
        assert not page["errorBoxes"], (route, page["errorBoxes"])
        assert page["charts"] >= 1, route
        assert page["chartsDrawn"] == page["charts"], route
        assert "Byggd" in page["text"] and "Dataperiod" in page["text"], route
        # no chart drawn empty: every chart on the page has values; one with nothing to draw is a sentence instead
        assert len(page["chartData"]) == page["charts"], route
        empty = [c["title"] for c in page["chartData"] if c["points"] == 0]
        assert not empty, (route, empty)


def test_municipality_page_shows_the_marts_figures(pages, kommuner, db):
    kod, namn = kommuner[0]
    page = pages[f"/kommun/{kod}/"]
    figures = page["figures"]
    assert figures["kommun_namn"] == namn
    ar, brukare, brukar_total = db.execute(
        "select ar, antal_brukare, brukar_total from kpb.avstamning where kommun_kod = ? order by ar desc limit 1",
        [kod]).fetchone()
    assert sv_number(figures["kpb_brukare"]) == brukare
    assert sv_number(figures["kpb_brukar_total"]) == round(float(brukar_total))
    ukd = db.execute("select varde from indikatorer.utfall where kommun_kod = ? and indikator_id = "
                     "'UKD_SOMATIK_MEDEL' and period_typ = 'ar' and dimension = 'alla' "
                     "order by period_start desc limit 1", [kod]).fetchone()[0]
    assert sv_number(figures["ukd_varde"]) == pytest.approx(round(float(ukd), 2))
    assert "–" not in (figures["kpb_brukare"], figures["ukd_varde"])


def _ukd_status(db, kod: str) -> str:
    mal, uppfyllt, undertryckt = db.execute(
        "select malvarde, is_mal_uppfyllt, is_undertryckt from indikatorer.utfall where kommun_kod = ? and "
        "indikator_id = 'UKD_SOMATIK_MEDEL' and period_typ = 'ar' and dimension = 'alla' "
        "order by period_start desc limit 1", [kod]).fetchone()
    if undertryckt:
        return "Undertryckt"
    if mal is None:
        return "Inget mål"
    return "Målet uppfyllt" if uppfyllt else "Målet ej uppfyllt"


def test_a_pdf_per_municipality_a4_with_name_and_ukd_status(demo, kommuner, db):
    needs("chromium", "PDFs are printed with Debian's chromium")
    needs("pdftotext", "the PDF test reads the text with poppler-utils")
    for kod, namn in kommuner:
        pdf = demo / "build" / "pdf" / f"{kod}.pdf"
        assert pdf.exists(), pdf
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "(A4)" in info, info
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        flat = " ".join(text.split())
        assert namn in flat
        assert _ukd_status(db, kod) in flat
        # nothing cut: every indicator row of the page's last table is in the PDF (cells wrap, so the start of each
        # name, and one target status per row)
        rows = db.execute(
            "select c.indikator_namn from indikatorer.utfall as u join konfig.indikator_katalog as c "
            "using (indikator_id) where u.kommun_kod = ? and u.dimension = 'alla' and u.period_typ in "
            "('kvartal', 'ar') group by u.indikator_id, u.period_typ, c.indikator_namn", [kod]).fetchall()
        squeezed = flat.replace(" ", "")
        missing = [n for (n,) in rows if n.replace(" ", "")[:18] not in squeezed]
        assert not missing, missing
        statuses = len(re.findall(r"uppfyllt|inget mål|undertryckt", text))
        assert statuses >= len(rows), (statuses, len(rows))
        assert "Trend" in flat


def test_no_published_surface_holds_a_count_of_one_to_four_persons(site, demo, pages, db):
    threshold = db.execute("select undertryck_min_personer from publicering.publiceringsregler").fetchone()[0]
    assert threshold == 5
    checked = 0
    for data in (site / "data").rglob("*.parquet"):  # Evidence's file names; the content is Arrow IPC
        table = ipc.open_stream(data.read_bytes()).read_all()
        assert not small_counts(table, threshold), data
        checked += 1
    assert checked >= 15
    import pyarrow.parquet as pq

    export = demo / "build" / "export"
    for path in export.rglob("*.parquet"):
        if "personniva" in path.relative_to(export).parts:
            continue
        assert not small_counts(pq.read_table(path), threshold), path
        checked += 1
    # what the pages (and so the PDFs printed from them) show in their count columns
    for route, page in pages.items():
        for column, values in page["cells"].items():
            if column in NOT_PERSONS:
                continue
            shown = [sv_number(v) for v in values if v not in ("–", "", "dolt")]
            assert not [v for v in shown if 1 <= v < threshold], (route, column)


def test_the_sites_data_files_are_the_published_layer(site, db):
    """Every data file the site ships (what each browser downloads) is a whole relation of schema publicerat, cell
    for cell: the same rows, the same hidden (empty) cells, the same figures. The Evidence sources are plain reads."""
    import pandas as pd

    for query in (REPORTS / "sources" / "kommunanalys").glob("*.sql"):
        lines = [line for line in query.read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.lstrip().startswith("--")]
        assert lines == [f"select * from publicerat.{query.stem}"], query
    tables = {t for (t,) in db.execute(
        "select table_name from information_schema.tables where table_schema = 'publicerat'").fetchall()}
    seen = set()
    for data in (site / "data").rglob("*.parquet"):
        names = [p for p in data.relative_to(site / "data").parts if p in tables]
        assert names, data
        name = names[-1]
        shipped = ipc.open_stream(data.read_bytes()).read_all().to_pandas()
        published = db.execute(f"select * from publicerat.{name}").df()
        assert list(shipped.columns) == list(published.columns), name
        assert len(shipped) == len(published), name
        key = [k for (k,) in db.execute(
            "select unnest(constraint_column_names) from duckdb_constraints() where schema_name = 'publicerat' "
            "and table_name = ? and constraint_type = 'PRIMARY KEY'", [name]).fetchall()]
        def ordered(df):
            return df.assign(**{f"_k{i}": df[k].astype(str) for i, k in enumerate(key)}).sort_values(
                [f"_k{i}" for i in range(len(key))]).reset_index(drop=True)

        a, b = ordered(shipped), ordered(published)
        for column in published.columns:
            assert (a[column].isna() == b[column].isna()).all(), (name, column, "hidden cells differ")
            x, y = a[column].dropna(), b[column].dropna()
            if pd.api.types.is_numeric_dtype(y) or y.map(lambda v: isinstance(v, Decimal)).any():
                assert ((x.astype(float) - y.astype(float)).abs() < 1e-6).all(), (name, column)
            elif not pd.api.types.is_datetime64_any_dtype(y) and y.map(lambda v: isinstance(v, str)).all():
                assert (x.astype(str) == y.astype(str)).all(), (name, column)
        seen.add(name)
    assert {"utfall", "insatskostnad", "betalningsansvar", "sip_antal", "kommuner"} <= seen


def test_the_docs_site_makes_no_request_outside_localhost(demo, tmp_path):
    """dbt docs' page (build/docs/index.html) opened in chromium: no request leaves 127.0.0.1 (usage statistics are
    off and its tracker function is emptied, site.docs_utan_sparning)."""
    needs("chromium", "the browser test drives Debian's chromium")
    docs = demo / "build" / "docs"
    html = (docs / "index.html").read_text(encoding="utf-8")
    assert '"send_anonymous_usage_stats": false' in html
    assert "turn_on_tracking:function(){return;" in html
    out = tmp_path / "docs.json"
    with serve(docs) as base:
        browser("check", base, out, ["/", "/#!/model/model.kommunanalys.publicerat_utfall"])
    pages = json.loads(out.read_text(encoding="utf-8"))
    assert len(pages) == 2
    for route, page in pages.items():
        assert page["status"] == 200, route
        assert not page["externalRequests"], (route, page["externalRequests"])
        assert not page["pageErrors"], (route, page["pageErrors"])
        assert "publicerat" in page["text"] or route == "/", route


#: Evidence's own interface texts (core-components 5.4.2) that must not show: each is translated by the patch
#: (reports/scripts/offline-patch.mjs) or switched off by a layout option (pages/+layout.svelte)
EVIDENCE_ENGLISH = ["Home", "On this page", "Built with Evidence", "Download Data", "Save Image", "Download",
                    "Print PDF", "Show Queries", "Hide Queries", "Appearance", "No Records", "Dataset is empty",
                    "Loading", "Open sidebar", "Close sidebar", "Menu", "No Results", "Search", "Settings",
                    "Copy", "Error"]
ENGLISH_MONTHS = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|"
                            r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b")


def test_the_interface_speaks_swedish(pages):
    """Every page, after hovering a chart (its menu shows): no English text of Evidence's in the visible text or in
    an aria-label, title or placeholder; no English month name on an axis or in the text; no time axis (ECharts would
    name the months in English); the html element says lang=sv."""
    for route, page in pages.items():
        text = page["interfaceText"]
        found = [s for s in EVIDENCE_ENGLISH if re.search(rf"(?<![\wåäöÅÄÖ]){re.escape(s)}(?![\wåäöÅÄÖ])", text)]
        assert not found, (route, found)
        assert not ENGLISH_MONTHS.search(text), (route, ENGLISH_MONTHS.search(text))
        assert "På den här sidan" in text or "Start" in text, route
        for chart in page["chartData"]:
            assert "time" not in chart["axisTypes"], (route, chart["title"])
            months = [c for c in chart["categories"] if ENGLISH_MONTHS.search(c)]
            assert not months, (route, chart["title"], months)


def test_monthly_axes_carry_swedish_month_names(pages, kommuner):
    labels = [c for chart in pages[f"/kommun/{kommuner[0][0]}/"]["chartData"] for c in chart["categories"]]
    assert any(re.fullmatch(r"(okt|maj) \d{4}", c) for c in labels), labels[:20]


def test_legends_and_tooltips_are_swedish(pages, kommuner):
    """Legends name series in words (not Evidence's title-cased column names such as "Enhetskostnad Fordelad" or
    "Varde"), and a tooltip prints 1234.5 with a decimal comma and a space between thousands."""
    column_like = re.compile(r"^([A-Z][a-z]+)( [A-Z][a-z]+)+$|^(Varde|Malvarde)$|_")
    for route, page in pages.items():
        for chart in page["chartData"]:
            if len(chart["seriesNames"]) > 1:
                bad = [n for n in chart["seriesNames"]
                       if column_like.search(n) and not any(namn in n for _, namn in kommuner)]
                assert not bad, (route, chart["title"], bad)
            assert chart["tooltip"] and re.search(r"1\s?23[45]", chart["tooltip"].replace("\u00a0", " ")), \
                (route, chart["tooltip"])
            assert "1,234" not in chart["tooltip"] and "1234.5" not in chart["tooltip"], (route, chart["tooltip"])
            if "234" in chart["tooltip"] and ",5" not in chart["tooltip"]:
                assert "1\u00a0235" in chart["tooltip"], chart["tooltip"]  # no decimals: rounded, still Swedish


def test_no_table_is_cut_at_1400_px(pages):
    for route, page in pages.items():
        assert not page["cutTables"], (route, page["cutTables"])


def test_a_hidden_value_and_no_data_read_differently(pages, kommuner, db):
    """A chart whose every value is hidden says so; one with no rows (deviations, not delivered in the demo) says that
    nothing was delivered; the two sentences differ. The municipality whose betalningsansvar per month is all hidden
    (computed from the published rows) shows the first; every municipality and group page the second."""
    all_hidden = [kod for (kod,) in db.execute(
        "select kommun_kod from publicerat.betalningsansvar group by 1 having count(betalningsbelopp) = 0").fetchall()]
    some = [kod for (kod,) in db.execute(
        "select kommun_kod from publicerat.betalningsansvar group by 1 having count(betalningsbelopp) > 0").fetchall()]
    assert all_hidden and some, "the demo has one municipality with every month hidden and one with figures"
    avv = db.execute("select count(*) from publicerat.utfall where indikator_id like 'AVV_%'").fetchone()[0]
    for kod in all_hidden:
        sentences = pages[f"/kommun/{kod}/"]["emptySentences"]
        assert any(s.startswith("Betalningsansvar per månad") and "dolda" in s for s in sentences), sentences
    for kod in some:
        sentences = pages[f"/kommun/{kod}/"]["emptySentences"]
        assert not any(s.startswith("Betalningsansvar per månad") for s in sentences), sentences
    for route, page in pages.items():
        if route.startswith(("/kommun/", "/grupp/")) and not avv:
            deviation = [s for s in page["emptySentences"] if s.startswith("Avvikelser")]
            assert deviation and "inte levererats" in deviation[0] and "dolda" not in deviation[0], route


def test_group_page_shows_its_municipalities_the_lan_and_the_handlingsplan(pages, grupper, db):
    for kod, namn in grupper:
        page = pages[f"/grupp/{kod}/"]
        assert page["figures"]["grupp_namn"] == namn
        members = [n for (n,) in db.execute(
            "select k.kommun_namn from publicerat.analysgrupper as g join publicerat.kommuner as k "
            "on k.kommun_kod = g.enhet_kod where g.analysgrupp_kod = ? and g.enhetstyp = 'kommun'", [kod]).fetchall()]
        hospital = db.execute("select enhet_namn from publicerat.analysgrupper where analysgrupp_kod = ? and "
                              "enhetstyp = 'sjukhus'", [kod]).fetchone()[0]
        assert hospital in page["text"]
        monthly = page["chartData"][0]
        assert set(members) | {"Länet"} == set(monthly["seriesNames"]), monthly["seriesNames"]
        assert any(re.fullmatch(r"mar \d{4}", c) for c in monthly["categories"])
        assert "31 mars" in page["text"] and "30 september" in page["text"]
        half_years = [c for chart in page["chartData"] for c in chart["categories"] if re.fullmatch(r"\d{4} H[12]", c)]
        n_half = db.execute("select count(distinct period_start) from publicerat.utfall where period_typ = 'halvar' "
                            "and indikator_id = 'UKD_SOMATIK_MEDEL'").fetchone()[0]
        assert len(set(half_years)) == n_half
        assert page["figures"]["grupp_pdf"] == f"{kod}.pdf"


def test_a_pdf_per_analysis_group_a4_with_its_municipalities(demo, grupper, db, site):
    needs("chromium", "PDFs are printed with Debian's chromium")
    needs("pdftotext", "the PDF test reads the text with poppler-utils")
    for kod, namn in grupper:
        pdf = demo / "build" / "pdf" / "grupp" / f"{kod}.pdf"
        assert pdf.exists(), pdf
        assert (site / "pdf" / "grupp" / f"{kod}.pdf").read_bytes() == pdf.read_bytes()  # linked from the page
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "(A4)" in info, info
        flat = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                       check=True).stdout.split())
        assert namn in flat
        for (member,) in db.execute(
                "select k.kommun_namn from publicerat.analysgrupper as g join publicerat.kommuner as k "
                "on k.kommun_kod = g.enhet_kod where g.analysgrupp_kod = ?", [kod]).fetchall():
            assert member in flat
        assert "Avvikelser i samverkan" in flat and "Sjukhuset" in flat


SV_JS = REPORTS / "components" / "sv.js"


def _csv_of(rows: list[dict], columns: list[list[str]]) -> bytes:
    needs("node", "the site's CSV writer is JavaScript")
    script = ("import(process.argv[1]).then((m) => process.stdout.write(m.csv(JSON.parse(process.argv[2]), "
              "JSON.parse(process.argv[3]))))")
    run = subprocess.run(["node", "-e", script, SV_JS.as_uri(), json.dumps(rows), json.dumps(columns)],
                         capture_output=True, check=True)
    return run.stdout


def test_table_csv_is_for_swedish_excel():
    """The tables' "Ladda ner CSV": UTF-8 with a byte-order mark, semicolons, decimal comma, CRLF, the headings as
    shown; a field with a semicolon or a quote is quoted; an empty (hidden) value is an empty field."""
    data = _csv_of([{"kommun": "Mörbylånga", "varde": 1234.5, "antal": 12, "text": 'a;b "c"', "tom": None},
                    {"kommun": "Kalmar", "varde": -0.25, "antal": 0, "text": "x", "tom": None}],
                   [["kommun", "Kommun"], ["varde", "Värde, kr"], ["antal", "Antal"], ["text", "Anm."], ["tom", "Mål"]])
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    assert text == ('Kommun;Värde, kr;Antal;Anm.;Mål\r\n'
                    'Mörbylånga;1234,5;12;"a;b ""c""";\r\n'
                    'Kalmar;-0,25;0;x;\r\n')


def test_chart_data_download_is_for_swedish_excel_too():
    """A chart's "Ladda ner data" (Evidence's DownloadData, patched): semicolon, decimal comma, BOM."""
    path = REPORTS / "node_modules" / "@evidence-dev" / "core-components" / "dist" / "unsorted" / "ui" / "DownloadData.svelte"
    if not path.exists():
        pytest.skip("reports/node_modules is not installed")
    text = path.read_text(encoding="utf-8")
    assert "fieldSeparator: ';'" in text and "decimalSeparator: ','" in text and "useBom: true" in text
