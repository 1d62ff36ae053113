"""The co-author network of the bundled graph, its views and analytics, and every export
read back by a different reader than the one that wrote it."""

from __future__ import annotations

import csv
import json
import re

import networkx as nx
import pyoxigraph
import pytest
from conftest import SEED_TTL
from rdflib import Graph
from typer.testing import CliRunner

from kg.cli import app
from kg.export import RDF_FORMATS, rdf_bytes, write_network
from kg.network import (
    authorship_graph,
    centrality_table,
    coauthor_network,
    ego_network,
    min_weight,
    person_iri,
    until_year,
)

runner = CliRunner()
R = "https://w3id.org/kg/resource/person/"

# Radford's co-authors and the papers they share with him, counted by hand from the
# article's author lists (Sutskever: sentiment neuron, GPT-1, GPT-2, Image GPT, Jukebox,
# DALL-E, CLIP, Whisper; Kim: Jukebox, CLIP, Whisper; Salimans: GANs, GPT-1; ...).
RADFORD_EDGES = {
    "Ilya Sutskever": 8, "Jong Wook Kim": 3, "Aditya Ramesh": 2, "David Luan": 2,
    "Gabriel Goh": 2, "Heewoo Jun": 2, "Jeffrey Wu": 2, "Mark Chen": 2, "Rewon Child": 2,
    "Tim Salimans": 2, "Amanda Askell": 1, "Chelsea Voss": 1, "Chris Hallacy": 1,
    "Christine McLeavey": 1, "Christine Payne": 1, "Dario Amodei": 1, "Girish Sastry": 1,
    "Greg Brockman": 1, "Gretchen Krueger": 1, "Ian Goodfellow": 1, "Jack Clark": 1,
    "Karthik Narasimhan": 1, "Luke Metz": 1, "Mikhail Pavlov": 1, "Pamela Mishkin": 1,
    "Prafulla Dhariwal": 1, "Rafal Jozefowicz": 1, "Sandhini Agarwal": 1, "Scott Gray": 1,
    "Soumith Chintala": 1, "Tao Xu": 1, "Tom B. Brown": 1, "Vicki Cheung": 1,
    "Wojciech Zaremba": 1, "Xi Chen": 1,
}


@pytest.fixture(scope="module")
def G():
    return coauthor_network(SEED_TTL)


def _name(G, n):
    return G.nodes[n]["name"]


def test_radfords_ego_network_has_the_articles_edges_and_weights(G):
    ego = ego_network(G, "Alec Radford")
    radford = person_iri(G, "Alec Radford")
    assert {_name(G, v): d["weight"] for _, v, d in ego.edges(radford, data=True)} == \
        RADFORD_EDGES
    assert ego.number_of_nodes() == 36  # he co-wrote with everyone in the network
    assert ego.edges[radford, R + "jong-wook-kim"]["papers"] == [
        "Jukebox: A Generative Model for Music",
        "Learning Transferable Visual Models from Natural Language Supervision",
        "Robust Speech Recognition via Large-Scale Weak Supervision"]
    assert ego.edges[radford, R + "jong-wook-kim"]["years"] == [2020, 2021, 2022]


def test_the_whole_network_matches_the_gold_coauthor_pairs(G):
    # shared/gold/radford.json counts 158 co-author pairs among 36 authors
    assert (G.number_of_nodes(), G.number_of_edges()) == (36, 158)
    assert G.nodes[R + "alec-radford"]["papers"] == 11
    assert G.nodes[R + "alec-radford"]["first_author"] == 6
    assert G.nodes[R + "alec-radford"]["organizations"] == [
        "Cistercian Preparatory School", "Franklin W. Olin College of Engineering",
        "Indico Data Solutions", "OpenAI"]
    assert G.nodes[R + "mark-chen"]["first_author"] == 1  # Image GPT


def test_bipartite_graph_and_projection(G):
    B = authorship_graph(SEED_TTL)
    papers = [n for n, d in B.nodes(data=True) if d["bipartite"] == 1]
    assert len(papers) == 11 and B.number_of_edges() == 63  # 63 authorship pairs
    assert nx.is_bipartite(B)


def test_ego_network_of_radius_one_and_two(G):
    metz = ego_network(G, "Luke Metz")
    assert sorted(_name(G, n) for n in metz) == ["Alec Radford", "Luke Metz",
                                                 "Soumith Chintala"]
    assert ego_network(G, "Luke Metz", radius=2).number_of_nodes() == 36


