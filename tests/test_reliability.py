"""Issue 17, round two: limits that bound, no hangs, no tracebacks, the documented exit
codes, and outputs that are never lost or replaced by the wrong thing.

Cases that could hang (a FIFO) or whose symptom is a log line (rdflib logs through
:mod:`logging`, which pytest would capture, and a forked query worker writes to the real
stderr, which CliRunner does not capture) run in a child Python with a time limit:
:func:`kg_cases` runs many CLI invocations there, with stdout and stderr on real files,
and reports each one's exit code, stdout and stderr.
"""

from __future__ import annotations

import http.server
import json
import os
import signal
import socket
import stat
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import Any

import psutil
import pytest
from conftest import SEED_TTL
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
GOOD = ("Ada Lovelace\n\nAda Lovelace was an English mathematician. Lovelace joined the "
        "Analytical Society in 1840.\n")

CASES = textwrap.dedent('''
    import io, json, os, sys, tempfile
    from kg.cli import app

    def run(args):
        # stdout and stderr are real files, so a forked query worker's output lands there too
        saved = os.dup(1), os.dup(2)
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            os.dup2(out.fileno(), 1)
            os.dup2(err.fileno(), 2)
            sys.stdout = io.TextIOWrapper(os.fdopen(os.dup(1), "wb"), write_through=True)
            sys.stderr = io.TextIOWrapper(os.fdopen(os.dup(2), "wb"), write_through=True)
            exc = None
            try:
                code = app(args, standalone_mode=False) or 0
            except SystemExit as e:
                code = e.code or 0
            except BaseException as e:
                code, exc = 70, repr(e)
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved[0], 1)
            os.dup2(saved[1], 2)
            sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
            out.seek(0)
            err.seek(0)
            return [code, out.read().decode()[-2000:], err.read().decode()[-4000:], exc]

    res = {name: run(args) for name, args in json.loads(sys.argv[1]).items()}
    print(json.dumps(res))
''')


def kg_cases(cases: dict[str, list[str]], timeout: float = 60) -> dict[str, list]:
    """Run each case (CLI arguments) in one child Python; exit code, stdout, stderr and an
    escaped exception per case."""
    r = subprocess.run([sys.executable, "-c", CASES, json.dumps(cases)], capture_output=True,
                       text=True, timeout=timeout)
    assert r.returncode == 0, r.stderr[-3000:]
    return json.loads(r.stdout.strip().splitlines()[-1])


def one_line(result: list, code: int, *needles: str) -> str:
    """Exit ``code``, stderr one ``kg: error:`` line naming each needle; no traceback."""
    exit_code, _stdout, stderr, exc = result
    assert exc is None, exc
    assert exit_code == code, (exit_code, stderr)
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), stderr
    for n in needles:
        assert n.lower() in lines[0].lower(), (n, lines[0])
    return lines[0]


def clean_ok(result: list) -> None:
    """Exit 0, nothing on stderr (no rdflib log line, no traceback)."""
    exit_code, _stdout, stderr, exc = result
    assert exc is None, exc
    assert (exit_code, stderr) == (0, ""), stderr


# --------------------------------------------------------------------------- 2: --max-rows

CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"


@pytest.mark.parametrize("form", ["construct", "describe"])
@pytest.mark.parametrize("engine", ["rdflib", "oxigraph", "endpoint"])
def test_max_rows_caps_construct_and_describe(engine, form, endpoint):
    query = CONSTRUCT if form == "construct" else (
        "DESCRIBE ?s WHERE { ?s a <https://schema.org/ScholarlyArticle> }")
    where = ["--endpoint", endpoint] if engine == "endpoint" else ["-e", engine]
    r = runner.invoke(app, ["sparql", query, *where, "--max-rows", "10", "-f", "nt"])
    assert r.exit_code == 0, r.stderr
    assert len(r.stdout.splitlines()) == 10
    assert r.stderr == ("kg: warning: the result is truncated to its first 10 triples; "
                        "raise --max-rows to see more\n")
    r = runner.invoke(app, ["sparql", query, *where, "--max-rows", "0", "-f", "nt"])
    assert r.exit_code == 0 and r.stderr == "" and len(r.stdout.splitlines()) > 10


# --------------------------------------------------------------------------- 3: --timeout


def _in_time(args: list[str], limit: float, slack: float = 4) -> subprocess.CompletedProcess[str]:
    start = time.monotonic()
    r = subprocess.run([sys.executable, "-m", "kg.cli", *args, "--timeout", str(limit)],
                       capture_output=True, text=True, timeout=limit + 30)
    assert time.monotonic() - start < limit + slack, "the limit did not bound the run"
    return r


