"""Authorship frames and prose papers, on sentences invented for these tests."""

from __future__ import annotations

import pytest

from kg.components.frames import name_lists, read_frames


def _people(text: str, *names: str) -> list[tuple[int, int, str]]:
    out = []
    for n in names:
        i = text.index(n)
        out.append((i, i + len(n), n))
    return out


@pytest.mark.parametrize("text, names, expected", [
    # an ordered list after 'by' gives the positions; 'and others' leaves it incomplete
    ('"Reed Beds as Filters", by Ola Berg, Tim Sato and Ann Ray, appeared in 2004.',
     ("Ola Berg", "Tim Sato", "Ann Ray"),
     [("by", ["Ola Berg", "Tim Sato", "Ann Ray"], [1, 2, 3], True)]),
    ("documented by Ola Berg and Tim Sato and others in a report",
     ("Ola Berg", "Tim Sato"), [("by", ["Ola Berg", "Tim Sato"], [1, 2], False)]),
    # 'led by' one name: the first author
    ("a follow-up study led by Ann Ray showed that", ("Ann Ray",),
     [("led", ["Ann Ray"], [1], False)]),
    # 'with' a list: co-authors of someone else
    ("written with her students Ola Berg and Tim Sato", ("Ola Berg", "Tim Sato"),
     [("with", ["Ola Berg", "Tim Sato"], [None, None], False)]),
    # a list before a publishing verb: authors, positions unknown
    ("In 2009 Berg, Sato and Ray showed that reeds filter", ("Berg", "Sato", "Ray"),
     [("verb", ["Berg", "Sato", "Ray"], [None, None, None], False)]),
    # author positions in words
    ("with Ann Ray as first author and Tim Sato as second author", ("Ann Ray", "Tim Sato"),
     [("role", ["Ann Ray"], [1], False), ("role", ["Tim Sato"], [2], False)]),
    ("Its first author was Ola Berg.", ("Ola Berg",), [("role", ["Ola Berg"], [1], False)]),
    ("Ola Berg, who had joined the lab in 2001, was the lead author", ("Ola Berg",),
     [("role", ["Ola Berg"], [1], False)]),
    ("Tim Sato was last author", ("Tim Sato",), [("role", ["Tim Sato"], [None], False)]),
    ("and Ann Ray and Tim Sato were among the other authors", ("Ann Ray", "Tim Sato"),
     [("coauthors", ["Ann Ray", "Tim Sato"], [None, None], False)]),
    ("The authors were Ola Berg, Ann Ray and Tim Sato.", ("Ola Berg", "Ann Ray", "Tim Sato"),
     [("by", ["Ola Berg", "Ann Ray", "Tim Sato"], [1, 2, 3], True)]),
    ("Ola Berg and Ann Ray's 2011 paper", ("Ola Berg", "Ann Ray"),
     [("possessive", ["Ola Berg", "Ann Ray"], [None, None], False)]),
    # an apposition inside a list does not break it
    ("with Ola Berg, a fellow student at the institute, and Tim Sato", ("Ola Berg", "Tim Sato"),
     [("with", ["Ola Berg", "Tim Sato"], [None, None], False)]),
    # a name that is no author: nothing
    ("told Ola Berg that the idea was sound", ("Ola Berg",), []),
    # names ordered without the word "author": "A first, then B, then C"
    ("in 2008: Tim Sato first, then Ann Ray, then Ola Berg.", ("Tim Sato", "Ann Ray",
                                                                "Ola Berg"),
     [("role", ["Tim Sato"], [1], False), ("role", ["Ann Ray"], [2], False),
      ("role", ["Ola Berg"], [3], False)]),
    # a position after an aside and a verb of the author's own
    ("and Tim Sato, a research scientist in the group, did the microscopy and is the second "
     "author", ("Tim Sato",), [("role", ["Tim Sato"], [2], False)]),
    # a position given to a possessor
    ("Tim Sato's name is first on the cover and Ann Ray's second.", ("Tim Sato", "Ann Ray"),
     [("role", ["Tim Sato"], [1], False), ("role", ["Ann Ray"], [2], False)]),
    # 'other' authors are co-authors, in no stated order; a role after the last name of a
    # list is that name's alone
    ("the other two authors were Ann Ray, a fellow student at the time, and Tim Sato as "
     "the senior author", ("Ann Ray", "Tim Sato"),
     [("coauthors", ["Ann Ray"], [None], False), ("role", ["Tim Sato"], [None], False)]),
    ("The remaining authors were Ola Berg and Ann Ray.", ("Ola Berg", "Ann Ray"),
     [("coauthors", ["Ola Berg", "Ann Ray"], [None, None], False)]),
    # 'X led it' is the first author of the work in view; 'the authors after her' follow
    ("Ann Ray from the institute led it, and the authors after her were Tim Sato and Ola "
     "Berg.", ("Ann Ray", "Tim Sato", "Ola Berg"),
     [("role", ["Ann Ray"], [1], False), ("coauthors", ["Tim Sato", "Ola Berg"], [None, None],
                                          False)]),
    ("Tim Sato led the study.", ("Tim Sato",), [("role", ["Tim Sato"], [1], False)]),
    # "the three of us: A, B himself, and C": the authors, in no stated order
    ("It was just the three of us: Ann Ray, Tim Sato himself, and Ola Berg.",
     ("Ann Ray", "Tim Sato", "Ola Berg"),
     [("coauthors", ["Ann Ray", "Tim Sato", "Ola Berg"], [None, None, None], False)]),
    # an apposition: "the lead author, A, ..., and his co-authors, B and C"
    ("the lead author, Ann Ray, a doctoral student, and his co-authors, Dr. Tim Sato and "
     "Ola Berg, reported", ("Ann Ray", "Tim Sato", "Ola Berg"),
     [("role", ["Ann Ray"], [1], False), ("coauthors", ["Tim Sato", "Ola Berg"], [None, None],
                                          False)]),
    # written with someone as first author: a co-writer too, so the agent is an author
    ("a paper written with her student Ann Ray as first author", ("Ann Ray",),
     [("with", ["Ann Ray"], [None], False), ("role", ["Ann Ray"], [1], False)]),
    # 'with' and no writing verb ("the GPT paper, with A as first author"): the role alone
    ("the survey paper, with Ann Ray as first author", ("Ann Ray",),
     [("role", ["Ann Ray"], [1], False)]),
    # leading a study *at* a place, or a group, is no authorship
    ("Tim Sato led the study at the institute.", ("Tim Sato",), []),
    ("Tim Sato led the group that built it.", ("Tim Sato",), []),
])
def test_frames(text, names, expected):
    got = [(f.kind, f.names, f.positions, f.complete) for f in
           read_frames(text, _people(text, *names))]
    assert got == expected


