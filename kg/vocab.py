"""RDF vocabularies: schema.org for the core, the project's own ``kg:`` ontology for the rest.

The ``KG`` namespace is a closed :class:`rdflib.namespace.DefinedNamespace`, so a typo in a
term is an error at import time rather than a silent new IRI.
"""

from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SDO, XSD, DefinedNamespace

__all__ = ["KG", "KGR", "SDO", "PROV", "RDF", "RDFS", "XSD", "RESOURCE_BASE", "bind_prefixes"]

RESOURCE_BASE = "https://w3id.org/kg/resource/"
KGR = Namespace(RESOURCE_BASE)


class KG(DefinedNamespace):
    """Terms of the kg ontology (``ontology/kg.ttl``)."""

    _NS = Namespace("https://w3id.org/kg/ontology#")
    _fail = True

    # classes
    Statement: URIRef
    AuthorStatement: URIRef
    AffiliationStatement: URIRef
    Sentence: URIRef
    Citation: URIRef
    Investor: URIRef
    Accelerator: URIRef
    Lab: URIRef

    # properties
    kind: URIRef
    venue: URIRef
    subject: URIRef
    authorStatement: URIRef
    affiliationStatement: URIRef
    author: URIRef
    paper: URIRef
    position: URIRef
    firstAuthor: URIRef
    person: URIRef
    relation: URIRef
    organization: URIRef
    startDate: URIRef
    endDate: URIRef
    text: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    citation: URIRef
    marker: URIRef
    mentionedIn: URIRef
    founderOf: URIRef
    fundedBy: URIRef
    sourceText: URIRef


def bind_prefixes(graph: Graph) -> None:
    """Bind the prefixes kg writes, so Turtle output is readable."""
    graph.bind("schema", SDO, replace=True)
    graph.bind("prov", PROV)
    graph.bind("kg", KG._NS)
    graph.bind("kgr", KGR)
    graph.bind("xsd", XSD)
