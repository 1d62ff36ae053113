"""Structured career text (infobox fields, CV lists, career tables) on invented texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.components.careers import read_range, relation_of

TEXTS = Path(__file__).resolve().parent / "texts"


def _affiliations(text: str) -> set[tuple[str, str, str, str | None, str | None]]:
    from kg.pipeline import extract
    from kg.reader import read_text

    x = extract(read_text(text))
    return {(a.person, a.relation, a.organization, a.start.iso if a.start else None,
             a.end.iso if a.end else None) for a in x.affiliations}


def test_a_cv_with_an_infobox_lists_and_a_table():
    got = _affiliations((TEXTS / "marquardt_cv.md").read_text(encoding="utf-8"))
    assert got == {
        # the infobox's "(Diplom, 2004)" and the Education line's range, one statement
        ("Ilse Marquardt", "alumniOf", "University of Kiel", "1998", "2004"),
        ("Ilse Marquardt", "alumniOf", "University of Oslo", "2004", "2008"),
        ("Ilse Marquardt", "worksFor", "Max Planck Institute for Marine Microbiology",
         "2008", "2013"),
        # two consecutive rows at one place: 2013 to the present
        ("Ilse Marquardt", "worksFor", "University of Bremen", "2013", None),
        ("Ilse Marquardt", "memberOf", "Ocean Carbon Alliance", "2021", None),
        ("Ilse Marquardt", "memberOf", "European Academy of Microbiology", "2020", None),
        # "Reviewer for ..." and "Chair, Hiring Committee" under Service: no affiliation
    }


@pytest.mark.parametrize("text, single, expected", [
    ("2012–2017", "both", ("2012", "2017")),
    ("2019–present", "both", ("2019", None)),
    ("since March 2021", "both", ("2021-03", None)),
    ("until 2008", "both", (None, "2008")),
    ("Summer 2015", "both", ("2015", "2015")),
    ("(M.Sc., 2008; Ph.D., 2012)", "end", (None, "2012")),
    ("elected 2020", "start", ("2020", None)),
    ("no date", "both", (None, None)),
    # the two dates a range joins, not the first two of the entry
    ("Associate Professor (tenured 2018), Dept. of Statistics, X (2015–2021)", "both",
     ("2015", "2021")),
    ("June–August 2018", "both", ("2018-06", "2018-08")),
])
def test_read_range(text, single, expected):
    assert read_range(text, single=single) == expected


@pytest.mark.parametrize("text, default, expected", [
    ("B.Sc., Chemistry", "worksFor", "alumniOf"),
    ("Visiting graduate student", "worksFor", "alumniOf"),
    ("Research scientist", "alumniOf", "worksFor"),
    ("Co-founder and CTO", "worksFor", "founderOf"),
    ("Member of the board of trustees", "worksFor", "memberOf"),
    ("Chair of the advisory board", "worksFor", "memberOf"),
    ("Lecturer", "memberOf", "worksFor"),
])
def test_relation_of(text, default, expected):
    assert relation_of(text, default) == expected


def test_cv_items_a_unit_before_its_body_a_bracketed_name_and_a_founder_line():
    text = ("# Ida Berg\n\nIda Berg is a Swedish physicist who builds quantum light sources.\n\n"
            "## Education\n\n- Visiting student, Institute for Photonics, ETH Zurich, 2007–2008\n"
            "\n## Board and Committee Memberships\n\n- Board of Directors, Optica (2022–2025)\n\n"
            "## Ventures\n\n- **Co-founder**, Lysa Quantum Inc. (incorporated June 2022), a "
            "spin-out of the University of Oslo.\n")
    got = _affiliations(text)
    assert {("Ida Berg", "alumniOf", "ETH Zurich", "2007", "2008"),
            ("Ida Berg", "memberOf", "Optica", "2022", "2025"),
            ("Ida Berg", "founderOf", "Lysa Quantum Inc.", "2022-06", None)} <= got
    # a heading's words are no organisation
    assert not [a for a in got if "Memberships" in a[2]]


def test_lab_members_study_or_work_at_the_subjects_institution_and_where_they_went():
    text = ("# Ida Berg\n\nIda Berg is a Swedish physicist.\n\n## Appointments\n\n"
            "- Professor, Department of Physics, Lund University, 2015–present\n\n"
            "## Lab members\n\n- Omar Nasser, Ph.D. student (since 2021)\n"
            "- Clara Holm, postdoctoral researcher, 2016–2019 → Assistant Professor, "
            "University of Oslo\n- Tuva Lie, Ph.D. 2020 (now Research Scientist, Acme Photonics)\n")
    got = _affiliations(text)
    assert got == {
        ("Ida Berg", "worksFor", "Lund University", "2015", None),
        ("Omar Nasser", "alumniOf", "Lund University", "2021", None),
        ("Clara Holm", "worksFor", "Lund University", "2016", "2019"),
        ("Clara Holm", "worksFor", "University of Oslo", None, None),
        ("Tuva Lie", "alumniOf", "Lund University", None, "2020"),
        ("Tuva Lie", "worksFor", "Acme Photonics", None, None),
    }


def test_a_cv_with_company_suffixes_advisory_roles_and_trustees():
    from pathlib import Path

    from kg.pipeline import extract
    from kg.reader import read_article

    x = extract(read_article(Path(__file__).parent / "texts" / "wendt_cv.md"))
    got = {(a.person, a.relation, a.organization, a.start.iso if a.start else None,
            a.end.iso if a.end else None) for a in x.affiliations}
    assert ("Tobias Wendt", "memberOf", "Voltaris GmbH", "2020", "2023") in got
    assert ("Tobias Wendt", "memberOf", "Dresden Science Museum", "2021", None) in got
    assert ("Tobias Wendt", "worksFor", "Max Planck Institute for Solid State Research", "2013",
            "2018") in got
    names = {o.name for o in x.organizations}
    assert not names & {"Trust", "Trustees"}
    assert "Board Memberships" not in {p.name for p in x.people}


def test_a_range_left_open_is_a_post_still_held():
    from kg.components.careers import read_range

    assert read_range("2016– ") == ("2016", None)
    assert read_range("2010–2016") == ("2010", "2016")


def test_cv_items_that_name_the_body_first_then_its_roles():
    # "Body, Place — Role (years); Role (years)": the body before the dash, the widest span
    # of its roles; a founder line with investors after it founds the body, not the investor
    got = _affiliations(
        "# Jane Roe\n\nJane Roe is a chemist.\n\n## Appointments\n\n"
        "- Voltaris AG, Basel, Switzerland — Senior Scientist, Surface Coatings Research "
        "(2012–2015); Research Scientist (2011–2012)\n\n"
        "## Board and Advisory Roles\n\n"
        "- Quillon Water Technologies, Atlanta — Co-founder (2020); Chair, Scientific Advisory "
        "Board (2020–present). Seed round (2021) led by Breakthrough Energy Ventures.\n\n"
        "## Education\n\n"
        "- Ph.D., Chemistry, University of California, Berkeley, 2009\n")
    assert ("Jane Roe", "worksFor", "Voltaris AG", "2011", "2015") in got
    assert ("Jane Roe", "founderOf", "Quillon Water Technologies", "2020", None) in got
    assert ("Jane Roe", "alumniOf", "University of California, Berkeley", None, "2009") in got
    assert not any(a[2] == "Breakthrough Energy Ventures" and a[0] == "Jane Roe" for a in got)
    assert not any(a[2] == "Surface Coatings Research" for a in got)


def test_service_on_a_body_s_committee_and_an_honour_line():
    got = _affiliations(
        "# Jane Roe\n\nJane Roe is a linguist.\n\n## Memberships\n\n"
        "- 2021–2024: Member, Steering Committee, Nordic Language Technology Society\n\n"
        "## Awards\n\n"
        "- 2014: Tarnow Linguistics Department Dissertation Prize\n")
    assert ("Jane Roe", "memberOf", "Nordic Language Technology Society", "2021", "2024") in got
    assert not any("Committee" in a[2] or "Department" in a[2] for a in got)


def test_cv_posts_latest_first_and_fellowships_among_honours():
    got = _affiliations(
        "# Jane Roe\n\nJane Roe is a statistician.\n\n## Appointments\n\n"
        "- **Professor**, Department of Statistics, Tulane University (2021–present)\n"
        "- **Associate Professor** (tenured 2018), Department of Statistics, Tulane University "
        "(2015–2021)\n"
        "- **Visiting Researcher**, Acme Research, New York, NY (June–August 2018)\n\n"
        "## Honors\n\n"
        "- Elected Fellow, Institute of Mathematical Statistics (IMS), 2022\n"
        "- Young Scholar Award, Statistical Society of Canada, 2014\n")
    assert got == {
        # two rows of one post, the later listed first: one span
        ("Jane Roe", "worksFor", "Tulane University", "2015", None),
        ("Jane Roe", "worksFor", "Acme Research", "2018-06", "2018-08"),
        # a fellowship line is a membership; an award line is no affiliation
        ("Jane Roe", "memberOf", "Institute of Mathematical Statistics", "2022", None),
    }


def test_two_spells_of_one_post_apart_in_a_list_span_both():
    got = _affiliations(
        "# Jane Roe\n\nJane Roe is a chemist.\n\n## Appointments\n\n"
        "- 2023–present  Professor, School of Chemistry, Tulane University\n"
        "- 2019–2023  Associate Professor (tenured 2019), same department\n"
        "- 2015–2019  Assistant Professor, Tulane University\n")
    # not the inverted 2023-2019 of taking the first row's start and the last row's end
    assert got == {("Jane Roe", "worksFor", "Tulane University", "2015", None)}


def test_cv_lines_written_as_paragraphs_and_students_under_a_role_label():
    got = _affiliations(
        "# Jane Roe\n\nProfessor of Chemistry\n\nMy group makes battery materials. I study "
        "how they fail, and my students build the cells I test.\n\n"
        "## Education\n\n"
        "**2006–2010** DPhil in Chemistry, University of Oxford.\n"
        "Supervised by Prof. Tom Vale. Thesis on oxides.\n\n"
        "## Appointments\n\n"
        "**Since March 2020** Professor of Chemistry, University of Leeds.\n\n"
        "2014–2020: Lecturer, University of Bristol. I moved my group in 2020.\n\n"
        "## Students supervised\n\n"
        "**PhD**\n\n"
        "- Mira Castell (Bristol, 2015–2019), now an engineer.\n"
        "- Felix Arnaud (Leeds, since 2021).\n\n"
        "**Postdoctoral researchers**\n\n"
        "- Oskar Lindqvist (Leeds, 2021–2023); in 2023 he moved to Kestrel Ventures.\n")
    assert got == {
        ("Jane Roe", "alumniOf", "University of Oxford", "2006", "2010"),
        ("Jane Roe", "worksFor", "University of Leeds", "2020-03", None),
        ("Jane Roe", "worksFor", "University of Bristol", "2014", "2020"),
        # the label over the list gives the role, the place in brackets the university
        ("Mira Castell", "alumniOf", "University of Bristol", "2015", "2019"),
        ("Felix Arnaud", "alumniOf", "University of Leeds", "2021", None),
        ("Oskar Lindqvist", "worksFor", "University of Leeds", "2021", "2023"),
        # in a text in the first person, "he" is someone else: the student, not the subject
        ("Oskar Lindqvist", "worksFor", "Kestrel Ventures", "2023", None),
    }


def test_an_advisor_s_title_and_a_post_before_a_body_are_no_part_of_a_body():
    from kg.pipeline import extract
    from kg.reader import read_text

    x = extract(read_text(
        "# Jane Roe\n\nAssociate Professor, Quillon University\n\n## Education\n\n"
        "- PhD, Robotics, Quillon University, 2014–2019\n  - Advisor: Prof. Mira Castell\n\n"
        "## Service\n\n- Area chair, Conference on Robot Learning, 2023\n\n"
        "## Alumni\n\n- Tom Vale (PhD 2021), now UX researcher, Fernhill Health\n"))
    names = {o.name for o in x.organizations}
    assert not any(n.startswith(("Prof.", "Area chair", "UX researcher")) for n in names)


def test_a_service_section_gives_board_and_council_seats_not_committee_duties():
    got = _affiliations(
        "# Jane Roe\n\nJane Roe is a chemist who works on porous materials at the University "
        "of Lakemoor.\n\n## Appointments\n\n"
        "- **2021–present** — Full Professor of Functional Porous Materials, University of "
        "Lakemoor.\n\n## Professional service\n\n"
        "- Member of the Scientific Advisory Board, Quillon Materials B.V., Delft, 2018–2023.\n"
        "- Council member, Lakemoor Adsorption Society, 2019–2022.\n"
        "- Senior Program Committee / Area Chair: KDD (2021–2025)\n"
        "- Chair, Graduate Admissions Committee, Department of Chemistry, 2022–2024\n\n"
        "## Grants\n\n"
        "- **Stichting Hale Fonds** — \"Water-stable membranes\" (principal investigator), "
        "2022–2027.\n")
    assert got == {
        # the post is no body: the university after it is
        ("Jane Roe", "worksFor", "University of Lakemoor", "2021", None),
        # a company's full stop of "B.V." is part of its name
        ("Jane Roe", "memberOf", "Quillon Materials B.V.", "2018", "2023"),
        ("Jane Roe", "memberOf", "Lakemoor Adsorption Society", "2019", "2022"),
        # a conference's programme committee and a department's committee are no bodies
        # one is a member of
    }


def test_a_dutch_foundation_is_an_organisation():
    from kg.pipeline import extract
    from kg.reader import read_text

    x = extract(read_text(
        "# Jane Roe\n\nJane Roe is a chemist who works on porous materials at the University "
        "of Lakemoor.\n\n## Grants\n\n"
        "- **Stichting Hale Fonds** — \"Water-stable membranes\" (principal investigator), "
        "2022–2027.\n"))
    assert {o.name for o in x.organizations} == {"University of Lakemoor", "Stichting Hale Fonds"}