def test_a_name_list_notes_its_open_end():
    text = "by Ola Berg, Tim Sato, et al."
    [lst] = name_lists(text, _people(text, "Ola Berg", "Tim Sato"))
    assert (lst.names, lst.complete) == (["Ola Berg", "Tim Sato"], False)


# --- the whole pipeline on invented biographies ------------------------------------------

QUIST = (
    "Mara Quist\n\nMara Quist is a Dutch ecologist. In 2011 she published \"Soil fungi and "
    "the timing of spring\" with her student Pieter Laan. Her best-known paper, \"Migratory "
    "birds as seed couriers\", by Quist, Laan and Ines Boer, appeared in Ecology Letters in "
    "2014. The following year Laan and Quist released \"A census of hedgerow beetles\", with "
    "Laan as first author. Her doctoral thesis, Nitrogen Cycling in Peat Bogs, was accepted "
    "in 2006. In 2019 Boer presented \"Pollinator Decline in Cities: Causes and Cures\" and "
    "Quist wrote \"Why Hedgerows Matter\" with Laan.\n")


def _papers(text: str) -> dict[str, tuple[str | None, list[tuple[str, int | None]]]]:
    from kg.pipeline import extract
    from kg.reader import read_text

    x = extract(read_text(text))
    return {p.title: (p.date.iso if p.date else None, [(a.name, a.position) for a in p.authors])
            for p in x.papers}, [e.name for e in x.people]


def test_prose_papers_by_their_frames():
    papers, people = _papers(QUIST)
    assert papers == {
        # sentence case after a publishing verb; 'she' and her 'with' co-author
        "Soil fungi and the timing of spring": ("2011", [("Pieter Laan", None),
                                                         ("Mara Quist", None)]),
        # an ordered 'by' list, with a name the recogniser missed
        "Migratory birds as seed couriers": ("2014", [("Mara Quist", 1), ("Pieter Laan", 2),
                                                      ("Ines Boer", 3)]),
        # 'the following year' after 2014; 'with Laan as first author'
        "A census of hedgerow beetles": ("2015", [("Pieter Laan", 1), ("Mara Quist", None)]),
        # an unquoted title in apposition to 'thesis': its one author is the first
        "Nitrogen Cycling in Peat Bogs": ("2006", [("Mara Quist", 1)]),
        # two titles in one sentence, each with the list before its verb; the colon inside
        # the quotes ends no sentence
        "Pollinator Decline in Cities: Causes and Cures": ("2019", [("Ines Boer", None)]),
        "Why Hedgerows Matter": ("2019", [("Mara Quist", None), ("Pieter Laan", None)]),
    }
    assert sorted(people) == ["Ines Boer", "Mara Quist", "Pieter Laan"]  # no title words


def test_a_headline_page_finds_its_subject_and_a_memoir_has_one_author():
    text = ("Obituaries\n\nTomas Wren, Who Charted Ocean Currents, Dies at 90\n\nTomas Wren, "
            "an oceanographer, died on May 2. He was 90. Wren grew up in Leeds, where his "
            "father Alan Wren taught school. In 1988 Wren published a memoir, \"Salt and "
            "Time,\" with a small press. Wren later worked in Norway.\n")
    papers, people = _papers(text)
    assert papers == {"Salt and Time": ("1988", [("Tomas Wren", 1)])}
    assert sorted(people) == ["Alan Wren", "Tomas Wren"]


def test_speech_in_quotes_is_no_paper():
    text = ("Ana Ruiz\n\nAna Ruiz is a chemist. In 2003 she told a newspaper that the work was "
            "\"The Hardest Thing I Ever Did\". The magazine called her \"A Chemist for Our "
            "Times\" in a 2005 profile.\n")
    papers, _ = _papers(text)
    assert papers == {}


