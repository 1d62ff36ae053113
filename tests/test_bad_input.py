"""Bad input through the CLI: the documented exit code, one ``kg: error:`` line on stderr,
no traceback, and an output that existed before a failed command left byte-for-byte as it
was, with no temporary file (``.NAME.*.tmp``) beside it."""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.reader import MAX_BYTES

runner = CliRunner()

OLD = b'# an older graph that a failed command must leave alone\n<urn:old> <urn:p> "old" .\n'
NAME = "Jos\u00e9 N\u00fa\u00f1ez"
# The en dashes are a character only Windows-1252 (not Latin-1) has: byte 0x96.
SENTENCE = ("N\u00fa\u00f1ez joined Acme Corporation in 2010 \u2013 after a long search \u2013 "
            "and studied at the University of Madrid.")
ARTICLE = f"{NAME}\n\n{NAME} is a Spanish chemist. {SENTENCE}\n"
GOOD = ("Ada Lovelace\n\nAda Lovelace was an English mathematician. Lovelace joined the "
        "Analytical Society in 1840.\n")
TURTLE = ('@prefix s: <https://schema.org/> .\n'
          '<urn:a> a s:Person ; s:name "Ada" .\n')


# --------------------------------------------------------------------------- helpers


def no_crash(r) -> None:
    """No traceback printed, and no exception escaped the command (CliRunner catches an
    escaping exception instead of printing it, so ``r.exception`` is what shows a crash)."""
    assert "Traceback" not in r.output
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)


def one_line_error(r, code: int, *needles: str) -> str:
    """Exit ``code``, nothing on stdout, stderr exactly one ``kg: error:`` line naming each
    of ``needles`` (in any case); returns the line."""
    no_crash(r)
    assert r.exit_code == code, r.output
    assert r.stdout == ""
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and r.stderr.endswith("\n"), r.stderr
    assert lines[0].startswith("kg: error: "), r.stderr
    for needle in needles:
        assert needle.lower() in lines[0].lower(), (needle, lines[0])
    return lines[0]


def tmp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob(".*.tmp"))


def assert_kept(old: Path) -> None:
    """``old`` still holds OLD, and its folder holds nothing new (no temporary file)."""
    assert old.read_bytes() == OLD
    assert tmp_files(old.parent) == []
    assert os.listdir(old.parent) == [old.name]


@pytest.fixture
def old(tmp_path: Path) -> Path:
    """An existing output, alone in its own folder."""
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "old.ttl"
    path.write_bytes(OLD)
    return path


def people(graph: Path) -> list[str]:
    r = runner.invoke(app, ["query", "people", "--graph", str(graph), "--format", "csv"])
    no_crash(r)
    assert r.exit_code == 0, r.output
    return r.stdout.splitlines()


def build_ok(article: Path, out: Path) -> None:
    r = runner.invoke(app, ["build", str(article), "-o", str(out)])
    no_crash(r)
    assert r.exit_code == 0, r.output
    assert r.stderr.splitlines() == [r.stderr.strip()] and r.stderr.startswith(f"wrote {out}: ")
    assert tmp_files(out.parent) == []


# --------------------------------------------------------------------------- 1-4: unreadable


def _missing(d: Path) -> Path:
    return d / "missing.txt"


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(d: Path) -> Path:
        p = d / name
        p.write_bytes(data)
        return p

    return make


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02"


