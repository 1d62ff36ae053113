"""A synthetic corpus graph in kg's vocabulary, written as N-Triples, for benchmarks.

The graph has the shapes of nodes ``kg build`` writes (see ``data/radford.ttl``) at the
size of a large corpus: papers (``schema:ScholarlyArticle``) with a title, a date
(``xsd:gYear``, ``xsd:gYearMonth`` or ``xsd:date``, 1990-2025), a venue, identifiers, and
one ``kg:AuthorStatement`` per author (position, ``kg:firstAuthor`` on position 1, the
sentence it was read from); people (``schema:Person``) whose popularity follows a power
law, so a few have hundreds of papers, grouped in teams that write together;
organisations with their kinds and types; affiliation statements (``worksFor``,
``alumniOf``, ``founderOf``, ``memberOf``, ``fundedBy``) with the direct triples beside
them, dates and evidence; and one article node whose ``schema:about`` is the most
prolific person, so the ``@subject`` default of the saved queries names someone.

The output depends only on the arguments (the same seed gives the same file, byte for
byte). It is written line by line, without rdflib, so 100,000 papers take seconds:

    python benchmarks/synth.py --papers 100000 --seed 1 -o /tmp/synth.nt [--check]

``--check`` parses the written file with pyoxigraph (which validates every IRI).
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TextIO

from kg.rdf import slug  # the IRIs kg itself mints

__all__ = ["Corpus", "generate", "write_ntriples", "main"]

KGR = "https://w3id.org/kg/resource/"
_XSD = "http://www.w3.org/2001/XMLSchema#"


def _sdo(local: str) -> str:
    return f"<https://schema.org/{local}>"


def _kg(local: str) -> str:
    return f"<https://w3id.org/kg/ontology#{local}>"


A = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
RDF_PREDICATE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate>"
DERIVED = "<http://www.w3.org/ns/prov#wasDerivedFrom>"
PROV_ENTITY = "<http://www.w3.org/ns/prov#Entity>"
NAME, ALT, ABOUT, URL = _sdo("name"), _sdo("alternateName"), _sdo("about"), _sdo("url")
AUTHOR, DATE, IDENT, SAME = _sdo("author"), _sdo("datePublished"), _sdo("identifier"), \
    _sdo("sameAs")
PART_OF = _sdo("isPartOf")
PERSON, ORG, PAPER, ARTICLE = _sdo("Person"), _sdo("Organization"), \
    _sdo("ScholarlyArticle"), _sdo("Article")
K_AUTHOR_ST, K_AUTHOR, K_PAPER = _kg("authorStatement"), _kg("author"), _kg("paper")
K_POSITION, K_FIRST, K_VENUE = _kg("position"), _kg("firstAuthor"), _kg("venue")
K_MENTIONED, K_KIND, K_AFF_ST = _kg("mentionedIn"), _kg("kind"), _kg("affiliationStatement")
K_SUBJECT, K_RELATION, K_ORG = _kg("subject"), _kg("relation"), _kg("organization")
K_START, K_END = _kg("startDate"), _kg("endDate")
K_TEXT, K_BEGIN, K_END_INDEX, K_CITATION, K_MARKER = _kg("text"), _kg("beginIndex"), \
    _kg("endIndex"), _kg("citation"), _kg("marker")
AUTHOR_STATEMENT, AFF_STATEMENT = _kg("AuthorStatement"), _kg("AffiliationStatement")
SENTENCE, CITATION = _kg("Sentence"), _kg("Citation")
TRUE = f'"true"^^<{_XSD}boolean>'

#: kg.rdf.ORG_TYPES: the rdf:type beside schema:Organization for each kind.
ORG_TYPES = {
    "company": _sdo("Corporation"), "university": _sdo("CollegeOrUniversity"),
    "school": _sdo("School"), "lab": _sdo("ResearchOrganization"),
    "media": _sdo("NewsMediaOrganization"), "government": _sdo("GovernmentOrganization"),
    "investor": _kg("Investor"), "accelerator": _kg("Accelerator"),
}
#: kg.rdf.RELATION_PROPERTIES: the direct property of each relation.
RELATION_PROPERTIES = {
    "worksFor": _sdo("worksFor"), "alumniOf": _sdo("alumniOf"), "founderOf": _kg("founderOf"),
    "memberOf": _sdo("memberOf"), "fundedBy": _kg("fundedBy"),
}
FOUNDER, FUNDER = _sdo("founder"), _sdo("funder")

# Authors per paper, 1..15: skewed, mean about 4.
AUTHOR_COUNTS = {1: 10, 2: 18, 3: 21, 4: 17, 5: 11, 6: 7.5, 7: 5, 8: 3.5, 9: 2.2, 10: 1.5,
                 11: 1.0, 12: 0.8, 13: 0.6, 14: 0.5, 15: 0.4}
YEARS = range(1990, 2026)
VENUES = ("NeurIPS", "ICML", "ICLR", "CVPR", "ECCV", "ACL", "EMNLP", "NAACL", "AAAI",
          "IJCAI", "KDD", "JMLR", "TACL", "Nature", "Science", "Interspeech")
ORG_KINDS = {"university": 30, "company": 28, "lab": 15, "school": 5, "investor": 8,
             "accelerator": 3, "media": 4, "government": 7}

FIRST_NAMES = (
    "Alec Aditya Alice Amanda Andrej Anna Ben Bo Carlos Chelsea Chen Chris Clara Daniel David "
    "Diana Dmitri Elena Emily Emma Ethan Fatima Felix Gabriel Gretchen Hana Hiroshi Ilya "
    "Isabel Jack Jakob James Jan Jane Jia Jong John Jose Julia Kai Karthik Kate Laura Lea "
    "Leo Li Lucas Luke Madison Maria Mark Marta Matteo Maya Mei Michael Mikhail Min Mohammed "
    "Nadia Nikhil Noah Nora Oliver Omar Pamela Paul Pedro Priya Rafael Rahul Ravi Rewon "
    "Rosa Ryan Sam Sandhini Sara Scott Sergey Shun Slater Sofia Soumith Tara Tim Tom Valentina "
    "Vicki Wei Wojciech Xi Yann Yuki Yusuf Zara Zoë José Jürgen Łukasz Søren Anaïs Chloé "
    "Björn François Žofia Ingrid Kofi Amara Chidi Aarav Ananya Olga Pavel Tomás Inés Nguyen "
    "Thanh Minh Seo-yeon Ji-ho Arjun Deepa Hamid Leila Yasmin Tariq Ewa Piotr Katarzyna"
).split()
LAST_NAMES = (
    "Radford Sutskever Metz Chintala Salimans Zaremba Cheung Kim Hallacy Ramesh Goh Agarwal "
    "Sastry Askell Mishkin Clark Krueger Chen Child Gray Voss Pavlov Dhariwal Narasimhan "
    "Karpathy Victoroff May Yuan Smith Johnson Williams Brown Jones Garcia Miller Davis "
    "Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson "
    "Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young "
    "Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera "
    "Campbell Mitchell Carter Roberts Wang Li Zhang Liu Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu "
    "Hu Guo He Lin Luo Tanaka Suzuki Takahashi Watanabe Ito Yamamoto Nakamura Kobayashi Sato "
    "Park Choi Jung Kang Cho Yoon Jang Lim Han Shin Müller Schmidt Schneider Fischer Weber "
    "Meyer Wagner Becker Schulz Hoffmann Dubois Durand Lefèvre Moreau Laurent Simon Michel "
    "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Kowalski Nowak "
    "Wiśniewski Wójcik Ivanov Smirnov Kuznetsov Popov Sokolov Novak Horvat Kovačević Jensen "
    "Nielsen Hansen Pedersen Andersen Larsen Johansson Karlsson Nilsson Eriksson Singh Kumar "
    "Sharma Patel Gupta Reddy Iyer Rao Das Bose Okafor Mensah Osei Adeyemi Mwangi Haddad "
    "Khalil Nasser Farouk Cohen Levi Mizrahi Silva Santos Oliveira Souza Pereira Costa Almeida "
    "O'Brien O'Connor Murphy Kelly Byrne Walsh McCarthy MacDonald Fraser Stewart Campbell"
).split()
ADJECTIVES = (
    "Adversarial Attentive Bayesian Causal Compositional Contrastive Convolutional Deep "
    "Differentiable Discrete Distributed Efficient Equivariant Federated Generative Graph "
    "Hierarchical Implicit Interpretable Invariant Latent Learned Linear Masked Meta "
    "Multilingual Multimodal Neural Nonparametric Probabilistic Recurrent Robust Scalable "
    "Self-Supervised Semi-Supervised Sparse Spectral Stochastic Structured Supervised "
    "Temporal Transferable Unsupervised Variational Visual Weakly-Supervised Zero-Shot "
    "Few-Shot Autoregressive Continual Decentralized Quantized Recursive Relational"
).split()
NOUNS = (
    "Representations Models Networks Transformers Agents Embeddings Priors Policies Features "
    "Autoencoders Flows Kernels Gradients Objectives Estimators Encoders Decoders Optimizers "
    "Memories Programs Languages Images Videos Speech Audio Text Graphs Molecules Proteins "
    "Robots Games Benchmarks Datasets Captions Dialogues Translations Summaries Queries "
    "Tokens Pixels Scenes Trajectories Rewards Distributions Manifolds Attention Inference "
    "Retrieval Pretraining Alignment Compression Generation Segmentation Detection Tracking "
    "Reasoning Planning Exploration Calibration Distillation Pruning Search Sampling"
).split()
TITLE_TEMPLATES = (
    "{A} {N} for {A} {N}",
    "Learning {A} {N} from {N}",
    "On the {N} of {A} {N}",
    "{N}: {A} {N} via {A} {N}",
    "Towards {A} {N} in {A} {N}",
    "{A} {N} with {A} {N} and {N}",
    "Improving {N} with {A} {N}",
    "{A} {A} {N} at Scale",
    "Scaling {A} {N} for {N}",
    "A {A} Approach to {N} {N}",
)
PLACE_HEADS = ("North", "South", "East", "West", "New", "Old", "Port", "Lake", "Glen",
               "Fair", "Green", "Silver", "Stone", "Oak", "Maple", "River", "Bright", "Red",
               "Clear", "High", "Spring", "Win", "Ash", "Elm", "Kings", "Queens")
PLACE_TAILS = ("field", "ford", "haven", "wood", "ton", "bridge", "view", "dale", "port",
               "mouth", "brook", "water", "ridge", "mont", "burg", "stead", "wick", "side",
               "vale", "crest", "shore", "gate", "land", "more")
COMPANY_WORDS = ("Indico", "Nimbus", "Quanta", "Vector", "Lumen", "Cobalt", "Helix", "Orbit",
                 "Kestrel", "Tensor", "Aurora", "Pioneer", "Summit", "Beacon", "Cascade",
                 "Zephyr", "Atlas", "Nova", "Pulse", "Circuit", "Signal", "Harbor", "Prism",
                 "Vertex", "Meridian", "Ember", "Granite", "Lattice", "Sparrow", "Juniper")
ORG_TEMPLATES = {
    "university": ("University of {P}", "{P} Institute of Technology", "{P} State University",
                   "{P} College of Engineering", "{W} University of {P}"),
    "company": ("{W} {W2} Inc.", "{W}{W2} AI", "{W} {W2} Systems", "{W} Labs of {P}",
                "{W} {W2} Technologies"),
    "lab": ("{P} Research Lab", "{W} AI Research", "{P} Institute for {N}",
            "{W} {N} Laboratory"),
    "school": ("{P} Preparatory School", "{P} High School", "{P} Academy"),
    "investor": ("{W} Ventures", "{W} {W2} Capital", "{P} Partners", "{W} Seed Fund"),
    "accelerator": ("{W} Accelerator", "Techstars {P}", "{P} Startup Studio"),
    "media": ("The {P} Times", "{P} Post", "{W} Tech Review"),
    "government": ("{P} Ministry of Science", "{P} Research Council",
                   "{P} Department of Energy"),
}


def _lit(text: str) -> str:
    """A plain string literal in N-Triples syntax."""
    if '"' in text or "\\" in text or "\n" in text or "\r" in text:
        text = (text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
                .replace("\r", "\\r"))
    return f'"{text}"'


def _int(n: int) -> str:
    return f'"{n}"^^<{_XSD}integer>'


def _date(iso: str) -> str:
    """A date literal typed by its precision: xsd:gYear, xsd:gYearMonth or xsd:date."""
    dt = {4: "gYear", 7: "gYearMonth", 10: "date"}[len(iso)]
    return f'"{iso}"^^<{_XSD}{dt}>'


_IRI_OK = re.compile(r'[^<>"{}|^`\\\x00-\x20]+')


class _Minter:
    """Distinct IRIs ``<KGR kind/slug>``; a second name with the same slug gets ``-2``."""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def __call__(self, kind: str, name: str, limit: int = 80) -> str:
        base = f"{kind}/{slug(name, limit=limit)}"
        cand, n = base, 1
        while cand in self.taken:
            n += 1
            cand = f"{base}-{n}"
        self.taken.add(cand)
        if not _IRI_OK.fullmatch(cand):  # pragma: no cover - slugs hold word characters
            raise ValueError(f"not an IRI segment: {cand!r}")
        return f"<{KGR}{cand}>"


@dataclass
class Paper:
    title: str
    iri: str
    date: str
    venue: str | None
    authors: list[int]  # person indexes, in author order
    identifiers: list[str] = field(default_factory=list)
    alias: str | None = None


@dataclass
class Affiliation:
    subject: str  # IRI of a person or an organisation
    subject_name: str
    subject_slug: str
    relation: str
    org: int
    start: str | None
    end: str | None


@dataclass
class Corpus:
    """What :func:`generate` decided, before it is written out."""

    names: list[str]
    person_iris: list[str]
    aliases: dict[int, str]
    orgs: list[tuple[str, str, str, str | None]]  # (IRI, name, kind, alias)
    papers: list[Paper]
    affiliations: list[Affiliation]
    subject: int  # the most prolific person

    @property
    def paper_counts(self) -> Counter[int]:
        return Counter(a for p in self.papers for a in p.authors)


def _unique(draw: Callable[[], str], taken: set[str], fallback: str) -> str:
    """A name not in ``taken`` (which gets it): up to 40 draws, then ``fallback`` numbered."""
    for _ in range(40):
        name = draw()
        if name not in taken:
            taken.add(name)
            return name
    n = 2
    while f"{fallback} {n}" in taken:
        n += 1
    taken.add(f"{fallback} {n}")
    return f"{fallback} {n}"


def _person_names(rng: random.Random, n: int) -> list[str]:
    taken: set[str] = set()
    initials = "ABCDEFGHIJKLMNOPRSTVW"

    def draw() -> str:
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        r = rng.random()
        if r < 0.55:
            return f"{first} {last}"
        if r < 0.93:
            return f"{first} {rng.choice(initials)}. {last}"
        return f"{first} {last}-{rng.choice(LAST_NAMES)}"

    return [_unique(draw, taken, "Pat Doe") for _ in range(n)]


def _title(rng: random.Random) -> str:
    tpl = rng.choice(TITLE_TEMPLATES)
    adjs = iter(rng.sample(ADJECTIVES, 3))
    nouns = iter(rng.sample(NOUNS, 3))
    out = re.sub(r"\{A\}", lambda _m: next(adjs), tpl)
    return re.sub(r"\{N\}", lambda _m: next(nouns), out)


def _org_name(rng: random.Random, kind: str) -> str:
    place = rng.choice(PLACE_HEADS) + rng.choice(PLACE_TAILS)
    w, w2 = rng.sample(COMPANY_WORDS, 2)
    return rng.choice(ORG_TEMPLATES[kind]).format(P=place, W=w, W2=w2,
                                                  N=rng.choice(NOUNS).lower())


def _partial_date(rng: random.Random, year: int, p_year: float, p_month: float) -> str:
    r = rng.random()
    if r < p_year:
        return f"{year}"
    month = rng.randint(1, 12)
    if r < p_year + p_month:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"


def _cumulative(weights: Sequence[float]) -> list[float]:
    return list(itertools.accumulate(weights))


def generate(papers: int = 100_000, seed: int = 1, people_ratio: float = 0.6) -> Corpus:
    """Decide every entity and link of the corpus (deterministic for ``seed``)."""
    rng = random.Random(seed)
    n_people = max(20, round(papers * people_ratio))
    names = _person_names(rng, n_people)
    mint = _Minter()
    person_iris = [mint("person", n) for n in names]
    aliases = {i: names[i].split()[-1] for i in range(n_people) if rng.random() < 0.08}

    # Popularity: person i has weight 1/(i+100) (Zipf-like; the top ones get hundreds of
    # papers); people are in teams of 5-60 that write together.
    weights = [1.0 / (i + 100) for i in range(n_people)]
    cum = _cumulative(weights)
    team_of: list[int] = []
    teams: list[list[int]] = []
    order = list(range(n_people))
    rng.shuffle(order)
    pos = 0
    while pos < n_people:
        size = rng.randint(5, 60)
        members = order[pos:pos + size]
        teams.append(members)
        pos += size
    team_of = [0] * n_people
    for t, members in enumerate(teams):
        for m in members:
            team_of[m] = t
    team_cum = [_cumulative([weights[m] for m in members]) for members in teams]

    def pick_global() -> int:
        return bisect.bisect_left(cum, rng.random() * cum[-1])

    def pick_team(t: int) -> int:
        c = team_cum[t]
        return teams[t][bisect.bisect_left(c, rng.random() * c[-1])]

    sizes = rng.choices(list(AUTHOR_COUNTS), weights=list(AUTHOR_COUNTS.values()), k=papers)
    year_weights = [(y - 1985) ** 1.5 for y in YEARS]
    years = rng.choices(list(YEARS), weights=year_weights, k=papers)
    titles: set[str] = set()
    out_papers: list[Paper] = []
    for i in range(papers):
        k = sizes[i]
        lead = pick_global()
        team = team_of[lead]
        chosen = [lead]
        seen = {lead}
        tries = 0
        while len(chosen) < k and tries < 200:
            tries += 1
            cand = pick_team(team) if rng.random() < 0.65 else pick_global()
            if cand not in seen:
                seen.add(cand)
                chosen.append(cand)
        others = chosen[1:]
        rng.shuffle(others)
        r = rng.random()  # the team lead is usually the last author, sometimes the first
        if r < 0.5:
            authors = others + [lead]
        elif r < 0.8:
            authors = [lead] + others
        else:
            at = rng.randint(0, len(others))
            authors = others[:at] + [lead] + others[at:]
        title = _unique(partial(_title, rng), titles, "Synthetic Paper")
        year = years[i]
        date = _partial_date(rng, year, 0.5, 0.35)
        venue = f"{rng.choice(VENUES)} {year}" if rng.random() < 0.8 else None
        p = Paper(title, mint("paper", title), date, venue, authors)
        if year >= 2008 and rng.random() < 0.6:
            digits = 5 if year >= 2015 else 4
            p.identifiers.append(f"arXiv:{year % 100:02d}{rng.randint(1, 12):02d}."
                                 f"{rng.randrange(10 ** (digits - 1), 10 ** digits)}")
        elif rng.random() < 0.3:
            p.identifiers.append(f"doi:10.5555/synth.{seed}.{i}")
        if rng.random() < 0.05:
            p.alias = "".join(w[0] for w in title.split() if w[:1].isupper())[:6] + \
                f"-{i}"
        out_papers.append(p)

    # Organisations, then affiliations of about 30% of the people and of some companies.
    n_orgs = max(len(ORG_KINDS), papers // 50)
    kinds = rng.choices(list(ORG_KINDS), weights=list(ORG_KINDS.values()), k=n_orgs)
    org_names: set[str] = set()
    orgs: list[tuple[str, str, str, str | None]] = []
    by_kind: dict[str, list[int]] = {k: [] for k in ORG_KINDS}
    for kind in list(ORG_KINDS) + kinds[len(ORG_KINDS):]:  # every kind at least once
        name = _unique(partial(_org_name, rng, kind), org_names, f"{kind.title()} Organisation")
        alias = "".join(w[0] for w in name.split() if w[:1].isupper()) \
            if rng.random() < 0.1 else None
        by_kind[kind].append(len(orgs))
        orgs.append((mint("organization", name), name, kind, alias))

    relation_targets = {
        "worksFor": ("company", "lab", "university", "government"),
        "alumniOf": ("university", "university", "university", "school"),
        "founderOf": ("company",),
        "memberOf": ("lab", "university"),
    }
    relations, rel_weights = list(relation_targets), [50, 35, 5, 10]
    affs: list[Affiliation] = []
    done: set[tuple[str, str, int]] = set()

    def add(subject: str, sname: str, sslug: str, relation: str, org: int) -> None:
        if (subject, relation, org) in done:
            return
        done.add((subject, relation, org))
        start = end = None
        if rng.random() < 0.6:
            y0 = rng.randint(1990, 2024)
            start = _partial_date(rng, y0, 0.7, 0.3)
            if rng.random() < 0.4:
                end = _partial_date(rng, rng.randint(y0 + 1, 2025), 0.7, 0.3)
        affs.append(Affiliation(subject, sname, sslug, relation, org, start, end))

    for i in range(n_people):
        if rng.random() >= 0.3:
            continue
        for _ in range(rng.randint(1, 4)):
            rel = rng.choices(relations, weights=rel_weights)[0]
            kind = rng.choice(relation_targets[rel])
            add(person_iris[i], names[i], person_iris[i][len(KGR) + 1:-1].split("/", 1)[1],
                rel, rng.choice(by_kind[kind]))
    for o in by_kind["company"]:
        iri, name = orgs[o][0], orgs[o][1]
        sslug = iri[len(KGR) + 1:-1].split("/", 1)[1]
        if rng.random() < 0.4:
            for _ in range(rng.randint(1, 2)):
                add(iri, name, sslug, "fundedBy", rng.choice(by_kind["investor"]))
        if rng.random() < 0.1:
            add(iri, name, sslug, "memberOf", rng.choice(by_kind["accelerator"]))

    counts = Counter(a for p in out_papers for a in p.authors)
    subject = min(counts, key=lambda i: (-counts[i], i))
    return Corpus(names, person_iris, aliases, orgs, out_papers, affs, subject)


def write_ntriples(corpus: Corpus, out: TextIO, *, seed: int = 1) -> int:
    """Write the corpus as N-Triples; return the number of triples."""
    rng = random.Random(seed + 7919)  # citations and sentences' wording only
    art_name = "synthetic-corpus"
    art = f"<{KGR}article/{art_name}>"
    n_cites = 100
    cites = [f"<{KGR}article/{art_name}/citation/{i}>" for i in range(1, n_cites + 1)]
    lines: list[str] = []
    count = 0
    offset = 0
    names, piris = corpus.names, corpus.person_iris

    def flush() -> None:
        nonlocal count, lines
        count += len(lines)
        out.write("".join(lines))
        lines = []

    def sentence(text: str) -> str:
        nonlocal offset
        begin, end = offset, offset + len(text)
        offset = end + 1
        iri = f"<{KGR}article/{art_name}/sentence/{begin}-{end}>"
        lines.append(f"{iri} {A} {SENTENCE} .\n")
        lines.append(f"{iri} {PART_OF} {art} .\n")
        lines.append(f"{iri} {K_TEXT} {_lit(text)} .\n")
        lines.append(f"{iri} {K_BEGIN} {_int(begin)} .\n")
        lines.append(f"{iri} {K_END_INDEX} {_int(end)} .\n")
        if rng.random() < 0.3:
            lines.append(f"{iri} {K_CITATION} {rng.choice(cites)} .\n")
        return iri

    # the article
    subj = corpus.subject
    lines.append(f"{art} {A} {ARTICLE} .\n")
    lines.append(f"{art} {A} {PROV_ENTITY} .\n")
    lines.append(f"{art} {ABOUT} {piris[subj]} .\n")
    lines.append(f"{art} {NAME} {_lit(names[subj])} .\n")
    lines.append(f"{art} {URL} {_lit(art_name + '.txt')} .\n")
    for i, c in enumerate(cites, 1):
        lines.append(f"{c} {A} {CITATION} .\n")
        lines.append(f"{c} {K_MARKER} {_lit(str(i))} .\n")

    # people
    for i, (name, iri) in enumerate(zip(names, piris, strict=True)):
        lines.append(f"{iri} {A} {PERSON} .\n")
        lines.append(f"{iri} {NAME} {_lit(name)} .\n")
        if i in corpus.aliases:
            lines.append(f"{iri} {ALT} {_lit(corpus.aliases[i])} .\n")
    flush()

    # organisations
    for iri, name, kind, alias in corpus.orgs:
        lines.append(f"{iri} {A} {ORG} .\n")
        lines.append(f"{iri} {A} {ORG_TYPES[kind]} .\n")
        lines.append(f"{iri} {NAME} {_lit(name)} .\n")
        lines.append(f"{iri} {K_KIND} {_lit(kind)} .\n")
        if alias:
            lines.append(f"{iri} {ALT} {_lit(alias)} .\n")

    # papers, their author statements and their sentences
    for p in corpus.papers:
        iri = p.iri
        who = [names[a] for a in p.authors]
        byline = who[0] if len(who) == 1 else ", ".join(who[:-1]) + " and " + who[-1]
        at = f" at {p.venue}" if p.venue else ""
        s_iri = sentence(f'In {p.date[:4]} {byline} published "{p.title}"{at}.')
        lines.append(f"{iri} {A} {PAPER} .\n")
        lines.append(f"{iri} {NAME} {_lit(p.title)} .\n")
        if p.alias:
            lines.append(f"{iri} {ALT} {_lit(p.alias)} .\n")
        lines.append(f"{iri} {DATE} {_date(p.date)} .\n")
        if p.venue:
            lines.append(f"{iri} {K_VENUE} {_lit(p.venue)} .\n")
        for ident in p.identifiers:
            lines.append(f"{iri} {IDENT} {_lit(ident)} .\n")
            if ident.startswith("arXiv:"):
                lines.append(f"{iri} {SAME} <https://arxiv.org/abs/{ident[6:]}> .\n")
            elif ident.startswith("doi:"):
                lines.append(f"{iri} {SAME} <https://doi.org/{ident[4:]}> .\n")
        lines.append(f"{iri} {K_MENTIONED} {s_iri} .\n")
        paper_slug = iri[len(KGR) + 1:-1].split("/", 1)[1]
        for pos, a in enumerate(p.authors, 1):
            person = piris[a]
            st = f"<{KGR}statement/authorship/{paper_slug}/{person[len(KGR) + 8:-1]}>"
            lines.append(f"{iri} {AUTHOR} {person} .\n")
            lines.append(f"{iri} {K_AUTHOR_ST} {st} .\n")
            lines.append(f"{st} {A} {AUTHOR_STATEMENT} .\n")
            lines.append(f"{st} {K_PAPER} {iri} .\n")
            lines.append(f"{st} {K_AUTHOR} {person} .\n")
            lines.append(f"{st} {K_POSITION} {_int(pos)} .\n")
            if pos == 1:
                lines.append(f"{st} {K_FIRST} {TRUE} .\n")
            lines.append(f"{st} {DERIVED} {s_iri} .\n")
            lines.append(f"{person} {K_MENTIONED} {s_iri} .\n")
        if len(lines) > 100_000:
            flush()

    # affiliations
    verbs = {"worksFor": "worked at", "alumniOf": "studied at", "founderOf": "founded",
             "memberOf": "is a member of", "fundedBy": "was funded by"}
    for af in corpus.affiliations:
        org_iri, org_name = corpus.orgs[af.org][0], corpus.orgs[af.org][1]
        when = f" from {af.start}" if af.start else ""
        when += f" to {af.end}" if af.end else ""
        s_iri = sentence(f"{af.subject_name} {verbs[af.relation]} {org_name}{when}.")
        org_slug = org_iri[len(KGR) + 1:-1].split("/", 1)[1]
        st = f"<{KGR}statement/affiliation/{af.subject_slug}/{af.relation}/{org_slug}>"
        prop = RELATION_PROPERTIES[af.relation]
        lines.append(f"{af.subject} {prop} {org_iri} .\n")
        if af.relation == "founderOf":
            lines.append(f"{org_iri} {FOUNDER} {af.subject} .\n")
        elif af.relation == "fundedBy":
            lines.append(f"{af.subject} {FUNDER} {org_iri} .\n")
        lines.append(f"{af.subject} {K_AFF_ST} {st} .\n")
        lines.append(f"{st} {A} {AFF_STATEMENT} .\n")
        lines.append(f"{st} {K_SUBJECT} {af.subject} .\n")
        lines.append(f"{st} {K_RELATION} {_lit(af.relation)} .\n")
        lines.append(f"{st} {RDF_PREDICATE} {prop} .\n")
        lines.append(f"{st} {K_ORG} {org_iri} .\n")
        if af.start:
            lines.append(f"{st} {K_START} {_date(af.start)} .\n")
        if af.end:
            lines.append(f"{st} {K_END} {_date(af.end)} .\n")
        lines.append(f"{st} {DERIVED} {s_iri} .\n")
        lines.append(f"{af.subject} {K_MENTIONED} {s_iri} .\n")
        lines.append(f"{org_iri} {K_MENTIONED} {s_iri} .\n")
        if len(lines) > 100_000:
            flush()
    flush()
    return count


def check(path: Path) -> int:
    """Parse ``path`` with pyoxigraph (strict: IRIs are validated); the number of triples."""
    import pyoxigraph as ox

    n = 0
    with path.open("rb") as fh:
        for _ in ox.parse(fh, ox.RdfFormat.N_TRIPLES):
            n += 1
    return n


def build(papers: int, seed: int, out: Path, people_ratio: float = 0.6) -> dict[str, object]:
    """Generate and write the corpus to ``out``; a summary of what was written."""
    t0 = time.perf_counter()
    corpus = generate(papers, seed, people_ratio)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        triples = write_ntriples(corpus, fh, seed=seed)
    counts = corpus.paper_counts
    top = counts.most_common(3)
    slots = sum(len(p.authors) for p in corpus.papers)
    return {
        "papers": len(corpus.papers), "people": len(corpus.names),
        "organizations": len(corpus.orgs), "affiliation statements": len(corpus.affiliations),
        "author statements": slots, "mean authors per paper": round(slots / papers, 2),
        "triples": triples, "subject": corpus.names[corpus.subject],
        "top authors": ", ".join(f"{corpus.names[i]} ({n})" for i, n in top),
        "people with >= 100 papers": sum(1 for n in counts.values() if n >= 100),
        "seconds": round(time.perf_counter() - t0, 1),
    }


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--papers", type=int, default=100_000, help="number of papers")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--people-ratio", type=float, default=0.6,
                    help="people per paper (default 0.6)")
    ap.add_argument("-o", "--output", type=Path, required=True, help="the .nt file to write")
    ap.add_argument("--check", action="store_true",
                    help="parse the written file with pyoxigraph afterwards")
    args = ap.parse_args(argv)
    if args.papers < 1:
        ap.error("--papers must be at least 1")
    summary = build(args.papers, args.seed, args.output, args.people_ratio)
    for k, v in summary.items():
        print(f"{k}: {v}", file=sys.stderr)
    if args.check:
        t0 = time.perf_counter()
        n = check(args.output)
        print(f"pyoxigraph parsed {n} triples in {time.perf_counter() - t0:.1f} s",
              file=sys.stderr)
        if n != summary["triples"]:
            raise SystemExit(f"wrote {summary['triples']} triples but parsed {n}")


if __name__ == "__main__":
    main()
