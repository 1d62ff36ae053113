"""Saved SPARQL queries: files with a grlc header, run with parameters bound as RDF terms.

A saved query is a ``queries/NAME.rq`` file. Its header lines start with ``#+`` (the grlc
decorator convention, so grlc can serve the same folder as a web API): ``summary``,
``tags``, ``defaults`` and ``enumerate``. Parameters follow the BASIL convention grlc
uses: ``?_person`` is a required parameter ``person``, ``?__year`` an optional one, and a
suffix types the value (``?_year_integer``, ``?_paper_iri``, ``?_label_en``, or
``?_day_xsd_date``). Values are bound as RDF terms (rdflib's ``initBindings``, pyoxigraph's
substitutions, or a ``VALUES`` block for an endpoint), never pasted into the query text.

An untyped or ``iri`` parameter takes an entity's name (``schema:name`` or one of its
``schema:alternateName``), an IRI, or ``@subject``: the subject of the article the graph
was built from.

>>> q = get_query("coauthors")
>>> q.summary
"A person's co-authors, ranked by the number of papers they share."
>>> [(p.name, p.required, p.type) for p in q.parameters], q.defaults
([('person', True, None)], {'person': '@subject'})
>>> run_query("coauthors", params={"person": "Luke Metz"}).rows
[['Alec Radford', '1'], ['Soumith Chintala', '1']]
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .engines import Engine, RdflibEngine, load_graph, open_engine
from .errors import InputError, QueryError
from .results import GRAPH_FORMATS, RESULT_FORMATS, QueryResult
from .sparql import Sparql, parse_sparql

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

__all__ = [
    "Parameter",
    "SavedQuery",
    "QueryResult",
    "resource_dir",
    "default_graph_path",
    "list_queries",
    "get_query",
    "read_query_file",
    "enumerate_values",
    "load_graph",
    "run_query",
    "resolve_value",
    "bind",
    "FORMATS",
]

FORMATS = RESULT_FORMATS + GRAPH_FORMATS
_XSD = "http://www.w3.org/2001/XMLSchema#"
_SDO = "https://schema.org/"
# BASIL type suffixes and the XSD datatypes they stand for ("iri" and "literal" are kinds)
_TYPES = {"iri": None, "literal": None, "string": "string", "integer": "integer",
          "int": "integer", "decimal": "decimal", "double": "double", "float": "float",
          "number": "decimal", "boolean": "boolean", "date": "date",
          "datetime": "dateTime", "dateTime": "dateTime", "gYear": "gYear", "year": "gYear"}

# lexical forms of the XSD types a parameter may take (checked before binding)
_LEXICAL = {
    "integer": r"[+-]?\d+", "decimal": r"[+-]?(\d+(\.\d*)?|\.\d+)",
    "double": r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF|-INF|NaN",
    "float": r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF|-INF|NaN",
    "boolean": r"true|false|1|0", "date": r"-?\d{4,}-\d\d-\d\d(Z|[+-]\d\d:\d\d)?",
    "dateTime": r"-?\d{4,}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?",
    "gYear": r"-?\d{4,}(Z|[+-]\d\d:\d\d)?",
}


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
class Parameter:
    """A query parameter, read from a BASIL variable name.

    >>> Parameter.from_variable("__year_integer")
    Parameter(name='year', variable='__year_integer', required=False, type='integer', lang=None)
    >>> Parameter.from_variable("_label_en").lang
    'en'
    """

    name: str
    variable: str
    required: bool = True
    type: str | None = None  # iri, literal, or an XSD datatype's local name
    lang: str | None = None

    @classmethod
    def from_variable(cls, var: str) -> Parameter:
        required = not var.startswith("__")
        parts = var.lstrip("_").split("_")
        name, rest = parts[0], parts[1:]
        typ = lang = None
        if rest[:1] == ["xsd"] and len(rest) == 2:
            typ = rest[1]
        elif len(rest) == 1 and rest[0] in _TYPES:
            typ = _TYPES[rest[0]] or rest[0]
        elif len(rest) == 1 and re.fullmatch(r"[a-z]{2}", rest[0]):
            lang = rest[0]
        return cls(name, var, required, typ, lang)

    def describe(self, default: str | None = None) -> str:
        """``name``, its type, and its default or ``optional``."""
        kind = self.type or (f"@{self.lang}" if self.lang else "")
        text = self.name + (f":{kind}" if kind else "")
        if default is not None:
            return f"{text}={default}"
        return text if self.required else f"{text} (optional)"


_VARIABLE = re.compile(r"[?$](__?[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*)")


def _body(text: str) -> str:
    """The query text without comments and strings (where ``?_x`` is not a variable)."""
    return re.sub(r'#[^\n]*|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>\s]*>', " ", text)


@dataclass(frozen=True)
class SavedQuery:
    """A query and what its grlc header says about it.

    >>> q = SavedQuery.parse("adhoc", "SELECT ?n WHERE { ?_who <https://schema.org/name> ?n }")
    >>> [p.name for p in q.parameters], q.summary
    (['who'], '')
    """

    name: str
    text: str
    summary: str = ""
    tags: tuple[str, ...] = ()
    defaults: dict[str, str] = field(default_factory=dict)
    enumerate: tuple[str, ...] = ()
    parameters: tuple[Parameter, ...] = ()
    path: str | None = None

    @classmethod
    def parse(cls, name: str, text: str, path: str | None = None) -> SavedQuery:
        """Read the ``#+`` header (a small YAML subset: scalars and ``- item`` lists)."""
        fields: dict[str, Any] = {}
        key = None
        for line in text.splitlines():
            if not line.startswith("#+"):
                if line.strip() and not line.startswith("#"):
                    break
                continue
            body = line[2:].rstrip()
            top = re.match(r"\s?([A-Za-z_]\w*):\s*(.*)$", body)
            if top and not body.startswith("  "):
                key, value = top.group(1), top.group(2).strip()
                if value.startswith("[") and value.endswith("]"):
                    fields[key] = [v.strip().strip("\"'") for v in value[1:-1].split(",")
                                   if v.strip()]
                else:
                    fields[key] = value.strip("\"'") if value else []
                continue
            item = re.match(r"\s+-\s+(.*)$", body)
            if item and key is not None and isinstance(fields.get(key), list):
                fields[key].append(item.group(1).strip())
        defaults: dict[str, str] = {}
        for entry in fields.get("defaults", []):
            kv = re.match(r"(\w+)\s*:\s*(.*)$", entry)
            if kv:
                defaults[kv.group(1)] = kv.group(2).strip().strip("\"'")
        params: dict[str, Parameter] = {}
        for m in _VARIABLE.finditer(_body(text)):
            p = Parameter.from_variable(m.group(1))
            params.setdefault(p.name, p)
        summary = fields.get("summary", "")
        return cls(name, text, summary if isinstance(summary, str) else "",
                   tuple(str(t).strip("\"'") for t in fields.get("tags", [])), defaults,
                   tuple(str(e).strip("\"'") for e in fields.get("enumerate", [])),
                   tuple(params.values()), path)

    def parameter(self, name: str) -> Parameter:
        for p in self.parameters:
            if p.name == name:
                return p
        known = ", ".join(p.name for p in self.parameters) or "none"
        raise QueryError(f"query {self.name!r} has no parameter {name!r} (parameters: {known})")

    def signature(self) -> str:
        """The parameters with their defaults, as ``kg queries`` shows them."""
        return ", ".join(p.describe(self.defaults.get(p.name)) for p in self.parameters)


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


