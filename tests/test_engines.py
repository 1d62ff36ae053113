"""Every saved query gives the same answer on rdflib, pyoxigraph and a live SPARQL endpoint.

The endpoint is a real server: the ``oxigraph`` command (a dev dependency) serving
``data/radford.ttl`` read-only on a loopback port picked for the test.
"""

from __future__ import annotations

import socket

import pytest
from conftest import SEED_TTL, free_port
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from kg.cli import app
from kg.engines import EndpointEngine, OxigraphEngine, RdflibEngine
from kg.errors import EndpointError, QueryError
from kg.queries import SavedQuery, list_queries, run_query

runner = CliRunner()

# values for the parameters that have no default, so that every query returns rows
PARAMS = {
    "common-coauthors": {"other": "Ilya Sutskever"},
    "papers-together": {"other": "Ilya Sutskever"},
    "have-coauthored": {"other": "Luke Metz"},
    "paper-authors": {"paper": "CLIP"},
}
# more bindings worth comparing: other people, an optional parameter, a typed one
EXTRA = [
    ("coauthors", {"person": "Mark Chen"}),
    ("timeline", {"person": "Luke Metz"}),
    ("organization-people", {"organization": "OpenAI"}),
    ("papers-in-year", {"year": "2021"}),
    ("have-coauthored", {"other": "Yann LeCun"}),
    ("author-positions", {"person": "Ilya Sutskever"}),
    ("evidence", {"person": "Madison May"}),
    ("person-card", {"person": "Slater Victoroff"}),
]
CASES = [(q.name, PARAMS.get(q.name, {})) for q in list_queries()] + EXTRA


def _same(a, b):
    assert a.form == b.form
    if a.graph is not None:
        assert isomorphic(a.graph, b.graph)
        assert len(a.graph) > 0
        return
    assert a.boolean == b.boolean
    assert a.columns == b.columns
    assert a.terms == b.terms


@pytest.fixture(scope="module")
def engines(seed_graph):
    return RdflibEngine(seed_graph), OxigraphEngine.from_path(SEED_TTL)


@pytest.mark.parametrize("name, params", CASES, ids=[f"{n}-{i}" for i, (n, _) in
                                                      enumerate(CASES)])
def test_rdflib_and_oxigraph_give_the_same_answer(engines, name, params):
    rd, ox = engines
    a, b = run_query(name, rd, params), run_query(name, ox, params)
    _same(a, b)
    assert a.form != "SELECT" or a.terms, "compare queries that return rows"


@pytest.mark.parametrize("name, params", CASES, ids=[f"{n}-{i}" for i, (n, _) in
                                                      enumerate(CASES)])
def test_a_live_endpoint_gives_the_same_answer(engines, endpoint, name, params):
    a = run_query(name, engines[0], params)
    b = run_query(name, EndpointEngine(endpoint), params)
    _same(a, b)


def test_cli_runs_a_saved_query_on_the_endpoint(endpoint):
    r = runner.invoke(app, ["query", "first-author-collaborators", "--endpoint", endpoint,
                            "-f", "csv"])
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[:3] == ["coauthor,first_author_papers",
                                         "Ilya Sutskever,5", "Jong Wook Kim,2"]
    r = runner.invoke(app, ["query", "have-coauthored", "--endpoint", endpoint,
                            "-p", "other=Yann LeCun"])
    assert (r.exit_code, r.stdout) == (1, "false\n")


