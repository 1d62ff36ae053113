"""Where queries run: rdflib on a graph, pyoxigraph in memory, or a SPARQL 1.1 endpoint.

Every engine takes a parsed, read-only query (:class:`kg.sparql.Sparql`) and variables to
bind as RDF terms, and returns a :class:`kg.results.QueryResult` of rdflib terms, so the
same saved query gives the same answer on each.

- :class:`RdflibEngine` binds with ``initBindings`` on the prepared query.
- :class:`OxigraphEngine` and :class:`EndpointEngine` (the query sent over HTTP, by the
  SPARQL 1.1 Protocol) take the values in a ``VALUES`` block at the start of the WHERE
  group (:func:`kg.sparql.bind`, which parses and checks the bound text again, so the
  text an engine receives is the text that was checked). pyoxigraph's own
  ``substitutions`` only take projected variables, which rules out parameters of
  aggregate queries.

>>> from rdflib import Graph, URIRef
>>> from kg.sparql import parse_sparql
>>> g = Graph().parse(data="<urn:a> <urn:p> <urn:b> .", format="nt")
>>> q = parse_sparql("SELECT ?o WHERE { ?s <urn:p> ?o }")
>>> RdflibEngine(g).run(q, {"s": URIRef("urn:a")}).rows
[['urn:b']]
>>> OxigraphEngine.from_graph(g).run(q, {"s": URIRef("urn:a")}).rows
[['urn:b']]
"""

from __future__ import annotations

import json
import os
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, ClassVar

from .errors import EndpointError, GraphError, InputError, QueryError, UnsafeInputError
from .files import open_regular
from .results import LazyRows, QueryResult
from .sparql import Sparql, bind, parse_sparql

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

__all__ = [
    "Engine",
    "RdflibEngine",
    "OxigraphEngine",
    "EndpointEngine",
    "ENGINES",
    "open_engine",
    "load_graph",
    "rdf_format",
    "check_graph_file",
    "ox_rows",
]

#: The engines ``--engine`` accepts for a graph file.
ENGINES = ("rdflib", "oxigraph")

# file ending -> (rdflib format, pyoxigraph RdfFormat name)
_FORMATS = {".ttl": ("turtle", "TURTLE"), ".nt": ("nt", "N_TRIPLES"),
            ".nq": ("nquads", "N_QUADS"), ".trig": ("trig", "TRIG"),
            ".jsonld": ("json-ld", "JSON_LD"), ".json": ("json-ld", "JSON_LD"),
            ".rdf": ("xml", "RDF_XML"), ".xml": ("xml", "RDF_XML"), ".owl": ("xml", "RDF_XML"),
            ".n3": ("n3", "N3")}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def rdf_format(path: str | Path) -> tuple[str, str]:
    """The (rdflib, pyoxigraph) format names for a graph file, from its ending.

    >>> rdf_format("x.nt")
    ('nt', 'N_TRIPLES')
    """
    return _FORMATS.get(Path(path).suffix.lower(), ("turtle", "TURTLE"))


def _graph_path(path: str | Path | None) -> Path:
    from .queries import default_graph_path

    p = Path(path) if path is not None else default_graph_path()
    if not os.path.lexists(p):
        raise InputError(f"{p}: no such graph file; build one with 'kg build ARTICLE -o {p}'")
    if os.path.isdir(p):
        raise InputError(f"{p} is a directory; give a graph file (.ttl, .nt, .jsonld ...)")
    return p


def _open_graph(p: Path) -> BinaryIO:
    """The graph file ``p`` opened for reading: a regular file (a FIFO or a device is
    refused without blocking on it)."""
    return open_regular(p, what="a graph file (.ttl, .nt, .jsonld ...)")


