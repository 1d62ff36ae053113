"""Saved queries on the bundled graph; expected answers checked by hand against the article."""

from __future__ import annotations

import pytest

from kg.errors import QueryError
from kg.queries import get_query, list_queries, run_query

CONTRACT = {
    "people": ["name"],
    "organizations": ["name", "kind"],
    "papers": ["title", "year", "date", "venue", "identifier"],
    "authorship": ["title", "author", "position"],
    "affiliations": ["person", "relation", "organization", "start", "end"],
    "first-author-papers-by-year": ["year", "title"],
    "coauthors": ["coauthor", "shared_papers"],
}


@pytest.mark.parametrize("name, columns", sorted(CONTRACT.items()))
def test_contract_queries_have_exactly_their_columns(seed_graph, name, columns):
    assert run_query(name, seed_graph).columns == columns


def test_every_saved_query_has_a_summary():
    assert {q.name for q in list_queries()} >= set(CONTRACT)
    assert all(q.summary for q in list_queries())


def test_first_author_papers_by_year_of_the_subject(seed_graph):
    # the article's table marks these six "First author"
    assert run_query("first-author-papers-by-year", seed_graph).rows == [
        ["2015", "Unsupervised Representation Learning with Deep Convolutional Generative "
                 "Adversarial Networks"],
        ["2017", "Learning to Generate Reviews and Discovering Sentiment"],
        ["2018", "Improving Language Understanding by Generative Pre-Training"],
        ["2019", "Language Models are Unsupervised Multitask Learners"],
        ["2021", "Learning Transferable Visual Models from Natural Language Supervision"],
        ["2022", "Robust Speech Recognition via Large-Scale Weak Supervision"],
    ]


def test_first_author_papers_of_another_person_by_name(seed_graph):
    rows = run_query("first-author-papers-by-year", seed_graph, {"person": "Mark Chen"}).rows
    assert rows == [["2020", "Generative Pretraining From Pixels"]]


def test_coauthors_of_sutskever(seed_graph):
    rows = run_query("coauthors", seed_graph, {"person": "Ilya Sutskever"}).rows
    # sentiment neuron, GPT-1, GPT-2, Image GPT, Jukebox, DALL-E, CLIP, Whisper
    assert rows[0] == ["Alec Radford", "8"]
    # Jukebox, CLIP, Whisper
    assert rows[1] == ["Jong Wook Kim", "3"]


def test_coauthors_of_the_subject_count_every_collaborator(seed_graph):
    rows = dict(run_query("coauthors", seed_graph).rows)
    assert rows["Ilya Sutskever"] == "8"
    assert rows["Soumith Chintala"] == "1"
    # 46 other people, of whom 11 never co-wrote with him: Victoroff, Yuan, May, Radford
    # Neal, Huang, LeCun, Altman, Karpathy, Tremblay, Silverman, Chabon
    assert len(rows) == 46 - 11


def test_affiliations_of_the_subject(seed_graph):
    rows = [r for r in run_query("affiliations", seed_graph).rows if r[0] == "Alec Radford"]
    assert sorted(rows) == [
        ["Alec Radford", "alumniOf", "Cistercian Preparatory School", "", "2011"],
        ["Alec Radford", "alumniOf", "Franklin W. Olin College of Engineering", "", "2014-08"],
        ["Alec Radford", "founderOf", "Indico Data Solutions", "2012", ""],
        ["Alec Radford", "worksFor", "Indico Data Solutions", "", "2016"],
        ["Alec Radford", "worksFor", "OpenAI", "2016", "2024-12"],
    ]


def test_funding_rows_hold_the_funded_organisation(seed_graph):
    rows = [r for r in run_query("affiliations", seed_graph).rows if r[1] == "fundedBy"]
    assert sorted(rows) == [
        ["Indico Data Solutions", "fundedBy", "General Catalyst", "2013", ""],
        ["Indico Data Solutions", "fundedBy", "Rough Draft Ventures", "2013", ""],
    ]


def test_authorship_positions(seed_graph):
    rows = {(r[0], r[1]): r[2] for r in run_query("authorship", seed_graph).rows}
    assert rows[("Generative Pretraining From Pixels", "Mark Chen")] == "1"
    assert rows[("Generative Pretraining From Pixels", "Alec Radford")] == "2"  # "second author"
    assert rows[("Language Models are Few-Shot Learners", "Alec Radford")] == ""


