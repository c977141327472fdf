"""The KPB core as one plain DuckDB script, written for speed (issue 24): the benchmark's second reference.

An independent implementation of what the project's KPB core computes (docs/domain.md, "KPB"; models/kpb/ and
the staging of the ledger and the volumes), without dbt: one DuckDB connection, CREATE TABLE AS with plain SQL,
reading the same raw files and the same seeds. It writes the four KPB core marts

    kpb.insatskostnad, kpb.brukarkostnad, kpb.brukare, kpb.avstamning

which must be IDENTICAL to the project's (scripts/benchmark.py compares every row and column, money as DECIMAL;
python/tests/test_kpb_direkt.py does so on the test demo with its dirty fixture rows). Where the project has
one model per step, this script does each step as directly as DuckDB allows:

  - staging: one pass over each source's CSV files; a row is used when every check of the contract holds (the
    same checks as staging: required columns, four-digit kommun_kod, personnummer with date and Luhn, a real month
    not after the delivery, codes, decimals, the plausibility limit of the volume, no personnummer look-alike in
    any text column); quarantine reasons are not written (the project's staging.karantan lists them). The
    deliveries are resolved in the same step: per key the row of the latest file (by name), the first such row
    of that file (a later row of the same file is a duplicate);
  - the ledger translation matched once per distinct code string, the volumes summed per person and year;
  - the pools' step-down allocation and the distribution over brukare as largest-remainder allocations in öre.

Only the CSV forms of the ledger and volumes are read (not SIE files: the project converts those in Python);
the script refuses a raw folder holding SIE files. The parameters (vars) are the defaults of
macros/installningar.sql, overridden by dbt_project.yml's vars, as in the project.

    .venv/bin/python scripts/kpb_direkt.py --raw data/raw --db build/kpb_direkt.duckdb [--set threads=2 ...]
"""

from __future__ import annotations

import argparse
import codecs
import glob
import os
import sys
import time
from pathlib import Path

import duckdb
import yaml

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
KEY_ENV = "DBT_ENV_SECRET_KOMMUNANALYS_KEY"
DEMO_KEY = "kommunanalys-demo-endast-syntetiska-data"  # python/kommunanalys/dbt_plugin.py
STANDARD = {"kpb_max_ordning": 5, "kpb_volymtyp": {}, "kpb_lss_omraden": ["lss"], "kpb_aldersgrans_aldreomsorg": 65,
            "kpb_bruttokostnad_kontoklasser": ["4", "5", "6", "7"], "kpb_overhead_exkluderade_verksamheter": ["9"],
            "kpb_ytterfall_referensinsats": "SABO", "kpb_sarskilt_boende_min_dygn": 1,
            "encoding": {"ekonomi": "latin-1", "verksamhet": "utf-8"}}
# the seeds read, with the columns that are not text
SEED_TYPER = {
    "kpb/kpb_oversattning": {"prioritet_hogre_vinner": "integer"},
    "kpb/kpb_lokala_insatskoder": {},
    "kpb/kpb_standardinsatser": {"is_brukarrelaterad": "boolean", "is_sarskilt_boende": "boolean"},
    "staging/stg_rimlighetsgranser": {"max_per_dag": "decimal(18,4)"},
    "kpb/kpb_kostnadspooler": {"ordning": "integer"},
    "kpb/kpb_poolmottagare": {"andel": "decimal(18,6)"},
    "kpb/kpb_personaltimmar": {"ar": "integer", "personaltimmar": "decimal(18,4)"},
    "kpb/kpb_aldersgrupper": {"alder_fran": "integer", "alder_till": "integer"},
    "kpb/kpb_kostnadsintervall": {"fran_belopp": "decimal(18,2)", "till_belopp": "decimal(18,2)"},
    "kpb/kpb_ytterfall_granser": {"grans_belopp": "decimal(18,2)", "sabo_faktor": "decimal(18,4)"},
}
LUHN = " + ".join(
    (f"((2 * substr(pnr, {i}, 1)::int) % 10 + (2 * substr(pnr, {i}, 1)::int) // 10)" if (i - 3) % 2 == 0
     else f"substr(pnr, {i}, 1)::int") for i in range(3, 13))  # digits 3..12, weights 2, 1, 2, ...
PNR_LIKNANDE = r"(^|[^0-9])((19|20)?[0-9]{2}(0[1-9]|1[0-2])([0-3][0-9]|[6-8][0-9]|9[01])[-+]?[0-9]{4})([^0-9]|$)"


def installningar() -> dict:
    vars_ = (yaml.safe_load((ROOT / "dbt_project.yml").read_text()) or {}).get("vars") or {}
    out = {k: vars_.get(k, v) for k, v in STANDARD.items()}
    out["encoding"] = {**STANDARD["encoding"], **(vars_.get("encoding") or {})}
    return out


def lista(varden) -> str:
    return ", ".join("'" + str(v).replace("'", "''") + "'" for v in varden)


# ------------------------------------------------------------------------------------------- exact arithmetic
def ore(x: str) -> str:
    return f"cast({x} * 100 as bigint)"


def e4(x: str) -> str:
    return f"cast({x} * 10000 as bigint)"


def kronor(x: str) -> str:
    return f"cast(cast({x} as decimal(18, 0)) * 0.01::decimal(3, 2) as decimal(18, 2))"


