"""Queries and graph files that must not do harm, and writes that must not lose a file.

The network and file-system checks run kg in a child Python with an audit hook (PEP 578)
that records every socket connection and every file opened, next to a listening socket on
loopback that counts the connections it gets.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from conftest import SEED_TTL
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()

AUDIT = textwrap.dedent('''
    import json, os, socket, sys, threading
    from kg.cli import app

    trap = socket.socket()
    trap.bind(("127.0.0.1", 0))
    trap.listen(8)
    port = trap.getsockname()[1]
    accepted = []

    def serve():
        while True:
            try:
                conn, _ = trap.accept()
            except OSError:
                return
            accepted.append(1)
            conn.close()

    threading.Thread(target=serve, daemon=True).start()

    def kg(*args):
        try:
            return app([a.replace("PORT", str(port)) for a in args], standalone_mode=False) or 0
        except SystemExit as exc:
            return exc.code or 0
        except Exception as exc:  # a KGError escaping: not expected
            return repr(exc)

    graphs = sys.argv[1:]
    for engine in ("rdflib", "oxigraph"):  # warm up: imports open files, not what we test
        kg("query", "people", "--graph", graphs[0], "-e", engine, "--timeout", "0")
        kg("query", "--file", graphs[1], "-p", "v=x", "--graph", graphs[0], "-e", engine,
           "--timeout", "0")
    events = []

    def hook(event, args):
        if event == "socket.connect":
            events.append(["connect", str(args[1])])
        elif event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
            events.append(["open", os.fsdecode(args[0])])
        elif event == "urllib.Request":
            events.append(["url", str(args[0])])

    sys.addaudithook(hook)
    codes = {}
    cases = json.loads(os.environ["KG_CASES"])
    for name, args in cases.items():
        codes[name] = kg(*args)
    trap.close()
    print(json.dumps({"codes": codes, "events": events, "accepted": len(accepted)}))
''')

HOSTILE = ['x" } ?s ?p ?o #', "a> } SERVICE <http://127.0.0.1:PORT/> {",
           "http://127.0.0.1:PORT/x", "file:///etc/passwd"]


# A prefixed name with an escaped '#' (a comment start to a naive lexer) before a '{'
# inside a long string: a value bound there lands inside the string, and a value with
# three quotes closes it (issue 17, item 1).
TRAP_QUERY = ("PREFIX ex: <http://e/>\nSELECT ?o (ex:a\\#b AS ?z) WHERE { ?s ?p ?o "
              "FILTER(?o != '''\n{''') FILTER(?o != ?_v_string) }\n")
TRAP_VALUE = "''') SERVICE <http://127.0.0.1:PORT/x> { ?a ?b ?c } } #"


def _cases(graph: str, jsonld: str, rdfxml: str, trap: str,
           trap_default: str) -> dict[str, list[str]]:
    cases: dict[str, list[str]] = {}
    for engine in ("rdflib", "oxigraph"):
        common = ["--graph", graph, "-e", engine, "--timeout", "0", "-f", "csv"]
        cases[f"service-{engine}"] = [
            "sparql", "SELECT * { SERVICE <http://127.0.0.1:PORT/sparql> { ?s ?p ?o } }"] + common
        cases[f"service-prefixed-{engine}"] = [
            "sparql", "PREFIX e: <http://127.0.0.1:PORT/> SELECT * { SERVICE SILENT e:q "
            "{ ?s ?p ?o } }"] + common
        cases[f"service-escaped-{engine}"] = [  # SPARQL expands \u escapes before parsing
            "sparql", "SELECT * { \\u0053ERVICE <http://127.0.0.1:PORT/q> { ?s ?p ?o } }"] + common
        # a comment ended by a carriage return; a prefixed name with an escaped quote
        cases[f"service-cr-{engine}"] = [
            "sparql", "SELECT * { #x\rSERVICE <http://127.0.0.1:PORT/q> { ?s ?p ?o }\n}"] + common
        cases[f"service-pname-escape-{engine}"] = [
            "sparql", "PREFIX ex: <http://e/> SELECT * { { ?x ?y ex:a\\' } UNION { SERVICE "
            "<http://127.0.0.1:PORT/q> { ?s ?p ?o } } FILTER(?x != \"'\") }"] + common
        cases[f"from-web-{engine}"] = [
            "sparql", "SELECT * FROM <http://127.0.0.1:PORT/g.ttl> { ?s ?p ?o }"] + common
        cases[f"from-file-{engine}"] = [
            "sparql", "SELECT * FROM NAMED <file:///etc/passwd> { GRAPH ?g { ?s ?p ?o } }"
        ] + common
        cases[f"load-{engine}"] = ["sparql", "LOAD <http://127.0.0.1:PORT/g.ttl>"] + common
        cases[f"inject-param-{engine}"] = ["query", "--file", trap, "-p",
                                           f"v={TRAP_VALUE}"] + common
        cases[f"inject-default-{engine}"] = ["query", "--file", trap_default] + common
        for i, value in enumerate(HOSTILE):
            cases[f"param{i}-{engine}"] = ["query", "coauthors", "-p", f"person={value}"] + common
    cases["jsonld-remote-context"] = ["query", "people", "--graph", jsonld, "--timeout", "0"]
    cases["rdfxml-external-entity"] = ["query", "people", "--graph", rdfxml, "--timeout", "0"]
    return cases


def test_hostile_queries_reach_no_server_and_open_no_other_file(tmp_path):
    graph = tmp_path / "g.ttl"
    graph.write_bytes(SEED_TTL.read_bytes())
    jsonld = tmp_path / "remote.jsonld"
    jsonld.write_text(json.dumps({"@context": "http://127.0.0.1:PORT/context.jsonld",
                                  "@id": "http://example.org/a", "name": "A"}),
                      encoding="utf-8")
    rdfxml = tmp_path / "entity.rdf"
    rdfxml.write_text('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM '
                      '"file:///etc/passwd">]>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/'
                      '02/22-rdf-syntax-ns#" xmlns:s="https://schema.org/"><rdf:Description '
                      'rdf:about="http://example.org/a"><s:name>&x;</s:name></rdf:Description>'
                      '</rdf:RDF>\n', encoding="utf-8")
    trap = tmp_path / "trap.rq"
    trap.write_text(TRAP_QUERY, encoding="utf-8")
    trap_default = tmp_path / "trap-default.rq"
    trap_default.write_text(f'#+ defaults:\n#+   - v: "{TRAP_VALUE}"\n' + TRAP_QUERY,
                            encoding="utf-8")
    cases = _cases(str(graph), str(jsonld), str(rdfxml), str(trap), str(trap_default))
    env = dict(os.environ, KG_CASES=json.dumps(cases))
    out = subprocess.run([sys.executable, "-c", AUDIT, str(graph), str(trap)],
                         capture_output=True,
                         text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout.strip().splitlines()[-1])
    codes = report["codes"]
    for engine in ("rdflib", "oxigraph"):
        for kind in ("service", "service-prefixed", "service-escaped", "service-cr",
                     "service-pname-escape", "from-web", "from-file", "load"):
            assert codes[f"{kind}-{engine}"] == 3, (kind, engine, codes)
        for kind in ("inject-param", "inject-default"):  # the value is only a value
            assert codes[f"{kind}-{engine}"] == 0, (kind, engine, codes)
        for i in range(len(HOSTILE)):  # no rows, or a clear error: never a crash
            assert codes[f"param{i}-{engine}"] in (0, 1), (i, engine, codes)
    assert codes["jsonld-remote-context"] == 3
    assert codes["rdfxml-external-entity"] == 3
    assert report["accepted"] == 0
    assert [e for e in report["events"] if e[0] in ("connect", "url")] == []
    named = {str(graph), str(jsonld), str(rdfxml), str(trap), str(trap_default)}
    opened = {e[1] for e in report["events"] if e[0] == "open"}
    assert opened <= named, sorted(opened - named)


def test_hostile_parameter_values_return_no_rows(tmp_path):
    q = ("SELECT ?n WHERE { ?p <https://schema.org/name> ?n FILTER(?n = ?_name_string) }")
    for engine in ("rdflib", "oxigraph"):
        for value in HOSTILE[:2]:
            # as text they match nothing; as a name they name nobody: a clear error
            r = runner.invoke(app, ["sparql", q, "-p", f"name={value}", "-e", engine, "-f",
                                    "csv"])
            assert r.exit_code == 0 and r.stdout.splitlines() == ["n"]
            r = runner.invoke(app, ["query", "coauthors", "-p", f"person={value}", "-e", engine])
            assert r.exit_code == 1 and r.stdout == ""
            assert r.stderr.startswith("kg: error: no person, organisation or paper named")


def _cross_product_graph(path: Path, n: int = 3000) -> None:
    path.write_text("".join(f"<urn:s{i}> <urn:p> <urn:o{i % 7}> .\n" for i in range(n)),
                    encoding="utf-8")


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_a_runaway_query_stops_at_the_time_limit(tmp_path, engine):
    big = tmp_path / "big.nt"
    _cross_product_graph(big)
    query = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    start = time.monotonic()
    r = subprocess.run([sys.executable, "-m", "kg.cli", "sparql", query, "--graph", str(big),
                        "-e", engine, "--timeout", "2"], capture_output=True, text=True,
                       timeout=60)
    elapsed = time.monotonic() - start
    assert r.returncode == 4
    assert r.stderr == ("kg: error: the query did not finish within 2 s; raise --timeout, or "
                        "ask for less (LIMIT, a narrower pattern)\n")
    assert elapsed < 2 + 2


def test_a_row_cap_says_the_result_is_truncated(tmp_path):
    r = runner.invoke(app, ["query", "people", "--max-rows", "3", "-f", "csv"])
    assert r.exit_code == 0
    assert r.stdout.splitlines() == ["name", "Aditya Ramesh", "Alec Radford", "Amanda Askell"]
    assert r.stderr == ("kg: warning: the result is truncated to its first 3 rows; raise "
                        "--max-rows to see more\n")
    r = runner.invoke(app, ["query", "people", "--max-rows", "2", "-f", "table"])
    assert r.stdout.splitlines()[-1] == "(2 rows, truncated)"
    r = runner.invoke(app, ["query", "people", "--max-rows", "47", "-f", "csv"])
    assert r.stderr == "" and len(r.stdout.splitlines()) == 48


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  xmlns:s="https://schema.org/"><rdf:Description rdf:about="http://example.org/a">
  <s:name>&lol9;</s:name></rdf:Description></rdf:RDF>
"""


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_billion_laughs_is_refused_at_once(tmp_path, engine):
    bomb = tmp_path / "bomb.rdf"
    bomb.write_text(BILLION_LAUGHS, encoding="utf-8")
    assert bomb.stat().st_size < 1024
    start = time.monotonic()
    r = runner.invoke(app, ["query", "people", "--graph", str(bomb), "-e", engine])
    assert time.monotonic() - start < 1
    assert r.exit_code == 3
    assert r.stderr == (f"kg: error: {bomb}: refusing XML with a DTD or entity declarations "
                        f"(kg never expands them); remove the <!DOCTYPE ...>\n")