def test_unknown_query_and_person_errors_name_close_matches(seed_graph):
    with pytest.raises(QueryError, match="did you mean coauthors"):
        get_query("coauthor")
    with pytest.raises(QueryError, match="close matches: 'Ilya Sutskever', 'Sutskever'"):
        run_query("coauthors", seed_graph, {"person": "Ilya Sutskevr"})
    with pytest.raises(QueryError, match="no parameter 'year'"):
        run_query("coauthors", seed_graph, {"year": "2020"})


NAME_IS = ("SELECT ?n WHERE { ?p <https://schema.org/name> ?n FILTER(?n = ?_name_string) } "
           "ORDER BY ?n")


def test_hostile_parameter_values_are_bound_not_pasted(seed_graph):
    from kg.queries import SavedQuery

    q = SavedQuery.parse("name-is", NAME_IS)
    assert run_query(q, seed_graph, {"name": "Luke Metz"}).rows == [["Luke Metz"]]
    for value in ('x" } ?s ?p ?o #', "Luke Metz\") } UNION { ?p ?q ?n } #"):
        assert run_query(q, seed_graph, {"name": value}).rows == []
    with pytest.raises(QueryError, match="no person, organisation or paper named"):
        run_query("coauthors", seed_graph, {"person": 'x" } ?s ?p ?o #'})


# --- the library of questions; every answer below was read off the article by hand -----

DCGAN = ("Unsupervised Representation Learning with Deep Convolutional Generative "
         "Adversarial Networks")
GANS = "Improved Techniques for Training GANs"
SENTIMENT = "Learning to Generate Reviews and Discovering Sentiment"
GPT1 = "Improving Language Understanding by Generative Pre-Training"
GPT2 = "Language Models are Unsupervised Multitask Learners"
IGPT = "Generative Pretraining From Pixels"
JUKEBOX = "Jukebox: A Generative Model for Music"
GPT3 = "Language Models are Few-Shot Learners"
CLIP = "Learning Transferable Visual Models from Natural Language Supervision"
DALLE = "Zero-Shot Text-to-Image Generation"
WHISPER = "Robust Speech Recognition via Large-Scale Weak Supervision"


def test_there_are_at_least_fifteen_saved_queries_each_documented():
    queries = list_queries()
    assert len(queries) >= 15
    for q in queries:
        assert q.summary and q.tags, q.name


def test_papers_by_year(seed_graph):
    # 2020: Image GPT, Jukebox, GPT-3; 2021: CLIP, DALL-E
    assert run_query("papers-by-year", seed_graph).rows == [
        ["2015", "1"], ["2016", "1"], ["2017", "1"], ["2018", "1"], ["2019", "1"],
        ["2020", "3"], ["2021", "2"], ["2022", "1"]]


def test_author_positions_of_the_subject(seed_graph):
    # first author on DCGAN, sentiment, GPT-1, GPT-2, CLIP, Whisper; "second author" of
    # seven on Image GPT; plain "co-author" (position not given) on the other four
    assert run_query("author-positions", seed_graph).rows == [
        ["2015", "first", "1"], ["2016", "unknown", "1"], ["2017", "first", "1"],
        ["2018", "first", "1"], ["2019", "first", "1"], ["2020", "middle", "1"],
        ["2020", "unknown", "2"], ["2021", "first", "1"], ["2021", "unknown", "1"],
        ["2022", "first", "1"]]


def test_author_positions_of_a_first_author(seed_graph):
    rows = run_query("author-positions", seed_graph, {"person": "Tom B. Brown"}).rows
    assert rows == [["2020", "first", "1"]]


def test_papers_together(seed_graph):
    rows = run_query("papers-together", seed_graph, {"other": "Ilya Sutskever"}).rows
    assert rows == [["2017", SENTIMENT], ["2018", GPT1], ["2019", GPT2], ["2020", IGPT],
                    ["2020", JUKEBOX], ["2021", CLIP], ["2021", DALLE], ["2022", WHISPER]]
    rows = run_query("papers-together", seed_graph,
                     {"person": "Luke Metz", "other": "Soumith Chintala"}).rows
    assert rows == [["2015", DCGAN]]