def kvot(t: str, n: str, skala: int = 4) -> str:
    """round(t / n, skala) half away from zero for integers t, n, as decimal(18, skala); NULL when n = 0."""
    tt, nn = f"(cast({t} as hugeint) * {10 ** skala})", f"cast({n} as hugeint)"
    return (f"case when {n} <> 0 then cast(cast(sign({tt}) * sign({nn}) * ((2 * abs({tt}) + abs({nn})) // "
            f"(2 * abs({nn}))) as decimal(18, 0)) * 0.{'0' * (skala - 1)}1::decimal({skala + 1}, {skala}) "
            f"as decimal(18, {skala})) end")


def storsta_rest(fran: str, grupp: str, belopp: str, nyckel: str, ordning: str) -> str:
    """Largest-remainder allocation of the group's öre amount over its rows by an integer key: floor shares, the
    öre left one each to the largest remainders (ties: ordning), the sign put back; NULL when the keys sum to 0."""
    return f"""
        select * exclude (lr_golv, lr_rest, lr_kvar, lr_rang, lr_summa),
            case when lr_summa > 0 then sign({belopp}) * (lr_golv + (lr_rang <= lr_kvar)::int) end as fordelat_ore
        from (
            select *, abs({belopp}) - sum(lr_golv) over (partition by {grupp}) as lr_kvar,
                row_number() over (partition by {grupp} order by lr_rest desc, {ordning}) as lr_rang
            from (
                select *, sum({nyckel}) over (partition by {grupp}) as lr_summa,
                    cast(abs({belopp})::hugeint * {nyckel} // nullif(sum({nyckel}) over (partition by {grupp}), 0)
                        as bigint) as lr_golv,
                    abs({belopp})::hugeint * {nyckel} % nullif(sum({nyckel}) over (partition by {grupp}), 0) as lr_rest
                from {fran}
            )
        )"""


# ---------------------------------------------------------------------------------------------------- the steps
def filer(raw: Path, mapp: str, namn: str) -> list[str]:
    return sorted(glob.glob(str(raw / mapp / f"{namn}*.csv")))


def ar_utf8(fil: str) -> bool:
    """The file decodes as UTF-8 (the project reads such a file as UTF-8 also where Latin-1 is configured)."""
    avkodare = codecs.getincrementaldecoder("utf-8")()
    try:
        with open(fil, "rb") as f:
            while block := f.read(1 << 24):
                avkodare.decode(block)
        avkodare.decode(b"", final=True)
        return True
    except UnicodeDecodeError:
        return False


def las(raw: Path, filnamn: list[str], kodning: str) -> str:
    """The files as text, with kalla_fil (relative to raw) and scan_nr (the row's place in the scan: files in
    the order given, rows in file order, so that it orders the rows of a file as their line numbers do).
    Where Latin-1 is configured, a file that decodes as UTF-8 is read as UTF-8, as the project's check does."""
    grupper: dict[str, list[str]] = {}
    for f in filnamn:
        grupper.setdefault("utf-8" if kodning == "utf-8" or ar_utf8(f) else kodning, []).append(f)
    delar = [f"""
        select * exclude (filename), replace(filename, '{raw}/', '') as kalla_fil
        from (select *, row_number() over () as scan_nr
              from read_csv([{lista(filer_)}], delim=';', header=true, all_varchar=true, filename=true,
                            union_by_name=true, encoding='{k}'))""" for k, filer_ in grupper.items()]
    return "(" + "\n        union all by name".join(delar) + "\n    )"


def ej_pnr(*kolumner: str) -> str:
    """None of the texts looks like a personnummer (checked only on texts long enough to hold one)."""
    return " and ".join(f"not coalesce(length({k}) >= 10 and regexp_matches({k}, '{PNR_LIKNANDE}'), false)"
                        for k in kolumner)


def period_ok(t: str, leveransdatum: str) -> str:
    return (f"{t} is not null and regexp_full_match({t}, '[0-9]{{6}}') and try_cast(substr({t}, 1, 4) || '-' || "
            f"substr({t}, 5, 2) || '-01' as date) < (date_trunc('month', {leveransdatum}) + interval 1 month)::date")