FUENTE = """# José Luis de la Fuente Ortega

**José Luis de la Fuente Ortega** (born 1975) is a Spanish hydrologist and professor at the \
Universidad de Granada. De la Fuente works on groundwater recharge in semi-arid basins.

## Selected publications

- Fuente Ortega, J. L. de la, Ruiz Vidal, C., & Ng, B. (2010). Recharge pulses after extreme \
rain events. *Water Resources Research*, 46(3), 1–14. https://doi.org/10.1029/2009WR000001
- van der Berg, A., Fuente Ortega, J. L. de la, & Xu, L. (2016). Tracer methods for karst \
aquifers. *Journal of Hydrology*, 540, 100–112.
- Fuente Ortega, J. L. de la. (2005). *Modelling diffuse recharge in a river basin* [Doctoral \
dissertation, Universidad Politécnica de Madrid].

### Preprints

1. **J. L. de la Fuente Ortega**, T. Le*, and R. Øst*, "Recharge under a warming \
climate," arXiv:2301.01234, 2023.

## References

1. P. Gray, "Spanish scientist wins water prize," The Daily Courier, 4 May 2021.
"""


def test_reference_lists_in_several_styles_with_particles_and_two_surnames():
    papers, people = _papers(FUENTE)
    subject = "José Luis de la Fuente Ortega"
    assert papers == {
        "Recharge pulses after extreme rain events": (
            "2010", [(subject, 1), ("C. Ruiz Vidal", 2), ("B. Ng", 3)]),
        "Tracer methods for karst aquifers": (
            "2016", [("A. van der Berg", 1), (subject, 2), ("L. Xu", 3)]),
        "Modelling diffuse recharge in a river basin": ("2005", [(subject, 1)]),
        # IEEE in a numbered list, the CV's own name in bold, '*' equal contribution
        "Recharge under a warming climate": ("2023", [(subject, 1), ("T. Le", 2),
                                                      ("R. Øst", 3)]),
    }
    # 'De la Fuente' is the subject; a news item's author is a person, not a paper's
    assert sorted(people) == sorted([subject, "C. Ruiz Vidal", "B. Ng", "A. van der Berg",
                                     "L. Xu", "T. Le", "R. Øst", "P. Gray"])


INTERVIEW = """Q&A: The roboticist who wants machines to feel

Kofi Mensah, 41, is the co-founder of Tessel Robotics, a Boston startup. Before that he was a \
research scientist at Google. We spoke with him about his career.

Where did you study?

I grew up in Kumasi. I did my undergraduate degree at the University of Ghana, then a PhD at \
ETH Zurich from 2007 to 2012, where I worked with Lena Huber.

What was your first paper?

My first real paper was "Learning to grasp from sparse rewards", which I wrote with Lena \
Huber in 2011. Later I published "Tactile Sensing at Scale" at ICRA 2015.
"""


def test_an_interview_answers_in_the_first_person():
    from kg.pipeline import extract
    from kg.reader import read_text

    x = extract(read_text(INTERVIEW))
    papers = {p.title: (p.date.iso if p.date else None, sorted(a.name for a in p.authors))
              for p in x.papers}
    assert papers == {
        "Learning to grasp from sparse rewards": ("2011", ["Kofi Mensah", "Lena Huber"]),
        "Tactile Sensing at Scale": ("2015", ["Kofi Mensah"]),
    }
    affiliations = sorted((a.person, a.relation, a.organization) for a in x.affiliations)
    assert ("Kofi Mensah", "alumniOf", "ETH Zurich") in affiliations
    assert ("Kofi Mensah", "worksFor", "Google") in affiliations
    assert not [a for a in affiliations if a[0] == "Lena Huber"]


def test_names_with_particles_and_given_names_alone():
    text = ("Ana Ruiz\n\nAna Ruiz is a Spanish physicist. In 2012 she joined the lab of Pieter "
            "van der Linde at Leiden University. We spoke with Sofía de la Fuente, who was "
            "her student. Later Sofía wrote \"Cold Atoms in Small Traps\" with Ana Ruiz.\n")
    papers, people = _papers(text)
    assert sorted(people) == ["Ana Ruiz", "Pieter van der Linde", "Sofía de la Fuente"]
    assert papers == {"Cold Atoms in Small Traps": (None, [("Sofía de la Fuente", None),
                                                           ("Ana Ruiz", None)])}


def test_an_interview_states_positions_in_speech():
    text = ("Kofi Mensah\n\nKofi Mensah spent a decade building robot hands. We spoke with him."
            "\n\nQ: Your best-known paper?\n\nI wrote \"Grasping with Feeling\" with Lena Huber "
            "and Tom Rask in 2014. Tom was the first author, I was second and Lena was last. "
            "I was at ETH Zurich then, and I think it shows. I liked it; I still do. I mean it."
            "\n")
    papers, _ = _papers(text)
    assert papers == {"Grasping with Feeling": ("2014", [("Tom Rask", 1), ("Kofi Mensah", 2),
                                                         ("Lena Huber", None)])}


def test_a_prize_release_about_several_people():
    # the first laureate named is the subject; her pronoun is read where she alone is
    # named; "he" is the other laureate named before it
    text = ("PRESS RELEASE\n\nOSLO, 2 May 2024 - Professor Ada Lund of the University of Oslo "
            "shares the Brage Prize with Professor Omar Haddad of Cairo University. Lund "
            "said she was delighted. Lund studied at Lund University.\n\nHaddad studied in "
            "Cairo. He joined Cairo University in 2001. In 2015 he published \"Sand Waves in "
            "Deep Time\" with his student Mona Aziz. Haddad was thrilled. Haddad thanked his "
            "team. He said so twice. Haddad smiled.\n")
    from kg.pipeline import extract
    from kg.reader import read_text

    x = extract(read_text(text))
    assert x.subject == "Ada Lund"
    papers = {p.title: sorted(a.name for a in p.authors) for p in x.papers}
    assert papers == {"Sand Waves in Deep Time": ["Mona Aziz", "Omar Haddad"]}
    affiliations = {(a.person, a.relation, a.organization) for a in x.affiliations}
    assert ("Omar Haddad", "worksFor", "Cairo University") in affiliations
    assert ("Ada Lund", "worksFor", "Cairo University") not in affiliations