def check_graph_file(p: Path, fmt: str, data: bytes | None = None) -> None:
    """Refuse a graph file that would make a parser reach outside it or blow up.

    XML (RDF/XML) with a DTD or entity declarations is refused (no entity is ever
    expanded: a "billion laughs" file fails at once), and so is JSON-LD whose ``@context``
    names a document (a remote or relative context would be fetched or opened), wherever
    it stands: in a nested object, in a list, or as one of two ``@context`` keys of one
    object (JSON keeps only the last, a JSON-LD parser may read another). ``data`` is the
    file's content, when the caller has read it already.
    """
    if fmt not in ("xml", "json-ld"):
        return
    if data is None:
        with _open_graph(p) as fh:
            data = fh.read()
    if fmt == "xml":
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
            raise UnsafeInputError(f"{p}: refusing XML with a DTD or entity declarations "
                                   f"(kg never expands them); remove the <!DOCTYPE ...>")
        _check_xml_depth(p, data)
        return

    def refuse_remote(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        # called for every JSON object, innermost first, with every key (duplicates too)
        for k, v in pairs:
            if k != "@context":
                continue
            for item in v if isinstance(v, list) else [v]:
                if isinstance(item, str) or (isinstance(item, dict) and "@import" in item):
                    raise UnsafeInputError(
                        f"{p}: refusing a JSON-LD @context that names another document "
                        f"({str(item)[:80]}); kg does not fetch contexts: put the context "
                        f"inline")
        return dict(pairs)

    try:
        json.loads(data, object_pairs_hook=refuse_remote)
    except RecursionError:
        raise GraphError(f"{p}: not valid JSON-LD (nested too deeply to read)") from None
    except ValueError as exc:
        raise GraphError(f"{p}:{getattr(exc, 'lineno', 1)}: not valid JSON-LD ({exc})") from None


#: The deepest element nesting kg reads in RDF/XML (the parser's time grows with the
#: square of the depth: 100,000 levels take minutes; real files nest a few levels).
MAX_XML_DEPTH = 1000


def _check_xml_depth(p: Path, data: bytes) -> None:
    """Refuse RDF/XML nested deeper than :data:`MAX_XML_DEPTH` (one linear pass of expat,
    which expands no entity: a DTD was refused before). Malformed XML is left to the RDF
    parser, whose message names the line."""
    import xml.parsers.expat

    parser = xml.parsers.expat.ParserCreate()
    depth = 0

    def start(*_: Any) -> None:
        nonlocal depth
        depth += 1
        if depth > MAX_XML_DEPTH:
            raise GraphError(f"{p}:{parser.CurrentLineNumber}: not valid xml (elements "
                             f"nested more than {MAX_XML_DEPTH} deep, too deeply to read)")

    def end(*_: Any) -> None:
        nonlocal depth
        depth -= 1

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError:
        pass


def _parse_failure(p: Path, fmt: str, exc: Exception) -> GraphError:
    if isinstance(exc, MemoryError | RecursionError):  # a term or a nesting past the parser's
        return GraphError(f"{p}: not valid {fmt} (too large or too deeply nested to read: "
                          f"{str(exc)[:120] or type(exc).__name__})")
    text = str(exc)
    msg = text.splitlines()[0] if text else type(exc).__name__
    lineno = getattr(exc, "lineno", None)
    if lineno is None:
        m = re.search(r"line (\d+)", text)
        lineno = m.group(1) if m else None
    where = f"{p}:{lineno}" if lineno else str(p)
    return GraphError(f"{where}: not valid {fmt} ({msg[:200]})")


#: What a parser may raise on a file it cannot read (MemoryError: pyoxigraph's limit on
#: the size of one term; RecursionError: nesting deeper than Python's stack).
_PARSE_ERRORS = (SyntaxError, ValueError, MemoryError, RecursionError)


def load_graph(path: str | Path | None = None) -> Graph:
    """Parse a graph file (format from its ending) into an rdflib Graph.

    The file is read by pyoxigraph's strict parsers (rdflib's Turtle parser lets some
    broken files through); an error names the file and the line. Quads go into the one
    graph. Without ``path``, the bundled graph of the seed article. Only a regular file
    is read (a FIFO or a device is refused).
    """
    import pyoxigraph as ox
    from rdflib import Graph

    p = _graph_path(path)
    fmt, ox_fmt = rdf_format(p)
    convert = _ox_converter()
    g = Graph()
    add = g.add
    try:
        with _open_graph(p) as fh:
            data = fh.read() if fmt in ("xml", "json-ld") else None
            check_graph_file(p, fmt, data)
            for q in ox.parse(input=data if data is not None else fh,
                              format=getattr(ox.RdfFormat, ox_fmt)):
                add((convert(q.subject), convert(q.predicate), convert(q.object)))
    except (*_PARSE_ERRORS, QueryError) as exc:
        raise _parse_failure(p, fmt, exc) from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
    return g


def _first_seen(text: str) -> dict[str, int]:
    """Variables in the order they first appear (the column order of ``SELECT *``)."""
    from .queries import _body

    order: dict[str, int] = {}
    for m in re.finditer(r"[?$](\w+)", _body(text)):
        order.setdefault(m.group(1), len(order))
    return order


def _take(rows: Iterable[Any], max_rows: int | None) -> tuple[list[Any], bool]:
    """At most ``max_rows`` of ``rows`` (read lazily), and whether any were left out."""
    if max_rows is None:
        return list(rows), False
    taken = list(islice(rows, max_rows + 1))
    return taken[:max_rows], len(taken) > max_rows


def _select(query: Sparql, cols: list[str], rows: Sequence[tuple[Node | None, ...]],
            truncated: bool = False) -> QueryResult:
    """A SELECT result; for ``SELECT *`` the columns in the order the query first names
    them (engines differ: rdflib uses a set's order, oxigraph sorts)."""
    if query.star:
        order = _first_seen(query.text)
        perm = sorted(range(len(cols)), key=lambda i: order.get(cols[i], len(order)))
        cols = [cols[i] for i in perm]
        if isinstance(rows, LazyRows):
            rows = LazyRows([tuple(r[i] for i in perm) for r in rows.raw], rows._convert,
                            rows._text)
        else:
            rows = [tuple(r[i] for i in perm) for r in rows]
    return QueryResult("SELECT", cols, rows, truncated=truncated)


def _graph_result(form: str, triples: Iterable[Any], max_rows: int | None) -> QueryResult:
    """A CONSTRUCT or DESCRIBE result of at most ``max_rows`` triples (read lazily)."""
    from rdflib import Graph

    taken, cut = _take(triples, max_rows)
    g = Graph()
    for t in taken:
        g.add(t)
    return QueryResult(form, graph=g, truncated=cut)


class Engine(ABC):
    """Runs parsed read-only queries with bound variables."""

    name: ClassVar[str] = ""

    @abstractmethod
    def run(self, query: Sparql, bindings: Mapping[str, Node] | None = None, *,
            max_rows: int | None = None) -> QueryResult:
        """Run ``query`` with ``bindings`` (variable name without ``?`` -> RDF term).

        With ``max_rows``, at most that many rows (of a CONSTRUCT or DESCRIBE query:
        triples) are read and the result says whether more were left out.
        """


class RdflibEngine(Engine):
    """rdflib's SPARQL engine on an in-memory :class:`rdflib.Graph`."""

    name = "rdflib"

    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    @classmethod
    def from_path(cls, path: str | Path | None = None) -> RdflibEngine:
        return cls(load_graph(path))

    def run(self, query: Sparql, bindings: Mapping[str, Node] | None = None, *,
            max_rows: int | None = None) -> QueryResult:
        # parse_sparql keeps the algebra it checked; a Sparql made by hand is checked here
        algebra = query.prepared.get("rdflib") or parse_sparql(query.text).prepared["rdflib"]
        try:
            init = dict(bindings or {})
            res = self.graph.query(algebra, initBindings=init)  # type: ignore[arg-type]
            if query.form == "ASK":
                return QueryResult("ASK", boolean=bool(res.askAnswer))
            if query.form in ("CONSTRUCT", "DESCRIBE"):
                return _graph_result(query.form, res.graph or (), max_rows)
            cols = [str(v) for v in (res.vars or [])]
            taken, cut = _take(res, max_rows)
            rows: list[tuple[Node | None, ...]] = [tuple(r) for r in taken]
        except QueryError:
            raise
        except Exception as exc:
            raise QueryError(f"the query failed: {str(exc).splitlines()[0][:200]}") from exc
        return _select(query, cols, rows, cut)


@lru_cache(maxsize=1)
def _ox_converter() -> Callable[[Any], Any]:
    """A function from pyoxigraph terms to rdflib terms (imports bound once)."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    named, blank, literal = ox.NamedNode, ox.BlankNode, ox.Literal

    def convert(term: Any) -> Any:
        if term is None:
            return None
        cls = type(term)
        if cls is named:
            return URIRef(term.value)
        if cls is literal:
            if term.language:
                return Literal(term.value, lang=term.language)
            dt = term.datatype.value
            return Literal(term.value) if dt == _XSD_STRING else Literal(term.value,
                                                                          datatype=dt)
        if cls is blank:
            return BNode(term.value)
        raise QueryError(f"kg cannot handle the RDF term {term!r}")

    return convert


@lru_cache(maxsize=1)
def _ox_text() -> Callable[[Any], str]:
    """A function giving a pyoxigraph term as plain text, as ``term_text`` does."""
    import pyoxigraph as ox

    blank = ox.BlankNode

    def text(term: Any) -> str:
        return f"_:{term.value}" if type(term) is blank else str(term.value)

    return text


def ox_rows(raw: list[tuple[Any, ...]]) -> LazyRows:
    """Rows of pyoxigraph terms, read as text directly and as rdflib terms on demand."""
    return LazyRows(raw, _ox_converter(), _ox_text())


def _from_ox(term: Any) -> Node | None:
    result: Node | None = _ox_converter()(term)
    return result


class OxigraphEngine(Engine):
    """pyoxigraph's SPARQL engine on an in-memory store (fast on large graphs)."""

    name = "oxigraph"

    def __init__(self, store: Any) -> None:
        self.store = store

    @classmethod
    def from_path(cls, path: str | Path | None = None) -> OxigraphEngine:
        import pyoxigraph as ox

        p = _graph_path(path)
        fmt = rdf_format(p)[1]
        store = ox.Store()
        try:
            with _open_graph(p) as fh:
                data = fh.read() if fmt in ("RDF_XML", "JSON_LD") else None
                check_graph_file(p, rdf_format(p)[0], data)
                store.bulk_load(input=data if data is not None else fh,
                                format=getattr(ox.RdfFormat, fmt))
        except (*_PARSE_ERRORS, OSError) as exc:
            raise _parse_failure(p, fmt.lower().replace("_", "-"), exc) from None
        return cls(store)

    @classmethod
    def from_graph(cls, graph: Graph) -> OxigraphEngine:
        import pyoxigraph as ox

        store = ox.Store()
        data = graph.serialize(format="nt", encoding="utf-8")
        store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES)
        return cls(store)

    def run(self, query: Sparql, bindings: Mapping[str, Node] | None = None, *,
            max_rows: int | None = None) -> QueryResult:
        text = bind(query, bindings or {}).text
        try:
            res = self.store.query(text, use_default_graph_as_union=True)  # .nq/.trig too
            if query.form == "ASK":
                return QueryResult("ASK", boolean=bool(res))
            if query.form in ("CONSTRUCT", "DESCRIBE"):
                return _graph_result(query.form, ((_from_ox(t.subject), _from_ox(t.predicate),
                                                   _from_ox(t.object)) for t in res), max_rows)
            cols = [v.value for v in res.variables]
            raw, cut = _take(map(tuple, res), max_rows)  # a solution iterates its values
            rows = ox_rows(raw)
        except SyntaxError as exc:
            raise QueryError(f"not a valid SPARQL query: {str(exc).splitlines()[0][:200]}"
                             ) from None
        except (OSError, ValueError, TypeError, RuntimeError) as exc:
            raise QueryError(f"the query failed: {str(exc).splitlines()[0][:200]}") from exc
        return _select(query, cols, rows, cut)


