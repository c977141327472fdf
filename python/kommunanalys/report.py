"""A static HTML report over the public marts (the BI report of the demo).

Evidence.dev cannot be built offline (its in-browser DuckDB downloads extensions), so the report is rendered here:
one self-contained HTML file, charts as inline SVG, no scripts and nothing fetched. It reads only the public marts
(schemas kpb and indikatorer) with SQL; pandas only formats. Every figure is a mart's, or a sum of a mart's column
over municipalities for a chart.
A section whose mart is not in the database is left out with a note.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

PALETTE = ["#1f5f8b", "#e07b39", "#4a9c5d", "#8e6bb8", "#c44e52", "#7f7f7f", "#b8a23a", "#2aa198"]


@dataclass
class Section:
    title: str
    intro: str
    body: str


def _fmt(value) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return "–"
    if isinstance(value, (bool, np.bool_)):
        return "ja" if value else "nej"
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, (int, Decimal, float)):
        number = float(value)
        if abs(number) >= 1000 or number == int(number):
            return f"{number:,.0f}".replace(",", "\u00a0")
        return f"{number:,.2f}".replace(",", "\u00a0").replace(".", ",")
    return html.escape(str(value))


#: columns that are identifiers, not quantities: printed as they are (a year is 2024, not 2 024)
IDENTIFIERS = {"ar", "kommun_kod", "insats_kod", "indikator_id", "period_start", "manad"}


def table_html(df: pd.DataFrame, max_rows: int = 60) -> str:
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in df.columns)
    rows = []
    for record in df.head(max_rows).itertuples(index=False):
        cells = []
        for column, v in zip(df.columns, record):
            if column in IDENTIFIERS:
                cells.append(f"<td>{html.escape(str(v)[:10] if column in ('period_start', 'manad') else str(v))}</td>")
            elif isinstance(v, (int, float, Decimal, np.number)) and not isinstance(v, (bool, np.bool_)):
                cells.append(f"<td class='num'>{_fmt(v)}</td>")
            else:
                cells.append(f"<td>{_fmt(v)}</td>")
        rows.append(f"<tr>{''.join(cells)}</tr>")
    more = f"<p class='note'>{len(df) - max_rows} rader till finns i marten.</p>" if len(df) > max_rows else ""
    return (f"<div class='scroll'><table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
            f"{more}")


def bar_chart_svg(df: pd.DataFrame, category: str, series: str, value: str, title: str, unit: str = "") -> str:
    """Grouped bar chart: one group per category, one bar per series value."""
    if df.empty:
        return ""
    cats = list(dict.fromkeys(df[category].astype(str)))
    sers = list(dict.fromkeys(df[series].astype(str)))
    values = {(str(r[category]), str(r[series])): float(r[value]) for _, r in df.iterrows() if pd.notna(r[value])}
    top = max([v for v in values.values()] + [0.0]) or 1.0
    width, height, left, bottom = max(480, 60 * len(cats) * max(1, len(sers)) // 2 + 120), 260, 70, 60
    group_w = (width - left - 20) / max(1, len(cats))
    bar_w = max(4.0, (group_w - 10) / max(1, len(sers)))
    parts = [f"<svg role='img' aria-label='{html.escape(title)}' width='{width}' height='{height + 30}' "
             f"xmlns='http://www.w3.org/2000/svg' font-family='sans-serif' font-size='11'>",
             f"<text x='{left}' y='14' font-size='13' font-weight='bold'>{html.escape(title)}</text>"]
    for i in range(5):
        y = 20 + (height - bottom) * i / 4
        label = top * (4 - i) / 4
        parts.append(f"<line x1='{left}' x2='{width - 10}' y1='{y:.1f}' y2='{y:.1f}' stroke='#ddd'/>")
        parts.append(f"<text x='{left - 4}' y='{y + 4:.1f}' text-anchor='end'>{_fmt(round(label))}</text>")
    for ci, cat in enumerate(cats):
        x0 = left + ci * group_w + 5
        for si, ser in enumerate(sers):
            v = values.get((cat, ser))
            if v is None:
                continue
            h = (height - bottom) * max(v, 0) / top
            x, y = x0 + si * bar_w, 20 + (height - bottom) - h
            parts.append(f"<rect x='{x:.1f}' y='{y:.1f}' width='{bar_w - 1:.1f}' height='{h:.1f}' "
                         f"fill='{PALETTE[si % len(PALETTE)]}'><title>{html.escape(cat)} · {html.escape(ser)}: "
                         f"{_fmt(v)} {html.escape(unit)}</title></rect>")
        parts.append(f"<text x='{x0 + group_w / 2 - 5:.1f}' y='{height - bottom + 34}' text-anchor='middle'>"
                     f"{html.escape(cat)}</text>")
    for si, ser in enumerate(sers):
        parts.append(f"<rect x='{left + si * 120}' y='{height + 10}' width='10' height='10' "
                     f"fill='{PALETTE[si % len(PALETTE)]}'/><text x='{left + si * 120 + 14}' y='{height + 19}'>"
                     f"{html.escape(ser)}</text>")
    parts.append("</svg>")
    return "<div class='scroll'>" + "".join(parts) + "</div>"


class Report:
    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        self.present = {f"{s}.{t}" for s, t in con.execute(
            "select table_schema, table_name from information_schema.tables").fetchall()}

    def has(self, *relations: str) -> bool:
        return all(r in self.present for r in relations)

    def q(self, sql: str) -> pd.DataFrame:
        return self.con.execute(sql).df()

    def sections(self) -> list[Section]:
        out: list[Section] = []
        for build in (self.avstamning, self.produktivitet, self.brukarmix, self.konsumtion, self.resultat,
                      self.betalningsansvar, self.utfall):
            section = build()
            if section is not None:
                out.append(section)
        return out

    def _missing(self, title: str, relation: str) -> Section:
        return Section(title, "", f"<p class='note'>{html.escape(relation)} finns inte i databasen.</p>")

    def avstamning(self) -> Section | None:
        if not self.has("kpb.avstamning"):
            return self._missing("Avstämning KPB", "kpb.avstamning")
        df = self.q("select kommun_kod, ar, huvudbok_belopp, exkluderat_belopp, direkt_kostnad, poolkostnad, "
                    "insats_total, brukar_total, ej_brukarrelaterad_kostnad, ej_fordelbar_kostnad, differens "
                    "from kpb.avstamning order by kommun_kod, ar")
        return Section("Avstämning KPB (steg 6)",
                       "Varje krona i huvudboken: exkluderad, direkt på en insats eller i en gemensam pool som "
                       "fördelas som påslag; differensen ska vara 0 på öret.", table_html(df))

    def produktivitet(self) -> Section | None:
        if not self.has("kpb.produktivitet"):
            return self._missing("Produktivitet", "kpb.produktivitet")
        df = self.q("select kommun_kod, ar, insats_kod, regi, enhetskostnad, enhetskostnad_direkt, "
                    "enhetskostnad_fordelad from kpb.produktivitet "
                    "where insats_kod in ('HT', 'SABO', 'GRUPP', 'DAGLIG', 'PALSS') "
                    "and ar = (select max(ar) from kpb.produktivitet) order by insats_kod, regi, kommun_kod")
        chart = bar_chart_svg(df[df.insats_kod == "HT"].assign(serie=lambda d: d.kommun_kod + " " + d.regi),
                              "regi", "kommun_kod", "enhetskostnad", "Hemtjänst: kr per timme", "kr")
        full = self.q("select kommun_kod, insats_kod, regi, mattenhet, volym, enhetskostnad, enhetskostnad_direkt, "
                      "enhetskostnad_fordelad, jamforelse_enhetskostnad, kolada_enhetskostnad_kommun, "
                      "kolada_enhetskostnad_riket from kpb.produktivitet "
                      "where ar = (select max(ar) from kpb.produktivitet) order by insats_kod, regi, kommun_kod")
        return Section("Produktivitet (enhetskostnad per insats och regi)",
                       "Enhetskostnad = (direkt kostnad + fördelad gemensam kostnad) / volym, jämförd med övriga "
                       "kommuner i körningen (jamforelse_) och med Kolada där filerna finns (senaste året).",
                       chart + table_html(full, max_rows=200))

    def brukarmix(self) -> Section | None:
        if not self.has("kpb.brukarmix"):
            return self._missing("Brukarmix", "kpb.brukarmix")
        df = self.q("select kommun_kod, ar, verksamhetsomrade, kostnadsintervall, antal_brukare, andel_brukare, "
                    "total_kostnad, andel_kostnad from kpb.brukarmix where ar = (select max(ar) from kpb.brukarmix) "
                    "order by kommun_kod, verksamhetsomrade, kostnadsintervall_sortering")
        chart_df = self.q("select kostnadsintervall, verksamhetsomrade, sum(antal_brukare) as antal_brukare "
                          "from kpb.brukarmix where ar = (select max(ar) from kpb.brukarmix) "
                          "group by kostnadsintervall, kostnadsintervall_sortering, verksamhetsomrade "
                          "order by kostnadsintervall_sortering, verksamhetsomrade")
        return Section("Brukarmix (antal brukare per kostnadsintervall)",
                       "Andel brukare och andel kostnad per kostnadsintervall, LSS och ordinärt/särskilt boende.",
                       bar_chart_svg(chart_df, "kostnadsintervall", "verksamhetsomrade", "antal_brukare",
                                     "Antal brukare per kostnadsintervall (alla kommuner)") + table_html(df))

    def konsumtion(self) -> Section | None:
        if not self.has("kpb.konsumtion"):
            return self._missing("Konsumtion", "kpb.konsumtion")
        df = self.q("select kommun_kod, ar, aldersgrupp, antal_brukare, antal_invanare, total_kostnad, "
                    "kostnad_per_brukare, kostnad_per_invanare from kpb.konsumtion "
                    "where ar = (select max(ar) from kpb.konsumtion) order by kommun_kod, aldersgrupp")
        return Section("Konsumtion per åldersgrupp (KPB-rapportens bild 5 och 6)",
                       "Medelkostnad per brukare och kostnad per invånare per åldersgrupp.",
                       bar_chart_svg(df, "aldersgrupp", "kommun_kod", "kostnad_per_brukare",
                                     "Kostnad per brukare, kr") +
                       bar_chart_svg(df, "aldersgrupp", "kommun_kod", "kostnad_per_invanare",
                                     "Kostnad per invånare, kr") + table_html(df))

    def resultat(self) -> Section | None:
        if not self.has("kpb.resultat"):
            return self._missing("Resultat", "kpb.resultat")
        return Section("Resultat: kostnad och utfall per person",
                       "Kostnad per brukare tillsammans med utfall (SIP, återinskrivningar, utskrivningsklara dagar).",
                       table_html(self.q(
                           "select kommun_kod, ar, grupp, grupp_varde, antal_brukare, total_kostnad_per_brukare, "
                           "kommun_kostnad_per_brukare, andel_aterinskrivningar_procent, "
                           "utskrivningsklara_dagar_per_brukare, andel_uppnadda_mal_procent "
                           "from kpb.resultat order by kommun_kod, ar, grupp, grupp_varde")))

    def betalningsansvar(self) -> Section | None:
        if not self.has("indikatorer.betalningsansvar"):
            return self._missing("Betalningsansvar", "indikatorer.betalningsansvar")
        df = self.q("select kommun_kod, manad, vardform, antal_vardtillfallen, utskrivningsklara_dagar, "
                    "betalningsdagar, betalningsbelopp from indikatorer.betalningsansvar order by kommun_kod, manad, "
                    "vardform")
        chart_df = self.q("select strftime(manad, '%Y-%m') as manad, kommun_kod, "
                          "sum(betalningsbelopp) as betalningsbelopp from indikatorer.betalningsansvar "
                          "group by all order by manad, kommun_kod")
        return Section("Betalningsansvar för utskrivningsklara (underlag för ekonomisk reglering)",
                       "Betalningsdagar och belopp per kommun och månad enligt regionens regler och dygnsavgifter.",
                       bar_chart_svg(chart_df, "manad", "kommun_kod", "betalningsbelopp", "Belopp per månad, kr")
                       + table_html(df))

    def utfall(self) -> Section | None:
        if not self.has("indikatorer.utfall"):
            return self._missing("Indikatorer", "indikatorer.utfall")
        df = self.q("""
            with senaste as (
                select indikator_id, kommun_kod, period_typ, max(period_start) as period_start
                from indikatorer.utfall where dimension = 'alla' group by 1, 2, 3
            )
            select u.indikator_id, u.kommun_kod, u.period_typ, u.period_start, u.varde, u.antal_personer,
                   u.malvarde, u.is_mal_uppfyllt, u.is_undertryckt
            from indikatorer.utfall as u
            inner join senaste as s using (indikator_id, kommun_kod, period_typ, period_start)
            where u.dimension = 'alla'
            order by u.indikator_id, u.kommun_kod, u.period_typ""")
        return Section("Indikatorer: senaste period",
                       "Ett värde byggt på färre personer än tröskeln visas inte (–). Måluppfyllelse följer "
                       "indikatorns riktning.", table_html(df, max_rows=400))


CSS = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#222;padding:0 1rem}
h1{color:#1f5f8b} h2{border-bottom:2px solid #1f5f8b;padding-bottom:.2rem;margin-top:2.5rem}
table{border-collapse:collapse;font-size:.82rem;margin:.8rem 0;width:100%}
th,td{border:1px solid #ddd;padding:.25rem .45rem} th{background:#f2f5f8;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums} .note{color:#666;font-size:.85rem}
nav a{margin-right:1rem} .scroll{overflow-x:auto;max-width:100%}
"""


def write_report(db: Path, out: Path) -> Path:
    """Render the report from the built database into out/index.html and return its path."""
    con = duckdb.connect(str(db))
    try:
        sections = Report(con).sections()
    finally:
        con.close()
    nav = "".join(f"<a href='#s{i}'>{html.escape(s.title.split(' (')[0])}</a>" for i, s in enumerate(sections))
    body = "".join(f"<section id='s{i}'><h2>{html.escape(s.title)}</h2><p>{html.escape(s.intro)}</p>{s.body}"
                   f"</section>" for i, s in enumerate(sections))
    page = (f"<!doctype html><html lang='sv'><head><meta charset='utf-8'><title>Kommunanalys – KPB och "
            f"indikatorer</title><style>{CSS}</style></head><body><h1>KPB och samverkansindikatorer</h1>"
            f"<p class='note'>Byggd från martarna i {html.escape(db.name)}. Personer visas endast med pseudonym."
            f"</p><nav>{nav}</nav>{body}</body></html>")
    out.mkdir(parents=True, exist_ok=True)
    path = out / "index.html"
    path.write_text(page, encoding="utf-8")
    return path