def test_hostile_values_change_nothing_on_the_endpoint(endpoint):
    with socket.socket() as trap:  # a SERVICE call would have to connect here
        trap.bind(("127.0.0.1", 0))
        trap.listen()
        trap.settimeout(0.5)
        port = trap.getsockname()[1]
        q = SavedQuery.parse("name-is", "SELECT ?n WHERE { ?p <https://schema.org/name> ?n "
                             "FILTER(?n = ?_name_string) }")
        assert run_query(q, EndpointEngine(endpoint), {"name": "Luke Metz"}).rows == [
            ["Luke Metz"]]
        for value in ('x" } ?s ?p ?o #', f"a> }} SERVICE <http://127.0.0.1:{port}/> {{"):
            assert run_query(q, EndpointEngine(endpoint), {"name": value}).rows == []
            with pytest.raises(QueryError, match="no person, organisation or paper named"):
                run_query("coauthors", EndpointEngine(endpoint), {"person": value})
        with pytest.raises(socket.timeout):
            trap.accept()


def test_a_value_bound_past_a_lexer_trap_stays_a_value_on_every_engine(engines, endpoint):
    # an escaped '#' in a prefixed name, then a '{' inside a long string: the value must
    # land in the real WHERE group, where three quotes in it are only text (issue 17)
    with socket.socket() as trap:
        trap.bind(("127.0.0.1", 0))
        trap.listen()
        trap.settimeout(0.5)
        port = trap.getsockname()[1]
        q = SavedQuery.parse("trap", "PREFIX ex: <http://e/>\nSELECT ?n (ex:a\\#b AS ?z) "
                             "WHERE { ?p <https://schema.org/name> ?n FILTER(?n != '''\n{''')"
                             " FILTER(?n = ?_v_string) }")
        value = f"''') SERVICE <http://127.0.0.1:{port}/x> {{ ?a ?b ?c }} }} #"
        for engine in (*engines, EndpointEngine(endpoint)):
            rows = run_query(q, engine, {"v": "Luke Metz"}).rows
            assert [r[0] for r in rows] == ["Luke Metz"], engine.name
            assert run_query(q, engine, {"v": value}).rows == [], engine.name
        with pytest.raises(socket.timeout):
            trap.accept()


def test_binding_is_checked_again_after_the_values_are_placed(monkeypatch):
    # should the placing ever go wrong (here: inside a string, then after it), the
    # re-parse of the bound text refuses it rather than send it
    from rdflib import Literal

    import kg.sparql

    q = kg.sparql.parse_sparql("SELECT ?n WHERE { ?p <https://schema.org/name> ?n "
                               "FILTER(?n != '{') FILTER(?n = ?v) }")
    for wrong in (q.text.index("'{") + 1, q.text.index("FILTER(?n = ") - 1):
        monkeypatch.setattr(kg.sparql, "_where_brace", lambda t, form, at=wrong: at)
        with pytest.raises(QueryError, match="cannot bind parameters"):
            kg.sparql.bind(q, {"v": Literal("x")})


def test_unreachable_endpoint_is_a_clear_error():
    port = free_port()  # nothing listens there
    with pytest.raises(EndpointError, match="cannot reach the SPARQL endpoint"):
        run_query("people", EndpointEngine(f"http://127.0.0.1:{port}/query", timeout=5))
    r = runner.invoke(app, ["query", "people", "--endpoint", f"http://127.0.0.1:{port}/q"])
    assert r.exit_code == 2 and r.stderr.startswith("kg: error: cannot reach")
    r = runner.invoke(app, ["query", "people", "--endpoint", "ftp://example.org/sparql"])
    assert r.exit_code == 2 and "not an http(s) URL" in r.stderr


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_service_runs_only_when_its_endpoint_is_allowed(endpoint, engine):
    q = (f"SELECT (COUNT(?n) AS ?people) WHERE {{ SERVICE <{endpoint}> {{ "
         f"?p a <https://schema.org/Person> ; <https://schema.org/name> ?n }} }}")
    r = runner.invoke(app, ["sparql", q, "-e", engine, "-f", "csv"])
    assert r.exit_code == 3 and f"--allow-service {endpoint}" in r.stderr
    r = runner.invoke(app, ["sparql", q, "-e", engine, "-f", "csv", "--allow-service", endpoint])
    assert r.exit_code == 0 and r.stdout.splitlines() == ["people", "47"]
