"""Scoring an extraction against a gold file (``shared/gold/SCHEMA.md``), fact by fact.

The graph is read back through the saved queries, as any user or scorer would, and each
kind of fact is compared as a set: people, organisations, papers, paper years, authorship
pairs, first authors, co-author pairs, affiliations and affiliation dates. Names match
after NFC, case folding and collapsing white space, and a name matches any of its aliases.
"""

from __future__ import annotations

import itertools
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError

__all__ = ["Score", "Report", "CorpusReport", "FolderReport", "evaluate", "evaluate_graph",
           "evaluate_corpus", "evaluate_folder", "gold_files",
           "score_corpus_document", "is_corpus_gold", "KINDS", "CORPUS_RELATIONS"]

KINDS = ("people", "organizations", "papers", "paper_years", "authorship", "first_authors",
         "coauthor_pairs", "affiliations", "affiliation_dates")


def _n(s: Any) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", str(s or "")).casefold()).strip()


@dataclass
class Score:
    kind: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    article: str
    scores: dict[str, Score]

    def render(self, *, show: int = 20) -> str:
        header = f"{'fact kind':<20}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}"
        lines = [f"{self.article}", header]
        for k in KINDS:
            s = self.scores[k]
            lines.append(f"{k:<20}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{s.tp:5d}{s.fp:5d}{s.fn:5d}")
        for k in KINDS:
            s = self.scores[k]
            for m in s.misses[:show]:
                lines.append(f"  missed {k}: {m}")
            for m in s.false_positives[:show]:
                lines.append(f"  wrong  {k}: {m}")
        return "\n".join(lines) + "\n"


def _letters(s: str) -> str:
    return re.sub(r"[\W_]+", " ", _n(s)).strip()


class _Names:
    """Maps any name form of a gold entity to its canonical gold name.

    With ``close``, a form that differs only in punctuation, or by a few letters in a long
    name (a paper title spelt slightly differently), still matches.
    """

    def __init__(self, entries: list[dict[str, Any]], key: str = "name",
                 close: bool = False) -> None:
        self.map: dict[str, str] = {}
        self.loose: dict[str, str] = {}
        self.optional: set[str] = set()
        self.close = close
        for e in entries:
            if not e.get(key):
                continue  # a paper the article only describes: nothing names it
            canon = _n(e[key])
            for form in [e[key], *e.get("aliases", [])]:
                self.map.setdefault(_n(form), canon)
                self.loose.setdefault(_letters(form), canon)
            if e.get("optional"):
                self.optional.add(canon)

    def __call__(self, name: str) -> str:
        hit = self.map.get(_n(name))
        if hit is None and self.close:
            hit = self.loose.get(_letters(name))
            if hit is None and len(_letters(name)) >= 20:
                import difflib

                near = difflib.get_close_matches(_letters(name), list(self.loose), 1, 0.92)
                hit = self.loose[near[0]] if near else None
        return hit if hit is not None else "?" + _n(name)


def _compare(kind: str, got: set[Any], want: set[Any], optional: set[Any]) -> Score:
    s = Score(kind)
    s.tp = len({g for g in got & want if g not in optional})
    s.misses = sorted(str(x) for x in want - got if x not in optional)
    s.false_positives = sorted(str(x) for x in got - want if x not in optional)
    s.fn, s.fp = len(s.misses), len(s.false_positives)
    return s