def test_plain_rdfxml_and_inline_jsonld_still_load(tmp_path):
    xml = tmp_path / "ok.rdf"
    xml.write_text('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-'
                   'rdf-syntax-ns#" xmlns:s="https://schema.org/"><s:Person rdf:about='
                   '"http://example.org/a"><s:name>Ada Lovelace</s:name></s:Person></rdf:RDF>',
                   encoding="utf-8")
    jsonld = tmp_path / "ok.jsonld"
    jsonld.write_text(json.dumps({"@context": {"s": "https://schema.org/"},
                                  "@id": "http://example.org/b", "@type": "s:Person",
                                  "s:name": "Grace Hopper"}), encoding="utf-8")
    for path, name in ((xml, "Ada Lovelace"), (jsonld, "Grace Hopper")):
        r = runner.invoke(app, ["query", "people", "--graph", str(path), "-f", "csv"])
        assert (r.exit_code, r.stdout.splitlines()) == (0, ["name", name])


# --- writes --------------------------------------------------------------------------


def test_a_failure_mid_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    from kg import rdf

    out = tmp_path / "out.csv"
    out.write_bytes(b"old contents\n")
    real_fsync = os.fsync

    def fail(fd):  # the bytes are written; the disk sync fails
        real_fsync(fd)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(rdf.os, "fsync", fail)
    r = runner.invoke(app, ["query", "people", "-o", str(out)])
    assert r.exit_code == 2 and "No space left on device" in r.stderr
    assert out.read_bytes() == b"old contents\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]


