"""Building graphs from articles: the library functions the CLI's ``kg build`` calls.

One article: :func:`build_graph` / :func:`build_file`. Many articles (several files or a
folder): :func:`extract_paths` runs spaCy once over all of them with ``nlp.pipe`` (or in
``jobs`` worker processes), reports a file it cannot read and goes on with the rest;
:func:`build_many` writes one graph per article, or one merged graph.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .errors import InputError, KGError
from .limits import MAX_JOBS
from .pipeline import DEFAULT_MODEL, check_length, extract, extract_many
from .reader import MAX_BYTES, Article, read_article

if TYPE_CHECKING:
    from rdflib import Graph

    from .resolve import Extraction

__all__ = ["BuildResult", "BatchResult", "ARTICLE_SUFFIXES", "MAX_JOBS", "build_graph",
           "build_file", "collect_articles", "extract_paths", "build_many"]

#: File name endings read as articles when a folder is given.
ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")

#: Called after each article with (articles done, articles in all).
Progress = Callable[[int, int], None]


@dataclass
class BuildResult:
    extraction: Extraction
    graph: Graph

    def summary(self) -> str:
        x = self.extraction
        return (f"{len(x.people)} people, {len(x.organizations)} organisations, "
                f"{len(x.papers)} papers, {len(x.affiliations)} affiliations, "
                f"{len(self.graph)} triples")


@dataclass
class BatchResult:
    """What :func:`build_many` did: the graphs it wrote and the files it skipped."""

    written: list[tuple[Path, Path, BuildResult]] = field(default_factory=list)  # in, out, result
    failed: list[tuple[Path, str]] = field(default_factory=list)  # the file, why

    @property
    def partial(self) -> bool:
        return bool(self.failed)


def build_graph(article: str | Path, *, model: str = DEFAULT_MODEL,
                max_bytes: int = MAX_BYTES) -> BuildResult:
    """Read an article file, extract its facts and map them to an RDF graph."""
    from .rdf import to_graph

    x = extract(read_article(article, max_bytes=max_bytes), model=model)
    return BuildResult(x, to_graph(x))


def build_file(article: str | Path, output: str | Path, *, model: str = DEFAULT_MODEL,
               fmt: str = "turtle", max_bytes: int = MAX_BYTES) -> BuildResult:
    """Build the graph of ``article`` and write it atomically to ``output``."""
    from .rdf import write_graph

    _not_an_article([output], [Path(article)])
    result = build_graph(article, model=model, max_bytes=max_bytes)
    write_graph(result.graph, output, fmt)
    return result


def _identity(p: Path) -> tuple[int, int] | str:
    """What makes two paths the same file: device and inode, or for a path that does not
    exist (yet), where it leads."""
    try:
        st = os.stat(p)
        return (st.st_dev, st.st_ino)
    except OSError:
        return os.path.realpath(p)


def _not_an_article(outputs: Iterable[str | Path], articles: list[Path]) -> None:
    """Refuse an output path that is one of the articles read (it would be replaced)."""
    read = {_identity(a): a for a in articles}
    for out in outputs:
        a = read.get(_identity(Path(out)))
        if a is not None:
            raise KGError(f"{out} is the article {a} itself; writing the graph there would "
                          f"replace the article: give another output file")


def collect_articles(paths: Iterable[str | Path]) -> list[Path]:
    """The article files named by ``paths``: files as given, folders expanded (sorted).

    >>> collect_articles([])
    []
    """
    out: list[Path] = []
    for p in map(Path, paths):
        if os.path.isdir(p):  # never raises: a file kg cannot even stat is read (and skipped)
            found = sorted(f for f in p.iterdir()
                           if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES)
            if not found:
                raise InputError(f"{p}: no article files (.txt, .md, .html) in this folder")
            out.extend(found)
        else:
            out.append(p)
    if len(set(out)) != len(out):
        raise InputError("the same article is named twice; give each file once")
    return out


def _extract_chunk(args: tuple[list[Article], str]) -> list[Extraction]:
    arts, model = args
    return list(extract_many(arts, model=model))


T = TypeVar("T")
R = TypeVar("R")


def _in_pool(fn: Callable[[T], R], items: list[T], jobs: int) -> Iterator[R]:
    """``map(fn, items)`` in at most ``jobs`` worker processes (never more than there are
    items), in order. The workers die with kg (:func:`kg.limits.die_with_parent`, even on
    ``kill -9``), and are killed if kg stops early (an error, Ctrl-C, SIGTERM)."""
    from concurrent.futures import ProcessPoolExecutor

    from .limits import die_with_parent

    pool = ProcessPoolExecutor(max_workers=min(jobs, len(items)),
                               initializer=die_with_parent, initargs=(os.getpid(),))
    try:
        yield from pool.map(fn, items)
    except BaseException:
        for proc in list(getattr(pool, "_processes", {}).values()):
            proc.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def extract_paths(paths: list[Path], *, model: str = DEFAULT_MODEL, jobs: int = 1,
                  progress: Progress | None = None, max_bytes: int = MAX_BYTES,
                  ) -> Iterator[tuple[Path, Extraction | KGError]]:
    """Extract every article in ``paths``, in order; an unreadable one yields its error.

    spaCy runs once over all readable articles with ``nlp.pipe``; with ``jobs`` > 1 the
    articles are split into chunks that ``jobs`` worker processes extract.
    """
    if not 1 <= jobs <= MAX_JOBS:
        raise KGError(f"jobs is a number of worker processes from 1 to {MAX_JOBS}, not {jobs}")
    read: list[tuple[Path, Article]] = []
    errors: dict[Path, KGError] = {}
    for p in paths:
        try:
            article = read_article(p, max_bytes=max_bytes)
            check_length(article)
            read.append((p, article))
        except KGError as exc:
            errors[p] = exc
        except Exception as exc:  # noqa: BLE001 - one unreadable file never stops a batch
            errors[p] = InputError(f"{p}: cannot read ({type(exc).__name__}: "
                                   f"{str(exc)[:160]})")
    total = len(paths)
    done = len(errors)
    if progress:
        progress(done, total)
    results: dict[Path, Extraction] = {}
    arts = [a for _, a in read]
    if jobs > 1 and len(arts) > 1:
        size = max(1, min(8, -(-len(arts) // jobs)))
        chunks = [arts[i : i + size] for i in range(0, len(arts), size)]
        pos = 0
        for extracted in _in_pool(_extract_chunk, [(c, model) for c in chunks], jobs):
            for x in extracted:
                results[read[pos][0]] = x
                pos += 1
                done += 1
            if progress:
                progress(done, total)
    else:
        for (p, _), x in zip(read, extract_many(arts, model=model), strict=True):
            results[p] = x
            done += 1
            if progress:
                progress(done, total)
    for p in paths:
        yield p, results[p] if p in results else errors[p]


def build_many(paths: Iterable[str | Path], *, out_dir: str | Path | None = None,
               merge: str | Path | None = None, model: str = DEFAULT_MODEL,
               fmt: str = "turtle", jobs: int = 1, progress: Progress | None = None,
               max_bytes: int = MAX_BYTES) -> BatchResult:
    """Build the graphs of many articles (files or folders) and write them atomically.

    Each article gets its own graph, written to ``out_dir`` (default: beside the article)
    as ``<stem>.ttl`` (or the format's ending); with ``merge`` every article goes into one
    graph written there, entities with the same name becoming one node. A file that cannot
    be read is recorded in ``failed`` and the rest are built.
    """
    from rdflib import Graph

    from .rdf import suffix_for, to_graph, write_graph

    suffix = suffix_for(fmt)
    files = collect_articles(paths)
    if not files:
        raise InputError("no articles given; name one or more files or a folder")
    if out_dir is not None and not Path(out_dir).is_dir():
        raise InputError(f"{out_dir}: no such folder for the graphs; create it first")
    if out_dir is None and merge is None:
        stems = [f.stem for f in files]
        if len(set(zip(stems, [f.parent for f in files], strict=True))) != len(files):
            raise InputError("two articles share a name; give --out-dir or --merge")
    elif out_dir is not None and len({f.stem for f in files}) != len(files):
        raise InputError("two articles share a file name; their graphs would overwrite each "
                         "other in --out-dir; rename one")
    outs = [Path(merge)] if merge is not None else [
        (Path(out_dir) if out_dir is not None else f.parent) / (f.stem + suffix) for f in files]
    _not_an_article(outs, files)
    batch = BatchResult()
    merged: Graph | None = None
    for path, x in extract_paths(files, model=model, jobs=jobs, progress=progress,
                                 max_bytes=max_bytes):
        if isinstance(x, KGError):
            batch.failed.append((path, str(x)))
            continue
        if merge is not None:
            merged = merged if merged is not None else Graph()
            to_graph(x, graph=merged)
            batch.written.append((path, Path(merge), BuildResult(x, merged)))
            continue
        out = (Path(out_dir) if out_dir is not None else path.parent) / (path.stem + suffix)
        result = BuildResult(x, to_graph(x))
        write_graph(result.graph, out, fmt)
        batch.written.append((path, out, result))
    if merge is not None and merged is not None:
        write_graph(merged, merge, fmt)
    return batch