def evaluate_graph(graph: Any, gold: dict[str, Any], article: str = "") -> Report:
    """Score a built graph against one gold object."""
    from .queries import run_query

    people = _Names(gold.get("people", []))
    orgs = _Names(gold.get("organizations", []))
    papers = _Names(gold.get("papers", []), "title", close=True)
    gold_papers = [p for p in gold.get("papers", []) if p.get("title")]

    def who(name: str) -> str:
        p = people(name)
        return p if not p.startswith("?") else orgs(name)

    rows = {q: run_query(q, graph).rows for q in ("people", "organizations", "papers",
                                                  "authorship", "affiliations")}
    got_people = [people(r[0]) for r in rows["people"]]
    got_orgs = [orgs(r[0]) for r in rows["organizations"]]
    scores: dict[str, Score] = {}
    for kind, got_list, entries, names in (
        ("people", got_people, gold.get("people", []), people),
        ("organizations", got_orgs, gold.get("organizations", []), orgs),
    ):
        want = {_n(e["name"]) for e in entries}
        s = _compare(kind, set(got_list), want, names.optional)
        dups = len(got_list) - len(set(got_list))
        s.fp += dups
        scores[kind] = s
    opt_papers = papers.optional
    got_papers = {papers(r[0]) for r in rows["papers"]}
    want_papers = {_n(p["title"]) for p in gold_papers}
    scores["papers"] = _compare("papers", got_papers, want_papers, opt_papers)
    got_years = {(papers(r[0]), r[1]) for r in rows["papers"] if r[1]}
    want_years = {(_n(p["title"]), str(p["year"])) for p in gold_papers if p.get("year")}
    scores["paper_years"] = _compare("paper_years", got_years, want_years,
                                     {x for x in got_years | want_years if x[0] in opt_papers})
    got_auth = {(papers(r[0]), people(r[1])) for r in rows["authorship"]}
    want_auth = {(_n(p["title"]), people(a))
                 for p in gold_papers for a in p.get("authors", [])}
    opt_auth = {x for x in got_auth | want_auth if x[0] in opt_papers}
    scores["authorship"] = _compare("authorship", got_auth, want_auth, opt_auth)
    got_first = {(papers(r[0]), people(r[1])) for r in rows["authorship"] if r[2] == "1"}
    want_first = {(_n(p["title"]), people(p["first_author"])) for p in gold_papers
                  if p.get("first_author")}
    scores["first_authors"] = _compare("first_authors", got_first, want_first,
                                       {x for x in got_first | want_first if x[0] in opt_papers})

    def pairs(auth: set[tuple[str, str]]) -> set[tuple[str, str]]:
        by_paper: dict[str, set[str]] = {}
        for t, a in auth:
            by_paper.setdefault(t, set()).add(a)
        out: set[tuple[str, str]] = set()
        for authors in by_paper.values():
            for a, b in itertools.combinations(sorted(authors), 2):
                out.add((a, b))
        return out

    scores["coauthor_pairs"] = _compare("coauthor_pairs", pairs(got_auth - opt_auth),
                                        pairs(want_auth - opt_auth), set())
    got_aff = {(who(r[0]), r[1], orgs(r[2])) for r in rows["affiliations"]}
    want_aff = {(who(a["person"]), a["relation"], orgs(a["organization"]))
                for a in gold.get("affiliations", [])}
    opt_aff = {(who(a["person"]), a["relation"], orgs(a["organization"]))
               for a in gold.get("affiliations", []) if a.get("optional")}
    scores["affiliations"] = _compare("affiliations", got_aff, want_aff, opt_aff)
    scores["affiliation_dates"] = _score_dates(
        {(who(r[0]), r[1], orgs(r[2]), r[3] or None, r[4] or None)
         for r in rows["affiliations"]},
        {(who(a["person"]), a["relation"], orgs(a["organization"]), a.get("start") or None,
          a.get("end") or None) for a in gold.get("affiliations", [])}, opt_aff)
    return Report(article or gold.get("article", ""), scores)


def _score_dates(got: set[tuple[Any, ...]], want: set[tuple[Any, ...]],
                 optional: set[tuple[Any, ...]]) -> Score:
    """Dated affiliations: a gold statement with a start or an end counts when an extracted
    statement of the same affiliation has a start and an end that begin with the gold's (a
    missing gold date wants a missing one); an extracted dated statement that matches no
    gold statement is a false positive."""

    def fits(g: tuple[Any, ...], w: tuple[Any, ...]) -> bool:
        return g[:3] == w[:3] and all(
            (x is None) if y is None else (x is not None and str(x).startswith(str(y)))
            for x, y in zip(g[3:], w[3:], strict=True))

    s = Score("affiliation_dates")
    dated = {w for w in want if (w[3] or w[4]) and w[:3] not in optional}
    for w in sorted(dated, key=str):
        if any(fits(g, w) for g in got):
            s.tp += 1
        else:
            s.misses.append(str(w))
    s.false_positives = sorted(str(g) for g in got if (g[3] or g[4]) and g[:3] not in optional
                               and not any(fits(g, w) for w in want))
    s.fn, s.fp = len(s.misses), len(s.false_positives)
    return s