def read_query_file(path: str | Path, *, max_bytes: int = 1_000_000) -> SavedQuery:
    """A query from a ``.rq`` file (with or without a grlc header), named after the file."""
    from .files import read_limited
    from .reader import decode_bytes

    p = Path(path)
    data = read_limited(p, max_bytes=max_bytes, what="a SPARQL query file (.rq)",
                        hint="that is not a query")
    text = decode_bytes(data, what=str(p))
    return SavedQuery.parse(p.stem, text, str(p))


def _first_column(engine: Engine, text: str, bindings: Mapping[str, Node]) -> list[Node]:
    return [r[0] for r in engine.run(parse_sparql(text), bindings).terms if r[0] is not None]


# the article node shares its subject's name: it is never what a parameter means
_NOT_ARTICLE = f"FILTER NOT EXISTS {{ ?e a <{_SDO}Article> }}"
_SUBJECT = f"SELECT DISTINCT ?s WHERE {{ ?a <{_SDO}about> ?s }} ORDER BY ?s"
_BY_NAME = (f"SELECT DISTINCT ?e WHERE {{ ?e <{_SDO}name>|<{_SDO}alternateName> ?n . "
            f"FILTER(LCASE(STR(?n)) = LCASE(STR(?_value))) {_NOT_ARTICLE} }} ORDER BY ?e")