def test_time_slice_and_minimum_weight():
    G2016 = coauthor_network(SEED_TTL, until=2016)  # DCGAN (2015) and Improved GANs (2016)
    assert sorted(_name(G2016, n) for n in G2016) == [
        "Alec Radford", "Ian Goodfellow", "Luke Metz", "Soumith Chintala", "Tim Salimans",
        "Vicki Cheung", "Wojciech Zaremba", "Xi Chen"]
    assert G2016.nodes[R + "alec-radford"]["papers"] == 2
    assert G2016.nodes[R + "alec-radford"]["first_author"] == 1
    B = until_year(authorship_graph(SEED_TTL), 2014)
    assert B.number_of_nodes() == 0
    G = coauthor_network(SEED_TTL)
    strong = min_weight(G, 2)
    assert sorted(_name(G, n) for n in strong.neighbors(R + "alec-radford")) == sorted(
        n for n, w in RADFORD_EDGES.items() if w >= 2)


def test_centrality_table_repeats_and_ranks_the_subject_first(G):
    t1, t2 = centrality_table(G), centrality_table(G)
    assert t1.equals(t2)
    assert list(t1.columns) == ["name", "papers", "first_author", "degree", "weighted_degree",
                                "betweenness", "closeness", "eigenvector", "community",
                                "core"]
    top = t1.iloc[0]
    assert (top["name"], top["degree"], top["weighted_degree"]) == ("Alec Radford", 35, 52)
    assert top["closeness"] == 1.0 and top["betweenness"] == t1["betweenness"].max()
    assert t1.iloc[1]["name"] == "Ilya Sutskever"
    # the Improved GANs authors form their own community
    gans = {"Ian Goodfellow", "Vicki Cheung", "Wojciech Zaremba", "Xi Chen"}
    assert t1[t1["name"].isin(gans)]["community"].nunique() == 1


# --- exports, each read back by another reader ------------------------------------------


def _same_network(H, G):
    assert set(H.nodes) == set(G.nodes)
    assert {frozenset(e) for e in H.edges} == {frozenset(e) for e in G.edges}
    for u, v in G.edges:
        assert int(H.edges[u, v]["weight"]) == G.edges[u, v]["weight"]


def test_graphml_reads_back_in_networkx_and_igraph(G, tmp_path):
    import igraph

    path = tmp_path / "n.graphml"
    write_network(G, path)
    assert path.read_bytes().startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    _same_network(nx.read_graphml(path), G)
    ig = igraph.Graph.Read_GraphML(str(path))
    assert (ig.vcount(), ig.ecount()) == (36, 158)
    radford = ig.vs.find(name="Alec Radford")
    assert radford["papers"] == 11
    assert radford["organizations"] == ("Cistercian Preparatory School; Franklin W. Olin "
                                         "College of Engineering; Indico Data Solutions; OpenAI")


def test_gexf_reads_back_in_networkx(G, tmp_path):
    path = tmp_path / "n.gexf"
    write_network(G, path)
    H = nx.read_gexf(path)
    _same_network(H, G)
    assert H.nodes[R + "tom-b-brown"]["label"] == "Tom B. Brown"  # what Gephi shows
    assert H.nodes[R + "tom-b-brown"]["papers"] == 1


def test_node_link_and_cytoscape_json_read_back(G, tmp_path):
    path = tmp_path / "n.json"
    write_network(G, path)
    H = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
    _same_network(H, G)
    assert H.edges[R + "alec-radford", R + "ilya-sutskever"]["years"] == [
        2017, 2018, 2019, 2020, 2020, 2021, 2021, 2022]
    cy = tmp_path / "n.cyjs"
    write_network(G, cy)
    data = json.loads(cy.read_text(encoding="utf-8"))
    assert {"nodes", "edges"} <= set(data["elements"])
    _same_network(nx.cytoscape_graph(data), G)


def test_csv_edge_list_and_nodes(G, tmp_path):
    import pandas as pd

    written = write_network(G, tmp_path / "n.csv")
    assert [p.name for p in written] == ["n.csv", "n.nodes.csv"]
    edges = pd.read_csv(written[0])
    nodes = pd.read_csv(written[1])
    assert len(edges) == 158 and len(nodes) == 36
    row = edges[(edges.source_name == "Alec Radford") & (edges.target_name == "Ilya Sutskever")
                | (edges.source_name == "Ilya Sutskever")
                & (edges.target_name == "Alec Radford")]
    assert row.iloc[0]["weight"] == 8
    with open(written[0], newline="", encoding="utf-8") as fh:
        assert all(r["source"] < r["target"] for r in csv.DictReader(fh))


def test_dot_is_well_formed(G, tmp_path):
    path = tmp_path / "n.dot"
    write_network(G, path)
    text = path.read_text(encoding="utf-8")
    # a reader of its own: node and edge statements with quoted ids
    nodes = re.findall(r'^  "([^"]+)" \[label="([^"]*)"', text, re.M)
    edges = re.findall(r'^  "([^"]+)" -- "([^"]+)" \[.*weight="(\d+)"', text, re.M)
    assert text.startswith("graph coauthors {") and text.rstrip().endswith("}")
    assert len(nodes) == 36 and len(edges) == 158
    assert ("https://w3id.org/kg/resource/person/tom-b-brown", "Tom B. Brown") in nodes


