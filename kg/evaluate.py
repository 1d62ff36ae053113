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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError

__all__ = ["Score", "Report", "evaluate", "evaluate_graph", "KINDS"]

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


class _Names:
    """Maps any name form of a gold entity to its canonical gold name."""

    def __init__(self, entries: list[dict[str, Any]], key: str = "name") -> None:
        self.map: dict[str, str] = {}
        self.optional: set[str] = set()
        for e in entries:
            canon = _n(e[key])
            for form in [e[key], *e.get("aliases", [])]:
                self.map.setdefault(_n(form), canon)
            if e.get("optional"):
                self.optional.add(canon)

    def __call__(self, name: str) -> str:
        return self.map.get(_n(name), "?" + _n(name))


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
    papers = _Names(gold.get("papers", []), "title")

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
    want_papers = {_n(p["title"]) for p in gold.get("papers", [])}
    scores["papers"] = _compare("papers", got_papers, want_papers, opt_papers)
    got_years = {(papers(r[0]), r[1]) for r in rows["papers"] if r[1]}
    want_years = {(_n(p["title"]), str(p["year"])) for p in gold.get("papers", []) if p.get("year")}
    scores["paper_years"] = _compare("paper_years", got_years, want_years,
                                     {x for x in got_years | want_years if x[0] in opt_papers})
    got_auth = {(papers(r[0]), people(r[1])) for r in rows["authorship"]}
    want_auth = {(_n(p["title"]), people(a))
                 for p in gold.get("papers", []) for a in p.get("authors", [])}
    opt_auth = {x for x in got_auth | want_auth if x[0] in opt_papers}
    scores["authorship"] = _compare("authorship", got_auth, want_auth, opt_auth)
    got_first = {(papers(r[0]), people(r[1])) for r in rows["authorship"] if r[2] == "1"}
    want_first = {(_n(p["title"]), people(p["first_author"])) for p in gold.get("papers", [])
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
    got_dates = {(who(r[0]), r[1], orgs(r[2]), r[3] or None, r[4] or None)
                 for r in rows["affiliations"]}
    want_dates = {(who(a["person"]), a["relation"], orgs(a["organization"]),
                   a.get("start"), a.get("end"))
                  for a in gold.get("affiliations", [])}
    opt_dates = {x for x in got_dates | want_dates if x[:3] in opt_aff}
    scores["affiliation_dates"] = _compare("affiliation_dates", got_dates, want_dates, opt_dates)
    return Report(article or gold.get("article", ""), scores)


def evaluate(article: str | Path, gold_path: str | Path, *, model: str | None = None) -> Report:
    """Build ``article`` and score it against the gold file ``gold_path``."""
    from .build import build_graph
    from .pipeline import DEFAULT_MODEL

    try:
        gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise InputError(f"{gold_path}: no such gold file") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{gold_path}: not a JSON gold file ({exc})") from exc
    result = build_graph(article, model=model or DEFAULT_MODEL)
    return evaluate_graph(result.graph, gold, Path(article).name)
