"""Many articles at once: ``kg eval`` on a folder with one gold file, ``kg build`` of
several files or a folder (per-article graphs, ``--merge``, ``--jobs``, bad files skipped).

tests/corpus/ holds two short biographies written for these tests, an empty file, and a
gold file in the folder format (``shared/corpora/redocred-dev``): the expected figures
below were counted by hand from those texts.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from kg.cli import app
from kg.errors import EXIT_PARTIAL
from kg.evaluate import evaluate_corpus

CORPUS = Path(__file__).resolve().parent / "corpus"
GOLD = CORPUS / "gold.json"
runner = CliRunner()


def _figures(report):
    return {s.kind: (s.tp, s.fp, s.fn) for s in (report.people, report.affiliations)}


def test_a_folder_is_scored_on_people_and_affiliations():
    report = evaluate_corpus(CORPUS, GOLD)
    # 000: Marta Kovac, Ivan Horvat; 001: Peter Lund, Erik Lund; 002 is empty, so its one
    # person and its one affiliation are missed
    assert _figures(report) == {"people": (4, 0, 1), "affiliations": (6, 0, 1)}
    assert report.documents == 3 and len(report.failed) == 1
    assert report.affiliations.misses == ["002: Anna Berg alumniOf Lund University"]
    assert round(report.affiliations.f1, 3) == round(2 * 6 / (2 * 6 + 0 + 1), 3)


def test_kg_eval_on_a_folder_prints_the_figures_and_says_partial():
    r = runner.invoke(app, ["eval", str(CORPUS), "--gold", str(GOLD)])
    assert r.exit_code == EXIT_PARTIAL, r.output
    lines = r.stdout.splitlines()
    assert lines[0].endswith("2 of 3 documents built")
    assert lines[2].split() == ["people", "1.000", "0.800", "0.889", "4", "0", "1"]
    assert lines[3].split() == ["affiliations", "1.000", "0.857", "0.923", "6", "0", "1"]
    assert "  skipped: " in r.stdout and "002.txt is empty" in r.stdout
    assert "  missed people: 002: Anna Berg" in lines


def test_one_document_of_a_folder_gold_file():
    r = runner.invoke(app, ["eval", str(CORPUS / "001.txt"), "--gold", str(GOLD)])
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[2].split()[-3:] == ["2", "0", "0"]
    assert lines[3].split()[-3:] == ["2", "0", "0"]


def test_saved_results_are_what_the_shared_scorer_reads(tmp_path):
    evaluate_corpus(CORPUS, GOLD, save=tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "000.affiliations.csv", "000.people.csv", "000.ttl",
        "001.affiliations.csv", "001.people.csv", "001.ttl"]
    with open(tmp_path / "001.affiliations.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["person"], r["relation"], r["organization"], r["end"]) for r in rows] == [
        ("Peter Lund", "alumniOf", "Aarhus University", ""),
        ("Peter Lund", "worksFor", "Danish Ministry of Finance", "1970"),
    ]


def test_a_folder_gold_file_needs_a_folder_and_the_other_way_round(tmp_path):
    r = runner.invoke(app, ["eval", str(CORPUS), "--gold", str(CORPUS.parent / "articles"
                                                                   / "okafor.json")])
    assert r.exit_code == 2 and "lists its documents" in r.stderr
    r = runner.invoke(app, ["eval", str(CORPUS / "nope.txt"), "--gold", str(GOLD)])
    assert r.exit_code == 2 and "lists no document named nope.txt" in r.stderr


def test_build_a_folder_writes_one_graph_per_article_and_skips_a_bad_file(tmp_path):
    out = tmp_path / "graphs"
    out.mkdir()
    (out / "002.ttl").write_text("old graph\n")
    r = runner.invoke(app, ["build", str(CORPUS), "--out-dir", str(out)])
    assert r.exit_code == EXIT_PARTIAL
    assert "kg: skipped" in r.stderr and "002.txt is empty" in r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["000.ttl", "001.ttl", "002.ttl"]
    assert (out / "002.ttl").read_text() == "old graph\n"
    r = runner.invoke(app, ["query", "people", "-g", str(out / "000.ttl"), "-f", "csv"])
    assert r.stdout.splitlines() == ["name", "Ivan Horvat", "Marta Kovac"]


def test_merge_puts_every_article_in_one_graph_with_shared_people_as_one(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Ivan Horvat\n\nIvan Horvat is a Croatian engineer. He studied at the "
                 "University of Zagreb.\n")
    b.write_text("Marta Kovac\n\nMarta Kovac is a Slovenian chemist. In 1996 she founded "
                 "Polymera together with Ivan Horvat.\n")
    merged = tmp_path / "all.ttl"
    r = runner.invoke(app, ["build", str(a), str(b), "--merge", str(merged)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["query", "people", "-g", str(merged), "-f", "csv"])
    assert r.stdout.splitlines() == ["name", "Ivan Horvat", "Marta Kovac"]
    r = runner.invoke(app, ["query", "affiliations", "-g", str(merged), "-f", "csv"])
    assert r.stdout.splitlines()[1:] == [
        "Ivan Horvat,alumniOf,University of Zagreb,,",
        "Ivan Horvat,founderOf,Polymera,1996,",
        "Marta Kovac,founderOf,Polymera,1996,",
    ]


def test_jobs_give_the_same_graphs_as_one_process(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    files = [str(CORPUS / "000.txt"), str(CORPUS / "001.txt")]
    assert runner.invoke(app, ["build", *files, "-d", str(one)]).exit_code == 0
    assert runner.invoke(app, ["build", *files, "-d", str(two), "--jobs", "2"]).exit_code == 0
    for name in ("000.ttl", "001.ttl"):
        assert (one / name).read_bytes() == (two / name).read_bytes()


def test_many_articles_need_out_dir_or_merge_not_output(tmp_path):
    r = runner.invoke(app, ["build", str(CORPUS / "000.txt"), str(CORPUS / "001.txt"),
                            "-o", str(tmp_path / "x.ttl")])
    assert r.exit_code == 1 and "--out-dir or --merge" in r.stderr
    r = runner.invoke(app, ["build", str(tmp_path / "missing")])
    assert r.exit_code == 2 and "no such file" in r.stderr


def _write_pair(folder: Path) -> None:
    (folder / "ines.txt").write_text(
        "Ines Moreau\n\nInes Moreau is a French chemist. She studied at the University of "
        "Lyon. With her colleague Paul Girard she wrote the paper \"A Survey of Catalysts\" "
        "(2015).\n", encoding="utf-8")
    (folder / "ines.json").write_text(json.dumps({
        "article": "ines.txt", "subject": "Ines Moreau",
        "people": [{"name": "Ines Moreau", "aliases": ["Moreau"]},
                   {"name": "Paul Girard", "aliases": []},
                   {"name": "Nobody Named", "aliases": [], "optional": True}],
        "organizations": [{"name": "University of Lyon", "aliases": [], "kind": "university"}],
        "papers": [{"title": "A survey of catalysts.", "aliases": [], "year": 2015,
                    "authors": ["Ines Moreau", "Paul Girard"], "first_author": None},
                   {"title": None, "aliases": [], "year": 2016, "authors": ["Ines Moreau"],
                    "first_author": "Ines Moreau"}],
        "affiliations": [{"person": "Ines Moreau", "relation": "alumniOf",
                          "organization": "University of Lyon", "start": None, "end": None}],
    }), encoding="utf-8")


def test_a_folder_with_a_gold_file_per_article(tmp_path):
    # the title-less paper is not scored, the optional person neither; the title matches
    # in another case and without its full stop (a close spelling)
    _write_pair(tmp_path)
    r = runner.invoke(app, ["eval", str(tmp_path), "--gold-dir", str(tmp_path)])
    assert r.exit_code == 0, r.output
    lines = r.stdout.splitlines()
    assert lines[0].endswith("1 of 1 articles built")
    assert lines[1].split() == ["article", "people", "orgs", "papers", "years", "authors",
                                "first", "coauth", "affil", "dates"]
    assert lines[2].split() == ["ines", "1.000", "1.000", "1.000", "1.000", "1.000", "1.000",
                                "1.000", "1.000", "1.000"]
    assert lines[3].split()[:2] == ["macro", "F1"]
    r = runner.invoke(app, ["eval", str(tmp_path), "--gold-dir", str(tmp_path), "--only",
                            "nobody"])
    assert r.exit_code == 2 and "no gold file for nobody" in r.stderr
    r = runner.invoke(app, ["eval", str(tmp_path), "--gold", str(tmp_path / "ines.json"),
                            "--gold-dir", str(tmp_path)])
    assert r.exit_code == 1 and "one of them" in r.stderr