def test_common_coauthors_of_radford_and_sutskever(seed_graph):
    rows = run_query("common-coauthors", seed_graph, {"other": "Ilya Sutskever"}).rows
    assert rows[:3] == [["Jong Wook Kim", "3", "3"],  # Jukebox, CLIP, Whisper
                        ["Aditya Ramesh", "2", "2"],  # DALL-E, CLIP
                        ["David Luan", "2", "2"]]     # GPT-2, Image GPT
    assert ["Tim Salimans", "2", "1"] in rows  # GANs and GPT-1 with Radford; GPT-1 only
    assert len(rows) == 27  # everyone on the eight shared papers but the two of them


def test_have_coauthored_is_an_ask_query(seed_graph):
    yes = run_query("have-coauthored", seed_graph, {"other": "Luke Metz"})
    no = run_query("have-coauthored", seed_graph, {"other": "Yann LeCun"})
    assert (yes.form, yes.boolean, no.boolean) == ("ASK", True, False)


def test_timeline_of_the_subject(seed_graph):
    rows = run_query("timeline", seed_graph).rows
    dated = [r for r in rows if r[1] != "published"]
    assert dated == [
        ["2011", "end", "alumniOf", "Cistercian Preparatory School"],
        ["2012", "start", "founderOf", "Indico Data Solutions"],
        ["2014-08", "end", "alumniOf", "Franklin W. Olin College of Engineering"],
        ["2016", "end", "worksFor", "Indico Data Solutions"],
        ["2016", "start", "worksFor", "OpenAI"],
        ["2024-12", "end", "worksFor", "OpenAI"]]
    papers = [(r[0], r[3]) for r in rows if r[1] == "published"]
    assert papers == [("2015-11", DCGAN), ("2016", GANS), ("2017-04-05", SENTIMENT),
                      ("2018-06-11", GPT1), ("2019-02", GPT2), ("2020", IGPT),
                      ("2020-04", JUKEBOX), ("2020-05", GPT3), ("2021", DALLE),
                      ("2021-02-26", CLIP), ("2022-12-06", WHISPER)]
    assert [r[0] for r in rows] == sorted(r[0] for r in rows)


def test_organization_people_of_one_organisation(seed_graph):
    rows = run_query("organization-people", seed_graph,
                     {"organization": "Indico Data Solutions"}).rows
    assert rows == [
        ["Indico Data Solutions", "founderOf", "Alec Radford"],
        ["Indico Data Solutions", "founderOf", "Diana Yuan"],
        ["Indico Data Solutions", "founderOf", "Madison May"],
        ["Indico Data Solutions", "founderOf", "Slater Victoroff"],
        ["Indico Data Solutions", "worksFor", "Alec Radford"],
        ["Indico Data Solutions", "worksFor", "Luke Metz"],
        ["Indico Data Solutions", "worksFor", "Slater Victoroff"]]


def test_organization_people_of_every_organisation(seed_graph):
    rows = run_query("organization-people", seed_graph).rows
    assert {r[0] for r in rows} == {
        "Cistercian Preparatory School", "Facebook AI Research",
        "Franklin W. Olin College of Engineering", "Indico Data Solutions", "Nvidia",
        "OpenAI"}
    assert ["Facebook AI Research", "worksFor", "Soumith Chintala"] in rows
    assert len(rows) == 18


def test_founders_and_funders(seed_graph):
    assert run_query("founders", seed_graph).rows == [
        ["Indico Data Solutions", "Alec Radford", "2012"],
        ["Indico Data Solutions", "Diana Yuan", "2012"],
        ["Indico Data Solutions", "Madison May", "2012"],
        ["Indico Data Solutions", "Slater Victoroff", "2012"],
        ["OpenAI", "Andrej Karpathy", ""]]
    assert run_query("funders", seed_graph).rows == [
        ["Indico Data Solutions", "General Catalyst", "2013"],
        ["Indico Data Solutions", "Rough Draft Ventures", "2013"]]


def test_papers_per_venue(seed_graph):
    # Image GPT at ICML 2020 and CLIP at ICML 2021 are both ICML
    assert run_query("papers-per-venue", seed_graph).rows == [
        ["arXiv", "5"], ["ICML", "2"], ["OpenAI technical report", "2"], ["NeurIPS", "1"]]