_EXACT_NAME = (f"SELECT DISTINCT ?e WHERE {{ {{ ?e <{_SDO}name> ?_value }} UNION "
               f"{{ ?e <{_SDO}alternateName> ?_value }} {_NOT_ARTICLE} }} ORDER BY ?e")
_BY_PRIMARY_NAME = (f"SELECT DISTINCT ?e WHERE {{ ?e <{_SDO}name> ?n . "
                    f"FILTER(LCASE(STR(?n)) = LCASE(STR(?_value))) {_NOT_ARTICLE} }} "
                    f"ORDER BY ?e")
_NAMES = f"SELECT DISTINCT ?n WHERE {{ ?e <{_SDO}name>|<{_SDO}alternateName> ?n }}"


def resolve_value(engine: Engine, param: Parameter, value: str) -> Node:
    """A parameter value as the RDF term to bind.

    Typed parameters give typed literals (the value is checked); an untyped or ``iri``
    parameter gives the entity that ``value`` names (its name or an alias, any case),
    the IRI itself, or the article's subject for ``@subject``. A name that matches no
    entity is an error naming close matches (a parameter for plain text is typed
    ``_string``).
    """
    from rdflib import Literal, URIRef

    if param.lang:
        return Literal(value, lang=param.lang)
    if param.type not in (None, "iri", "literal", "string"):
        pattern = _LEXICAL.get(param.type)
        if pattern is not None and not re.fullmatch(pattern, value.strip()):
            raise QueryError(f"parameter {param.name!r} takes an xsd:{param.type} value, "
                             f"not {value!r}")
        return Literal(value.strip(), datatype=URIRef(_XSD + param.type))
    if param.type in ("literal", "string"):  # RDF 1.1: a plain literal is an xsd:string
        return Literal(value)
    if value == "@subject":
        cache = engine.__dict__.setdefault("_kg_subject", {})  # one lookup per engine
        if "subjects" not in cache:
            cache["subjects"] = _first_column(engine, _SUBJECT, {})
        subjects = cache["subjects"]
        if not subjects:
            raise QueryError(f"the graph names no article subject; pass --param "
                             f"{param.name}=NAME")
        return subjects[0]
    if re.match(r"^(https?|urn|file):\S+$", value):
        from .sparql import check_iri

        return URIRef(check_iri(value))  # checked first: rdflib would log a warning
    key = {"_value": Literal(value.strip())}
    # an exact name is an index lookup; any-case matching scans every name
    hits = _first_column(engine, _EXACT_NAME, key) or _first_column(engine, _BY_NAME, key)
    if len(hits) > 1:  # a full name beats another entity's alias
        hits = _first_column(engine, _BY_PRIMARY_NAME, key) or hits
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        raise QueryError(f"{value!r} names {len(hits)} entities ({', '.join(map(str, hits))});"
                         f" give the fullest name or an IRI")
    names = [str(n) for n in _first_column(engine, _NAMES, {})]
    close = difflib.get_close_matches(value, names, n=3, cutoff=0.6) or \
        difflib.get_close_matches(value.casefold(), [n.casefold() for n in names], n=3,
                                  cutoff=0.6)
    hint = f"; close matches: {', '.join(repr(c) for c in close)}" if close else \
        "; 'kg query people' lists the people (type the parameter _string for plain text)"
    raise QueryError(f"no person, organisation or paper named {value!r} in the graph{hint}")


