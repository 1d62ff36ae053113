"""Graph files for other tools: the co-author network (GraphML, GEXF, JSON, CSV, DOT,
Cytoscape.js) and the RDF itself (Turtle, N-Triples, N-Quads, TriG, JSON-LD, RDF/XML).

Every file is written atomically (a temporary file in the target folder, then a rename).

>>> from kg.network import coauthor_network
>>> data = network_bytes(coauthor_network(), "graphml")
>>> data.splitlines()[0]
b"<?xml version='1.0' encoding='utf-8'?>"
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import KGError

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Graph

__all__ = [
    "NETWORK_FORMATS",
    "RDF_FORMATS",
    "network_bytes",
    "write_network",
    "rdf_bytes",
    "write_rdf",
    "jsonld_context",
]

NETWORK_FORMATS = ("graphml", "gexf", "json", "csv", "dot", "cytoscape")
#: RDF export formats: name -> (rdflib format, file ending)
RDF_FORMATS = {"ttl": ("turtle", ".ttl"), "nt": ("nt", ".nt"), "nq": ("nquads", ".nq"),
               "trig": ("trig", ".trig"), "jsonld": ("json-ld", ".jsonld"),
               "xml": ("xml", ".rdf")}
GRAPH_IRI = "https://w3id.org/kg/resource/graph/default"


def _dot_id(s: Any) -> str:
    return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _dot(G: nx.Graph) -> str:
    """Graphviz DOT: people labelled by name, edges by the number of shared papers."""
    from .network import flat_copy

    H = flat_copy(G)
    out = ["graph coauthors {", "  node [shape=ellipse];"]
    for n, d in H.nodes(data=True):
        attrs = ", ".join(f"{k}={_dot_id(v)}" for k, v in sorted(d.items()))
        out.append(f"  {_dot_id(n)} [label={_dot_id(d.get('name', n))}, {attrs}];")
    for u, v, d in H.edges(data=True):
        attrs = ", ".join(f"{k}={_dot_id(x)}" for k, x in sorted(d.items()))
        out.append(f"  {_dot_id(u)} -- {_dot_id(v)} [{attrs}];")
    out.append("}")
    return "\n".join(out) + "\n"


def _csv(rows: list[dict[str, Any]], columns: list[str]) -> bytes:
    buf = io.StringIO()
    w = csv.DictWriter(buf, columns, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: "; ".join(map(str, v)) if isinstance(v, list) else
                    ("" if v is None else v) for k, v in r.items()})
    return buf.getvalue().encode("utf-8")


def network_csv(G: nx.Graph) -> tuple[bytes, bytes]:
    """The edge list CSV and the node CSV of a network."""
    pairs = sorted((min(u, v), max(u, v), d) for u, v, d in G.edges(data=True))
    edges = [{"source": u, "target": v, "source_name": G.nodes[u].get("name", ""),
              "target_name": G.nodes[v].get("name", ""), **d} for u, v, d in pairs]
    nodes = [{"id": n, **d} for n, d in sorted(G.nodes(data=True))]
    ecols = ["source", "target", "source_name", "target_name", "weight", "papers", "years"]
    ncols = ["id", "name", "iri", "papers", "first_author", "organizations"]
    return _csv(edges, ecols), _csv([{k: r.get(k) for k in ncols} for r in nodes], ncols)


def network_bytes(G: nx.Graph, fmt: str) -> bytes:
    """The network in ``fmt`` (for ``csv``, the edge list; see :func:`network_csv`)."""
    import networkx as nx

    from .network import flat_copy

    if fmt == "graphml":
        buf = io.BytesIO()
        nx.write_graphml(flat_copy(G), buf, encoding="utf-8")
        return buf.getvalue()
    if fmt == "gexf":
        H = flat_copy(G)
        for n, d in H.nodes(data=True):  # Gephi shows the label
            d["label"] = d.get("name", n)
        buf = io.BytesIO()
        nx.write_gexf(H, buf, encoding="utf-8")
        return buf.getvalue()
    if fmt == "json":
        data = nx.node_link_data(G, edges="edges")
        return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    if fmt == "cytoscape":
        data = nx.cytoscape_data(G, name="name", ident="id")
        return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    if fmt == "dot":
        return _dot(G).encode("utf-8")
    if fmt == "csv":
        return network_csv(G)[0]
    raise KGError(f"unknown network format {fmt!r}; use one of {', '.join(NETWORK_FORMATS)}")


def write_network(G: nx.Graph, path: str | Path, fmt: str | None = None) -> list[Path]:
    """Write the network (format from ``fmt`` or the file ending); returns the files
    written: for CSV, the edge list at ``path`` and the nodes beside it (``NAME.nodes.csv``).
    """
    from .rdf import write_atomic, write_files

    p = Path(path)
    fmt = fmt or {".graphml": "graphml", ".gexf": "gexf", ".json": "json", ".csv": "csv",
                  ".dot": "dot", ".gv": "dot", ".cyjs": "cytoscape"}.get(p.suffix.lower())
    if fmt is None:
        raise KGError(f"cannot tell the network format from {p.name!r}; give --format "
                      f"({', '.join(NETWORK_FORMATS)})")
    data = network_bytes(G, fmt)
    if fmt == "csv":  # two files: both written, then both renamed, or neither
        nodes = p.with_name(p.stem + ".nodes.csv")
        write_files([(nodes, network_csv(G)[1]), (p, data)])
        return [p, nodes]
    write_atomic(p, data)
    return [p]


def jsonld_context() -> dict[str, Any]:
    """kg's bundled JSON-LD context (``ontology/context.jsonld``): short keys for the
    schema.org and kg terms kg writes."""
    from .queries import resource_dir

    data = json.loads((resource_dir("ontology") / "context.jsonld").read_text("utf-8"))
    return dict(data["@context"])


def _ordered_authors(graph: Graph) -> dict[str, list[str]]:
    """Papers whose every author has a known position: their authors in order."""
    from .queries import SavedQuery, run_query

    q = SavedQuery.parse("order", """
        PREFIX kg: <https://w3id.org/kg/ontology#>
        SELECT ?paper ?person ?position WHERE {
          ?paper kg:authorStatement ?st . ?st kg:author ?person .
          OPTIONAL { ?st kg:position ?position }
        }""")
    by_paper: dict[str, list[tuple[int | None, str]]] = {}
    for paper, person, pos in run_query(q, graph).rows:
        by_paper.setdefault(paper, []).append((int(pos) if pos else None, person))
    return {paper: [p for _, p in sorted(authors, key=lambda a: a[0] or 0)]
            for paper, authors in by_paper.items()
            if all(pos is not None for pos, _ in authors)
            and sorted(pos or 0 for pos, _ in authors) == list(range(1, len(authors) + 1))}


def rdf_bytes(graph: Graph, fmt: str) -> bytes:
    """The graph in an RDF format (``ttl``, ``nt``, ``nq``, ``trig``, ``jsonld``, ``xml``).

    N-Quads and TriG put the triples in one named graph (:data:`GRAPH_IRI`). JSON-LD is
    compacted with the bundled context; a paper whose authors' order is fully known
    also gets ``authorList``, the authors as an ordered ``@list``.
    """
    from rdflib import Dataset, URIRef

    from .vocab import bind_prefixes

    if fmt not in RDF_FORMATS:
        raise KGError(f"unknown RDF format {fmt!r}; use one of {', '.join(RDF_FORMATS)}")
    rdflib_fmt = RDF_FORMATS[fmt][0]
    if fmt in ("nq", "trig"):
        ds = Dataset()
        named = ds.graph(URIRef(GRAPH_IRI))
        for t in graph:
            named.add(t)
        bind_prefixes(named)
        out = ds.serialize(format=rdflib_fmt)
    elif fmt == "jsonld":
        context = jsonld_context()
        doc = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
        ordered = _ordered_authors(graph)
        for node in doc.get("@graph", [doc]):
            if node.get("@id") in ordered:
                node["authorList"] = {"@list": [{"@id": a} for a in ordered[node["@id"]]]}
        out = json.dumps(doc, indent=2, ensure_ascii=False, sort_keys=True)
    else:
        bind_prefixes(graph)
        try:
            out = graph.serialize(format=rdflib_fmt)
        except ValueError as exc:  # RDF/XML needs every predicate split into ns + name
            raise KGError(f"cannot write this graph as {fmt} ({str(exc)[:160]}); export it "
                          f"as ttl, nt or jsonld instead") from None
    if fmt == "nt" or fmt == "nq":
        out = "".join(sorted(line for line in out.splitlines(keepends=True) if line.strip()))
    return (out if out.endswith("\n") else out + "\n").encode("utf-8")


def write_rdf(graph: Graph, path: str | Path, fmt: str | None = None) -> Path:
    """Write the graph as RDF (format from ``fmt`` or the file ending), atomically."""
    from .rdf import write_atomic

    p = Path(path)
    if fmt is None:
        by_suffix = {end: name for name, (_, end) in RDF_FORMATS.items()}
        by_suffix.update({".turtle": "ttl", ".json": "jsonld", ".xml": "xml", ".owl": "xml"})
        fmt = by_suffix.get(p.suffix.lower())
        if fmt is None:
            raise KGError(f"cannot tell the RDF format from {p.name!r}; give --format "
                          f"({', '.join(RDF_FORMATS)})")
    write_atomic(p, rdf_bytes(graph, fmt))
    return p