def steg(raw: Path, cfg: dict, leveransdatum: str) -> list[tuple[str, str]]:
    s: list[tuple[str, str]] = []
    lev = f"cast('{leveransdatum}' as date)" if leveransdatum else "current_date"
    # --- the volumes: read, check, pseudonymise, resolve deliveries, per person and year
    v_filer = filer(raw, "verksamhet", "insatser")
    if v_filer:
        s.append(("insatser", f"""
        create temp table insatser as
        with t as (
            select kalla_fil, scan_nr,
                nullif(trim(kommun_kod), '') as kommun_kod, nullif(trim(personnummer), '') as pnr_text,
                nullif(trim(period), '') as period, nullif(trim(lokal_insats_kod), '') as lokal_insats_kod,
                lower(nullif(trim(regi), '')) as regi, lower(nullif(trim(volymtyp), '')) as volymtyp,
                nullif(trim(volym), '') as volym_text, nullif(trim(enhet), '') as enhet
            from {las(raw, v_filer, cfg['encoding']['verksamhet'])}
        ),
        grans as (
            select lokal.kommun_kod, lokal.lokal_insats_kod, standard.mattenhet,
                coalesce(egen.max_per_dag, alla.max_per_dag) as max_per_dag
            from kpb_lokala_insatskoder as lokal
            join kpb_standardinsatser as standard using (insats_kod)
            left join stg_rimlighetsgranser as egen
                on egen.mattenhet = standard.mattenhet and egen.insats_kod = standard.insats_kod
            left join stg_rimlighetsgranser as alla on alla.mattenhet = standard.mattenhet and alla.insats_kod = '*'
        ),
        p as (
            select t.*, replace(replace(t.pnr_text, '-', ''), '+', '') as pnr,
                try_cast(replace(t.volym_text, ',', '.') as decimal(18, 4)) as volym,
                coalesce(gk.max_per_dag, ga.max_per_dag) * case coalesce(gk.mattenhet, ga.mattenhet)
                    when 'manad' then 1 else date_diff('day', try_strptime(t.period, '%Y%m')::date,
                        (try_strptime(t.period, '%Y%m') + interval 1 month)::date) end as grans
            from t
            left join grans as gk on gk.kommun_kod = t.kommun_kod and gk.lokal_insats_kod = t.lokal_insats_kod
            left join grans as ga on ga.kommun_kod = '*' and ga.lokal_insats_kod = t.lokal_insats_kod
            where {period_ok('t.period', lev)}
                and regexp_full_match(t.kommun_kod, '[0-9]{{4}}') and t.lokal_insats_kod is not null
                and t.regi in ('egen', 'extern') and t.volymtyp in ('beviljad', 'utford')
                and {ej_pnr('t.lokal_insats_kod', 't.volym_text', 't.enhet')}
        ),
        d as (
            select *, try_cast(substr(pnr, 1, 4) || '-' || substr(pnr, 5, 2) || '-' || lpad((substr(pnr, 7, 2)::int
                    - case when substr(pnr, 7, 2)::int > 60 then 60 else 0 end)::varchar, 2, '0') as date)
                    as fodelsedatum
            from p
            where regexp_full_match(pnr, '[0-9]{{12}}') and volym >= 0 and not coalesce(volym > grans, false)
        ),
        giltiga as (
            select * from d
            where fodelsedatum is not null
                and ({LUHN}) % 10 = 0
        )
        select kommun_kod, pnr, fodelsedatum, period, lokal_insats_kod, regi, volymtyp, enhet,
            arg_max(volym, (kalla_fil, -scan_nr)) as volym
        from giltiga
        group by all
        """))
        s.append(("volymer", f"""
        create temp table volymer as
        with per_ar as (
            select kommun_kod, cast(substr(period, 1, 4) as integer) as ar,
                translate(substr(sha256(getvariable('kommunanalys_pseudonym_key') || '|' || pnr), 1, 16),
                    '0123456789', 'ghijklmnop') as person_id,
                case when substr(pnr, 11, 1)::int % 2 = 1 then 'man' else 'kvinna' end as kon,
                fodelsedatum, lokal_insats_kod, regi, volymtyp, sum(volym) as volym
            from insatser
            group by all
        )
        select per_ar.kommun_kod, per_ar.ar, per_ar.person_id, per_ar.kon, per_ar.fodelsedatum, per_ar.regi,
            per_ar.volymtyp, coalesce(egen.insats_kod, alla.insats_kod) as insats_kod,
            cast(per_ar.volym as decimal(18, 4)) as volym
        from per_ar
        left join kpb_lokala_insatskoder as egen
            on egen.kommun_kod = per_ar.kommun_kod and egen.lokal_insats_kod = per_ar.lokal_insats_kod
        left join kpb_lokala_insatskoder as alla
            on alla.kommun_kod = '*' and alla.lokal_insats_kod = per_ar.lokal_insats_kod
        """))
    else:
        s.append(("volymer", """
        create temp table volymer (kommun_kod varchar, ar integer, person_id varchar, kon varchar,
            fodelsedatum date, regi varchar, volymtyp varchar, insats_kod varchar, volym decimal(18, 4))"""))

    # --- the ledger: read, check, resolve deliveries, translate once per code string
    h_filer = filer(raw, "ekonomi", "huvudbok")
    dims = ["konto", "ansvar", "verksamhet", "aktivitet", "projekt", "motpart"]
    kod = ", ".join(["kommun_kod", *dims])
    trim = ", ".join(f"nullif(trim({d}), '') as {d}" for d in dims)
    if h_filer:
        s.append(("huvudbok", f"""
        create temp table huvudbok as
        with t as (
            select kalla_fil, scan_nr, nullif(trim(kommun_kod), '') as kommun_kod,
                nullif(trim(period), '') as period, {trim}, nullif(trim(belopp), '') as belopp_text
            from {las(raw, h_filer, cfg['encoding']['ekonomi'])}
        ),
        giltiga as (
            select *, try_cast(replace(belopp_text, ',', '.') as decimal(18, 2)) as belopp from t
            where {period_ok('period', lev)} and regexp_full_match(kommun_kod, '[0-9]{{4}}')
                and konto is not null and ansvar is not null and verksamhet is not null
                and {ej_pnr(*dims, 'belopp_text')}
        )
        select {kod}, period, arg_max(belopp, (kalla_fil, -scan_nr)) as belopp
        from giltiga
        where belopp is not null
        group by all
        """))
    else:
        s.append(("huvudbok", f"""create temp table huvudbok ({' varchar, '.join(['kommun_kod', *dims])} varchar,
            period varchar, belopp decimal(18, 2))"""))
    # the duplicate resolution above takes the key's row of the latest file; its checks run before it, as the
    # project's (a row failing a check is quarantined and does not take part in the key)
    monster = " and ".join(
        f"(coalesce(r.{d}, '*') = '*' or (r.{d} like '%*' and substr(k.{d}, 1, length(r.{d}) - 1) = "
        f"substr(r.{d}, 1, length(r.{d}) - 1)) or (r.{d} not like '%*' and k.{d} = r.{d}))"
        for d in dims)
    s.append(("oversatt", f"""
        create temp table oversatt as
        with koder as (select distinct {kod} from huvudbok),
        matchade as (
            select k.*, r.regel_id, r.prioritet_hogre_vinner as prioritet, r.maltyp, r.insats_kod, r.regi,
                r.pool_id, r.exkluderingsorsak
            from koder as k join kpb_oversattning as r
                on (r.kommun_kod = '*' or r.kommun_kod = k.kommun_kod) and {monster}
            qualify prioritet = max(prioritet) over (partition by {', '.join('k.' + c for c in kod.split(', '))})
        ),
        topp as (
            select {kod}, count(*) as n, any_value(maltyp) as maltyp, any_value(insats_kod) as insats_kod,
                any_value(regi) as regi, any_value(pool_id) as pool_id, any_value(exkluderingsorsak) as orsak
            from matchade group by all
        )
        select h.kommun_kod, cast(substr(h.period, 1, 4) as integer) as ar, h.konto, h.verksamhet, h.belopp,
            case when topp.n is null then 'omappad' when topp.n > 1 then 'tvetydig' else topp.maltyp end as maltyp,
            case when topp.n = 1 then topp.insats_kod end as insats_kod,
            case when topp.n = 1 then topp.regi end as regi,
            case when topp.n = 1 then topp.pool_id end as pool_id,
            case when topp.n = 1 then topp.orsak end as exkluderingsorsak
        from huvudbok as h
        left join topp on {' and '.join(f'h.{c} is not distinct from topp.{c}' for c in kod.split(', '))}
        """))

    # --- pools, overhead share, cost objects, receivers
    klasser = lista(cfg["kpb_bruttokostnad_kontoklasser"])
    ej_verks = " and ".join(["true"] + [f"coalesce(o.verksamhet, '') not like '{p}%'"
                                       for p in cfg["kpb_overhead_exkluderade_verksamheter"]])
    s.append(("pooler", """
        create temp table pooler as
        with konf as (
            select ka.kommun_kod, ka.ar, p.pool_id,
                coalesce(egen.ordning, alla.ordning) as ordning,
                coalesce(egen.fordelningsnyckel, alla.fordelningsnyckel) as fordelningsnyckel
            from (select distinct kommun_kod, ar from oversatt) as ka
            cross join (select distinct pool_id from kpb_kostnadspooler) as p
            left join kpb_kostnadspooler as egen on egen.kommun_kod = ka.kommun_kod and egen.pool_id = p.pool_id
            left join kpb_kostnadspooler as alla on alla.kommun_kod = '*' and alla.pool_id = p.pool_id
            where egen.pool_id is not null or alla.pool_id is not null
        ),
        bokfort as (
            select kommun_kod, ar, pool_id, sum(belopp) as kostnad
            from oversatt where maltyp = 'pool' group by all
        )
        select kommun_kod, ar, pool_id, konf.ordning, konf.fordelningsnyckel,
            cast(coalesce(bokfort.kostnad, 0) as decimal(18, 2)) as bokford_kostnad
        from konf full join bokfort using (kommun_kod, ar, pool_id)
        """))
    s.append(("overhead", f"""
        create temp table overhead as
        select o.kommun_kod, o.ar,
            cast(case when sum(o.belopp) > 0 then round(cast(sum(case when o.maltyp in ('insats', 'pool')
                then o.belopp else 0 end) as decimal(38, 10)) / sum(o.belopp), 6) end as decimal(18, 6)) as kpb_andel
        from oversatt as o
        left join (select distinct kommun_kod, ar, pool_id from pooler where fordelningsnyckel = 'andel') as a
            on a.kommun_kod = o.kommun_kod and a.ar = o.ar and a.pool_id = o.pool_id
        where a.pool_id is null and substr(o.konto, 1, 1) in ({klasser}) and {ej_verks}
        group by all
        """))
    volymtyp = "s.volymtyp"
    overrides = cfg["kpb_volymtyp"] or {}
    if overrides:
        standard = f"'{overrides['*']}'" if "*" in overrides else "s.volymtyp"
        fall = " ".join(f"when x.insats_kod = '{k}' then '{v}'" for k, v in overrides.items() if k != "*")
        volymtyp = f"case {fall} else {standard} end" if fall else standard
    s.append(("objekt", f"""
        create temp table objekt as
        with direkt as (
            select kommun_kod, ar, insats_kod, regi, sum(belopp) as direkt_kostnad, count(*) as rader
            from oversatt where maltyp = 'insats' group by all
        ),
        vol as (
            select kommun_kod, ar, insats_kod, regi,
                sum(volym) filter (volymtyp = 'beviljad') as volym_beviljad,
                sum(volym) filter (volymtyp = 'utford') as volym_utford,
                count(distinct person_id) filter (volymtyp = 'beviljad') as brukare_beviljad,
                count(distinct person_id) filter (volymtyp = 'utford') as brukare_utford
            from volymer where insats_kod is not null group by all
        ),
        o as (
            select x.kommun_kod, x.ar, x.insats_kod, x.regi, s.insats_namn, s.omrade, s.mattenhet,
                {volymtyp} as volymtyp,
                coalesce(s.is_brukarrelaterad, true) as is_brukarrelaterad,
                coalesce(s.is_sarskilt_boende, false) as is_sarskilt_boende,
                cast(coalesce(x.direkt_kostnad, 0) as decimal(18, 2)) as direkt_kostnad,
                coalesce(x.rader, 0) as antal_huvudboksrader,
                cast(coalesce(x.volym_beviljad, 0) as decimal(18, 4)) as volym_beviljad,
                cast(coalesce(x.volym_utford, 0) as decimal(18, 4)) as volym_utford,
                coalesce(x.brukare_beviljad, 0) as brukare_beviljad, coalesce(x.brukare_utford, 0) as brukare_utford,
                cast(coalesce(egen.personaltimmar, alla.personaltimmar, 0) as decimal(18, 4)) as personaltimmar
            from (select * from direkt full join vol using (kommun_kod, ar, insats_kod, regi)) as x
            left join kpb_standardinsatser as s on s.insats_kod = x.insats_kod
            left join kpb_personaltimmar as egen on egen.kommun_kod = x.kommun_kod and egen.ar = x.ar
                and egen.insats_kod = x.insats_kod and egen.regi = x.regi
            left join kpb_personaltimmar as alla
                on alla.kommun_kod = '*' and alla.ar = x.ar and alla.insats_kod = x.insats_kod and alla.regi = x.regi
        )
        select *,
            case volymtyp when 'beviljad' then volym_beviljad when 'utford' then volym_utford else 0 end
                ::decimal(18, 4) as volym,
            case volymtyp when 'beviljad' then brukare_beviljad when 'utford' then brukare_utford else 0 end
                as antal_brukare
        from o
        """))
    s.append(("mottagare", f"""
        create temp table mottagare as
        with kandidater as (
            select p.kommun_kod, p.ar, p.pool_id, p.fordelningsnyckel, r.kommun_kod as regel_kommun,
                r.mottagare_typ, r.mottagare, coalesce(r.regi, '*') as regi, r.andel as seed_andel, oh.kpb_andel,
                max((r.kommun_kod <> '*')::int) over (partition by p.kommun_kod, p.ar, p.pool_id) as egna
            from pooler as p
            join kpb_poolmottagare as r on r.pool_id = p.pool_id and (r.kommun_kod = p.kommun_kod or r.kommun_kod = '*')
            left join overhead as oh on oh.kommun_kod = p.kommun_kod and oh.ar = p.ar
        ),
        regler as (
            select *, case
                    when seed_andel is not null then seed_andel
                    when mottagare_typ = 'utanfor_kpb' then 1 - kpb_andel
                    else kpb_andel / sum((seed_andel is null and mottagare_typ <> 'utanfor_kpb')::int)
                        over (partition by kommun_kod, ar, pool_id)
                end as andel,
                case when fordelningsnyckel = 'andel' then seed_andel is not null end as andel_ur_seed
            from kandidater where regel_kommun <> '*' or egna = 0
        )
        -- a receiver reached by two rules with different shares is two receivers (each its own key), as in the
        -- project: the distinct rows include the share and where it comes from
        select * exclude (andel, andel_ur_seed) from (
            select distinct r.kommun_kod, r.ar, r.pool_id, 'insats:' || o.insats_kod || ':' || o.regi as mottagare_id,
                'insats' as mottagare_typ, o.insats_kod as mottagare_insats_kod, o.regi as mottagare_regi,
                null::varchar as mottagare_pool_id,
                case r.fordelningsnyckel when 'direkt_kostnad' then {ore('o.direkt_kostnad')}
                    when 'volym' then {e4('o.volym')} when 'personaltimmar' then {e4('o.personaltimmar')}
                    when 'lika' then 1 when 'brukare' then cast(o.antal_brukare as bigint)
                    when 'andel' then cast(r.andel * 1000000 as bigint) end as nyckel, r.andel, r.andel_ur_seed
            from regler as r join objekt as o on o.kommun_kod = r.kommun_kod and o.ar = r.ar
                and ((r.mottagare_typ = 'insats' and r.mottagare = o.insats_kod)
                    or (r.mottagare_typ = 'omrade' and r.mottagare = o.omrade))
                and (r.regi = '*' or r.regi = o.regi)
            union all
            select distinct r.kommun_kod, r.ar, r.pool_id, 'pool:' || m.pool_id, 'pool', null, null, m.pool_id,
                case r.fordelningsnyckel when 'lika' then 1 when 'andel' then cast(r.andel * 1000000 as bigint)
                    else {ore('m.bokford_kostnad')} end, r.andel, r.andel_ur_seed
            from regler as r join pooler as m
                on m.kommun_kod = r.kommun_kod and m.ar = r.ar and m.pool_id = r.mottagare
            where r.mottagare_typ = 'pool'
            union all
            select distinct kommun_kod, ar, pool_id, 'utanfor:' || mottagare, 'utanfor_kpb', null, null, null,
                case fordelningsnyckel when 'andel' then cast(andel * 1000000 as bigint) else 1 end,
                cast(case fordelningsnyckel when 'andel' then andel else 1 end as decimal(18, 6)), andel_ur_seed
            from regler where mottagare_typ = 'utanfor_kpb'
        )
        """))
    # --- the step-down, level by level: a pool of level n holds its booked cost and what levels < n sent it
    nivaer = []
    for n in range(1, int(cfg["kpb_max_ordning"]) + 1):
        mottaget = " union all ".join(
            f"select kommun_kod, ar, mottagare_pool_id, fordelat_ore from niva_{k} where mottagare_typ = 'pool'"
            for k in range(1, n)) or "select null::varchar, null::int, null::varchar, null::bigint"
        s.append((f"niva_{n}", f"""
        create temp table niva_{n} as
        with belopp as (
            select p.kommun_kod, p.ar, p.pool_id,
                {ore('p.bokford_kostnad')} + coalesce(sum(m.fordelat_ore), 0) as pool_ore
            from pooler as p
            left join ({mottaget}) as m(kommun_kod, ar, mottagare_pool_id, fordelat_ore)
                on m.kommun_kod = p.kommun_kod and m.ar = p.ar and m.mottagare_pool_id = p.pool_id
            where p.ordning = {n}
            group by p.kommun_kod, p.ar, p.pool_id, p.bokford_kostnad
        ),
        underlag as (select * from belopp join mottagare using (kommun_kod, ar, pool_id))
        {storsta_rest('underlag', 'kommun_kod, ar, pool_id', 'pool_ore', 'nyckel', 'mottagare_id')}
        """))
        nivaer.append(f"niva_{n}")
    s.append(("fordelning", "create temp table fordelning as "
              + " union all ".join(f"select * from {n}" for n in nivaer)))

    # --- the marts
    s.append(("insatskostnad", f"""
        create table kpb.insatskostnad as
        with fk as (
            select kommun_kod, ar, insats_kod, regi, -sum(belopp) as fk_ersattning
            from oversatt
            where maltyp = 'exkludera' and exkluderingsorsak = 'fk_assistansersattning' and insats_kod is not null
            group by all
        ),
        fordelat as (
            select kommun_kod, ar, mottagare_insats_kod as insats_kod, mottagare_regi as regi,
                sum(fordelat_ore) as fordelat_ore
            from fordelning where mottagare_typ = 'insats' group by all
        ),
        i as (
            select o.*, {ore('o.direkt_kostnad')} as direkt_ore, coalesce(f.fordelat_ore, 0) as fordelat_ore,
                {ore('o.direkt_kostnad')} + coalesce(f.fordelat_ore, 0) as total_ore, {e4('o.volym')} as v,
                {e4('o.volym_beviljad')} as vb, {e4('o.volym_utford')} as vu, fk.fk_ersattning,
                {ore('fk.fk_ersattning')} as fk_ore
            from objekt as o left join fordelat as f using (kommun_kod, ar, insats_kod, regi)
            left join fk using (kommun_kod, ar, insats_kod, regi)
        )
        select kommun_kod, cast(ar as integer) as ar, insats_kod, regi, insats_namn, omrade, volymtyp, mattenhet,
            {kronor('direkt_ore')} as direkt_kostnad, {kronor('fordelat_ore')} as fordelad_kostnad,
            {kronor('total_ore')} as total_kostnad, volym, volym_beviljad, volym_utford,
            {kvot('total_ore * 100', 'v')} as enhetskostnad, {kvot('direkt_ore * 100', 'v')} as enhetskostnad_direkt,
            {kvot('fordelat_ore * 100', 'v')} as enhetskostnad_fordelad,
            {kvot('total_ore * 100', 'vb')} as enhetskostnad_beviljad,
            {kvot('total_ore * 100', 'vu')} as enhetskostnad_utford,
            cast(fk_ersattning as decimal(18, 2)) as fk_ersattning,
            {kvot('(total_ore - fk_ore) * 100', 'v')} as enhetskostnad_netto_fk,
            cast(antal_brukare as bigint) as antal_brukare,
            cast(antal_huvudboksrader as bigint) as antal_huvudboksrader,
            is_brukarrelaterad, is_sarskilt_boende,
            case when not is_brukarrelaterad then 'ej_brukarrelaterad' when v = 0 then 'ej_fordelbar' else 'brukare'
            end as kostnadsslag
        from i
        order by kommun_kod, ar, insats_kod, regi
        """))
    s.append(("brukarkostnad", f"""
        create table kpb.brukarkostnad as
        with underlag as (
            select pv.kommun_kod, pv.ar, pv.person_id, pv.insats_kod, pv.regi, i.volymtyp, i.mattenhet,
                i.enhetskostnad, cast(pv.volym as decimal(18, 4)) as volym, {e4('pv.volym')} as volym_e4,
                {ore('i.total_kostnad')} as insats_ore
            from (select kommun_kod, ar, person_id, insats_kod, regi, volymtyp, sum(volym) as volym
                  from volymer where insats_kod is not null group by all) as pv
            join kpb.insatskostnad as i using (kommun_kod, ar, insats_kod, regi, volymtyp)
            where i.is_brukarrelaterad and i.volym > 0
        ),
        f as ({storsta_rest('underlag', 'kommun_kod, ar, insats_kod, regi', 'insats_ore', 'volym_e4', 'person_id')})
        select kommun_kod, cast(ar as integer) as ar, person_id, insats_kod, regi, volymtyp, mattenhet, volym,
            enhetskostnad, {kronor('fordelat_ore')} as kostnad
        from f
        order by kommun_kod, ar, person_id, insats_kod, regi
        """))
    lss = lista(cfg["kpb_lss_omraden"])
    s.append(("brukare", f"""
        create table kpb.brukare as
        with sabo as (
            select kommun_kod, ar, case when sum(volym) > 0 then sum(total_kostnad) / sum(volym) * 365 end as kostnad
            from kpb.insatskostnad where insats_kod = '{cfg['kpb_ytterfall_referensinsats']}' group by all
        ),
        personer as (
            select v.kommun_kod, v.ar, v.person_id, min(v.kon) as kon, min(v.fodelsedatum) as fodelsedatum,
                (coalesce(sum(v.volym) filter (s.is_sarskilt_boende and s.mattenhet = 'dygn'
                    and v.volymtyp = s.volymtyp), 0) >= {cfg['kpb_sarskilt_boende_min_dygn']}
                 or bool_or(s.is_sarskilt_boende and coalesce(s.mattenhet, '') <> 'dygn')) as sabo,
                bool_or(s.omrade in ({lss})) as lss
            from volymer as v join kpb_standardinsatser as s using (insats_kod)
            where s.is_brukarrelaterad
            group by all
        ),
        k as (
            select p.kommun_kod, p.ar, p.person_id, p.kon, cast(p.ar - year(p.fodelsedatum) as integer) as alder,
                cast(coalesce(b.total_kostnad, 0) as decimal(18, 2)) as total_kostnad,
                coalesce(b.antal, 0) as antal_insatser,
                case when p.sabo then 'sarskilt_boende' else 'ordinart_boende' end as boendeform,
                case when p.lss then 'lss' when cast(p.ar - year(p.fodelsedatum) as integer)
                    >= {cfg['kpb_aldersgrans_aldreomsorg']} then 'aldreomsorg' else 'funktionsnedsattning' end
                    as verksamhetsomrade
            from personer as p
            left join (select kommun_kod, ar, person_id, sum(kostnad) as total_kostnad, count(*) as antal
                       from kpb.brukarkostnad group by all) as b using (kommun_kod, ar, person_id)
        ),
        granser as (
            select k.kommun_kod, k.ar, k.person_id,
                coalesce(g.grans_belopp, g.sabo_faktor * sabo.kostnad) as grans
            from k
            join kpb_ytterfall_granser as g on g.verksamhetsomrade = k.verksamhetsomrade
                and (g.boendeform = k.boendeform or coalesce(g.boendeform, '*') = '*')
                and (g.ar = cast(k.ar as varchar) or coalesce(g.ar, '*') = '*')
            left join sabo on sabo.kommun_kod = k.kommun_kod and sabo.ar = k.ar
            qualify row_number() over (partition by k.kommun_kod, k.ar, k.person_id
                order by (g.boendeform is distinct from k.boendeform)::int,
                    (g.ar is distinct from cast(k.ar as varchar))::int) = 1
        )
        select k.kommun_kod, cast(k.ar as integer) as ar, k.person_id, k.kon, k.alder, a.aldersgrupp, k.boendeform,
            k.verksamhetsomrade, k.total_kostnad, ki.kostnadsintervall,
            cast(k.antal_insatser as bigint) as antal_insatser,
            cast(round(g.grans, 2) as decimal(18, 2)) as ytterfall_grans,
            coalesce(k.total_kostnad >= round(g.grans, 2), false) as is_ytterfall
        from k
        left join granser as g using (kommun_kod, ar, person_id)
        left join kpb_aldersgrupper as a on k.alder between a.alder_fran and a.alder_till
        left join kpb_kostnadsintervall as ki on k.total_kostnad >= ki.fran_belopp
            and (ki.till_belopp is null or k.total_kostnad < ki.till_belopp)
        order by k.kommun_kod, k.ar, k.person_id
        """))
    s.append(("avstamning", """
        create table kpb.avstamning as
        with h as (
            select kommun_kod, ar, sum(belopp) as huvudbok_belopp,
                sum(case when maltyp = 'exkludera' then belopp else 0 end) as exkluderat,
                sum(case when maltyp in ('omappad', 'tvetydig') then belopp else 0 end) as omappat,
                sum(case when maltyp = 'insats' then belopp else 0 end) as direkt,
                sum(case when maltyp = 'pool' then belopp else 0 end) as pool,
                count(*) as rader, count(*) filter (maltyp in ('omappad', 'tvetydig')) as omappade_rader
            from oversatt group by all
        ),
        i as (
            select kommun_kod, ar, sum(fordelad_kostnad) as fordelad, sum(total_kostnad) as insats_total,
                sum(case when kostnadsslag = 'ej_brukarrelaterad' then total_kostnad else 0 end) as ej_brukarrel,
                sum(case when kostnadsslag = 'ej_fordelbar' then total_kostnad else 0 end) as ej_fordelbar
            from kpb.insatskostnad group by all
        ),
        b as (
            select kommun_kod, ar, sum(kostnad) as brukar_total, count(distinct person_id) as antal_brukare
            from kpb.brukarkostnad group by all
        ),
        u as (
            select kommun_kod, ar, sum(""" + kronor("fordelat_ore") + """) as utanfor
            from fordelning where mottagare_typ = 'utanfor_kpb' group by all
        ),
        x as (
            select kommun_kod, ar, coalesce(h.huvudbok_belopp, 0) as hb,
                coalesce(h.exkluderat, 0) + coalesce(u.utanfor, 0) as ex, coalesce(u.utanfor, 0) as ut,
                coalesce(h.omappat, 0) as om, coalesce(h.direkt, 0) as di,
                coalesce(h.pool, 0) - coalesce(u.utanfor, 0) as po, coalesce(i.fordelad, 0) as fo,
                coalesce(i.insats_total, 0) as it, coalesce(b.brukar_total, 0) as bt,
                coalesce(i.ej_brukarrel, 0) as eb, coalesce(i.ej_fordelbar, 0) as ef,
                coalesce(h.rader, 0) as rader, coalesce(h.omappade_rader, 0) as omappade_rader,
                coalesce(b.antal_brukare, 0) as antal_brukare
            from (select kommun_kod, ar from h union select kommun_kod, ar from i)
            left join h using (kommun_kod, ar) left join i using (kommun_kod, ar)
            left join b using (kommun_kod, ar) left join u using (kommun_kod, ar)
        )
        select kommun_kod, cast(ar as integer) as ar, hb::decimal(18, 2) as huvudbok_belopp,
            ex::decimal(18, 2) as exkluderat_belopp, ut::decimal(18, 2) as pool_utanfor_kpb,
            om::decimal(18, 2) as omappat_belopp, di::decimal(18, 2) as direkt_kostnad,
            po::decimal(18, 2) as poolkostnad,
            fo::decimal(18, 2) as fordelad_kostnad, (po - fo)::decimal(18, 2) as ofordelad_poolkostnad,
            it::decimal(18, 2) as insats_total, bt::decimal(18, 2) as brukar_total,
            eb::decimal(18, 2) as ej_brukarrelaterad_kostnad, ef::decimal(18, 2) as ej_fordelbar_kostnad,
            (hb - ex - om - di - po)::decimal(18, 2) as differens_oversattning,
            (di + po - it)::decimal(18, 2) as differens_fordelning,
            (it - bt - eb - ef)::decimal(18, 2) as differens_brukare,
            (hb - ex - (bt + eb + ef))::decimal(18, 2) as differens,
            rader::bigint as antal_huvudboksrader, omappade_rader::bigint as antal_omappade_rader,
            antal_brukare::bigint as antal_brukare
        from x
        order by kommun_kod, ar
        """))
    return s


