"""Affiliation and authorship rules on short texts, through the public extraction API.

Each text is a sentence or two written for the rule; the expected facts are what the
sentence states, read by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.pipeline import extract
from kg.reader import read_text


def _affiliations(text: str) -> set[tuple[str, str, str, str | None, str | None]]:
    x = extract(read_text(text))
    return {(a.person, a.relation, a.organization, a.start.iso if a.start else None,
             a.end.iso if a.end else None) for a in x.affiliations}


@pytest.mark.parametrize(("text", "expected"), [
    # a doctorate "under" supervisors: they work at the university named before them ...
    ("# Jane Roe\n\nJane Roe is a mathematician. Roe earned her doctorate from the University "
     "of Tarnow in 1988, under the supervision of Piotr Lenz and Ada Brandt, after which she "
     "joined the faculty of the University of Bergen.",
     ("Ada Brandt", "worksFor", "University of Tarnow", None, None)),
    # ... or at the one right after them
    ("# Jane Roe\n\nJane Roe is a mathematician. Roe received her candidate degree in 1959 "
     "under Pavel Novak at Kazan State University and her doctorate in 1963.",
     ("Pavel Novak", "worksFor", "Kazan State University", None, None)),
    # a predicate noun with the clause's dates
    ("# Jane Roe\n\nJane Roe is a chemist. From 2009 to 2013 she was a postdoctoral researcher "
     "at the Nordvik Institute for Soil Science.",
     ("Jane Roe", "worksFor", "Nordvik Institute for Soil Science", "2009", "2013")),
    # a leading date without a comma; founders listed after 'together with'
    ("# Jane Roe\n\nJane Roe is an engineer. In August 2021 Roe founded Quillon Speech "
     "Technologies in Durban together with Tom Vale.",
     ("Tom Vale", "founderOf", "Quillon Speech Technologies", "2021-08", None)),
    # an apposition keeps its own (undated) relation, not the main clause's date
    ("# Jane Roe\n\nJane Roe is an engineer. In August 2021 Roe founded Quillon Speech "
     "Technologies with Tom Vale, a former network engineer at Vodacom.",
     ("Tom Vale", "worksFor", "Vodacom", None, None)),
    # the governing noun of a degree, from the parse
    ("# Jane Roe\n\nJane Roe is a lawyer. She received an MBA from the University of Toronto "
     "in 1999.",
     ("Jane Roe", "alumniOf", "University of Toronto", None, "1999")),
    # a career list item: dates, role, organisation
    ("# Jane Roe\n\nJane Roe is an economist.\n\n## Career\n\n"
     "- 2004–2008: Assistant professor of economics, London School of Economics\n",
     ("Jane Roe", "worksFor", "London School of Economics", "2004", "2008")),
    # a stint of years with its dates in an aside, and a long job title before 'at'
    ("# Jane Roe\n\nJane Roe is a physician. She then spent two years, from 2003 to 2005, as "
     "a resident in internal medicine at the Lakemoor General Hospital.",
     ("Jane Roe", "worksFor", "Lakemoor General Hospital", "2003", "2005")),
    # 'there' past a place that only modifies a noun ("a Minneapolis maker")
    ("# Jane Roe\n\nJane Roe is an engineer. Roe joined Quillon Instruments, a Minneapolis "
     "maker of monitors, as an engineer; she worked there from 2007 to 2010 on sensors.",
     ("Jane Roe", "worksFor", "Quillon Instruments", "2007", "2010")),
    # 'the company' is the body just founded, not an earlier employer described as a maker
    ("# Jane Roe\n\nJane Roe is an engineer. Roe joined Quillon Instruments, a maker of "
     "monitors, as an engineer.\n\nIn 2012 Roe and Tom Vale left to found Paylane Robotics. "
     "In 2013 the company raised a seed round led by Kestrel Ventures.",
     ("Paylane Robotics", "fundedBy", "Kestrel Ventures", "2013", None)),
    # "In 2012 A and B founded X": the first name is a subject too, though the small parser
    # takes it for the object of "In"
    ("# Jane Roe\n\nJane Roe is an engineer who builds robots for farms and forests. In 2012 "
     "Mira Castell and Tom Vale founded Paylane Robotics.",
     ("Mira Castell", "founderOf", "Paylane Robotics", "2012", None)),
    # founders' posts given with 'with A as <title>', from the founding
    ("# Jane Roe\n\nJane Roe is an engineer who builds robots for farms and forests. In March "
     "2012 Roe and Tom Vale left the university to found Quillon Medical, with Roe as chief "
     "executive and Vale as chief technology officer.",
     ("Tom Vale", "worksFor", "Quillon Medical", "2012-03", None)),
    # a body that awards 'it' a grant funds the body funded just before
    ("# Jane Roe\n\nJane Roe is an engineer who builds robots for farms and forests. In 2012 "
     "Roe founded Quillon Medical. In 2016 the company closed a Series A round led by Orca "
     "Capital, and in 2017 the Hale Foundation awarded it a $3 million grant.",
     ("Quillon Medical", "fundedBy", "Hale Foundation", "2017", None)),
    # a seat 'on the company's board', until a year; stepping down ends the post held last
    ("# Jane Roe\n\nJane Roe is an engineer who builds robots for farms and forests. In 2012 "
     "Roe founded Quillon Medical. Roe stepped down as chief executive in June 2020; she "
     "remained on the company's board of directors until 2022.",
     ("Jane Roe", "memberOf", "Quillon Medical", None, "2022")),
    ("# Jane Roe\n\nJane Roe is an engineer who builds robots for farms and forests. In 2012 "
     "Roe joined Quillon Medical as chief executive. Roe stepped down as chief executive in "
     "June 2020.",
     ("Jane Roe", "worksFor", "Quillon Medical", "2012", "2020-06")),
    # 'from its founding': the founding date
    ("# Jane Roe\n\nJane Roe is a biologist who studies proteins in yeast cells. Tom Vale "
     "founded Paylane Therapeutics in 1999, and Roe sat on the company's advisory board from "
     "its founding until 2010.",
     ("Jane Roe", "memberOf", "Paylane Therapeutics", "1999", "2010")),
    # a founded body the tagger swallowed with its founder into one entity of another kind
    ("# Jane Roe\n\nJane Roe is an engineer who builds robots for farms and forests. In March "
     "2012 Roe founded Quenaya Medical with Tom Vale.",
     ("Jane Roe", "founderOf", "Quenaya Medical", "2012-03", None)),
    # British 'went up to X to read Y'
    ("# Jane Roe\n\nJane Roe is a lawyer who writes on water rights and rivers. In 1994 she "
     "went up to the University of Hull to read law.",
     ("Jane Roe", "alumniOf", "University of Hull", "1994", None)),
    # more job titles: an investigator, a consultant
    ("# Jane Roe\n\nJane Roe is a biologist who studies proteins in yeast cells. From 1995 "
     "until 2003 she was an investigator of the Vale Medical Institute.",
     ("Jane Roe", "worksFor", "Vale Medical Institute", "1995", "2003")),
    ("# Jane Roe\n\nJane Roe is a physician who studies the heart. She returned home in 1995 "
     "as a consultant cardiologist at Lakemoor City Hospital.",
     ("Jane Roe", "worksFor", "Lakemoor City Hospital", "1995", None)),
    # a company's first word with a possessive names it: its financing came from X
    ("# Jane Roe\n\nJane Roe is an engineer who builds robots for farms and forests. In 2001 "
     "she founded Quillon Robotics, a company in Lakemoor. Quillon's first financing came "
     "that year from the venture capital firm Kestrel Ventures.",
     ("Quillon Robotics", "fundedBy", "Kestrel Ventures", None, None)),
])
def test_affiliation_read_from_the_sentence(text, expected):
    assert expected in _affiliations(text)


def test_the_model_tagging_an_employer_as_a_place_does_not_lose_it():
    # the small model tags "Klarna" GPE; the employer's place makes it an organisation
    got = _affiliations("# Jane Roe\n\nJane Roe is a banker. She co-founded Ledgerline Analytics "
                        "with Sofia Berg, a former data scientist at Klarna.")
    assert ("Sofia Berg", "worksFor", "Klarna", None, None) in got
    assert ("Jane Roe", "founderOf", "Ledgerline Analytics", None, None) in got


def test_a_bracketed_short_name_is_the_same_organisation():
    x = extract(read_text("# Jane Roe\n\nJane Roe studied at the University of the Witwatersrand "
                          "(Wits). At Wits she met fellow student Tom Vale."))
    orgs = {o.name for o in x.organizations}
    assert "University of the Witwatersrand" in orgs
    assert not any("(" in o or o == "Wits" for o in orgs)


def test_follow_up_sentence_names_the_first_author():
    x = extract(read_text(
        '# Jane Roe\n\nJane Roe is a biologist. Her best-known paper, "Sparse Factor Models '
        'for Cell Atlases", was published in 2018. Roe was its first author, with co-authors '
        'Tom Vale and Mia Stone.'))
    (paper,) = x.papers
    authors = {(a.name, a.position) for a in paper.authors}
    assert authors == {("Jane Roe", 1), ("Tom Vale", None), ("Mia Stone", None)}


@pytest.mark.parametrize(("text", "expected"), [
    # "the institute" points back to the institute named before it
    ("# Jane Roe\n\nJane Roe is a chemist. She worked at the Varga Institute for Marine Chemistry "
     "in Split. Her co-author Martin Keller, a fellow postdoctoral researcher at the institute, "
     "later moved to Zagreb.",
     ("Martin Keller", "worksFor", "Varga Institute for Marine Chemistry", None, None)),
    # a possessive description with a name in apposition
    ("# Jane Roe\n\nJane Roe is a chemist. She worked at the Varga Institute for Marine Chemistry, "
     "in the group of the institute's director, Martin Keller.",
     ("Martin Keller", "worksFor", "Varga Institute for Marine Chemistry", None, None)),
    # "its" inside the sentence that names the organisation
    ("# Jane Roe\n\nJane Roe is a chemist. A 2019 profile in the Daily Courier by its science "
     "editor, Tom Vale, praised her.",
     ("Tom Vale", "worksFor", "Daily Courier", None, None)),
    # "there" after the organisation, with no place named in between
    ("# Jane Roe\n\nJane Roe is a chemist. In 2004 she began doctoral research at the University "
     "of Tromso under Martin Keller, a professor of geology there.",
     ("Martin Keller", "worksFor", "University of Tromso", None, None)),
    # doctoral research begun at a university is study there, dated by the clause
    ("# Jane Roe\n\nJane Roe is a chemist. In October 2004 she began doctoral research at the "
     "University of Tromso.",
     ("Jane Roe", "alumniOf", "University of Tromso", "2004-10", None)),
    # "the company's" role with the clause's "since"
    ("# Jane Roe\n\nJane Roe is an engineer. In May 2019 she co-founded Quillon Robotics with "
     "Tom Vale. Vale and Roe have served as the company's chief executive and chief technology "
     "officer, respectively, since May 2019.",
     ("Tom Vale", "worksFor", "Quillon Robotics", "2019-05", None)),
    # a relative clause after two coordinated names is about the nearer one
    ("# Jane Roe\n\nJane Roe is an engineer. The paper's authors were Roe, Tom Vale and "
     "Martin Keller, who had left Quillon Robotics to join Marrow Labs in 2021.",
     ("Martin Keller", "worksFor", "Marrow Labs", "2021", None)),
    # a date range the parse splits ("From 2015 to | 2017 Roe was ...")
    ("# Jane Roe\n\nJane Roe is a linguist. From 2015 to 2017 Roe was a postdoctoral research "
     "fellow at the University of Tromso.",
     ("Jane Roe", "worksFor", "University of Tromso", "2015", "2017")),
    # a list of schools with places between them
    ("# Jane Roe\n\nJane Roe is a lawyer. She was educated at Lakefield College School in "
     "Lakefield, Ontario, McGill University in Montreal, Quebec, and at the University of "
     "Toronto.",
     ("Jane Roe", "alumniOf", "McGill University", None, None)),
])
def test_references_back_to_an_organisation(text, expected):
    assert expected in _affiliations(text)


def test_a_relative_clause_is_not_given_to_the_first_of_two_names():
    got = _affiliations("# Jane Roe\n\nJane Roe is an engineer. The paper's authors were Roe, "
                        "Tom Vale and Martin Keller, who had left Quillon Robotics to join "
                        "Marrow Labs in 2021.")
    assert not any(p == "Tom Vale" for p, *_ in got)


def _orgs(text: str) -> set[str]:
    return {o.name for o in extract(read_text(text)).organizations}


@pytest.mark.parametrize(("text", "expected"), [
    # passive founding, with the founding date and a coordinated second founder
    ("# Harbour Lights\n\nHarbour Lights is a folk band from Cork. The band was formed in 1994 "
     "by singer Aoife Dunleavy and fiddler Ciaran Doyle.",
     {("Aoife Dunleavy", "founderOf", "Harbour Lights", "1994", None),
      ("Ciaran Doyle", "founderOf", "Harbour Lights", "1994", None)}),
    # the page's own organisation, founded in an appositive
    ("# Velder Press\n\nVelder Press was a Scottish independent publishing company, founded in "
     "1971 by Morag Keir, the poet.",
     {("Morag Keir", "founderOf", "Velder Press", "1971", None)}),
    # a list of visiting posts, each with its bracketed dates
    ("# Jan Holm\n\nJan Holm is a Danish lawyer. He was visiting professor at Harvard (2011), "
     "Stanford (2013-2014) and Yale (2016).",
     {("Jan Holm", "worksFor", "Harvard", "2011", None),
      ("Jan Holm", "worksFor", "Stanford", "2013", "2014"),
      ("Jan Holm", "worksFor", "Yale", "2016", None)}),
    # teachers named at the school one studied at work there
    ("# Anna Vos\n\nAnna Vos is a Dutch pianist. She studied at the Utrecht Conservatory, "
     "where her teachers included Pieter Smit and Lotte Kram.",
     {("Anna Vos", "alumniOf", "Utrecht Conservatory", None, None),
      ("Pieter Smit", "worksFor", "Utrecht Conservatory", None, None),
      ("Lotte Kram", "worksFor", "Utrecht Conservatory", None, None)}),
    # a founder who also holds a title; initials written without stops
    ("# Brigg\n\nBrigg is a town. It is the birthplace of businessman TJ Marlow, founder and "
     "executive chairman of Marlow Freight.",
     {("TJ Marlow", "founderOf", "Marlow Freight", None, None)}),
])
def test_affiliations_of_real_page_phrasings(text, expected):
    assert expected <= _affiliations(text)


@pytest.mark.parametrize(("text", "expected"), [
    # a party and an army are joined, not employers
    ("# Per Lund\n\nPer Lund is a Swedish politician. He served in the Swedish Army and later "
     "joined the Liberal Party.",
     {("Per Lund", "memberOf", "Swedish Army", None, None),
      ("Per Lund", "memberOf", "Liberal Party", None, None)}),
    # a professional team in a sports career
    ("# Tom Reese\n\nTom Reese is an American football player. He spent six years with the "
     "Denver Broncos before joining the Dallas Cowboys as a free agent in 2014.",
     {("Tom Reese", "memberOf", "Dallas Cowboys", "2014", None)}),
])
def test_membership_bodies_are_not_employers(text, expected):
    got = _affiliations(text)
    assert expected <= got
    assert not {a for a in got if a[1] == "worksFor"}


def test_a_degree_on_the_page_of_an_organisation_and_a_raid_found_nothing():
    got = _affiliations("# Omar Dar\n\nOmar Dar is an Afghan official. He holds a BFA in "
                        "sculpture from the University of Kabul. In 2007 Dar launched a raid on "
                        "Tolo Radio for its reporting.")
    assert ("Omar Dar", "alumniOf", "University of Kabul", None, None) in got
    assert not {a for a in got if a[1] == "founderOf"}


@pytest.mark.parametrize(("text", "name"), [
    ("# Rui Sa\n\nRui Sa is a Spanish writer. He studied at the Escuela Superior de Santa Cruz.",
     "Escuela Superior de Santa Cruz"),
    ("# Rui Sa\n\nRui Sa is a Russian architect. He was a professor at the Kazan School of "
     "Painting, Sculpture and Architecture.",
     "Kazan School of Painting, Sculpture and Architecture"),
    ("# Rui Sa\n\nRui Sa is an American director. He attended Yale's Berkeley Divinity School.",
     "Berkeley Divinity School"),
])
def test_organisation_names_are_mended(text, name):
    assert name in _orgs(text)


def test_a_page_about_a_company_has_no_person_subject():
    x = extract(read_text("# Cinema Lumen\n\nCinema Lumen was a British film production company, "
                          "founded in 1985 by Vera Lamb."))
    assert {p.name for p in x.people} == {"Vera Lamb"}
    assert "Cinema Lumen" in {o.name for o in x.organizations}


def test_a_role_coordinated_after_a_kinship_apposition_is_the_named_persons():
    got = _affiliations("# Ripley\n\nRipley is a hoax town. Henry Walsh, brother of Helen A. Walsh "
                        "and a professor at the University of Vermont, invented it.")
    assert ("Henry Walsh", "worksFor", "University of Vermont", None, None) in got
    assert not {a for a in got if a[0] == "Helen A. Walsh"}


def test_a_school_within_a_university_shares_the_relation():
    got = _affiliations("# Al Zorn\n\nAl Zorn was a filmmaker. He studied film with Sam Ward at "
                        "the University of Pennsylvania's Annenberg School of Communications.")
    assert {("Al Zorn", "alumniOf", "University of Pennsylvania", None, None),
            ("Al Zorn", "alumniOf", "Annenberg School of Communications", None, None)} <= got


def test_an_untagged_employer_before_two_titled_people():
    got = _affiliations("# Ola Dube\n\nOla Dube is a South African politician. Dube said in 2017 "
                        "that Transnet chairperson Ben Mokoena and chief executive Sam Ndlovu had "
                        "asked him to cancel the licences.")
    assert {("Ben Mokoena", "worksFor", "Transnet", None, None),
            ("Sam Ndlovu", "worksFor", "Transnet", None, None)} <= got


def test_founders_in_a_clause_after_the_company_and_titles_without_a_verb():
    got = _affiliations(
        "# Ana Ruiz\n\nAna Ruiz is a physicist. She is the chief scientist of Lumen Datos, a "
        "Madrid company she co-founded in 2016. In 2019 John Carter co-founded Norte Labs, a "
        "small research firm in Bilbao, with Mary Lind. Carter became the firm's chief "
        "executive and Lind its chief technology officer.\n")
    assert got == {("Ana Ruiz", "founderOf", "Lumen Datos", "2016", None),
                   ("Ana Ruiz", "worksFor", "Lumen Datos", None, None),
                   ("John Carter", "founderOf", "Norte Labs", "2019", None),
                   ("John Carter", "worksFor", "Norte Labs", None, None),
                   ("Mary Lind", "founderOf", "Norte Labs", "2019", None),
                   ("Mary Lind", "worksFor", "Norte Labs", None, None)}


def test_an_abbreviation_names_the_whole_body_and_a_glued_place_is_cut():
    got = _affiliations(
        "# Ana Ruiz\n\nAna Ruiz is a chemist. In 1990 she joined the University of California, "
        "San Francisco, as a professor. In 2008 she left U.C.S.F. and moved to Oregon. Her "
        "rival Karl Weber worked at the Max Planck Institute for Biochemistry near Munich.\n")
    # "U.C.S.F." spells the whole name, so the campus belongs to it and the two are one
    assert {("Ana Ruiz", "worksFor", "University of California, San Francisco", "1990", "2008"),
            ("Karl Weber", "worksFor", "Max Planck Institute for Biochemistry", None, None)
            } == got


def test_bodies_named_in_spanish_french_or_german_and_a_first_surname_alone():
    got = _affiliations(
        "# Lucía Ortega Ruiz\n\nLucía Ortega Ruiz is a Mexican hydrologist. She studied at the "
        "Universidad Mayor de San Andrés and in 2016 joined the Instituto de Geofísica. In 2021 "
        "Ortega and her student Pablo Iturbe Sanz co-founded Agua Viva Analítica, a start-up "
        "in Mexico City. Since 2022 she has been a member of the Comisión Nacional del Agua.\n")
    # "Ortega" is her first surname; the bodies are named kind word first
    assert {("Lucía Ortega Ruiz", "alumniOf", "Universidad Mayor de San Andrés", None, None),
            ("Lucía Ortega Ruiz", "worksFor", "Instituto de Geofísica", "2016", None),
            ("Lucía Ortega Ruiz", "founderOf", "Agua Viva Analítica", "2021", None),
            ("Lucía Ortega Ruiz", "memberOf", "Comisión Nacional del Agua", "2022", None)} <= got


def test_a_short_name_in_brackets_completes_a_cut_name_and_an_address_is_cut():
    got = _affiliations(
        "# Ada Obi\n\nAda Obi is an engineer.\n\n## Education\n\n- Ph.D., Electrical "
        "Engineering, Cornell University, Ithaca, NY, 2009–2014\n\n## Board and Committee "
        "Memberships\n\n- Technical Advisory Committee, Midcontinent Independent System "
        "Operator (MISO), 2020–2023\n")
    assert {("Ada Obi", "alumniOf", "Cornell University", "2009", "2014"),
            ("Ada Obi", "memberOf", "Midcontinent Independent System Operator", "2020", "2023")
            } <= got


def test_honours_are_no_bodies_and_a_numbered_school_keeps_its_number():
    text = ("# Ana Ruiz\n\nAna Ruiz is a chemist. Ruiz received a Sloan Research Fellowship "
            "from the Alfred P. Sloan Foundation in 2018. In 2024 she was elected a Fellow of "
            "the Royal Society of Canada. She attended Hefei No. 1 High School, graduating in "
            "2002.\n")
    assert _affiliations(text) == {
        ("Ana Ruiz", "alumniOf", "Hefei No. 1 High School", None, "2002"),
        ("Ana Ruiz", "memberOf", "Royal Society of Canada", "2024", None)}
    from kg.pipeline import extract
    from kg.reader import read_text

    assert not [o for o in extract(read_text(text)).organizations if "Sloan Research" in o.name]


@pytest.mark.parametrize(("text", "expected"), [
    # a relative phrase opening a sentence is read against the last year named before it
    ("# Jane Roe\n\nJane Roe is a geologist. She moved to Perth in 2003. The following year "
     "she joined the Western Basin Survey.",
     ("Jane Roe", "worksFor", "Western Basin Survey", "2004", None)),
    # "that autumn" starts a study; "graduating ... three years later" ends it
    ("# Jane Roe\n\nJane Roe is a geologist. She left school in 1971 and that autumn entered "
     "the University of Tarnow, graduating with a first-class degree three years later.",
     ("Jane Roe", "alumniOf", "University of Tarnow", "1971", "1974")),
    # a month said against the year before it
    ("# Jane Roe\n\nJane Roe is a geologist. Her first survey ended in 1990. That March she "
     "joined the Nordvik Institute for Soil Science.",
     ("Jane Roe", "worksFor", "Nordvik Institute for Soil Science", "1990-03", None)),
])
def test_relative_dates_are_read_against_the_dates_before_them(text, expected):
    assert expected in _affiliations(text)


@pytest.mark.parametrize(("text", "expected"), [
    # an employer before an occupation named after a field, before a name
    ("# Jane Roe\n\nJane Roe is a chemist. She worked with the Stanford chemist Paul Orrin on "
     "membranes.",
     ("Paul Orrin", "worksFor", "Stanford", None, None)),
    ("# Jane Roe\n\nJane Roe is an economist. The Microsoft economist Lena Moss joined the "
     "project.",
     ("Lena Moss", "worksFor", "Microsoft", None, None)),
    # a student of the body before the name
    ("# Jane Roe\n\nJane Roe is a physicist. She met the Oxford graduate student Carl Dunne.",
     ("Carl Dunne", "alumniOf", "Oxford", None, None)),
    # a role in a body's unit: the body is the employer
    ("# Jane Roe\n\nJane Roe is a geologist. Her thesis was supervised by Tom Vale, a professor "
     "in Caltech's department of geology.",
     ("Tom Vale", "worksFor", "Caltech", None, None)),
])
def test_employer_frames_around_a_name(text, expected):
    assert expected in _affiliations(text)


def test_an_apposition_describes_the_name_right_before_it():
    # whatever word the parse hangs the apposition on
    got = _affiliations("# Jane Roe\n\nJane Roe is a chemist. In January 2020 Roe co-founded "
                        "Qubitra Vision, a Leeds company that builds sensor analytics for farms, "
                        "with Halvorsen and Dieter Brandt, a former engineer in Siemens's energy "
                        "division.")
    assert ("Dieter Brandt", "worksFor", "Siemens", None, None) in got
    assert not any(a[2] == "Siemens" and a[0] != "Dieter Brandt" for a in got)


@pytest.mark.parametrize(("text", "expected"), [
    ("# Jane Roe\n\nJane Roe is a biologist. She spent a year as a visiting scientist at Kyoto "
     "University in the laboratory of Dr. Ken Mori, who studied yeast.",
     ("Ken Mori", "worksFor", "Kyoto University", None, None)),
    ("# Jane Roe\n\nJane Roe is a biologist. She began graduate study at the University of "
     "Toronto, where she joined the computer vision group of Ruth Mallory.",
     ("Ruth Mallory", "worksFor", "University of Toronto", None, None)),
    ("# Jane Roe\n\nJane Roe is a biologist. She joined Tom Vale's lab at Rice University.",
     ("Tom Vale", "worksFor", "Rice University", None, None)),
])
def test_the_head_of_a_lab_works_where_the_lab_is(text, expected):
    assert expected in _affiliations(text)


def test_a_possessive_pronoun_is_no_agent():
    got = _affiliations(
        "# Jane Roe\n\nJane Roe is a chemist. Tom Vale, who had arrived in her laboratory in "
        "1985, left in 1990 for the faculty of Stanford University.")
    assert not any(a[0] == "Jane Roe" and a[2] == "Stanford University" for a in got)


def test_journals_are_venues_and_glued_words_are_cut_from_bodies():
    x = extract(read_text(
        "# Jane Roe\n\nJane Roe is a biologist. Their 1971 paper in The Journal of Molecular "
        "Biology became a standard method. She was elected a Fellow of the Royal Society of "
        "Canada in 2019. She joined the faculty of Tulane University in 2004."))
    names = {o.name for o in x.organizations}
    assert not any("Journal" in n for n in names)
    assert "Royal Society of Canada" in names and not any(n.startswith("Fellow") for n in names)


@pytest.mark.parametrize(("text", "expected"), [
    # a possessive inside a body's name, and the name cut short later
    ("# Jane Roe\n\nJane Roe is a chemist. She won a scholarship to Howell's School in "
     "Llandaff. She left Howell's in 1956.",
     ("Jane Roe", "alumniOf", "Howell's School", None, "1956")),
    ("# Jane Roe\n\nJane Roe is a nurse. She joined St Mary's Hospital in 1990.",
     ("Jane Roe", "worksFor", "St Mary's Hospital", "1990", None)),
    # a place's possessive is no body; a saint's possessive is part of the name
    ("# Jane Roe\n\nJane Roe is a painter. She studied at London's St. Martin's School of Art.",
     ("Jane Roe", "alumniOf", "St. Martin's School of Art", None, None)),
])
def test_possessives_inside_and_before_a_body_name(text, expected):
    got = _affiliations(text)
    assert expected in got
    assert {a[2] for a in got} == {expected[2]}


INTERVIEW = (Path(__file__).parent / "texts" / "startup_interview.txt").read_text("utf-8")


def test_investors_named_in_a_round_fund_the_speakers_company():
    got = _affiliations(INTERVIEW)
    assert ("Lumetra", "fundedBy", "Northzone", "2021", None) in got
    assert any(a[:3] == ("Lumetra", "fundedBy", "Plural") for a in got)
    # a founder with a job title there works there too
    assert any(a[:3] == ("Marta Ilves", "worksFor", "Lumetra") for a in got)
    assert any(a[:3] == ("Marta Ilves", "founderOf", "Lumetra") for a in got)


@pytest.mark.parametrize(("text", "expected"), [
    # leaving with no body named ends the last job begun before then
    ("# Jane Roe\n\nJane Roe is an engineer. She joined Nokia Bell Labs in 2011 as a research "
     "engineer. She left in 2017.",
     ("Jane Roe", "worksFor", "Nokia Bell Labs", "2011", "2017")),
    # a board's body is an organisation whatever the recogniser tagged
    ("# Jane Roe\n\nJane Roe is an engineer. Since 2022 she has sat on the board of Startup "
     "Estonia.",
     ("Jane Roe", "memberOf", "Startup Estonia", "2022", None)),
    # an occupation named after a field, in apposition
    ("# Jane Roe\n\nJane Roe is an engineer. She worked with Tom Vale, a historian at Leeds "
     "University.",
     ("Tom Vale", "worksFor", "Leeds University", None, None)),
])
def test_leaving_boards_and_field_occupations(text, expected):
    assert expected in _affiliations(text)


@pytest.mark.parametrize(("text", "expected"), [
    # an aside after the body that still speaks of the post
    ("# Jane Roe\n\nJane Roe is a geologist. She joined NIVA in 2009 after a doctorate at the "
     "University of Bergen, which she completed in 2008.",
     ("Jane Roe", "alumniOf", "University of Bergen", None, "2008")),
    ("# Jane Roe\n\nJane Roe is a geologist. She was appointed director of the Nordvik "
     "Institute in March 2012, a post she held until 2020.",
     ("Jane Roe", "worksFor", "Nordvik Institute", "2012-03", "2020")),
    ("# Jane Roe\n\nJane Roe is a geologist. From 2001 she was a researcher at IBM Research, "
     "staying until 2006.",
     ("Jane Roe", "worksFor", "IBM Research", "2001", "2006")),
    # moving on ends the post before
    ("# Jane Roe\n\nJane Roe is a geologist. She was a lecturer at Leeds University for four "
     "years before moving to the University of York in 2011.",
     ("Jane Roe", "worksFor", "Leeds University", "2007", "2011")),
    ("# Jane Roe\n\nJane Roe is a geologist. She was a lecturer at Leeds University for four "
     "years before moving to the University of York in 2011.",
     ("Jane Roe", "worksFor", "University of York", "2011", None)),
])
def test_dates_said_after_the_body(text, expected):
    assert expected in _affiliations(text)


@pytest.mark.parametrize(("text", "expected"), [
    ("# Jane Roe\n\nJane Roe is a physicist. In 1993 she began doctoral work at the University "
     "of Pennsylvania. Her dissertation was defended in May 1999.",
     ("Jane Roe", "alumniOf", "University of Pennsylvania", "1993", "1999-05")),
    ("# Jane Roe\n\nJane Roe is a physicist. In 2006 she began graduate study at the University "
     "of Toronto. She completed her doctorate in 2012.",
     ("Jane Roe", "alumniOf", "University of Toronto", "2006", "2012")),
])
def test_a_degree_finished_with_no_university_named_ends_the_open_study(text, expected):
    assert expected in _affiliations(text)


def test_a_place_stands_for_the_one_university_named_after_it():
    got = _affiliations(
        "# Jane Roe\n\nJane Roe is a linguist. She has taught at the University of Aberdeen "
        "since 2009. In 2010 she set up the Aberdeen Phonetics Lab. Her Aberdeen doctoral "
        "student Ewan Ross joined the lab in 2011.")
    assert ("Ewan Ross", "alumniOf", "University of Aberdeen", None, None) in got
    assert not any(a[:3] == ("Ewan Ross", "alumniOf", "Aberdeen Phonetics Lab") for a in got)


@pytest.mark.parametrize(("text", "name", "org", "placed"), [
    ("In 2004 she moved to Genentech, where her mentor, Tom Vale, ran the protein group.",
     "Tom Vale", "Genentech", True),
    ("She studied at Leeds University, where Ann Bell taught chemistry.",
     "Ann Bell", "Leeds University", True),
    # meeting someone there says nothing of where they work
    ("She spent a year at Kyoto University, where she met Tom Vale.",
     "Tom Vale", "Kyoto University", False),
])
def test_a_where_clause_places_its_staff(text, name, org, placed):
    got = _affiliations("# Jane Roe\n\nJane Roe is a chemist. " + text)
    assert ((name, "worksFor", org, None, None) in got) is placed


@pytest.mark.parametrize(("text", "expected"), [
    ("She was a lecturer at Leeds University for four years before moving to the University "
     "of York in 2011.",
     ("Jane Roe", "worksFor", "Leeds University", "2007", "2011")),
    ("She spent eight years at IBM Research before leaving in 2009.",
     ("Jane Roe", "worksFor", "IBM Research", "2001", "2009")),
])
def test_a_post_s_length_gives_its_other_end(text, expected):
    assert expected in _affiliations("# Jane Roe\n\nJane Roe is a chemist. " + text)


@pytest.mark.parametrize(("text", "expected"), [
    # the parse hangs the place on the field, not on the post
    ("Jane Roe has been professor of theoretical ecology at Lund University since 1999.",
     ("Jane Roe", "worksFor", "Lund University", "1999", None)),
    ("From 2001 to 2005 she was director of clinical research at Pfizer.",
     ("Jane Roe", "worksFor", "Pfizer", "2001", "2005")),
])
def test_a_post_of_a_field_at_a_body(text, expected):
    assert expected in _affiliations("# Jane Roe\n\nJane Roe is a chemist. " + text)


def test_a_name_whose_short_form_spells_it_whole_is_not_split():
    # "A and B Institute (ABI)": the two halves mend back to the whole (once a crash)
    got = _affiliations("# Jane Roe\n\nJane Roe is a chemist. She worked at the Kenya Marine "
                        "and Fisheries Research Institute (KMFRI) from 2001 to 2003.")
    assert ("Jane Roe", "worksFor", "Kenya Marine and Fisheries Research Institute", "2001",
            "2003") in got


@pytest.mark.parametrize(("text", "expected"), [
    ("In 1990 Lund University offered her a lectureship.",
     ("Jane Roe", "worksFor", "Lund University", "1990", None)),
    ("Stanford University appointed her professor of law in 1999.",
     ("Jane Roe", "worksFor", "Stanford University", "1999", None)),
    ("Pfizer hired Tom Vale in 2003.", ("Tom Vale", "worksFor", "Pfizer", "2003", None)),
    ("The Royal Society named her a fellow in 2010.",
     ("Jane Roe", "memberOf", "Royal Society", "2010", None)),
])
def test_a_body_that_hires(text, expected):
    assert expected in _affiliations("# Jane Roe\n\nJane Roe is a chemist. " + text)


def test_an_offer_of_no_post_is_no_job():
    got = _affiliations("# Jane Roe\n\nJane Roe is a chemist. Oxford University Press offered "
                        "her a contract for a second book.")
    assert not any(a[2] == "Oxford University Press" for a in got)


@pytest.mark.parametrize("text", [
    "She co-founded Solvia Energy in Lisbon in March 2019 with Tom Reyes.",
    "She founded Solvia Energy in 2019 with Tom Reyes.",
])
def test_founders_named_after_the_place_and_date(text):
    got = _affiliations("# Jane Roe\n\nJane Roe is a chemist. " + text)
    assert {(a[0], a[1], a[2]) for a in got} >= {
        ("Jane Roe", "founderOf", "Solvia Energy"), ("Tom Reyes", "founderOf", "Solvia Energy")}


_INTERVIEW = """A Conversation with Maria Soto

