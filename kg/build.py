"""Building graphs from articles: the library function the CLI's ``kg build`` calls."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .pipeline import DEFAULT_MODEL, extract
from .reader import read_article

if TYPE_CHECKING:
    from rdflib import Graph

    from .resolve import Extraction

__all__ = ["BuildResult", "build_graph", "build_file"]


@dataclass
class BuildResult:
    extraction: Extraction
    graph: Graph

    def summary(self) -> str:
        x = self.extraction
        return (f"{len(x.people)} people, {len(x.organizations)} organisations, "
                f"{len(x.papers)} papers, {len(x.affiliations)} affiliations, "
                f"{len(self.graph)} triples")


def build_graph(article: str | Path, *, model: str = DEFAULT_MODEL) -> BuildResult:
    """Read an article file, extract its facts and map them to an RDF graph."""
    from .rdf import to_graph

    x = extract(read_article(article), model=model)
    return BuildResult(x, to_graph(x))


def build_file(article: str | Path, output: str | Path, *, model: str = DEFAULT_MODEL,
               fmt: str = "turtle") -> BuildResult:
    """Build the graph of ``article`` and write it atomically to ``output``."""
    from .rdf import write_graph

    result = build_graph(article, model=model)
    write_graph(result.graph, output, fmt)
    return result
