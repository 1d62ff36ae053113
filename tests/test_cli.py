"""The CLI through typer's CliRunner: answers, errors, exit codes, safe writes."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from conftest import ROOT, SEED
from typer.testing import CliRunner

from kg.cli import app

runner = CliRunner()


def test_query_csv_is_sparql_results_csv():
    r = runner.invoke(app, ["query", "first-author-papers-by-year", "--format", "csv"])
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0] == "year,title"
    assert lines[1] == "2015,Unsupervised Representation Learning with Deep Convolutional " \
                       "Generative Adversarial Networks"
    assert len(lines) == 7


def test_query_json_is_sparql_results_json():
    import json

    r = runner.invoke(app, ["query", "people", "--format", "json"])
    data = json.loads(r.stdout)
    assert data["head"]["vars"] == ["name"]
    assert len(data["results"]["bindings"]) == 47


def test_queries_lists_every_saved_query_with_summary_and_parameters():
    from kg.queries import list_queries

    r = runner.invoke(app, ["queries"])
    assert r.exit_code == 0
    out = r.stdout
    for q in list_queries():
        assert re.search(rf"^{re.escape(q.name)}\s+{re.escape(q.summary)}$", out, re.M), q.name
    assert re.search(r"^coauthors\s+A person's co-authors.*\n\s+parameters: person=@subject$",
                     out, re.M)
    assert re.search(r"^papers-in-year\s.*\n\s+parameters: year:integer=2020$", out, re.M)
    assert re.search(r"^organization-people\s.*\n\s+parameters: organization \(optional\)$",
                     out, re.M)
    assert re.search(r"^common-coauthors\s.*\n\s+parameters: person=@subject, other$", out,
                     re.M)


def test_queries_show_prints_the_saved_query():
    r = runner.invoke(app, ["queries", "show", "coauthors"])
    assert r.exit_code == 0
    assert r.stdout == (ROOT / "queries" / "coauthors.rq").read_text(encoding="utf-8")
    r = runner.invoke(app, ["queries", "show", "coauthor"])
    assert r.exit_code == 1 and "did you mean coauthors" in r.stderr


def test_query_param_takes_a_name():
    r = runner.invoke(app, ["query", "coauthors", "--param", "person=Ilya Sutskever", "-f", "csv"])
    assert r.exit_code == 0
    assert r.stdout.splitlines()[:3] == ["coauthor,shared_papers", "Alec Radford,8",
                                         "Jong Wook Kim,3"]
    r = runner.invoke(app, ["query", "coauthors", "-p", "person=Ilya Sutskevr"])
    assert r.exit_code == 1
    assert r.stderr == ("kg: error: no person, organisation or paper named 'Ilya Sutskevr' in "
                        "the graph; close matches: 'Ilya Sutskever', 'Sutskever'\n")


def test_query_formats_tsv_markdown_and_table():
    r = runner.invoke(app, ["query", "papers-per-venue", "-f", "tsv"])
    assert r.stdout.splitlines()[:2] == ["?venue\t?papers", '"arXiv"\t5']
    r = runner.invoke(app, ["query", "papers-per-venue", "-f", "markdown"])
    assert r.stdout.splitlines()[:3] == ["| venue | papers |", "| --- | --- |", "| arXiv | 5 |"]
    r = runner.invoke(app, ["query", "papers-per-venue", "-f", "table"])
    assert r.stdout.splitlines() == [
        "venue                    papers", "-----------------------  ------",
        "arXiv                    5", "ICML                     2", "OpenAI technical report  2",
        "NeurIPS                  1", "(4 rows)"]
    r = runner.invoke(app, ["query", "papers-per-venue", "-f", "yaml"])
    assert r.exit_code == 1 and "unknown format 'yaml'" in r.stderr


def test_ask_prints_true_or_false_and_sets_the_exit_code():
    r = runner.invoke(app, ["query", "have-coauthored", "-p", "other=Luke Metz"])
    assert (r.exit_code, r.stdout) == (0, "true\n")
    r = runner.invoke(app, ["query", "have-coauthored", "-p", "other=Yann LeCun"])
    assert (r.exit_code, r.stdout) == (1, "false\n")
    r = runner.invoke(app, ["sparql", "ASK { ?p a <https://schema.org/Person> }", "-f", "json"])
    assert r.exit_code == 0 and json.loads(r.stdout) == {"head": {}, "boolean": True}


def test_construct_prints_turtle_or_ntriples():
    r = runner.invoke(app, ["query", "person-card", "-p", "person=Luke Metz"])
    assert r.exit_code == 0
    assert r.stdout.startswith("@prefix schema: <https://schema.org/> .")
    assert '<https://w3id.org/kg/resource/person/luke-metz> a schema:Person ;' in r.stdout
    r = runner.invoke(app, ["query", "person-card", "-p", "person=Luke Metz", "-f", "nt"])
    lines = r.stdout.splitlines()
    assert len(lines) == 6 and lines == sorted(lines)
    assert ('<https://w3id.org/kg/resource/person/luke-metz> <https://schema.org/name> '
            '"Luke Metz" .') in lines
    r = runner.invoke(app, ["query", "person-card", "-p", "person=Luke Metz", "-f", "jsonld"])
    assert any(n.get("@id") == "https://w3id.org/kg/resource/person/luke-metz"
               for n in json.loads(r.stdout))


def test_sparql_runs_an_ad_hoc_query_with_parameters():
    q = ("PREFIX s: <https://schema.org/> SELECT ?name WHERE { ?p s:author ?_who , ?a . "
         "?a s:name ?name FILTER(?a != ?_who) } ORDER BY ?name")
    r = runner.invoke(app, ["sparql", q, "-p", "who=Luke Metz", "-f", "csv"])
    assert r.exit_code == 0
    assert r.stdout.splitlines() == ["name", "Alec Radford", "Soumith Chintala"]
    r = runner.invoke(app, ["sparql", "-", "-f", "csv"], input="SELECT (1 AS ?one) {}")
    assert r.stdout.splitlines() == ["one", "1"]
    r = runner.invoke(app, ["sparql", "SELECT ?x WHERE { ?x ?y }"])
    assert r.exit_code == 1 and r.stderr.startswith("kg: error: not a valid SPARQL query:")


def test_query_file_and_output_file(tmp_path):
    rq = tmp_path / "mine.rq"
    rq.write_text("#+ summary: Papers in a venue.\n#+ defaults:\n#+   - venue: arXiv\n"
                  "PREFIX kg: <https://w3id.org/kg/ontology#>\n"
                  "SELECT (COUNT(?p) AS ?n) WHERE { ?p kg:venue ?_venue_string }\n",
                  encoding="utf-8")
    r = runner.invoke(app, ["query", "--file", str(rq), "-f", "csv"])
    assert r.exit_code == 0 and r.stdout.splitlines() == ["n", "5"]
    r = runner.invoke(app, ["query", "--file", str(rq), "-p", "venue=NeurIPS", "-f", "csv"])
    assert r.stdout.splitlines() == ["n", "1"]
    out = tmp_path / "venues.json"
    out.write_text("old", encoding="utf-8")
    r = runner.invoke(app, ["query", "papers-per-venue", "-o", str(out)])
    assert r.exit_code == 0 and r.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["head"]["vars"] == ["venue", "papers"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.rq", "venues.json"]
    r = runner.invoke(app, ["query", "people", "--file", str(rq)])
    assert r.exit_code == 1 and "one of them" in r.stderr


def test_updates_are_refused_with_exit_code_3(tmp_path):
    graph = tmp_path / "g.ttl"
    graph.write_bytes((ROOT / "data" / "radford.ttl").read_bytes())
    for q in ("DELETE WHERE { ?s ?p ?o }", "CLEAR DEFAULT", "LOAD <file:///etc/passwd>"):
        r = runner.invoke(app, ["sparql", q, "--graph", str(graph)])
        assert r.exit_code == 3 and "read-only" in r.stderr, q
    bad = tmp_path / "drop.rq"
    bad.write_text("DROP ALL", encoding="utf-8")
    r = runner.invoke(app, ["query", "--file", str(bad), "--graph", str(graph)])
    assert r.exit_code == 3
    assert graph.read_bytes() == (ROOT / "data" / "radford.ttl").read_bytes()


def test_oxigraph_engine_on_the_cli():
    r = runner.invoke(app, ["query", "first-author-papers-by-year", "-e", "oxigraph", "-f",
                            "csv"])
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == 7
    r = runner.invoke(app, ["query", "people", "-e", "jena"])
    assert r.exit_code == 1 and "unknown engine 'jena'" in r.stderr


def test_validate_passes_on_the_bundled_graph():
    r = runner.invoke(app, ["validate"])
    assert r.exit_code == 0 and "conforms" in r.stdout


@pytest.mark.parametrize(
    "content, code, message",
    [
        (None, 2, "no such file"),
        (b"", 2, "is empty"),
        (b"\x00\x01binary\x00", 2, "looks binary"),
    ],
)
def test_bad_articles_give_one_line_errors_and_keep_the_old_output(
    tmp_path, content, code, message
):
    src = tmp_path / "a.txt"
    if content is not None:
        src.write_bytes(content)
    out = tmp_path / "out.ttl"
    out.write_text("old graph\n")
    r = runner.invoke(app, ["build", str(src), "-o", str(out)])
    assert r.exit_code == code
    assert message in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert "Traceback" not in r.output
    assert out.read_text() == "old graph\n"


def test_directory_and_utf16_articles(tmp_path):
    r = runner.invoke(app, ["build", str(tmp_path), "-o", str(tmp_path / "x.ttl")])
    assert r.exit_code == 1 and "--out-dir or --merge" in r.stderr
    r = runner.invoke(app, ["build", str(tmp_path), "--merge", str(tmp_path / "x.ttl")])
    assert r.exit_code == 2 and "no article files" in r.stderr
    art = tmp_path / "zoe.txt"
    art.write_bytes("Zoë Ündal\n\nZoë Ündal is a chemist who studied at the University of Lund "
                    "and joined Acme Corp in 2001.".encode("utf-16"))
    r = runner.invoke(app, ["build", str(art), "-o", str(tmp_path / "zoe.ttl")])
    assert r.exit_code == 0, r.stderr
    r = runner.invoke(app, ["query", "affiliations", "--graph", str(tmp_path / "zoe.ttl"),
                            "--format", "csv"])
    assert r.stdout.splitlines()[1:] == [
        "Zoë Ündal,alumniOf,University of Lund,,",
        "Zoë Ündal,worksFor,Acme Corp,2001,",
    ]


def test_malformed_graph_names_the_file_and_line(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix s: <https://schema.org/> .\n<a> s:name \"x\" .\n<b> s:name \n")
    r = runner.invoke(app, ["query", "people", "--graph", str(bad)])
    assert r.exit_code == 2
    assert str(bad) in r.stderr and "not valid turtle" in r.stderr


def test_unknown_query_exit_code_1():
    r = runner.invoke(app, ["query", "nonesuch"])
    assert r.exit_code == 1 and "no saved query named 'nonesuch'" in r.stderr


def test_query_does_not_import_spacy():
    code = ("import sys; from typer.testing import CliRunner; from kg.cli import app; "
            "r = CliRunner().invoke(app, ['query', 'people']); assert r.exit_code == 0; "
            "print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_root_cli_shim_runs():
    out = subprocess.run([sys.executable, str(ROOT / "cli.py"), "queries"], capture_output=True,
                         text=True, cwd=ROOT)
    assert out.returncode == 0 and "first-author-papers-by-year" in out.stdout


def test_readme_examples_print_what_the_readme_shows():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```console\n\$ kg (.+?)\n(.*?)```", readme, re.S)
    assert len(blocks) >= 2
    for cmd, expected in blocks:
        import shlex

        r = runner.invoke(app, shlex.split(cmd))
        assert r.exit_code == 0
        assert r.stdout.replace("\r\n", "\n") == expected, cmd


def test_build_writes_the_seed_graph(tmp_path):
    out = tmp_path / "r.ttl"
    r = runner.invoke(app, ["build", str(SEED), "-o", str(out)])
    assert r.exit_code == 0
    assert out.read_bytes() == (ROOT / "data" / "radford.ttl").read_bytes()


def test_readme_documents_every_exit_code():
    from kg import errors

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| (\d+) \| (\w+)", readme, re.M))
    codes = {getattr(errors, n): n for n in errors.__all__ if n.startswith("EXIT_")}
    assert {int(c) for c in table} == set(codes)
    assert table[str(errors.EXIT_TIMEOUT)] == "timeout"
    assert table[str(errors.EXIT_PARTIAL)] == "partial"
    assert table[str(errors.EXIT_UNSAFE)] == "refused"


def test_queries_values_lists_what_an_enumerated_parameter_can_take():
    from kg.queries import get_query

    assert get_query("organization-people").enumerate == ("organization",)
    r = runner.invoke(app, ["queries", "values", "organization-people"])
    # the six organisations the article ties people to
    assert r.exit_code == 0 and r.stdout.splitlines() == [
        "Cistercian Preparatory School", "Facebook AI Research",
        "Franklin W. Olin College of Engineering", "Indico Data Solutions", "Nvidia", "OpenAI"]
    r = runner.invoke(app, ["queries", "values", "paper-authors", "-e", "oxigraph"])
    assert len(r.stdout.splitlines()) == 11  # every paper
    r = runner.invoke(app, ["queries", "values", "people"])
    assert r.exit_code == 1 and "enumerates no parameter" in r.stderr


def test_review_fixes_names_quads_enumerate_and_empty_networks(tmp_path):
    # the subject's full name is the person, not the article node that shares it
    r = runner.invoke(app, ["query", "coauthors", "-p", "person=Alec Radford", "-f", "csv"])
    assert r.exit_code == 0 and r.stdout.splitlines()[1] == "Ilya Sutskever,8"
    # a first name alone names nobody: an error, not an empty answer
    r = runner.invoke(app, ["query", "have-coauthored", "-p", "other=Ilya"])
    assert r.exit_code == 1 and "no person, organisation or paper named 'Ilya'" in r.stderr
    # quads (N-Quads, TriG) are queried as one graph on both engines
    nq = tmp_path / "g.nq"
    assert runner.invoke(app, ["export", "-o", str(nq)]).exit_code == 0
    for engine in ("rdflib", "oxigraph"):
        r = runner.invoke(app, ["query", "papers-by-year", "-g", str(nq), "-e", engine,
                                "-f", "csv"])
        assert r.stdout.splitlines()[-1] == "2022,1", engine
    # header comments naming CONSTRUCT or ASK do not cut the prologue off
    r = runner.invoke(app, ["queries", "values", "person-card", "person"])
    assert r.exit_code == 0 and "Alec Radford" in r.stdout.splitlines()
    # an empty network is a clear answer, not a crash
    r = runner.invoke(app, ["network", "--until", "1900", "-o", str(tmp_path / "n.graphml")])
    assert r.exit_code == 2 and "the co-author network is empty" in r.stderr
    r = runner.invoke(app, ["network", "stats", "--until", "1900", "-f", "csv"])
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == 1
