"""The CLI through typer's CliRunner: answers, errors, exit codes, safe writes."""

from __future__ import annotations

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


def test_queries_lists_every_saved_query_with_parameters():
    r = runner.invoke(app, ["queries"])
    assert r.exit_code == 0
    assert re.search(r"^coauthors\s+A person's co-authors.*\[person=@subject\]$", r.stdout, re.M)
    assert len(r.stdout.splitlines()) == 7


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
