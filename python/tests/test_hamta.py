"""The fetch commands against a real HTTP server on 127.0.0.1 serving recorded answers in the APIs' shapes: several
Kolada v3 pages linked by next_url, a json-stat2 TAB638 answer, an error answer and a 429 rate-limit answer (issue
21). No test reaches the internet."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kommunanalys.cli import app
from kommunanalys.hamta import SCB_MAX_CELLER, Takt, scb_regioner_per_anrop
from kommunanalys.jsonstat import befolkning
from kommunanalys.kolada import granska_filer

from .test_kolada import POINT
from .test_scb import VALUES, tab638


class Server:
    """Answers GET requests from `routes`: path with query -> list of (status, headers, body), served in order
    (the last one again when the list is used up); logs every request path."""

    def __init__(self):
        self.routes: dict[str, list[tuple[int, dict, bytes]]] = {}
        self.log: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                server.log.append(self.path)
                answers = server.routes.get(self.path) or [(404, {}, b'{"error": "not found"}')]
                status, headers, body = answers.pop(0) if len(answers) > 1 else answers[0]
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = Server()
    yield s
    s.close()


def v3_page(base: str, nr: int, pages: int, value: float) -> bytes:
    point = dict(POINT, values=[dict(POINT["values"][0], value=value)])
    doc = {"count": 1, "values": [point],
           "next_url": f"{base}?page={nr + 1}&per_page=1" if nr < pages else None,
           "previous_url": f"{base}?page={nr - 1}&per_page=1" if nr > 1 else None}
    return json.dumps(doc, indent=1).encode("utf-8")


def test_fetch_kolada_follows_next_url_retries_a_429_and_writes_pages_as_returned(server, tmp_path, monkeypatch):
    monkeypatch.setattr("kommunanalys.hamta.Klient.bas_vanta", 0.01)
    path = "/v3/data/kpi/U21003,U21005/municipality/0000,0880/year/2023"
    base = server.url + path
    pages = [v3_page(base, n, 3, 540.0 + n) for n in (1, 2, 3)]
    server.routes[path] = [(200, {}, pages[0])]
    server.routes[path + "?page=2&per_page=1"] = [(429, {"Retry-After": "0"}, b'{"message": "Too many requests"}'),
                                                  (200, {}, pages[1])]
    server.routes[path + "?page=3&per_page=1"] = [(200, {}, pages[2])]
    result = CliRunner().invoke(app, ["fetch-kolada", "--raw", str(tmp_path), "--kommun", "0880", "--ar", "2023",
                                      "--kpi", "U21005", "--kpi", "U21003", "--bas", server.url + "/v3"])
    assert result.exit_code == 0, result.output
    assert server.log == [path, path + "?page=2&per_page=1", path + "?page=2&per_page=1", path + "?page=3&per_page=1"]
    files = sorted((tmp_path / "extern" / "kolada").glob("*.json"))
    assert [f.read_bytes() for f in files] == pages
    assert "Kolada: 3 sidor för 2 KPI:er (U21003, U21005), 2 områden, år 2023" in " ".join(result.output.split())
    assert granska_filer([(f.name, f) for f in files]) == []


def test_fetch_kolada_asks_for_at_most_25_ids_per_request(server, tmp_path):
    kommuner = [f"{n:04d}" for n in range(1, 31)]  # 30 + 0000 = 31 areas: two requests
    args = ["fetch-kolada", "--raw", str(tmp_path), "--ar", "2023", "--kpi", "U21003", "--bas", server.url]
    for k in kommuner:
        args += ["--kommun", k]
    areas = sorted(kommuner + ["0000"])
    for chunk in (areas[:25], areas[25:]):
        server.routes[f"/data/kpi/U21003/municipality/{','.join(chunk)}/year/2023"] = [
            (200, {}, json.dumps({"count": 0, "values": [], "next_url": None}).encode())]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert [len(p.split("/municipality/")[1].split("/")[0].split(",")) for p in server.log] == [25, 6]


def test_an_error_answer_stops_the_fetch_naming_url_and_status(server, tmp_path):
    path = "/v3/data/kpi/U21003/municipality/0000,0880/year/2023"
    server.routes[path] = [(400, {}, b'{"message": "Invalid kpi id"}')]
    result = CliRunner().invoke(app, ["fetch-kolada", "--raw", str(tmp_path), "--kommun", "0880", "--ar", "2023",
                                      "--kpi", "U21003", "--bas", server.url + "/v3"])
    assert result.exit_code == 1
    text = " ".join(result.output.split())
    assert f"error: {server.url}{path}: HTTP 400" in text and "Invalid kpi id" in text
    assert not list((tmp_path / "extern" / "kolada").glob("*.json"))


def test_fetch_scb_writes_the_json_stat2_answer_that_staging_reads(server, tmp_path):
    body = json.dumps(tab638({"0880": "Kalmar"}, ["2023", "2024"], VALUES), ensure_ascii=False).encode("utf-8")
    path = ("/api/v2/tables/TAB638/data?lang=sv&outputFormat=json-stat2&valueCodes[Region]=0880&valueCodes[Alder]=*"
            "&valueCodes[Kon]=1,2&valueCodes[ContentsCode]=000003O5&valueCodes[Tid]=2023,2024")
    server.routes[path] = [(200, {}, body)]
    result = CliRunner().invoke(app, ["fetch-scb", "--raw", str(tmp_path), "--kommun", "0880", "--ar", "2024",
                                      "--ar", "2023", "--bas", server.url + "/api/v2"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "scb" / "befolkning_2023-2024_001.json"
    assert out.read_bytes() == body
    assert "SCB TAB638: 1 svar för 1 kommuner, år 2023, 2024" in " ".join(result.output.split())
    rows, skipped = befolkning(out, "scb/befolkning_2023-2024_001.json")
    assert (len(rows), skipped) == (12, 4)


def test_scb_limits_cells_per_call_and_calls_per_ten_seconds():
    # 102 ages x 2 sexes x 3 years = 612 cells per region: 245 regions per call (245 x 612 = 149 940 <= 150 000)
    assert scb_regioner_per_anrop(3) == 245
    assert 245 * 612 <= SCB_MAX_CELLER < 246 * 612
    now, slept = [0.0], []

    def sleep(s):
        slept.append(s)
        now[0] += s

    takt = Takt(klocka=lambda: now[0], sov=sleep)
    for _ in range(31):
        takt.vanta()
        now[0] += 0.1
    assert slept == [pytest.approx(10.0 - 3.0)]  # the 31st call waits until the 1st is 10 s old


def test_generate_writes_the_real_forms_on_request_and_names_a_bad_one(tmp_path):
    result = CliRunner().invoke(app, ["generate", "--raw", str(tmp_path / "a"), "--kommuner", "1", "--ar", "2024",
                                      "--huvudbok", "sie3", "--befolkning", "jsonstat2", "--kolada", "v3"])
    assert result.exit_code == 0, result.output
    files = {p.relative_to(tmp_path / "a").as_posix() for p in (tmp_path / "a").rglob("*") if p.is_file()}
    assert {"ekonomi/huvudbok_2024_0880.se", "scb/befolkning_2024.json", "extern/kolada/U21003_sida01.json"} <= files
    assert not {"ekonomi/huvudbok_2024.csv", "scb/befolkning_2024.csv", "extern/kolada/U21003.json"} & files
    result = CliRunner().invoke(app, ["generate", "--raw", str(tmp_path / "b"), "--huvudbok", "sie5"])
    assert result.exit_code == 1
    assert "huvudbok: 'sie5' (välj csv eller sie4e eller sie3)" in result.output