def test_bibtex_in_a_fence_and_a_team_leader_named_by_possessive():
    text = ("# Ana Ruiz\n\nAna Ruiz is a physicist. She worked in Jean-Marc Lebrun's team at "
            "the University of Lyon.\n\n```bibtex\n@inproceedings{ruiz2023,\n  title = {Cold "
            "Atoms in Small Traps},\n  author = {Ruiz, Ana and Oh, Ji-woo},\n  booktitle = "
            "{Proc. Atom Conf.},\n  year = {2023}\n}\n```\n")
    papers, people = _papers(text)
    assert papers == {"Cold Atoms in Small Traps": ("2023", [("Ana Ruiz", 1), ("Ji-woo Oh", 2)])}
    assert sorted(people) == ["Ana Ruiz", "Jean-Marc Lebrun", "Ji-woo Oh"]


def test_wiki_notes_give_people_and_outlets_but_no_papers_and_bodies_are_no_people():
    text = ("Ana Ruiz\n\nSpouse: Tomas Vidal Rey\n\nAna Ruiz is a physicist. In 2016 she "
            "co-founded the software company Lumen Datos Abiertos.\n\n== References ==\n\n"
            "1. ^ Gray, Peter (4 May 2021). \"Physicist wins prize\". The Daily Courier. "
            "Retrieved 5 May 2021.\n2. ^ Lind, Eva (2019). \"Atoms in small traps\". "
            "Journal of Atoms 4 (2): 1–9.\n")
    from kg.pipeline import extract
    from kg.reader import read_text

    x = extract(read_text(text))
    assert x.papers == []  # a source by people the prose never names
    assert sorted(e.name for e in x.people) == ["Ana Ruiz", "Eva Lind", "Peter Gray",
                                                "Tomas Vidal Rey"]
    orgs = {o.name: o.kind for o in x.organizations}
    assert orgs.get("The Daily Courier") == "media" and "Lumen Datos Abiertos" in orgs


def test_titles_in_guillemets_and_low_high_quotes_and_a_book_from_any_publisher():
    text = ("# Ana Ruiz\n\nAna Ruiz is a biologist. In 2014 she published «El mar que cambia: "
            "crónicas del Pacífico» with Pablo Soto. Her 2016 paper „Meeresströmungen im "
            "Wandel“, written with Karl Weber, appeared in 2016.\n\n## Selected works\n\n"
            "- Ruiz, A. (2021). *Mares del sur*. Editorial Universitaria.\n")
    papers, _ = _papers(text)
    assert papers == {
        "El mar que cambia: crónicas del Pacífico": ("2014", [("Pablo Soto", None),
                                                              ("Ana Ruiz", None)]),
        "Meeresströmungen im Wandel": ("2016", [("Karl Weber", None), ("Ana Ruiz", None)]),
        "Mares del sur": ("2021", [("Ana Ruiz", 1)]),
    }


def test_a_counted_group_and_a_paper_written_alone():
    papers, _ = _papers(
        "# Jane Roe\n\nJane Roe is a mathematician. Roe, Tom Vale and Ann Bell spent the summer "
        "of 2010 in Kyoto. The three of them posted \"Graphs Without Edges\" to arXiv that "
        "autumn. In 2015 she wrote \"A Theory of Drift\" alone; it appeared in Econometrica.\n")
    date, authors = papers["Graphs Without Edges"]
    assert date == "2010"
    assert {name for name, _ in authors} == {"Jane Roe", "Tom Vale", "Ann Bell"}
    assert papers["A Theory of Drift"] == ("2015", [("Jane Roe", 1)])


def test_a_bracket_after_a_title_and_co_authors_named_after_it():
    papers, _ = _papers(
        "# Jane Roe\n\nJane Roe is a computer scientist. \"Dense Retrieval at Scale\" (with Tom "
        "Vale and Ann Bell) was presented at SIGIR 2020. Her co-authors on \"Sparse Attention\" "
        "(2019) were Tom Vale, Ann Bell and Omar Haddad.\n")
    assert {n for n, _ in papers["Dense Retrieval at Scale"][1]} == {"Tom Vale", "Ann Bell"}
    date, authors = papers["Sparse Attention"]
    assert date == "2019"
    assert {n for n, _ in authors} == {"Jane Roe", "Tom Vale", "Ann Bell", "Omar Haddad"}


def test_a_list_holds_a_described_second_name():
    text = "In 2018 Ola Berg and her doctoral student Tim Sato released the corpus."
    frames = read_frames(text, _people(text, "Ola Berg", "Tim Sato"))
    assert [(f.kind, f.names) for f in frames] == [("verb", ["Ola Berg", "Tim Sato"])]


def test_honorifics_and_a_described_co_author_after_a_comma():
    papers, _ = _papers(
        "# Jane Roe\n\nJane Roe was a biochemist. Her last paper, published in 2010 with Dr. Ann "
        "Bell and Dr. Tom Vale, was \"Folding in Crowded Cells.\" Colleagues still cite \"A "
        "Kinetic Map of Folding,\" the 1984 paper she wrote with her first graduate student, "
        "Omar Haddad.\n")
    assert {n for n, _ in papers["Folding in Crowded Cells"][1]} == {
        "Jane Roe", "Ann Bell", "Tom Vale"}
    assert {n for n, _ in papers["A Kinetic Map of Folding"][1]} == {"Jane Roe", "Omar Haddad"}