def _triples(graph: Graph) -> set[str]:
    return {line for line in rdf_bytes(graph, "nt").decode().splitlines() if line}


@pytest.mark.parametrize("fmt", [f for f in RDF_FORMATS if f != "jsonld"])
def test_rdf_exports_read_back_in_pyoxigraph_as_the_same_graph(seed_graph, tmp_path, fmt):
    out = tmp_path / f"g{RDF_FORMATS[fmt][1]}"
    r = runner.invoke(app, ["export", "-o", str(out)])
    assert r.exit_code == 0, r.stderr
    ox_format = {"ttl": "TURTLE", "nt": "N_TRIPLES", "nq": "N_QUADS", "trig": "TRIG",
                 "xml": "RDF_XML"}[fmt]
    quads = list(pyoxigraph.parse(path=str(out), format=getattr(pyoxigraph.RdfFormat,
                                                                  ox_format)))
    back = {f"{q.subject} {q.predicate} {q.object} ." for q in quads}
    assert back == _triples(seed_graph)
    if fmt in ("nq", "trig"):
        assert {str(q.graph_name) for q in quads} == {
            "<https://w3id.org/kg/resource/graph/default>"}


def test_jsonld_export_expands_with_pyld_to_the_same_graph(seed_graph, tmp_path):
    from pyld import jsonld

    out = tmp_path / "g.jsonld"
    assert runner.invoke(app, ["export", "-o", str(out)]).exit_code == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["@context"]["author"] == {"@id": "schema:author", "@type": "@id"}
    expanded = jsonld.expand(doc)
    assert any("https://schema.org/name" in n for n in expanded)
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads"})
    back = Graph().parse(data=nquads, format="nquads")
    assert _triples(back) == _triples(seed_graph)  # no paper's author order is complete


def test_jsonld_author_list_where_the_order_is_known(tmp_path):
    from pyld import jsonld

    g = Graph().parse(data="""
        @prefix s: <https://schema.org/> . @prefix kg: <https://w3id.org/kg/ontology#> .
        <urn:p> a s:ScholarlyArticle ; s:name "P" ; s:author <urn:a>, <urn:b> ;
            kg:authorStatement <urn:sa>, <urn:sb> .
        <urn:sa> kg:author <urn:a> ; kg:position 2 .
        <urn:sb> kg:author <urn:b> ; kg:position 1 .
        """, format="turtle")
    doc = json.loads(rdf_bytes(g, "jsonld"))
    paper = next(n for n in doc["@graph"] if n["@id"] == "urn:p")
    assert paper["authorList"] == {"@list": [{"@id": "urn:b"}, {"@id": "urn:a"}]}
    expanded = jsonld.expand(doc)
    node = next(n for n in expanded if n["@id"] == "urn:p")
    assert node["https://w3id.org/kg/ontology#authorList"] == [
        {"@list": [{"@id": "urn:b"}, {"@id": "urn:a"}]}]


def test_network_cli_exports_stats_and_plot(tmp_path):
    out = tmp_path / "ego.graphml"
    r = runner.invoke(app, ["network", "--person", "Luke Metz", "-o", str(out)])
    assert r.exit_code == 0 and r.stderr.splitlines()[-1] == "3 people, 3 co-author pairs"
    assert sorted(nx.read_graphml(out).nodes) == [R + "alec-radford", R + "luke-metz",
                                                  R + "soumith-chintala"]
    r = runner.invoke(app, ["network", "stats", "--min-weight", "3", "-f", "csv"])
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert lines[0] == ("name,papers,first_author,degree,weighted_degree,betweenness,"
                        "closeness,eigenvector,community,core")
    assert [ln.split(",")[0] for ln in lines[1:]] == ["Alec Radford", "Ilya Sutskever",
                                                      "Jong Wook Kim"]
    png = tmp_path / "net.png"
    r = runner.invoke(app, ["network", "plot", "-o", str(png)])
    assert r.exit_code == 0
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 50_000
    r = runner.invoke(app, ["network", "plot", "-o", str(tmp_path / "net.gif")])
    assert r.exit_code == 1 and "cannot draw to 'net.gif'" in r.stderr
    r = runner.invoke(app, ["network", "--person", "Ilya Sutskevr", "-o", str(out)])
    assert r.exit_code == 1 and "close matches: 'Ilya Sutskever'" in r.stderr


def test_rdfxml_export_of_an_unsplittable_predicate_is_a_clear_error(tmp_path):
    g = tmp_path / "p.nt"
    g.write_text('<urn:a> <urn:p/1> "x" .\n', encoding="utf-8")
    r = runner.invoke(app, ["export", "-g", str(g), "-o", str(tmp_path / "p.rdf")])
    assert r.exit_code == 1 and "export it as ttl, nt or jsonld instead" in r.stderr
    assert not (tmp_path / "p.rdf").exists()
