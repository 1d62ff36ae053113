"""Saved SPARQL queries: files with a grlc-style header, run with bound parameters.

A saved query is a ``queries/NAME.rq`` file. Its header lines start with ``#+`` (the grlc
decorator convention): ``summary``, ``tags`` and ``defaults``. Parameters are the query's
variables that start with an underscore (``?_person``, the BASIL convention); values are
bound as RDF terms with ``initBindings``, never pasted into the query text. A person
parameter takes a name as well as an IRI; the default ``"@subject"`` means the subject of
the article the graph was built from.

>>> q = get_query("coauthors")
>>> q.summary
"A person's co-authors, ranked by the number of papers they share."
>>> q.parameters, q.defaults
(['person'], {'person': '@subject'})
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .errors import GraphError, InputError, QueryError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from rdflib import Graph
    from rdflib.query import Result, ResultRow
    from rdflib.term import Identifier

__all__ = [
    "SavedQuery",
    "ResultTable",
    "resource_dir",
    "list_queries",
    "get_query",
    "load_graph",
    "run_query",
    "resolve_entity",
    "default_graph_path",
    "FORMATS",
]

FORMATS = ("table", "csv", "json")


def resource_dir(name: str) -> Path:
    """The folder of bundled resources ``name`` (ontology, queries, data).

    Found inside the installed package (a wheel ships them as ``kg/<name>``) or, in a
    source checkout, beside the package.
    """
    here = Path(__file__).resolve().parent
    for cand in (here / name, here.parent / name):
        if cand.is_dir():
            return cand
    raise InputError(f"kg's {name}/ folder is missing from the installation; reinstall kg")


def default_graph_path() -> Path:
    """The bundled graph of the seed article, ``data/radford.ttl``."""
    return resource_dir("data") / "radford.ttl"


@dataclass(frozen=True)
class SavedQuery:
    name: str
    text: str
    summary: str = ""
    tags: tuple[str, ...] = ()
    defaults: dict[str, str] = field(default_factory=dict)
    parameters: list[str] = field(default_factory=list)
    path: str | None = None

    @classmethod
    def parse(cls, name: str, text: str, path: str | None = None) -> SavedQuery:
        summary = ""
        tags: list[str] = []
        defaults: dict[str, str] = {}
        section = None
        for line in text.splitlines():
            if not line.startswith("#+"):
                if line.strip() and not line.startswith("#"):
                    break
                continue
            body = line[2:].rstrip()
            m = re.match(r"\s?(\w+):\s*(.*)$", body)
            if m and not body.startswith("   "):
                section, value = m.group(1), m.group(2).strip()
                if section == "summary":
                    summary = value
                continue
            item = re.match(r"\s+-\s+(.*)$", body)
            if item and section == "tags":
                tags.append(item.group(1).strip())
            elif item and section == "defaults":
                kv = re.match(r"(\w+)\s*:\s*(.*)$", item.group(1))
                if kv:
                    defaults[kv.group(1)] = kv.group(2).strip().strip("\"'")
        body_text = "\n".join(x for x in text.splitlines() if not x.lstrip().startswith("#"))
        params: list[str] = []
        for m in re.finditer(r"[?$]__?([A-Za-z][A-Za-z0-9]*)", body_text):
            if m.group(1) not in params:
                params.append(m.group(1))
        return cls(name, text, summary, tuple(tags), defaults, params, path)


@lru_cache(maxsize=1)
def list_queries() -> tuple[SavedQuery, ...]:
    """Every saved query, by name."""
    folder = resource_dir("queries")
    return tuple(
        SavedQuery.parse(p.stem, p.read_text(encoding="utf-8"), str(p))
        for p in sorted(folder.glob("*.rq"))
    )


def get_query(name: str) -> SavedQuery:
    """The saved query ``name``; the error names close matches."""
    queries = {q.name: q for q in list_queries()}
    if name in queries:
        return queries[name]
    close = difflib.get_close_matches(name, list(queries), n=3)
    hint = f"; did you mean {', '.join(close)}?" if close else "; 'kg queries' lists them"
    raise QueryError(f"no saved query named {name!r}{hint}")


_FORMATS_BY_SUFFIX = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig",
                      ".jsonld": "json-ld", ".json": "json-ld", ".rdf": "xml", ".xml": "xml",
                      ".owl": "xml", ".n3": "n3"}


def load_graph(path: str | Path | None = None) -> Graph:
    """Parse a graph file (format from its extension); errors name the file and line."""
    from rdflib import Graph

    p = Path(path) if path is not None else default_graph_path()
    if not p.exists():
        raise InputError(f"{p}: no such graph file; build one with 'kg build ARTICLE -o {p}'")
    if p.is_dir():
        raise InputError(f"{p} is a directory; give a graph file (.ttl, .nt, .jsonld ...)")
    fmt = _FORMATS_BY_SUFFIX.get(p.suffix.lower(), "turtle")
    g = Graph()
    try:
        g.parse(p, format=fmt)
    except Exception as exc:  # rdflib raises many kinds; all mean "does not parse"
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        line = re.search(r"line (\d+)", str(exc))
        where = f"{p}:{line.group(1)}" if line else str(p)
        raise GraphError(f"{where}: not valid {fmt} ({msg[:200]})") from exc
    return g


def resolve_entity(graph: Graph, value: str) -> Any:
    """A parameter value as an RDF term: an entity named ``value``, an IRI, or a literal."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import SDO

    if value == "@subject":
        # objects of a parsed graph are terms (Identifiers), which are ordered
        subjects = sorted(cast("set[Identifier]", set(graph.objects(None, SDO.about))))
        if not subjects:
            raise QueryError("the graph names no article subject; pass --param person=NAME")
        return subjects[0]
    if re.match(r"^(https?|urn|file):", value):
        return URIRef(value)
    want = value.casefold().strip()
    names: dict[str, set[Any]] = {}
    for prop in (SDO.name, SDO.alternateName):
        for s, o in graph.subject_objects(prop):
            names.setdefault(str(o).casefold(), set()).add(s)
    hits = names.get(want, set())
    if len(hits) == 1:
        return next(iter(hits))
    if len(hits) > 1:
        raise QueryError(f"{value!r} names several entities; give the fullest name or an IRI")
    close = difflib.get_close_matches(want, list(names), n=3, cutoff=0.6)
    hint = f"; close matches: {', '.join(repr(c) for c in close)}" if close else ""
    if close or re.match(r"^[A-Z][\w.'-]+( [A-Z][\w.'-]+)+$", value):
        raise QueryError(f"no person or organisation named {value!r} in the graph{hint}")
    return Literal(value)


