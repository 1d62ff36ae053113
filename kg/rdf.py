"""Mapping an :class:`~kg.resolve.Extraction` to RDF, and writing it.

schema.org carries the core (people, organisations, scholarly articles, authors, dates,
affiliations) as direct "truthy" triples. Following Wikidata's pattern, each authorship
and affiliation also gets a statement node that carries what a plain triple cannot: the
author's position, the first-author flag, start and end dates, and the evidence (PROV-O:
the sentence, with its text and character offsets in the article, and its citation
markers). IRIs come from normalised names, so building twice gives the same graph and the
same Turtle, byte for byte.

>>> slug("Jong Wook Kim"), slug("Franklin W. Olin College"), slug("Zoë  Ünal")
('jong-wook-kim', 'franklin-w-olin-college', 'zoë-ünal')
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import unicodedata
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from .dates import PartialDate
from .errors import InputError, KGError
from .rdfguard import guard_rdflib
from .resolve import Extraction, norm_name
from .vocab import KG, KGR, PROV, RDF, SDO, XSD, bind_prefixes

guard_rdflib()  # quiet conversion warnings, bounded xsd:decimal (kg.rdfguard)

__all__ = [
    "slug",
    "to_graph",
    "serialize",
    "write_graph",
    "write_atomic",
    "write_files",
    "ORG_TYPES",
    "RELATION_PROPERTIES",
    "date_literal",
    "SUFFIXES",
    "suffix_for",
]

ORG_TYPES = {
    "company": SDO.Corporation,
    "university": SDO.CollegeOrUniversity,
    "school": SDO.School,
    "lab": SDO.ResearchOrganization,
    "media": SDO.NewsMediaOrganization,
    "government": SDO.GovernmentOrganization,
    "investor": KG.Investor,
    "accelerator": KG.Accelerator,
}

#: The direct property of each relation; founderOf and fundedBy also get schema.org's
#: inverse (``schema:founder``, ``schema:funder``) on the organisation.
RELATION_PROPERTIES = {
    "worksFor": SDO.worksFor,
    "alumniOf": SDO.alumniOf,
    "founderOf": KG.founderOf,
    "memberOf": SDO.memberOf,
    "fundedBy": KG.fundedBy,
}


def slug(name: str, *, limit: int = 80) -> str:
    """A readable IRI segment from a name: NFC, lower case, words joined by hyphens."""
    t = unicodedata.normalize("NFC", name).casefold()
    t = re.sub(r"[^\w]+", "-", t).strip("-_")
    if len(t) > limit:
        t = t[:limit].rsplit("-", 1)[0]
    return t or "x"


def date_literal(d: PartialDate) -> Literal:
    """A date as xsd:gYear, xsd:gYearMonth or xsd:date, by its precision.

    >>> date_literal(PartialDate("2019-02")).datatype == XSD.gYearMonth
    True
    """
    dt = {"year": XSD.gYear, "month": XSD.gYearMonth, "day": XSD.date}[d.precision]
    return Literal(d.iso, datatype=dt)


class _Minter:
    """Stable IRIs, kept distinct when two different names share a slug."""

    def __init__(self) -> None:
        self.taken: dict[str, str] = {}

    def __call__(self, kind: str, name: str) -> URIRef:
        base = f"{kind}/{slug(name)}"
        key = norm_name(name)
        cand, n = base, 1
        while cand in self.taken and self.taken[cand] != key:
            n += 1
            cand = f"{base}-{n}"
        self.taken[cand] = key
        return KGR[cand]


def to_graph(x: Extraction, *, graph: Graph | None = None) -> Graph:
    """Map one article's extraction into ``graph`` (a new one by default)."""
    g = graph if graph is not None else Graph()
    bind_prefixes(g)
    mint = _Minter()
    art = x.article
    a_iri = KGR[f"article/{slug(art.name)}"]
    g.add((a_iri, RDF.type, SDO.Article))
    g.add((a_iri, RDF.type, PROV.Entity))
    if art.title:
        g.add((a_iri, SDO.name, Literal(art.title)))
    if art.path:
        g.add((a_iri, SDO.url, Literal(Path(art.path).name)))

    sentences: dict[tuple[int, int], URIRef] = {}

    def sentence(span: tuple[int, int]) -> URIRef:
        if span in sentences:
            return sentences[span]
        s, e = art.source_span(*span)
        iri = KGR[f"article/{slug(art.name)}/sentence/{s}-{e}"]
        sentences[span] = iri
        g.add((iri, RDF.type, KG.Sentence))
        g.add((iri, SDO.isPartOf, a_iri))
        g.add((iri, KG.text, Literal(art.text[span[0] : span[1]].strip())))
        g.add((iri, KG.beginIndex, Literal(s)))
        g.add((iri, KG.endIndex, Literal(e)))
        for m in art.markers_in(span[0], span[1] + 1):
            c = KGR[f"article/{slug(art.name)}/citation/{slug(m.label)}"]
            g.add((iri, KG.citation, c))
            g.add((c, RDF.type, KG.Citation))
            g.add((c, KG.marker, Literal(m.label)))
        return iri

    def evidence(
        node: URIRef, spans: set[tuple[int, int]], prop: URIRef = PROV.wasDerivedFrom
    ) -> None:
        for span in sorted(spans):
            g.add((node, prop, sentence(span)))

    people: dict[str, URIRef] = {}
    for p in x.people:
        iri = mint("person", p.name)
        people[p.name] = iri
        g.add((iri, RDF.type, SDO.Person))
        g.add((iri, SDO.name, Literal(p.name)))
        for al in sorted(p.aliases):
            g.add((iri, SDO.alternateName, Literal(al)))
        evidence(iri, p.evidence, KG.mentionedIn)
        if p.is_subject:
            g.add((a_iri, SDO.about, iri))

    orgs: dict[str, URIRef] = {}
    for o in x.organizations:
        iri = mint("organization", o.name)
        orgs[o.name] = iri
        g.add((iri, RDF.type, SDO.Organization))
        if o.kind in ORG_TYPES:
            g.add((iri, RDF.type, ORG_TYPES[o.kind]))
        g.add((iri, SDO.name, Literal(o.name)))
        g.add((iri, KG.kind, Literal(o.kind)))
        for al in sorted(o.aliases):
            g.add((iri, SDO.alternateName, Literal(al)))
        evidence(iri, o.evidence, KG.mentionedIn)

    for paper in x.papers:
        iri = mint("paper", paper.title)
        g.add((iri, RDF.type, SDO.ScholarlyArticle))
        g.add((iri, SDO.name, Literal(paper.title)))
        for al in sorted(paper.aliases):
            g.add((iri, SDO.alternateName, Literal(al)))
        if paper.date is not None:
            g.add((iri, SDO.datePublished, date_literal(paper.date)))
        if paper.venue:
            g.add((iri, KG.venue, Literal(paper.venue)))
        for ident in paper.identifiers:
            g.add((iri, SDO.identifier, Literal(ident)))
            if ident.startswith("arXiv:"):
                g.add((iri, SDO.sameAs, URIRef("https://arxiv.org/abs/" + ident[6:])))
            elif ident.startswith("doi:"):
                g.add((iri, SDO.sameAs, URIRef("https://doi.org/" + ident[4:])))
        evidence(iri, paper.evidence, KG.mentionedIn)
        for au in paper.authors:
            person = people.get(au.name)
            if person is None:
                continue
            g.add((iri, SDO.author, person))
            st = KGR[f"statement/authorship/{slug(paper.title, limit=60)}/{slug(au.name)}"]
            g.add((iri, KG.authorStatement, st))
            g.add((st, RDF.type, KG.AuthorStatement))
            g.add((st, KG.paper, iri))
            g.add((st, KG.author, person))
            if au.position is not None:
                g.add((st, KG.position, Literal(au.position)))
            if au.first:
                g.add((st, KG.firstAuthor, Literal(True)))
            evidence(st, au.evidence)

    for af in x.affiliations:
        subj = orgs.get(af.person) if af.person_is_org else people.get(af.person)
        obj = orgs.get(af.organization)
        if subj is None or obj is None:
            continue
        prop = RELATION_PROPERTIES[af.relation]
        g.add((subj, prop, obj))
        if af.relation == "founderOf":
            g.add((obj, SDO.founder, subj))
        elif af.relation == "fundedBy":
            g.add((subj, SDO.funder, obj))
        st = KGR[f"statement/affiliation/{slug(af.person, limit=50)}/{af.relation}/"
                 f"{slug(af.organization, limit=50)}"]
        g.add((subj, KG.affiliationStatement, st))
        g.add((st, RDF.type, KG.AffiliationStatement))
        g.add((st, KG.subject, subj))
        g.add((st, KG.relation, Literal(af.relation)))
        g.add((st, RDF.predicate, prop))
        g.add((st, KG.organization, obj))
        if af.start is not None:
            g.add((st, KG.startDate, date_literal(af.start)))
        if af.end is not None:
            g.add((st, KG.endDate, date_literal(af.end)))
        evidence(st, af.evidence)
    return g


