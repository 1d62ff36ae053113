from __future__ import annotations

from conftest import SEED_TTL
from rdflib import Literal, URIRef

from kg.rdf import serialize
from kg.validate import validate_graph
from kg.vocab import KG, PROV, SDO, XSD


def test_bundled_graph_is_up_to_date_with_the_code(seed_build):
    assert serialize(seed_build.graph) == SEED_TTL.read_bytes(), (
        "data/radford.ttl is stale: run 'kg build data/radford.txt -o data/radford.ttl'")


def test_building_twice_gives_the_same_bytes(seed_build):
    from conftest import SEED

    from kg.build import build_graph

    assert serialize(build_graph(SEED).graph) == serialize(seed_build.graph)


def test_bundled_graph_passes_shacl_and_parses_in_pyoxigraph(seed_graph):
    import pyoxigraph

    assert validate_graph(seed_graph).conforms
    store = pyoxigraph.Store()
    store.load(SEED_TTL.read_bytes(), pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(seed_graph)


def test_shapes_reject_a_broken_statement(seed_graph):
    g = seed_graph.__class__()
    for t in seed_graph:
        g.add(t)
    st = next(g.subjects(KG.relation, Literal("worksFor")))
    g.set((st, KG.relation, Literal("likes")))
    assert not validate_graph(g).conforms


def test_paper_dates_carry_their_precision(seed_graph):
    dates = {str(seed_graph.value(p, SDO.name)): seed_graph.value(p, SDO.datePublished)
             for p in seed_graph.subjects(SDO.datePublished, None)}
    assert dates["Language Models are Unsupervised Multitask Learners"] == Literal(
        "2019-02", datatype=XSD.gYearMonth)
    assert dates["Learning to Generate Reviews and Discovering Sentiment"] == Literal(
        "2017-04-05", datatype=XSD.date)
    assert dates["Improved Techniques for Training GANs"] == Literal("2016", datatype=XSD.gYear)


def test_statements_link_to_their_sentence_and_markers(seed_graph):
    olin = URIRef("https://w3id.org/kg/resource/statement/affiliation/alec-radford/alumniOf/"
                  "franklin-w-olin-college-of-engineering")
    sentences = list(seed_graph.objects(olin, PROV.wasDerivedFrom))
    texts = {str(seed_graph.value(s, KG.text)) for s in sentences}
    assert any("he left Olin in August 2014" in t for t in texts)
    from kg.reader import read_article

    source = read_article(SEED_TTL.with_suffix(".txt")).source  # decoded and repaired text
    for s in sentences:
        b, e = int(seed_graph.value(s, KG.beginIndex)), int(seed_graph.value(s, KG.endIndex))
        assert source[b:e].split("[^")[0].strip() in str(seed_graph.value(s, KG.text))
    markers = {str(seed_graph.value(c, KG.marker)) for s in sentences
               for c in seed_graph.objects(s, KG.citation)}
    assert "5" in markers
