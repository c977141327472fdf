"""Issue 23: the catalogue lists every indicator of the two Västra Götaland documents and the Kalmar instruction,
and the build computes each (rows in indikatorer.utfall) or says why not (indikatorer.utfall_saknas).

The lists below are read from the documents by hand (docs/kalldokument/), not from the catalogue: a catalogue row
removed, or an indicator neither computed nor listed as missing, fails the test."""

from __future__ import annotations

import csv

import pytest

from kommunanalys.paths import PROJECT_ROOT

KALLDOKUMENT = PROJECT_ROOT / "docs" / "kalldokument"

#: document -> {indicator as the document words it: catalogue id}
DOKUMENT = {
    "rapport-lansgemensam-uppfoljning-nara-vard.txt": {
        "Tillgänglighet – bedömning VC inom 3 dygn": "GNV_BEDOMNING_VC_3_DYGN",
        "Möjlighet att träffa läkare vid behov i särskilt boende": "GNV_LAKARE_SABO_VID_BEHOV",
        "Läkarbesök i hemmet (inkl. SÄBO)": "GNV_LAKARBESOK_HEMMET",
        "Andel som svarar att det är mycket eller ganska lätt att få vård på kvällen, på helgen eller på en helgdag":
            "GNV_ENKAT_VARD_KVALL_HELG",
        "Fallskador per 100 000 invånare 65 år och äldre": "GNV_FALLSKADOR_65",
        "Antal slutenvårdstillfällen på grund av fallskador bland personer 80 år eller äldre per 1 000 invånare":
            "GNV_FALL_SLUTENVARD_80",
        "Vårdtillfällen per 100 000 invånare. Åldersstandardiserade värden.": "GNV_VARDTILLFALLEN_ALDERSSTAND",
        "Anser du att personalen på hälso-/eller vårdcentralen samordnar dina kontakter": "GNV_ENKAT_SAMORDNAR_KONTAKTER",
        "Påverkbar slutenvård bland patienter 65 år och äldre inskrivna i kommunal hälso- och sjukvård":
            "GNV_PAVERKBAR_SLUTENVARD_65",
        "Andel invånare som svarar att de har ett stort eller ganska stort förtroende för hälso- och sjukvården":
            "GNV_ENKAT_FORTROENDE_HSV",
        "Andel läkare som svarat att de vanligtvis eller ofta erbjuder patienter med kroniska sjukdomar … vårdplan":
            "GNV_ENKAT_LAKARE_VARDPLAN",
        "Positiv inställning till att vårdas hemma med hembesök och stöd av digital teknik, andel (%)":
            "GNV_ENKAT_VARDAS_HEMMA_DIGITALT",
        "Andel möten på distans, (Skype eller telefon) för SIP": "GNV_DISTANSMOTEN",
        "Andel möten på distans … för planering": "GNV_DISTANSMOTEN_PLANERING",
        "Det saknas indikatorer av betydelse som är kopplade till kostnader (fallskador)": "GNV_FALLSKADOR_65_KOSTNAD",
        "Det saknas indikatorer av betydelse som är kopplade till kostnader (påverkbar slutenvård)":
            "GNV_PAVERKBAR_SLUTENVARD_65_KOSTNAD",
        "Genom avvikelser i samverkan finns underlag för uppföljning för samtliga länsgemensamma styrdokument":
            "AVV_ANTAL",
    },
    "uppdrag-lansgemensam-uppfoljning-nara-vard.txt": {
        # the assignment names no indicator of its own; its follow-up on patient level "via ... avvikelserapporter"
        "Uppföljning på patientnivå kan till exempel ske via patientresa, avvikelserapporter": "AVV_ANTAL",
    },
    "praktiska-anvisningar-utskrivningsklara-2019.txt": {
        "Antal samordnade individuella planer ... per kommun, hälsovalsenhet, klinik och kvartal": "SIP_UPPRATTADE",
        "Fast vårdkontakt när uppdrag givits till den kommunala hälso- och sjukvården": "FAST_VARDKONTAKT",
        "Status i inskrivningsmeddelandet inom 24 timmar": "INSKRIVNINGSMEDDELANDE_24H",
        "Utskrivningsplan eller Samordnad individuell plan på individnivå": "UTSKRIVNINGSPLAN",
        "Indikatorn oplanerade återinskrivningar inom 30 dagar": "ATERINSKRIVNING_30D_65",
        "Antal utskrivningsklara dagar inom somatiska vården i genomsnitt per kommun och månad samt halvår":
            "UKD_SOMATIK_MEDEL",
        "Antal utskrivningsklara dagar i genomsnitt inom den psykiatriska vården ... per kommun och kvartal":
            "UKD_PSYK_MEDEL",
        "Individens upplevda delaktighet följs i nationella och lokala mätningar såsom patientenkäter":
            "UPPLEVD_DELAKTIGHET_PATIENTENKAT",
        "avvikelser från avvikelssystemet LISA i Cosmic": "AVV_ANTAL",
        "Indikatorn för år 2019 är 0,8 utskrivningsklara dagar i genomsnitt": "UKD_SOMATIK_MEDEL",
    },
}
#: the period types each indicator must have, where the document names them
PERIODER = {"UKD_SOMATIK_MEDEL": {"manad", "halvar"}, "UKD_PSYK_MEDEL": {"kvartal"}, "SIP_UPPRATTADE": {"kvartal"},
            "AVV_ANTAL": {"kvartal", "halvar"}}


