"""One exception family for the library; the CLI turns it into exit codes."""

from __future__ import annotations

__all__ = [
    "KGError",
    "InputError",
    "GraphError",
    "UnsafeInputError",
    "QueryError",
    "UnsafeQueryError",
    "EndpointError",
    "QueryTimeout",
    "ModelError",
    "ValidationError",
    "EXIT_OK",
    "EXIT_USAGE",
    "EXIT_INPUT",
    "EXIT_UNSAFE",
    "EXIT_PARTIAL",
    "EXIT_TIMEOUT",
    "EXIT_INTERNAL",
    "EXIT_INVALID",
]

EXIT_OK = 0
EXIT_USAGE = 1
EXIT_INPUT = 2
EXIT_UNSAFE = 3
EXIT_TIMEOUT = 4  # a query that ran out of time
EXIT_INVALID = 5
EXIT_PARTIAL = 6  # a batch where some articles were built and some skipped
EXIT_INTERNAL = 70  # a bug in kg (EX_SOFTWARE); the message says how to report it


class KGError(Exception):
    """Base of every error kg raises on purpose. The message says what to do."""

    exit_code = EXIT_USAGE


class InputError(KGError):
    """An article or graph file that cannot be read."""

    exit_code = EXIT_INPUT


class GraphError(InputError):
    """A graph file that does not parse."""


class UnsafeInputError(InputError):
    """An input kg refuses to read: XML with a DTD, JSON-LD with remote contexts."""

    exit_code = EXIT_UNSAFE


class QueryError(KGError):
    """A saved query that does not exist, a bad parameter, or a query that fails."""

    exit_code = EXIT_USAGE


class UnsafeQueryError(QueryError):
    """A query kg refuses to run: an update, or one that would reach outside the graph."""

    exit_code = EXIT_UNSAFE


class QueryTimeout(QueryError):
    """A query that did not finish within its time limit."""

    exit_code = EXIT_TIMEOUT


class EndpointError(InputError):
    """A SPARQL endpoint that cannot be reached or does not answer as SPARQL 1.1 says."""


class ModelError(KGError):
    """The spaCy pipeline named with ``--model`` cannot be loaded."""

    exit_code = EXIT_USAGE


class ValidationError(KGError):
    """The graph does not conform to the SHACL shapes."""

    exit_code = EXIT_INVALID
