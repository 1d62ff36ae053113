from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = Path(__file__).resolve().parent / "articles"
SEED = ROOT / "data" / "radford.txt"
SEED_TTL = ROOT / "data" / "radford.ttl"
SHARED_GOLD = ROOT.parent / "shared" / "gold" / "radford.json"


@pytest.fixture(scope="session")
def seed_build():
    from kg.build import build_graph

    return build_graph(SEED)


@pytest.fixture(scope="session")
def seed_graph():
    from kg.queries import load_graph

    return load_graph(SEED_TTL)
