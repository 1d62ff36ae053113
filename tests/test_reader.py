from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.pipeline import extract
from kg.reader import decode_bytes, read_article, read_text


def test_boilerplate_mojibake_and_markers_are_removed_from_the_seed():
    from conftest import SEED

    art = read_article(SEED)
    assert art.title == "Alec Radford"
    assert "Last reviewed" not in art.text and "Improve this article" not in art.text
    assert "ยท" not in art.text and "ยท" not in art.source
    assert "[^" not in art.text
    first = art.text.split("\n\n")[1]
    assert first.startswith("Alec Radford is an American machine learning researcher")
    # the first paragraph's first sentence carries markers 1-4, mapped back to the source
    labels = [m.label for m in art.markers[:4]]
    assert labels == ["1", "2", "3", "4"]
    assert art.source[art.markers[0].source_start : art.markers[0].source_end] == "[^1]"


def test_offsets_map_clean_text_back_to_the_source():
    art = read_text("Title Here\n\nJane Roe joined **Acme Corp** in 2001.[^3] She left.")
    i = art.text.index("Acme Corp")
    s, e = art.source_span(i, i + len("Acme Corp"))
    assert art.source[s:e] == "Acme Corp"


def test_markdown_table_rows_keep_their_header_and_cells():
    art = read_text(
        "# Jane Roe\n\nJane Roe is a chemist who wrote many papers on catalysis.\n\n"
        "| Title | Year | Venue |\n|---|---|---|\n| \"A Study of Things\" | 2019 | Nature |\n"
    )
    rows = [b for b in art.blocks if b.kind == "row"]
    assert len(rows) == 1
    assert rows[0].header == ("title", "year", "venue")
    assert [art.text[s:e] for s, e in rows[0].cells] == ['"A Study of Things"', "2019", "Nature"]


def test_reference_list_entries_are_references():
    art = read_text(
        "# Jane Roe\n\nJane Roe is a chemist who wrote many papers on catalysis and more.\n\n"
        "## Selected publications\n\n"
        "- Roe, J., & Poe, E. A. (2016). Catalysis at scale. *Journal of Things*, 3(1), 1-9.\n"
    )
    assert [b.kind for b in art.blocks][-1] == "reference"


@pytest.mark.parametrize(
    "data, message",
    [(b"", "empty"), (b"   \n", "empty"), (b"abc\x00def", "binary")],
)
def test_bad_bytes_raise_input_errors(data, message):
    with pytest.raises(InputError, match=message):
        decode_bytes(data)


def test_utf16_and_bom_are_decoded():
    assert decode_bytes("Zoë".encode("utf-16")) == "Zoë"
    assert decode_bytes(b"\xef\xbb\xbfZo\xc3\xab") == "Zoë"


def test_missing_path_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        read_article(tmp_path)


def test_html_table_header_row_of_th_cells_is_the_header():
    art = read_text(
        "<html><body><h1>Jane Roe</h1><p>Jane Roe is a chemist who wrote many papers on "
        "catalysis and more.</p><table><tr><th>Year</th><th>Title</th></tr>\n"
        "<tr><td>2019</td><td>A Study of Things</td></tr></table></body></html>")
    rows = [b for b in art.blocks if b.kind == "row"]
    assert [(r.header, art.text[r.start:r.end]) for r in rows] == [
        (("year", "title"), "2019 | A Study of Things")]


def test_a_pipe_table_without_leading_pipes_or_separator_row():
    art = read_text("# Jane Roe\n\nJane Roe is a chemist who wrote many papers on things.\n\n"
                    "Title | Authors | Year\nAlpha Beta | Jane Roe, Li Wei | 2019\n")
    assert [(b.kind, b.header, art.text[b.start:b.end]) for b in art.blocks[2:]] == [
        ("row", ("title", "authors", "year"), "Alpha Beta | Jane Roe, Li Wei | 2019")]


def test_unbulleted_entries_of_a_works_section_and_infobox_fields():
    art = read_text(
        "Jane Roe\n\nInstitutions: Acme University (2001–2005); Beta Institute\n\n"
        "Jane Roe is a chemist who wrote many papers on catalysis.\n\n== Selected works ==\n\n"
        "Roe, Jane, and Li Wei. 2003. \"Alpha Beta.\" Journal of Things 1 (2): 3–4.\n")
    assert [(b.kind, b.header) for b in art.blocks] == [
        ("title", ()), ("field", ("institutions",)), ("paragraph", ()), ("heading", ()),
        ("reference", ())]


