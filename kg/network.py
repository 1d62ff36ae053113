"""Co-authorship networks from the RDF graph, with networkx.

The network is read from the graph with SPARQL (never from the article's text): a
bipartite person–paper graph, projected onto people with networkx's weighted projection,
so an edge joins two people who share a paper and its ``weight`` is how many they share.

Nodes are person IRIs with ``name``, ``iri``, ``papers`` (count), ``first_author``
(count) and ``organizations`` (names, sorted); edges carry ``weight``, ``papers`` (titles)
and ``years``.

>>> G = coauthor_network()
>>> G.nodes["https://w3id.org/kg/resource/person/ilya-sutskever"]["papers"]
8
>>> a, b = (person_iri(G, n) for n in ("Alec Radford", "Jong Wook Kim"))
>>> G.edges[a, b]["weight"], G.edges[a, b]["years"]
(3, [2020, 2021, 2022])
>>> sorted(G.nodes[n]["name"] for n in ego_network(G, "Luke Metz"))
['Alec Radford', 'Luke Metz', 'Soumith Chintala']
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING, Any

import networkx as nx

from .errors import QueryError

if TYPE_CHECKING:
    import pandas as pd

    from .engines import Engine

__all__ = [
    "authorship_graph",
    "coauthor_network",
    "person_iri",
    "ego_network",
    "until_year",
    "min_weight",
    "centrality_table",
    "flat_copy",
]

_AUTHORSHIP = """
PREFIX schema: <https://schema.org/>
PREFIX kg: <https://w3id.org/kg/ontology#>
SELECT ?paper ?title ?date ?person ?name ?position
WHERE {
  ?paper a schema:ScholarlyArticle ;
         schema:name ?title ;
         schema:author ?person .
  ?person schema:name ?name .
  OPTIONAL { ?paper schema:datePublished ?date }
  OPTIONAL { ?paper kg:authorStatement ?st . ?st kg:author ?person ; kg:position ?position }
}
"""

_ORGANIZATIONS = """
PREFIX schema: <https://schema.org/>
PREFIX kg: <https://w3id.org/kg/ontology#>
SELECT DISTINCT ?person ?organization
WHERE {
  ?st a kg:AffiliationStatement ;
      kg:subject ?person ;
      kg:organization ?o .
  ?person a schema:Person .
  ?o schema:name ?organization .
}
"""


def _rows(source: Any, text: str) -> list[list[str]]:
    from .queries import SavedQuery, run_query

    return run_query(SavedQuery.parse("network", text), source).rows


def authorship_graph(source: Engine | Any = None) -> nx.Graph:
    """The bipartite person–paper graph of ``source`` (graph, file, engine; default: the
    bundled graph).

    People have ``bipartite=0`` and the attributes listed in the module docstring;
    papers have ``bipartite=1``, ``title`` and ``year`` (``None`` if unknown). An edge
    carries the author's ``position`` where the article gives it.
    """
    from .engines import Engine, open_engine

    engine = source if isinstance(source, Engine) else open_engine(source)
    B = nx.Graph()
    first: dict[str, set[str]] = defaultdict(set)
    for paper, title, date, person, name, position in sorted(_rows(engine, _AUTHORSHIP)):
        B.add_node(paper, bipartite=1, title=title, year=int(date[:4]) if date else None)
        if person not in B:
            B.add_node(person, bipartite=0, name=name, iri=person)
        if not B.has_edge(person, paper):
            B.add_edge(person, paper, position=int(position) if position else None)
        if position == "1":
            first[person].add(paper)  # a paper with two dates or titles counts once
    orgs: dict[str, set[str]] = defaultdict(set)
    for person, org in _rows(engine, _ORGANIZATIONS):
        orgs[person].add(org)
    for n, data in B.nodes(data=True):
        if data["bipartite"] == 0:
            data["papers"] = B.degree(n)
            data["first_author"] = len(first[n])
            data["organizations"] = sorted(orgs[n])
    return B


def _project(B: nx.Graph) -> nx.Graph:
    people = sorted(n for n, d in B.nodes(data=True) if d["bipartite"] == 0)
    if not people:  # no papers (or none in the time slice): an empty network
        return nx.Graph()
    G = nx.bipartite.weighted_projected_graph(B, people)
    for n in G:
        G.nodes[n].update(B.nodes[n])
        G.nodes[n].pop("bipartite", None)
    for u, v, data in G.edges(data=True):
        shared = sorted(set(B[u]) & set(B[v]),
                        key=lambda p: (B.nodes[p]["year"] or 0, B.nodes[p]["title"]))
        data["papers"] = [B.nodes[p]["title"] for p in shared]
        data["years"] = [B.nodes[p]["year"] for p in shared]
    return G


def coauthor_network(source: Engine | Any = None, *, until: int | None = None) -> nx.Graph:
    """The co-authorship network of ``source``: people joined by the papers they share.

    With ``until``, only papers published up to that year count (a time slice).
    """
    B = authorship_graph(source)
    if until is not None:
        B = until_year(B, until)
    return _project(B)


def until_year(B: nx.Graph, year: int) -> nx.Graph:
    """The person–paper graph with only the papers published up to ``year`` (papers of
    unknown year are left out), and the people who wrote them.

    >>> B = until_year(authorship_graph(), 2016)
    >>> sorted(d["title"] for _, d in B.nodes(data=True) if d["bipartite"] == 1)[0]
    'Improved Techniques for Training GANs'
    """
    papers = [n for n, d in B.nodes(data=True)
              if d["bipartite"] == 1 and d["year"] is not None and d["year"] <= year]
    people = {p for paper in papers for p in B[paper]}
    H = B.subgraph(people | set(papers)).copy()
    for n in people:
        H.nodes[n]["papers"] = H.degree(n)
        H.nodes[n]["first_author"] = sum(1 for p in H[n] if H.edges[n, p]["position"] == 1)
    return H


def person_iri(G: nx.Graph, person: str) -> str:
    """The node of ``person`` (a name, an alias-free full name, or an IRI) in ``G``."""
    if person in G:
        return person
    want = person.casefold().strip()
    hits = [n for n, d in G.nodes(data=True) if str(d.get("name", "")).casefold() == want]
    if len(hits) == 1:
        return hits[0]
    import difflib

    names = [str(d.get("name", "")) for _, d in G.nodes(data=True)]
    close = difflib.get_close_matches(person, names, n=3, cutoff=0.6)
    hint = f"; close matches: {', '.join(map(repr, close))}" if close else ""
    raise QueryError(f"no author named {person!r} in the co-author network{hint}")


def ego_network(G: nx.Graph, person: str, radius: int = 1) -> nx.Graph:
    """``person`` and everyone within ``radius`` co-authorship steps, with their edges."""
    return nx.ego_graph(G, person_iri(G, person), radius=radius)


def min_weight(G: nx.Graph, weight: int) -> nx.Graph:
    """Only the edges of people who share at least ``weight`` papers (and their nodes).

    >>> H = min_weight(coauthor_network(), 3)
    >>> sorted(H.nodes[n]["name"] for n in H)
    ['Alec Radford', 'Ilya Sutskever', 'Jong Wook Kim']
    """
    H = nx.Graph()
    keep = [(u, v, d) for u, v, d in G.edges(data=True) if d["weight"] >= weight]
    H.add_nodes_from((n, G.nodes[n]) for e in keep for n in e[:2])
    H.add_edges_from(keep)
    return H


def centrality_table(G: nx.Graph, *, seed: int = 42) -> pd.DataFrame:
    """One row per person: papers, first-author papers, degree, weighted degree,
    betweenness, closeness, eigenvector centrality, Louvain community (fixed ``seed``,
    so results repeat) and k-core number; sorted by weighted degree, then name.
    """
    import pandas as pd

    if G.number_of_nodes() == 0:
        return pd.DataFrame(columns=["name", "papers", "first_author", "degree",
                                     "weighted_degree", "betweenness", "closeness",
                                     "eigenvector", "community", "core"])
    betweenness = nx.betweenness_centrality(G)
    closeness = nx.closeness_centrality(G)
    try:
        eigen = nx.eigenvector_centrality(G, max_iter=1000, tol=1e-8, weight="weight")
    except nx.PowerIterationFailedConvergence:
        eigen = dict.fromkeys(G, float("nan"))
    communities = nx.community.louvain_communities(G, weight="weight", seed=seed)
    # number communities by size, then by their first member, so the labels repeat too
    ordered = sorted(communities, key=lambda c: (-len(c), min(c)))
    community = {n: i for i, c in enumerate(ordered) for n in c}
    core = nx.core_number(G)
    rows = [{
        "iri": n, "name": d["name"], "papers": d.get("papers", 0),
        "first_author": d.get("first_author", 0), "degree": G.degree(n),
        "weighted_degree": G.degree(n, weight="weight"),
        "betweenness": round(betweenness[n], 6), "closeness": round(closeness[n], 6),
        "eigenvector": round(eigen[n], 6), "community": community[n], "core": core[n],
    } for n, d in G.nodes(data=True)]
    df = pd.DataFrame(rows).sort_values(["weighted_degree", "name"], ascending=[False, True])
    return df.set_index("iri").reset_index(drop=True)


_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _flat(value: Any) -> Any:
    """An attribute value GraphML and GEXF can hold: lists joined with '; ', no None, no
    characters XML cannot carry."""
    if isinstance(value, list | tuple | set):
        value = "; ".join(str(v) for v in value)
    return _NOT_XML.sub(" ", value) if isinstance(value, str) else value


def flat_copy(G: nx.Graph) -> nx.Graph:
    """A copy of ``G`` whose attributes are all strings or numbers (None dropped)."""
    H = nx.Graph()
    for n, d in G.nodes(data=True):
        H.add_node(_flat(n), **{k: _flat(v) for k, v in d.items() if v is not None})
    for u, v, d in G.edges(data=True):
        H.add_edge(_flat(u), _flat(v), **{k: _flat(x) for k, x in d.items() if x is not None})
    return H