def test_a_serializer_failure_keeps_the_old_graph(tmp_path, monkeypatch):
    from rdflib import Graph

    out = tmp_path / "card.ttl"
    out.write_bytes(b"# old\n")

    def broken(self, *a, **k):
        raise RuntimeError("serializer broke")

    monkeypatch.setattr(Graph, "serialize", broken)
    r = runner.invoke(app, ["query", "person-card", "-o", str(out)])
    assert r.exit_code != 0 and "Traceback" not in r.output
    assert len(r.stderr.splitlines()) == 1 and r.stderr.startswith("kg: error:")
    assert out.read_bytes() == b"# old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["card.ttl"]


def test_kill_9_mid_write_keeps_the_old_file(tmp_path):
    out = tmp_path / "big.bin"
    out.write_bytes(b"old\n")
    code = ("import sys; from kg.rdf import write_atomic; "
            "write_atomic(sys.argv[1], b'x' * (300 * 1024 * 1024))")
    proc = subprocess.Popen([sys.executable, "-c", code, str(out)])
    deadline = time.monotonic() + 30
    while not any(p.name.endswith(".tmp") and p.stat().st_size > 0 for p in tmp_path.iterdir()):
        assert time.monotonic() < deadline and proc.poll() is None
        time.sleep(0.005)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert out.read_bytes() == b"old\n"