def test_timeout_bounds_parsing_a_huge_query(tmp_path):
    q = tmp_path / "in.rq"
    q.write_text("SELECT ?o WHERE { ?s ?p ?o FILTER(?o IN (" +
                 ", ".join(f'"v{i}"' for i in range(30_000)) + ")) }", encoding="utf-8")
    r = _in_time(["query", "--file", str(q), "--graph", str(SEED_TTL)], 1)
    assert r.returncode == 4 and "did not finish within 1 s" in r.stderr


def test_timeout_bounds_loading_a_graph(tmp_path):
    coll = tmp_path / "coll.ttl"  # a 100,000-item collection: about 4 s to load in rdflib
    coll.write_text("<urn:a> <urn:p> (" + " ".join(f"<urn:x{i}>" for i in range(100_000)) +
                    ") .\n", encoding="utf-8")
    r = _in_time(["query", "people", "--graph", str(coll)], 1)
    assert r.returncode == 4 and r.stderr.startswith("kg: error: the query did not finish")


def test_deeply_nested_rdfxml_is_refused_at_once(tmp_path):
    deep = tmp_path / "deep.rdf"  # the RDF/XML parser takes minutes on 100,000 levels
    n = 60_000
    deep.write_text('<?xml version="1.0"?><rdf:RDF xmlns:rdf="' + RDF + '" xmlns:e="http://e/">'
                    '<rdf:Description rdf:about="http://e/a">'
                    + "<e:p><rdf:Description>" * n + "</rdf:Description></e:p>" * n
                    + "</rdf:Description></rdf:RDF>\n", encoding="utf-8")
    start = time.monotonic()
    res = kg_cases({"rdflib": ["query", "people", "--graph", str(deep), "--timeout", "0"],
                    "oxigraph": ["query", "people", "--graph", str(deep), "-e", "oxigraph"],
                    "export": ["export", "--graph", str(deep), "-o", str(tmp_path / "x.ttl")],
                    "validate": ["validate", "--graph", str(deep)]}, timeout=60)
    assert time.monotonic() - start < 15
    for name in res:
        one_line(res[name], 2, f"{deep}:1:", "nested more than 1000 deep")


def test_timeout_bounds_rendering_a_construct_result(tmp_path):
    big = tmp_path / "big.nt"
    # the query takes about 1.5 s here and writing its Turtle about 3 s more
    big.write_text("".join(f"<urn:s{i}> <urn:p> \"a literal {i}\" .\n" for i in range(60_000)),
                   encoding="utf-8")
    r = _in_time(["sparql", CONSTRUCT, "--graph", str(big), "-e", "oxigraph",
                  "--max-rows", "0"], 2, slack=2)
    assert r.returncode == 4 and r.stdout == ""


def test_a_huge_decimal_exponent_is_kept_as_written(tmp_path):
    g = tmp_path / "dec.nt"  # 86 bytes that rdflib would expand to a billion digits
    g.write_text(f'<urn:a> <urn:p> "1E999999999"^^<{XSD}decimal> .\n', encoding="utf-8")
    q = f'SELECT ?x WHERE {{ BIND("1E999999999"^^<{XSD}decimal> AS ?x) }}'
    out = kg_cases({
        "graph": ["sparql", "SELECT ?o { ?s ?p ?o }", "-g", str(g), "-f", "csv"],
        "query": ["sparql", q, "-g", str(g), "-f", "csv"],
        "oxigraph": ["sparql", q, "-g", str(g), "-f", "csv", "-e", "oxigraph"],
    }, timeout=30)
    for name in ("graph", "query", "oxigraph"):
        clean_ok(out[name])
        assert out[name][1].splitlines()[1] == "1E999999999", name


# --------------------------------------------------------------------------- 4: kills


def _children_when_started(proc: subprocess.Popen, n: int = 1,
                           timeout: float = 60) -> list[psutil.Process]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        kids = psutil.Process(proc.pid).children(recursive=True)
        if len(kids) >= n:
            return kids
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        time.sleep(0.05)
    raise AssertionError("no worker started")


