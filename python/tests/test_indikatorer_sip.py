"""The SIP and god och nära vård indicators in the built demo project (session fixture `built`).

Every indicator of this area has a catalogue row and a model, appears in indikatorer.utfall for every demo
municipality, and small cells are suppressed; the public SIP marts hold what they promise; the contract check of
shared/tools/check_contract.py ("sip") passes.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from kommunanalys.paths import PROJECT_ROOT

SIP_GNV_INDIKATORER = {
    "SIP_STARTADE", "SIP_UPPRATTADE", "SIP_UPPFOLJDA", "SIP_AVSLUTADE", "SIP_OPPNA", "SIP_KVA_MOTEN",
    "SIP_DELAKTIGHET_HOG", "SIP_DELAKTIGHET_MEDEL", "SIP_ENKAT_TOPP2", "SIP_ENKAT_ANTAL_SVAR",
    "SIP_MAL_SMART", "SIP_MAL_UPPNADDA", "SIP_ANSVAR_TYDLIGT", "SIP_SAMARBETE", "SIP_RESURSER",
    "SIP_KOSTNAD_DIREKT", "SIP_KOSTNAD_ADMIN", "SIP_KOSTNAD_PER_PERSON", "SIP_VARDDAGAR_FORANDRING",
    "SIP_VARDKOSTNAD_FORANDRING", "SIP_KOSTNAD_PER_UPPNATT_MAL", "SIP_AKUTDAGAR_PER_TKR", "SIP_BUDGETUTFALL",
    "GNV_FALLSKADOR_65", "GNV_FALL_SLUTENVARD_80", "GNV_PAVERKBAR_SLUTENVARD_65",
    "GNV_VARDTILLFALLEN_ALDERSSTAND", "GNV_DISTANSMOTEN",
    # issue 23: care access from the primary-care contacts, the national survey's shares, the cost side
    "GNV_BEDOMNING_VC_3_DYGN", "GNV_LAKARBESOK_HEMMET", "GNV_LAKARE_SABO_VID_BEHOV",
    "GNV_ENKAT_VARD_KVALL_HELG", "GNV_ENKAT_SAMORDNAR_KONTAKTER", "GNV_ENKAT_FORTROENDE_HSV",
    "GNV_ENKAT_LAKARE_VARDPLAN", "GNV_ENKAT_VARDAS_HEMMA_DIGITALT",
    "GNV_FALLSKADOR_65_KOSTNAD", "GNV_PAVERKBAR_SLUTENVARD_65_KOSTNAD",
}
# catalogued, but no source the project reads delivers it (SAMSA's discharge file has no meeting form): listed in
# utfall_saknas, with no model
SIP_GNV_UTAN_KALLA = {"GNV_DISTANSMOTEN_PLANERING"}
CHECK_CONTRACT = PROJECT_ROOT.parent / "shared" / "tools" / "check_contract.py"


def _ids(built, sql: str) -> set[str]:
    return {row[0] for row in built.rows(sql)}


def _demo_kommuner(built) -> set[str]:
    return _ids(built, "select distinct kommun_kod from indikatorer.sip")


def test_every_indicator_has_catalogue_row_and_model(built) -> None:
    katalog = _ids(built, "select indikator_id from konfig.indikator_katalog "
                          "where indikator_id like 'SIP%' or indikator_id like 'GNV%'")
    assert katalog == SIP_GNV_INDIKATORER | SIP_GNV_UTAN_KALLA
    modeller = {p.stem.removeprefix("int_indikator__").upper()
                for p in (PROJECT_ROOT / "models" / "indicators" / "intermediate").rglob("int_indikator__*.sql")}
    assert SIP_GNV_INDIKATORER <= modeller
    berakningsbara = _ids(built, "select indikator_id from konfig.indikator_katalog where demo_berakningsbar")
    assert SIP_GNV_INDIKATORER <= berakningsbara
    assert not SIP_GNV_UTAN_KALLA & (berakningsbara | modeller)


def test_every_indicator_in_utfall_for_every_demo_municipality(built) -> None:
    kommuner = _demo_kommuner(built)
    assert len(kommuner) == 2
    rows = built.rows("select indikator_id, kommun_kod from indikatorer.utfall group by 1, 2")
    present = {(i, k) for i, k in rows if i in SIP_GNV_INDIKATORER}
    missing = sorted((i, k) for i in SIP_GNV_INDIKATORER for k in kommuner if (i, k) not in present)
    assert not missing, f"not in utfall: {missing}"


def test_small_cells_suppressed(built) -> None:
    threshold = 5  # the default of installning('undertryck_min_personer'), which the test session's build keeps
    assert built.scalar("select varde from indikatorer_intermediate.int_installningar "
                        "where namn = 'undertryck_min_personer'") == str(threshold)
    bad = built.rows(f"""
        select indikator_id, kommun_kod, period_start, dimension, dimension_varde
        from indikatorer.utfall
        where (indikator_id like 'SIP%' or indikator_id like 'GNV%')
          and (
              (coalesce(antal_personer, 0) < {threshold}
               and (not is_undertryckt or varde is not null or taljare is not null or namnare is not null))
              or (antal_personer >= {threshold} and is_undertryckt)
          )
    """)
    assert not bad, f"suppression broken: {bad[:5]}"
    suppressed = built.scalar("select count(*) from indikatorer.utfall "
                              "where indikator_id like 'SIP%' and is_undertryckt")
    shown = built.scalar("select count(*) from indikatorer.utfall "
                         "where indikator_id like 'SIP%' and not is_undertryckt and varde is not null")
    assert suppressed > 0 and shown > 0


def test_breakdowns_present(built) -> None:
    dims = {(i, d) for i, d in built.rows(
        "select distinct indikator_id, dimension from indikatorer.utfall where indikator_id like 'SIP%'")}
    for expected in [("SIP_UPPRATTADE", "halsovalsenhet"), ("SIP_UPPRATTADE", "klinik"),
                     ("SIP_DELAKTIGHET_HOG", "respondent"), ("SIP_ENKAT_TOPP2", "fraga"),
                     ("SIP_MAL_SMART", "kriterium"), ("SIP_KOSTNAD_ADMIN", "huvudman")]:
        assert expected in dims, expected
    period = dict(built.rows("select distinct indikator_id, period_typ from indikatorer.utfall "
                             "where indikator_id in ('SIP_UPPRATTADE', 'SIP_MAL_SMART')"))
    assert period == {"SIP_UPPRATTADE": "kvartal", "SIP_MAL_SMART": "ar"}


def test_sip_mart_one_row_per_plan(built) -> None:
    planer = built.scalar("select count(distinct sip_id) from staging.stg_samsa__sip_handelser")
    assert built.scalar("select count(*) from indikatorer.sip") == planer
    assert built.scalar("select count(*) from indikatorer.sip where upprattad_tid is not null "
                        "and (enheter is null or antal_enheter < 1)") == 0
    assert built.scalar("select count(*) from indikatorer.sip where upprattad_tid is not null "
                        "and upprattad_motesform is null") == 0


def test_kva_deduplication_adds_up(built) -> None:
    reg, moten, dubbletter = built.rows(
        "select sum(antal_registreringar), sum(antal_moten), sum(antal_dubbletter) from indikatorer.sip_kva_moten")[0]
    assert reg == moten + dubbletter
    assert dubbletter > 0, "the demo data plants meetings registered by several units"
    koder = built.scalar("""
        select count(*) from staging.stg_region__kva as kva
        inner join konfig.sip_kva_koder as koder on kva.kva_kod = koder.kva_kod""")
    assert koder == reg


def test_survey_scored_and_staged(built) -> None:
    blad = built.derived / "enkat" / "sip_delaktighet_blad.csv"
    assert blad.exists()
    rader = len(blad.read_text(encoding="utf-8").splitlines()) - 1
    assert built.scalar("select count(*) from staging.stg_enkat__sip_delaktighet") == rader
    assert built.scalar("select count(*) from staging.stg_enkat__sip_delaktighet where delaktighetsindex > 5") == 0


def test_costs_are_decimal_and_reconcile(built) -> None:
    kolumner = built.rows("""
        select table_name, column_name, data_type from information_schema.columns
        where (table_schema = 'indikatorer' and table_name like 'sip_kostnad%')
           or (table_schema = 'kpb' and table_name = 'resultat')""")
    pengar = {f"{t}.{c}": typ for t, c, typ in kolumner
              if ("kostnad" in c or "belopp" in c or c in ("budget", "budget_avvikelse")) and "antal" not in c}
    assert pengar and all(t.startswith("DECIMAL") for t in pengar.values()), pengar
    diff = built.scalar("""
        select sum(admin_kostnad) - (select sum(kostnad) from indikatorer_intermediate.int_sip_tid_kostnad)
        from indikatorer.sip_kostnad""")
    assert diff == 0


def test_resultat_covers_kpb_brukare(built) -> None:
    """Every KPB user once in 'alla'; the population also holds the persons with a SIP in force and no KPB volume
    (0 kr), so that sip / med is the one cost per person with a SIP (= SIP_KOSTNAD_DIREKT)."""
    brukare = built.scalar("select count(*) from kpb.brukare")
    alla = built.scalar("select sum(antal_kpb_brukare) from kpb.resultat where grupp = 'alla'")
    assert brukare == alla > 0
    utan_kpb = built.scalar("select sum(antal_brukare - antal_kpb_brukare) from kpb.resultat where grupp = 'alla'")
    assert utan_kpb == built.scalar(
        "select count(*) from kpb_intermediate.int_kpb_resultat_person where not is_kpb_brukare")
    per_person = built.rows(
        "select r.kommun_kod, r.ar, r.kommun_kostnad_per_brukare, k.direkt_kostnad_per_person from kpb.resultat as r "
        "join indikatorer.sip_kostnad as k using (kommun_kod, ar) where r.grupp = 'sip' and r.grupp_varde = 'med'")
    assert per_person and all(a == b for _, _, a, b in per_person), per_person
    grupper = _ids(built, "select distinct grupp from kpb.resultat")
    assert {"alla", "sip", "aterinskrivning", "utskrivningsklara_dagar"} <= grupper


def test_check_contract_sip(built) -> None:
    if not CHECK_CONTRACT.exists():
        pytest.skip(f"{CHECK_CONTRACT} not found")
    spec = importlib.util.spec_from_file_location("check_contract", CHECK_CONTRACT)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    out: list[str] = []
    ok = tool.check_contract(built.con, "indikatorer", tool.CONTRACT["sip"]["indikatorer"], out)
    assert ok == 1 and not out, out
