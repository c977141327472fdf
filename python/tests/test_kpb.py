"""KPB (kostnad per brukare): the reconciliation, the plausibility of the demo unit costs, reproducibility, the
output contract, and that a broken translation table or local-code list fails the build with the codes listed.

Uses the session build (`built`, conftest.py). Tests that need a changed seed copy the project to a temporary folder
and build the copy on the session's raw data with their own database and target folder.
"""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path

import pytest

from kommunanalys.paths import PROJECT_ROOT

SHARED_CHECK = PROJECT_ROOT.parent / "shared" / "tools" / "check_contract.py"

# Ranges of the demo's key unit costs at current prices (docs/nationella_nivaer.md: the SKL 2014-16 figures of
# shared/domain.md §1.7 raised to 2023-24 prices, and Kolada's riket level; [U]), kr per unit of the volume type.
# Kept here, independent of seeds/kpb/kpb_rimlighetsintervall.csv, so that editing the seed cannot weaken the test.
PUBLICERADE_INTERVALL = {
    ("HT", "beviljad"): (Decimal("400"), Decimal("750")),  # hemtjänst, kr per beviljad timme
    ("SABO", "utford"): (Decimal("1900"), Decimal("3200")),  # särskilt boende, kr per dygn
    ("GRUPP", "utford"): (Decimal("2500"), Decimal("6500")),  # LSS gruppbostad, kr per dygn
}

# The public KPB marts of this test and their keys (shared/contract/marts.md).
KPB_NYCKLAR = {
    "insatskostnad": "kommun_kod, ar, insats_kod, regi",
    "brukarkostnad": "kommun_kod, ar, person_id, insats_kod, regi",
    "brukare": "kommun_kod, ar, person_id",
    "avstamning": "kommun_kod, ar",
    "brukarmix": "kommun_kod, ar, verksamhetsomrade, kostnadsintervall",
    "produktivitet": "kommun_kod, ar, insats_kod, regi",
    "konsumtion": "kommun_kod, ar, aldersgrupp",
}
KPB_MODELLER = [
    "int_kpb_huvudbok_oversatt", "int_kpb_volymer_oversatta", "int_kpb_kostnadsobjekt", "int_kpb_poolkostnader",
    "int_kpb_poolmottagare", "int_kpb_poolfordelning", *KPB_NYCKLAR,
]


# --- the session build --------------------------------------------------------------------------------------------

def test_avstamning_identiteter_till_oret(built):
    rows = built.rows(
        "select kommun_kod, ar, huvudbok_belopp, exkluderat_belopp, omappat_belopp, direkt_kostnad, poolkostnad, "
        "fordelad_kostnad, insats_total, brukar_total, ej_brukarrelaterad_kostnad, ej_fordelbar_kostnad, differens "
        "from kpb.avstamning order by kommun_kod, ar")
    assert len(rows) >= 4, "expected two municipalities x two years"
    for (kommun, ar, huvudbok, exkl, omappat, direkt, pool, fordelad, insats_total, brukar_total, ej_brukar,
         ej_fordelbar, differens) in rows:
        assert all(isinstance(v, Decimal) for v in (huvudbok, direkt, insats_total, brukar_total)), "money as DECIMAL"
        assert huvudbok == exkl + omappat + direkt + pool, (kommun, ar)
        assert omappat == 0, (kommun, ar)
        assert direkt + pool == insats_total, (kommun, ar)
        assert pool == fordelad, (kommun, ar)
        assert insats_total == brukar_total + ej_brukar + ej_fordelbar, (kommun, ar)
        assert differens == 0, (kommun, ar)
        assert brukar_total > 0 and direkt > 0 and pool > 0, (kommun, ar)


def test_avstamning_stammer_mot_huvudbok_och_brukarkostnad(built):
    """The reconciliation's totals are those of the staged ledger and of the per-person costs themselves."""
    diff = built.rows(
        "with hb as (select kommun_kod, ar, sum(belopp) as belopp from staging.stg_ekonomi__huvudbok group by all), "
        "bk as (select kommun_kod, ar, sum(kostnad) as kostnad from kpb.brukarkostnad group by all) "
        "select a.kommun_kod, a.ar from kpb.avstamning as a "
        "left join hb on a.kommun_kod = hb.kommun_kod and a.ar = hb.ar "
        "left join bk on a.kommun_kod = bk.kommun_kod and a.ar = bk.ar "
        "where a.huvudbok_belopp <> hb.belopp or a.brukar_total <> bk.kostnad")
    assert diff == []