@pytest.mark.parametrize(
    "make, needles",
    [
        pytest.param(_missing, ("no such file",), id="1-missing-path"),
        pytest.param(_write("empty.txt", b""), ("is empty",), id="3-empty-file"),
        pytest.param(_write("blank.txt", b" \n\t\n  "), ("is empty",), id="3-only-white-space"),
        pytest.param(_write("image.txt", PNG), ("looks binary", "NUL"), id="4-binary-nul-bytes"),
        pytest.param(_write("bom.txt", b"\xef\xbb\xbf"), ("no readable text",),
                     id="utf8-bom-and-nothing-else"),
        pytest.param(_write("half.txt", b"\xff\xfeA\x00B"), ("UTF-16", "byte-order mark"),
                     id="utf16-bom-odd-length"),
        pytest.param(_write("script.txt", b"<html><body><script>var who = 'Maria Gonzalez';"
                            b"</script><div></div><p></p></body></html>\n"),
                     ("no readable text",), id="html-with-only-a-script"),
    ],
)
def test_unreadable_article_is_one_error_line_and_keeps_the_old_graph(tmp_path, old, make,
                                                                      needles):
    src = make(tmp_path)
    r = runner.invoke(app, ["build", str(src), "-o", str(old)])
    line = one_line_error(r, 2, *needles)
    assert src.stem in line  # names the file
    assert_kept(old)


def test_failed_build_keeps_an_old_file_beside_the_article(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # kg build empty.txt -o old.ttl, as a user types it
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "old.ttl").write_bytes(OLD)
    r = runner.invoke(app, ["build", "empty.txt", "-o", "old.ttl"])
    one_line_error(r, 2, "empty.txt is empty")
    assert (tmp_path / "old.ttl").read_bytes() == OLD
    assert sorted(os.listdir(tmp_path)) == ["empty.txt", "old.ttl"]


# --------------------------------------------------------------------------- 2: a directory


def test_directory_with_output_is_a_usage_error_and_keeps_the_old_graph(tmp_path, old):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    r = runner.invoke(app, ["build", str(folder), "-o", str(old)])
    # a folder is a batch (README: ``kg build FILE... | FOLDER [--out-dir DIR | --merge]``),
    # so one -o file for it is a usage error
    one_line_error(r, 1, "--output", "--out-dir or --merge")
    assert_kept(old)
    assert sorted(os.listdir(folder)) == ["a.txt"]


def test_directory_without_articles_is_bad_input(tmp_path):
    folder = tmp_path / "empty-folder"
    folder.mkdir()
    (folder / "notes.csv").write_text("a,b\n", encoding="utf-8")
    r = runner.invoke(app, ["build", str(folder)])
    one_line_error(r, 2, str(folder), "no article files")
    assert sorted(os.listdir(folder)) == ["notes.csv"]


# --------------------------------------------------------------------------- 5-8: encodings


def _mojibake() -> bytes:
    text = ARTICLE.encode("utf-8").decode("cp1252")
    assert "Jos\u00c3\u00a9 N\u00c3\u00ba\u00c3\u00b1ez" in text  # "JosÃ© NÃºÃ±ez"
    return text.encode("utf-8")


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(ARTICLE.encode("cp1252"), id="5-windows-1252"),
        pytest.param(ARTICLE.encode("utf-16"), id="6-utf16-with-bom"),
        pytest.param(ARTICLE.encode("utf-8-sig"), id="7-utf8-with-bom"),
        pytest.param(_mojibake(), id="8-mojibake"),
    ],
)
def test_other_encodings_build_with_the_name_spelled_right(tmp_path, old, data):
    src = tmp_path / "nunez.txt"
    src.write_bytes(data)
    build_ok(src, old)  # replaces the old graph
    assert people(old) == ["name", NAME]
    ttl = old.read_text(encoding="utf-8")
    assert f'"{NAME}"' in ttl
    assert "\u00c3" not in ttl and "\ufffd" not in ttl and "\ufeff" not in ttl
    assert f'kg:text "{SENTENCE}"' in ttl  # the evidence sentence, dashes and all
    assert sorted(os.listdir(old.parent)) == ["old.ttl"]


# --------------------------------------------------------------------------- 9-10: size


def _sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as fh:
        fh.truncate(size)  # a hole: no time or disk spent
    return path