def evaluate(article: str | Path, gold_path: str | Path, *,
             model: str | None = None) -> Report | CorpusReport:
    """Build ``article`` and score it against the gold file ``gold_path``.

    A gold file in the folder format scores the one document it lists by that name
    (people and affiliations only, as :func:`evaluate_corpus`)."""
    from .build import build_graph
    from .pipeline import DEFAULT_MODEL

    gold = _load_gold(gold_path)
    if is_corpus_gold(gold):
        # one document of a folder's gold file: score it as a folder of one
        entry = [g for g in gold if g["doc"] == Path(article).name]
        if not entry:
            raise InputError(f"{gold_path} lists no document named {Path(article).name}")
        return _score_entries(Path(article).parent, entry, model=model)
    if not isinstance(gold, dict):
        raise InputError(f"{gold_path}: not a gold file (see shared/gold/SCHEMA.md)")
    result = build_graph(article, model=model or DEFAULT_MODEL)
    return evaluate_graph(result.graph, gold, Path(article).name)


# --- a folder of articles with one gold file (the Re-DocRED format) ------------------------

#: The relations a corpus gold file annotates; kg's others are not scored against it.
CORPUS_RELATIONS = ("worksFor", "alumniOf", "founderOf")


def _cnorm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s or "").replace("\u2019", "'").casefold()
    return re.sub(r"^the ", "", re.sub(r"\s+", " ", s).strip(" .,;:'\""))


def _loose(s: str) -> str:
    """Without middle initials: 'Ross P. Alger' → 'ross alger'."""
    t = [x.strip(".") for x in _cnorm(s).split()]
    return " ".join(x for i, x in enumerate(t) if not (len(x) == 1 and 0 < i < len(t) - 1))


class _Groups:
    """Finds which gold entity (an index) a name is one of the forms of."""

    def __init__(self, groups: list[list[str]]) -> None:
        self.map: dict[str, int] = {}
        for i, names in enumerate(groups):
            for n in names:
                self.map.setdefault(_cnorm(n), i)
                self.map.setdefault(_loose(n), i)

    def __call__(self, name: str) -> int | None:
        return self.map.get(_cnorm(name), self.map.get(_loose(name)))


@dataclass
class CorpusReport:
    """People and affiliation scores over a folder, micro-averaged over its documents."""

    folder: str
    documents: int
    people: Score
    affiliations: Score
    failed: list[str] = field(default_factory=list)

    def render(self, *, show: int = 20) -> str:
        lines = [f"{self.folder}: {self.documents - len(self.failed)} of {self.documents} "
                 "documents built",
                 f"{'fact kind':<20}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}"]
        for s in (self.people, self.affiliations):
            lines.append(f"{s.kind:<20}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}"
                         f"{s.tp:5d}{s.fp:5d}{s.fn:5d}")
        for f in self.failed:
            lines.append(f"  skipped: {f}")
        for s in (self.people, self.affiliations):
            for m in s.misses[:show]:
                lines.append(f"  missed {s.kind}: {m}")
            for m in s.false_positives[:show]:
                lines.append(f"  wrong  {s.kind}: {m}")
        return "\n".join(lines) + "\n"


def is_corpus_gold(gold: Any) -> bool:
    """Whether a parsed gold file is the folder format: a list of ``{"doc": ...}`` objects."""
    return isinstance(gold, list) and all(isinstance(g, dict) and "doc" in g for g in gold)


def score_corpus_document(graph: Any, gold: dict[str, Any], people: Score,
                          affiliations: Score) -> None:
    """Add one document's people and affiliation counts to the running scores."""
    from .queries import run_query

    _score_rows(run_query("people", graph).rows, run_query("affiliations", graph).rows, gold,
                people, affiliations)


