"""The demo looks like Sweden: its key figures fall inside the national ranges of seeds/indikatorer/nationella_nivaer.csv
(levels and sources in docs/nationella_nivaer.md), for every municipality and year of the session build. The ranges
are read from the built seed (konfig.nationella_nivaer), the figures from the marts and staging."""

from __future__ import annotations

from decimal import Decimal

import pytest

AR = (2023, 2024)


def _intervall(built) -> dict[str, tuple[Decimal, Decimal]]:
    return {m: (lo, hi) for m, lo, hi in built.rows("select matt, min_varde, max_varde from konfig.nationella_nivaer")}


def _utfall(built, indikator: str) -> dict[tuple[str, int], Decimal]:
    rows = built.rows(
        "select kommun_kod, year(period_start), varde from indikatorer.utfall where indikator_id = ? "
        "and period_typ = 'ar' and dimension = 'alla' and varde is not null and year(period_start) in (2023, 2024)",
        [indikator])
    return {(k, a): v for k, a, v in rows}


@pytest.mark.parametrize("indikator", ["GNV_FALLSKADOR_65", "GNV_FALL_SLUTENVARD_80", "UKD_DAGAR_PER_1000_65",
                                       "UKD_SOMATIK_MEDEL", "ATERINSKRIVNING_30D_65",
                                       # issue 23: primary-care contacts and the national survey shares
                                       "GNV_BEDOMNING_VC_3_DYGN", "GNV_ENKAT_VARD_KVALL_HELG",
                                       "GNV_ENKAT_SAMORDNAR_KONTAKTER", "GNV_ENKAT_FORTROENDE_HSV",
                                       "GNV_ENKAT_LAKARE_VARDPLAN", "GNV_ENKAT_VARDAS_HEMMA_DIGITALT",
                                       "UPPLEVD_DELAKTIGHET_PATIENTENKAT"])
def test_indikatorer_inom_nationella_intervall(built, indikator):
    lo, hi = _intervall(built)[indikator]
    varden = _utfall(built, indikator)
    assert len(varden) >= 4, f"{indikator}: expected two municipalities × two years, got {varden}"
    utanfor = {k: v for k, v in varden.items() if not lo <= v <= hi}
    assert not utanfor, f"{indikator} outside [{lo}, {hi}]: {utanfor}"


def test_ukd_somatik_medel_ibland_under_malet(built):
    """Kalmar's target of 0.8 days is met by some municipality-year and missed by another (not always missed)."""
    varden = _utfall(built, "UKD_SOMATIK_MEDEL").values()
    assert min(varden) <= Decimal("0.8") < max(varden), sorted(varden)


def _rader_inom_intervall(built, matt: str, sql: str, vad: str, typ=lambda v: v) -> None:
    """The rows (kommun_kod, ar, value) of sql - at least two municipalities × two years - all fall inside the
    national range of matt; typ converts the range's bounds to the type of the value (float for a DOUBLE)."""
    lo, hi = _intervall(built)[matt]
    rows = built.rows(sql)
    assert len(rows) >= 4
    utanfor = [r for r in rows if not typ(lo) <= r[2] <= typ(hi)]
    assert not utanfor, f"{vad} outside [{lo}, {hi}]: {utanfor}"


def test_somatiska_vardtillfallen_per_1000_invanare(built):
    _rader_inom_intervall(
        built, "SOMATISKA_VARDTILLFALLEN",
        "with v as (select kommun_kod, year(inskrivning_tid) as ar, count(*) as n from staging.stg_region__vardtillfallen "
        "where vardform = 'somatik' group by all), "
        "p as (select kommun_kod, ar, sum(antal) as inv from staging.stg_scb__befolkning group by all) "
        "select v.kommun_kod, v.ar, v.n * 1000.0 / p.inv from v join p using (kommun_kod, ar) where v.ar in (2023, 2024)",
        "somatic episodes per 1 000", typ=float)


def test_kpb_kostnad_per_invanare(built):
    _rader_inom_intervall(
        built, "KPB_KOSTNAD_PER_INVANARE",
        "with p as (select kommun_kod, ar, sum(antal) as inv from staging.stg_scb__befolkning group by all) "
        "select a.kommun_kod, a.ar, a.insats_total / p.inv from kpb.avstamning as a join p using (kommun_kod, ar)",
        "KPB cost per inhabitant")


def test_hemtjanst_enhetskostnad_nara_kolada_riket(built):
    _rader_inom_intervall(
        built, "HT_ENHETSKOSTNAD_MOT_KOLADA",
        "select kommun_kod, ar, enhetskostnad / kolada_enhetskostnad_riket from kpb.produktivitet "
        "where insats_kod = 'HT' and regi = 'egen' and kolada_enhetskostnad_riket is not null",
        "HT unit cost / Kolada riket")


def test_kolada_aterinskrivning_stammer_med_egen_berakning(built):
    """The demo's own Kolada readmission value (U79092) is consistent with the value it computes itself."""
    kolada = dict(((k, a), v) for k, a, v in built.rows(
        "select kommun_kod, ar, varde from staging.stg_extern__kolada where kpi = 'U79092' and kon = 'T' "
        "and kommun_kod <> '0000'"))
    egen = _utfall(built, "ATERINSKRIVNING_30D_65")
    par = [(k, kolada[k], v) for k, v in egen.items() if k in kolada]
    assert par
    avvikande = [p for p in par if abs(p[1] - p[2]) > 7]
    assert not avvikande, f"Kolada U79092 vs computed (percentage points > 7): {avvikande}"