def test_a_title_with_its_comma_inside_the_quotes_and_where_it_ran():
    papers, _ = _papers(
        "# Jane Roe\n\nJane Roe was a biologist. The work, \"Stability signals in short-lived "
        "messages,\" appeared in the journal Cell in 1986. Their study of river deltas, "
        "\"Sediment pulses and delta growth,\" ran in Science in 1999 with Tom Vale as lead "
        "author.\n")
    assert papers["Stability signals in short-lived messages"][0] == "1986"
    assert papers["Sediment pulses and delta growth"] == ("1999", [("Tom Vale", 1)])


def test_a_comma_inside_the_quotes_before_a_clause_or_a_work_noun():
    papers, _ = _papers(
        "# Jane Roe\n\nJane Roe was a biologist. Colleagues still cite \"A Kinetic Map of "
        "Folding,\" which she wrote with Tom Vale in 1984. She wrote \"The Patient Molecule: A "
        "Life in Science,\" a memoir, in 2012.\n")
    assert {n for n, _ in papers["A Kinetic Map of Folding"][1]} == {"Jane Roe", "Tom Vale"}
    assert papers["The Patient Molecule: A Life in Science"] == ("2012", [("Jane Roe", 1)])


def test_books_named_by_their_imprint():
    # an unquoted title followed by "(Publisher, year)"; the imprint is no short name and
    # the title's words are no organisation
    from kg.pipeline import extract
    from kg.reader import read_text

    x = extract(read_text(
        "# Jane Roe\n\nJane Roe is a historian. A revised version of her thesis appeared four "
        "years later as Fevers of Empire: Malaria in West Africa (Manchester University Press, "
        "1994). She co-edited Bodies in Transit (Palgrave Macmillan, 2008) with Tom Vale. Her "
        "next book, Instruments of Care: A Material History of the Hospital Ward (Yale "
        "University Press, 2012), was praised. She moved to Oxford University Press (Oxford, "
        "2001) as an editor."))
    got = {p.title: (p.date.iso if p.date else None, sorted(a.name for a in p.authors),
                     sorted(p.aliases)) for p in x.papers}
    assert got == {
        "Fevers of Empire: Malaria in West Africa": ("1994", ["Jane Roe"], []),
        "Bodies in Transit": ("2008", ["Jane Roe", "Tom Vale"], []),
        "Instruments of Care: A Material History of the Hospital Ward": ("2012", ["Jane Roe"],
                                                                         []),
    }
    orgs = {o.name for o in x.organizations}
    assert "Manchester University Press" in orgs
    assert not any("Hospital" in o for o in orgs)


def test_names_given_in_order_and_hyphenated_given_names():
    papers, people = _papers(
        "# Jane Roe\n\nJane Roe is a geneticist. That work, carried out with her student Rosa "
        "Quispe Mamani and the statistician Da-eun Kwon, culminated in \"Haplotypes of the "
        "High Andes,\" published in Science in 1991 under the names of Dr. Quispe Mamani, Dr. "
        "Roe and Dr. Kwon, in that order.")
    assert papers == {"Haplotypes of the High Andes": (
        "1991", [("Rosa Quispe Mamani", 1), ("Jane Roe", 2), ("Da-eun Kwon", 3)])}
    assert "Da-eun Kwon" in people and "Da" not in people


def test_a_markdown_cv_with_escaped_marks_italic_et_al_a_thesis_and_a_grant():
    from kg.pipeline import extract
    from kg.reader import read_text

    x = extract(read_text(
        "# Jane Roe\n\nJane Roe is a linguist.\n\n## Education\n\n"
        "- Ph.D., Linguistics, University of Tarnow, 2014\n"
        "  Dissertation: *Paradigms under Strain in Northern Dialects*. Advisor: Tom Vale.\n\n"
        "## Grants\n\n"
        "- 2020: Starting Grant, European Research Council — project MORPHO, \"Closing the Gap "
        "in Multilingual Models\" (2021–2026)\n\n"
        "## Publications\n\n"
        "[1] A. Lind\\*, **J. Roe**\\*, and K. Berg, \"Do encoders share a syntax?,\" in "
        "*Proc. EMNLP*, 2021, pp. 1–9.\n\n"
        "[2] **J. Roe**, R. Castro, P. Desai, *et al.*, \"Cheap supervision for segmentation,\" "
        "in *Proc. NAACL*, 2016, pp. 455–466.\n"))
    got = {p.title: (p.date.iso if p.date else None, [a.name for a in p.authors])
           for p in x.papers}
    assert got == {
        "Paradigms under Strain in Northern Dialects": ("2014", ["Jane Roe"]),
        "Do encoders share a syntax?": ("2021", ["A. Lind", "Jane Roe", "K. Berg"]),
        "Cheap supervision for segmentation": ("2016", ["Jane Roe", "R. Castro", "P. Desai"]),
    }