def _score_rows(people_rows: list[Any], affiliation_rows: list[Any], gold: dict[str, Any],
                people: Score, affiliations: Score) -> None:
    stem = Path(gold["doc"]).stem
    per, org = _Groups(gold.get("people", [])), _Groups(gold.get("organizations", []))
    want = {(per(f["person"][0]), f["relation"], org(f["organization"][0]))
            for f in gold.get("affiliations", [])}
    got: set[tuple[Any, str, Any]] = set()
    for r in affiliation_rows:
        if r[1] not in CORPUS_RELATIONS:
            continue
        key = (per(r[0]), r[1], org(r[2]))
        got.add(key if None not in key else (r[0], r[1], r[2]))

    def show(k: tuple[Any, str, Any]) -> str:
        if isinstance(k[0], int) and isinstance(k[2], int):
            return f"{stem}: {gold['people'][k[0]][-1]} {k[1]} {gold['organizations'][k[2]][0]}"
        return f"{stem}: {k[0]} {k[1]} {k[2]} (not an annotated pair of entities)"

    affiliations.tp += len(got & want)
    affiliations.misses += sorted(show(k) for k in want - got)
    affiliations.false_positives += sorted(show(k) for k in got - want)
    found: set[int] = set()
    for r in people_rows:
        i = per(r[0])
        if i is None or i in found:
            people.false_positives.append(f"{stem}: {r[0]}")
        else:
            found.add(i)
    people.tp += len(found)
    people.misses += [f"{stem}: {names[-1]}" for i, names in enumerate(gold.get("people", []))
                      if i not in found]
    people.fp, people.fn = len(people.false_positives), len(people.misses)
    affiliations.fp = len(affiliations.false_positives)
    affiliations.fn = len(affiliations.misses)


def evaluate_corpus(folder: str | Path, gold_path: str | Path, *, model: str | None = None,
                    jobs: int = 1, save: str | Path | None = None,
                    progress: Callable[[int, int], None] | None = None) -> CorpusReport:
    """Build every article the gold file lists (from ``folder``), each on its own, and score
    people and affiliations, micro-averaged; ``save`` also writes each graph and its
    ``people``/``affiliations`` query results (SPARQL CSV) there, for other scorers."""
    gold = _load_gold(gold_path)
    if not is_corpus_gold(gold):
        raise InputError(f"{gold_path}: a folder needs a gold file that lists its documents "
                         '([{"doc": "000.txt", ...}, ...]); this one describes one article')
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder of articles")
    return _score_entries(folder, gold, model=model, jobs=jobs, save=save, progress=progress)


def _score_entries(folder: Path, gold: list[dict[str, Any]], *, model: str | None = None,
                   jobs: int = 1, save: str | Path | None = None,
                   progress: Callable[[int, int], None] | None = None) -> CorpusReport:
    from .build import extract_paths
    from .errors import KGError
    from .pipeline import DEFAULT_MODEL
    from .queries import run_query
    from .rdf import to_graph, write_atomic, write_graph

    if save is not None and not Path(save).is_dir():
        raise InputError(f"{save}: no such folder to save the graphs in; create it first")
    people, affs = Score("people"), Score("affiliations")
    paths = [folder / g["doc"] for g in gold]
    failed: list[str] = []
    for g, (path, x) in zip(gold, extract_paths(paths, model=model or DEFAULT_MODEL, jobs=jobs,
                                                progress=progress), strict=True):
        if isinstance(x, KGError):
            failed.append(str(x))
            score_corpus_document(_empty_graph(), g, people, affs)
            continue
        graph = to_graph(x)
        tables = {q: run_query(q, graph) for q in ("people", "affiliations")}
        _score_rows(tables["people"].rows, tables["affiliations"].rows, g, people, affs)
        if save is not None:
            stem = Path(save) / path.stem
            write_graph(graph, f"{stem}.ttl")
            for q, table in tables.items():
                write_atomic(f"{stem}.{q}.csv", table.render("csv").encode())
    return CorpusReport(str(folder), len(gold), people, affs, failed)


def _empty_graph() -> Any:
    from rdflib import Graph

    return Graph()