def test_demo_enhetskostnader_inom_publicerade_intervall(built):
    rows = built.rows(
        "select insats_kod, volymtyp, kommun_kod, ar, regi, enhetskostnad from kpb.insatskostnad "
        "where insats_kod in ('HT', 'SABO', 'GRUPP') and enhetskostnad is not null")
    seen = {r[0] for r in rows}
    assert seen == {"HT", "SABO", "GRUPP"}, f"demo lacks unit costs for {({'HT', 'SABO', 'GRUPP'} - seen)}"
    outside = []
    for insats, volymtyp, kommun, ar, regi, enhetskostnad in rows:
        lo, hi = PUBLICERADE_INTERVALL[(insats, volymtyp)]
        if not lo <= enhetskostnad <= hi:
            outside.append((insats, kommun, ar, regi, enhetskostnad))
    assert outside == []


def test_brukarkostnad_summerar_till_insatsen(built):
    """Σ brukarkostnad = total_kostnad for every person-related insats with volume (largest remainder, no loss)."""
    bad = built.rows(
        "select i.kommun_kod, i.ar, i.insats_kod, i.regi from kpb.insatskostnad as i "
        "left join (select kommun_kod, ar, insats_kod, regi, sum(kostnad) as kostnad from kpb.brukarkostnad "
        "group by all) as b using (kommun_kod, ar, insats_kod, regi) "
        "where i.kostnadsslag = 'brukare' and (b.kostnad is null or b.kostnad <> i.total_kostnad)")
    assert bad == []


def test_demo_inget_paslag_over_dubbla_direkta_kostnaden(built):
    """Issue 22, fix 1: on the demo no insats carries more than twice its direct cost as påslag (the needs-assessment
    pools keyed by direct cost, not by brukare, in seeds/kpb/kpb_kostnadspooler.csv with the reason)."""
    over = built.rows(
        "select kommun_kod, ar, insats_kod, regi, direkt_kostnad, fordelad_kostnad from kpb.insatskostnad "
        "where direkt_kostnad > 0 and fordelad_kostnad > 2 * direkt_kostnad")
    assert over == []


def test_demo_overheadandel_ar_huvudbokens(built):
    """Issue 22, fix 2: the central overhead reaches KPB with the ledger's own share (KPB's gross cost, classes 4-7,
    over the municipality's gross cost outside verksamhet 9), computed here from the translated ledger."""
    rows = built.rows(
        "with hb as (select * from kpb_intermediate.int_kpb_huvudbok_oversatt "
        "  where substring(konto, 1, 1) in ('4', '5', '6', '7') and verksamhet not like '9%' "
        "  and coalesce(pool_id, '') <> 'KOMMUNGEMENSAMT'), "
        "andel as (select kommun_kod, ar, sum(case when maltyp in ('insats', 'pool') then belopp else 0 end) "
        "  / sum(belopp) as andel from hb group by all) "
        "select f.kommun_kod, f.ar, f.pool_kostnad, f.fordelad_kostnad, andel.andel "
        "from kpb_intermediate.int_kpb_poolfordelning as f join andel using (kommun_kod, ar) "
        "where f.pool_id = 'KOMMUNGEMENSAMT' and f.mottagare_typ = 'pool'")
    assert len(rows) >= 4
    for kommun, ar, pool, fordelad, andel in rows:
        andel = Decimal(str(andel))
        assert Decimal("0.1") < andel < Decimal("0.5"), (kommun, ar, andel)
        # the share is rounded to millionths before the allocation: at most pool × 0.5e-6 + 1 öre apart
        assert abs(fordelad - pool * andel) <= pool * Decimal("0.0000005") + Decimal("0.01"), (kommun, ar)


