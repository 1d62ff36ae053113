"""Saved queries at scale: kg's engines against pyoxigraph itself, on a synthetic corpus.

Two figures, each a ratio to a baseline measured in the same run:

- Startup: ``kg query first-author-papers-by-year`` end to end (a subprocess, on the
  bundled graph) against ``python -c "import rdflib"``; medians of several runs. Target:
  at most 2x.
- Scale: every saved query (default parameters; required parameters without a default
  get values read from the graph) on a synthetic graph (``benchmarks/synth.py``), run (a)
  by kg (``kg.queries.run_query`` on an ``OxigraphEngine``: name resolution, the query,
  every value read as text, as the CLI prints it) and (b) by pyoxigraph directly on the
  same store, with the exact text kg sends (``kg.sparql.bind`` of the bindings
  ``kg.queries.bind`` resolved), every value of every row read. Target: (a)/(b) at most
  1.5x. The time of ``bind`` alone is reported beside it. rdflib's engine runs each
  query in a forked worker with a time limit (``> limit`` when exceeded).

    python benchmarks/bench_queries.py [--papers 100000] [--seed 1] [--graph FILE.nt]
        [--engines rdflib,oxigraph] [--rdflib-timeout 60] [--repeat 3] [--out FILE.md]

Without ``--graph`` the synthetic graph is generated into a temporary folder (removed at
the end); ``python benchmarks/synth.py --papers N -o FILE.nt`` writes one to reuse.
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from kg.engines import Engine, OxigraphEngine, RdflibEngine  # noqa: E402
from kg.queries import SavedQuery, bind, list_queries, run_query  # noqa: E402
from kg.results import QueryResult  # noqa: E402
from kg.sparql import bind as bind_values  # noqa: E402
from kg.sparql import parse_sparql  # noqa: E402

RATIO_TARGET = 1.5
STARTUP_TARGET = 2.0
_PREFIXES = ("PREFIX schema: <https://schema.org/>\n"
             "PREFIX kg: <https://w3id.org/kg/ontology#>\n")

# Values for required parameters that have no default, read from the graph.
_PICKS = {
    # the subject's most frequent co-author
    "other": """SELECT ?name (COUNT(DISTINCT ?paper) AS ?n) WHERE {
        ?article schema:about ?s .
        ?paper a schema:ScholarlyArticle ; schema:author ?s , ?o .
        FILTER(?o != ?s)
        ?o schema:name ?name .
      } GROUP BY ?o ?name ORDER BY DESC(?n) ?name LIMIT 1""",
    # the subject's name
    "person": """SELECT ?name WHERE { ?article schema:about ?s . ?s schema:name ?name }
      ORDER BY ?name LIMIT 1""",
    # the first (by title) of the subject's papers with the most authors
    "paper": """SELECT ?title (COUNT(?a) AS ?n) WHERE {
        ?article schema:about ?s .
        ?paper a schema:ScholarlyArticle ; schema:author ?s , ?a ; schema:name ?title .
      } GROUP BY ?paper ?title ORDER BY DESC(?n) ?title LIMIT 1""",
    # the year with the most papers
    "year": """SELECT ?year (COUNT(?paper) AS ?n) WHERE {
        ?paper a schema:ScholarlyArticle ; schema:datePublished ?d .
        BIND(SUBSTR(STR(?d), 1, 4) AS ?year)
      } GROUP BY ?year ORDER BY DESC(?n) ?year LIMIT 1""",
    # the organisation with the most affiliation statements
    "organization": """SELECT ?name (COUNT(?st) AS ?n) WHERE {
        ?st kg:organization ?o . ?o schema:name ?name .
      } GROUP BY ?o ?name ORDER BY DESC(?n) ?name LIMIT 1""",
}


def pick_value(engine: Engine, name: str) -> str | None:
    """A value for parameter ``name`` read from the graph (None if kg has no rule for it)."""
    text = _PICKS.get(name)
    if text is None:
        return None
    res = engine.run(parse_sparql(_PREFIXES + text), {})
    return res.rows[0][0] if res.rows else None


def params_for(q: SavedQuery, engine: Engine, cache: dict[str, str | None]) -> dict[str, str]:
    """Values for the required parameters of ``q`` that have no default."""
    out: dict[str, str] = {}
    for p in q.parameters:
        if not p.required or p.name in q.defaults:
            continue
        key = "year" if p.type in ("integer", "gYear") else p.name
        if key not in cache:
            cache[key] = pick_value(engine, key)
        value = cache[key]
        if value is None:
            raise LookupError(f"no value for parameter {p.name!r}")
        out[p.name] = value
    return out


def size(res: QueryResult) -> str:
    """Rows of a SELECT, triples of a graph, or the answer of an ASK."""
    if res.form == "ASK":
        return str(bool(res.boolean)).lower()
    if res.graph is not None:
        return f"{len(res.graph)} triples"
    return str(len(res.rows))  # every value as text, as kg prints them


def run_direct(store: Any, text: str, form: str) -> str:
    """Run ``text`` on a pyoxigraph store and touch every value of the result."""
    res = store.query(text)
    if form == "ASK":
        return str(bool(res)).lower()
    if form in ("CONSTRUCT", "DESCRIBE"):
        n = 0
        for t in res:
            t.subject, t.predicate, t.object  # noqa: B018 - touch each term
            n += 1
        return f"{n} triples"
    n = 0
    for s in res:  # every value as text, as kg's rows give them
        [None if t is None else t.value for t in s]
        n += 1
    return str(n)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def median_time(fn: Callable[[], Any], repeat: int) -> float:
    return statistics.median(timed(fn)[0] for _ in range(repeat))


@dataclass
class Row:
    query: str
    rows: str = ""
    rdflib: str = "-"
    kg: float | None = None
    bind: float | None = None
    run: float | None = None
    direct: float | None = None
    terms: float | None = None
    note: str = ""
    mismatch: bool = False

    @property
    def ratio(self) -> float | None:
        if self.kg is None or not self.direct:
            return None
        return self.kg / self.direct

    @property
    def run_ratio(self) -> float | None:
        if self.run is None or not self.direct:
            return None
        return self.run / self.direct


@dataclass
class Report:
    header: list[str] = field(default_factory=list)
    rows: dict[str, Row] = field(default_factory=dict)

    def row(self, name: str) -> Row:
        return self.rows.setdefault(name, Row(name))


def add_note(row: Row, note: str) -> None:
    row.note = f"{row.note}; {note}" if row.note else note


def fmt_s(t: float | None) -> str:
    if t is None:
        return "-"
    return f"{t:.4f}" if t < 0.1 else f"{t:.3f}" if t < 10 else f"{t:.1f}"


def over_target(r: float | None) -> bool:
    return r is not None and round(r, 2) > RATIO_TARGET


def fmt_ratio(r: float | None) -> str:
    if r is None:
        return "-"
    text = f"{r:.2f}" if r < 100 else f"{r:.0f}"
    return f"**{text}**" if over_target(r) else text


def markdown(report: Report) -> str:
    out = list(report.header)
    out += ["", "| query | rows | rdflib s | oxigraph-kg s | pyoxigraph-direct s | ratio "
            "| bind s | kg run s | run ratio | with rdflib terms s |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in report.rows.values():
        rows = r.rows + (" (!)" if r.mismatch else "")
        out.append(f"| {r.query} | {rows} | {r.rdflib} | {fmt_s(r.kg)} | {fmt_s(r.direct)} | "
                   f"{fmt_ratio(r.ratio)} | {fmt_s(r.bind)} | {fmt_s(r.run)} | "
                   f"{fmt_ratio(r.run_ratio)} | {fmt_s(r.terms)} |")
    notes = [f"- {r.query}: {r.note}" for r in report.rows.values() if r.note]
    if notes:
        out += ["", *notes]
    ratios = [r.ratio for r in report.rows.values() if r.ratio is not None]
    if ratios:
        over = [r.query for r in report.rows.values() if over_target(r.ratio)]
        out += ["", f"ratio = oxigraph-kg / pyoxigraph-direct (target <= {RATIO_TARGET:g}): "
                f"geometric mean {statistics.geometric_mean(ratios):.2f}, max "
                f"{max(ratios):.2f}; above target: {', '.join(over) if over else 'none'}. "
                "oxigraph-kg is `run_query` (name resolution + `OxigraphEngine.run`); bind s is "
                "`kg.queries.bind` alone (resolving the parameters' names); kg run s is "
                "`OxigraphEngine.run` alone; run ratio = kg run / pyoxigraph-direct; both "
                "sides read every value as text (kg: `result.rows`, what the CLI prints; "
                "pyoxigraph: `term.value`). with rdflib terms s is `run_query` plus building "
                "every row's rdflib terms (`result.terms`, for API users who want them)."]
    return "\n".join(out) + "\n"


# -- startup ------------------------------------------------------------------------------

def kg_script() -> list[str]:
    exe = Path(sys.executable).parent / "kg"
    if not exe.exists():
        raise SystemExit(f"no kg console script beside {sys.executable}; pip install -e .")
    return [str(exe)]


def startup(runs: int) -> tuple[float, float]:
    """Medians of ``kg query first-author-papers-by-year`` and ``python -c 'import rdflib'``."""
    kg_cmd = [*kg_script(), "query", "first-author-papers-by-year"]
    base_cmd = [sys.executable, "-c", "import rdflib"]

    def run(cmd: list[str]) -> float:
        t, proc = timed(lambda: subprocess.run(cmd, stdout=subprocess.DEVNULL,
                                               stderr=subprocess.PIPE, check=False))
        if proc.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.decode()[:300]}")
        return t

    run(kg_cmd), run(base_cmd)  # warm the file system caches
    kg_times, base_times = [], []
    for _ in range(runs):  # interleaved, so drift hits both alike
        kg_times.append(run(kg_cmd))
        base_times.append(run(base_cmd))
    return statistics.median(kg_times), statistics.median(base_times)


# -- the engines --------------------------------------------------------------------------

def bench_oxigraph(engine: OxigraphEngine, queries: Sequence[SavedQuery],
                   params: Mapping[str, dict[str, str]], report: Report, repeat: int) -> None:
    store = engine.store
    for q in queries:
        row = report.row(q.name)
        if q.name not in params:
            continue
        ps = params[q.name]
        try:
            sparql = parse_sparql(q.text)
            form = sparql.form
            bindings = bind(q, engine, ps)
            text = bind_values(sparql, bindings).text
            row.rows = size(run_query(q, engine, ps))  # a warm-up, and the row count
        except Exception as exc:  # a query kg refuses or fails on: say so, go on
            row.kg = None
            add_note(row, f"kg: {type(exc).__name__}: {str(exc)[:200]}")
            continue

        def run_kg(q: SavedQuery = q, ps: dict[str, str] = ps) -> str:
            return size(run_query(q, engine, ps))

        def direct(text: str = text, form: str = form) -> str:
            return run_direct(store, text, form)

        def run_terms(q: SavedQuery = q, ps: dict[str, str] = ps) -> int:
            return len(list(run_query(q, engine, ps).terms))

        def run_bind(q: SavedQuery = q, ps: dict[str, str] = ps) -> Any:
            return bind(q, engine, ps)

        def run_engine(sparql: Any = sparql, bindings: Any = bindings) -> str:
            return size(engine.run(sparql, bindings))

        d_rows = direct()
        row.mismatch = row.rows != d_rows and form == "SELECT"
        if row.rows != d_rows:
            why = " (kg's rdflib Graph drops duplicate triples)" if form != "SELECT" else ""
            add_note(row, f"pyoxigraph gives {d_rows}{why}")
        kg_t, direct_t, bind_t, run_t, terms_t = [], [], [], [], []
        for _ in range(repeat):  # interleaved, so drift hits all alike
            kg_t.append(timed(run_kg)[0])
            direct_t.append(timed(direct)[0])
            bind_t.append(timed(run_bind)[0])
            run_t.append(timed(run_engine)[0])
            terms_t.append(timed(run_terms)[0])
        row.kg, row.direct = statistics.median(kg_t), statistics.median(direct_t)
        row.bind, row.run = statistics.median(bind_t), statistics.median(run_t)
        row.terms = statistics.median(terms_t)
        print(f"  {q.name}: {row.rows} rows, kg {fmt_s(row.kg)} s (bind {fmt_s(row.bind)} s, "
              f"run {fmt_s(row.run)} s), pyoxigraph {fmt_s(row.direct)} s", file=sys.stderr,
              flush=True)


def _rdflib_worker(conn: Connection, engine: RdflibEngine, q: SavedQuery,
                   ps: dict[str, str], repeat: int) -> None:
    try:
        t, res = timed(lambda: run_query(q, engine, ps))
        times = [t]
        while len(times) < repeat and sum(times) < 1.0:  # repeat only the quick ones
            times.append(timed(lambda: run_query(q, engine, ps))[0])
        conn.send(("ok", statistics.median(times), size(res)))
    except Exception as exc:  # report any failure to the parent
        conn.send(("error", f"{type(exc).__name__}: {str(exc)[:200]}", ""))
    finally:
        conn.close()


def bench_rdflib(engine: RdflibEngine, queries: Sequence[SavedQuery],
                 params: Mapping[str, dict[str, str]], report: Report, repeat: int,
                 limit: float) -> None:
    ctx = multiprocessing.get_context("fork")  # the worker shares the loaded graph
    for q in queries:
        row = report.row(q.name)
        if q.name not in params:
            continue
        parent, child = ctx.Pipe(duplex=False)
        proc = ctx.Process(target=_rdflib_worker, args=(child, engine, q, params[q.name],
                                                        repeat))
        t0 = time.perf_counter()
        proc.start()
        child.close()
        if parent.poll(limit):
            try:
                status, value, rows = parent.recv()
            except EOFError:  # the worker died (out of memory?)
                status, value, rows = "error", f"worker died (exit code {proc.exitcode})", ""
            proc.join()
            if status == "ok":
                row.rdflib = fmt_s(value)
                if not row.rows:
                    row.rows = rows
                elif rows != row.rows:
                    add_note(row, f"rdflib gives {rows}")
            else:
                row.rdflib = "error"
                add_note(row, f"rdflib: {value}")
        else:
            proc.kill()
            proc.join()
            row.rdflib = f"> {limit:g}"
        parent.close()
        print(f"  {q.name}: rdflib {row.rdflib} ({time.perf_counter() - t0:.1f} s wall)",
              file=sys.stderr, flush=True)


def warm_rdflib(queries: Sequence[SavedQuery]) -> None:
    """Run every query once on the bundled graph, so rdflib's parsed and prepared queries
    (kg caches them per process) are ready before the workers fork."""
    small = RdflibEngine.from_path(None)
    cache: dict[str, str | None] = {}
    for q in queries:
        try:
            run_query(q, small, params_for(q, small, cache))
        except Exception:  # a query may not apply to the small graph
            continue


# -- main ---------------------------------------------------------------------------------

def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--papers", type=int, default=100_000, help="papers in the synthetic graph")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--graph", type=Path, default=None,
                    help="reuse this graph file instead of generating one")
    ap.add_argument("--engines", default="rdflib,oxigraph",
                    help="comma-separated: rdflib, oxigraph (default both)")
    ap.add_argument("--rdflib-timeout", type=float, default=60.0,
                    help="seconds each rdflib query may take (default 60)")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per query (median)")
    ap.add_argument("--startup-runs", type=int, default=7,
                    help="runs of each startup command (0 to skip)")
    ap.add_argument("--queries", default=None, help="comma-separated query names (default all)")
    ap.add_argument("--out", type=Path, default=None, help="also write the Markdown here")
    args = ap.parse_args(argv)
    engines = {e.strip() for e in args.engines.split(",") if e.strip()}
    if not engines or engines - {"rdflib", "oxigraph"}:
        ap.error("--engines takes rdflib, oxigraph or both")
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")

    queries = list(list_queries())
    if args.queries:
        wanted = [n.strip() for n in args.queries.split(",") if n.strip()]
        unknown = set(wanted) - {q.name for q in queries}
        if unknown:
            ap.error(f"no saved queries named {', '.join(sorted(unknown))}")
        queries = [q for q in queries if q.name in wanted]
    report = Report(header=["## Saved queries at scale", ""])
    for q in queries:
        report.row(q.name)
    t_start = time.perf_counter()

    if args.startup_runs > 0:
        print("startup ...", file=sys.stderr, flush=True)
        kg_s, base_s = startup(args.startup_runs)
        ratio = kg_s / base_s
        report.header.append(
            f"Startup (median of {args.startup_runs}): `kg query first-author-papers-by-year` "
            f"{kg_s:.3f} s, `python -c \"import rdflib\"` {base_s:.3f} s: ratio "
            f"**{ratio:.2f}** (target <= {STARTUP_TARGET:g}).")
        report.header.append("")

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        graph = args.graph
        if graph is None:
            import synth

            graph = Path(tmp) / f"synth-{args.papers}-{args.seed}.nt"
            print(f"generating {args.papers} papers into {graph} ...", file=sys.stderr,
                  flush=True)
            summary = synth.build(args.papers, args.seed, graph)
            desc = (f"synthetic, {summary['papers']:,} papers, {summary['people']:,} "
                    f"people, {summary['organizations']:,} organisations, "
                    f"{summary['triples']:,} triples (seed {args.seed}, generated in "
                    f"{summary['seconds']} s)")
        elif not graph.is_file():
            ap.error(f"{graph}: no such graph file")
        else:
            desc = f"{graph} ({graph.stat().st_size / 1e6:,.0f} MB)"
        report.header.append(f"Graph: {desc}.")
        loads: list[str] = []
        params: dict[str, dict[str, str]] = {}
        picked: dict[str, str | None] = {}

        def choose(engine: Engine) -> None:
            for q in queries:
                try:
                    params[q.name] = params_for(q, engine, picked)
                except LookupError as exc:
                    add_note(report.row(q.name), f"skipped: {exc}")

        if "oxigraph" in engines:
            print("loading with OxigraphEngine ...", file=sys.stderr, flush=True)
            t, ox_engine = timed(lambda: OxigraphEngine.from_path(graph))
            loads.append(f"oxigraph {t:.1f} s, {len(ox_engine.store):,} triples")
            choose(ox_engine)
            print("running the queries on oxigraph ...", file=sys.stderr, flush=True)
            bench_oxigraph(ox_engine, queries, params, report, args.repeat)
            del ox_engine
            gc.collect()
        if "rdflib" in engines:
            warm_rdflib(queries)
            print("loading with RdflibEngine ...", file=sys.stderr, flush=True)
            t, rdf_engine = timed(lambda: RdflibEngine.from_path(graph))
            loads.append(f"rdflib {t:.1f} s")
            if not params:
                choose(rdf_engine)
            print("running the queries on rdflib ...", file=sys.stderr, flush=True)
            bench_rdflib(rdf_engine, queries, params, report, args.repeat, args.rdflib_timeout)
        report.header.append(f"Load ({', '.join(loads)}).")
        shown = {k: v for k, v in picked.items() if v is not None}
        rdflib_how = (f" (rdflib: each query in a forked worker with a limit of "
                      f"{args.rdflib_timeout:g} s, one run, or the median of up to "
                      f"{args.repeat} if they take under 1 s)") if "rdflib" in engines else ""
        report.header.append("Parameters: defaults (`person` = `@subject`, the most prolific "
                             "author)" + "".join(f", {k} = {v!r}" for k, v in shown.items())
                             + f". Timings are medians of {args.repeat} run(s) after a warm-up"
                             + rdflib_how + "; results are read in full (kg: every value of "
                             "`result.rows`; pyoxigraph: every `term.value` of every row).")
    report.header.append(f"Total benchmark time {time.perf_counter() - t_start:.0f} s.")
    text = markdown(report)
    print(text)
    if args.out is not None:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