#: The RDF formats kg writes, with their usual file endings.
SUFFIXES = {"turtle": ".ttl", "nt": ".nt", "xml": ".rdf", "json-ld": ".jsonld"}


def suffix_for(fmt: str) -> str:
    """The file ending of an RDF format kg writes; an unknown format is a usage error.

    >>> suffix_for("nt")
    '.nt'
    """
    if fmt not in SUFFIXES:
        raise KGError(f"unknown RDF format {fmt!r}; use one of {', '.join(SUFFIXES)}")
    return SUFFIXES[fmt]


def serialize(graph: Graph, fmt: str = "turtle") -> bytes:
    """Serialise a graph; Turtle output is deterministic for graphs without blank nodes."""
    suffix_for(fmt)
    data = graph.serialize(format=fmt, encoding="utf-8")
    return data if isinstance(data, bytes) else data.encode("utf-8")


def _mode_for(p: Path) -> int:
    """The permissions a replaced file keeps, or a new file's (0o666 less the umask)."""
    try:
        return p.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _plan(path: str | Path) -> tuple[Path, bool]:
    """Where a write of ``path`` lands, and whether it is a stream (a device, a FIFO) to
    write in place rather than a file to replace by rename.

    A symlink is followed: the file it points to is replaced and the link stays. A
    read-only file is refused, and so is a directory or a missing folder.
    """
    p = Path(path)
    try:
        st: os.stat_result | None = os.stat(p)  # follows symlinks: /dev/stdout, a FIFO's link
    except (FileNotFoundError, NotADirectoryError):
        st = None
    except OSError as exc:
        raise InputError(f"{p}: cannot write ({exc.strerror or exc})") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise InputError(f"{p} is a directory; give a file name for the output")
    if st is not None and not stat.S_ISREG(st.st_mode):
        return p, True
    if p.is_symlink():
        p = Path(os.path.realpath(p))
    folder = p.parent if str(p.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder for the output; create it first")
    if st is not None and (not st.st_mode & 0o222 or not os.access(p, os.W_OK)):
        raise InputError(f"{p} is read-only; kg does not replace a read-only file (make it "
                         f"writable first: chmod u+w {p})")
    return p, False


def _temporary(p: Path, data: bytes) -> str:
    """``data`` written and synced to a new hidden temporary ``.NAME.*.tmp`` beside ``p``,
    with the permissions ``p`` has (or a new file's)."""
    folder = p.parent if str(p.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"{p}: cannot write in {folder} ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(p))
    except BaseException:
        _unlink(tmp)
        raise
    return tmp


def _unlink(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def write_files(items: list[tuple[str | Path, bytes]]) -> None:
    """Write each ``(path, data)``, all or nothing: every file first goes to a temporary
    beside its target, and only when all are written and synced are they renamed into
    place. A failure before the renames leaves every old file as it was and no temporary.

    A path that is a device or a FIFO (``/dev/null``, ``/dev/stdout`` on a pipe) is
    written as a stream, in place, after the renames; it is never replaced. A symlink is
    followed (its target is replaced, the link stays); a read-only file is refused.
    """
    plans = [(*_plan(path), data) for path, data in items]
    temps: list[tuple[str, Path]] = []
    current = plans[0][0] if plans else Path(".")
    try:
        for current, stream, data in plans:
            if not stream:
                temps.append((_temporary(current, data), current))
        while temps:
            tmp, current = temps[0]
            os.replace(tmp, current)
            temps.pop(0)
        for current, stream, data in plans:
            if stream:
                with open(current, "wb") as fh:
                    fh.write(data)
    except BaseException as exc:
        for tmp, _ in temps:
            _unlink(tmp)
        if isinstance(exc, OSError):
            raise InputError(f"{current}: cannot write ({exc.strerror or exc})") from None
        raise


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename
    (see :func:`write_files`: devices and FIFOs are written as streams, symlinks followed,
    read-only files refused)."""
    write_files([(path, data)])


def write_graph(graph: Graph, path: str | Path, fmt: str = "turtle") -> None:
    """Serialise ``graph`` and write it atomically: an old file survives any failure."""
    write_atomic(path, serialize(graph, fmt))