def test_an_interview_s_papers_named_first_and_led_by_a_colleague():
    papers, people = _papers(
        "A Conversation with Maria Soto\n\nMaria Soto runs a battery startup. She spoke to us "
        "in May.\n\nQ: What was your first paper?\n\nA: \"Sodium Anodes at Scale,\" in 2012, "
        "with my advisor Karl Weber and my labmate Ana Pinto. I was first author. Two years "
        "later Ana led \"Cheap Cathodes for Grid Storage,\" and I was second author.\n\n"
        "Q: And then?\n\nA: I joined a startup. I was happy there.\n")
    assert papers["Sodium Anodes at Scale"] == (
        "2012", [("Maria Soto", 1), ("Karl Weber", None), ("Ana Pinto", None)])
    assert papers["Cheap Cathodes for Grid Storage"] == (
        "2014", [("Ana Pinto", 1), ("Maria Soto", 2)])
    assert "Ana Pinto" in people


@pytest.mark.parametrize(("text", "title", "expected"), [
    # "published as" is no speech ("as X put it"); "led by her postdoc A", a name the tagger
    # took for a place
    ("Ana Lima joined her lab in 2005. The work, published as \"Deep Roots and Dry Years\" in "
     "PNAS in 2020, was led by her postdoc Ana Lima.",
     "Deep Roots and Dry Years", ("2020", [("Ana Lima", 1)])),
    # the author word left out after "the": "Vale the first"
    ("Tom Vale joined her lab in 2005. Their study, \"Rivers of Salt,\" appeared in Science in "
     "2009; Roe was the senior author and Vale the first.",
     "Rivers of Salt", ("2009", [("Tom Vale", 1), ("Jane Roe", None)])),
    # the subject's pronoun in a list of names before a publishing verb
    ("Tom Vale joined her lab in 2005. She and Vale published \"Rivers of Salt\" in 1999.",
     "Rivers of Salt", ("1999", [("Jane Roe", None), ("Tom Vale", None)])),
    # a known surname starts a list after "with": the other names in it are people
    ("Tom Vale joined her lab in 2005. Her best-known paper is \"Rivers of Salt\" (Nature, "
     "1999), co-written with Vale and Ana Lima.",
     "Rivers of Salt", ("1999", [("Tom Vale", None), ("Ana Lima", None), ("Jane Roe", None)])),
])
def test_papers_published_as_positions_left_elliptic_and_co_writers(text, title, expected):
    papers, _people = _papers("# Jane Roe\n\nJane Roe is a hydrologist. " + text)
    assert papers[title] == expected


PODCAST = """# Lab Talk, Episode 12: Mira Castell on cracks and protons

**Host:** My guest today is Mira Castell, associate professor of chemistry at Tulane \
University.

**Castell:** I did my undergrad at the University of Minnesota — I started there in 2005 — \
and stayed for the PhD. I defended in the spring of 2013.

**Castell:** The work that put the group on the map came out in 2022: "Proton Transport \
Along Strained Grain Boundaries," in Nature Materials. My student Tom Vale was first author.
"""


def test_a_podcast_episode_is_about_the_guest_its_headline_names():
    from kg.pipeline import extract
    from kg.reader import read_text

    x = extract(read_text(PODCAST))
    assert x.subject == "Mira Castell"
    got = {(a.person, a.relation, a.organization, a.start.iso if a.start else None,
            a.end.iso if a.end else None) for a in x.affiliations}
    # "I did my undergrad at X — I started there in 2005": no name glued to the dash
    assert ("Mira Castell", "alumniOf", "University of Minnesota", "2005", "2013") in got
    # "I started there": the study taken there, not a job
    assert not [a for a in got if a[1] == "worksFor" and a[2] == "University of Minnesota"]
    papers = {p.title: (p.date.iso if p.date else None, [(a.name, a.position) for a in p.authors])
              for p in x.papers}
    # a quoted title followed by ', in <journal>': a paper without any other cue
    assert papers["Proton Transport Along Strained Grain Boundaries"] == (
        "2022", [("Tom Vale", 1)])