def _from_json(b: dict[str, str]) -> Node:
    from rdflib import BNode, Literal, URIRef

    if not isinstance(b, dict) or not isinstance(b.get("value", ""), str):
        raise EndpointError(f"the endpoint sent a term kg cannot read: {str(b)[:80]}")
    kind, value = b.get("type"), b.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    if kind in ("literal", "typed-literal"):
        if b.get("xml:lang"):
            return Literal(value, lang=b["xml:lang"])
        dt = b.get("datatype")
        return Literal(value, datatype=dt) if dt and dt != _XSD_STRING else Literal(value)
    raise EndpointError(f"the endpoint sent a term kg cannot read: {b!r}")


class EndpointEngine(Engine):
    """A SPARQL 1.1 endpoint over HTTP (the SPARQL 1.1 Protocol, query by POST)."""

    name = "endpoint"

    def __init__(self, url: str, *, timeout: float = 60.0) -> None:
        if not re.match(r"^https?://[^\s/]+", url):
            raise InputError(f"{url!r} is not an http(s) URL of a SPARQL endpoint")
        self.url = url
        self.timeout = timeout

    def _post(self, text: str, accept: str) -> bytes:
        import urllib.error
        import urllib.parse
        import urllib.request

        body = urllib.parse.urlencode({"query": text}).encode("utf-8")
        req = urllib.request.Request(self.url, data=body, method="POST", headers={
            "Accept": accept, "Content-Type": "application/x-www-form-urlencoded",
            "User-Agent": "kg"})
        try:
            with _opener().open(req, timeout=self.timeout) as resp:
                data: bytes = resp.read()
                return data
        except urllib.error.HTTPError as exc:
            detail = exc.read().decode("utf-8", "replace").strip().splitlines()
            msg = detail[0][:200] if detail else exc.reason
            raise QueryError(f"the endpoint {self.url} refused the query "
                             f"(HTTP {exc.code}: {msg})") from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise EndpointError(f"cannot reach the SPARQL endpoint {self.url} ({reason}); "
                                f"is the server running?") from None

    def _not_sparql(self, what: str) -> EndpointError:
        return EndpointError(f"the endpoint {self.url} did not answer with {what}")

    def run(self, query: Sparql, bindings: Mapping[str, Node] | None = None, *,
            max_rows: int | None = None) -> QueryResult:
        text = bind(query, bindings or {}).text
        if query.form in ("CONSTRUCT", "DESCRIBE"):
            from rdflib import Graph

            data = self._post(text, "application/n-triples")
            try:
                lines = [line for line in data.decode("utf-8").splitlines()
                         if line.strip() and not line.lstrip().startswith("#")]
                taken, cut = _take(lines, max_rows)  # N-Triples: one triple a line
                g = Graph().parse(data="\n".join(taken) + "\n", format="nt")
            except Exception as exc:
                raise EndpointError(f"the endpoint {self.url} sent a graph that is not "
                                    f"N-Triples ({str(exc)[:120]})") from None
            return QueryResult(query.form, graph=g, truncated=cut)
        data = self._post(text, "application/sparql-results+json")
        try:
            doc = json.loads(data)
        except (ValueError, RecursionError):
            raise self._not_sparql("SPARQL results JSON") from None
        if not isinstance(doc, dict):
            raise self._not_sparql(f"SPARQL results JSON (a JSON {type(doc).__name__})")
        if query.form == "ASK":
            if not isinstance(doc.get("boolean"), bool):
                raise self._not_sparql("an ASK result (no \"boolean\": true or false)")
            return QueryResult("ASK", boolean=doc["boolean"])
        try:
            cols = [str(c) for c in doc["head"]["vars"]]
            bindings_ = doc["results"]["bindings"]
            taken, cut = _take(iter(bindings_), max_rows)
            rows = [tuple(_from_json(b[c]) if c in b else None for c in cols) for b in taken]
        except (KeyError, TypeError, AttributeError, ValueError):
            raise self._not_sparql("SELECT results (head.vars and results.bindings)") from None
        return _select(query, cols, rows, cut)