def test_first_author_collaborators(seed_graph):
    rows = run_query("first-author-collaborators", seed_graph).rows
    # Sutskever is on sentiment, GPT-1, GPT-2, CLIP and Whisper; Kim on CLIP and Whisper
    assert rows[:2] == [["Ilya Sutskever", "5"], ["Jong Wook Kim", "2"]]
    assert len(rows) == 23 and all(r[1] == "1" for r in rows[2:])


def test_person_papers(seed_graph):
    rows = run_query("person-papers", seed_graph).rows
    assert [r[1] for r in rows] == [DCGAN, GANS, SENTIMENT, GPT1, GPT2, IGPT, JUKEBOX, GPT3,
                                    CLIP, DALLE, WHISPER]
    assert rows[5] == ["2020", IGPT, "2", "ICML"]
    assert rows[8] == ["2021", CLIP, "1", "ICML 2021"]
    assert rows[9] == ["2021", DALLE, "", ""]


def test_paper_authors_by_short_name(seed_graph):
    rows = run_query("paper-authors", seed_graph, {"paper": "GPT-3"}).rows
    assert rows == [["Tom B. Brown", "1"], ["Alec Radford", ""]]
    rows = run_query("paper-authors", seed_graph, {"paper": IGPT}).rows
    assert rows[:2] == [["Mark Chen", "1"], ["Alec Radford", "2"]] and len(rows) == 7


def test_papers_in_year_takes_a_typed_integer(seed_graph):
    assert run_query("papers-in-year", seed_graph).rows == [  # default 2020
        [IGPT, "ICML"], [JUKEBOX, "arXiv"], [GPT3, "arXiv"]]
    assert run_query("papers-in-year", seed_graph, {"year": "2021"}).rows == [
        [CLIP, "ICML 2021"], [DALLE, ""]]
    with pytest.raises(QueryError, match="takes an xsd:integer value, not 'last year'"):
        run_query("papers-in-year", seed_graph, {"year": "last year"})


def test_evidence_gives_each_statement_its_sentence(seed_graph):
    rows = run_query("evidence", seed_graph, {"person": "Luke Metz"}).rows
    assert [r[:2] for r in rows] == [[f"author of {DCGAN}", "3161"],
                                     ["worksFor Indico Data Solutions", "2955"]]
    assert rows[1][2].startswith("Within the small Indico research team, Radford and "
                                 "engineer Luke Metz (who joined in 2015)")


def test_evidence_of_the_subject_covers_every_statement(seed_graph):
    facts = {r[0] for r in run_query("evidence", seed_graph).rows}
    assert len(facts) == 5 + 11  # five affiliations, eleven papers
    assert "worksFor OpenAI" in facts and f"author of {WHISPER}" in facts


def test_person_card_is_a_graph(seed_graph):
    from rdflib import URIRef
    from rdflib.namespace import SDO

    r = run_query("person-card", seed_graph, {"person": "Luke Metz"})
    assert r.form == "CONSTRUCT" and r.graph is not None
    metz = URIRef("https://w3id.org/kg/resource/person/luke-metz")
    names = {str(o) for o in r.graph.objects(None, SDO.name)}
    assert names == {"Luke Metz", "Indico Data Solutions", DCGAN}
    assert set(r.graph.subjects(SDO.author, metz)) == {
        URIRef("https://w3id.org/kg/resource/paper/unsupervised-representation-learning-"
               "with-deep-convolutional-generative")}


def test_required_parameter_without_default_is_a_clear_error(seed_graph):
    with pytest.raises(QueryError, match="needs a value for 'other': --param other=VALUE"):
        run_query("papers-together", seed_graph)


def test_updates_are_refused_before_anything_runs(seed_graph):
    from kg.errors import UnsafeQueryError
    from kg.queries import SavedQuery

    for text in ("DELETE WHERE { ?s ?p ?o }", "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                 "LOAD <http://127.0.0.1:9/x.ttl>", "CLEAR ALL", "DROP GRAPH <urn:g>",
                 "PREFIX s: <https://schema.org/> DELETE { ?p s:name ?n } WHERE { ?p s:name ?n }"):
        with pytest.raises(UnsafeQueryError, match="read-only"):
            run_query(SavedQuery.parse("adhoc", text), seed_graph)
    assert len(run_query("people", seed_graph).rows) == 47