@pytest.mark.parametrize("sentence, title, date, authors", [
    # "published in <journal> in <month> as 'X', by A, B and C": a title, not a name given
    ('The main findings were published in the Journal of Field Ecology in March 2006 as "A '
     'census of hedgerow beetles in winter", by Roe, Tom Vale and Mira Castell.',
     "A census of hedgerow beetles in winter", "2006-03",
     [("Jane Roe", 1), ("Tom Vale", 2), ("Mira Castell", 3)]),
    # "came out in <journal> in <month> as 'X'" is the same: a title, not a name given
    ('Her second study came out in the Journal of Field Ecology in March 2009 as "Winter '
     'survival of hedgerow beetles", with Tom Vale.',
     "Winter survival of hedgerow beetles", "2009-03", [("Tom Vale", None), ("Jane Roe", None)]),
    # "appeared in <journal> in <year> under the title 'X'"
    ('The work appeared in the Journal of Field Ecology in 2011 under the title "Winter '
     'roosts of hedgerow beetles."', "Winter roosts of hedgerow beetles", "2011", []),
    # 'on which she was first author'; 'A and the crystallographer B were among her co-authors'
    ('Her thesis produced a 2013 paper in the Journal of Field Ecology, "Winter roosts of '
     'hedgerow beetles," on which she was first author; Tom Vale and the entomologist Mira '
     'Castell were among her co-authors.', "Winter roosts of hedgerow beetles", "2013",
     [("Jane Roe", 1), ("Tom Vale", None), ("Mira Castell", None)]),
    # a journal named right before a quote in sentence case
    ('Her first study appeared in 2001 in the Quarterly Review of Soils, "Nitrogen in peat: a '
     'five-year cohort", on which she was senior author.',
     "Nitrogen in peat: a five-year cohort", "2001", [("Jane Roe", None)]),
    # a thesis title in title case with commas, ending the sentence; its writer is the subject
    ("In 1994 she completed a PhD with a thesis titled Salt, Blood Pressure and Migration: A "
     "Study of Island Families.",
     "Salt, Blood Pressure and Migration: A Study of Island Families", "1994", [("Jane Roe", 1)]),
    # the thesis completed in a second clause of hers
    ("At the School of Hygiene she was supervised by Tom Vale, a reader there, and in 1994 "
     "completed a PhD with a thesis titled Salt and Migration: A Study of Island Families.",
     "Salt and Migration: A Study of Island Families", "1994", [("Jane Roe", 1)]),
    # a work in progress, "provisionally titled" X
    ("She is also completing a third monograph, provisionally titled Salt and Static: Cable "
     "Engineers and the Ocean Floor.",
     "Salt and Static: Cable Engineers and the Ocean Floor", None, [("Jane Roe", 1)]),
    # a title in title case beside its work noun, after a publishing verb of hers
    ("She returned to private practice and in 1926 published a memoir, Forty Years at the "
     "Bar.", "Forty Years at the Bar", "1926", [("Jane Roe", 1)]),
    ("In 1897 she and her partner Amos R. Kell published The Tariff and the Ohio Farmer, a "
     "widely circulated pamphlet.",
     "The Tariff and the Ohio Farmer", "1897", [("Amos R. Kell", None), ("Jane Roe", None)]),
])
def test_titles_a_journal_or_a_thesis_frames(sentence, title, date, authors):
    from kg.pipeline import extract
    from kg.reader import read_text

    x = extract(read_text("# Jane Roe\n\nJane Roe is an ecologist. " + sentence))
    papers = {p.title: (p.date.iso if p.date else None, [(a.name, a.position) for a in p.authors])
              for p in x.papers}
    assert papers == {title: (date, authors)}


def test_a_forthcoming_entry_of_a_publications_list_is_a_paper():
    from kg.pipeline import extract
    from kg.reader import read_text

    x = extract(read_text(
        "# Jane Roe\n\nJane Roe is a historian.\n\n## Articles\n\n"
        'Roe, Jane. 2010. "Lead Lines and Ledgers." *Journal of Seas* 43 (3): 371–96.\n\n'
        'Roe, Jane. Forthcoming. "Salt and Time: Clocks at Sea." *Journal of Clocks* 41.\n'))
    papers = {p.title: (p.date.iso if p.date else None, [a.name for a in p.authors])
              for p in x.papers}
    assert papers == {"Lead Lines and Ledgers": ("2010", ["Jane Roe"]),
                      "Salt and Time: Clocks at Sea": (None, ["Jane Roe"])}


def test_the_paper_written_with_a_and_b_in_the_next_sentence():
    from kg.pipeline import extract
    from kg.reader import read_text

    x = extract(read_text(
        "# Jane Roe\n\nJane Roe is a chemist. Her work appeared in Nature Energy in 2021 under "
        'the title "Layered sodium oxides for long storage." The paper, written with Tomasz '
        "Wielgosz and Priyanka Raghunathan, showed that the layers held. Wielgosz, the paper's "
        "first author, was then a postdoctoral researcher in her lab."))
    papers = {p.title: {(a.name, a.position) for a in p.authors} for p in x.papers}
    # the two after "written with" (one entity to the recogniser) and the one who wrote it
    assert papers == {"Layered sodium oxides for long storage": {
        ("Jane Roe", None), ("Tomasz Wielgosz", 1), ("Priyanka Raghunathan", None)}}


def test_an_ieee_list_under_a_press_release_heading_gives_ordered_authors():
    from kg.pipeline import extract
    from kg.reader import read_text

    x = extract(read_text(
        "Lakemoor, 3 May 2021 - Tom Vale of the University of Lakemoor receives the Hale "
        "Prize for his work on acoustic sensing [1], [2].\n\nKey papers cited by the jury\n\n"
        '[1] T. Vale, M. Castell, and F. Arnaud, "Acoustic sensing of calving fronts," IEEE '
        "Trans. Geosci. Remote Sens., vol. 50, no. 2, pp. 100-110, 2012.\n\n"
        '[2] M. Castell and T. Vale, "Low-noise hydrophones for polar seas," J. Acoust. Soc. '
        "Am., vol. 131, pp. 22-31, 2014.\n"))
    assert sorted((p.title, p.date and p.date.iso, [a.name for a in p.authors])
                  for p in x.papers) == [
        ("Acoustic sensing of calving fronts", "2012", ["Tom Vale", "M. Castell", "F. Arnaud"]),
        ("Low-noise hydrophones for polar seas", "2014", ["M. Castell", "Tom Vale"])]


def test_a_title_given_with_is_called_and_its_year_from_the_sentence_before():
    papers, _ = _papers(
        "Jane Roe\n\nJane Roe is a chemist who works on solid electrolytes in Oslo. Her "
        "first paper is called \"Salt Bridges in Dry Cells\". Her student did most of the work "
        "on their 2022 paper on dendrites. It is called \"Glass Electrolytes That Stop "
        "Dendrites\", and it appeared in Advanced Ionic Materials. She also built a robot in "
        "2020. It is called \"Little Helper Number Three\".")
    assert {t: d for t, (d, _a) in papers.items()} == {
        "Salt Bridges in Dry Cells": None, "Glass Electrolytes That Stop Dendrites": "2022"}