@lru_cache(maxsize=1)
def _opener() -> Any:
    """A urllib opener that refuses redirects: kg talks only to the endpoint it was given."""
    import urllib.request

    class Refuse(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any,
                             newurl: str) -> None:
            raise UnsafeInputError(f"the endpoint {req.full_url} redirects to {newurl} "
                                   f"(HTTP {code}); kg does not follow redirects: give "
                                   f"--endpoint the address that answers, if you trust it")

    return urllib.request.build_opener(Refuse)


def open_engine(graph: str | Path | Graph | None = None, *, engine: str = "rdflib",
                endpoint: str | None = None, timeout: float = 60.0) -> Engine:
    """An engine over a graph file (or an rdflib Graph), or over a SPARQL endpoint.

    Without ``graph`` or ``endpoint``, the bundled graph of the seed article.
    """
    if endpoint is not None:
        if graph is not None:
            raise QueryError("give a graph file or an endpoint, not both")
        return EndpointEngine(endpoint, timeout=timeout)
    if engine not in ENGINES:
        raise QueryError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    if graph is not None and not isinstance(graph, str | Path):
        return RdflibEngine(graph) if engine == "rdflib" else OxigraphEngine.from_graph(graph)
    if engine == "oxigraph":
        return OxigraphEngine.from_path(graph)
    return RdflibEngine.from_path(graph)