def test_a_fenced_bibtex_entry_is_one_reference_and_other_code_is_dropped():
    art = read_text("# Jane Roe\n\nJane Roe is a chemist who wrote many papers on catalysis.\n\n"
                    "```bibtex\n@article{roe2020,\n  title = {Alpha Beta},\n  author = {Roe, "
                    "Jane and Wei, Li},\n  year = {2020}\n}\n```\n\n```python\nprint('x')\n```\n")
    refs = [b for b in art.blocks if b.kind == "reference"]
    assert len(refs) == 1 and len(art.blocks) == 3
    s, e = art.source_span(refs[0].start, refs[0].end)
    assert art.source[s:e].startswith("@article{roe2020,\n  title = {Alpha Beta},")
    assert "print" not in art.text


def test_numbered_ieee_entries_are_references_under_any_heading_or_none():
    entry = ('[1] T. Vale, M. Castell, and F. Arnaud, "Acoustic sensing of calving fronts," '
             "IEEE Trans. Geosci. Remote Sens., vol. 50, no. 2, pp. 100-110, 2012.\n")
    prose = "Tom Vale is a physicist. He won the Hale Prize in 2020 for his sensors [1].\n\n"
    # a participle before 'by' still names a publications section
    art = read_text(prose + "Key papers cited by the jury\n\n" + entry)
    assert [b.kind for b in art.blocks] == ["paragraph", "heading", "reference"]
    assert art.text[art.blocks[-1].start:].startswith("T. Vale, M. Castell")
    # no heading at all: the entry number and the citation style are enough
    art = read_text(prose + entry)
    assert [b.kind for b in art.blocks] == ["paragraph", "reference"]
    # a numbered footnote that is no scholarly citation stays prose
    art = read_text(prose + '[1] "Vale wins prize". The Lakemoor Times. Retrieved 2 May 2020.\n')
    assert [b.kind for b in art.blocks] == ["paragraph", "paragraph"]


PLAIN_CV = """CURRICULUM VITAE

Mira Castell, PhD
Associate Professor of Soil Science

RESEARCH INTERESTS
Soil water and the microbes that live in it, in dry summers and in wet winters alike.

PROFESSIONAL EXPERIENCE
2020-present  Associate Professor, Centre for Soil Health,
              University of Hull, UK
2014-2017     Postdoctoral Researcher, Department of Soil Science, Lakemoor Institute

PUBLICATIONS (selected)
1.  Castell M, Vale T, Arnaud F. Roots that drink slowly in dry summers and
    the microbes that help them. Soil Biol Biochem.
    2019;120(9):1102-10.
"""


def test_a_plain_text_cv_name_under_a_generic_title_caps_headings_and_wrapped_lines():
    art = read_text(PLAIN_CV)
    assert art.title == "Mira Castell, PhD"
    got = [(b.kind, b.section, art.text[b.start:b.end]) for b in art.blocks
           if b.kind != "title"]
    assert ("paragraph", "PROFESSIONAL EXPERIENCE",
            "2020-present Associate Professor, Centre for Soil Health, University of Hull, UK"
            ) in got
    assert ("heading", "PUBLICATIONS (selected)", "PUBLICATIONS (selected)") in got
    assert ("reference", "PUBLICATIONS (selected)",
            "Castell M, Vale T, Arnaud F. Roots that drink slowly in dry summers and the "
            "microbes that help them. Soil Biol Biochem. 2019;120(9):1102-10.") in got


def test_a_plain_text_cv_gives_its_subject_posts_and_papers():
    x = extract(read_text(PLAIN_CV))
    assert x.subject == "Mira Castell"
    assert ("Mira Castell", "worksFor", "University of Hull") in {
        (a.person, a.relation, a.organization) for a in x.affiliations}
    assert [(p.title, p.date.iso if p.date else None) for p in x.papers] == [
        ("Roots that drink slowly in dry summers and the microbes that help them", "2019")]


def test_indented_references_without_bullets_stay_apart():
    art = read_text("Jane Roe\n\nJane Roe is a chemist who works on soil and water.\n\n"
                    "Selected publications\n\n"
                    "  Roe, J. (2019). Soils and salts. Soil Science, 12, 1-10.\n"
                    "  Roe, J., & Vale, T. (2020). Rocks and minerals. Geology, 3, 5-9.\n")
    refs = [art.text[b.start:b.end] for b in art.blocks if b.kind == "reference"]
    assert len(refs) == 2 and refs[1].startswith("Roe, J., & Vale, T. (2020)")