def _load_gold(gold_path: str | Path) -> Any:
    try:
        return json.loads(Path(gold_path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"{gold_path}: no such gold file") from exc
    except IsADirectoryError as exc:
        raise InputError(f"{gold_path} is a folder; give the gold JSON file") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{gold_path}: not a JSON gold file ({exc})") from exc


# --- a folder of articles with one SCHEMA gold file each ------------------------------------


@dataclass
class FolderReport:
    """Every fact kind per article, and the macro average over the articles."""

    folder: str
    reports: list[Report]
    failed: list[str] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)  # gold files with no article here

    def macro(self) -> dict[str, float]:
        """The mean F1 of each fact kind over the articles (a failed article counts 0)."""
        n = len(self.reports) + len(self.failed)
        return {k: sum(r.scores[k].f1 for r in self.reports) / n if n else 0.0 for k in KINDS}

    def render(self, *, show: int = 0) -> str:
        names = [Path(r.article).stem for r in self.reports]
        width = max([len("macro F1"), *map(len, names)]) + 2
        short = {"people": "people", "organizations": "orgs", "papers": "papers",
                 "paper_years": "years", "authorship": "authors", "first_authors": "first",
                 "coauthor_pairs": "coauth", "affiliations": "affil", "affiliation_dates":
                 "dates"}
        lines = [f"{self.folder}: {len(self.reports)} of "
                 f"{len(self.reports) + len(self.failed)} articles built",
                 "article".ljust(width) + "".join(f"{short[k]:>8}" for k in KINDS)]
        for name, r in zip(names, self.reports, strict=True):
            lines.append(name.ljust(width) + "".join(f"{r.scores[k].f1:8.3f}" for k in KINDS))
        macro = self.macro()
        lines.append("macro F1".ljust(width) + "".join(f"{macro[k]:8.3f}" for k in KINDS))
        lines += [f"  skipped: {f}" for f in self.failed]
        if self.unmatched:
            lines.append(f"  not scored (no such article here): {', '.join(self.unmatched)}")
        if show:
            for r in self.reports:
                for k in KINDS:
                    s = r.scores[k]
                    stem = Path(r.article).stem
                    lines += [f"  {stem}: missed {k}: {m}" for m in s.misses[:show]]
                    lines += [f"  {stem}: wrong  {k}: {m}" for m in s.false_positives[:show]]
        return "\n".join(lines) + "\n"


def gold_files(gold_dir: str | Path, only: list[str] | None = None
               ) -> list[tuple[str, dict[str, Any]]]:
    """The article file name and gold object of every SCHEMA gold file in ``gold_dir``
    (``only``: just these article names, by stem), sorted by name."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise InputError(f"{gold_dir}: no such folder of gold files")
    out: list[tuple[str, dict[str, Any]]] = []
    for path in sorted(gold_dir.glob("*.json")):
        gold = _load_gold(path)
        if not isinstance(gold, dict) or "papers" not in gold and "people" not in gold:
            continue  # not a SCHEMA gold file
        out.append((str(gold.get("article") or path.stem), gold))
    if only:
        wanted = {Path(o).stem for o in only}
        unknown = wanted - {Path(a).stem for a, _ in out}
        if unknown:
            raise InputError(f"{gold_dir} has no gold file for {', '.join(sorted(unknown))}; "
                             f"it has {', '.join(Path(a).stem for a, _ in out)}")
        out = [(a, g) for a, g in out if Path(a).stem in wanted]
    if not out:
        raise InputError(f"{gold_dir}: no gold files (see shared/gold/SCHEMA.md)")
    return out


def evaluate_folder(folder: str | Path, gold_dir: str | Path, *, only: list[str] | None = None,
                    model: str | None = None, jobs: int = 1,
                    progress: Callable[[int, int], None] | None = None) -> FolderReport:
    """Build every article of ``folder`` that has a gold file in ``gold_dir`` (its
    ``article`` field names the file) and score it on every fact kind; the report holds
    each article's scores and their macro average.

    >>> from pathlib import Path
    >>> here = Path(__file__).resolve().parent.parent / "tests" / "articles"
    >>> r = evaluate_folder(here, here, only=["okafor"])
    >>> [Path(x.article).name for x in r.reports], r.macro()["papers"]
    (['okafor.txt'], 1.0)
    """
    from .build import extract_paths
    from .errors import KGError
    from .pipeline import DEFAULT_MODEL
    from .rdf import to_graph

    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder of articles")
    golds = gold_files(gold_dir, only)
    missing = [a for a, _ in golds if not (folder / a).is_file()]
    if missing and (only or len(missing) == len(golds)):
        raise InputError(f"{folder} has no article {', '.join(missing)} (named by the gold "
                         f"files in {gold_dir})")
    golds = [(a, g) for a, g in golds if a not in missing]  # gold kept for another folder
    reports: list[Report] = []
    failed: list[str] = []
    paths = [folder / a for a, _ in golds]
    for (name, gold), (_, x) in zip(golds, extract_paths(
            paths, model=model or DEFAULT_MODEL, jobs=jobs, progress=progress), strict=True):
        if isinstance(x, KGError):
            failed.append(str(x))
            continue
        reports.append(evaluate_graph(to_graph(x), gold, name))
    return FolderReport(str(folder), reports, failed, missing)