Maria Soto runs a battery startup in Lisbon. She spoke to us in May.

Q: Where did you study?

A: I studied chemistry at the University of Porto and did my PhD at ETH Zurich with Karl \
Weber. He was a wonderful advisor.

Q: Who else shaped you?

A: Lena Park, my postdoc mentor at MIT. She taught me to write. Later she moved to Stanford \
University.

Q: After that you joined Tesla Motors as an engineer?

A: Yes, for two years. I founded Solvia Energy in 2019 with Tom Reyes.
"""


def test_an_interview_s_i_is_its_subject_and_its_she_another():
    # the questions are labelled, so this is an interview although he and she outnumber I;
    # in the answers "she" is the person named before, in the questions "you" the subject
    got = {(a[0], a[1], a[2]) for a in _affiliations(_INTERVIEW)}
    assert {("Maria Soto", "alumniOf", "University of Porto"),
            ("Maria Soto", "alumniOf", "ETH Zurich"),
            ("Lena Park", "worksFor", "Stanford University"),
            ("Maria Soto", "worksFor", "Tesla Motors"),
            ("Tom Reyes", "founderOf", "Solvia Energy")} <= got
    assert ("Maria Soto", "worksFor", "Stanford University") not in got
    assert ("Karl Weber", "alumniOf", "University of Porto") not in got


@pytest.mark.parametrize(("text", "expected"), [
    ("In the autumn of 1949 she crossed the Atlantic on a fellowship to the Institute for "
     "Advanced Study.", ("Jane Roe", "worksFor", "Institute for Advanced Study", "1949", None)),
    ("In 1951 she accepted an assistant professorship at Columbia University.",
     ("Jane Roe", "worksFor", "Columbia University", "1951", None)),
    ("She spent seven years in California before settling at the University of Groningen.",
     ("Jane Roe", "worksFor", "University of Groningen", None, None)),
    ("Zofia Lis, an experimentalist on leave from the University of Warsaw, joined them.",
     ("Zofia Lis", "worksFor", "University of Warsaw", None, None)),
    ("Tom Vale retired from Lund University in 1996.",
     ("Tom Vale", "worksFor", "Lund University", None, "1996")),
    ("She joined Acme Corp in 2010 and left at the end of June 2015.",
     ("Jane Roe", "worksFor", "Acme Corp", "2010", "2015-06")),
    ("Utrecht University offered her its chair of physics in 1966. She held it for two "
     "decades, retiring in 1986.", ("Jane Roe", "worksFor", "Utrecht University", "1966", "1986")),
    ("She enrolled in physics at Leiden University in 1939. She resumed her studies in 1945 "
     "and in 1949 defended a dissertation.",
     ("Jane Roe", "alumniOf", "Leiden University", "1939", "1949")),
    ("Tom Vale later moved to CERN.", ("Tom Vale", "worksFor", "CERN", None, None)),
    # "there" names the body of a sentence before; its dates are the post's
    ("After her PhD she went to Boston Dynamics. Why industry? She liked robots. She was "
     "there from the summer of 2014 until early 2017.",
     ("Jane Roe", "worksFor", "Boston Dynamics", "2014", "2017")),
    ("She held a lectureship at the University of Leeds from 2008, leaving in 2012.",
     ("Jane Roe", "worksFor", "University of Leeds", "2008", "2012")),
    ("In 2014 she joined Google, where she stayed until 2018.",
     ("Jane Roe", "worksFor", "Google", "2014", "2018")),
    ("She was hired by Google in 2014 and left four years later.",
     ("Jane Roe", "worksFor", "Google", "2014", "2018")),
    ("Her tenure at Google lasted from 2014 to 2018.",
     ("Jane Roe", "worksFor", "Google", "2014", "2018")),
    ("She joined Google in 2014. Four years later she left to found Zeta Labs.",
     ("Jane Roe", "worksFor", "Google", "2014", "2018")),
    ("She did her postdoc at MIT (2010–12) before joining Google.",
     ("Jane Roe", "worksFor", "MIT", "2010", "2012")),
    ("After a decade at Bell Labs, she moved to Princeton University in 1985.",
     ("Jane Roe", "worksFor", "Bell Labs", "1975", "1985")),
    ("She taught at Smith College for 30 years, retiring in 2010.",
     ("Jane Roe", "worksFor", "Smith College", "1980", "2010")),
    ("She was named director of the Lowell Observatory in 1990, a post she held for 12 years.",
     ("Jane Roe", "worksFor", "Lowell Observatory", "1990", "2002")),
    ("In 1972 she became the first woman to chair the physics department at Yale University.",
     ("Jane Roe", "worksFor", "Yale University", None, None)),
    ("Upon graduation she went to work for IBM.", ("Jane Roe", "worksFor", "IBM", None, None)),
    ("In 1995 she was elected president of the American Chemical Society.",
     ("Jane Roe", "memberOf", "American Chemical Society", "1995", None)),
    ("She is the Chief Scientist at Nordvolt AB, a battery maker she joined in 2019.",
     ("Jane Roe", "worksFor", "Nordvolt AB", "2019", None)),
    ("Before joining Harvard in 2008 she spent five years at Microsoft Research.",
     ("Jane Roe", "worksFor", "Microsoft Research", "2003", "2008")),
    ("She holds a joint appointment at MIT and Harvard Medical School.",
     ("Jane Roe", "worksFor", "Harvard Medical School", None, None)),
    ("I joined Google in 2012 and stayed five years.",
     ("Jane Roe", "worksFor", "Google", "2012", "2017")),
    ("I was at Google from 2012 to 2017, then I left to start the company.",
     ("Jane Roe", "worksFor", "Google", "2012", "2017")),
    ("I did my undergraduate degree at McGill University, finishing in 2006.",
     ("Jane Roe", "alumniOf", "McGill University", None, "2006")),
    # "started there" begins a post, it founds nothing
    ("ETH Zurich offered her a professorship and her own group, the Field Robotics Lab, and "
     "she started there in April 2017.",
     ("Jane Roe", "worksFor", "Field Robotics Lab", "2017-04", None)),
    # the next N years run from the last date given
    ("She graduated in 1996. She spent the next two years as a field investigator with the "
     "Ohio Department of Health.",
     ("Jane Roe", "worksFor", "Ohio Department of Health", "1996", "1998")),
    # a bachelor's degree received, and a doctorate awarded, end the open study
    ("In 1992 she enrolled at Carleton College. She received her bachelor's degree in 1996.",
     ("Jane Roe", "alumniOf", "Carleton College", "1992", "1996")),
    ("In 1998 she entered the doctoral program of the Ohio School of Public Health. Her work was "
     "supervised by Tom Vale, and she was awarded her PhD in 2003.",
     ("Jane Roe", "alumniOf", "Ohio School of Public Health", "1998", "2003")),
])
def test_posts_taken_held_and_left(text, expected):
    if text.startswith(("I ", "My ")):
        # an interview's answer: "I" is its subject
        text = ("A talk with Jane Roe\n\nJane Roe is a physicist. She spoke to us.\n\nQ: Your "
                "work?\n\nA: I love it. I build things. " + text + "\n\nQ: Now?\n\nA: I am "
                "happy.")
        assert expected in _affiliations(text)
        return
    assert expected in _affiliations("# Jane Roe\n\nJane Roe is a physicist. " + text)


def test_a_degree_then_a_post_is_no_study_at_the_post_s_body():
    got = _affiliations("# Jane Roe\n\nJane Roe is a physicist. Tom Vale took his degree in "
                        "1977 and left for a lectureship at Imperial College London.")
    assert ("Tom Vale", "worksFor", "Imperial College London") in {a[:3] for a in got}
    assert ("Tom Vale", "alumniOf", "Imperial College London") not in {a[:3] for a in got}


@pytest.mark.parametrize(("text", "expected"), [
    ("Saltwork Energy raised $52 million in a round led by Breakthrough Energy Ventures, with "
     "backers including Khosla Ventures, Toyota Ventures and Ford Motor Co.",
     {("Saltwork Energy", "fundedBy", "Breakthrough Energy Ventures"),
      ("Saltwork Energy", "fundedBy", "Khosla Ventures"),
      ("Saltwork Energy", "fundedBy", "Toyota Ventures"),
      ("Saltwork Energy", "fundedBy", "Ford Motor Co.")}),
    ("Saltwork Energy was founded in 2020. Its earliest money, a $4 million seed round the "
     "following spring, came from Village Global and the Michigan Economic Development "
     "Corporation.",
     {("Saltwork Energy", "fundedBy", "Village Global"),
      ("Saltwork Energy", "fundedBy", "Michigan Economic Development Corporation")}),
    # "Its" at a sentence's start: the body the sentence before was about
    ("Saltwork Energy employs 31 people. Its chief operating officer, Dana Welford, spent six "
     "years at Tesla before joining last year.",
     {("Dana Welford", "worksFor", "Saltwork Energy"), ("Dana Welford", "worksFor", "Tesla")}),
    # co-investors joining a round
    ("Her company Koldgrid Systems raised $4 million in a round led by Lowercarbon Capital, "
     "with Norrsken VC and Breakthrough Energy Ventures joining.",
     {("Koldgrid Systems", "fundedBy", "Lowercarbon Capital"),
      ("Koldgrid Systems", "fundedBy", "Breakthrough Energy Ventures")}),
    # "supported by"; a foundation named after two people
    ("In 2014 she founded the Reef Recovery Lab. The lab's work is supported by the National "
     "Science Foundation and the Gordon and Betty Moore Foundation.",
     {("Reef Recovery Lab", "fundedBy", "National Science Foundation"),
      ("Reef Recovery Lab", "fundedBy", "Gordon and Betty Moore Foundation")}),
])
def test_investor_lists_and_its_people(text, expected):
    got = {a[:3] for a in _affiliations("# Jane Roe\n\nJane Roe is an engineer. " + text)}
    assert expected <= got


def test_its_thing_made_by_someone_is_no_founding():
    got = _affiliations("# Jane Roe\n\nJane Roe is an engineer. The Valley Bee is a daily "
                        "newspaper. Its mascot, created by Walt Disney in 1943, is a bee.")
    assert not any(a[0] == "Walt Disney" for a in got)


_NAMED_LABELS = """A talk with Ana Berg