@dataclass
class ResultTable:
    """A SELECT result: column names and rows of strings (empty string for unbound)."""

    columns: list[str]
    rows: list[list[str]]
    raw: Any = None

    def to_csv(self) -> str:
        """SPARQL 1.1 Query Results CSV."""
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(self.columns)
        w.writerows(self.rows)
        return buf.getvalue()

    def to_json(self) -> str:
        """SPARQL 1.1 Query Results JSON."""
        data = self.raw.serialize(format="json") if self.raw is not None else None
        if data is not None:
            return json.dumps(json.loads(data), indent=2, ensure_ascii=False) + "\n"
        bindings = [
            {c: {"type": "literal", "value": v}
             for c, v in zip(self.columns, r, strict=True) if v != ""}
            for r in self.rows
        ]
        return json.dumps({"head": {"vars": self.columns}, "results": {"bindings": bindings}},
                          indent=2, ensure_ascii=False) + "\n"

    def to_table(self, max_width: int = 60) -> str:
        def cut(v: str) -> str:
            return v if len(v) <= max_width else v[: max_width - 1] + "…"

        rows = [[cut(v) for v in r] for r in self.rows]
        widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(self.columns)]
        line = "  ".join(c.ljust(w) for c, w in zip(self.columns, widths, strict=True)).rstrip()
        out = [line, "  ".join("-" * w for w in widths)]
        out += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip()
                for r in rows]
        out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
        return "\n".join(out) + "\n"

    def render(self, fmt: str) -> str:
        if fmt == "csv":
            return self.to_csv()
        if fmt == "json":
            return self.to_json()
        if fmt == "table":
            return self.to_table()
        raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def run_query(
    query: SavedQuery | str, graph: Graph, params: dict[str, str] | None = None
) -> ResultTable:
    """Run a saved query (or its name) on ``graph`` with parameters bound as RDF terms.

    >>> from kg.queries import load_graph
    >>> t = run_query("first-author-papers-by-year", load_graph())
    >>> t.columns
    ['year', 'title']
    >>> year, title = t.rows[0]
    >>> year
    '2015'
    >>> title
    'Unsupervised Representation Learning with Deep Convolutional Generative Adversarial Networks'
    """
    from rdflib.plugins.sparql import prepareQuery

    q = get_query(query) if isinstance(query, str) else query
    values = dict(q.defaults)
    for k, v in (params or {}).items():
        if k not in q.parameters:
            known = ", ".join(q.parameters) or "none"
            raise QueryError(f"query {q.name!r} has no parameter {k!r} (parameters: {known})")
        values[k] = v
    bindings = {}
    for k in q.parameters:
        if k in values:
            bindings["_" + k] = resolve_entity(graph, values[k])
    try:
        prepared = prepareQuery(q.text)
        res: Result = graph.query(prepared, initBindings=bindings)
    except QueryError:
        raise
    except Exception as exc:
        raise QueryError(f"query {q.name!r} failed: {str(exc).splitlines()[0][:200]}") from exc
    cols = [str(v) for v in (res.vars or [])]
    # saved queries are SELECT queries, so the result iterates over ResultRows
    select_rows = cast("Iterable[ResultRow]", res)
    rows = [["" if r[c] is None else str(r[c]) for c in cols] for r in select_rows]
    return ResultTable(cols, rows, res)