def seeds_sql() -> list[tuple[str, str]]:
    out = []
    for rel, typer in SEED_TYPER.items():
        namn = rel.split("/")[-1]
        cast = ", ".join(f"cast({k} as {t}) as {k}" for k, t in typer.items())
        sel = f"* replace ({cast})" if typer else "*"
        out.append((namn, f"create temp table {namn} as select {sel} from read_csv('{SEEDS / rel}.csv', "
                          f"header=true, all_varchar=true, delim=',', quote='\"')"))
    return out


def kor(raw: Path, db: Path, installning: dict[str, str] | None = None, leveransdatum: str | None = None,
        verbose: bool = False, nyckel: str | None = None) -> dict[str, float]:
    """Builds the four KPB marts into db (a new file); returns the seconds per step. nyckel: the pseudonymisation
    key (default: the environment's, as the project's plugin, else the demo key)."""
    raw = Path(raw).resolve()
    if any(raw.glob("ekonomi/*.se")) or any(raw.glob("ekonomi/*.si")):
        raise SystemExit(f"kpb_direkt: {raw}/ekonomi holds SIE files; this script reads the CSV ledger only")
    for p in (db, Path(str(db) + ".wal")):
        if p.exists():
            p.unlink()
    cfg = installningar()
    tider: dict[str, float] = {}
    con = duckdb.connect(str(db))
    try:
        for key, value in (installning or {}).items():
            con.execute(f"set {key} = '{value}'")
        con.execute("set variable kommunanalys_pseudonym_key = ?", [nyckel or os.environ.get(KEY_ENV) or DEMO_KEY])
        con.execute("create schema kpb")
        for namn, sql in seeds_sql() + steg(raw, cfg, leveransdatum):
            t = time.perf_counter()
            con.execute(sql)
            tider[namn] = round(time.perf_counter() - t, 2)
            if verbose:
                print(f"{namn:<16} {tider[namn]:7.2f} s", flush=True)
    finally:
        con.close()
    return tider