Ana Berg is the chief executive of Koldgrid, a Luleå-based startup. She co-founded the \
company in 2021 after spells at Voltaris and Nordvind. She spoke to us in May.

INTERVIEWER: Where did you work before?

BERG: In the summer of 2020 I took a job at Nordvind in Skellefteå. Before that I spent two \
years at Voltaris, and I left Nordvind in 2021.

INTERVIEWER: And your co-founder?

BERG: Lena Marsh. She and I met at Chalmers University of Technology; afterwards she spent four \
years at Siemens Energy in Berlin.
"""


def test_an_interview_with_the_speaker_named_in_capitals():
    got = {a[:3] for a in _affiliations(_NAMED_LABELS)}
    assert {("Ana Berg", "founderOf", "Koldgrid"),  # "the company": the startup named before
            ("Ana Berg", "worksFor", "Nordvind"),  # tagged a place, but stands as employers do
            ("Lena Marsh", "worksFor", "Siemens Energy")} <= got  # "she" in an answer: Lena
    assert ("Ana Berg", "worksFor", "Siemens Energy") not in got
    assert not any(a[2] == "Skellefteå" for a in got)  # "a job at X in <town>"


_LAUREATES = """Two chemists share the 2031 Orrery Prize

GENEVA — The Orrery Foundation today named Professor Ada Marsh of the University of Kiel and \
Dr. Mina Adjei of Veltrix Research as this year's laureates.

