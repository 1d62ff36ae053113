"""Entity resolution: from mentions to entities.

Names of one person are merged (fullest form as the name; surname, initials forms and
handles as aliases) while homonyms stay apart; organisation short forms join their full
names; the same paper named in prose, in a table and in a reference list becomes one.

>>> same_person("I. J. Goodfellow", "Ian Goodfellow"), same_person("Mark Chen", "Xi Chen")
(True, False)
>>> same_person("Tom B. Brown", "Tom Brown"), same_person("Radford Neal", "Alec Radford")
(True, False)
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .dates import PartialDate
from .facts import Facts, PaperFact, Span
from .lexicon import NAME_PARTICLES, initials_of, org_kind_from_name
from .reader import Article

__all__ = [
    "Person",
    "Organization",
    "Author",
    "Paper",
    "Affiliation",
    "Extraction",
    "resolve",
    "norm_name",
    "same_person",
]


@dataclass
class Person:
    name: str
    aliases: set[str] = field(default_factory=set)
    evidence: set[Span] = field(default_factory=set)
    is_subject: bool = False


@dataclass
class Organization:
    name: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    evidence: set[Span] = field(default_factory=set)


@dataclass
class Author:
    name: str
    position: int | None = None
    first: bool = False
    evidence: set[Span] = field(default_factory=set)


@dataclass
class Paper:
    title: str
    aliases: set[str] = field(default_factory=set)
    date: PartialDate | None = None
    venue: str | None = None
    identifiers: list[str] = field(default_factory=list)
    authors: list[Author] = field(default_factory=list)
    complete: bool = False
    evidence: set[Span] = field(default_factory=set)


@dataclass
class Affiliation:
    person: str
    relation: str
    organization: str
    start: PartialDate | None = None
    end: PartialDate | None = None
    person_is_org: bool = False
    evidence: set[Span] = field(default_factory=set)


@dataclass
class Extraction:
    """What kg extracted from one article, resolved to entities."""

    article: Article
    subject: str | None
    people: list[Person]
    organizations: list[Organization]
    papers: list[Paper]
    affiliations: list[Affiliation]


def norm_name(name: str) -> str:
    """Normalise a name for matching: NFC, case folding, white space, no dots or 'the'.

    >>> norm_name("  The  Boston Globe ")
    'boston globe'
    """
    t = unicodedata.normalize("NFC", name).casefold().replace("’", "'")
    t = re.sub(r"\s+", " ", t.replace(".", ". ")).strip()
    t = re.sub(r"^the ", "", t)
    return re.sub(r"\.", "", t).replace("  ", " ").strip()


def _parts(name: str) -> list[str]:
    return [p for p in re.split(r"[\s]+", name.replace(".", ". ").strip()) if p]


def same_person(a: str, b: str) -> bool:
    """Whether two multi-word name forms can be the same person (see module doctest)."""
    pa, pb = _parts(a), _parts(b)
    if len(pa) < 2 or len(pb) < 2:
        return False
    # "Miguel Hidalgo y Costilla" and "Miguel Hidalgo": a full name that goes on after a
    # joining particle
    short, long_ = sorted((pa, pb), key=len)
    joined = len(long_) > len(short) and long_[len(short)].lower() in ("y", "e", "i", "de", "del")
    if joined and [norm_name(x) for x in long_[: len(short)]] == [norm_name(x) for x in short]:
        return True
    if norm_name(pa[-1]) != norm_name(pb[-1]):
        return False
    ga, gb = pa[:-1], pb[:-1]

    def initial(x: str) -> bool:
        return bool(re.fullmatch(r"[A-Z]\.?", x))

    fa, fb = ga[0].rstrip("."), gb[0].rstrip(".")
    if initial(ga[0]) or initial(gb[0]):
        return fa[0].lower() == fb[0].lower()
    if fa.lower() != fb.lower():
        return False
    # middle names: compatible when one is missing or the initials agree
    ma, mb = ga[1:], gb[1:]
    for x, y in zip(ma, mb, strict=False):
        if x[0].lower() != y[0].lower():
            return False
    return True


def _fullness(name: str) -> tuple[int, int, int]:
    parts = _parts(name)
    full_words = sum(1 for p in parts if not re.fullmatch(r"[A-Z]\.?", p))
    return (full_words, len(parts), len(name))


class _PeopleIndex:
    def __init__(self, subject: str | None) -> None:
        self.entities: list[Person] = []
        self.by_form: dict[str, Person] = {}
        self.subject = subject

    def add_full(self, name: str) -> Person:
        key = norm_name(name)
        if key in self.by_form:
            return self.by_form[key]
        tail = self._particle_tail(name)
        if tail is not None:
            tail.aliases.add(name)
            self.by_form[key] = tail
            return tail
        for ent in self.entities:
            if same_person(name, ent.name) or any(same_person(name, a) for a in ent.aliases
                                                  if len(_parts(a)) > 1):
                if _fullness(name) > _fullness(ent.name):
                    ent.aliases.add(ent.name)
                    ent.name = name
                else:
                    ent.aliases.add(name)
                self.by_form[key] = ent
                return ent
        ent = Person(name)
        self.entities.append(ent)
        self.by_form[key] = ent
        return ent

    def find(self, name: str) -> Person | None:
        key = norm_name(name)
        if key in self.by_form:
            return self.by_form[key]
        parts = _parts(name)
        if len(parts) == 1:
            token = key
            last = [e for e in self.entities if norm_name(_parts(e.name)[-1]) == token]
            if len(last) > 1:
                subj = [e for e in last if e.is_subject]
                last = subj or []
            if len(last) == 1:
                return last[0]
            first = [e for e in self.entities
                     if e.is_subject and norm_name(_parts(e.name)[0]) == token]
            if len(first) == 1:
                return first[0]
            # a given name alone ("Sofía", "Duc"), when one known person has it
            first = [e for e in self.entities if len(_parts(e.name)) > 1
                     and norm_name(_parts(e.name)[0]) == token]
            if len(first) == 1:
                return first[0]
            # a first surname of a name with two ("Echeverría" in "María Echeverría de la
            # Torre"): a later word of exactly one known name, the subject first
            inner = [e for e in self.entities if token in
                     [norm_name(x) for x in _parts(e.name)[1:-1]
                      if x.lower() not in NAME_PARTICLES and not re.fullmatch(r"[A-Z]\.?", x)]]
            inner = [e for e in inner if e.is_subject] or inner
            return inner[0] if len(inner) == 1 else None
        for ent in self.entities:
            if same_person(name, ent.name):
                return ent
        return self._particle_tail(name)

    def _particle_tail(self, name: str) -> Person | None:
        """The one known person whose name ends with ``name``, a surname with a particle
        ("De Masi" for "Francesco De Masi")."""
        parts = _parts(name)
        if len(parts) < 2:
            return None
        if parts[0].lower() not in NAME_PARTICLES:
            # a double surname alone ("Cavalcanti Lopes" of "Henrique Cavalcanti Lopes")
            tail = [e for e in self.entities if len(_parts(e.name)) > len(parts)
                    and [norm_name(x) for x in _parts(e.name)[-len(parts):]]
                    == norm_name(name).split()]
            return tail[0] if len(tail) == 1 else None
        key = norm_name(name).split()
        n = len(parts)

        def holds(e: Person) -> bool:
            # at the end ("De Masi"), or a first surname before a second ("de la Fuente"
            # in "José de la Fuente Ortega")
            words = [norm_name(x) for x in _parts(e.name)]
            return any(words[i:i + n] == key for i in range(1, len(words) - n + 1))

        tail = [e for e in self.entities if holds(e)]
        tail = [e for e in tail if e.is_subject] or tail
        return tail[0] if len(tail) == 1 else None


def _paper_key(title: str) -> str:
    t = norm_name(title)
    return re.sub(r"[^\w ]+", " ", t).strip()


def _acronym_forms(title: str) -> set[str]:
    """The title with each run of capitalised words also written as its acronym (+s)."""
    words = title.split()
    forms = {_paper_key(title)}
    for i in range(len(words)):
        for j in range(i + 2, min(len(words), i + 5) + 1):
            run = words[i:j]
            if all(w[:1].isupper() for w in run):
                acro = "".join(w[0] for w in run)
                for suffix in ("", "s"):
                    forms.add(_paper_key(" ".join(words[:i] + [acro + suffix] + words[j:])))
    return forms


def _same_paper(a: Paper, b: PaperFact) -> bool:
    if b.title is None:
        return False
    ka, kb = _paper_key(a.title), _paper_key(b.title)
    if ka == kb or set(a.identifiers) & set(b.identifiers):
        return True
    fa = set().union(*(_acronym_forms(t) for t in [a.title, *a.aliases]))
    if fa & _acronym_forms(b.title):
        return True
    if {_paper_key(x) for x in a.aliases} & {_paper_key(x) for x in b.aliases}:
        return True
    ya = a.date.year if a.date else None
    yb = b.date.year if b.date else None
    wa, wb = ka.split(), kb.split()
    if (ya is None or yb is None or ya == yb) and len(wa) >= 5 and wa[:5] == wb[:5]:
        return True
    return difflib.SequenceMatcher(None, ka, kb).ratio() >= 0.9


def _merge_date(cur: PartialDate | None, new: PartialDate | None) -> PartialDate | None:
    if cur is None:
        return new
    if new is None:
        return cur
    if new.refines(cur):
        return new
    return cur


_MODELISH = re.compile(r"^[A-Z][A-Za-z]*-?\d|^[A-Z]{2,}-[A-Z0-9]|\d")


def resolve(article: Article, facts: Facts) -> Extraction:
    """Turn the mention-level :class:`~kg.facts.Facts` of one article into entities."""
    people = _PeopleIndex(facts.subject)
    if facts.subject:
        people.add_full(facts.subject).is_subject = True
    multi = [p for p in facts.people if len(_parts(p.name)) > 1]
    for p in sorted(multi, key=lambda p: (-_fullness(p.name)[0], p.start)):
        people.add_full(p.name)
    for paper_fact in facts.papers:
        for author_fact in paper_fact.authors:
            if len(_parts(author_fact.name)) > 1:
                people.add_full(author_fact.name)
    for af in facts.affiliations:
        if not af.person_is_org and len(_parts(af.person)) > 1:
            people.add_full(af.person)

    def person(name: str, span: Span | None = None) -> Person | None:
        ent = people.find(name)
        if ent is not None:
            if norm_name(name) != norm_name(ent.name):
                ent.aliases.add(name)
            if span:
                ent.evidence.add(span)
        return ent

    for al in facts.aliases:
        ent = person(al.name, al.sentence)
        if ent is not None:
            ent.aliases.add(al.alias)
            people.by_form.setdefault(norm_name(al.alias), ent)
    for p in facts.people:
        if person(p.name, p.sentence) is None and p.source == "ner":
            # a one-word name the model tags PERSON that is no one else's surname or alias
            people.add_full(p.name).evidence.add(p.sentence)

    # ---- papers
    papers: list[Paper] = []
    sources: dict[int, list[PaperFact]] = {}
    for pf in sorted(facts.papers, key=lambda p: {"table": 0, "reference": 1}.get(p.source, 2)):
        if pf.title is None:
            continue
        match = next((p for p in papers if _same_paper(p, pf)), None)
        if match is None:
            match = Paper(pf.title)
            papers.append(match)
            sources[id(match)] = []
        sources[id(match)].append(pf)
        if len(pf.title) > len(match.title):
            match.aliases.add(match.title)
            match.title = pf.title
        elif _paper_key(pf.title) != _paper_key(match.title):
            match.aliases.add(pf.title)
        match.aliases.update(pf.aliases)
        match.evidence.add(pf.sentence)
        if pf.date is not None:
            if match.date is None or pf.date.year == match.date.year:
                match.date = _merge_date(match.date, pf.date)
        if pf.venue and (match.venue is None or match.venue == "arXiv" and pf.venue != "arXiv"):
            match.venue = pf.venue
        for i in pf.identifiers:
            if i not in match.identifiers:
                match.identifiers.append(i)
        match.complete = match.complete or pf.complete
    for paper in papers:
        order: list[Author] = []
        for pf in sources[id(paper)]:
            for author_fact in pf.authors:
                ent = person(author_fact.name, pf.sentence)
                if ent is None:
                    continue
                cur = next((a for a in order if a.name == ent.name), None)
                if cur is None:
                    cur = Author(ent.name)
                    order.append(cur)
                cur.evidence.add(pf.sentence)
                if author_fact.position is not None and cur.position is None:
                    cur.position = author_fact.position
                cur.first = cur.first or author_fact.first
        firsts = [a for a in order if a.first]
        if len(firsts) > 1:  # trust the earliest (table, reference) source
            for a in firsts[1:]:
                a.first = False
                a.position = None if a.position == 1 else a.position
        order.sort(key=lambda a: (a.position is None, a.position or 0))
        paper.authors = order
        paper.aliases.discard(paper.title)

    # ---- organisations
    paper_names = {norm_name(x) for p in papers for x in (p.title, *p.aliases)}
    person_names = {norm_name(x) for e in people.entities for x in (e.name, *e.aliases)}
    in_relation = {norm_name(a.organization) for a in facts.affiliations} | {
        norm_name(a.person) for a in facts.affiliations if a.person_is_org}
    orgs: list[Organization] = []
    by_key: dict[str, Organization] = {}
    kinds: dict[str, Counter[str]] = {}
    mentions = sorted(facts.orgs, key=lambda o: -len(o.name))
    for om in mentions:
        key = norm_name(om.name)
        if key in paper_names or key in person_names or _MODELISH.search(om.name) and not \
                org_kind_from_name(om.name):
            continue
        target = by_key.get(key)
        if target is None and om.alias_of:
            target = by_key.get(norm_name(om.alias_of))
        if target is None:
            target = _org_alias_target(om.name, orgs)
        if target is None:
            keep = org_kind_from_name(om.name) is not None or om.actor or key in in_relation
            if not keep:
                continue
            target = Organization(om.name, "")
            orgs.append(target)
            kinds[target.name] = Counter()
        elif norm_name(target.name) != key:
            target.aliases.add(om.name)
        by_key[key] = target
        target.evidence.add(om.sentence)
        if om.kind:
            kinds[target.name][om.kind] += 1

    def org(name: str) -> Organization | None:
        return by_key.get(norm_name(name)) or _org_alias_target(name, orgs)

    affs: dict[tuple[str, str, str], Affiliation] = {}
    # (person, organisation) pairs some statement says one worked at: "left X" then ends
    # that job, not a study
    employed: dict[tuple[str, str], int] = {}  # the year a job there began
    for af in facts.affiliations:
        o = org(af.organization)
        pe = person(af.person) if not af.person_is_org else None
        if o is not None and pe is not None and af.relation == "worksFor" and af.start:
            pair = (pe.name, o.name)
            employed[pair] = min(employed.get(pair, af.start.year), af.start.year)
    for af in facts.affiliations:
        o = org(af.organization)
        if o is None:
            continue
        if af.person_is_org:
            po = org(af.person)
            pname = po.name if po else None
        else:
            pe = person(af.person)
            pname = pe.name if pe else None
        if pname is None or pname == o.name:
            continue
        rel = af.relation
        kind = org_kind_from_name(o.name) or (kinds[o.name].most_common(1)[0][0]
                                              if kinds.get(o.name) else None)
        if af.soft and rel == "worksFor" and kind in ("university", "school") and af.end \
                and not af.start and (pname, o.name) not in employed:
            rel = "alumniOf"
        elif af.soft and rel == "alumniOf" and af.end and not af.start \
                and af.end.year >= employed.get((pname, o.name), 10**4):
            rel = "worksFor"  # "she left the university" after she joined it as a professor
        elif af.soft and rel == "alumniOf" and kind not in ("university", "school", None):
            rel = "worksFor"
        key3 = (pname, rel, o.name)
        aff = affs.get(key3)
        if aff is None:
            aff = affs[key3] = Affiliation(pname, rel, o.name, person_is_org=af.person_is_org)
        aff.evidence.add(af.sentence)
        if aff.end is not None and af.start is not None and af.start == aff.end \
                and aff.start is not None:
            aff.end = af.end  # consecutive posts at one place: 2013–2019, 2019–present
            continue
        if aff.start is not None and af.end is not None and af.end == aff.start \
                and af.start is not None:
            aff.start = af.start  # the same, listed latest first: 2019–present, 2013–2019
            continue
        if aff.start is not None and af.start is not None and aff.start.year != af.start.year:
            # two spells of one post (a CV's rows): from the earlier start, to the later
            # end, open if the later spell is
            later = af if af.start.year > aff.start.year else aff
            aff.start = af.start if af.start.year < aff.start.year else aff.start
            aff.end = later.end if later.end is None or aff.end is None or af.end is None \
                else max(aff.end, af.end, key=lambda d: d.iso)
        else:
            aff.start = _merge_date(aff.start, af.start)
            aff.end = _merge_date(aff.end, af.end)
        if af.relation == "fundedBy":
            kinds[o.name]["investor"] += 3
    for o in orgs:
        c = kinds.get(o.name) or Counter()
        o.kind = org_kind_from_name(o.name) or (c.most_common(1)[0][0] if c else "company")

    for ent in people.entities:
        ent.aliases = {a for a in ent.aliases if norm_name(a) != norm_name(ent.name)}
    kept_people = [e for e in people.entities
                   if e.evidence or e.is_subject or any(a.name == e.name for p in papers
                                                        for a in p.authors)]
    return Extraction(
        article=article,
        subject=next((e.name for e in people.entities if e.is_subject), None),
        people=kept_people,
        organizations=orgs,
        papers=papers,
        affiliations=list(affs.values()),
    )


def _org_alias_target(name: str, orgs: list[Organization]) -> Organization | None:
    """A longer organisation this name is a short form of ('Indico' of 'Indico Data')."""
    key = norm_name(name)
    words = key.split()
    if not words:
        return None

    if len(words) == 1:
        # a place's name standing for the one university named after it ("her Edinburgh
        # doctoral student", "Toronto's machine learning group")
        named = [o for o in orgs if norm_name(o.name) in (f"university of {key}",
                                                           f"{key} university")]
        if len(named) == 1:
            return named[0]
        # a word of one university's name that also starts a lab's name ("Hopkins" beside
        # "Johns Hopkins Bloomberg School of Public Health" and "Hopkins Environmental
        # Surveillance Laboratory", named after it): the university
        schools = {o.name: o for o in orgs if key in norm_name(o.name).split()
                   and norm_name(o.name).split()[0] != key
                   and org_kind_from_name(o.name) in ("university", "school")}
        if len(schools) == 1:
            return next(iter(schools.values()))

    def bare(n: str) -> list[str]:  # "Howell's School" begins with "Howell"
        return [re.sub(r"['’]s$", "", w) for w in norm_name(n).split()]

    prefix = [o for o in orgs if bare(o.name)[: len(words)] == words
              and len(norm_name(o.name).split()) > len(words)]
    if len(prefix) >= 1:
        return min(prefix, key=lambda o: len(o.name)) if len({p.name for p in prefix}) == 1 \
            else max(prefix, key=lambda o: len(o.name))
    if len(words) == 1 and org_kind_from_name(name) is None and len(name) >= 4 \
            and not name.isupper():
        inside = [o for o in orgs if words[0] in norm_name(o.name).split()]
        if len(inside) == 1:
            return inside[0]
    letters = re.sub(r"[.\s&]", "", name)
    if 2 <= len(letters) <= 8 and letters.isupper():
        # an abbreviation of one named body: "U.C.S.F." of "University of California, San
        # Francisco", "MIT" of "Massachusetts Institute of Technology"
        spelled = [o for o in orgs if initials_of(o.name) == letters and len(o.name) > len(name)]
        if len({o.name for o in spelled}) == 1:
            return spelled[0]
    return None


