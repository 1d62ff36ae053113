"""SPARQL text: which form a query has, refusing updates, and binding values as terms.

:func:`parse_sparql` parses a query with rdflib's SPARQL grammar before anything runs: an
update (``INSERT``, ``DELETE``, ``LOAD``, ``CLEAR``, ``DROP`` ...) is refused with
:class:`kg.errors.UnsafeQueryError`, a syntax error names the line and column.

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
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rdflib import BNode, Literal, URIRef

from .errors import QueryError, UnsafeQueryError

if TYPE_CHECKING:
    from rdflib.term import Node

__all__ = ["Sparql", "parse_sparql", "with_values", "term_to_sparql"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_BAD_IRI = re.compile(r'[<>"{}|^`\\\x00-\x20]')


@dataclass(frozen=True)
class Sparql:
    """A parsed, read-only query: its text, its form and rdflib's parse tree.

    ``star`` says whether it is ``SELECT *``. Engines may keep what they make of the query
    (rdflib's algebra) in ``prepared``; rdflib's translation changes the tree it is given,
    so it is made once per parsed query.
    """

    text: str
    form: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    tree: Any = field(default=None, repr=False, compare=False)
    star: bool = False
    prepared: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


@lru_cache(maxsize=64)
def parse_sparql(text: str) -> Sparql:
    """Parse ``text`` as a SPARQL 1.1 query; refuse updates and report syntax errors.

    >>> parse_sparql("ASK { ?s ?p ?o }").form
    'ASK'
    >>> parse_sparql("DROP ALL")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.UnsafeQueryError: kg runs read-only queries and this is a SPARQL update ...
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        tree = parseQuery(text)
    except ParseException as exc:
        try:
            update = parseUpdate(text)
        except Exception:
            update = None
        if update is not None and len(update.request):
            first = " ".join(text.split())[:40]
            raise UnsafeQueryError(f"kg runs read-only queries and this is a SPARQL update "
                                   f"({first}); nothing was run") from None
        raise QueryError(f"not a valid SPARQL query: {exc.msg} at line {exc.lineno}, "
                         f"column {exc.col}") from None
    except Exception as exc:  # the grammar's actions raise plain exceptions too
        raise QueryError(f"not a valid SPARQL query: {str(exc).splitlines()[0][:200]}") from None
    form = tree[1].name.removesuffix("Query").upper()
    return Sparql(text, form, tree, form == "SELECT" and "projection" not in tree[1])


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
    if strict and (_BAD_IRI.search(str(term)) or ":" not in str(term)):
        raise QueryError(f"{str(term)!r} is not an IRI")
    return f"<{term}>"


_TOKEN = re.compile(
    r"""(?P<comment>\#[^\n]*)
      | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
                  |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
      | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
      | (?P<var>[?$]\w+)
      | (?P<pname>[A-Za-z][\w.-]*:[\w.:%-]*|:[\w.:%-]*)
      | (?P<word>[A-Za-z_]\w*)
      | (?P<open>\{) | (?P<close>\})
      | (?P<other>.)""",
    re.X | re.S,
)


def _where_brace(text: str, form: str) -> int:
    """The offset of the ``{`` that opens the query's top-level WHERE group."""
    depth, groups_closed, after_where = 0, 0, False
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if kind == "word" and depth == 0 and m.group().upper() == "WHERE":
            after_where = True
        elif kind == "open":
            if depth == 0 and (after_where or form != "CONSTRUCT" or groups_closed >= 1):
                return m.start()
            depth += 1
        elif kind == "close":
            depth -= 1
            groups_closed += depth == 0
    raise QueryError("cannot bind parameters: the query has no WHERE group")


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
