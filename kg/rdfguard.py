"""Guards around rdflib for input kg does not trust: no log lines, no runaway literals.

rdflib turns every typed literal it meets (in a graph file, a query or a result) into a
Python value, and back into its canonical text. Two things go wrong on hostile input:

- A lexical form the converter rejects (an ill-formed ``rdf:XMLLiteral``, an
  ``xsd:integer`` over Python's 4,300-digit limit, a date such as ``"2020-13-45"``) is
  logged with its traceback through :mod:`logging`; with no handler configured Python
  prints it on stderr. The literal itself is kept, ill-typed, as RDF allows, so kg only
  needs the log to stay quiet: a :class:`logging.NullHandler` on the ``rdflib`` logger.
- ``"1E999999999"^^xsd:decimal`` (86 bytes in a file) becomes ``Decimal("1E999999999")``,
  whose canonical text rdflib writes out in full: a billion digits, 30 s and 8 GB. An
  exponent is not part of xsd:decimal's lexical space anyway, so kg's converter accepts
  only ``[+-]digits[.digits]`` and the literal is kept as written (ill-typed), as
  pyoxigraph keeps it.

:func:`guard_rdflib` installs both, once; the modules that import rdflib call it.

>>> guard_rdflib()
>>> from rdflib import Literal, XSD
>>> str(Literal("1E999999999", datatype=XSD.decimal))
'1E999999999'
>>> Literal("2.50", datatype=XSD.decimal).value
Decimal('2.50')
"""

from __future__ import annotations

import logging
import re
from decimal import Decimal

__all__ = ["guard_rdflib", "xsd_decimal"]

_DECIMAL = re.compile(r"\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)\s*")
_guarded = False


def xsd_decimal(lexical: str) -> Decimal:
    """The value of an xsd:decimal lexical form; anything else (an exponent, ``NaN``) is a
    ValueError, so rdflib keeps the literal ill-typed instead of expanding it.

    >>> xsd_decimal(" -1.5 ")
    Decimal('-1.5')
    >>> xsd_decimal("1E5")
    Traceback (most recent call last):
    ...
    ValueError: '1E5' is not an xsd:decimal
    """
    if not isinstance(lexical, str) or not _DECIMAL.fullmatch(lexical):
        raise ValueError(f"{str(lexical)[:40]!r} is not an xsd:decimal")
    return Decimal(lexical)


def guard_rdflib() -> None:
    """Quiet rdflib's conversion warnings and bound its xsd:decimal conversion (once)."""
    global _guarded
    if _guarded:
        return
    import rdflib.term

    log = logging.getLogger("rdflib")
    if not any(isinstance(h, logging.NullHandler) for h in log.handlers):
        log.addHandler(logging.NullHandler())
    mapping = rdflib.term._toPythonMapping
    mapping[rdflib.term.URIRef("http://www.w3.org/2001/XMLSchema#decimal")] = xsd_decimal
    _guarded = True
