"""SPARQL text: which form a query has, refusing updates, and binding values as terms.

:func:`parse_sparql` reads a query's form before anything runs: an update (``INSERT``,
``DELETE``, ``LOAD``, ``CLEAR``, ``DROP`` ...) is refused with
:class:`kg.errors.UnsafeQueryError`.

:func:`with_values` binds variables for an engine that only takes query text (a SPARQL
endpoint over HTTP): it adds a ``VALUES`` block at the start of the query's ``WHERE``
group, with each value written as an RDF term (IRIs checked, strings escaped), so a value
can never change the query around it.

>>> parse_sparql("SELECT ?s WHERE { ?s ?p ?o }").form
'SELECT'
>>> print(with_values("SELECT ?n WHERE { ?p <https://schema.org/name> ?n }",
...                   {"p": URIRef("https://example.org/a")}))
SELECT ?n WHERE { VALUES (?p) { (<https://example.org/a>) } ?p <https://schema.org/name> ?n }
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Literal, URIRef

from .errors import KGError, QueryError, UnsafeQueryError
from .rdfguard import guard_rdflib

if TYPE_CHECKING:
    from rdflib.term import Node

guard_rdflib()  # quiet conversion warnings, bounded xsd:decimal (kg.rdfguard)

__all__ = ["Sparql", "parse_sparql", "bind", "with_values", "where_group", "term_to_sparql",
           "check_iri"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_BAD_IRI = re.compile(r'[<>"{}|^`\\\x00-\x20]')


@dataclass(frozen=True)
class Sparql:
    """A read-only query: its text, its form, and whether it is ``SELECT *``.

    Engines may keep what they make of the query (rdflib's parsed algebra) in
    ``prepared``, so a query run many times is parsed once.
    """

    text: str
    form: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    star: bool = False
    allow_service: frozenset[str] = frozenset()
    prepared: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _codepoint(m: re.Match[str]) -> str:
    code = int(m.group(1) or m.group(2), 16)
    if code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        raise QueryError(f"not a valid SPARQL query: {m.group()} is not a character")
    return chr(code)


@lru_cache(maxsize=256)
def parse_sparql(text: str, allow_service: frozenset[str] = frozenset()) -> Sparql:
    """Parse the query in ``text`` with rdflib's SPARQL 1.1 parser; refuse unsafe queries
    before anything runs.

    Refused (:class:`kg.errors.UnsafeQueryError`): updates (``INSERT``, ``DELETE``,
    ``LOAD``, ``CLEAR``, ``DROP`` ...), dataset clauses (``FROM``, ``FROM NAMED``: they
    would read other graphs, from the web or the file system) and ``SERVICE`` calls,
    except to the endpoints in ``allow_service``. The check reads the parsed algebra, not
    the text, so comments, strings, escapes and prefixed names cannot hide a ``SERVICE``.
    Before parsing, line ends are made ``\\n`` and ``\\u`` escapes are replaced once (the
    engines then see no escapes of their own to replace); an escape that makes another is
    refused. The rdflib algebra is kept in ``prepared`` for the rdflib engine.

    >>> parse_sparql("PREFIX s: <https://schema.org/> ASK { ?x s:name 'DROP ALL' }").form
    'ASK'
    >>> parse_sparql("SELECT DISTINCT * WHERE { ?s ?p ?o }").star
    True
    >>> parse_sparql("DROP ALL")
    Traceback (most recent call last):
    ...
    kg.errors.UnsafeQueryError: kg runs read-only queries and this is a SPARQL update; nothing was run
    >>> parse_sparql("SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    kg.errors.UnsafeQueryError: SERVICE <http://127.0.0.1:9/> would send the query to another server; kg refuses it unless you pass --allow-service http://127.0.0.1:9/
    """  # noqa: E501
    import logging

    from pyparsing import ParseException
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CODEPOINT.sub(_codepoint, text)
    if _CODEPOINT.search(text):
        raise UnsafeQueryError("a \\u escape in this query makes another escape; kg refuses "
                               "queries whose meaning depends on how often escapes are read")
    quiet = logging.getLogger("rdflib.term")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # rdflib warns about odd IRIs while parsing
    try:
        try:
            tree = parseQuery(text)
        except ParseException as exc:
            try:
                update = parseUpdate(text)
            except Exception:
                update = None
            if update is not None and len(update.request):
                raise UnsafeQueryError("kg runs read-only queries and this is a SPARQL update; "
                                       "nothing was run") from None
            raise QueryError(f"not a valid SPARQL query: {exc.msg} at line {exc.lineno}, "
                             f"column {exc.col}") from None
        star = tree[1].name == "SelectQuery" and "projection" not in tree[1]
        algebra = translateQuery(tree)
    except KGError:
        raise
    except Exception as exc:  # the grammar's and the algebra's actions raise plain errors
        raise QueryError(f"not a valid SPARQL query: {str(exc).splitlines()[0][:200]}") from None
    finally:
        quiet.setLevel(level)
    main = algebra.algebra
    if main.get("datasetClause"):
        raise UnsafeQueryError("FROM and FROM NAMED would read other graphs (from the web or "
                               "the file system); kg queries only the graph you give it, so "
                               "leave them out")
    for target in _services(main):
        if not isinstance(target, URIRef) or str(target) not in allow_service:
            shown = f"<{target}>" if isinstance(target, URIRef) else f"?{target}"
            hint = (f"kg refuses it unless you pass --allow-service {target}"
                    if isinstance(target, URIRef) else
                    "kg refuses a SERVICE whose endpoint is not a fixed IRI")
            raise UnsafeQueryError(f"SERVICE {shown} would send the query to another server; "
                                   f"{hint}")
    form = main.name.removesuffix("Query").upper()
    return Sparql(text, form, star, allow_service, {"rdflib": algebra, "tree": tree})


def _services(node: Any) -> Iterator[Any]:
    """The endpoint of every SERVICE in a parsed query's algebra."""
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            yield node.get("term")
        for v in node.values():
            yield from _services(v)
    elif isinstance(node, list | tuple):
        for v in node:
            yield from _services(v)


def term_to_sparql(term: Node, *, strict: bool = True) -> str:
    """An RDF term written in SPARQL (and N-Triples) syntax.

    With ``strict`` an IRI that SPARQL cannot hold is an error rather than written.

    >>> term_to_sparql(Literal('say "hi"'))
    '"say \\\\"hi\\\\""'
    >>> term_to_sparql(URIRef("a> } SERVICE <http://127.0.0.1:9/> {"))
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: 'a> } SERVICE <http://127.0.0.1:9/> {' is not an IRI
    """
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        dt = str(term.datatype or "")
        text = str(term)
        if dt in (_XSD + "integer", _XSD + "decimal") and re.fullmatch(r"[+-]?\d+(\.\d+)?",
                                                                        text):
            return text
        text = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
                .replace("\r", "\\r").replace("\t", "\\t"))
        if term.language:
            return f'"{text}"@{term.language}'
        if dt and dt != _XSD + "string":
            return f'"{text}"^^{term_to_sparql(URIRef(dt), strict=strict)}'
        return f'"{text}"'
    if strict:
        check_iri(str(term))
    return f"<{term}>"


def check_iri(text: str) -> str:
    """``text`` if SPARQL can hold it as an IRI, else :class:`~kg.errors.QueryError` (check
    a value before making it a URIRef: rdflib logs a warning for a bad one).

    >>> check_iri("http://a{b")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: 'http://a{b' is not an IRI
    """
    if _BAD_IRI.search(text) or ":" not in text:
        raise QueryError(f"{text!r} is not an IRI")
    return text


_TOKEN = re.compile(
    r"""(?P<comment>\#[^\n]*)
      | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                  |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
      | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<var>[?$]\w+)
      | (?P<pname>(?:[^\W\d_][\w.-]*)?:(?:[\w.:%-]|\\[_~.!$&'()*+,;=/?\#@%-])*)
      | (?P<word>[A-Za-z_]\w*)
      | (?P<open>\{) | (?P<close>\}) | (?P<paren>\() | (?P<unparen>\))
      | (?P<other>.)""",
    re.X | re.S,
)


def _where_brace(text: str, form: str) -> int:
    """The offset of the ``{`` that opens the query's top-level WHERE group."""
    depth, parens, groups_closed, after_where = 0, 0, 0, False
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "word" and depth == 0 and m.group().upper() == "WHERE":
            after_where = True
        elif kind == "paren":
            parens += 1
        elif kind == "unparen":
            parens -= 1
        elif kind == "open":
            if depth == 0 and parens == 0 and (after_where or form != "CONSTRUCT"
                                               or groups_closed >= 1):
                return m.start()
            depth += 1
        elif kind == "close":
            depth -= 1
            groups_closed += depth == 0 and parens == 0
    raise QueryError("cannot bind parameters: the query has no WHERE group")


def where_group(text: str, form: str = "SELECT") -> tuple[str, str]:
    """The prologue (``PREFIX``/``BASE`` lines) and the top-level WHERE group of a query,
    braces included.

    >>> where_group("PREFIX s: <https://schema.org/> SELECT ?n WHERE { ?p s:name ?n } LIMIT 1")
    ('PREFIX s: <https://schema.org/>', '{ ?p s:name ?n }')
    """
    start = _where_brace(text, form)
    depth = 0
    for m in _TOKEN.finditer(text, start):
        if m.lastgroup == "open":
            depth += 1
        elif m.lastgroup == "close":
            depth -= 1
            if depth == 0:
                head = text[:start]
                cut = next((t.start() for t in _TOKEN.finditer(head) if t.lastgroup == "word"
                            and t.group().upper() in ("SELECT", "ASK", "CONSTRUCT",
                                                      "DESCRIBE")), 0)
                prologue = head[:cut]
                return prologue.strip(), text[start: m.end()]
    raise QueryError("the query's WHERE group is not closed")


def bind(query: Sparql, bindings: Mapping[str, Node]) -> Sparql:
    """``query`` with ``bindings`` as a ``VALUES`` block, checked again as the engine gets it.

    The bound text is parsed anew by :func:`parse_sparql` (the same safety check, with the
    query's ``allow_service``), and its parse must be the original query's with exactly one
    ``VALUES`` block of the bound variables added at the start of the WHERE group. So a
    value can only ever be a value, whatever the query text around it: the text an engine
    receives is the text that was checked.

    >>> q = parse_sparql("PREFIX ex: <http://e/> SELECT ?o WHERE { ?s ex:a\\\\#b ?o }")
    >>> print(bind(q, {"s": URIRef("http://e/x")}).text)
    PREFIX ex: <http://e/> SELECT ?o WHERE { VALUES (?s) { (<http://e/x>) } ?s ex:a\\#b ?o }
    """
    if not bindings:
        return query
    cannot = QueryError("kg cannot bind parameters in this query: use them in the query's "
                        "top-level WHERE group (not in the CONSTRUCT WHERE short form), or "
                        "write the values into the query text")
    text = with_values(query.text, bindings, query.form)
    try:
        bound = parse_sparql(text, query.allow_service)
    except UnsafeQueryError:
        raise
    except QueryError:
        raise cannot from None
    if bound.text != text or not _adds_values(query, bound, list(bindings)):
        raise cannot
    return bound


def _tree(query: Sparql) -> Any:
    tree = query.prepared.get("tree")
    if tree is None:
        from rdflib.plugins.sparql.parser import parseQuery

        tree = parseQuery(query.text)
    return tree


def _adds_values(query: Sparql, bound: Sparql, names: list[str]) -> bool:
    """Whether ``bound`` parses as ``query`` plus one leading VALUES block over ``names``."""
    before, after = _tree(query), _tree(bound)
    if repr(before[0]) != repr(after[0]):  # the prologue
        return False
    old, new = before[1], after[1]
    if old.name != new.name or list(old.keys()) != list(new.keys()):
        return False
    if any(repr(old[k]) != repr(new[k]) for k in old.keys() if k != "where"):
        return False
    old_where, new_where = old.get("where"), new.get("where")
    if getattr(new_where, "name", None) != "GroupGraphPatternSub":
        return False
    old_parts = list(old_where.get("part") or []) if old_where is not None else []
    new_parts = list(new_where.get("part") or [])
    if not new_parts or repr(new_parts[1:]) != repr(old_parts):
        return False
    block = new_parts[0]
    return (getattr(block, "name", None) == "InlineData"
            and [str(v) for v in block.get("var", [])] == names
            and len(block.get("value", [])) == 1)


def with_values(text: str, bindings: Mapping[str, Node], form: str = "SELECT") -> str:
    """``text`` with ``bindings`` added as a ``VALUES`` block at the start of its WHERE group.

    >>> print(with_values('ASK WHERE { ?s ?p ?_x }', {"_x": Literal('x" } ?s ?p ?o #')}))
    ASK WHERE { VALUES (?_x) { ("x\\" } ?s ?p ?o #") } ?s ?p ?_x }
    """
    if not bindings:
        return text
    names = list(bindings)
    for n in names:
        if not re.fullmatch(r"\w+", n):
            raise QueryError(f"{n!r} is not a SPARQL variable name")
    values = " ".join(term_to_sparql(bindings[n]) for n in names)
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({values}) }}"
    at = _where_brace(text, form) + 1
    return text[:at] + block + text[at:]
