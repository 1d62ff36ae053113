"""Extraction throughput: kg (components + resolution + RDF mapping) against plain nlp.pipe.

Both run the same statistical model over the same texts in the same process; the figure
that matters is the ratio (kg's time / plain time), which should stay at or under 1.5.

    python benchmarks/bench_extract.py [--repeat N] [--folder DIR]

By default the texts are the bundled article and the test articles; ``--folder`` takes
every article of a folder instead (for example ``tests/redocred-dev/docs``, 91 real
Wikipedia leads), read as ``kg build FOLDER`` reads them.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--folder", type=Path, default=None)
    args = ap.parse_args()

    import spacy

    from kg.build import collect_articles
    from kg.pipeline import DEFAULT_MODEL, load_pipeline
    from kg.rdf import to_graph
    from kg.reader import read_article
    from kg.resolve import resolve

    if args.folder is not None:
        paths = collect_articles([args.folder])
    else:
        test_articles = sorted((ROOT / "tests" / "articles").glob("*.[mt][dx]*"))
        paths = [ROOT / "data" / "radford.txt", *test_articles]
    articles = [read_article(p) for p in paths]
    words = sum(len(a.text.split()) for a in articles)
    plain = spacy.load(DEFAULT_MODEL)
    nlp = load_pipeline(DEFAULT_MODEL)

    def run_plain() -> None:
        for _ in plain.pipe([a.text for a in articles]):
            pass

    def run_kg() -> None:
        docs = []
        for a in articles:
            d = nlp.make_doc(a.text)
            d._.kg_article = a
            docs.append(d)
        for a, doc in zip(articles, nlp.pipe(docs), strict=True):
            to_graph(resolve(a, doc._.kg))

    def best(fn: Callable[[], object]) -> float:
        fn()  # warm up
        times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        return min(times)

    t_plain, t_kg = best(run_plain), best(run_kg)
    print(f"{len(articles)} articles, {words} words")
    print(f"plain nlp.pipe   {words / t_plain:10.0f} words/s  ({t_plain:.3f} s)")
    print(f"kg extraction    {words / t_kg:10.0f} words/s  ({t_kg:.3f} s)")
    print(f"ratio kg/plain   {t_kg / t_plain:10.2f}  (target <= 1.50)")


if __name__ == "__main__":
    main()