def test_it_came_out_in_a_year_dates_the_paper_before_it():
    papers, _ = _papers(
        "Jane Roe\n\nJane Roe is a chemist who works on solid electrolytes in Oslo. She "
        "finished her PhD in 2013. The paper she is proudest of from those years is \"Salt "
        "Bridges in Dry Cells\". Ann Ray was first author. It came out in the Journal of "
        "Solid Ionics in 2012.")
    assert papers["Salt Bridges in Dry Cells"][0] == "2012"


def test_a_study_that_ran_for_years_is_not_dated_by_them():
    papers, _ = _papers(
        "Jane Roe\n\nJane Roe is a physician who studies heart disease in Oslo. Her best paper is "
        "called \"Salt and the Ageing Heart\". The study ran from 2004 to 2009 with 300 "
        "patients.")
    assert papers["Salt and the Ageing Heart"][0] is None


def test_co_authors_each_with_their_body_form_one_list():
    text = ("written with Tom Vale of the Hale Research Centre, Mira Castell of Lakemoor "
            "University and Felix Arnaud of the University of Hull.")
    frames = read_frames(text, _people(text, "Tom Vale", "Mira Castell", "Felix Arnaud"))
    assert [(f.kind, f.names) for f in frames] == [
        ("with", ["Tom Vale", "Mira Castell", "Felix Arnaud"])]


def test_the_subject_of_a_paper_with_others_and_a_lead_author_of_a_study():
    papers, _ = _papers(
        "Jane Roe\n\nJane Roe is a chemist who works on solid electrolytes in Oslo. In a "
        "three-author paper with Tom Vale of Lakemoor University and Mira Castell, \"Salt "
        "Bridges in Dry Cells,\" which appeared in Nature in 2011, she showed that the "
        "bridges hold. She is best known as lead author of a 2016 study published in "
        "Science, \"Glass Electrolytes That Stop Dendrites,\" written with Felix Arnaud.")
    assert papers == {
        "Salt Bridges in Dry Cells": ("2011", [("Tom Vale", None), ("Mira Castell", None),
                                               ("Jane Roe", None)]),
        "Glass Electrolytes That Stop Dendrites": ("2016", [("Jane Roe", 1),
                                                            ("Felix Arnaud", None)])}


def test_a_works_list_gives_the_subject_s_own_books():
    papers, _ = _papers(
        "Mira Castell\n\nMira Castell (1908–1979) was a novelist and journalist who wrote about "
        "harbour towns.\n\nWorks\n\nApart from one book written with Tom Vale, all her books "
        "were her own work.\n\nHarbour Lights (1932), short stories\nSalt in the Rigging "
        "(Sol u konopima, 1938)\nNotebook from the Islands (1959), with Tom Vale\n")
    assert papers == {
        "Harbour Lights": ("1932", [("Mira Castell", 1)]),
        "Salt in the Rigging": ("1938", [("Mira Castell", 1)]),
        "Notebook from the Islands": ("1959", [("Mira Castell", None), ("Tom Vale", None)])}


def test_works_cited_prose_lines_and_a_negated_lead_author_give_no_own_work():
    papers, _ = _papers(
        "Mira Castell\n\nMira Castell (1908–1979) was a novelist who wrote about harbour "
        "towns.\n\nWorks\n\nHer first novel was Glass Orchard (1956), which sold poorly.\n\n"
        "Works cited\n\nThe Origin of Species (1859)\n")
    assert papers == {}
    papers, _ = _papers(
        "Jane Roe\n\nJane Roe is a chemist who works on solid electrolytes in Oslo. She was not "
        "the lead author of the study on peat, \"Rain on the Bogs\", in 2001.")
    assert all(pos != 1 for _t, (_d, authors) in papers.items() for _n, pos in authors)


def test_a_work_noun_then_a_copula_names_the_quoted_title():
    papers, _ = _papers(
        "Jane Roe\n\nJane Roe is a physicist who works on cold qubits in Oslo. The paper most "
        "people know from that period is \"Parametric cooling of a small qubit below the "
        "thermal limit\", which came out in Physical Review Letters in 2016.")
    assert set(papers) == {"Parametric cooling of a small qubit below the thermal limit"}
    assert papers["Parametric cooling of a small qubit below the thermal limit"][0] == "2016"


def test_a_citation_s_authors_before_its_quoted_title():
    papers, _ = _papers(
        "Jane Roe\n\nJane Roe is a chemist who works on blood tests in Oslo.\n\n"
        "\"Paper-based detection of a marker in whole blood,\" Lab on a Chip, 2014.\n\n"
        "It was published in 2023 in The Lancet: Tom Vale et al., \"A fingerstick assay for "
        "early triage in the emergency department.\"\n\n"
        "She wrote a paper with two colleagues, Mira Castell and Ann Ray, \"Salt Bridges in Dry "
        "Cells,\" in 2011. She and Tom Vale hold \"Method and apparatus for a strip reader,\" "
        "U.S. Patent 10,812,334, 2020.")
    assert papers == {
        # a sentence that is a citation alone
        "Paper-based detection of a marker in whole blood": ("2014", []),
        # "A et al., "X"": A first, the list open
        "A fingerstick assay for early triage in the emergency department": (
            "2023", [("Tom Vale", 1)]),
        # an apposition's names are co-authors, not an ordered list
        "Salt Bridges in Dry Cells": ("2011", [("Mira Castell", None), ("Ann Ray", None),
                                               ("Jane Roe", None)]),
    }  # and a patent is no paper