def test_demo_ytterfall_hogst_tio_procent_per_omrade(built):
    """Issue 22, fix 3: on the demo no area and boendeform has more than 10 % ytterfall (the limits follow the
    municipality's own SÄBO cost of a year, seeds/kpb/kpb_ytterfall_granser.csv with the reasons)."""
    rows = built.rows(
        "select kommun_kod, ar, verksamhetsomrade, boendeform, count(*), sum(case when is_ytterfall then 1 else 0 end) "
        "from kpb.brukare group by all")
    assert rows
    over = [r for r in rows if Decimal(r[5]) > Decimal("0.10") * r[4]]
    assert over == []


def test_demo_enhetskostnad_ingen_nollkostnad_med_volym_och_ingen_kostnad_utan_volym(built):
    """Issue 22, fix 4: on the demo every enhet with volume has its cost (extern regi's purchases and the providers'
    volumes on the same enhet), no unit cost 0 with volume > 0, and cost without volume only where no volume can
    exist (non-person insatser) or on 'ej_angiven' (ledger rows of an ansvar kpb_enheter does not name)."""
    noll = built.rows("select kommun_kod, ar, insats_kod, regi, enhet_kod from kpb.enhetskostnad "
                      "where volym > 0 and styckkostnad = 0")
    assert noll == []
    utan_volym = built.rows(
        "select e.kommun_kod, e.ar, e.insats_kod, e.regi, e.enhet_kod from kpb.enhetskostnad as e "
        "join kpb.insatskostnad as i using (kommun_kod, ar, insats_kod, regi) "
        "where e.total_kostnad <> 0 and e.volym = 0 and i.kostnadsslag = 'brukare' and e.enhet_kod <> 'ej_angiven'")
    assert utan_volym == []
    externa = built.scalar("select count(*) from kpb.enhetskostnad where regi = 'extern' and volym > 0 "
                           "and enhet_kod <> 'ej_angiven' and direkt_kostnad > 0")
    assert externa > 0


def _hashes(built) -> dict[str, str]:
    out = {}
    for table, key in KPB_NYCKLAR.items():
        rows = built.rows(f"select * from kpb.{table} order by {key}")
        out[table] = hashlib.sha256(repr(rows).encode()).hexdigest()
    return out


def test_tva_byggen_ger_identiska_kpb_marts(built):
    from kommunanalys.dbt import run_dbt

    before = _hashes(built)
    # the session build left the environment pointing at its database and folders (conftest.build_project)
    run_dbt(["run", "--select", *KPB_MODELLER], progress=False)
    after = _hashes(built)
    assert before == after