def enumerate_values(query: SavedQuery, name: str,
                     source: Engine | Graph | str | Path | None = None) -> list[str]:
    """The values a parameter can usefully take in ``source`` (grlc's ``enumerate``).

    The query's WHERE group is run with the parameter left free, and the distinct values
    it takes are listed: by ``schema:name`` for entities, as they are for literals.

    >>> enumerate_values(get_query("organization-people"), "organization")[:3]
    ['Cistercian Preparatory School', 'Facebook AI Research', 'Franklin W. Olin College of Engineering']
    """  # noqa: E501
    from .sparql import where_group

    param = query.parameter(name)
    form = parse_sparql(query.text).form
    prologue, group = where_group(query.text, form)
    text = (f"{prologue}\nSELECT DISTINCT ?value WHERE {{ {{ SELECT DISTINCT ?{param.variable} "
            f"WHERE {group} }} OPTIONAL {{ ?{param.variable} <{_SDO}name> ?label }} "
            f"BIND(COALESCE(?label, ?{param.variable}) AS ?value) }} ORDER BY ?value")
    return [r[0] for r in _as_engine(source).run(parse_sparql(text)).rows]


def _as_engine(source: Engine | Graph | str | Path | None) -> Engine:
    if isinstance(source, Engine):
        return source
    if source is None or isinstance(source, str | Path):
        return open_engine(source)
    return RdflibEngine(source)


def bind(query: SavedQuery, engine: Engine,
         params: Mapping[str, str] | None = None) -> dict[str, Node]:
    """The bindings for ``query``: its defaults overridden by ``params``, as RDF terms."""
    values = dict(query.defaults)
    for k, v in (params or {}).items():
        query.parameter(k)  # unknown names are errors
        values[k] = v
    bindings: dict[str, Node] = {}
    for p in query.parameters:
        if p.name in values:
            bindings[p.variable] = resolve_value(engine, p, values[p.name])
        elif p.required:
            raise QueryError(f"query {query.name!r} needs a value for {p.name!r}: "
                             f"--param {p.name}=VALUE")
    return bindings


def run_query(
    query: SavedQuery | str,
    source: Engine | Graph | str | Path | None = None,
    params: Mapping[str, str] | None = None,
    *,
    timeout: float | None = None,
    max_rows: int | None = None,
    allow_service: Iterable[str] = (),
) -> QueryResult:
    """Run a saved query (or its name) with parameters bound as RDF terms.

    ``source`` is an :class:`kg.engines.Engine`, an rdflib Graph, a graph file, or
    ``None`` for the bundled graph. The query is read first and refused if unsafe (an
    update, ``FROM``, or ``SERVICE`` to an endpoint not in ``allow_service``) before
    anything runs. With ``timeout`` (seconds) the whole run (parsing the query, loading
    a graph file, running) happens in a worker process that is stopped when time is up
    (:class:`kg.errors.QueryTimeout`); with ``max_rows`` at most that many rows (for
    CONSTRUCT and DESCRIBE: triples) are returned and ``result.truncated`` says whether
    more were left out.

    >>> t = run_query("first-author-papers-by-year")
    >>> t.columns
    ['year', 'title']
    >>> t.rows[0][0], t.rows[0][1][:40]
    ('2015', 'Unsupervised Representation Learning wit')
    >>> r = run_query("people", max_rows=2)
    >>> r.rows, r.truncated
    ([['Aditya Ramesh'], ['Alec Radford']], True)
    """
    from .limits import call_with_timeout

    q = get_query(query) if isinstance(query, str) else query

    def work() -> QueryResult:  # parsing, loading and running, all within the limit
        sparql: Sparql = parse_sparql(q.text, frozenset(allow_service))
        engine = _as_engine(source)
        return engine.run(sparql, bind(q, engine, params), max_rows=max_rows)

    return call_with_timeout(work, timeout)