def _all_gone(kids: list[psutil.Process], within: float = 5) -> bool:
    _, alive = psutil.wait_procs(kids, timeout=within)
    return not alive


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_killing_kg_kills_its_query_worker(tmp_path, sig, engine):
    big = tmp_path / "big.nt"
    big.write_text("".join(f"<urn:s{i}> <urn:p> <urn:o{i % 7}> .\n" for i in range(2000)),
                   encoding="utf-8")
    query = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "sparql", query, "--graph",
                             str(big), "-e", engine, "--timeout", "60"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    kids = _children_when_started(proc)
    time.sleep(0.3)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=10)
    assert _all_gone(kids), "the query worker outlived kg"
    if sig == signal.SIGTERM:
        assert (proc.returncode, err) == (143, "kg: error: terminated (SIGTERM)\n")


def test_killing_a_parallel_build_kills_its_pool(tmp_path):
    for i in range(4):
        (tmp_path / f"a{i}.txt").write_text(
            f"Ada Lovelace{i}\n\n" + "Ada Lovelace worked at Acme Corporation in 1840. " * 300,
            encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "build", str(tmp_path),
                             "--out-dir", str(out), "--jobs", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    kids = _children_when_started(proc, 2)
    proc.kill()
    proc.wait(timeout=10)
    assert _all_gone(kids), "pool workers outlived kg"


# --------------------------------------------------------------------------- 5-6: not files


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _zero(path: Path) -> Path:
    path.symlink_to("/dev/zero")
    return path


def test_fifos_and_devices_are_refused_at_once(tmp_path):
    fifo_ttl = _fifo(tmp_path / "g.ttl")
    fifo_txt = _fifo(tmp_path / "a.txt")
    zero_rdf, zero_jsonld = _zero(tmp_path / "z.rdf"), _zero(tmp_path / "z.jsonld")
    zero_txt, zero_rq = _zero(tmp_path / "z.txt"), _zero(tmp_path / "z.rq")
    out = str(tmp_path / "out.ttl")
    cases = {
        "query-fifo-rdflib": ["query", "people", "--graph", str(fifo_ttl)],
        "query-fifo-oxigraph": ["query", "people", "--graph", str(fifo_ttl), "-e", "oxigraph"],
        "export-fifo": ["export", "--graph", str(fifo_ttl), "-o", out],
        "validate-fifo": ["validate", "--graph", str(fifo_ttl)],
        "build-fifo": ["build", str(fifo_txt), "-o", out],
        "query-zero-rdf": ["query", "people", "--graph", str(zero_rdf)],
        "query-zero-jsonld": ["query", "people", "--graph", str(zero_jsonld), "-e", "oxigraph"],
        "build-zero": ["build", str(zero_txt), "-o", out],
        "build-zero-max-bytes": ["build", str(zero_txt), "--max-bytes", "100", "-o", out],
        "query-file-zero": ["query", "--file", str(zero_rq)],
    }
    start = time.monotonic()
    res = kg_cases(cases, timeout=60)
    assert time.monotonic() - start < 30
    for name in cases:
        kind = "FIFO" if "fifo" in name else "character device"
        one_line(res[name], 2, kind, "not a regular file")
    assert not (tmp_path / "out.ttl").exists()


def test_a_fifo_in_a_batch_is_skipped(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    fifo = _fifo(tmp_path / "pipe.txt")
    long_name = tmp_path / ("a" * 300 + ".txt")  # unreadable: the name is too long
    out = tmp_path / "out"
    out.mkdir()
    res = kg_cases({"batch": ["build", str(tmp_path / "good.txt"), str(fifo), str(long_name),
                              "--out-dir", str(out)]}, timeout=120)["batch"]
    assert res[0] == 6, res[2]
    skipped = [line for line in res[2].splitlines() if line.startswith("kg: skipped")]
    assert len(skipped) == 2 and "FIFO" in skipped[0] and "name too long" in skipped[1]
    assert sorted(os.listdir(out)) == ["good.ttl"]


# --------------------------------------------------------------------------- 7: tracebacks

ODD_LITERALS = {
    "xml-literal": f'"<a><b>"^^<{RDF}XMLLiteral>',
    "long-integer": f'"{"9" * 5000}"^^<{XSD}integer>',
    "bad-date": f'"2020-13-45"^^<{XSD}date>',
    "deep-xml-literal": f'"{"<a>" * 5000}{"</a>" * 5000}"^^<{RDF}XMLLiteral>',
}


def test_odd_literals_print_no_traceback_anywhere(tmp_path):
    cases: dict[str, list[str]] = {}
    for name, lit in ODD_LITERALS.items():
        g = tmp_path / f"{name}.nt"
        g.write_text(f"<urn:a> <urn:p> {lit} .\n", encoding="utf-8")
        cases[f"{name}-query"] = ["query", "people", "--graph", str(g)]
        cases[f"{name}-select"] = ["sparql", "SELECT * { ?s ?p ?o }", "--graph", str(g)]
        cases[f"{name}-export"] = ["export", "--graph", str(g), "-o", str(tmp_path / "x.jsonld")]
        cases[f"{name}-validate"] = ["validate", "--graph", str(g)]
        cases[f"{name}-in-query"] = ["sparql", f"SELECT ?x {{ BIND({lit} AS ?x) }}"]
    res = kg_cases(cases, timeout=120)
    for name in cases:
        code, _out, err, exc = res[name]
        assert exc is None and "Traceback" not in err and "Failed to convert" not in err, name
        assert code == 0 and err in ("", f"wrote {tmp_path / 'x.jsonld'}\n"), (name, err)


# --------------------------------------------------------------------------- 8: exit codes


def test_bad_graphs_are_bad_input_not_internal_errors(tmp_path):
    deep = tmp_path / "deep.jsonld"
    deep.write_text('{"@id": "urn:a", "urn:p": ' + "[" * 100_000 + "]" * 100_000 + "}",
                    encoding="utf-8")
    big = tmp_path / "big.nt"
    with open(big, "w", encoding="utf-8") as fh:
        fh.write('<urn:a> <urn:p> "')
        fh.write("x" * 50_000_000)
        fh.write('" .\n')
    dup = tmp_path / "dup.jsonld"  # JSON keeps the last @context; a JSON-LD parser may not
    dup.write_text('{"@context": "http://127.0.0.1:9/ctx.jsonld", "@context": {}, '
                   '"@id": "urn:a"}', encoding="utf-8")
    res = kg_cases({
        "deep-rdflib": ["query", "people", "--graph", str(deep), "--timeout", "0"],
        "deep-oxigraph": ["query", "people", "--graph", str(deep), "-e", "oxigraph"],
        "big-rdflib": ["query", "people", "--graph", str(big)],
        "big-oxigraph": ["query", "people", "--graph", str(big), "-e", "oxigraph",
                         "--timeout", "0"],
        "dup-context": ["query", "people", "--graph", str(dup)],
    })
    for name in ("deep-rdflib", "deep-oxigraph"):
        one_line(res[name], 2, str(deep), "too deeply")
    for name in ("big-rdflib", "big-oxigraph"):
        one_line(res[name], 2, str(big), "too large")
    one_line(res["dup-context"], 3, "names another document")


class _Fixed(http.server.BaseHTTPRequestHandler):
    """A real HTTP server on loopback that answers every POST the same way."""

    status = 200
    headers_out: dict[str, str] = {}
    body = b""

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(self.status)
        for k, v in self.headers_out.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args: object) -> None:
        pass


def _serve(status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> Any:
    handler = type("Handler", (_Fixed,), {"status": status, "body": body,
                                          "headers_out": headers or {}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.mark.parametrize("body", [b"[1, 2, 3]", b'{"head": 1}', b'"x"',
                                  b'{"head": {"vars": ["x"]}, "results": {"bindings": [1]}}'])
@pytest.mark.parametrize("timeout", ["0", "10"])
def test_an_endpoint_answering_nonsense_is_bad_input(body, timeout):
    server = _serve(200, body, {"Content-Type": "application/sparql-results+json"})
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
        for query in ("SELECT ?s WHERE { ?s ?p ?o }", "ASK { ?s ?p ?o }"):
            r = runner.invoke(app, ["sparql", query, "--endpoint", url, "--timeout", timeout])
            assert r.exit_code == 2, r.output
            assert r.stderr.startswith(f"kg: error: the endpoint {url} did not answer")
            assert len(r.stderr.splitlines()) == 1
    finally:
        server.shutdown()


# --------------------------------------------------------------------------- 9: usage


@pytest.mark.parametrize("args, needle", [
    (["query", "--bogus"], "no such option: --bogus"),
    (["query", "people", "--max-rows", "-1"], "--max-rows"),
    (["query", "people", "--timeout", "abc"], "--timeout"),
    (["sparql"], "missing argument"),
    (["build", "x.txt", "--jobs", "0"], "--jobs"),
    (["build", "x.txt", "--max-bytes", "0"], "--max-bytes"),
    (["build", "x.txt", "--jobs", "100000000000000000000"], "--jobs"),
    (["build", "x.txt", "--jobs", "5000"], "less than or equal to 32"),
    (["eval", "x", "--gold", "g.json", "--jobs", "33"], "--jobs"),
    (["nonesuch"], "no such command"),
])
def test_usage_errors_are_one_line_and_exit_1(args, needle):
    r = runner.invoke(app, args)
    assert r.exit_code == 1, r.output
    assert r.stdout == "" and len(r.stderr.splitlines()) == 1, r.stderr
    assert r.stderr.startswith("kg: error: ") and needle.lower() in r.stderr.lower()
    assert "╭" not in r.stderr and "Usage:" not in r.stderr


def test_no_arguments_prints_the_help():
    r = runner.invoke(app, [])
    assert r.exit_code == 0 and "Usage:" in r.stdout and "build" in r.stdout


# --------------------------------------------------------------------------- 10: redirects


def test_an_endpoint_redirect_to_another_address_is_refused():
    with socket.socket() as trap:
        trap.bind(("127.0.0.1", 0))
        trap.listen()
        trap.settimeout(0.3)
        elsewhere = f"http://127.0.0.1:{trap.getsockname()[1]}/query"
        server = _serve(307, headers={"Location": elsewhere})
        try:
            url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
            for timeout in ("0", "10"):
                r = runner.invoke(app, ["query", "people", "--endpoint", url, "--timeout",
                                        timeout])
                assert r.exit_code == 3, r.output
                assert r.stderr == (f"kg: error: the endpoint {url} redirects to {elsewhere} "
                                    f"(HTTP 307); kg does not follow redirects: give "
                                    f"--endpoint the address that answers, if you trust it\n")
        finally:
            server.shutdown()
        with pytest.raises(socket.timeout):
            trap.accept()


# --------------------------------------------------------------------------- 11: devices


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_output_onto_a_device_writes_to_it_and_keeps_it(tmp_path):
    null = tmp_path / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # the same device as /dev/null
    r = runner.invoke(app, ["query", "people", "-o", str(null)])
    assert r.exit_code == 0, r.output
    assert stat.S_ISCHR(null.stat().st_mode) and null.stat().st_rdev == os.makedev(1, 3)
    assert sorted(os.listdir(tmp_path)) == ["null"]


def test_output_onto_a_fifo_streams_into_it(tmp_path):
    fifo = _fifo(tmp_path / "out.csv")
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    r = runner.invoke(app, ["query", "people", "-o", str(fifo), "--max-rows", "2"])
    reader.join(10)
    assert r.exit_code == 0, r.output
    assert got and got[0].splitlines()[0] == b"name"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(os.listdir(tmp_path)) == ["out.csv"]


# --------------------------------------------------------------------------- 12: --jobs


def _workers_beside_me(_: int) -> int:
    return len(psutil.Process(os.getppid()).children())


def test_pool_starts_no_more_workers_than_there_is_work():
    from kg.build import _in_pool

    before = len(psutil.Process().children())  # a test server may be running
    seen = [n - before for n in _in_pool(_workers_beside_me, [0, 1], 16)]
    assert 1 <= min(seen) and max(seen) <= 2, seen


# --------------------------------------------------------------------------- 13: scaling


def test_span_lookups_agree_with_a_plain_scan():
    import random

    from kg.intervals import SpanIndex, SpanSet, Taken

    rng = random.Random(7)
    spans = [(s, s + rng.randint(1, 30)) for s in (rng.randint(0, 500) for _ in range(80))]
    people, taken = SpanIndex(spans), Taken()
    for sp in spans:
        taken.append(sp)
    found: list[tuple[int, int]] = []
    orgs = SpanSet()
    for _ in range(400):
        s = rng.randint(0, 520)
        e = s + rng.randint(1, 40)
        plain = any(s < pe and ps < e for ps, pe in spans)
        assert people.overlaps(s, e) == plain == taken.overlaps(s, e)
        starts = [ps for ps, _ in spans if ps >= e]
        assert people.next_start(e) == (min(starts) if starts else None)
        # kg_orgs' rule: a span inside a member is dropped, members inside it are removed
        outer = [f for f in found if f[0] <= s and e <= f[1]]
        assert orgs.container_of(s, e) == (outer[0] if outer else None)
        assert orgs.covers(s) == any(fs <= s < fe for fs, fe in found)
        if not outer:
            inner = sorted(f for f in found if s <= f[0] and f[1] <= e)
            assert orgs.inside(s, e) == inner
            for f in inner:
                found.remove(f)
                orgs.remove(f)
            found.append((s, e))
            orgs.add((s, e))


def test_an_endless_sentence_is_cut_before_the_parser():
    from kg.pipeline import MAX_SENTENCE_TOKENS, load_pipeline
    from kg.reader import read_text

    nlp = load_pipeline()
    text = "Ada Lovelace\n\nAda Lovelace was " + " ".join(["and the mathematician"] * 400)
    doc = nlp.make_doc(text)
    doc._.kg_article = read_text(text, name="x")
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "parser":
            break
    assert max(len(s) for s in doc.sents) <= MAX_SENTENCE_TOKENS


# --------------------------------------------------------------------------- 14: two files


def test_a_failed_two_file_csv_write_keeps_both_old_files(tmp_path, monkeypatch):
    from kg import rdf

    net, nodes = tmp_path / "net.csv", tmp_path / "net.nodes.csv"
    net.write_bytes(b"old edges\n")
    nodes.write_bytes(b"old nodes\n")
    real_fsync, calls = os.fsync, []

    def fail_second(fd: int) -> None:
        real_fsync(fd)
        calls.append(fd)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(rdf.os, "fsync", fail_second)
    r = runner.invoke(app, ["network", "-o", str(net)])
    assert r.exit_code == 2 and "No space left on device" in r.stderr
    assert net.read_bytes() == b"old edges\n" and nodes.read_bytes() == b"old nodes\n"
    assert sorted(os.listdir(tmp_path)) == ["net.csv", "net.nodes.csv"]
    monkeypatch.setattr(rdf.os, "fsync", real_fsync)
    r = runner.invoke(app, ["network", "-o", str(net)])
    assert r.exit_code == 0
    assert net.read_bytes().startswith(b"source,") and nodes.read_bytes().startswith(b"id,")


# --------------------------------------------------------------------------- 15: IRIs


def test_a_bad_iri_parameter_is_one_line():
    res = kg_cases({"lt": ["query", "coauthors", "-p", "person=http://a<b>"],
                    "brace": ["query", "coauthors", "-p", "person=http://a{b", "-e",
                              "oxigraph"]})
    one_line(res["lt"], 1, "'http://a<b>' is not an IRI")
    one_line(res["brace"], 1, "'http://a{b' is not an IRI")


# --------------------------------------------------------------------------- decisions


def test_output_through_a_symlink_replaces_the_target_and_keeps_the_link(tmp_path):
    target = tmp_path / "real.csv"
    target.write_bytes(b"old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(target.name)
    r = runner.invoke(app, ["query", "people", "-o", str(link)])
    assert r.exit_code == 0, r.output
    assert link.is_symlink() and os.readlink(link) == "real.csv"
    assert target.read_bytes().startswith(b"name\r\n")
    assert sorted(os.listdir(tmp_path)) == ["link.csv", "real.csv"]


def test_output_onto_the_article_itself_is_refused(tmp_path):
    art = tmp_path / "ada.ttl"  # `kg build ada.ttl` would write ada.ttl
    art.write_text(GOOD, encoding="utf-8")
    for args in (["build", str(art)], ["build", str(art), "-o", str(art)],
                 ["build", str(art), "--merge", str(art)],
                 ["build", str(art), "--out-dir", str(tmp_path)]):
        r = runner.invoke(app, args)
        assert r.exit_code == 1, (args, r.output)
        assert r.stderr.startswith("kg: error: ") and "is the article" in r.stderr
        assert art.read_text(encoding="utf-8") == GOOD
    assert os.listdir(tmp_path) == ["ada.ttl"]


def test_sigterm_mid_write_keeps_the_old_file_and_removes_the_temporary(tmp_path):
    out = tmp_path / "big.bin"
    out.write_bytes(b"old\n")
    code = ("import signal, sys; from kg.cli import _on_sigterm; from kg.rdf import write_atomic;"
            " signal.signal(signal.SIGTERM, _on_sigterm);"
            " write_atomic(sys.argv[1], b'x' * (300 * 1024 * 1024))")
    proc = subprocess.Popen([sys.executable, "-c", code, str(out)], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while not any(p.name.endswith(".tmp") and p.stat().st_size > 0 for p in tmp_path.iterdir()):
        assert time.monotonic() < deadline and proc.poll() is None
        time.sleep(0.005)
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=30)
    assert out.read_bytes() == b"old\n"
    assert sorted(os.listdir(tmp_path)) == ["big.bin"]