def test_file_over_the_limit_is_refused_and_names_the_limit(tmp_path, old):
    big = _sparse(tmp_path / "big.txt", MAX_BYTES + 1)
    t0 = time.monotonic()
    r = runner.invoke(app, ["build", str(big), "-o", str(old)])
    assert time.monotonic() - t0 < 10
    one_line_error(r, 2, str(big), f"{MAX_BYTES + 1} bytes", f"limit of {MAX_BYTES}")
    assert_kept(old)


def test_file_at_the_limit_is_not_refused_for_its_size(tmp_path, old):
    at = _sparse(tmp_path / "at.txt", MAX_BYTES)  # all NUL bytes: read, then refused as binary
    r = runner.invoke(app, ["build", str(at), "-o", str(old)])
    line = one_line_error(r, 2, str(at), "looks binary")
    assert "over the limit" not in line
    assert_kept(old)


def test_size_limit_advice_names_an_option_that_works(tmp_path, old):
    big = _sparse(tmp_path / "big.txt", MAX_BYTES + 1)
    line = one_line_error(runner.invoke(app, ["build", str(big), "-o", str(old)]), 2)
    options = re.findall(r"--[a-z][a-z-]+", line)
    assert options == ["--max-bytes"], line
    assert "--max-bytes" in runner.invoke(app, ["build", "--help"]).output
    # raised, the size check lets the file through (to be refused as binary: a sparse file)
    r = runner.invoke(app, ["build", str(big), "--max-bytes", str(MAX_BYTES + 1), "-o",
                            str(old)])
    assert "over the limit" not in one_line_error(r, 2, str(big), "looks binary")
    # lowered, a small article is refused
    small = tmp_path / "small.txt"
    small.write_text(GOOD, encoding="utf-8")
    r = runner.invoke(app, ["build", str(small), "--max-bytes", "10", "-o", str(old)])
    one_line_error(r, 2, str(small), "over the limit of 10")
    assert_kept(old)


def test_20mb_single_line_finishes_with_a_clear_answer(tmp_path, old):
    src = tmp_path / "line.txt"
    src.write_bytes(b"word " * 4_000_000)  # 20 MB, no newline
    t0 = time.monotonic()
    r = runner.invoke(app, ["build", str(src), "-o", str(old)])
    assert time.monotonic() - t0 < 60
    no_crash(r)
    assert r.exit_code in (0, 2), r.output
    if r.exit_code:
        one_line_error(r, 2, str(src))
        assert_kept(old)


def test_article_longer_than_spacys_max_length_is_a_clean_answer(tmp_path, old):
    src = tmp_path / "long.txt"
    src.write_bytes(b"The cat sat on the mat. " * 50_000)  # 1.2 MB, one line
    t0 = time.monotonic()
    r = runner.invoke(app, ["build", str(src), "-o", str(old)])
    assert time.monotonic() - t0 < 60
    no_crash(r)
    assert r.exit_code in (0, 2), r.output
    if r.exit_code:
        one_line_error(r, 2, str(src))
        assert_kept(old)