Ada Marsh

Marsh studied chemistry at Uppsala University. She joined the University of Kiel in 2009.

Mina Adjei

Adjei earned a PhD from EPFL in 2010. She spent two years as a postdoctoral researcher at the \
Max Planck Institute for Polymer Research before joining Veltrix Research in 2012. Her 2015 \
paper "Fast Routes to Slow Glasses," written with her colleague Tom Vale, won wide notice.

Selected works cited by the committee

Marsh, A., Lind, K., and Adjei, M. (2017). "Quiet Solvents for Loud Reactions." Chemical Science.
"""


def test_a_section_headed_by_a_laureate_s_name_is_about_her():
    from kg.pipeline import extract
    from kg.reader import read_text

    x = extract(read_text(_LAUREATES))
    got = {(a.person, a.relation, a.organization) for a in x.affiliations}
    assert ("Mina Adjei", "worksFor", "Max Planck Institute for Polymer Research") in got
    assert ("Ada Marsh", "worksFor", "Max Planck Institute for Polymer Research") not in got
    papers = {p.title: [a.name for a in p.authors] for p in x.papers}
    assert sorted(papers["Fast Routes to Slow Glasses"]) == ["Mina Adjei", "Tom Vale"]
    # a plain line "Selected works cited by ..." heads a reference list
    assert papers["Quiet Solvents for Loud Reactions"][0] == "Ada Marsh"
    assert len(papers["Quiet Solvents for Loud Reactions"]) == 3


def test_a_word_of_a_university_s_name_means_the_university():
    got = _affiliations(
        "# Jane Roe\n\nJane Roe is an epidemiologist. She is a professor at the Johns Hopkins "
        "Bloomberg School of Public Health, where she directs the Hopkins Environmental "
        "Surveillance Laboratory. Tom Vale completed his PhD at Hopkins in 2019.")
    assert ("Tom Vale", "alumniOf", "Johns Hopkins Bloomberg School of Public Health", None,
            "2019") in got


def test_a_post_turned_down_is_no_post():
    got = _affiliations("# Jane Roe\n\nJane Roe is a chemist. She turned down a job at Pfizer "
                        "in 2003.")
    assert not any(a[2] == "Pfizer" for a in got)


_ROE = "# Jane Roe\n\nJane Roe is a scientist. "


@pytest.mark.parametrize(("text", "expected"), [
    # a job noun after a passive appointment takes the clause's leading date
    ("In 2011 Roe was appointed lecturer at the University of Leeds.",
     ("Jane Roe", "worksFor", "University of Leeds", "2011", None)),
    # "became curator": the post starts then
    ("In 2015 she became curator at the National Railway Museum.",
     ("Jane Roe", "worksFor", "National Railway Museum", "2015", None)),
    # the date of leaving starts the post taken "to become"
    ("She left Acme Corp in 2015 to become curator at the National Railway Museum.",
     ("Jane Roe", "worksFor", "National Railway Museum", "2015", None)),
    ("In 2015 she left Acme Robotics to join Google.",
     ("Jane Roe", "worksFor", "Google", "2015", None)),
    # "the agency in May 2010": a date, not a name after the description
    ("She joined the Federal Aviation Administration in March 2004. She left the agency in "
     "May 2010.",
     ("Jane Roe", "worksFor", "Federal Aviation Administration", "2004-03", "2010-05")),
    # the place in a university's name, where an employer stands
    ("In 1990 she was appointed lecturer at the University of Leeds. She left Leeds in 1997.",
     ("Jane Roe", "worksFor", "University of Leeds", "1990", "1997")),
    # graduating "with first-class honours in" a year ends the study
    ("She read history at the University of York, graduating with first-class honours in 1982.",
     ("Jane Roe", "alumniOf", "University of York", None, "1982")),
    # moving somewhere for graduate school is study; the participle ends it
    ("In 2010 she moved to KTH Stockholm for graduate school, completing the Ph.D. in 2015.",
     ("Jane Roe", "alumniOf", "KTH Stockholm", "2010", "2015")),
    ("In 2009 she joined Stanford University as a doctoral student.",
     ("Jane Roe", "alumniOf", "Stanford University", "2009", None)),
    # a campus is part of the university's name
    ("She is a professor at The University of Texas at Austin.",
     ("Jane Roe", "worksFor", "University of Texas at Austin", None, None)),
    # "Member of Technical Staff" is a job
    ("She was a Member of Technical Staff at Nokia Bell Labs from 2015 to 2017.",
     ("Jane Roe", "worksFor", "Nokia Bell Labs", "2015", "2017")),
    # a degree's abbreviation does not end the sentence
    ("She holds an M.Sc. in Applied Physics from Caltech.",
     ("Jane Roe", "alumniOf", "Caltech", None, None)),
    # "left to co-found X": the founding takes the leading date, the old job ends then
    ("She was a researcher at Acme Corp. In 2019 she left to co-found Quillon Robotics.",
     ("Jane Roe", "founderOf", "Quillon Robotics", "2019", None)),
    ("She was a researcher at Acme Corp. In 2019 she left to co-found Quillon Robotics.",
     ("Jane Roe", "worksFor", "Acme Corp.", None, "2019")),
    # the one recruited, not the recruiter
    ("It was Tom Vale who recruited her to Microsoft Research in 2015.",
     ("Jane Roe", "worksFor", "Microsoft Research", "2015", None)),
    # an investor that leads a round funds the company named in it, or founded last
    ("In 2019 she co-founded Quillon Robotics with Tom Vale. Kestrel Ventures led the "
     "company's seed round that year; two years later Orca Capital led a $18 million Series A.",
     ("Quillon Robotics", "fundedBy", "Kestrel Ventures", "2019", None)),
    ("In 2019 she co-founded Quillon Robotics with Tom Vale. Kestrel Ventures led the "
     "company's seed round that year; two years later Orca Capital led a $18 million Series A.",
     ("Quillon Robotics", "fundedBy", "Orca Capital", "2021", None)),
    # a unit's body, named right after it, holds the same post
    ("In 2011 she joined the Department of Linguistics at Tulane University as an assistant "
     "professor.",
     ("Jane Roe", "worksFor", "Tulane University", "2011", None)),
    ("She was a member of the School of Historical Studies at the Institute for Advanced Study "
     "in 2016–17.",
     ("Jane Roe", "memberOf", "Institute for Advanced Study", "2016", "2017")),
    # a degree in brackets after a body, or after a person with the body inside
    ("She trained as a physicist at the University of Glasgow (BSc, 1997).",
     ("Jane Roe", "alumniOf", "University of Glasgow", None, "1997")),
    ("Her student Tom Vale (Ph.D., Tulane University, 2022) co-founded Quillon Robotics.",
     ("Tom Vale", "alumniOf", "Tulane University", None, "2022")),
    ("He studied chemistry at Tulane University (MS, 2004).",
     ("Jane Roe", "alumniOf", "Tulane University", None, "2004")),
    ("Her student Tom Vale (B.Tech., Tulane University, 2019) joined Quillon Robotics.",
     ("Tom Vale", "alumniOf", "Tulane University", None, "2019")),
    # two joining words in a body's name
    ("After two years at the Max Planck Institute for the History of Science, she joined "
     "Tulane University in 2011.",
     ("Jane Roe", "worksFor", "Max Planck Institute for the History of Science", "2009", "2011")),
    # a date after "After" starts what follows: not the end of the post
    ("After graduating in 2011 she spent a year as a software engineer at Acme Corp.",
     ("Jane Roe", "worksFor", "Acme Corp.", "2011", "2012")),
    # "a postdoc with A at X": A works there; the clause's date after "after" ends the post
    ("She joined the faculty in 2016 after a postdoc with Marcus Ebbeling at Janelia Research "
     "Campus.",
     ("Jane Roe", "worksFor", "Janelia Research Campus", None, "2016")),
    ("She joined the faculty in 2016 after a postdoc with Marcus Ebbeling at Janelia Research "
     "Campus.",
     ("Marcus Ebbeling", "worksFor", "Janelia Research Campus", None, None)),
    # a unit of a company stands where the company would
    ("She spent a year as a research technician in the neuroscience unit of GlaxoSmithKline.",
     ("Jane Roe", "worksFor", "GlaxoSmithKline", None, None)),
    # a degree after a name and before a post is no degree from the employer
    ("Mira Castell, PhD is an Associate Professor of Neurobiology at the University of Chicago.",
     ("Mira Castell", "worksFor", "University of Chicago", None, None)),
    # a bare "joined in" dates the post the sentence before named
    ("She spent six years at Quillon Robotics. She joined in 2018 and left in December 2024.",
     ("Jane Roe", "worksFor", "Quillon Robotics", "2018", "2024-12")),
    # a relative clause that joined the body; the body named by it alone
    ("Tom Vale built training infrastructure at Anthropic, which he joined in 2020 and left "
     "in 2024.",
     ("Tom Vale", "worksFor", "Anthropic", "2020", "2024")),
    # an apposition between a body and the post's dates
    ("Tom Vale was a research scientist at FAIR, Meta's AI research group, from 2020 until "
     "2024.",
     ("Tom Vale", "worksFor", "FAIR", "2020", "2024")),
    # a round led after a company "said it had closed" it; the others "also taking part"
    ("Our new start-up, Quillon Robotics, said it had closed a $52 million seed round in "
     "February 2025. Lightspeed Venture Partners led the round, with Harbor Catalyst and "
     "Orca Ventures, the venture arm of Hexa Systems, also taking part.",
     ("Quillon Robotics", "fundedBy", "Orca Ventures", "2025-02", None)),
    # a media title with "The", tagged a place; "editor-in-chief of", "writer at"
    ("She was editor-in-chief of The New Republic from 2006 to 2012.",
     ("Jane Roe", "worksFor", "The New Republic", "2006", "2012")),
    ("She has since been a contributing writer at The Atlantic.",
     ("Jane Roe", "worksFor", "The Atlantic", None, None)),
    # a date phrase glued to a body's name; "the Department of X and Y" whole; "named to head"
    ("She received a master's degree from the Columbia University Graduate School of "
     "Journalism the following year.",
     ("Jane Roe", "alumniOf", "Columbia University Graduate School of Journalism", None, None)),
    ("She was named to head the Department of Commerce and Labor in 1911.",
     ("Jane Roe", "worksFor", "Department of Commerce and Labor", "1911", None)),
    # a law firm named after its partners
    ("She was a partner in the Cincinnati firm of Strode, Kell & Dorsey.",
     ("Jane Roe", "worksFor", "Strode, Kell & Dorsey", None, None)),
    # "succeeded A at X" / "as chief executive of X": A's post ends when the successor's starts
    ("She succeeded the Finnish conductor Aino Lehtisalo at the Ulster Orchestra in September "
     "2016.",
     ("Aino Lehtisalo", "worksFor", "Ulster Orchestra", None, "2016-09")),
    ("In 2004 she succeeded Tom Vale as chief executive of Acme Corp.",
     ("Jane Roe", "worksFor", "Acme Corp.", "2004", None)),
    ("In 2004 she succeeded Tom Vale as chief executive of Acme Corp.",
     ("Tom Vale", "worksFor", "Acme Corp.", None, "2004")),
    # moving to a new employer ends the one before
    ("She was hired by The Harbor Herald as a metro reporter in 1984 and moved to The "
     "Washington Post in 1990.",
     ("Jane Roe", "worksFor", "The Harbor Herald", "1984", "1990")),
    # co-founders named before the verb; a place's "The" inside a body's name
    ("In 1998, with trumpeter Sanne Oldeboom and tubist Rik Haverkamp, she co-founded "
     "Koperkwartier, a quartet.",
     ("Rik Haverkamp", "founderOf", "Koperkwartier", "1998", None)),
    ("She studied horn at the Royal Conservatory of The Hague, graduating in 1991.",
     ("Jane Roe", "alumniOf", "Royal Conservatory of The Hague", None, "1991")),
    # a body's short name before a role and a name, though the recogniser calls it a person
    ("She joined Tulane University in 2019. She works with Tulane statistician Mira Castell.",
     ("Mira Castell", "worksFor", "Tulane University", None, None)),
    # "her <Body> colleagues A and B": each
    ("She joined Tulane University in 2019. The tools came from her Tulane colleagues Mira "
     "Castell and Tom Vale.",
     ("Tom Vale", "worksFor", "Tulane University", None, None)),
    # "A, then at X," / "A, now a lecturer at X": A's post
    ("Her co-author Mira Castell, then at Tulane University, ran the experiments.",
     ("Mira Castell", "worksFor", "Tulane University", None, None)),
    ("The book was co-edited with Tom Vale, now a lecturer at Tulane University.",
     ("Tom Vale", "worksFor", "Tulane University", None, None)),
    ("Her best paper was written with Mira Castell, then a doctoral student at the Paris "
     "School of Economics.",
     ("Mira Castell", "alumniOf", "Paris School of Economics", None, None)),
    # a body named after its kind's noun at a sentence's start, hiring
    ("The payments company Paylane hired her in 2015.",
     ("Jane Roe", "worksFor", "Paylane", "2015", None)),
    # founders' and chief executives' "of", though the recogniser calls the body a place
    ("She is the founder and chief executive of Quorra.",
     ("Jane Roe", "founderOf", "Quorra", None, None)),
    ("She is the founder and chief executive of Quorra.",
     ("Jane Roe", "worksFor", "Quorra", None, None)),
    # founders listed after "Its founders included"
    ("In 2015 she helped set up Quorra Labs. Its founders included Tom Vale, Mira Castell and "
     "Ana Ruiz.",
     ("Mira Castell", "founderOf", "Quorra Labs", "2015", None)),
    # a body that elects her a member; "left for X" with no body left named
    ("In 2022 the Norwegian Academy of Science and Letters elected her a member.",
     ("Jane Roe", "memberOf", "Norwegian Academy of Science and Letters", "2022", None)),
    ("In 2006 she left for the University of Alaska Fairbanks.",
     ("Jane Roe", "worksFor", "University of Alaska Fairbanks", "2006", None)),
])
def test_dated_posts_from_general_phrasings(text, expected):
    assert expected in _affiliations(_ROE + text)


def test_a_field_after_professor_of_is_no_organisation():
    x = extract(read_text(_ROE + "She is an Associate Professor of Electrical and Computer "
                          "Engineering at Tulane University."))
    assert {o.name for o in x.organizations} == {"Tulane University"}


def test_a_city_is_no_university_where_places_stand():
    got = _affiliations(_ROE + "She joined the University of Leeds in 1990. She grew up in "
                        "Leeds.")
    assert got == {("Jane Roe", "worksFor", "University of Leeds", "1990", None)}


def test_an_award_of_a_society_names_the_society():
    x = extract(read_text(_ROE + "Her book received the Pfizer Award of the History of Science "
                          "Society. She studied at the University of Nairobi and Tulane "
                          "University."))
    assert {o.name for o in x.organizations} >= {"History of Science Society",
                                                  "University of Nairobi",
                                                  "Tulane University"}
    assert not [o for o in x.organizations if "Award" in o.name or " and " in o.name]


def test_a_plural_foundations_is_one_body():
    x = extract(read_text(_ROE + "A year later, the Open Society Foundations backed her project."))
    assert [o.name for o in x.organizations] == ["Open Society Foundations"]


def _interview(answer: str) -> set[tuple[str, str, str, str | None, str | None]]:
    return _affiliations("A Conversation with Jane Roe\n\nJane Roe is an engineer. She spoke to "
                         "us in May.\n\nQ: Tell me about your work?\n\nA: I love it. " + answer
                         + "\n\nQ: And now?\n\nA: I am happy.\n")


def test_an_interview_s_round_and_company():
    got = _interview("In 2021 we incorporated Quillon Robotics. Our seed round was led by "
                     "Kestrel Ventures, with Orca Capital joining. It closed in January 2022.")
    assert got == {
        # "we incorporated X" in the subject's answer: the subject founded it
        ("Jane Roe", "founderOf", "Quillon Robotics", "2021", None),
        # "Our seed round was led by A, with B joining" and its date from "It closed in ..."
        ("Quillon Robotics", "fundedBy", "Kestrel Ventures", "2022-01", None),
        ("Quillon Robotics", "fundedBy", "Orca Capital", "2022-01", None),
    }


def test_two_investors_joined_by_and_are_two():
    got = _interview("I co-founded Quillon Robotics in 2021. We raised $12 million from Kestrel "
                     "East and Orca Capital, with Kestrel leading.")
    assert {(a[2], a[1]) for a in got if a[0] == "Quillon Robotics"} == {
        ("Kestrel East", "fundedBy"), ("Orca Capital", "fundedBy")}


def test_a_company_s_round_led_by_an_investor():
    got = _affiliations(_ROE + "She co-founded Quillon Robotics in 2019. The company's seed "
                        "round was led by Kestrel Ventures in 2020.")
    assert ("Quillon Robotics", "fundedBy", "Kestrel Ventures", "2020", None) in got


def test_a_second_round_led_in_the_same_sentence_is_its_own():
    got = _affiliations(_ROE + "In 2019 she co-founded Quillon Robotics with Tom Vale. Kestrel "
                        "Ventures led the company's seed round that year; two years later Orca "
                        "Capital led a $18 million Series A in which Lark Ventures also took part.")
    funded = {(a[2], a[3]) for a in got if a[1] == "fundedBy"}
    assert funded == {("Kestrel Ventures", "2019"), ("Orca Capital", "2021"),
                      ("Lark Ventures", "2021")}


def test_an_interview_s_our_is_the_speaker_s_company():
    got = _interview("I co-founded Quillon Robotics in 2019. Tom Vale, our chief medical "
                     "officer, ran the first trial. Our chair is Mira Castell. In 2022 Felix "
                     "Arnaud joined our board. We hired Oskar Lindqvist in 2020. Orca Capital "
                     "put in our first $250,000.")
    assert got == {
        ("Jane Roe", "founderOf", "Quillon Robotics", "2019", None),
        # a post named with "our": work there; a chair or a board seat: membership
        ("Tom Vale", "worksFor", "Quillon Robotics", None, None),
        ("Mira Castell", "memberOf", "Quillon Robotics", None, None),
        # joining and hiring start then
        ("Felix Arnaud", "memberOf", "Quillon Robotics", "2022", None),
        ("Oskar Lindqvist", "worksFor", "Quillon Robotics", "2020", None),
        # money put into "our" company funds it
        ("Quillon Robotics", "fundedBy", "Orca Capital", None, None),
    }


def test_our_outside_an_interview_s_answers_names_no_company():
    # a third-person article's quoted "our" belongs to whoever speaks: no fact from it
    got = _affiliations(_ROE + "She co-founded Quillon Robotics in 2019. \"Tom Vale is our "
                        "chief medical officer,\" a spokesman for Orca Capital said.")
    assert not any(a[0] == "Tom Vale" for a in got)


def test_a_place_is_no_short_name_of_a_newspaper_named_in_full_in_references():
    got = _affiliations(
        "Jane Roe\n\nJane Roe (born 1970) is a chemist.\n\nIn 2016 Roe moved to Boston as a "
        "lecturer at Quillon University. In 2021 she co-founded Lakeview Assay, a Boston "
        "company. Tom Vale told the Boston Globe that it was new.\n\n== References ==\n\n"
        '1. "Roe moves", Boston Globe, 3 May 2016.\n2. "A new company", Boston Globe, 4 June '
        "2021.\n")
    # "moved to Boston" is a place; the reference lines' "Boston Globe" is the whole name
    assert {(a[0], a[1], a[2]) for a in got} == {
        ("Jane Roe", "worksFor", "Quillon University"),
        ("Jane Roe", "founderOf", "Lakeview Assay")}


def test_titles_in_the_sentence_after_a_company_s_founding_are_posts_there():
    got = _affiliations(_ROE + "In January 2021 Roe co-founded Quillon Robotics, a warehouse firm, "
                        "with Tom Vale and Mira Castell. Vale became chief executive, Castell "
                        "chief technology officer and Roe chief scientist.")
    # posts held from the founding, at the company the sentence before named
    assert {a for a in got if a[1] == "worksFor"} == {
        ("Tom Vale", "worksFor", "Quillon Robotics", "2021-01", None),
        ("Mira Castell", "worksFor", "Quillon Robotics", "2021-01", None),
        ("Jane Roe", "worksFor", "Quillon Robotics", "2021-01", None)}


def test_a_title_two_sentences_after_a_company_is_not_placed_there():
    got = _affiliations(_ROE + "In 2021 Roe co-founded Quillon Robotics. It grew fast. Tom Vale "
                        "became president in 2023.")
    assert not any(a[0] == "Tom Vale" for a in got)


_LONG_HEADLINE_INTERVIEW = """\
Slow and steady: Jane Roe on sensors, investors and hiring a drummer from a jazz club