def test_replacing_a_file_keeps_its_permissions(tmp_path):
    out = tmp_path / "people.csv"
    out.write_bytes(b"old\n")
    out.chmod(0o640)
    r = runner.invoke(app, ["query", "people", "-o", str(out)])
    assert r.exit_code == 0
    assert out.stat().st_mode & 0o777 == 0o640
    fresh = tmp_path / "fresh.csv"
    runner.invoke(app, ["query", "people", "-o", str(fresh)])
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    # a read-only file is not replaced (README: writes), even by root
    out.chmod(0o444)
    before = out.read_bytes()
    r = runner.invoke(app, ["query", "people", "-o", str(out)])
    assert r.exit_code == 2
    assert r.stderr == (f"kg: error: {out} is read-only; kg does not replace a read-only "
                        f"file (make it writable first: chmod u+w {out})\n")
    assert out.read_bytes() == before and sorted(os.listdir(tmp_path)) == ["fresh.csv",
                                                                          "people.csv"]


def test_two_builds_writing_one_file_at_once_leave_one_valid_graph(tmp_path):
    import pyoxigraph

    article = tmp_path / "a.txt"
    article.write_text("Ada Lovelace\n\nAda Lovelace is a mathematician. She worked at the "
                       "Analytical Engine Company from 1840 to 1850.\n", encoding="utf-8")
    out = tmp_path / "a.ttl"
    cmd = [sys.executable, "-m", "kg.cli", "build", str(article), "-o", str(out)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
             for _ in range(2)]
    for p in procs:
        p.wait(timeout=120)
        assert p.returncode == 0
    triples = list(pyoxigraph.parse(path=str(out), format=pyoxigraph.RdfFormat.TURTLE))
    assert triples
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ttl", "a.txt"]
    r = runner.invoke(app, ["query", "people", "--graph", str(out), "-f", "csv"])
    assert r.stdout.splitlines() == ["name", "Ada Lovelace"]
