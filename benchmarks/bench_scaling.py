"""Build time against article size: the cost of ``kg build`` must grow about linearly.

Synthetic articles of several sizes in three layouts that once made a build superlinear
(issue 17): Markdown links to names on one line, one long paragraph of ordinary
sentences, and one long paragraph that is a single sentence. Each is read and built
(``kg.build.build_graph``: reading, the spaCy pipeline with kg's components, resolution,
RDF mapping) in this process after a warm-up, and the report gives seconds per KB and
the ratio of that to the smallest size's, measured in the same run. A ratio near 1 at
every size is linear; quadratic cost doubles it with each doubling of size.

    python benchmarks/bench_scaling.py [--sizes 25,50,100,200] [--layouts links,prose,run-on]

Not a timed test: the figures go into benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

FIRST = ["Ada", "Alan", "Grace", "John", "Mary", "Peter", "Linus", "Ken", "Barbara", "Donald"]
LAST = ["Turing", "Hopper", "Smith", "Knuth", "Liskov", "Ritchie", "Thompson", "Lovelace",
        "Jones", "Brown"]
WORDS = ("the of and a to in is was he she worked at company university research paper "
         "with for on by from").split()
HEAD = "Ada Lovelace\n\nAda Lovelace was a mathematician. "


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _fill(n_bytes: int, part: Callable[[int], str], sep: str = " ") -> str:
    """Parts ``part(0)``, ``part(1)`` ... joined until they make ``n_bytes``."""
    parts: list[str] = []
    size = 0
    while size < n_bytes:
        parts.append(part(len(parts)))
        size += len(parts[-1]) + len(sep)
    return sep.join(parts)


def links(n_bytes: int, rng: random.Random) -> str:
    """Markdown links to people, all on one line."""
    return HEAD + _fill(n_bytes, lambda i: f"[{_name(rng)}{i}](https://example.org/wiki/{i})") \
        + "\n"


def prose(n_bytes: int, rng: random.Random) -> str:
    """One paragraph of short sentences, each a person, an organisation and a year."""
    return HEAD + _fill(n_bytes, lambda i: f"{_name(rng)} worked at Acme{i % 50} Corporation "
                        f"in {1900 + i % 100}.") + "\n"


def run_on(n_bytes: int, rng: random.Random) -> str:
    """One paragraph that is one sentence: words and names, and a full stop at the end."""
    return HEAD + _fill(n_bytes, lambda i: rng.choice(WORDS) if rng.random() < 0.8
                        else _name(rng)) + ".\n"


LAYOUTS: dict[str, Callable[[int, random.Random], str]] = {
    "links": links, "prose": prose, "run-on": run_on}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="25,50,100,200", help="article sizes in KB")
    ap.add_argument("--layouts", default=",".join(LAYOUTS))
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    from kg.build import build_graph
    from kg.pipeline import MAX_CHARS

    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm.md"
        warm.write_text(prose(2_000, random.Random(0)), encoding="utf-8")
        build_graph(warm)  # loads the pipeline once, outside the timings
        print(f"{'layout':<8} {'KB':>5} {'seconds':>8} {'s/KB':>8} {'ratio':>6} {'triples':>8}")
        for layout in args.layouts.split(","):
            base: float | None = None
            for kb in sizes:
                text = LAYOUTS[layout](kb * 1000, random.Random(kb))
                if len(text) > MAX_CHARS:
                    print(f"{layout:<8} {kb:>5} over the parser's {MAX_CHARS:,} characters")
                    continue
                path = Path(tmp) / f"{layout}-{kb}.md"
                path.write_text(text, encoding="utf-8")
                t0 = time.perf_counter()
                result = build_graph(path, max_bytes=len(text.encode("utf-8")) + 1)
                seconds = time.perf_counter() - t0
                per_kb = seconds / kb
                base = base if base is not None else per_kb
                print(f"{layout:<8} {kb:>5} {seconds:>8.2f} {per_kb:>8.4f} "
                      f"{per_kb / base:>6.2f} {len(result.graph):>8}", flush=True)


if __name__ == "__main__":
    main()