def test_batch_with_an_article_over_spacys_max_length_builds_the_rest(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    long = tmp_path / "long.txt"
    long.write_bytes(b"The cat sat on the mat. " * 50_000)
    out = tmp_path / "graphs"
    out.mkdir()
    r = runner.invoke(app, ["build", str(good), str(long), "--out-dir", str(out)])
    no_crash(r)
    assert r.exit_code == 6, r.output
    assert (out / "good.ttl").exists()
    assert any(x.startswith(f"kg: skipped {long}: ") for x in r.stderr.splitlines())


# --------------------------------------------------------------------------- 11-12: content


def test_article_without_people_builds_an_empty_graph(tmp_path, old):
    src = tmp_path / "weather.txt"
    src.write_text("Weather\n\nThe weather in the valley was mild this spring. Rain fell on "
                   "most afternoons and the rivers ran high until June.\n", encoding="utf-8")
    r = runner.invoke(app, ["build", str(src), "-o", str(old)])
    no_crash(r)
    assert r.exit_code == 0, r.output
    assert r.stderr == (f"wrote {old}: 0 people, 0 organisations, 0 papers, 0 affiliations, "
                        "4 triples\n")
    assert people(old) == ["name"]
    r = runner.invoke(app, ["validate", "--graph", str(old)])
    assert r.exit_code == 0 and "conforms" in r.stdout


def test_html_in_a_txt_file_builds_and_skips_scripts(tmp_path, old):
    src = tmp_path / "page.txt"
    src.write_text(
        "<!DOCTYPE html>\n<html><head><title>Jos&eacute; N&uacute;&ntilde;ez</title>\n"
        "<script>var editor = 'Maria Gonzalez'; document.write('Peter Parker joined "
        "Google in 2012.');</script>\n<style>p { color: red; }</style></head>\n<body>\n"
        "<h1>Jos&eacute; N&uacute;&ntilde;ez</h1>\n"
        "<p>Jos&eacute; N&uacute;&ntilde;ez is a Spanish chemist.</p>\n"
        "<script>console.log('Hans Becker worked at Siemens');</script>\n"
        "<p>N&uacute;&ntilde;ez joined Acme Corporation in 2010 and studied at the "
        "University of Madrid.</p>\n</body></html>\n",
        encoding="utf-8",
    )
    build_ok(src, old)
    assert people(old) == ["name", NAME]
    ttl = old.read_text(encoding="utf-8")
    for leaked in ("Gonzalez", "Parker", "Becker", "Google", "Siemens", "document.write",
                   "color", "<p>", "&eacute;"):
        assert leaked not in ttl, leaked
    r = runner.invoke(app, ["query", "organizations", "--graph", str(old), "--format", "csv"])
    assert sorted(r.stdout.splitlines()[1:]) == ["Acme Corporation,company",
                                                 "University of Madrid,university"]


# --------------------------------------------------------------------------- 13-14: graphs

LINE3 = ('@prefix s: <https://schema.org/> .\n'
         '<urn:a> a s:Person ; s:name "Ada" .\n'
         '<urn:b> a s:Person ; s:name "Bo" s:oops .\n'
         '<urn:c> a s:Person ; s:name "Cy" .\n')


@pytest.mark.parametrize("args", [
    pytest.param(["query", "people"], id="query-rdflib"),
    pytest.param(["query", "people", "--engine", "oxigraph"], id="query-oxigraph"),
    pytest.param(["validate"], id="validate"),
])
def test_malformed_turtle_names_file_and_line(tmp_path, args):
    bad = tmp_path / "bad.ttl"
    bad.write_text(LINE3, encoding="utf-8")
    out = tmp_path / "old.csv"
    out.write_bytes(OLD)
    extra = ["--output", str(out)] if args[0] == "query" else []
    r = runner.invoke(app, [*args, "--graph", str(bad), *extra])
    one_line_error(r, 2, f"{bad}:3:", "not valid turtle")
    assert out.read_bytes() == OLD
    assert sorted(os.listdir(tmp_path)) == ["bad.ttl", "old.csv"]


TRUNCATED = ('@prefix s: <https://schema.org/> .\n'
             '<urn:a> a s:Person ; s:name "Ada" .\n'
             '<urn:b> a s:Person ; s:name')


@pytest.mark.parametrize("text, engine", [
    pytest.param(TRUNCATED + "\n", "rdflib", id="rdflib-newline"),
    pytest.param(TRUNCATED, "rdflib", id="rdflib-no-newline"),
    pytest.param(TRUNCATED + "\n", "oxigraph", id="oxigraph-newline"),
    pytest.param(TRUNCATED, "oxigraph", id="oxigraph-no-newline"),
])
def test_turtle_cut_off_on_line_3_names_line_3(tmp_path, text, engine):
    bad = tmp_path / "bad.ttl"
    bad.write_text(text, encoding="utf-8")
    r = runner.invoke(app, ["query", "people", "--graph", str(bad), "--engine", engine])
    line = one_line_error(r, 2, str(bad), "not valid turtle")
    m = re.search(re.escape(str(bad)) + r":(\d+): ", line)
    assert m and int(m.group(1)) in (3, 4), line  # the cut line, or the end right after it


BAD_IRI = ('@prefix s: <https://schema.org/> .\n'
           '<urn:a> a s:Person ; s:name "Ada" .\n'
           '<urn:b a s:Person ; s:name "Bo" .\n'
           '<urn:c> a s:Person ; s:name "Cy" .\n')


@pytest.mark.parametrize("engine", [
    pytest.param("rdflib"),
    "oxigraph",
])
def test_unclosed_iri_on_line_3_is_not_valid_turtle(tmp_path, engine):
    bad = tmp_path / "bad.ttl"
    bad.write_text(BAD_IRI, encoding="utf-8")
    r = runner.invoke(app, ["query", "people", "--graph", str(bad), "--engine", engine])
    one_line_error(r, 2, f"{bad}:3:", "not valid turtle")


@pytest.mark.parametrize("name, content, engine, needles", [
    pytest.param("g.nt", TURTLE, "rdflib", ("g.nt", "not valid nt"), id="turtle-as-nt"),
    pytest.param("g.nt", TURTLE, "oxigraph", ("g.nt:1:", "not valid n-triples"),
                 id="turtle-as-nt-oxigraph"),
    pytest.param("g.ttl", json.dumps({"@context": {"s": "https://schema.org/"}, "@id": "urn:a",
                                      "@type": "s:Person", "s:name": "Ada"}),
                 "rdflib", ("g.ttl:1:", "not valid turtle"), id="json-ld-as-ttl"),
    pytest.param("g.ttl", json.dumps({"@id": "urn:a"}), "oxigraph",
                 ("g.ttl:1:", "not valid turtle"), id="json-ld-as-ttl-oxigraph"),
    pytest.param("g.jsonld", TURTLE, "rdflib", ("g.jsonld", "not valid json-ld"),
                 id="turtle-as-jsonld"),
])
def test_graph_in_the_wrong_format_for_its_ending(tmp_path, name, content, engine, needles):
    g = tmp_path / name
    g.write_text(content, encoding="utf-8")
    r = runner.invoke(app, ["query", "people", "--graph", str(g), "--engine", engine])
    one_line_error(r, 2, str(g), *needles)


# --------------------------------------------------------------------------- 15: a batch


def test_batch_with_a_bad_file_writes_the_good_one_and_exits_6(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    bad = tmp_path / "bad.bin"
    bad.write_bytes(PNG)
    out = tmp_path / "graphs"
    out.mkdir()
    (out / "bad.ttl").write_bytes(OLD)  # what the bad article's graph would overwrite
    r = runner.invoke(app, ["build", str(good), str(bad), "--out-dir", str(out)])
    no_crash(r)
    assert r.exit_code == 6, r.output
    assert r.stdout == ""
    lines = r.stderr.splitlines()
    skipped = [x for x in lines if x.startswith("kg: ")]
    assert len(skipped) == 1, r.stderr
    assert skipped[0].startswith(f"kg: skipped {bad}: ") and "looks binary" in skipped[0]
    assert [x for x in lines if not x.startswith("kg: ")] == [
        x for x in lines if x.startswith(f"wrote {out / 'good.ttl'}: ")]
    assert people(out / "good.ttl") == ["name", "Ada Lovelace"]
    assert (out / "bad.ttl").read_bytes() == OLD
    assert sorted(os.listdir(out)) == ["bad.ttl", "good.ttl"]


def test_batch_where_every_file_is_bad_exits_2(tmp_path):
    a = tmp_path / "a.txt"
    a.write_bytes(b"")
    b = tmp_path / "b.txt"
    b.write_bytes(PNG)
    out = tmp_path / "graphs"
    out.mkdir()
    r = runner.invoke(app, ["build", str(a), str(b), "--out-dir", str(out)])
    no_crash(r)
    assert r.exit_code == 2, r.output
    lines = r.stderr.splitlines()
    assert len(lines) == 2, r.stderr
    assert lines[0].startswith(f"kg: skipped {a}: ") and "is empty" in lines[0]
    assert lines[1].startswith(f"kg: skipped {b}: ") and "looks binary" in lines[1]
    assert os.listdir(out) == []


# --------------------------------------------------------------------------- 16: output


def test_output_in_a_folder_that_does_not_exist(tmp_path):
    src = tmp_path / "good.txt"
    src.write_text(GOOD, encoding="utf-8")
    target = tmp_path / "nonexistent" / "dir" / "x.ttl"
    r = runner.invoke(app, ["build", str(src), "-o", str(target)])
    one_line_error(r, 2, str(target.parent), "no such folder")
    assert not (tmp_path / "nonexistent").exists()
    assert sorted(os.listdir(tmp_path)) == ["good.txt"]


def test_output_under_a_file(tmp_path):
    src = tmp_path / "good.txt"
    src.write_text(GOOD, encoding="utf-8")
    r = runner.invoke(app, ["build", str(src), "-o", str(src / "x.ttl")])
    one_line_error(r, 2, str(src), "no such folder")
    assert src.read_text(encoding="utf-8") == GOOD
    assert sorted(os.listdir(tmp_path)) == ["good.txt"]


def test_batch_out_dir_that_does_not_exist(tmp_path):
    src = tmp_path / "good.txt"
    src.write_text(GOOD, encoding="utf-8")
    missing = tmp_path / "nonexistent"
    r = runner.invoke(app, ["build", str(src), "--out-dir", str(missing)])
    one_line_error(r, 2, str(missing), "no such folder")
    assert not missing.exists()


def test_output_that_is_a_directory_fails_cleanly(tmp_path):
    src = tmp_path / "good.txt"
    src.write_text(GOOD, encoding="utf-8")
    target = tmp_path / "graph.ttl"
    target.mkdir()
    r = runner.invoke(app, ["build", str(src), "-o", str(target)])
    one_line_error(r, 2)
    assert target.is_dir() and os.listdir(target) == []
    assert tmp_files(tmp_path) == []
    assert sorted(os.listdir(tmp_path)) == ["good.txt", "graph.ttl"]


def test_output_that_is_a_directory_is_named_in_the_error(tmp_path):
    src = tmp_path / "good.txt"
    src.write_text(GOOD, encoding="utf-8")
    target = tmp_path / "graph.ttl"
    target.mkdir()
    line = one_line_error(runner.invoke(app, ["build", str(src), "-o", str(target)]), 2)
    assert str(target) in line and ".tmp" not in line


needs_non_root = pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                                    reason="root can write into a read-only folder")


@needs_non_root
def test_output_in_a_read_only_folder_keeps_the_old_graph(tmp_path, old):
    src = tmp_path / "good.txt"
    src.write_text(GOOD, encoding="utf-8")
    old.parent.chmod(0o555)
    try:
        r = runner.invoke(app, ["build", str(src), "-o", str(old)])
        one_line_error(r, 2, "ermission denied")
        assert_kept(old)
    finally:
        old.parent.chmod(0o755)


@needs_non_root
def test_output_in_a_read_only_folder_is_named_in_the_error(tmp_path, old):
    src = tmp_path / "good.txt"
    src.write_text(GOOD, encoding="utf-8")
    old.parent.chmod(0o555)
    try:
        line = one_line_error(runner.invoke(app, ["build", str(src), "-o", str(old)]), 2)
        assert str(old) in line and ".tmp" not in line
    finally:
        old.parent.chmod(0o755)
