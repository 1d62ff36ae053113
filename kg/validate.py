"""Validating a graph against kg's SHACL shapes (``ontology/shapes.ttl``) with pyshacl."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .queries import resource_dir

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["ValidationReport", "validate_graph", "shapes_graph", "ontology_graph"]


@dataclass
class ValidationReport:
    conforms: bool
    text: str


def shapes_graph() -> Graph:
    from rdflib import Graph

    return Graph().parse(resource_dir("ontology") / "shapes.ttl", format="turtle")


def ontology_graph() -> Graph:
    from rdflib import Graph

    return Graph().parse(resource_dir("ontology") / "kg.ttl", format="turtle")


def validate_graph(graph: Graph) -> ValidationReport:
    """Check ``graph`` against the shapes; the report lists each violation."""
    import pyshacl

    conforms, _, text = pyshacl.validate(graph, shacl_graph=shapes_graph(), inference="none",
                                         advanced=True)
    return ValidationReport(bool(conforms), str(text))
