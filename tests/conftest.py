from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def endpoint(tmp_path_factory):
    exe = shutil.which("oxigraph", path=str(Path(sys.executable).parent) + os.pathsep +
                       os.environ.get("PATH", ""))
    assert exe, "the oxigraph server is a dev dependency: pip install -e '.[dev]'"
    db = tmp_path_factory.mktemp("oxigraph")
    subprocess.run([exe, "load", "--location", str(db), "--file", str(SEED_TTL)],
                   check=True, capture_output=True)
    port = free_port()
    proc = subprocess.Popen([exe, "serve-read-only", "--location", str(db), "--bind",
                             f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    deadline = time.monotonic() + 20
    while True:
        try:
            urllib.request.urlopen(f"{url}?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                raise
            time.sleep(0.1)
    yield url
    proc.terminate()
    proc.wait(timeout=10)