def _katalog() -> dict[str, dict[str, str]]:
    with (PROJECT_ROOT / "seeds/indikatorer/indikator_katalog.csv").open(encoding="utf-8") as f:
        return {r["indikator_id"]: r for r in csv.DictReader(f)}


def test_the_documents_exist_and_name_what_the_lists_say():
    """The lists are anchored in the documents: a key word of each entry occurs in its document."""
    for dokument, indikatorer in DOKUMENT.items():
        text = " ".join((KALLDOKUMENT / dokument).read_text(encoding="utf-8").split())
        for fras in indikatorer:
            ord_ = fras.split(" … ")[0].split(" ... ")[0].split(" (")[0]
            assert ord_.split(",")[0][:25] in text, (dokument, fras)


@pytest.mark.parametrize("dokument", sorted(DOKUMENT))
def test_every_indicator_of_the_document_is_in_the_catalogue(dokument):
    katalog = _katalog()
    saknas = {fras: i for fras, i in DOKUMENT[dokument].items() if i not in katalog}
    assert not saknas, f"{dokument}: not in indikator_katalog: {saknas}"
    for i in DOKUMENT[dokument].values():
        assert PERIODER.get(i, set()) <= set(katalog[i]["period_typer"].split("|")), i


def test_every_indicator_of_the_documents_is_computed_or_listed_as_missing(built):
    alla = {i for indikatorer in DOKUMENT.values() for i in indikatorer.values()}
    katalog = _katalog()
    for i in sorted(alla):
        for period_typ in katalog[i]["period_typer"].split("|"):
            beraknad = built.scalar("select count(*) from indikatorer.utfall where indikator_id = ? and period_typ = ?",
                                    [i, period_typ])
            saknad = built.rows("select orsak_typ, orsak from indikatorer.utfall_saknas where indikator_id = ? "
                                "and period_typ = ?", [i, period_typ])
            assert (beraknad > 0) != bool(saknad), (i, period_typ, beraknad, saknad)
            if katalog[i]["demo_berakningsbar"] == "true":
                assert beraknad > 0, (i, period_typ, saknad)
            else:
                assert saknad[0][0] == "ej_berakningsbar" and katalog[i]["kommentar"] in saknad[0][1], (i, saknad)


def test_the_deviation_indicators_follow_the_site_contract(built):
    """The contract with the site: every deviations indicator's id starts with AVV_, they are in utfall with the
    analysis group, per principal pair and category, and per quarter and half-year."""
    rows = built.rows("select distinct indikator_id, period_typ, dimension from indikatorer.utfall "
                      "where indikator_id like 'AVV%'")
    assert {r[0] for r in rows} == {"AVV_ANTAL", "AVV_PER_1000_UTSKRIVNINGAR"}
    assert {("AVV_ANTAL", "kvartal", "huvudmannapar"), ("AVV_ANTAL", "halvar", "kategori"),
            ("AVV_PER_1000_UTSKRIVNINGAR", "halvar", "alla")} <= set(rows)
    assert built.scalar("select count(*) from indikatorer.utfall where indikator_id like 'AVV%' "
                        "and analysgrupp_kod is null") == 0
