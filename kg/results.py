"""Query results, whichever engine ran the query, and their output formats.

A :class:`QueryResult` holds RDF terms (rdflib's), so the same result prints the same way
from rdflib, pyoxigraph or a SPARQL endpoint. SELECT results render as a table, CSV, TSV
(the SPARQL 1.1 results formats), JSON (SPARQL 1.1 Query Results JSON) or Markdown; ASK
results as ``true``/``false``; CONSTRUCT and DESCRIBE results as Turtle, N-Triples or
JSON-LD.

>>> from rdflib import Literal, URIRef
>>> r = QueryResult("SELECT", ["name", "papers"],
...                 [(URIRef("https://example.org/a"), Literal(2))])
>>> r.render("csv").splitlines()
['name,papers', 'https://example.org/a,2']
>>> [line.split("\\t") for line in r.render("tsv").splitlines()]
[['?name', '?papers'], ['<https://example.org/a>', '2']]
>>> print(r.render("markdown"), end="")
| name | papers |
| --- | --- |
| https://example.org/a | 2 |
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .errors import QueryError

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

__all__ = [
    "QueryResult",
    "LazyRows",
    "RESULT_FORMATS",
    "GRAPH_FORMATS",
    "term_text",
]

#: Formats for SELECT and ASK results.
RESULT_FORMATS = ("table", "csv", "tsv", "json", "markdown")
#: Formats for CONSTRUCT and DESCRIBE results (the graph they return).
GRAPH_FORMATS = ("turtle", "nt", "jsonld")
_GRAPH_ALIASES = {"ttl": "turtle", "turtle": "turtle", "nt": "nt", "ntriples": "nt",
                  "jsonld": "json-ld", "json-ld": "json-ld", "json": "json-ld"}
_XSD = "http://www.w3.org/2001/XMLSchema#"


def term_text(term: Node | None) -> str:
    """A term as plain text: the IRI, the literal's lexical form, ``_:id``, or ``""``.

    >>> from rdflib import BNode, Literal
    >>> term_text(Literal("2015", datatype="http://www.w3.org/2001/XMLSchema#gYear"))
    '2015'
    >>> term_text(None), term_text(BNode("b0"))
    ('', '_:b0')
    """
    if term is None:
        return ""
    from rdflib import BNode

    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _term_nt(term: Node | None) -> str:
    """A term in N-Triples syntax (SPARQL TSV); numbers in their short form."""
    if term is None:
        return ""
    from rdflib import BNode, Literal

    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        dt = str(term.datatype or "")
        if dt in (_XSD + "integer", _XSD + "decimal") and str(term).lstrip("+-").replace(
                ".", "", 1).isdigit():
            return str(term)
        text = str(term).replace("\\", "\\\\").replace('"', '\\"').replace(
            "\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
        if term.language:
            return f'"{text}"@{term.language}'
        if dt and dt != _XSD + "string":
            return f'"{text}"^^<{dt}>'
        return f'"{text}"'
    return f"<{term}>"


def _term_json(term: Node) -> dict[str, str]:
    from rdflib import BNode, Literal

    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        out = {"type": "literal", "value": str(term)}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype and str(term.datatype) != _XSD + "string":
            out["datatype"] = str(term.datatype)
        return out
    return {"type": "uri", "value": str(term)}


class LazyRows(Sequence[tuple[Any, ...]]):
    """Rows of an engine's own terms, made into rdflib terms only when asked for.

    Text output (``rows``: CSV, tables) reads the engine's terms directly, so printing a
    large result does not pay for building rdflib terms it never uses.
    """

    def __init__(self, raw: list[tuple[Any, ...]], convert: Callable[[Any], Any],
                 text: Callable[[Any], str]) -> None:
        self.raw, self._convert, self._text = raw, convert, text
        self._terms: list[tuple[Any, ...]] | None = None

    def _materialise(self) -> list[tuple[Any, ...]]:
        if self._terms is None:
            seen: dict[Any, Any] = {}  # a term that comes back often is converted once

            def term(t: Any) -> Any:
                if t is None:
                    return None
                hit = seen.get(t)
                if hit is None:
                    hit = seen[t] = self._convert(t)
                return hit

            self._terms = [tuple(term(t) for t in row) for row in self.raw]
        return self._terms

    def texts(self) -> list[list[str]]:
        text = self._text
        return [["" if t is None else text(t) for t in row] for row in self.raw]

    def __len__(self) -> int:
        return len(self.raw)

    def __getitem__(self, i: Any) -> Any:
        return self._materialise()[i]

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        return iter(self._materialise())

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, Sequence) else NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        # from a worker process: the engine's own terms travel, and the parent rebuilds the
        # same lazy rows, so output does not depend on whether a time limit was set
        return (_oxigraph_rows, (self.raw,))


def _oxigraph_rows(raw: list[tuple[Any, ...]]) -> LazyRows:
    from .engines import ox_rows

    return ox_rows(raw)


@dataclass
class QueryResult:
    """What a query returned.

    Parameters
    ----------
    form : str
        ``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``.
    columns : list of str
        The SELECT variables, in order.
    terms : list of tuple
        One tuple of RDF terms (``None`` where unbound) per row.
    boolean : bool or None
        The answer of an ASK query.
    graph : rdflib.Graph or None
        The triples of a CONSTRUCT or DESCRIBE query.
    truncated : bool
        Whether rows were left out because of a row limit.
    """

    form: str
    columns: list[str] = field(default_factory=list)
    terms: Sequence[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None
    truncated: bool = False

    @property
    def rows(self) -> list[list[str]]:
        """The rows as plain text (``""`` where a variable is unbound)."""
        if isinstance(self.terms, LazyRows):
            return self.terms.texts()
        return [[term_text(t) for t in row] for row in self.terms]

    def records(self) -> list[dict[str, Any]]:
        """The rows as dicts of Python values (numbers as numbers, ``None`` if unbound).

        >>> from rdflib import Literal
        >>> QueryResult("SELECT", ["n"], [(Literal(3),)]).records()
        [{'n': 3}]
        """
        from rdflib import Literal

        def value(t: Node | None) -> Any:
            if t is None:
                return None
            if isinstance(t, Literal) and t.datatype and str(t.datatype) in (
                    _XSD + "integer", _XSD + "decimal", _XSD + "double", _XSD + "float",
                    _XSD + "boolean"):
                return t.toPython()
            return term_text(t)

        return [dict(zip(self.columns, map(value, row), strict=True)) for row in self.terms]

    def to_dataframe(self) -> Any:
        """The rows as a pandas DataFrame (pandas must be installed)."""
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - pandas is a dev dependency
            raise QueryError("to_dataframe needs pandas; pip install pandas") from exc
        return pd.DataFrame(self.records(), columns=self.columns)

    # -- renderers ---------------------------------------------------------------------

    def to_csv(self) -> str:
        """SPARQL 1.1 Query Results CSV (plain values, CRLF line ends)."""
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(self.columns)
        w.writerows(self.rows)
        return buf.getvalue()

    def to_tsv(self) -> str:
        """SPARQL 1.1 Query Results TSV (terms in N-Triples syntax)."""
        lines = ["\t".join("?" + c for c in self.columns)]
        lines += ["\t".join(_term_nt(t) for t in row) for row in self.terms]
        return "\n".join(lines) + "\n"

    def to_json(self) -> str:
        """SPARQL 1.1 Query Results JSON."""
        if self.form == "ASK":
            data: dict[str, Any] = {"head": {}, "boolean": bool(self.boolean)}
        else:
            bindings = [{c: _term_json(t) for c, t in zip(self.columns, row, strict=True)
                         if t is not None} for row in self.terms]
            data = {"head": {"vars": self.columns}, "results": {"bindings": bindings}}
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    def to_markdown(self) -> str:
        """A GitHub-flavoured Markdown table."""
        def cell(v: str) -> str:
            return (v.replace("\\", "\\\\").replace("|", "\\|").replace("\r\n", " ")
                    .replace("\n", " ").replace("\r", " ").replace("\t", " "))

        out = ["| " + " | ".join(map(cell, self.columns)) + " |",
               "| " + " | ".join("---" for _ in self.columns) + " |"]
        out += ["| " + " | ".join(map(cell, r)) + " |" for r in self.rows]
        return "\n".join(out) + "\n"

    def to_table(self, width: int | None = None) -> str:
        """An aligned text table: with ``width`` (a terminal's), the widest columns are cut
        to fit it; without, no column is wider than 80 characters."""
        rows = [[re.sub(r"[\r\n\t]+", " ", v) for v in r] for r in self.rows]
        widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(self.columns)]
        if width is None:  # not a terminal: keep every column readable
            widths = [min(w, 80) for w in widths]
        else:
            budget = width - 2 * (len(widths) - 1)
            while sum(widths) > budget and max(widths, default=0) > 12:
                i = widths.index(max(widths))
                widths[i] = max(12, widths[i] - (sum(widths) - budget))

        def cut(v: str, w: int) -> str:
            return v if len(v) <= w else v[: w - 1] + "…"

        def line(vals: list[str]) -> str:
            return "  ".join(cut(v, w).ljust(w)
                             for v, w in zip(vals, widths, strict=True)).rstrip()

        out = [line(self.columns), "  ".join("-" * w for w in widths)]
        out += [line(r) for r in rows]
        n = len(rows)
        out.append(f"({n} row{'s' if n != 1 else ''}{', truncated' if self.truncated else ''})")
        return "\n".join(out) + "\n"

    def to_rdf(self, fmt: str = "turtle") -> str:
        """The graph of a CONSTRUCT or DESCRIBE result as Turtle, N-Triples or JSON-LD."""
        if self.graph is None:
            raise QueryError(f"a {self.form} query returns rows, not a graph; use --format "
                             f"{', '.join(RESULT_FORMATS)}")
        rdf_fmt = _GRAPH_ALIASES.get(fmt)
        if rdf_fmt is None:
            raise QueryError(f"unknown graph format {fmt!r}; use one of "
                             f"{', '.join(GRAPH_FORMATS)}")
        from .vocab import bind_prefixes

        bind_prefixes(self.graph)
        out = self.graph.serialize(format=rdf_fmt)
        if rdf_fmt == "nt":  # rdflib writes N-Triples in hash order
            out = "".join(sorted(out.splitlines(keepends=True)))
        return out if out.endswith("\n") else out + "\n"

    def render(self, fmt: str, *, width: int | None = None) -> str:
        """The result in ``fmt``; for a graph result a table format means Turtle."""
        if self.graph is not None:
            return self.to_rdf("turtle" if fmt in ("table", "markdown") else fmt)
        if self.form == "ASK" and fmt != "json":
            if fmt not in RESULT_FORMATS:
                raise QueryError(f"unknown format {fmt!r}; use one of "
                                 f"{', '.join(RESULT_FORMATS)}")
            return "true\n" if self.boolean else "false\n"
        renderers = {"csv": self.to_csv, "tsv": self.to_tsv, "json": self.to_json,
                     "markdown": self.to_markdown}
        if fmt == "table":
            return self.to_table(width)
        if fmt not in renderers:
            raise QueryError(f"unknown format {fmt!r}; use one of {', '.join(RESULT_FORMATS)}")
        return renderers[fmt]()