Interview by Tom Vale

Jane Roe dislikes the word "disruptive". The Leeds-born chemist, who co-founded the Boston \
sensor company Quillon Robotics in 2019 with Mira Castell, prefers "slow".

TV: How did you start?

JR: I studied chemistry and I loved it. I was a slow student. I still am.

TV: Tell me about the money.

JR: The seed was $3 million, in February 2020. Kestrel Ventures led it, and Orca Capital came \
in alongside them. Felix Arnaud, a partner at Kestrel, joined our board when the round closed.
"""


def test_an_interview_with_a_long_headline_a_byline_and_initials_as_labels():
    x = extract(read_text(_LONG_HEADLINE_INTERVIEW))
    # the first line is the headline however long; the byline names the interviewer
    assert x.subject == "Jane Roe"
    assert {p.name for p in x.people} == {"Jane Roe", "Tom Vale", "Mira Castell",
                                          "Felix Arnaud"}
    got = {(a.person, a.relation, a.organization) for a in x.affiliations}
    assert got == {
        # "The Leeds-born chemist, who co-founded ..." right after a sentence about her;
        # "the Boston sensor company X": Boston is the company's place, no body
        ("Jane Roe", "founderOf", "Quillon Robotics"),
        ("Mira Castell", "founderOf", "Quillon Robotics"),
        # an answer labelled with her initials speaks for her though it has no "I":
        # "A led it" (the round just named), "B came in alongside them"
        ("Quillon Robotics", "fundedBy", "Kestrel Ventures"),
        ("Quillon Robotics", "fundedBy", "Orca Capital"),
        # "A, a partner at Kestrel, joined our board"
        ("Felix Arnaud", "memberOf", "Quillon Robotics"),
        ("Felix Arnaud", "worksFor", "Kestrel Ventures"),
    }


def test_a_banker_s_page_bodies_short_names_and_funds():
    x = extract(read_text(
        "Jane Roe\n\nJane Roe (born 1961) is a banker. She was chief executive of Lakemoor "
        "Meridian Bank from 2001 to 2008, and in 2017 co-founded the Accra-based private equity "
        "firm Orca Capital Partners with Tom Vale. Orca led the seed round of Paylane, a "
        "payments start-up founded in 2019 by the engineer Mira Castell. In 2019 she published "
        "a memoir, Ledgers and Lanterns: A Banker at Work, with the Accra publisher Hale "
        "Press. She later sold her shares in Lakemoor Meridian."))
    got = {(a.person, a.relation, a.organization) for a in x.affiliations}
    assert got == {
        ("Jane Roe", "worksFor", "Lakemoor Meridian Bank"),
        # "the Accra-based firm": a place, no body the subject founded
        ("Jane Roe", "founderOf", "Orca Capital Partners"),
        ("Tom Vale", "founderOf", "Orca Capital Partners"),
        # "X, a payments start-up founded in 2019 by A": the start-up's founder
        ("Mira Castell", "founderOf", "Paylane"),
        # the short name of a body whose name says it is one, tagged a person or not,
        # leads "the seed round of X"
        ("Paylane", "fundedBy", "Orca Capital Partners"),
    }
    # "Lakemoor Meridian" starts a bank's name: the bank's short name, no person
    assert {p.name for p in x.people} == {"Jane Roe", "Tom Vale", "Mira Castell"}
    # a title after "a memoir," that ends where its publisher is named
    assert [(p.title, [a.name for a in p.authors]) for p in x.papers] == [
        ("Ledgers and Lanterns: A Banker at Work", ["Jane Roe"])]


def test_a_fund_anchored_by_investors():
    got = _affiliations(_ROE + "In 2017 she co-founded Orca Capital Partners. Its first fund "
                        "closed in 2018 and was anchored by the International Finance "
                        "Corporation.")
    assert ("Orca Capital Partners", "fundedBy", "International Finance Corporation") in {
        a[:3] for a in got}


_PRIZE_PORTRAITS = """\
Three share the 2025 Orca Prize