MARTS = ("insatskostnad", "brukarkostnad", "brukare", "avstamning")


def jamfor(projektet: Path | duckdb.DuckDBPyConnection, direkt: Path) -> list[str]:
    """The differences between the KPB marts of the project's database (a path, or an open connection to it) and
    the script's (empty: identical): per mart the columns with their types (money DECIMAL in both), then every
    row, as multisets (EXCEPT ALL both ways)."""
    fel = []
    egen = not isinstance(projektet, duckdb.DuckDBPyConnection)
    con = duckdb.connect() if egen else projektet
    try:
        if egen:
            con.execute(f"attach '{projektet}' as kpb_projektet (read_only)")
            a = "kpb_projektet"
        else:
            a = con.execute("select current_database()").fetchone()[0]
        con.execute(f"attach '{direkt}' as kpb_direkt (read_only)")
        b = "kpb_direkt"
        for mart in MARTS:
            kolumner = [con.execute("select column_name, data_type from duckdb_columns() where database_name = ? "
                                    "and schema_name = 'kpb' and table_name = ? order by column_index",
                                    [db, mart]).fetchall() for db in (a, b)]
            if kolumner[0] != kolumner[1] or not kolumner[0]:
                fel.append(f"kpb.{mart}: columns differ: {kolumner[0]} / {kolumner[1]}")
                continue
            for x, y in ((a, b), (b, a)):
                skillnad = f"from {x}.kpb.{mart} except all from {y}.kpb.{mart}"
                n = con.execute(f"select count(*) from ({skillnad})").fetchone()[0]
                if n:
                    exempel = con.execute(f"{skillnad} limit 3").fetchall()
                    fel.append(f"kpb.{mart}: {n} rows only in {'the project' if x == a else 'kpb_direkt'}: {exempel}")
    finally:
        if egen:
            con.close()
        else:
            con.execute("detach kpb_direkt")
    return fel


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--raw", type=Path, default=Path(os.environ.get("KOMMUNANALYS_RAW_ROOT", "data/raw")))
    p.add_argument("--db", type=Path, default=ROOT / "build" / "kpb_direkt.duckdb")
    p.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="a DuckDB setting")
    p.add_argument("--leveransdatum", help="YYYY-MM-DD (default today), as the project's var leveransdatum")
    p.add_argument("--jamfor", type=Path, metavar="DB",
                   help="then compare the marts with this (the project's) database")
    a = p.parse_args()
    t = time.perf_counter()
    kor(a.raw, a.db, dict(s.split("=", 1) for s in a.set), a.leveransdatum, verbose=True)
    print(f"{'total':<16} {time.perf_counter() - t:7.2f} s")
    if a.jamfor:
        fel = jamfor(a.jamfor, a.db)
        print("\n".join(fel) if fel else f"the KPB marts are identical to {a.jamfor}'s")
        return 1 if fel else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
