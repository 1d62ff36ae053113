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


def test_hostile_parameter_values_are_bound_not_pasted(seed_graph):
    rows = run_query("coauthors", seed_graph, {"person": 'x" } ?s ?p ?o #'}).rows
    assert rows == []
