"""Extraction quality floors, measured with kg eval against gold files."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ARTICLES, SEED, SHARED_GOLD

from kg.evaluate import KINDS, evaluate

SEED_GOLD = SHARED_GOLD if SHARED_GOLD.exists() else ARTICLES / "radford.json"


def test_seed_article_scores_at_least_095_on_every_kind():
    report = evaluate(SEED, SEED_GOLD)
    for kind in KINDS:
        assert report.scores[kind].f1 >= 0.95, (kind, report.render())


# Floors measured on the project's own test articles (written for the purpose, with gold
# files). The floors are where kg stands today and may only go up. Affiliation dates
# count dated gold statements only (shared/gold/SCHEMA.md), which put lindqvist at 0.815.
FLOORS = {
    "okafor": {"people": 1.0, "organizations": 1.0, "papers": 1.0, "paper_years": 1.0,
               "authorship": 0.95, "first_authors": 1.0, "coauthor_pairs": 0.9,
               "affiliations": 0.95, "affiliation_dates": 0.9},
    "lindqvist": {"people": 1.0, "organizations": 0.9, "papers": 1.0, "paper_years": 1.0,
                  "authorship": 1.0, "first_authors": 1.0, "coauthor_pairs": 1.0,
                  "affiliations": 0.95, "affiliation_dates": 0.8},
    "mbeki": {"people": 1.0, "organizations": 0.95, "papers": 1.0, "paper_years": 1.0,
              "authorship": 1.0, "first_authors": 1.0, "coauthor_pairs": 1.0,
              "affiliations": 0.9, "affiliation_dates": 0.85},
}

@pytest.mark.parametrize("stem", sorted(FLOORS))
def test_own_articles_hold_their_floors(stem):
    assert min(FLOORS[stem].values()) >= 0.8
    article = next(ARTICLES.glob(stem + ".*[!n]"))
    report = evaluate(article, ARTICLES / f"{stem}.json")
    for kind, floor in FLOORS[stem].items():
        assert report.scores[kind].f1 >= floor, (kind, report.render())


REDOCRED = ARTICLES.parent / "redocred-dev"


def test_real_wikipedia_leads_hold_their_floors():
    # 91 real Wikipedia lead sections with human labels (tests/redocred-dev/README.md).
    # Targets: people F1 0.85, affiliations F1 0.60; these floors are where kg stands
    # today (people 0.856, affiliations 0.630) and may only go up.
    from kg.evaluate import evaluate_corpus

    report = evaluate_corpus(REDOCRED / "docs", REDOCRED / "gold.json")
    assert report.documents == 91 and not report.failed
    assert report.people.f1 >= 0.85, report.render(show=0)
    assert report.affiliations.f1 >= 0.60, report.render(show=0)


SHARED = ARTICLES.parent / "shared"
TUNE = ["ashdown", "chen", "haddad", "radford", "sethuraman"]
CHECK = ["albuquerque", "brenner", "delatorre", "strand_prize"]
# Macro F1 over each half of the shared articles (tests/shared/README.md), measured when
# set; they may only go up.
HALF_FLOORS = {
    "tune": {"people": 0.96, "organizations": 0.95, "papers": 0.99, "paper_years": 0.99,
             "authorship": 0.98, "first_authors": 0.99, "coauthor_pairs": 0.98,
             "affiliations": 0.86, "affiliation_dates": 0.77},
    # (2026-12-01: reading an interview's he and she in its first-person answers as other
    # people cost one article 0.045 authorship; later work won it back)
    "check": {"people": 0.89, "organizations": 0.81, "papers": 0.85, "paper_years": 0.83,
              "authorship": 0.73, "first_authors": 0.75, "coauthor_pairs": 0.69,
              "affiliations": 0.64, "affiliation_dates": 0.45},
}


@pytest.mark.parametrize("half, names", [("tune", TUNE), ("check", CHECK)])
def test_shared_articles_hold_their_floors(half, names):
    from kg.evaluate import evaluate_folder

    report = evaluate_folder(SHARED / "articles", SHARED / "gold", only=names)
    assert sorted(Path(r.article).stem for r in report.reports) == names
    macro = report.macro()
    for kind, floor in HALF_FLOORS[half].items():
        assert macro[kind] >= floor, (half, kind, report.render())


# The project's own invented articles (tests/articles: interviews, press release, obituary,
# Markdown news, CVs, wiki page, faculty page, profile, feature, and three older ones).
OWN_FLOORS = {"people": 0.95, "organizations": 0.88, "papers": 0.96, "paper_years": 0.96,
              "authorship": 0.92, "first_authors": 0.93, "coauthor_pairs": 0.90,
              "affiliations": 0.76, "affiliation_dates": 0.67}


def test_own_invented_articles_hold_their_macro_floors():
    from kg.evaluate import evaluate_folder

    report = evaluate_folder(ARTICLES, ARTICLES)
    assert len(report.reports) == 15 and report.unmatched == ["radford.txt"]
    macro = report.macro()
    for kind, floor in OWN_FLOORS.items():
        assert macro[kind] >= floor, (kind, report.render())


# Four articles written for a held-out check by a helper that saw neither the code nor the
# shared articles (tests/heldout/README.md): figures only, their misses are not read.
HELDOUT = ARTICLES.parent / "heldout"
HELDOUT_FLOORS = {"people": 0.97, "organizations": 0.95, "papers": 0.96, "paper_years": 0.96,
                  "authorship": 0.78, "first_authors": 0.96, "coauthor_pairs": 0.52,
                  "affiliations": 0.81, "affiliation_dates": 0.74}


# Twelve invented articles written on 2026-12-01 by helpers that saw neither kg's code nor
# the shared articles (tests/dev/README.md). Their misses were read while kg was worked on,
# so they guard against regressions; they decide nothing about unseen text.
DEV = ARTICLES.parent / "dev"
DEV_FLOORS = {"people": 0.95, "organizations": 0.87, "papers": 0.99, "paper_years": 0.98,
              "authorship": 0.94, "first_authors": 0.97, "coauthor_pairs": 0.91,
              "affiliations": 0.76, "affiliation_dates": 0.58}


# Sixteen more, written in three batches during stop 20 (tests/dev2/README.md), read alike.
DEV2 = ARTICLES.parent / "dev2"
DEV2_FLOORS = {"people": 0.92, "organizations": 0.83, "papers": 0.91, "paper_years": 0.86,
               "authorship": 0.85, "first_authors": 0.91, "coauthor_pairs": 0.77,
               "affiliations": 0.65, "affiliation_dates": 0.45}

# Eight more, written on 2026-12-02 (stop 22) in the check half's styles and first run as
# unseen text (tests/dev3/README.md); their misses were then read, so they are a dev set too.
DEV3 = ARTICLES.parent / "dev3"
DEV3_FLOORS = {"people": 0.91, "organizations": 0.85, "papers": 0.99, "paper_years": 0.96,
               "authorship": 0.96, "first_authors": 0.97, "coauthor_pairs": 0.93,
               "affiliations": 0.70, "affiliation_dates": 0.48}


# Twelve more, written in two batches during stop 23 in the check half's styles and first
# run as unseen text (tests/dev4/README.md); their misses were then read, so a dev set too.
DEV4 = ARTICLES.parent / "dev4"
DEV4_FLOORS = {"people": 0.88, "organizations": 0.89, "papers": 0.98, "paper_years": 0.90,
               "authorship": 0.87, "first_authors": 0.96, "coauthor_pairs": 0.79,
               "affiliations": 0.78, "affiliation_dates": 0.64}

# Twenty more, written in two batches during stop 24 and first run as unseen text
# (tests/dev5/README.md); their misses were then read, so a dev set too.
DEV5 = ARTICLES.parent / "dev5"
DEV5_FLOORS = {"people": 0.89, "organizations": 0.87, "papers": 0.93, "paper_years": 0.88,
               "authorship": 0.81, "first_authors": 0.80, "coauthor_pairs": 0.69,
               "affiliations": 0.70, "affiliation_dates": 0.48}


@pytest.mark.parametrize(("folder", "count", "floors"), [
    (HELDOUT, 4, HELDOUT_FLOORS), (DEV, 12, DEV_FLOORS), (DEV2, 16, DEV2_FLOORS),
    (DEV3, 8, DEV3_FLOORS), (DEV4, 12, DEV4_FLOORS), (DEV5, 20, DEV5_FLOORS)],
    ids=["held-out", "dev", "dev2", "dev3", "dev4", "dev5"])
def test_invented_article_sets_hold_their_macro_floors(folder, count, floors):
    from kg.evaluate import evaluate_folder

    report = evaluate_folder(folder, folder)
    assert len(report.reports) == count
    macro = report.macro()
    for kind, floor in floors.items():
        assert macro[kind] >= floor, (kind, round(macro[kind], 3))