def test_check_contract_kpb(built, tmp_path):
    if not SHARED_CHECK.exists():
        pytest.skip(f"the shared contract check is not available ({SHARED_CHECK} is absent)")
    # the check opens the database read-only in another process: give it a checkpointed copy, since this process
    # holds the session database open
    built.con.execute("checkpoint")
    copy = tmp_path / "kontroll.duckdb"
    shutil.copy(built.db, copy)
    proc = subprocess.run([sys.executable, str(SHARED_CHECK), str(copy), "kpb"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


# --- a copy of the project with a changed seed --------------------------------------------------------------------

@contextmanager
def _miljo(**values: str):
    saved = dict(os.environ)
    os.environ.update(values)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _kopiera_projekt(dest: Path) -> Path:
    for name in ["dbt_project.yml", "profiles.yml"]:
        shutil.copy(PROJECT_ROOT / name, dest / name)
    for name in ["models", "macros", "seeds", "tests", "analyses"]:
        if (PROJECT_ROOT / name).exists():
            shutil.copytree(PROJECT_ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    return dest


def _bygg_kopia(built, projekt: Path, select: list[str], raw: Path | None = None):
    """dbt build of the copy on the session's raw data (or `raw`), own database and target; returns (result, log
    text). An empty `select` builds everything."""
    from dbt.cli.main import dbtRunner

    meddelanden: list[str] = []

    def samla(event) -> None:
        try:
            meddelanden.append(event.info.msg)
        except AttributeError:
            pass

    with _miljo(KOMMUNANALYS_DB=str(projekt / "kopia.duckdb"), KOMMUNANALYS_RAW_ROOT=str(raw or built.raw),
                KOMMUNANALYS_DERIVED_ROOT=str(built.derived), DBT_TARGET_PATH=str(projekt / "target"),
                DBT_LOG_PATH=str(projekt / "logs")):
        urval = ["--select", *select] if select else []
        res = dbtRunner(callbacks=[samla]).invoke(
            ["build", *urval, "--project-dir", str(projekt), "--profiles-dir", str(projekt)])
    return res, "\n".join(str(m) for m in meddelanden)


def _status(res, node_name: str) -> str | None:
    for r in getattr(res.result, "results", []) or []:
        if r.node.name == node_name:
            return str(r.status)
    return None


def _las_seed(path: Path) -> tuple[list[str], list[dict]]:
    with path.open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def _skriv_seed(path: Path, fields: list[str], rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _kodstrangar(built, regel_id: str) -> list[str]:
    """The code strings the session build mapped with one rule, as the failing test prints them."""
    rows = built.rows(
        "select distinct kommun_kod, ar, konto, ansvar, verksamhet from kpb_intermediate.int_kpb_huvudbok_oversatt "
        "where regel_id = ? order by all", [regel_id])
    assert rows, f"the demo ledger has no row mapped by {regel_id}"
    return [" | ".join("NULL" if v is None else str(v) for v in r) for r in rows]


def test_borttagen_oversattningsregel_faller_bygget_med_kodstrangarna(built, tmp_path):
    projekt = _kopiera_projekt(tmp_path)
    seed = projekt / "seeds" / "kpb" / "kpb_oversattning.csv"
    fields, rows = _las_seed(seed)
    _skriv_seed(seed, fields, [r for r in rows if r["regel_id"] != "R004"])  # HT egen regi

    res, logg = _bygg_kopia(built, projekt, ["+int_kpb_huvudbok_oversatt"])

    assert not res.success
    assert _status(res, "kpb_oversattning_omappade_rader") == "fail"
    assert "match NO translation rule" in logg
    for kod in _kodstrangar(built, "R004"):
        assert kod in logg, f"unmapped code string {kod!r} not listed in the dbt output"


def test_dubblerad_regel_med_samma_prioritet_faller_bygget(built, tmp_path):
    projekt = _kopiera_projekt(tmp_path)
    seed = projekt / "seeds" / "kpb" / "kpb_oversattning.csv"
    fields, rows = _las_seed(seed)
    dubblett = dict(next(r for r in rows if r["regel_id"] == "R004"), regel_id="R999", regi="extern")
    _skriv_seed(seed, fields, [*rows, dubblett])

    res, logg = _bygg_kopia(built, projekt, ["+int_kpb_huvudbok_oversatt"])

    assert not res.success
    assert _status(res, "kpb_oversattning_tvetydiga_rader") == "fail"
    assert "R004, R999" in logg
    for kod in _kodstrangar(built, "R004"):
        assert kod in logg, f"ambiguous code string {kod!r} not listed in the dbt output"


def test_omappad_lokal_insatskod_faller_bygget_med_koden(built, tmp_path):
    projekt = _kopiera_projekt(tmp_path)
    seed = projekt / "seeds" / "kpb" / "kpb_lokala_insatskoder.csv"
    fields, rows = _las_seed(seed)
    _skriv_seed(seed, fields, [r for r in rows if r["lokal_insats_kod"] != "HTJ-OMV"])

    res, logg = _bygg_kopia(built, projekt, ["+int_kpb_volymer_oversatta"])

    assert not res.success
    assert _status(res, "kpb_lokala_insatskoder_omappade") == "fail"
    assert "HTJ-OMV" in logg


# --- configuration seeds read as dbt reads them (issue 9, item 7) -------------------------------------------------

def test_leveransens_seeds_ar_kommaseparerade():
    from kommunanalys.seedkontroll import kontrollera_seeds

    assert len(kontrollera_seeds(PROJECT_ROOT / "seeds")) >= 20


def test_semikolonseparerad_seed_avvisas_med_forklaring(tmp_path):
    from kommunanalys.seedkontroll import SeedFormatError, kontrollera_seed

    seed = tmp_path / "kpb_oversattning.csv"
    seed.write_text("regel_id;kommun_kod;konto\nR001;*;31*\n", encoding="utf-8")
    with pytest.raises(SeedFormatError, match=r"semicolon-separated .*Swedish Excel"):
        kontrollera_seed(seed)
    ok = tmp_path / "ok.csv"
    ok.write_text('regel_id,kommentar\nR001,"text; med semikolon"\n', encoding="utf-8")
    kontrollera_seed(ok)


def test_prioritet_skriven_baklanges_kan_inte_ga_tyst(built, tmp_path):
    """A rule set written "1 = first" (the revenue rules given the LOWEST numbers) would put user fees into the
    insatser. It fails the build: the revenue check names the user-fee account and the rule that took it; and a
    broader rule that always beats a narrower one is a warning naming both."""
    projekt = _kopiera_projekt(tmp_path)
    seed = projekt / "seeds" / "kpb" / "kpb_oversattning.csv"
    fields, rows = _las_seed(seed)
    for r in rows:
        if r["maltyp"] == "exkludera" and r["konto"] != "*":
            r["prioritet_hogre_vinner"] = "1"
    bred = dict(next(r for r in rows if r["regel_id"] == "R004"), regel_id="R998", prioritet_hogre_vinner="50")
    _skriv_seed(seed, fields, [*rows, bred])

    res, logg = _bygg_kopia(built, projekt, ["+kpb_intakter_behandling", "kpb_oversattning_skuggade_regler"])

    assert not res.success
    assert _status(res, "kpb_intakter_behandling") == "fail"
    assert "3132" in logg and "intakten minskar en insats/pool men gruppen ska exkluderas" in logg
    assert _status(res, "kpb_oversattning_skuggade_regler") == "warn"
    assert "R005" in logg and "R998" in logg  # HT extern (46*) can never win against the broader R998


def test_okanda_konfigurationsvarden_listas_med_varde_och_rad(built, tmp_path):
    projekt = _kopiera_projekt(tmp_path)
    pooler = projekt / "seeds" / "kpb" / "kpb_kostnadspooler.csv"
    fields, rows = _las_seed(pooler)
    for r in rows:
        if r["pool_id"] == "ADM_ALDRE":
            r["fordelningsnyckel"] = "direktkostnad"  # typo
    _skriv_seed(pooler, fields, rows)
    mottagare = projekt / "seeds" / "kpb" / "kpb_poolmottagare.csv"
    fields, rows = _las_seed(mottagare)
    rows.append(dict(rows[0], pool_id="MAS", mottagare_typ="insats", mottagare="SABBO", regi="*", andel="",
                     kommentar=""))
    _skriv_seed(mottagare, fields, rows)
    oversattning = projekt / "seeds" / "kpb" / "kpb_oversattning.csv"
    fields, rows = _las_seed(oversattning)
    for r in rows:
        if r["regel_id"] == "R007":
            r["insats_kod"] = "DAGVV"
    _skriv_seed(oversattning, fields, rows)

    res, logg = _bygg_kopia(built, projekt, ["path:seeds/kpb", "kpb_konfiguration_okanda_varden"])

    assert _status(res, "kpb_konfiguration_okanda_varden") == "fail"
    for varde in ("direktkostnad", "SABBO", "DAGVV", "regel_id R007", "kpb_poolmottagare.csv",
                  "kpb_kostnadspooler.csv"):
        assert varde in logg, f"{varde!r} not named in the dbt output"


def test_volymtyp_utan_volym_ar_ett_fel_med_bada_volymerna(built, tmp_path):
    """SÄBO configured on 'beviljad' when the operational system delivers only utförda dygn: an error naming the
    insats and both volumes, not a warning about 'ej fördelbar' cost."""
    projekt = _kopiera_projekt(tmp_path)
    konfig = projekt / "dbt_project.yml"
    konfig.write_text(konfig.read_text(encoding="utf-8").replace(
        "\nvars:\n", "\nvars:\n  kpb_volymtyp: {SABO: beviljad}\n", 1), encoding="utf-8")

    res, logg = _bygg_kopia(built, projekt, ["+kpb_volymtyp_saknar_volym"])

    assert not res.success
    assert _status(res, "kpb_volymtyp_saknar_volym") == "fail"
    assert "SABO" in logg and "beviljad" in logg
    volym = built.scalar("select sum(volym_utford) from kpb.insatskostnad where insats_kod = 'SABO' and regi = 'egen' "
                         "and kommun_kod = '0880' and ar = 2024")
    assert f"{volym}" in logg, "the utförd volume is not named"


# --- another municipality's configuration (issue 22, fix 7) -------------------------------------------------------

KONFIGURATION_B = Path(__file__).parent / "fixtures" / "konfiguration_b"


def _koda_om_lokala_insatskoder(raw: Path, omkodning: dict[str, str]) -> list[str]:
    """Rewrite the operational system's local insats codes of a copied raw folder to another municipality's coding
    (the volume files are semicolon-separated with a header); returns the rewritten files, relative to raw."""
    andrade = []
    for fil in sorted((raw / "verksamhet").glob("*.csv")):
        rader = fil.read_text(encoding="utf-8").splitlines()
        kolumn = rader[0].lstrip("\ufeff").split(";").index("lokal_insats_kod")
        nya = [rader[0]]
        for rad in rader[1:]:
            falt = rad.split(";")
            if len(falt) > kolumn:
                falt[kolumn] = omkodning.get(falt[kolumn], falt[kolumn])
            nya.append(";".join(falt))
        fil.write_text("\n".join(nya) + "\n", encoding="utf-8")
        andrade.append(fil.relative_to(raw).as_posix())
    return andrade


def test_annan_kommuns_giltiga_konfiguration_bygger(built, tmp_path):
    """A second, different but valid configuration: another translation table (other rule ids and priorities, two
    merged pools), other pools and keys (equal shares, staff hours, volume, a municipality's own key row, another
    step-down order), other local insats codes (the volume files recoded to match), other units, ytterfall limits
    and payment rules. `dbt build` of everything passes (no unit or data test depends on the demo's seeds), the
    KPB identities hold, and the marts follow the new configuration."""
    from kommunanalys.syntetisk import register_synthetic

    (tmp_path / "projekt").mkdir()
    projekt = _kopiera_projekt(tmp_path / "projekt")
    shutil.copytree(KONFIGURATION_B / "seeds", projekt / "seeds", dirs_exist_ok=True)
    raw = tmp_path / "raw"
    shutil.copytree(built.raw, raw)
    with (KONFIGURATION_B / "lokala_koder_omkodning.csv").open(newline="", encoding="utf-8") as f:
        omkodning = {r["demo_kod"]: r["ny_kod"] for r in csv.DictReader(f)}
    register_synthetic(raw, _koda_om_lokala_insatskoder(raw, omkodning))

    res, logg = _bygg_kopia(built, projekt, [], raw=raw)

    fel = [f"{r.node.name}: {r.status}" for r in getattr(res.result, "results", []) or []
           if str(r.status) not in ("success", "pass", "warn", "no-op")]
    assert res.success and fel == [], "\n".join(fel) + "\n" + logg[-3000:]
    import duckdb

    con = duckdb.connect(str(projekt / "kopia.duckdb"))
    try:
        assert con.execute("select count(*) from kpb.avstamning where differens <> 0").fetchone()[0] == 0
        pooler = dict(con.execute(
            "select distinct pool_id || ':' || kommun_kod, fordelningsnyckel "
            "from kpb_intermediate.int_kpb_poolkostnader").fetchall())
        assert pooler["ADM_VO:0880"] == "personaltimmar" and pooler["NAMND:0880"] == "lika"
        assert pooler["NAMND:0881"] == "direkt_kostnad", "the municipality's own row replaces '*'"
        assert not any(p.startswith("ADM_ALDRE") for p in pooler)
        # every volume row was mapped through the new local codes
        koder = {r[0] for r in con.execute(
            "select distinct lokal_insats_kod from kpb_intermediate.int_kpb_volymer_oversatta").fetchall()}
        assert koder and koder <= set(omkodning.values())
    finally:
        con.close()