OSLO, 14 May 2025. The Orca Foundation today announced that the 2025 Orca Prize will be \
shared by Professor Jane Roe of the University of Tokyo and Professor Tom Vale of ETH Zurich.

Jane Roe (born 1970 in Sendai) is a professor at the University of Tokyo. She graduated from \
Kyoto University in 1993.

Tom Vale (born 1964 in Lima) holds a chair at ETH Zurich, a post Felix Arnaud held before \
him. He earned his PhD at the University of Washington in 1996 and then spent eight years at \
the Scripps Institution of Oceanography.
"""


def test_a_portrait_paragraph_s_pronoun_is_its_person_s():
    got = {a[:3] for a in _affiliations(_PRIZE_PORTRAITS)}
    # "Tom Vale (born 1964 ...)" opens a portrait: its "he" is Vale, not the subject nor
    # the last man named
    assert not any(a[0] == "Felix Arnaud" and a[2] != "ETH Zurich" for a in got)
    assert {a for a in got if a[0] == "Tom Vale"} == {
        ("Tom Vale", "worksFor", "ETH Zurich"),
        ("Tom Vale", "alumniOf", "University of Washington"),
        ("Tom Vale", "worksFor", "Scripps Institution of Oceanography")}
    assert ("Jane Roe", "alumniOf", "Kyoto University") in got
    assert not any(a[0] == "Jane Roe" and a[2] in ("University of Washington",
                                                    "Scripps Institution of Oceanography")
                   for a in got)


def test_a_title_the_recogniser_runs_into_a_body_s_name_is_no_part_of_it():
    got = {a[:3] for a in _affiliations(
        _ROE + '"It is fitting," said Tom Vale, Executive Director of the Lakemoor Foundation. '
        '"Each could have been honoured alone," said Dr Mira Castell, Chair of the Board of '
        "the Lakemoor Foundation. Felix Arnaud is on the Council of Economic Advisers.")}
    # the foundation is the body; a board's chair is its member; a council keeps its name
    assert ("Tom Vale", "worksFor", "Lakemoor Foundation") in got
    assert ("Mira Castell", "memberOf", "Lakemoor Foundation") in got
    assert not any("Director" in a[2] or "Board" in a[2] or a[2] == "Economic Advisers"
                   for a in got)


def test_an_obituary_s_paper_place_and_journals():
    x = extract(read_text(
        "Jane Roe\n\nJane Roe (1939-2024) was a physicist. After her doctorate she spent two "
        "years as a postdoctoral fellow at Quillon University in Ithaca, New York. Her best "
        "work came in 1979, when she and Tom Vale reported in Physical Review B that thin "
        'films behaved oddly. The paper, "Weak Localization in Thin Copper Films," listed Vale '
        "first. A review in Reviews of Modern Physics followed in 1995."))
    # a university's place after "in" is no part of its name; journals are no bodies
    assert [o.name for o in x.organizations] == ["Quillon University"]
    # "The paper" is the work the sentence before dated
    assert [(p.title, p.date.iso if p.date else None) for p in x.papers] == [
        ("Weak Localization in Thin Copper Films", "1979")]


def test_a_country_left_for_a_university_where_a_phd_began():
    got = _affiliations(_ROE + "In the autumn of 2009 Roe left Brazil for the University of "
                        "Leeds, where she began a PhD under the plant ecologist Fiona Hartigan.")
    # no "Brazil for the University of Leeds"; "where she began a PhD" is study
    assert ("Jane Roe", "alumniOf", "University of Leeds", "2009", None) in got
    assert all(a[2] == "University of Leeds" for a in got)


def test_a_name_after_a_person_s_occupation_is_a_person():
    x = extract(read_text(_ROE + "In 2018 she and Tom Vale, together with the software "
                          "engineer Anouk Verhoeven, set up Quillon Robotics."))
    assert {p.name for p in x.people} == {"Jane Roe", "Tom Vale", "Anouk Verhoeven"}


def test_a_post_of_another_body_after_a_founding_is_not_placed_at_the_company():
    got = _affiliations(_ROE + "In 2021 Roe co-founded Quillon Robotics, a warehouse firm, with "
                        "Tom Vale. Vale became chief executive officer of the parent group.")
    # "chief executive officer of ...": a post elsewhere, not at the company just founded
    assert not any(a[0] == "Tom Vale" and a[1] == "worksFor" for a in got)


def test_a_sentence_opening_with_the_paper_is_no_description_of_the_subject():
    got = _affiliations(_ROE + "Jane Roe dislikes the word. The paper, published by the "
                        "Quillon Institute in 2019, argued otherwise.")
    assert not any(a[0] == "Jane Roe" for a in got)


def test_the_two_of_them_are_the_subject_and_the_one_named_just_before():
    got = _affiliations(_ROE + "Utrecht University hired her in 2016. One of her first "
                        "doctoral students there was Oskar Lindqvist. In 2018 the two of them "
                        "set up Quillon Robotics.")
    assert {a for a in got if a[1] == "founderOf"} == {
        ("Jane Roe", "founderOf", "Quillon Robotics", "2018", None),
        ("Oskar Lindqvist", "founderOf", "Quillon Robotics", "2018", None)}


def test_a_paragraph_that_opens_by_describing_another_person_is_their_portrait():
    got = _affiliations(
        "Hale Prize 2024\n\nLAKEMOOR, 3 May 2024 - The Hale Foundation today named the "
        "laureates of its prize: Professor Mira Castell of the University of Lakemoor and "
        "Professor Tom Vale of Quillon Polytechnic.\n\n"
        "Professor Mira Castell is honoured for her studies of coastal aquifers. She received "
        "her PhD from the University of Orca in 2006.\n\n"
        "Professor Tom Vale is recognised for his flood forecasts. He earned a BEng from "
        "Kestrel University in 1994 and was a senior engineer at the Flood Bureau from 2001 "
        "to 2008.\n")
    assert {("Mira Castell", "alumniOf", "University of Orca", None, "2006"),
            ("Tom Vale", "alumniOf", "Kestrel University", None, "1994"),
            ("Tom Vale", "worksFor", "Flood Bureau", "2001", "2008")} <= got
    assert not any(p == "Mira Castell" and o in ("Kestrel University", "Flood Bureau")
                   for p, _r, o, _s, _e in got)


@pytest.mark.parametrize("text, absent", [
    # stepping down as chief executive officer *of* a named body is read by the cues, and
    # another person's stepping down ends no post of the subject's
    ("# Jane Roe\n\nJane Roe is an engineer who builds robots for farms and forests. In 2012 "
     "Roe joined Quillon Medical as chief executive. Roe stepped down as chief executive "
     "officer of Paylane Robotics in 2020.",
     ("Jane Roe", "worksFor", "Quillon Medical", "2012", "2020")),
    ("# Jane Roe\n\nJane Roe is an engineer who builds robots for farms and forests. In 2012 "
     "Roe joined Quillon Medical as chief executive. Tom Vale stepped down as chief executive "
     "in 2020.",
     ("Tom Vale", "worksFor", "Quillon Medical", None, "2020")),
    # "made it a condition of the loan" is no funding
    ("# Jane Roe\n\nJane Roe is an engineer who builds robots for farms and forests. In 2012 "
     "Roe founded Quillon Medical. In 2015 Lakemoor Bank made it a condition of the loan "
     "that Roe resign.",
     ("Quillon Medical", "fundedBy", "Lakemoor Bank", "2015", None)),
])
def test_rules_that_must_not_fire(text, absent):
    assert absent not in _affiliations(text)


def test_a_lab_page_portrait_of_its_head():
    # a page about a lab has no person subject; the paragraph that opens "X is Associate
    # Professor of ..." is X's portrait, so its "she" is X
    text = ("# The Castell Lab\n\nWe study how roots and soil microbes talk to each other when "
            "water runs short.\n\n## Principal investigator\n\nMira Castell is Associate "
            "Professor of Plant Biology at the University of Hull. She studied biology at the "
            "University of Leeds (MSc 2006). From 2011 to 2015 she was a postdoctoral "
            "researcher in Tom Vale's group at the University of York. She came to Hull in "
            "2016 as an Academy Research Fellow.\n")
    got = _affiliations(text)
    assert {("Mira Castell", "worksFor", "University of Hull", None, None),
            ("Mira Castell", "alumniOf", "University of Leeds", None, "2006"),
            ("Mira Castell", "worksFor", "University of York", "2011", "2015"),
            ("Tom Vale", "worksFor", "University of York", None, None)} <= got
    assert "Academy Research" not in {o.name for o in extract(read_text(text)).organizations}


def test_a_cv_post_before_its_body_and_a_company_with_co_ltd():
    text = ("# Jane Roe\n\nJane Roe is a materials scientist who grows thin films.\n\n"
            "## Appointments\n\n"
            "- 2012–2015: Postdoctoral Research Associate, University of Cambridge, UK\n"
            "- 2007–2008: Research Engineer, Hanseong Advanced Ceramics Co., Ltd., Suwon, "
            "Korea\n")
    x = extract(read_text(text))
    assert {(a.person, a.relation, a.organization, a.start.iso if a.start else None,
             a.end.iso if a.end else None) for a in x.affiliations} >= {
        ("Jane Roe", "worksFor", "University of Cambridge", "2012", "2015"),
        ("Jane Roe", "worksFor", "Hanseong Advanced Ceramics Co., Ltd.", "2007", "2008")}
    assert not any("Postdoctoral" in o.name for o in x.organizations)


def test_a_footballer_s_clubs_a_party_and_a_hyphenated_surname():
    text = ("Tom Vale-Hart\n\nTom Vale-Hart (born 9 June 1975) is a former footballer and "
            "politician who played for clubs in three countries.\n\nHe grew up in Lakemoor, "
            "where his father, Ola Hart, worked as a mechanic. In 1993 he signed his first "
            "contract with Sekondi Harbour FC. In 1997 he joined the club SV Rheinhafen 09 and "
            "in 2002 he left for the Belgian club KSV Oudenrode. Vale-Hart enrolled at the "
            "University of Lakemoor in 2010 as a mature student. Vale-Hart joined the National "
            "Renewal Movement, a small reformist party founded by the lawyer Mira Castell, in "
            "2019.\n")
    x = extract(read_text(text))
    assert {p.name for p in x.people} == {"Tom Vale-Hart", "Ola Hart", "Mira Castell"}
    assert {"Sekondi Harbour FC", "SV Rheinhafen 09", "KSV Oudenrode",
            "National Renewal Movement"} <= {o.name for o in x.organizations}
    got = {(a.person, a.relation, a.organization, a.start.iso if a.start else None,
            a.end.iso if a.end else None) for a in x.affiliations}
    assert {("Tom Vale-Hart", "worksFor", "SV Rheinhafen 09", "1997", "2002"),
            ("Tom Vale-Hart", "alumniOf", "University of Lakemoor", "2010", None),
            ("Tom Vale-Hart", "memberOf", "National Renewal Movement", "2019", None),
            ("Mira Castell", "founderOf", "National Renewal Movement", None, None)} <= got
    # the surname inside the hyphenated one is not the father's
    assert not any(p == "Ola Hart" and o == "University of Lakemoor" for p, _r, o, _s, _e in got)


def test_admission_to_a_club_is_membership():
    got = _affiliations("# Jane Roe\n\nJane Roe is a skier who wrote about snow and winter "
                        "sport. Roe was admitted to the skiing club KSV Lakemoor in 1898.")
    assert ("Jane Roe", "memberOf", "KSV Lakemoor", "1898", None) in got


def test_a_newspaper_named_in_sentence_case_with_its_apposition():
    text = ("Mira Castell\n\nMira Castell (1908–1979) was a novelist and journalist who wrote "
            "about harbour towns.\n\nIn the autumn of 1929 Castell joined Lakemoorski glasnik, "
            "the city's largest daily, as a junior reporter.\n")
    x = extract(read_text(text))
    assert "Lakemoorski glasnik" in {o.name for o in x.organizations}
    assert ("Mira Castell", "worksFor", "Lakemoorski glasnik") in {
        (a.person, a.relation, a.organization) for a in x.affiliations}


@pytest.mark.parametrize("text, absent_org, absent_person", [
    # initials without stops are no sports club
    ("She studied with AC Grayling and AS Byatt.", "AC Grayling", None),
    # a monthly meeting is no periodical
    ("She attended the monthly Board meeting at Lakemoor University.", "Board meeting", None),
])
def test_review_cases_that_name_no_body(text, absent_org, absent_person):
    x = extract(read_text("# Jane Roe\n\nJane Roe is a chemist who works on soil and water. "
                          + text))
    assert absent_org not in {o.name for o in x.organizations}


def test_a_post_held_by_someone_else_makes_no_portrait():
    # "X was Director of ..." opens no portrait: her post is still hers
    got = _affiliations("# Jane Roe\n\nJane Roe is a chemist who works on soil and water.\n\n"
                        "Tom Vale was Director of the Hale Institute in 1995, and that year she "
                        "joined the Hale Institute as a lecturer.")
    assert ("Jane Roe", "worksFor", "Hale Institute", "1995", None) in got


def test_a_line_under_a_generic_title_must_look_like_a_name():
    x = extract(read_text("CV\n\nSoil Chemistry Group\n\nJane Roe is a chemist. She joined "
                          "Lakemoor University in 2010."))
    assert x.subject == "Jane Roe"
    assert "Soil Chemistry Group" not in {p.name for p in x.people}


_TRANSCRIPT = "\n\n".join([
    '# Lab Coats, Balance Sheets — Episode 12: "Salt and scale"',
    "*Transcript edited for length.*",
    "**Tom Vale:** Welcome back to Lab Coats, Balance Sheets. I’m Tom Vale. My guest "
    "today is Dr. Marianna Castellanowa, co-founder and chief executive of Quillon "
    "Robotics. Thanks for coming in.",
    "**Mira Castellanowa:** Thanks for having me. Everyone calls me Mira, by the way.",
    "**Tom Vale:** Where did it start?",
    "**Mira Castellanowa:** I began my PhD at Lakemoor University in 2008, in Felix "
    "Arnaud’s group, and defended in 2013. After Lakemoor I went to the Hale Institute as"
    " a postdoc from 2013 to 2016.",
    "**Tom Vale:** And then the company.",
    "**Mira Castellanowa:** In 2016 I co-founded Quillon Robotics. There are three "
    "founders: me, Ann Ray, who is our CTO, and Tim Sato, who runs operations. We raised "
    "nine million euros in 2019. The round was led jointly by Kestrel Ventures and Orca "
    "Capital. Paylane Capital, who gave us our seed round in 2017, came in again.",
    "**Tom Vale:** Do you still teach?",
    "**Mira Castellanowa:** I’m still on the board of advisers for the robotics master’s "
    "programme at the University of Hull, which keeps me honest.",
])


def test_a_podcast_transcript_with_speaker_labels():
    x = extract(read_text(_TRANSCRIPT, name="episode.md"))
    # the guest the host introduces, not the show's name before the comma nor the host
    assert x.subject == "Marianna Castellanowa"
    got = {(a.person, a.relation, a.organization, a.start.iso if a.start else None,
            a.end.iso if a.end else None) for a in x.affiliations}
    assert {
        # "began my PhD at X in 2008 ... and defended in 2013"
        ("Marianna Castellanowa", "alumniOf", "Lakemoor University", "2008", "2013"),
        # "went to X as a postdoc": a post, not a study
        ("Marianna Castellanowa", "worksFor", "Hale Institute", "2013", "2016"),
        # founders listed with the speaker among them, dated by the founding
        ("Ann Ray", "founderOf", "Quillon Robotics", "2016", None),
        ("Tim Sato", "founderOf", "Quillon Robotics", "2016", None),
        # "the board of advisers for the ... programme at X"
        ("Marianna Castellanowa", "memberOf", "University of Hull", None, None),
    } <= got
    assert not any(o == "Hale Institute" and r == "alumniOf" for _p, r, o, _s, _e in got)
    assert not any(o == "University of Hull" and r == "alumniOf" for _p, r, o, _s, _e in got)
    funders = {a.organization for a in x.affiliations
               if a.relation == "fundedBy" and a.person == "Quillon Robotics"}
    # "The round was led jointly by A and B" after "We raised ..."; "A, who gave us our seed"
    assert {"Kestrel Ventures", "Orca Capital", "Paylane Capital"} <= funders
    assert "Lab Coats" not in {p.name for p in x.people}


_FOUNDER_QA = "\n\n".join([
    "Jane Roe, Quillon Diagnostics",
    "Jane Roe is the co-founder and chief executive of Quillon Diagnostics, a company that "
    "makes blood tests.",
    "Q: Where did you start?",
    "A: I did my undergrad at Lakemoor University, graduated in 2008, and then I came to the "
    "University of Hull that autumn for a PhD, which I finished in 2013. In the summer of 2013 "
    "I joined Siemens as a scientist in their diagnostics group. I left in 2016.",
    "Q: And the money?",
    "A: In 2016 I co-founded Quillon Diagnostics with Tom Vale. That was October 2019: sixteen "
    "million dollars, co-led by Kestrel Ventures and Orca Capital. Mira Castell from Kestrel "
    "joined our board as part of the round. Ann Ray came to us from Paylane in 2020 as our "
    "head of quality.",
])


def test_a_founder_interview_s_posts_rounds_and_board():
    x = extract(read_text(_FOUNDER_QA))
    # a one-word company the tagger calls a person: "joined Siemens as a scientist"
    assert "Siemens" in {o.name for o in x.organizations}
    assert "Siemens" not in {p.name for p in x.people}
    got = {(a.person, a.relation, a.organization, a.start.iso if a.start else None,
            a.end.iso if a.end else None) for a in x.affiliations}
    assert {
        ("Jane Roe", "worksFor", "Siemens", "2013", "2016"),
        # "came to X that autumn for a PhD": study
        ("Jane Roe", "alumniOf", "University of Hull", "2008", "2013"),
        # "sixteen million dollars, co-led by A and B": the speaker's company
        ("Quillon Diagnostics", "fundedBy", "Kestrel Ventures", None, None),
        ("Quillon Diagnostics", "fundedBy", "Orca Capital", None, None),
        # "A from Kestrel joined our board"; "A came to us ... as our head of quality"
        ("Mira Castell", "memberOf", "Quillon Diagnostics", None, None),
        ("Ann Ray", "worksFor", "Quillon Diagnostics", "2020", None),
    } <= got


def test_a_magazine_conversation_and_a_show_s_host():
    text = "\n\n".join([
        '# "Salt does not wait": a conversation with Tom Vale',
        "Tom Vale is a marine ecologist at Lakemoor University.",
        "**Where did you start?**",
        "I took up a lectureship at Hale University in 2012 and was made senior lecturer in "
        "2016. I moved to Lakemoor in 2018. I left Hale with mixed feelings; I had great "
        "colleagues there. The paper I am proudest of is \"Thermal tolerance of juvenile "
        "*Macrocystis pyrifera* across a gradient,\" which came out in *Oikos* in 2011.",
    ])
    x = extract(read_text(text, name="talk.md"))
    assert x.subject == "Tom Vale"
    got = {(a.person, a.relation, a.organization) for a in x.affiliations}
    # "left Hale" after a post there ends the post, not a student's years
    assert ("Tom Vale", "worksFor", "Hale University") in got
    assert ("Tom Vale", "alumniOf", "Hale University") not in got
    # the species inside the quoted title and the journal after it are no titles
    assert [(p.title, p.date.iso if p.date else None) for p in x.papers] == [
        ("Thermal tolerance of juvenile Macrocystis pyrifera across a gradient", "2011")]


def test_a_show_s_notes_name_the_host_first_and_the_guest_after_talks_with():
    text = "\n\n".join([
        "THE LONG VIEW - Episode 12",
        "About this episode: Host Tom Vale talks with Mira Castell, professor of history at "
        "Lakemoor University and author of a book on salt. Castell studied at the University of "
        "Hull and since 2020 has chaired the board of trustees of the Hale Institute.",
        "[00:00:41] TOM VALE: Mira, welcome to the show.",
        "[00:00:44] MIRA CASTELL: Thank you, Tom. I have been a listener for a long time. I "
        "grew up by the sea, and I was always asking why the port was poor. I went to Hull to "
        "study it.",
        "[00:00:49] TOM VALE: You chair the board at the Hale Institute?",
        "[00:00:52] MIRA CASTELL: I do, and I love it. I think it keeps me honest.",
    ])
    x = extract(read_text(text))
    assert x.subject == "Mira Castell"
    assert "Host Tom Vale" not in {p.name for p in x.people}
    got = {(a.person, a.relation, a.organization) for a in x.affiliations}
    assert ("Mira Castell", "memberOf", "Hale Institute") in got
    assert ("Mira Castell", "worksFor", "Hale Institute") not in got
    assert not any(p == "Tom Vale" for p, _r, _o in got)
