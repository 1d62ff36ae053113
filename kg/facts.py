"""The facts kg extracts, as small dataclasses.

Components record facts about *mentions* (names as the text writes them); entity
resolution (:mod:`kg.resolve`) turns them into facts about entities (canonical names),
which :mod:`kg.rdf` maps to RDF. Every fact keeps the sentence spans it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .dates import PartialDate

__all__ = [
    "Span",
    "PersonFact",
    "OrgFact",
    "AuthorFact",
    "PaperFact",
    "AffiliationFact",
    "AliasFact",
    "Facts",
    "RELATIONS",
]

#: The affiliation relations kg knows, as the ``affiliations`` query names them.
RELATIONS = ("worksFor", "alumniOf", "founderOf", "memberOf", "fundedBy")

Span = tuple[int, int]  # a sentence's (start, end) in Article.text


@dataclass
class PersonFact:
    name: str
    start: int
    end: int
    sentence: Span
    source: str = "ner"  # ner | list | table | reference | rule


@dataclass
class OrgFact:
    name: str
    start: int
    end: int
    sentence: Span
    kind: str | None = None
    actor: bool = False  # the text has it act (report, publish, raise ...)
    alias_of: str | None = None  # a short name the text defines: "X (Y)" makes Y a name of X


@dataclass
class AuthorFact:
    name: str
    position: int | None = None
    first: bool = False


@dataclass
class PaperFact:
    title: str | None
    sentence: Span
    aliases: list[str] = field(default_factory=list)
    date: PartialDate | None = None
    venue: str | None = None
    identifiers: list[str] = field(default_factory=list)
    authors: list[AuthorFact] = field(default_factory=list)
    complete: bool = False
    source: str = "prose"


@dataclass
class AffiliationFact:
    person: str
    relation: str
    organization: str
    sentence: Span
    start: PartialDate | None = None
    end: PartialDate | None = None
    person_is_org: bool = False
    soft: bool = False  # the relation depends on the organisation's kind (left X, at X)


@dataclass
class AliasFact:
    name: str
    alias: str
    sentence: Span


@dataclass
class Facts:
    """Everything the components found in one document, before resolution."""

    subject: str | None = None
    subject_pronoun: str | None = None
    #: In an interview, the spans of the blocks that speak in the first person (the
    #: answers): there "he" and "she" are other people and the subject is "I".
    answers: list[tuple[int, int]] = field(default_factory=list)
    people: list[PersonFact] = field(default_factory=list)
    orgs: list[OrgFact] = field(default_factory=list)
    papers: list[PaperFact] = field(default_factory=list)
    affiliations: list[AffiliationFact] = field(default_factory=list)
    aliases: list[AliasFact] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    terms: set[str] = field(default_factory=set)  # names that are not people (acronym expansions)
    #: the article's title when the page is about an organisation ("X is a record label")
    title_org: str | None = None
    title_org_kind: str | None = None
