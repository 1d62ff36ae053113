"""Components that find the people and organisations an article names.

The small statistical model tags most full names PERSON but mislabels surnames, names in
long lists and product names; these components clean its entities and add what the text's
own structure shows: a name tagged PERSON once is a person everywhere, coordinated lists of
names around one known name are people, a surname of a known person is that person,
and an expansion of an acronym is a term, not a person.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..facts import AliasFact, OrgFact, PersonFact
from ..intervals import SpanIndex, SpanSet, Taken
from ..lexicon import (
    CLUB_NAME,
    COMPANY_SUFFIX,
    HONORIFIC,
    JOB_TITLES,
    NAME_PARTICLES,
    NON_NAME_WORDS,
    OCCUPATIONS,
    ORG_ACTOR_VERBS,
    ROLE_PREFIXES,
    ROMAN,
    STOP_OF_NAME,
    VENUES,
    initials_of,
    is_name_token,
    org_kind_from_name,
)
from .structure import block_at, doc_text, facts_of, find_word

__all__ = ["kg_people", "kg_orgs", "clean_name", "is_person_name", "NAME_RE", "citation_venue"]

# capitals of the Latin scripts ("Østergaard", "Łukasiewicz", "Ángel", "Şahin")
_UP = ("A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
       "ȘȚḌḤṆṢṬẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ")
_NAME_TOK = (r"(?:[" + _UP + r"]\.|[" + _UP + r"][\w'’]*(?:-[" + _UP + r"]?[\w'’]+)?|"
             r"(?:al|el|ad|as|ibn|bin)-[" + _UP + r"][\w'’]+)")
NAME_RE = (_NAME_TOK + r"(?:\s+(?:" + _NAME_TOK
           + r"|van|von|de|da|del|der|di|le|la|bin|al|dos|das|do|du|ter|ten|y))" + r"{1,3}")
_LIST_ITEM = re.compile(r"(?<![\w.])(" + NAME_RE + r"|" + _NAME_TOK
                        + r")(?=\s*(?:,|\band\b|\bas\b|\)|\.|;|$))")


def clean_name(text: str) -> str:
    """Strip what the tagger glues to a name: possessives, articles, handles, punctuation.

    >>> clean_name("the Boston Globe's"), clean_name("@Newmu,"), clean_name("Yann LeCun’s")
    ('Boston Globe', 'Newmu', 'Yann LeCun')
    >>> clean_name("The Nordic Academy of Engineering"), clean_name("The Boston Globe")
    ('Nordic Academy of Engineering', 'The Boston Globe')
    """
    t = re.split(r"\s*\n\s*", text.strip())[-1]  # a name never crosses a line
    t = re.sub(r"\s+", " ", t).strip()
    t = re.sub(r"['’]s?$", "", t)
    t = re.sub(r"^(the|a|an)\s+", "", t)
    if t.startswith("The ") and org_kind_from_name(t[4:]) not in (None, "media"):
        t = t[4:]  # "The Nordic Academy of Engineering today named ...", not "The Times"
    t = t.strip(" ,.;:!?()[]\"'“”‘’|*_@")
    if STOP_OF_NAME.search(t + ".") and text.rstrip().rstrip(",;:)'’").endswith(t + "."):
        t += "."  # "Acme Inc." and "Quillon Materials B.V." keep their stop
    return t


def is_person_name(text: str, *, single: bool = False) -> bool:
    """Whether ``text`` is shaped like a person's name (two to five name words).

    >>> is_person_name("Tom B. Brown"), is_person_name("Whisper Large V2")
    (True, False)
    >>> is_person_name("Generative Pre-Trained Transformer"), is_person_name("Radford", single=True)
    (False, True)
    """
    toks = text.split()
    # particles ("de la", "van der") do not count, but a first word is no particle ("Al Zorn")
    core = toks[:1] + [t for t in toks[1:] if t not in NAME_PARTICLES]
    if not toks or len(core) > 5 or len(toks) > 8 or (len(toks) == 1 and not single):
        return False
    if any(ROMAN.fullmatch(t) for t in toks[:-1]) or (len(toks) == 1 and ROMAN.fullmatch(toks[0])):
        return False  # a numeral only ends a name
    # a last word that is also a common word may be a short given name after two capitalised
    # words ("Nguyen Van An"), not after one ("Institute of An" has no capital on "of")
    short_given = len(toks) >= 3 and len(toks[-1]) == 2 and toks[-1][:1].isupper() and all(
        t[:1].isupper() for t in toks)
    if not toks[0][:1].isupper() or toks[-1].lower() in NON_NAME_WORDS and not short_given:
        return False
    if any(ch.isdigit() for ch in text):
        return False
    if org_kind_from_name(text) is not None and (
            not re.fullmatch(r"[A-Z][a-z]+ [A-Z][a-z]+", text) or _BODY_WORD.search(text)):
        return False  # a two-word name may hold a surname like "Press" or "Church"
    if re.search(r"\b(?:Co|Inc|Ltd|LLC|Corp)\b", text) or CLUB_NAME.match(text):
        return False  # a company, a sports club ("SV Rheinhafen")
    if len(toks) >= 2 and re.fullmatch(r"[A-Z]{2}", toks[0]):
        toks = toks[1:]  # initials written without stops: "JR Shaw"
    if short_given:
        toks = toks[:-1]
    return all(is_name_token(t) for t in toks)


#: Words no person's name holds ("Acme Photonics" is a company whatever it is tagged).
_BODY_WORD = re.compile(
    r"\b(?:University|College|Institute|School|Academy|Laboratory|Labs?|Technologies|Systems|"
    r"Solutions|Software|Photonics|Robotics|Analytics|Therapeutics|Biosciences|Pharmaceuticals|"
    r"Semiconductors?|Foundation|Society|Association|Ventures|Capital|Partners|Ministry|"
    r"Department|Council|Agency|Commission|Corporation|Company|Industries|Holdings|"
    r"Genomics|Diagnostics|Instruments|Devices|Universidad|Universidade|Université|"
    r"Università|Universität|Instituto|Institut|Istituto|Fundación|Fundação|Fondation|"
    r"Equity|Investments|Enterprises?|Fund|Group|Bank|Trust|Studios|Networks|Publishing|"
    r"Hospital|Museum|Orchestra|Energy|Union|Materials|Chemicals|Electronics|Aerospace|"
    r"Logistics|Airlines|Movement|Party|Club|FC|AFC)\b")


_BYLINE_NAME = re.compile(r"(?m)^[ \t]*(?:(?:Interview|Interviewed|Words|Text|Story|Reporting|"
                          r"Written)\s+)?[Bb]y\s+(?P<n>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2})"
                          r"[ \t]*(?:[,|]|$)")
_OCCUPATION_NAME = re.compile(
    r"\b(?i:the|a|an|his|her|their|fellow)\s+(?:[a-z-]+\s+){0,2}?" + OCCUPATIONS + r"\s+"
    r"(?P<n>[A-Z][\w'’-]+(?:\s+(?:(?:de|da|van|von|der|del|la|le|dos|das)\s+)?[A-Z][\w'’-]+){1,2})"
    r"(?![\w'’-])")
_HYPHEN_GIVEN = re.compile(r"(?<![\w'’.-])[A-Z][a-z]{1,10}-[A-Za-z][a-z]{1,10}"
                          r"(?: (?:(?:de|da|van|von|der|del|la|le|bin|al|el) )?[A-Z][a-z'’]+"
                          r"(?:-[A-Z][a-z]+)?){1,2}(?![\w'’-])")
#: Prefixes that make a hyphenated word no given name ("Franco-Prussian", "Post-Gazette").
_HYPHEN_PREFIX = re.compile(r"(?:Anglo|Franco|Sino|Indo|Afro|Euro|Austro|Russo|Greco|Judeo|"
                            r"Post|Pre|Non|Co|Ex|Self|Mid|Anti|Pro|Neo|Trans|Pan|Inter|Multi|"
                            r"Semi|Sub|Super|Ultra|Re|Vice|Pseudo|Proto|Micro|Macro|Bio|Geo|"
                            r"Socio|Hi|Wi|Lo|De|Da|Di|La|Le|El|Al)-", re.I)


def _in_quotes(facts, s: int, e: int) -> bool:
    return any(qs <= s and e <= qe for qs, qe in facts.quotes)


def _initials(words: list[str]) -> str:
    parts: list[str] = []
    for w in words:
        parts.extend(p for p in re.split(r"[-\s]", w) if p)
    return "".join(p[0] for p in parts if p[0].isupper())


def _is_acronym_expansion(doc: Doc, s: int, e: int) -> bool:
    """'Generative Pre-Trained Transformer (GPT)' or 'GPT (Generative Pre-Trained ...)'."""
    ini = _initials(doc_text(doc)[s:e].split())
    after = re.match(r"\s*\(([A-Z][A-Za-z0-9-]*)", doc_text(doc)[e : e + 40])
    before = re.search(r"([A-Z][A-Za-z0-9-]*)\s*\($", doc_text(doc)[max(0, s - 40) : s])
    for m in (after, before):
        if m:
            letters = re.sub(r"[^A-Z]", "", m.group(1))
            if len(letters) >= 2 and (ini.startswith(letters) or letters.startswith(ini)):
                return True
    return False


def _sent_of(doc: Doc, char: int) -> Span:
    tok = doc.char_span(char, char + 1, alignment_mode="expand")
    if tok is None or not len(tok):
        return doc[:]
    return tok[0].sent


def _add_person(doc: Doc, s: int, e: int, source: str) -> None:
    facts = facts_of(doc)
    s, e = _clean_span(doc, s, e, person=True)
    name = doc_text(doc)[s:e]
    if not name or _in_foreign_body_name(doc, s, e):
        return  # "Católica de Chile" of "Pontificia Universidad Católica de Chile"
    b = block_at(doc._.kg_article, s)
    if b is not None and b.kind == "heading":
        return  # a section heading's words ("Service and Board Memberships")
    if _NAMED_AFTER.match(doc_text(doc), e):
        return  # "a Marie Curie fellow", "the Ken Kennedy Institute": named after a person
    sent = _sent_of(doc, s)
    facts.people.append(PersonFact(name, s, e, (sent.start_char, sent.end_char), source))


#: After a person's name, what makes it the name of an honour or a body named after them.
_NAMED_AFTER = re.compile(
    r"\s+(?:(?:fellow|scholar)(?:s|ship)?|prize|medal|award|lecture(?:ship)?|professorship)\b|"
    r"\s+(?:[A-Z][\w-]+\s+){0,2}?(?:Fellows?|Fellowship|Scholars?|Scholarship|Prize|Medal|Award|"
    r"Lecture|Professorship|Institute|Foundation|Center|Centre|School|College|Hospital|Library|"
    r"Museum|Laboratory|Trust)\b")


def _in_foreign_body_name(doc: Doc, s: int, e: int) -> bool:
    """Whether [s, e) lies inside a body's name that starts with its kind word
    ("Universidad ...", "Instituto ..."); the spans are found once per doc."""
    spans = doc.user_data.get("kg_kind_first")
    if spans is None:
        spans = doc.user_data["kg_kind_first"] = SpanIndex(
            tuple((m.start(), m.end()) for m in _KEYWORD_FIRST.finditer(doc_text(doc))))
    return spans.overlaps(s, e)


_PARTICLE_TAIL_RE = re.compile(
    r"(?:\s+(?:van|von|de|der|den|da|del|della|di|du|dos|das|do|la|le|las|los|ter|ten|y|i|bin|"
    r"ibn|al)){1,3}\s+[A-Z][\w'’-]+")


def _given_before(ent: Span) -> Token:
    """The first word of a person's name whose given name the recogniser left outside the
    entity: an untagged capitalised proper noun compounded onto it ("Anders" +
    "Østergaard")."""
    first = ent[0]
    if first.i == 0:
        return first
    doc = first.doc
    # a hyphenated given name the tokenizer split ("Da" "-" "eun" + "Kwon")
    if first.i >= 3 and doc[first.i - 2].text == "-" and doc[first.i - 1].is_lower \
            and doc[first.i - 1].is_alpha and len(doc[first.i - 1]) <= 5 \
            and doc[first.i - 3].text[:1].isupper() and doc[first.i - 3].is_alpha \
            and not doc[first.i - 3].whitespace_ and not doc[first.i - 2].whitespace_ \
            and doc[first.i - 1].whitespace_ and doc[first.i - 3].ent_type_ in ("", "PERSON"):
        return doc[first.i - 3]
    prev = first.doc[first.i - 1]
    if (prev.ent_type_ == "" and prev.pos_ == "PROPN" and prev.dep_ == "compound"
            and prev.head in ent and len(prev.text) > 2 and prev.text.isalpha()
            and prev.text[:1].isupper() and prev.text[1:].islower()
            and is_name_token(prev.text) and prev.lower_ not in ROLE_PREFIXES
            and not _JOB_TITLE_WORD.fullmatch(prev.lower_)):
        return prev
    return first


_BEFORE_PARTICLE = re.compile(
    r"(?<![\w'’.-])((?:[" + _UP + r"][\w'’-]+ ){1,3})(?:de la|de las|de los|del|de|"
    r"van der|van den|van|von|der|da|das|dos|do|di|della|du) $")  # on one line


def _given_before_particle(doc: Doc, s: int) -> int:
    """The start of a name whose given names and particle the recogniser left out:
    "Juan Carlos de la" + "Fuente Morales", "Jan Willem van" + "Dijk"."""
    m = _BEFORE_PARTICLE.search(doc_text(doc), max(0, s - 60), s)
    if not m:
        return s
    words = m.group(1).split()
    span = doc.char_span(m.start(1), s, alignment_mode="expand")
    if span is None or span[0].is_sent_start and words[0].lower() in NON_NAME_WORDS or any(
            t.ent_type_ in ("ORG", "GPE", "LOC", "DATE", "NORP") for t in span) or not all(
            is_name_token(w) and w.lower() not in NON_NAME_WORDS for w in words):
        return s
    return m.start(1)


def _with_particles(doc: Doc, s: int, e: int) -> int:
    """The end of a person's name with the particles the recogniser cut off: "Pieter van
    der" + "Linde", "Sofía" + "de la Fuente"."""
    text = doc_text(doc)
    name = text[s:e].rstrip()
    words = name.split()
    cut = len(name) - len(name.rstrip())
    while words and words[-1] in NAME_PARTICLES and len(words) > 1:
        words.pop()  # "Pieter van der": read the particles again with what follows
    e = s + len(" ".join(words)) if words else e - cut
    m = _PARTICLE_TAIL_RE.match(text, e)
    return m.end() if m else e


#: Right before a relative's name: "daughters of ", "her husband, ", "a sister, ".
_KIN = (r"(?:\b(?:daughters?|sons?|children|widow|widower|grand(?:son|daughter)s?)\s+of\s+|"
        r"\b(?:his|her|their|a|an)\s+(?:(?:late|younger|elder|older|first|second)\s+)?"
        r"(?:wife|husband|widow|widower|son|daughter|brother|sister|mother|father|partner|"
        r"grandson|granddaughter|nephew|niece|cousin),\s+|"
        # the people of one's work: "my labmate Ana Pinto", "her doctoral advisor, Karl Weber"
        r"\b(?:his|her|their|my|our)\s+(?:[\w-]+\s+){0,2}?(?:advis[eo]r|supervisor|student|"
        r"postdoc|labmate|classmate|colleague|mentor|collaborator|co-?author|co-?founder)"
        r",?\s+)")


_NAME_AS_AUTHOR = re.compile(
    r"\bwith\s+(" + NAME_RE + r")\s+as\s+(?:the\s+)?(?:\w+\s+)?(?:co-?)?author"
    r"|\b(?:co-?authors?|authors?|co-?founders?|students?)\s+(" + NAME_RE + r")")
_NAME_WITH_ROLE = re.compile(
    r"(?<![\w@])(" + NAME_RE + r")(?=,\s+(?:(?:a|an|the)\s+(?:former\s+|"
    r"then[- ]|retired\s+|fellow\s+)?(?:[\w-]+\s+){0,3}?(?:(?P<job>"
    + JOB_TITLES + r"|[a-z]+(?:ist|ian))|[a-z]+(?:er|or))\b|(?:former\s+|"
    r"then\s+)?(?:assistant\s+|associate\s+|full\s+|emeritus\s+)?"
    r"(?P<title>professor|lecturer|director|dean|rector|president|chair|head)"
    r"\s+(?:of|at)\b))")
_NAME_OWNER_OR_KIN = re.compile(
    r"(?<![\w@])(" + NAME_RE + r")(?=,\s+(?:who|whom|whose)\b|['’]s\s+"
    r"(?:[\w-]+\s+){0,2}?(?:team|group|lab|laboratory|students?|supervision|"
    r"guidance|direction|postdocs?)\b|['’]s\s+(?:[\w-]+\s+){0,3}?"
    r"(?:thesis|dissertation|paper|papers|book|memoir|monograph)\b)"
    r"|" + _KIN + r"(" + NAME_RE + r")")
_NAME_OF_BODY = re.compile(r"(?<![\w@])(" + NAME_RE + r")(?=\s+(?:of|at)\s+(?:the\s+)?[A-Z])")
_JOB_TITLE_WORD = re.compile(JOB_TITLES)
_ENDS_WITH_JOB = re.compile(r"\b(?:" + JOB_TITLES + r")$", re.I)
_ONLY_JOB = re.compile(r"(?:[A-Z][a-z]+\s+){0,2}(?:" + JOB_TITLES + r")", re.I)
# "Full Professor of Functional Porous Materials, University of X": a post, then its body
_POST_FIRST = re.compile(
    r"(?:(?:Full|Associate|Assistant|Adjunct|Visiting|Emeritus|Distinguished|Senior|Junior|"
    r"Principal|Honorary|Research|Clinical|Tenured|Postdoctoral|Staff|Lead)\s+)*(?:Professor|"
    r"Lecturer|Reader|Researcher|Scientist|Fellow|Associate|Engineer)(?:\s+(?:of|in|for)\s+(?P<field>[^,;()]+?))?(?=,\s+[A-Z]|$)")


_PLURAL_TITLES = {"professors", "drs", "drs.", "doctors"}


def _clean_span(doc: Doc, s: int, e: int, *, person: bool = False) -> tuple[int, int]:
    """Shrink a character span to the cleaned name inside it ("Drummer Lars Ulrich's" →
    "Lars Ulrich")."""
    if person:
        e = _with_particles(doc, s, e)
    raw = doc_text(doc)[s:e]
    name = clean_name(raw)
    words = name.split()
    while person and words[0].lower() in ROLE_PREFIXES and (
            len(words) > 2 or len(words) == 2 and words[0].lower() in _PLURAL_TITLES):
        words = words[1:]  # ("Professors Tsukahara and Vale": a surname after a plural title)
    name = " ".join(words)
    if not name:
        return (s, s)
    k = raw.find(name)
    return (s + k, s + k + len(name)) if k >= 0 else (s, e)


_AUTHOR_CUE = re.compile(
    r"\b(co-?authors?|co-?authored|authors?|with|students?|classmates|colleagues|founders?|"
    r"co-?founded|founded|including|alongside|members?|team|by)\b", re.I)


@Language.component("kg_people")
def kg_people(doc: Doc) -> Doc:
    """Record person mentions: cleaned PERSON entities, their repeats, name lists, surnames."""
    facts = facts_of(doc)
    art = doc._.kg_article
    taken = Taken()  # the spans already read as people (log-time overlap checks)

    def free(s: int, e: int) -> bool:
        return not taken.overlaps(s, e)

    def in_row(s: int) -> bool:
        b = block_at(art, s)
        return b is not None and b.kind in ("row", "reference")

    known: set[str] = set()
    single_ents: set[str] = set()
    # one-word organisations that are no word of a person's name ("Nintendo")
    org_words = ({e.text for e in doc.ents if e.label_ == "ORG" and len(e) == 1}
                 - {w for e in doc.ents if e.label_ == "PERSON" and len(e) == 1 for w in [e.text]}
                 - set((facts.subject or "").split()))
    # ... nor a given name the recogniser once took for a body ("and Grace is the first
    # author" beside two "Grace Wanjiru"): more full names start with it than it is a body
    lone = Counter(e.text for e in doc.ents if e.label_ == "ORG" and len(e) == 1)
    starts = Counter(e[0].text for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2)
    org_words -= {w for w in org_words if starts[w] > lone[w]}
    # infobox fields about people: "Spouse: A", "Doctoral students: B; C"
    for block in (b for b in (art.blocks if art is not None else []) if b.kind == "field"):
        if len(block.cells) == 2 and _PERSON_FIELDS.fullmatch(block.header[0]):
            vs, ve = block.cells[1]
            known.update(n for n in (clean_name(x) for x in re.split(
                r"[;,()]", doc_text(doc)[vs:ve])) if is_person_name(n))
    # names beside a body's noun are organisations ("the software company Acme Data")
    bodies = [(m.start(g), m.end(g)) for m in _NAMED_BODY.finditer(doc_text(doc))
              for g in ("a", "b") if m.group(g)]
    body_names = {clean_name(doc_text(doc)[a:b]) for a, b in bodies}
    for ent in doc.ents:
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        first = _given_before(ent) if ent.label_ == "PERSON" else ent[0]
        s, e = _clean_span(doc, first.idx, ent.end_char, person=True)
        if ent.label_ == "PERSON":
            s = _given_before_particle(doc, s)
        name = doc_text(doc)[s:e]
        if ent.label_ == "PERSON" and (_names_a_thing(ent) or name == facts.title_org
                                       or _part_of_org_name(doc, ent, org_words)
                                       or any(bs <= s and e <= be for bs, be in bodies)
                                       or name in body_names):
            continue
        if ent.label_ == "PERSON" and (is_person_name(name) and not _in_quotes(facts, s, e)
                and not _is_acronym_expansion(doc, s, e) and not in_row(s)):
            known.add(name)
        elif ent.label_ == "PERSON" and (is_person_name(name, single=True) and len(ent) == 1
                                         and _acts_as_person(ent[0])
              and not _in_quotes(facts, s, e) and not in_row(s)):
            single_ents.add(name)  # "Hitler", "Shostakovich": kept unless part of a name
        elif ent.label_ == "ORG" and _org_tagged_person(ent):
            if is_person_name(name) and not _in_quotes(facts, s, e):
                known.add(name)
        elif ent.label_ == "ORG" and " and " in name and re.search(
                r"\b(?:with|by|co-?authors?|authors?)\s+$", doc_text(doc)[max(0, s - 12):s]):
            # "written with Tom Vale and Mira Castell", tagged one body
            parts = [p.strip() for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", name)]
            if len(parts) >= 2 and all(len(p.split()) >= 2 and is_person_name(p)
                                       and org_kind_from_name(p) is None for p in parts) \
                    and not _in_quotes(facts, s, e):
                known.update(parts)
    if facts.subject:
        known.add(facts.subject)
    # a byline: "Interview by Mira Castell", "By Tom Vale", "Words by Tom Vale"
    for m in _BYLINE_NAME.finditer(doc_text(doc)):
        if is_person_name(m.group("n")) and org_kind_from_name(m.group("n")) is None:
            known.add(m.group("n"))
    # a name right after a person's occupation ("the software engineer Mira Castell", "the
    # economist Tom Vale"), which the recogniser often leaves untagged or calls a body
    for m in _OCCUPATION_NAME.finditer(doc_text(doc)):
        s, e, name = m.start("n"), m.end("n"), m.group("n")
        span = doc.char_span(s, e, alignment_mode="expand")
        if (span is not None and not any(t.ent_type_ in ("GPE", "LOC", "NORP", "DATE", "FAC",
                                                          "WORK_OF_ART", "PRODUCT") for t in span)
                and is_person_name(name) and org_kind_from_name(name) is None
                and not _in_quotes(facts, s, e) and not in_row(s)
                and not re.match(r"\s+[A-Z&]", doc_text(doc)[e:e + 3])):
            known.add(name)
    # a hyphenated given name the recogniser leaves untagged ("Min-seo Kang", "Ana-Maria
    # Popescu"): the tokenizer splits it, and the name goes with it
    for m in _HYPHEN_GIVEN.finditer(doc_text(doc)):
        s, e, name = m.start(), m.end(), m.group(0)
        span = doc.char_span(s, e, alignment_mode="expand")
        if (span is None or any(t.ent_type_ not in ("", "PERSON", "ORG", "FAC") for t in span)
                or _in_quotes(facts, s, e) or in_row(s)
                or _HYPHEN_PREFIX.match(name) or not is_person_name(name)
                or org_kind_from_name(name) is not None
                or re.match(r"\s+[A-Z&]", doc_text(doc)[e:e + 3])
                or re.search(r"\b(?:of|for)\s+$", doc_text(doc)[max(0, s - 5):s])):
            continue  # ("Japan Agency for Marine-Earth Science and Technology": a body's words)
        # the surname stands alone elsewhere ("Kang left the group"), as a person's does,
        # or a person's noun stands before it ("the crystallographer Min-seo Kang")
        last = name.split()[-1]
        text = doc_text(doc)
        role_before = re.search(r"\b[a-z]+(?:ist|ian|man|woman|er|or)\s+$", text[max(0, s - 30):s])
        # (alone: after no word, as at a sentence's or a clause's start: "Kang left ...")
        alone = any(not s <= x.start() < e
                    for x in re.finditer(r"(?<![\w'’-]\s)(?<![\w'’-])" + re.escape(last)
                                         + r"(?![\w'’-])(?!\s+[A-Z])", text))
        if not (role_before or alone):
            continue
        known.add(name)
    # one-word names the model tags PERSON and that are no part of a longer known name
    # (nor tagged otherwise elsewhere, nor the first word of a longer name: "Ledgerline
    # Analytics", "Nintendo Australia")
    parts_of_known = {w for n in known for w in n.split()}
    other = {w for ent in doc.ents if ent.label_ != "PERSON" for w in ent.text.split()}
    for n in single_ents - parts_of_known - other:
        if not re.search(r"(?<![\w-])" + re.escape(n) + r"(?:\s+[A-Z][\w-]+|['’]s\s+[A-Z])",
                         doc_text(doc)) and not _joined_as_staff(doc_text(doc), n):
            known.add(n)
    # a name that starts a body's name elsewhere ("Lakemoor Meridian Bank") is that body's
    # short name, not a person's, unless a person's title or given name goes before it
    text = doc_text(doc)
    for name in list(known):
        if name == facts.subject or len(name.split()) < 2:
            continue
        spots = find_word(text, name, not_before="'’-")
        if any(text[e:e + 1] == " " and _BODY_WORD.match(text, e + 1) for _s, e in spots) and \
                not any(re.search(r"\b" + HONORIFIC + r"$", text[max(0, s - 12):s])
                        for s, _e in spots):
            known.discard(name)
    # a name tagged PERSON once is a person wherever it stands
    for name in sorted(known, key=len, reverse=True):
        for s, e in find_word(doc_text(doc), name, not_before="@"):
            if _BODY_WORD.match(doc_text(doc), e + 1) and doc_text(doc)[e:e + 1] == " ":
                continue  # "Lakemoor Meridian Bank": the start of a body's name
            if free(s, e) and not _in_quotes(facts, s, e) and not in_row(s):
                taken.append((s, e))
                _add_person(doc, s, e, "ner")
    # coordinated lists of names around a known name ("with A, B, and C as co-authors")
    for sent in doc.sents:
        if in_row(sent.start_char) or not _AUTHOR_CUE.search(sent.text):
            continue
        text = sent.text
        for lm in re.finditer(
            r"(?:" + NAME_RE + r"|" + _NAME_TOK + r")(?:\s*,\s*(?:and\s+)?(?:" + NAME_RE + r"|"
            + _NAME_TOK + r")|\s+and\s+(?:" + NAME_RE + r"|" + _NAME_TOK + r"))+", text
        ):
            items = [(m.start(1), m.end(1)) for m in _LIST_ITEM.finditer(lm.group(0))]
            names = [lm.group(0)[a:b] for a, b in items]
            if not any(n in known for n in names) and not (
                    re.search(r"\b(?:with|by|co-?authors?|authors?)\s+$", text[:lm.start()])
                    and set(names) & {k.split()[-1] for k in known if len(k.split()) > 1}):
                continue  # "co-written with Vale and Ana Lima": Vale is a known surname
            for (a, b), n in zip(items, names, strict=True):
                s = sent.start_char + lm.start() + a
                e = sent.start_char + lm.start() + b
                if " " in n and is_person_name(n) and free(s, e) and not _in_quotes(facts, s, e) \
                        and not citation_venue(doc_text(doc), s, e):
                    taken.append((s, e))
                    known.add(n)
                    _add_person(doc, s, e, "list")
    # "with Prafulla Dhariwal as first author", "co-authors Jane Doe and ..."
    for m in _NAME_AS_AUTHOR.finditer(doc_text(doc)):
        g = 1 if m.group(1) else 2
        s, e = m.start(g), m.end(g)
        name = m.group(g)
        if is_person_name(name) and free(s, e) and not _in_quotes(facts, s, e) and not in_row(s):
            taken.append((s, e))
            known.add(name)
            _add_person(doc, s, e, "rule")
    # "Jane Roe, a former data scientist at ...": a name with a role in apposition
    # ... also without an article: "Anders Østergaard, professor of mathematics at X"
    for m in _NAME_WITH_ROLE.finditer(doc_text(doc)):
        s, e = m.start(1), m.end(1)
        name = m.group(1)
        # a name the recogniser took for a place is a person when a human role follows
        # ("Lorcan Bruin, a former engineer at X"), not a word that may be a place's
        # ("Denver, a former mining center")
        human = (m.group("job") or m.group("title")) and len(name.split()) >= 2
        if not (m.group("job") or m.group("title")) and any(bs <= s and e <= be
                                                            for bs, be in bodies):
            continue  # "Lakemoor Assay, a sensor company": a body's noun follows, not a role
        if (is_person_name(name) and free(s, e) and not _in_quotes(facts, s, e) and not in_row(s)
                and not any(t.ent_type_ in (("DATE", "FAC") if human else
                                            ("GPE", "LOC", "NORP", "FAC", "DATE"))
                            for t in doc.char_span(s, e, alignment_mode="expand") or ())):
            taken.append((s, e))
            known.add(name)
            _add_person(doc, s, e, "rule")
    # "Funmilayo Adeyemi-Cole, who completed her doctorate": a name a person's relative
    # pronoun follows, whatever the recogniser tagged it
    # ... and one whose team, group or lab it is ("in Jean-Marc Dufresne's team at X")
    # ... and one whose thesis or paper it is ("Tarmo Kivimäki's 1983 doctoral thesis"), or a
    # relative's ("two daughters of Iestyn Morgan", "her husband, Bertil Sandqvist")
    for m in _NAME_OWNER_OR_KIN.finditer(doc_text(doc)):
        g = 1 if m.group(1) else 2
        s, e = m.start(g), m.end(g)
        name = clean_name(m.group(g))
        if re.search(r"['’]s\b", m.group(g)):
            continue  # "That's Sofía's paper": a contraction is no name word
        span = doc.char_span(s, e, alignment_mode="expand")
        # after a relative or a colleague ("her postdoc Ana Lima") a name is a person's even
        # where the tagger saw a place; a place before "'s team" is more often a place
        barred = ("DATE",) if g == 2 and len(name.split()) >= 2 else ("GPE", "LOC", "NORP",
                                                                      "DATE")
        in_place = [t.ent_type_ in barred for t in span or ()]
        # ... unless the place covers only part of the name ("in Marta Lindqvist-Ek's lab",
        # the given name taken for a place)
        a_place = any(in_place) and (g == 2 or len(name.split()) < 2 or all(in_place))
        if (is_person_name(name) and free(s, e) and not _in_quotes(facts, s, e)
                and not in_row(s) and not a_place):
            taken.append((s, s + len(name)))
            known.add(name)
            _add_person(doc, s, s + len(name), "rule")
    # "Petra Novak of Charles University": a name before "of" and a body's name (the
    # recogniser often takes both as one organisation)
    places_full = {x.text for x in doc.ents if x.label_ in ("GPE", "LOC", "NORP")}
    for m in _NAME_OF_BODY.finditer(doc_text(doc)):
        s, e = m.start(1), m.end(1)
        name = m.group(1)
        after = doc_text(doc)[e:e + 80]
        body = re.match(r"\s+(?:of|at)\s+(?:the\s+)?([A-Z][\w'’&.-]*(?:\s+(?:of\s+|for\s+|and\s+)?"
                        r"[A-Z][\w'’&.-]*){0,5})", after)
        span = doc.char_span(s, e, alignment_mode="expand")
        # tagged a person, or run into an organisation up to its "of" ("Petra Novak of")
        # not a place and a word ("Kansas City Chiefs of the NFL"), not a title ("Associate
        # Judge of the X Court"), not a unit ("Siberian Branch of the Academy")
        words = name.split()
        if after.lstrip().startswith("at") and (re.search(
                r"\b(?:of|in)\s+$", doc_text(doc)[max(0, s - 4):s]) or not any(
                x.label_ == "ORG" and x.start_char <= s and e + 5 < x.end_char
                for x in doc.ents)):
            continue  # "Tom Vale at X" only when the recogniser ran both into one body's name
        if {w.lower() for w in words} & (ROLE_PREFIXES | _UNIT_WORDS) or (
                len(words) == 3 and " ".join(words[:2]) in places_full):
            continue
        # a surname the recogniser took for a place, after an untagged given name ("Ngaire
        # Halloran of the X Institute"), where no place stands ("in", "at", "from" before it)
        placed = [t for t in span or () if t.ent_type_ in ("GPE", "LOC", "NORP", "FAC")]
        surname_only = span is not None and len(placed) == 1 and placed[0].i == span.end - 1 \
            and not span[0].ent_type_ and not re.search(r"\b(?:in|at|from|of|to|near)\s+$",
                                                        doc_text(doc)[max(0, s - 6):s])
        if (body and org_kind_from_name(body.group(1)) is not None and is_person_name(name)
                and org_kind_from_name(name) is None and free(s, e)
                and not _in_quotes(facts, s, e) and not in_row(s)
                and (surname_only or not placed)
                and not any(t.ent_type_ in ("DATE", "WORK_OF_ART") for t in span or ())):
            taken.append((s, e))
            known.add(name)
            _add_person(doc, s, e, "rule")
    # single-word mentions: surnames (and the subject's given name)
    singles: dict[str, int] = {}
    for name in known:
        parts = name.split()
        singles[parts[-1]] = singles.get(parts[-1], 0) + 1
    if facts.subject:
        singles.setdefault(facts.subject.split()[0], 1)
        singles.setdefault(facts.subject.split()[-1], 1)
    # given names that belong to one known person only ("Sofía" of "Sofía de la Fuente");
    # resolution decides whose they are
    given: dict[str, int] = {}
    for name in known:
        parts = name.split()
        if len(parts) >= 2 and len(parts[0]) >= 3 and not parts[0].endswith(".") \
                and parts[0].lower() not in NON_NAME_WORDS:
            given[parts[0]] = given.get(parts[0], 0) + 1
    # a first surname of a name with two ("Tlapanco" of "Ximena Tlapanco Ruiz")
    for name in known:
        parts = name.split()
        for w in parts[1:-1] if len(parts) >= 3 else ():
            if w[:1].isupper() and not w.endswith(".") and w not in NAME_PARTICLES \
                    and w.lower() not in NON_NAME_WORDS:
                singles.setdefault(w, 1)
    given_only = {word for word, count in given.items() if count == 1 and word not in singles}
    for word in given_only:
        singles[word] = 1
    for tok in doc:
        if tok.text in singles and tok.text[:1].isupper() and not _is_date_word(tok):
            s, e = tok.idx, tok.idx + len(tok.text)
            if free(s, e) and not _in_quotes(facts, s, e) and not in_row(s):
                if (doc_text(doc)[max(0, s - 1) : s] in ("@", "-")
                        or doc_text(doc)[e : e + 1] in ("/", "@", "-")):
                    continue  # a handle, or a part of a hyphenated name ("Vale-Hart")
                # "Cinema Verity": a given name that ends a longer name
                prev = doc[tok.i - 1] if tok.i else None
                if tok.text in given_only and prev is not None and prev.text[:1].isupper() \
                        and prev.pos_ in ("PROPN", "NOUN") and not prev.is_stop \
                        and prev.ent_type_ != "PERSON" and prev.lower_ not in ROLE_PREFIXES:
                    continue
                # "Shaw Communications", "Morris & Co.": a surname that starts a longer name
                nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
                if nxt is not None and not _is_date_word(nxt) and re.match(
                        r" (?:&|[A-Z][a-z]+\b(?!['’]))", doc_text(doc)[e : e + 20]):
                    continue
                taken.append((s, e))
                _add_person(doc, s, e, "surname")
    # hyphenated surnames, which the tokenizer splits ("Adeyemi-Cole")
    for single in (x for x in singles if "-" in x):
        for s, e in find_word(doc_text(doc), single, not_before="-", not_after="-"):
            if free(s, e) and not _in_quotes(facts, s, e) and not in_row(s):
                taken.append((s, e))
                _add_person(doc, s, e, "surname")
    # handles: "under the handle @Newmu", "uses the handle Newmu"
    for m in re.finditer(r"\bhandle\s+@?([A-Za-z0-9_]{2,40})", doc_text(doc)):
        sent = _sent_of(doc, m.start())
        who = _nearest_person_before(doc, m.start(), sent)
        if who:
            facts.aliases.append(AliasFact(who, m.group(1), (sent.start_char, sent.end_char)))
    return doc


#: Infobox keys whose values are people.
_PERSON_FIELDS = re.compile(r"spouses?|partners?|children|parents|relatives|(?:doctoral|"
                            r"academic|other academic) advisors?|doctoral students|"
                            r"notable students|founders?|key people", re.I)

#: Words of a unit's or a team's name, never of a person's.
_UNIT_WORDS = {"branch", "division", "section", "chapter", "unit", "office", "bureau", "wing",
               "chiefs", "kings", "giants", "club", "team", "squad", "band", "choir"}

_PERSON_GOVERNORS = {"under", "by", "replacing", "replace", "succeeded", "succeeding", "defeated",
                     "defeating", "married", "marry"}


def _org_tagged_person(ent: Span) -> bool:
    """An entity tagged ORG that is a person: a two- or three-word name with no organisation
    word, listed beside a person ("Kirsty Wark and Emily Maitlis"), governed by "under" or
    "by" ("under the supervision of ... Klaus Wagner", "created by Walt Disney"), or right
    after a lower-case role noun ("businessman JR Shaw")."""
    core = [t for t in ent if t.text not in NAME_PARTICLES]  # "Sofía de la Fuente"
    if not 2 <= len(core) <= 3 or org_kind_from_name(ent.text) is not None:
        return False
    if not all(t.pos_ == "PROPN" and is_name_token(t.text) for t in core):
        return False
    root = ent.root
    if _beside_a_person(root, ent):
        return True
    # "Sofía de la Fuente, who was finishing her doctorate": a person's relative pronoun
    if re.match(r",\s+who\b", doc_text(ent.doc)[ent.end_char:ent.end_char + 8]):
        return True
    if root.dep_ in ("pobj", "dobj") and root.head.lower_ in _PERSON_GOVERNORS:
        return True
    if root.dep_ == "pobj" and root.head.dep_ == "conj" and root.head.head.lower_ == "under":
        return True
    prev = ent.doc[ent.start - 1] if ent.start > 0 else None
    return prev is not None and prev.pos_ == "NOUN" and prev.is_lower and bool(
        re.fullmatch(r"[a-z]+(?:man|woman|person|ist|ian)|presenter|singer|writer|actor|actress|"
                     r"author|director|producer|player|founder|leader|painter|composer|drummer|"
                     r"teacher|lawyer|officer|architect|designer|illustrator|poet", prev.text))


#: Nouns for things a name can stand beside ("the electronic group Tangerine Dream", "its
#: debut album, Unknown Pleasures").
_THING_NOUNS = {
    "album", "song", "single", "film", "movie", "band", "group", "novel", "book", "play",
    "opera", "musical", "painting", "series", "show", "programme", "program", "company",
    "label", "magazine", "newspaper", "ship", "game", "team", "club", "station", "party",
    "orchestra", "ensemble", "duo", "trio", "photograph", "photo", "record", "ep", "firm",
    "brand", "manufacturer", "railway", "airline", "studio",
}
#: Roles held in an organisation ("CEO of Norges Statsbaner").
_ROLES_OF = {
    "ceo", "president", "chairman", "chairwoman", "chair", "director", "head", "founder",
    "co-founder", "cofounder", "member", "leader", "chief", "owner", "manager", "employee",
    "principal", "executive", "cto", "cfo", "coo", "shareholder", "board",
}


def _part_of_org_name(doc: Doc, ent: Span, org_words: set[str]) -> bool:
    """A PERSON-tagged name that is an organisation's: its first word is an organisation
    named alone elsewhere ("Nintendo Australia"), or it ends a university's name after a
    dash ("University of Wisconsin – Eau Claire")."""
    if len(ent) >= 2 and ent[0].text in org_words:
        return True
    before = doc_text(doc)[max(0, ent.start_char - 60) : ent.start_char]
    return bool(re.search(r"\b(?:University|College|Institute)\b[^.,;]{0,40}\s[–—-]\s*$",
                          before))


_FOUNDS = re.compile(r"(?:co-?|re)?found(?:ed|s|ing)?|cofounded|established|incorporated")


def _founded(tok: Token) -> bool:
    """Whether ``tok`` is what a founding verb founds ("she co-founded Solvia Energy"): a
    body, never a person."""
    return tok.dep_ == "dobj" and _FOUNDS.fullmatch(tok.head.lower_) is not None


_YEAR_AFTER = re.compile(r"\s*,?\s*(?:\d{1,4}\s*(?:\(\d{1,3}\))?\s*[,:]\s*)?(?:1[5-9]|20)\d\d\b")
_VENUE_WORDS = {v.split()[0] for v in VENUES} | {"Journal", "Proceedings", "Annals", "Physical"}


def citation_venue(text: str, s: int, e: int) -> bool:
    """Whether [s, e) is a citation's venue: a year follows it, and a quoted title's comma
    goes before it or its first word is a venue's ('..., by A and B, Nature Geoscience, 2012').

    >>> t = '"Reed Beds", by Ola Berg and Tim Sato, Nature Geoscience, 2012.'
    >>> citation_venue(t, t.index("Nature"), t.index(", 2012"))
    True
    """
    if not _YEAR_AFTER.match(text, e, min(len(text), e + 20)):
        return False
    return bool(re.search(r"[\"”»],\s*$|,[\"”»]\s*$", text[max(0, s - 4):s])) or \
        text[s:e].split()[0] in _VENUE_WORDS


def _names_a_thing(ent: Span) -> bool:
    """Whether a PERSON-tagged name is a thing's or a place's name by its position: beside
    a thing noun ("the group Tangerine Dream", "the album, Unknown Pleasures"), after a
    role "of" ("CEO of Norges Statsbaner"), or listed only with places ("Cape Verde,
    Lesotho, South Africa, and Brittany")."""
    if citation_venue(doc_text(ent.doc), ent.start_char, ent.end_char):
        return True  # a citation's venue: '"A Title", Nature Chemistry, 2016'
    root = ent.root
    for t in ent:
        for c in t.children:
            if c not in ent and c.dep_ in ("compound", "appos", "nmod") and \
                    c.lower_ in _THING_NOUNS:
                return True
    if root.dep_ == "appos" and root.head.lower_ in _THING_NOUNS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in _ROLES_OF:
        return True
    if _founded(root):
        return True
    kin = [root.head, *root.head.conjuncts] if root.dep_ == "conj" else list(root.conjuncts)
    kin = [t for t in kin if t not in ent]
    # a list of places ("Cape Verde, Lesotho, South Africa, and Brittany"), not one place
    # beside a person ("... in Prague and Ari Levin of ...") nor a list of authors the
    # tagger half took for places ("..., by Lena Hartmann, Aditya Kulkarni and Beaumont")
    head = root.head if root.dep_ == "conj" else root
    if head.dep_ == "pobj" and head.head.lower_ == "by":
        return False
    return len(kin) >= 2 and all(t.ent_type_ in ("GPE", "LOC") for t in kin)


def _joined_as_staff(text: str, name: str) -> bool:
    """Whether one takes a post at ``name`` somewhere in ``text``: "joined Abbott as a
    scientist", "left Siemens as its director" (a body one works for, not a person).

    >>> _joined_as_staff("In 2015 I joined Abbott as a scientist.", "Abbott")
    True
    >>> _joined_as_staff("In 2015 I joined Abbott and Vale on the project.", "Abbott")
    False
    """
    return re.search(r"\b(?:joined|joining|joins|left|leaving|rejoined)\s+" + re.escape(name)
                     + r"\s+as\s+(?:an?\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:" + JOB_TITLES
                     + r"|intern|postdoc\w*|staff)\b", text, re.I) is not None


def _acts_as_person(tok: Token) -> bool:
    """Whether a one-word PERSON entity stands where people stand: a clause's subject or
    object, an owner ("Zuma's"), or listed beside another person ("Paul, Alexandre and
    Nicolas"); not after "in"/"at" (places) nor inside a longer noun phrase."""
    if tok.pos_ != "PROPN" or tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("in", "at", "near"):
        return False
    if tok.dep_ in ("nsubj", "nsubjpass", "dobj", "poss"):
        return True
    return tok.dep_ in ("conj", "appos") and _beside_a_person(tok, tok.doc[tok.i : tok.i + 1])


def _beside_a_person(tok: Token, own: Span) -> bool:
    """Whether ``tok`` is coordinated or in apposition with a word tagged PERSON outside
    its own name ``own`` ("Kirsty Wark and Emily Maitlis")."""
    kin = [tok.head, *tok.head.conjuncts, *tok.conjuncts] if tok.dep_ in ("conj", "appos") \
        else list(tok.conjuncts)
    return any(t.ent_type_ == "PERSON" and t not in own for t in kin)


def _is_date_word(tok) -> bool:
    """'May' in 'In May 2020' is a month, not Madison May."""
    from ..dates import MONTHS

    if tok.lower_ not in MONTHS:
        return False
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    prv = tok.nbor(-1) if tok.i > 0 else None
    return bool((nxt is not None and nxt.like_num) or (prv is not None and prv.like_num)
                or (prv is not None
                    and prv.lower_ in ("in", "since", "until", "of", "early", "late")))


def _nearest_person_before(doc: Doc, char: int, sent: Span) -> str | None:
    facts = facts_of(doc)
    best = None
    for p in facts.people:
        if sent.start_char <= p.start < char and (best is None or p.start > best.start):
            best = p
    # a pronoun between the person and the cue points to the subject
    for tok in sent:
        if tok.idx >= char:
            break
        if tok.lower_ in ("he", "she") and (best is None or tok.idx > best.start):
            return facts.subject
    if best is not None:
        return best.name
    return facts.subject


_KEYWORD_ORG = re.compile(
    r"(?:(?:[A-Z][\w&.-]*(?:s['’]|['’]s)?|of|for|and|de|the)\s+){0,5}?"
    # bounded: a long run of names costs linear time; "No. 1" inside ("Hefei No. 1 High School");
    # a possessive inside ("St Mary's Hospital", "Howell's School")
    r"(?:(?:[A-Z][\w&.-]*(?:s['’]|['’]s)?|No\.\s*\d+|\d+)\s+){0,8}"
    r"(?:University|College|Institute|School|Academy|Polytechnic|Laboratory|Laboratories|Labs?|"
    r"Conservatory|Conservatoire|"
    r"Ventures|Capital|Partners|Inc\.|Ltd\.?|Corporation|Corp\.|LLC|GmbH|AG|S\.A\.|B\.V\.|"
    r"N\.V\.|S\.p\.A\.|Pty|PLC|plc|LLP|Foundations?|Fonds|Council|"
    r"Ministry|Department|Agency|Commission|Society|Association|Party|Research|Press|Globe|Times|"
    r"Consortium|Initiative|Alliance|Trust|Bank|Hospital|Museum|Orchestra|Church|Diocese)(?!\w)"
    # "Institute for the History of Science": two joining words in the tail; "Royal
    # Conservatory of The Hague": a place's own "The"
    r"(?:\s+(?:of|for|and|de)\s+(?:[Tt]he\s+)?(?:[A-Z][\w&.-]*)(?:\s+[A-Z][\w&.-]*)*"
    r"(?:\s+(?:of|for)\s+(?:[Tt]he\s+)?(?:[A-Z][\w&.-]*)(?:\s+[A-Z][\w&.-]*)*)?)?"
)
# a body's name in a language that puts its kind word first: "Instituto de Geofísica",
# "Comisión Nacional del Agua", "Universidad Mayor de San Andrés", "Fondation pour X"
_KEYWORD_FIRST = re.compile(
    r"\b(?:(?:Pontificia|Pontifícia|Real|Royal|Libre|Freie|Technische|Nacional|Federal)\s+)?"
    r"(?:Instituto|Institut|Istituto|Universidad|Universidade|Université|Università|"
    r"Universität|Universiteit|Centro|Centre|Comisión|Comissão|Consejo|Conselho|Conseil|"
    r"Consiglio|Fundación|Fundação|Fondation|Fondazione|Stiftung|Academia|Académie|Accademia|"
    r"Akademie|Sociedad|Sociedade|Société|Società|Unión|União|Ministerio|Ministère|Ministério|"
    r"Escuela|École|Colegio|Facultad|Faculdade|Banco|Museo|Musée|Laboratorio|Laboratoire|"
    r"Hôpital|Agencia|Agência|Secretaría|Asociación|Associação|Hochschule|Gesellschaft|"
    r"Politecnico|Escola|Scuola|Stichting)"
    r"(?:(?:\s+(?:de|del|des|du|l['’]|d['’]|di|della|delle|degli|do|da|dos|das|y|e|et|und|"
    r"für|pour|para|per|zu|zur|der|la|las|los|el|le)){0,3}\s+[A-ZÀ-Ý][\w'’.-]*){1,10}")
_CUE_ORG = re.compile(
    r"(?:\b(?:(?:" + JOB_TITLES + r"|intern|postdoc|researcher|scientist|engineer|linguist|"
    r"economist|curator|teacher|instructor|consultant|columnist|writer|critic|contributor)s?\s+"
    r"(?:at|with|for)|(?:editor-in-chief|editor|publisher)\s+of|"
    r"(?:worked|works|working|employed|interned|lectured|taught|teaching)\s+(?:\w+\s+){0,2}?(?:at|for|by)|"
    r"(?i:ph\.?\s?d\.?|doctorate|master['’]?s|bachelor['’]?s|degree|diploma|[bm]\.?sc?\.?|"
    r"[bm]\.a\.|mba|m\.?eng\.?|d\.?phil\.?)\s+(?:[\w-]+\s+){0,3}?from|"
    r"(?:joined|rejoining|rejoined|joining|co-?founded|cofounded|founded|incorporated|"
    r"to\s+(?:co-?)?found|co-?found|"  # "left to found X", "to co-found X"
    r"established|profiled\s+by|"
    r"interview\s+with|wrote\s+for|writing\s+for|columns?\s+(?:for|in)|"
    # investors: "a seed round led by X", "with participation from X", "backed by X"
    r"(?i:round|series\s+[a-e]|financing|funding|investment)\s+(?:was\s+)?led\s+by|"
    r"participation\s+from|backed\s+by|funded\s+by|investment\s+from|funding\s+from|"
    r"(?i:round|money|funding|financing)\s+(?:[\w$.,-]+\s+){0,8}?came\s+from|"
    r"(?i:backers|investors)\s+(?:including|such\s+as)|"
    # "sat on the board of X", "a trustee of X", "the neuroscience unit of X"
    r"board\s+of(?:\s+directors\s+of)?|(?:trustee|board\s+member)s?\s+of|"
    r"(?:unit|division|arm|subsidiary|branch)\s+of)"
    # "the founder and chief executive of X", "chief executive of X"
    r"|(?:co-?founder|founder|cofounder)s?(?:\s+and\s+(?:[\w-]+\s+){0,2}?(?:chief\s+[a-z]+"
    r"(?:\s+officer)?|ceo|cto|president|chair\w*))?\s+of|(?:chief\s+executive|ceo|managing\s+"
    r"director)\s+of"
    r"|(?P<loose>\b(?:left|leaving|at|for|moved\s+to|transferred\s+to))))\s+(?:the\s+)?"
    r"(?P<org>(?:[A-Z][\w&'’.-]*[\w&])(?:\s+(?:of\s+|&\s+)?[A-Z][\w&'’.-]*[\w&]){0,3})")
# a name beside the noun for a kind of body: "the payments company Paylane", "Acme, a
# Boston startup", "the venture firm Kestrel Capital", "Vetora, a health-technology company"
_BODY_NOUNS = (r"(?:company|firm|startup|start-up|spin-?off|spinout|lab|laboratory|"
               r"foundation|accelerator|incubator|investor|fund|charity|nonprofit|non-profit|"
               r"consultancy|agency|publisher|university|institute|think[- ]tank|manufacturer|"
               r"maker|developer|studio|bank|network|broadcaster|newspaper|magazine)")
_NAMED_BODY = re.compile(
    r"\b(?i:the|a|an|its|their|his|her)\s+(?:[\w-]+\s+){0,3}?" + _BODY_NOUNS
    + r"\s+(?P<a>[A-Z][\w&'’.-]*(?:\s+(?:(?:de|da|do|of|for|and|&)\s+)?[A-Z][\w&'’.-]*){0,4})"
    r"|(?P<b>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,4}),\s+(?:a|an)\s+(?:[\w.,'’-]+\s+){0,4}?"
    + _BODY_NOUNS + r"\b"
    # "the Cincinnati firm of Strode, Kell & Dorsey": partners' names
    r"|\b(?:firm|practice|partnership)\s+of\s+(?P<c>[A-Z][\w'’-]+(?:,\s+[A-Z][\w'’-]+)*,?\s+"
    r"(?:&|and)\s+[A-Z][\w'’-]+)")
_MEDIA_NOUN = r"(?:daily|newspaper|magazine|periodical)"
_MEDIA_NAME = re.compile(
    r"\b(?i:the|a|an|its)\s+(?:[\w-]+\s+){0,3}?" + _MEDIA_NOUN
    + r"\s+(?P<a>[A-Z][\w'’-]+\s+[a-zà-ÿ][\w'’-]+)(?=[\s,.;:])"
    r"|(?<![\w'’-])(?P<b>[A-Z][\w'’-]+\s+[a-zà-ÿ][\w'’-]+),\s+(?:the|a|an)\s+"
    r"(?:[\w'’-]+\s+){0,4}?" + _MEDIA_NOUN + r"\b")
_VENUE = re.compile(r"(?:the\s+)?(?:" + "|".join(re.escape(v) for v in VENUES)
                    + r")(?:\s+['’]?\d{2,4})?", re.I)
_ORG_BEFORE_TITLE = re.compile(
    r"(?<![\w'’-])([A-Z][\w&-]+)\s+(?i:(?:former|then|acting|interim|deputy)\s+)?(?i:"
    + JOB_TITLES + r"|co-?founder|founder)\s+$")
#: Degrees, which the recogniser often tags ORG ("BFA", "Master of Business Administration").
_DEGREE_NAME = re.compile(
    r"(?:[BMD]\.?(?:F\.?A|A|Sc?|Ed|Eng|Phil|Arch|Mus|B\.?A)\.?|Ph\.?\s?D\.?|D\.?Phil\.?|LL\.?[BMD]\.?|"
    r"J\.?D\.?|M\.?D\.?|(?:Bachelor|Master|Doctor|Associate)s?\s+(?:of|in)\s+.+)")
#: A journal's name: a venue where papers appear, not a body anyone works for.
_JOURNAL = re.compile(r"(?:The\s+)?(?:[A-Z][\w-]*\s+){0,3}?(?:Journal|Proceedings|Transactions|"
                      r"Annals|Bulletin|Annual\s+Review|Reviews?|Letters)\s+(?:of|on|in)\s|"
                      # a lettered series: "Physical Review B", "Physics Letters A"
                      r"(?:[A-Z][\w-]*\s+){1,3}?(?:Review|Letters|Journal)\s+[A-E]$")
#: What the recogniser glues before a body's name: a year, a membership ("Fellow of the").
_LEAD_NOISE = re.compile(r"(?:(?:1[5-9]|20)\d\d\s+|(?:(?:Honorary|Foreign|Life|Senior|Elected)\s+)?"
                         r"(?:Fellow|Member|Trustee)s?\s+of\s+(?:the\s+)?|"
                         # "Pfizer Award of the History of Science Society": the society's
                         r"(?:[A-Z][\w'’-]*\s+){0,4}(?:Award|Prize|Medal|Lecture)\s+of\s+(?:the\s+)?)")
# "Executive Director of the X Foundation", "Board of the X Foundation": X's (when what
# follows is a body by its name)
_TITLE_LEAD = re.compile(r"(?:(?:Chair|Member)\s+of\s+the\s+)?(?:Board|Council)\s+(?:of\s+"
                         r"(?:Directors|Trustees|Governors)\s+)?of\s+the\s+|(?i:" + JOB_TITLES
                         + r")\s+of\s+the\s+")
# where an employer stands ("a job at X", "left X") and where a place does ("in X", "X, Sweden")
_EMPLOYER_BEFORE = re.compile(r"\b(?:at|left|leaving|joined|joining|quit|rejoined)\s+$")
_PLACE_BEFORE = re.compile(r"\b(?:in|near|from|outside|to|across|around|of|into|via)\s+"
                           r"(?:the\s+)?$")
_PLACE_AFTER = re.compile(r",\s+[A-Z]|-based\b")
#: Acronyms of countries and unions of them, which stand where bodies stand ("moved to the USA").
_COUNTRY_ACRONYMS = {"USA", "USSR", "UAE", "PRC", "ROC", "DPRK", "GDR", "FRG", "DDR", "BRD",
                     "ROK", "RSA", "UK", "US", "EU"}
_NOT_ORG_ENTS = {"PERSON", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY",
                 "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
_KIND_CONTEXT = [
    ("company", re.compile(r"\b(startup|start-up|company|firm|corporation|business|maker)\b",
                           re.I)),
    ("accelerator", re.compile(r"\b(accelerator|incubator)\b", re.I)),
    ("lab", re.compile(r"\b(lab|laboratory|research group)\b", re.I)),
    ("media", re.compile(r"\b(newspaper|outlet|magazine|reported|reporting|coverage|trade press)\b",
                         re.I)),
    ("investor", re.compile(r"\b(investor|venture capital|fund)\b", re.I)),
    ("university", re.compile(r"\b(university|college)\b", re.I)),
    ("school", re.compile(r"\b(high school|school)\b", re.I)),
]


def _trim_keyword_org(text: str) -> str:
    # drop a leading sentence word ("In", "At", "The") and leading lower-case words
    words = text.split()
    # a sentence's end inside: "Tom Vale. Kestrel Ventures" is the last sentence's name, then
    # the body's
    ends = [i for i, w in enumerate(words[:-1]) if w.endswith(".") and len(w) > 3
            and not _ABBREV_END.search(w[:-1]) and "." not in w[:-1]]
    if ends:
        words = words[ends[-1] + 1:]
    while words and (words[0].lower() in {"in", "at", "the", "a", "an", "from", "with", "and",
                                           "of", "for", "de", "on", "to", "by", "while", "after",
                                           "before", "his", "her", "their"}
                     or words[0][:1].islower()):
        words = words[1:]
    # "Member of the X Council", "Professor of Economics at ...": a role, then the name
    while len(words) > 2 and words[1] == "of" and re.fullmatch(
            r"(?:member|fellow|trustee|" + JOB_TITLES + r")", words[0], re.I):
        words = words[2:]
        if words and words[0].lower() == "the":
            words = words[1:]
    # "United Hatters of", "Northwestern University and the School ...": a dangling
    # joining word at the end, or two names joined by "and the"
    name = re.split(r"\s+and\s+the\s+", " ".join(words))[0]
    words = name.split()
    while words and words[-1].lower() in {"of", "and", "the", "for", "to", "de", "in", "at"}:
        words = words[:-1]
    return " ".join(words)


def _ent_start(doc: Doc, tok) -> int:
    """Where the entity that holds ``tok`` begins (a character offset)."""
    i = tok.i
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    return doc[i].idx


@Language.component("kg_orgs")
def kg_orgs(doc: Doc) -> Doc:
    """Record organisation mentions from ORG entities, name keywords and acting subjects."""
    facts = facts_of(doc)
    art = doc._.kg_article
    person_spans = tuple((p.start, p.end) for p in facts.people)
    person_words = {w for p in facts.people if len(p.name.split()) > 1 for w in p.name.split()
                    if w[:1].isupper() and len(w) > 2}
    people = SpanIndex(person_spans)  # lookups in log time: linear cost on long articles
    found: dict[tuple[int, int], OrgFact] = {}
    spans = SpanSet()  # found's keys, sorted

    def overlaps_person(s: int, e: int) -> bool:
        return people.overlaps(s, e)

    splitting: set[tuple[int, int]] = set()  # names being split in two, against loops

    def add(s: int, e: int, actor: bool = False) -> None:
        s, e = _clean_span(doc, *_clip_org(doc, s, e))
        s, e = _mend_org(doc, s, e, people)
        if doc_text(doc).startswith("Then ", s) and org_kind_from_name(doc_text(doc)[s + 5:e]):
            s += 5  # "Then Argonne National Laboratory, that summer"
        name = doc_text(doc)[s:e]
        # a part that mends back to the whole ("Kenya Marine | and Fisheries Research
        # Institute (KMFRI)", whose short name spells it all) is one name
        whole = (s, e) in splitting
        # "Yale's Berkeley Divinity School": two bodies, the school within the university
        pm = None if whole else re.search(r"['’]s\s+(?=[A-Z])", name)
        if pm and org_kind_from_name(name[pm.end():]) and len(name[pm.end():].split()) >= 2 \
                and not re.match(r"(?:St\.?|Saint|Sainte)\s", name):  # "St. Martin's School of Art"
            owner = doc.char_span(s, s + pm.start(), alignment_mode="expand")
            splitting.add((s, e))
            if owner is None or not any(t.ent_type_ in ("GPE", "LOC") for t in owner):
                add(s, s + pm.start(), actor)  # "London's St. Martin's School": a place
            add(s + pm.end(), e, actor)
            splitting.discard((s, e))
            return
        joint = None if whole else _joined_bodies(name, org_names)
        if joint is None and not whole:
            # "raised $12 million from Partech Africa and Lowercarbon Capital": where investors
            # stand, two names joined by "and", the second a fund's, are two bodies
            pair = re.fullmatch(r"((?:[A-Z][\w'’.-]*\s+)+[A-Z][\w'’.-]*)\s+and\s+(.+)", name)
            if pair and org_kind_from_name(pair.group(2)) == "investor" and _INVESTOR_SLOT.search(
                    doc_text(doc), max(0, s - 40), s) and not re.search(
                    r"\b(?:of|for)\b", pair.group(1)):
                joint = (pair.end(1), pair.start(2))
        if joint is not None:
            # "Adobe Research and Spotify", "Department of X at Rice University": two bodies
            left = name[:joint[0]]
            splitting.add((s, e))
            if len(left.split()) >= 2 or org_kind_from_name(left):  # not "Biology, Univ. X"
                add(s, s + joint[0], actor)
            add(s + joint[1], e, actor)
            splitting.discard((s, e))
            return
        if overlaps_person(s, e):
            # "Petra Novak of Charles University": the recogniser took the person in; the
            # organisation is what follows the last person's "of" / "at" / "from"
            last = max((pe for ps, pe in person_spans if s < pe and ps < e), default=s)
            tail = re.match(r"(?:['’]s)?\s+(?:of|at|from)\s+(?:the\s+)?", doc_text(doc)[last:e])
            if tail and last + tail.end() < e:
                add(last + tail.end(), e, actor)
            return
        if len(name) < 2 or _in_quotes(facts, s, e) or name in person_words:
            return  # "Thibault" of "Thibault Nguyen-Lefèvre", tagged ORG alone
        if name.lower() in NON_NAME_WORDS or not name[:1].isupper() and not name[:1].isdigit():
            return
        b = block_at(art, s)
        if b is not None and b.kind in ("row", "reference", "heading"):
            return  # a heading's words ("Board and Committee Memberships") are no body
        honour = (r"\b(?:Fellowship|Award|Prize|Medal|Scholarship|Grant|Lectureship|"
                  r"Professorship|Studentship|Bursary)s?")
        if re.search(honour + r"$", name) or re.match(r"\s+(?:" + honour + r"|Fellows?\b)",
                                                      doc_text(doc)[e:e + 20]):
            return  # "Sloan Research Fellowship", "an Academy Research Fellow": an honour
        if re.fullmatch(r"(?:(?:Postdoctoral|Senior|Junior|Clinical|Principal|Doctoral|Graduate|"
                        r"Undergraduate|Visiting|Assistant|Associate|Staff|Lead)\s+)+Research",
                        name):
            return  # "Postdoctoral Research Associate": a post
        if _ENDS_WITH_JOB.search(name) and (
                not org_kind_from_name(name) or _ONLY_JOB.fullmatch(name)):
            return  # "Research Scientist", "Associate Professor"
        if re.fullmatch(r"(?:(?:The\s+)?Board\s+of\s+)?(?:Trustees|Directors|Governors|Regents|"
                        r"Overseers|Visitors)", name):
            return  # "Board of Trustees, X": the board of a body named after it
        if _VENUE.fullmatch(name) or _DEGREE_NAME.fullmatch(name) or _JOURNAL.match(name) or (
                re.search(r"\b(?:Review|Letters|Journal)$", name)
                and re.match(r"\s+[A-E]\b", doc_text(doc)[e:e + 3])):
            return  # a venue ("The Journal of Molecular Biology", "Physical Review B") or a degree
        if re.match(HONORIFIC, name) and is_person_name(re.sub(r"^\S+\s+", "", name)):
            return  # "Prof. Mira Castell" in a CV's advisor line: a person
        post = _POST_FIRST.match(name)
        if post and (post.group("field") is None or not org_kind_from_name(post.group("field"))):
            rest = name[post.end():]
            if rest:
                add(s + post.end() + len(rest) - len(rest.lstrip(", ")), e, actor)
            return  # the post alone is no body ("Professor of Functional Materials")
        role_first = re.match(r"[A-Z][\w-]*(?:\s+[a-z][\w-]*)+,\s+(?=[A-Z])", name)
        if role_first and not re.search(r"\b(?:of|for|and|the|de|du|la|le|der|für)\s",
                                        role_first.group(0)):
            add(s + role_first.end(), e, actor)  # "UX researcher, Quillon Robotics": a post's
            return
        left_for = re.match(r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+for\s+(?:the\s+)?", name)
        if left_for and org_kind_from_name(name[left_for.end():]) is not None and any(
                t.ent_type_ in ("GPE", "LOC") for t in doc.char_span(
                    s, s + left_for.end(), alignment_mode="expand") or ()):
            add(s + left_for.end(), e, actor)  # "left Brazil for the University of Leeds"
            return
        placed = re.search(r"\s+in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?$", name)
        if placed and org_kind_from_name(name[:placed.start()]) is not None and \
                org_kind_from_name(placed.group(0)) is None:
            add(s, s + placed.start(), actor)  # "Cornell University in Ithaca": its place
            return
        lead = _LEAD_NOISE.match(name)
        if lead is None:
            lead = _TITLE_LEAD.match(name)
            if lead and org_kind_from_name(name[lead.end():]) is None:
                lead = None
        if lead and lead.end() < len(name):
            # "2025 Rice University", "Fellow of the Royal Society of Canada"
            add(s + lead.end(), e, actor)
            return
        outer = spans.container_of(s, e)
        if outer is not None:
            found[outer].actor = found[outer].actor or actor
            return
        for inner in spans.inside(s, e):
            del found[inner]
            spans.remove(inner)
        sent = _sent_of(doc, s)
        # "Texas State University – San Marcos" is written "Texas State University–San Marcos"
        name = re.sub(r"\s+([–—])\s+(?=[A-Z])", r"\1", name)
        found[(s, e)] = OrgFact(name, s, e, (sent.start_char, sent.end_char), None, actor)
        spans.add((s, e))

    org_names: set[str] = set()
    if facts.title_org:
        # the page is about this organisation: its name is one wherever it stands
        org_names.add(facts.title_org)
    for ent in doc.ents:
        if ent.label_ == "ORG":
            if _FIELD_BEFORE.search(doc_text(doc), max(0, ent.start_char - 60), ent.start_char) \
                    and org_kind_from_name(ent.text) is None and re.match(
                        r"\s+(?:and|&|at|from)\s|,\s",
                        doc_text(doc)[ent.end_char:ent.end_char + 6]):
                continue  # "Professor of Electrical and Computer Engineering": a field
            if re.match(r"-based\b|\s+(?:[a-z][\w-]*\s+){0,3}?" + _BODY_NOUNS + r"\s+[A-Z]",
                        doc_text(doc)[ent.end_char:ent.end_char + 60]):
                continue  # "the Lima-based firm X", "the Lima publisher Hale Press": a place
            s, e = _clean_span(doc, ent.start_char, ent.end_char)
            org_names.add(doc_text(doc)[s:e])
            add(ent.start_char, ent.end_char)
    for m in _KEYWORD_ORG.finditer(doc_text(doc)):
        name = _trim_keyword_org(m.group(0))
        if name and len(name.split()) >= 2:
            k = m.group(0).rfind(name)
            add(m.start() + k, m.start() + k + len(name))
    for m in _KEYWORD_FIRST.finditer(doc_text(doc)):
        org_names.add(m.group(0))
        add(m.start(), m.end())
    for m in _MEDIA_NAME.finditer(doc_text(doc)):
        # "joined Jadranski glasnik, the city's largest daily", "the liberal daily Novi dan":
        # a title in sentence case, its second word no verb or particle
        g = "a" if m.group("a") else "b"
        s, e = m.start(g), m.end(g)
        tail = doc.char_span(s, e, alignment_mode="expand")
        if tail is None or len(tail) < 2 or tail[-1].pos_ not in ("NOUN", "PROPN", "ADJ", "X") \
                or any(t.ent_type_ == "DATE" for t in tail) \
                or all(t.ent_type_ == "PERSON" for t in tail):
            continue
        org_names.add(doc_text(doc)[s:e])
        add(s, e)
    for m in CLUB_NAME.finditer(doc_text(doc)):
        org_names.add(m.group(0))  # "Sekondi Harbour FC", "SV Rheinhafen 09"
        add(m.start(), m.end())
    # names tagged ORG once are organisations wherever they stand (the tagger often calls
    # the same company GPE or PERSON elsewhere)
    for name in sorted(org_names, key=len, reverse=True):
        if not name or org_kind_from_name(name) is None and len(name) < 3:
            continue
        for s, e in find_word(doc_text(doc), name, not_before="@/.", not_after="/"):
            add(s, e)
    # names in an employer's or a school's place ("a network engineer at Vodacom", "joined
    # DeepMind"): the small model often calls these GPE, NORP or PRODUCT
    cue_names: set[str] = set()
    for m in _CUE_ORG.finditer(doc_text(doc)):
        s, e = m.start("org"), m.end("org")
        span = doc.char_span(s, e, alignment_mode="expand")
        # (or one joins it as staff: "joined Abbott as a scientist", whatever the tagger says)
        founded = span is not None and (_founded(span.root) or len(span) == 1 and _joined_as_staff(
            doc_text(doc), span.text))
        # "moved to KTH Stockholm": an acronym heads no person's name
        lettered = span is not None and re.fullmatch(r"[A-Z]{2,6}", span[0].text) is not None \
            and not overlaps_person(s, e)
        if span is None or any(t.ent_type_ in _NOT_ORG_ENTS and not (
                (founded or lettered) and t.ent_type_ == "PERSON")
                # "Roe founded Quenaya Medical" tagged LAW as a whole: the tagger's span
                # takes in the cue, so its label says nothing of the name after it
                and not (t.ent_type_ != "PERSON" and _ent_start(doc, t) < m.start("org"))
                for t in span):
            continue
        # an acronym where a body stands is a body, whatever the tagger says ("at CERN",
        # "joined EMBL"), unless it names a country ("moved to the USA")
        acronym = len(span) == 1 and re.fullmatch(r"[A-Z]{3,6}", span.text) is not None and \
            span.text not in _COUNTRY_ACRONYMS
        if m.group("loose") and not acronym and any(t.ent_type_ in ("GPE", "LOC", "NORP")
                                                    for t in span):
            continue
        if all(t.ent_type_ in ("GPE", "LOC", "NORP") for t in span) and re.match(
                r"(?:-based)?\s+(?:[a-z][\w-]*\s+){0,3}?" + _BODY_NOUNS + r"\b",
                doc_text(doc)[e:e + 60]):
            continue  # "co-founded the London enzyme-design company X": a place's adjective
        if all(t.pos_ == "PROPN" or t.text in ("&", "of", "the", "The") for t in span):
            add(s, e)
            if not m.group("loose") or acronym:
                cue_names.add(doc_text(doc)[s:e])
    # a name a relative clause says was joined or founded: "at Anthropic, which he joined in
    # 2020"
    for m in _WHICH_JOINED.finditer(doc_text(doc)):
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is not None and not any(t.ent_type_ in ("PERSON", "DATE", "GPE", "LOC")
                                        for t in span) and not span[0].is_sent_start:
            add(m.start(1), m.end(1))
    # a name beside a body's noun ("the software company Vetora Saúde Digital")
    body_names: set[str] = set()
    for m in _NAMED_BODY.finditer(doc_text(doc)):
        g = "a" if m.group("a") else "b" if m.group("b") else "c"
        s, e = m.start(g), m.end(g)
        name = doc_text(doc)[s:e]
        cut = re.search(r"\.(?:\s|$)", name)
        if cut and not re.search(r"\b(?:Co|Inc|Ltd|Corp|St|Bros|[A-Z])$", name[:cut.start()]):
            e = s + cut.start()  # "the development bank KfW. Orca led ...": the sentence ends
            name = name[:cut.start()]
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None or name.split()[-1].lower() in ("and", "of", "for", "de", "da", "do"):
            continue
        if g != "c" and any(t.ent_type_ in ("GPE", "LOC", "NORP", "DATE", "CARDINAL")
                            for t in span):
            continue
        if g != "c" and any(s < pe and ps < e for ps, pe in person_spans) and \
                not is_person_name(name):
            continue  # (a firm of partners is named after people: "Strode, Kell & Dorsey")
        if g == "c":
            splitting.add((s, e))  # one name, though a comma and "&" join its words
        add(s, e)
        splitting.discard((s, e))
        body_names.add(clean_name(name))
    # ... wherever it stands, whatever the recogniser tagged it there
    for name in sorted(body_names, key=len, reverse=True):
        for s, e in _free_spots(doc, name, spans):
            add(s, e)
    # a name found in an employer's place is an organisation wherever it stands ("joined
    # DeepMind" ... "left DeepMind"), unless it is tagged a person there
    for name in sorted(cue_names, key=len, reverse=True):
        for s, e in _free_spots(doc, name, spans):
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None and not any(t.ent_type_ == "PERSON" for t in span):
                add(s, e)
    # a name tagged a place that stands only where employers stand ("a job at Northvolt",
    # "left Northvolt"), at least twice and never where places stand ("in X", "X, Sweden")
    text = doc_text(doc)
    for name in sorted({e.text for e in doc.ents if e.label_ == "GPE" and len(e) <= 2
                        and e.text[:1].isupper() and e.text not in _COUNTRY_ACRONYMS}):
        employer = place = 0
        for s, e in find_word(text, name, not_before="-"):
            before = text[max(0, s - 12):s]
            employer += _EMPLOYER_BEFORE.search(before) is not None
            place += _PLACE_BEFORE.search(before) is not None or \
                _PLACE_AFTER.match(text, e) is not None
        if employer >= 2 and not place:
            for s, e in _free_spots(doc, name, spans):
                add(s, e)
    # the first word of a known organisation's name stands for it ("Helixa raised ...")
    shorts: dict[str, str] = {}
    for (_fs, _fe), f in found.items():
        words = f.name.split()
        if (len(words) >= 2 and len(words[0]) > 3 and words[0][0].isupper()
                and words[0].lower() not in NON_NAME_WORDS and org_kind_from_name(words[0]) is None
                and not re.search(r"\b(?:of|for|and)\b", f.name)):
            shorts.setdefault(words[0], f.name)
    for short in shorts:
        spots = []
        for s, e in _free_spots(doc, short, spans):
            if doc_text(doc).startswith(shorts[short], s):
                continue  # the whole name stands there (a reference line's), not its short form
            sp = doc.char_span(s, e, alignment_mode="expand")
            spots.append((s, e, sp[0].ent_type_ if sp is not None else ""))
        # a word mostly used as a place is a place ("in Boston" beside "Boston Globe"): tagged
        # a place and standing where places stand ("in X", "X-based", "X, Massachusetts")
        text = doc_text(doc)
        placelike = sum(t in ("GPE", "LOC", "NORP") and bool(
            re.search(r"\b(?:in|near|to|from|around|outside|across|of)\s+$|[\w.)],\s+$",
                      text[max(0, s - 8) : s])
            or re.match(r"-based|,\s+[A-Z]|\s+(?:area|region|city|state)\b", text[e : e + 12])
            # "a Pittsburgh company": a place's name before a common noun
            or (re.search(r"\b(?:a|an)\s+$", text[max(0, s - 4) : s]) is not None
                and re.match(r"\s+[a-z]", text[e : e + 3]) is not None))
            for s, e, t in spots)
        if placelike * 2 > len(spots) or not spots:
            continue
        for s, e, t in spots:
            if t != "PERSON" or _ROLE_AFTER.match(text, e) or (
                    not overlaps_person(s, e) and org_kind_from_name(shorts[short]) is not None
                    and not any(re.search(r"\bof\s+(?:the\s+)?" + re.escape(short) + r"\b", f.name)
                                for f in found.values())):
                # (tagged a person where no person is, the short name of a body whose name
                # says it is one: "Orca led the round" of "Orca Capital Partners")
                add(s, e)  # ("Rice statistician Ana Ruiz": tagged a person, stands for the body)
    # a name in front of a job title in front of a person ("Eskom chairperson Ben Ngubane",
    # "Acme chief executive Jo Bloggs"): the small model often tags no entity there
    for ps, _pe in person_spans:
        tm = _ORG_BEFORE_TITLE.search(doc_text(doc)[max(0, ps - 60) : ps])
        if not tm:
            continue
        s0 = ps - (min(ps, 60) - tm.start(1))
        span = doc.char_span(s0, s0 + len(tm.group(1)), alignment_mode="expand")
        if span is None or span[0].is_sent_start or any(
                t.ent_type_ in ("PERSON", "NORP", "GPE", "LOC", "DATE") for t in span):
            continue
        if tm.group(1).lower() in NON_NAME_WORDS or tm.group(1).lower() in ROLE_PREFIXES:
            continue
        add(span.start_char, span.end_char)
    # capitalised subjects of actor verbs ("The Information reported that ...")
    for tok in doc:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in ORG_ACTOR_VERBS \
                and tok.text[:1].isupper() and tok.pos_ in ("PROPN", "NOUN") \
                and tok.ent_type_ != "PERSON":
            left = min([c.i for c in tok.subtree if c.i <= tok.i and c.dep_ in ("det", "compound")]
                       + [tok.i])
            span = doc[left : tok.i + 1]
            if all(t.text[:1].isupper() for t in span):
                add(span.start_char, span.end_char, actor=True)
    # "reporting by X", "according to X"
    for m in re.finditer(r"\b(?:reporting|report|coverage|story|article|according to|reported by)"
                         r"\s+(?:by|in|from)?\s*((?:The\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})",
                         doc_text(doc)):
        add(m.start(1), m.end(1), actor=True)
    # "University of Leeds" ... "left Leeds in 1997", "Leeds's physics faculty": the place
    # in a university's name stands for it where an employer or a school stands
    for town, uni in _university_places(found.values()).items():
        for s, e in _free_spots(doc, town, spans):
            before = text[max(0, s - 12):s]
            if _EMPLOYER_BEFORE.search(before) or _STUDIED_BEFORE.search(before) or \
                    _UNIT_AFTER.match(text, e):
                add(s, e)
                if (s, e) in found and found[(s, e)].name == town:
                    found[(s, e)].alias_of = uni
    # "University of the Witwatersrand (Wits)": the bracketed short name is the same body
    defined: dict[str, str] = {}
    for (_s, e), f in sorted(found.items()):
        dm = re.match(r"\s*\(\s*([A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,2})\s*\)",
                      doc_text(doc)[e : e + 40])
        if dm and len(dm.group(1)) < len(f.name) and dm.group(1).lower() not in NON_NAME_WORDS:
            defined.setdefault(dm.group(1), f.name)
    # "U.C.S.F." for "University of California, San Francisco": initials of a found name
    for f in list(found.values()):
        letters = initials_of(f.name)
        if len(letters) >= 3 and letters not in defined:
            pattern = r"(?<![\w.])(?:" + letters + "|" + r"\.\s?".join(letters) + r"\.?)(?![\w])"
            for m in re.finditer(pattern, doc_text(doc)):
                defined.setdefault(m.group(0).rstrip("."), f.name)
    for short, full in defined.items():
        for s, e in _free_spots(doc, short, spans):
            add(s, e)
        for f in found.values():
            if f.name == short:
                f.alias_of = full
    for (s, e), f in sorted(found.items()):
        tok_span = doc.char_span(s, e, alignment_mode="expand")
        if tok_span is not None and tok_span.root.dep_ in ("nsubj", "nsubjpass") \
                and tok_span.root.head.lemma_ in ORG_ACTOR_VERBS:
            f.actor = True
        if re.match(r"\s+(?:later\s+|also\s+|has\s+|had\s+)?"
                    r"(?:reported|announced|said|published|released|"
                    r"wrote|raised|acquired|hired|launched|stated)\b", doc_text(doc)[e : e + 30]):
            f.actor = True
        f.kind = (org_kind_from_name(f.name) or _kind_from_context(doc, s, e)
                  or (facts.title_org_kind if f.name == facts.title_org else None))
        facts.orgs.append(f)
    _inherit_kinds(facts.orgs)
    return doc


# the last word of a complete organisation name ("Adobe Research", "Acme Labs Inc.")
_BODY_END = re.compile(
    r"\b(?:university|universit[éày]|universidad|college|institute|institut|school|academy|"
    r"research|labs?|laboratory|laboratories|inc\.?|corp\.?|corporation|company|co\.|ltd\.?|"
    r"llc|plc|gmbh|group|foundation|society|association|capital|ventures|partners|fund|bank|"
    r"museum|hospital|council|ministry|agency|press|times|post|news|journal|magazine|"
    r"technologies|systems|robotics|solutions|software|studios?|brain|deepmind|ai|vc)$", re.I)
_SUB_UNIT_NAME = re.compile(r"^(?:the\s+)?(?:department|dept\.?|faculty|division|school|"
                            r"college|institute|cent(?:er|re)|program(?:me)?)\s+(?:of|for)\s",
                            re.I)


def _joined_bodies(name: str, known: set[str]) -> tuple[int, int] | None:
    """Where a name the recogniser ran together splits into two organisations: the end of
    the first and the start of the second, or None.

    "Adobe Research and Spotify" and "Acme Labs and Zeta Robotics Inc." are two bodies
    joined by "and" (the first ends in a body word); "Department of Physics at Rice
    University" and "Faculty of Law, University of X" are a unit and its body. "Department
    of Physics and Astronomy", "Bill and Melinda Gates Foundation", "University of
    California, Berkeley" and "Institute for the Study of X" stay whole.

    >>> n = "Adobe Research and Spotify"
    >>> j = _joined_bodies(n, set()); (n[:j[0]], n[j[1]:])
    ('Adobe Research', 'Spotify')
    >>> n = "Department of Computer Science at Rice University"
    >>> j = _joined_bodies(n, set()); (n[:j[0]], n[j[1]:])
    ('Department of Computer Science', 'Rice University')
    >>> [_joined_bodies(n, set()) for n in ("Department of Physics and Astronomy",
    ...   "University of California, Berkeley", "Simons Institute for the Theory of Computing")]
    [None, None, None]
    """
    for m in re.finditer(r"\s+(?:and|&)\s+|,\s+(?:and\s+)?|\s+at\s+(?:the\s+)?|\s+for\s+the\s+",
                         name):
        left, right = name[:m.start()], name[m.end():]
        if not right[:1].isupper() or len(left.split()) < 2 and not m.group().startswith(",") \
                and not re.fullmatch(r"[A-Z]{2,6}", left):
            continue  # one word before "and" is often part of the name ("Engineering and"),
            # unless it is an acronym ("MIT and Harvard Medical School")
        if right.split()[0].lower() in ("of", "for", "and"):
            continue
        right_body = org_kind_from_name(right) is not None or right in known
        joint = m.group().strip().lower()
        if joint.startswith(("and", "&")):
            # "X and Y": the first must be whole ("Adobe Research"), not "Department of
            # Physics" of "... Physics and Astronomy"
            if (_BODY_END.search(left) or left in known) and not re.search(
                    r"\b(?:of|for)\s+(?:[\w'’-]+\s+){0,3}[\w'’-]+$", left) and (
                    right_body or len(right.split()) <= 3):
                return m.start(), m.end()
        elif right_body and (_SUB_UNIT_NAME.match(left) or _BODY_END.search(left)
                             or left in known or joint == "," and len(left.split()) <= 3
                             and org_kind_from_name(left) is None):
            # "Biology, University of Kiel": a field before its university
            return m.start(), m.end()
    return None


_WHICH_JOINED = re.compile(r"(?<![\w'’-])([A-Z][\w&'’.-]*[\w&](?:\s+[A-Z][\w&'’.-]*[\w&]){0,3}),\s+"
                           r"which\s+(?:she|he|they|I|we)\s+(?:had\s+)?(?:later\s+)?(?:joined|"
                           r"co-?founded|founded|left)\b")
_ROLE_AFTER = re.compile(r"\s+(?:(?:former|then|fellow)\s+)?(?:colleagues?|" + JOB_TITLES
                         + r"|[a-z]{3,}(?:ist|ian))s?\s+[A-Z]")
_INVESTOR_SLOT = re.compile(r"\b(?:from|led\s+by|backed\s+by|funded\s+by|including|investors?|"
                            r"backers?)\s+(?:the\s+)?$", re.I)
#: Where a field of study stands, which the recogniser often tags ORG.
_FIELD_BEFORE = re.compile(
    r"\b(?i:professor|lecturer|reader|professorship|lectureship|degree|doctorate|ph\.?\s?d\.?|"
    r"b\.?sc?\.?|m\.?sc?\.?|b\.?a\.?|m\.?a\.?|bachelor['’]?s|master['’]?s|major(?:ed)?)"
    r"\s+(?:of|in)\s+(?:[A-Z][\w-]*,?\s+)*(?:(?:and|&)\s+)?$")
_STUDIED_BEFORE = re.compile(r"\b(?:(?:years?|time|stint|spell|tenure|studies|degree|doctorate|"
                             r"ph\.?\s?d\.?)\s+at|arrived\s+at|returned\s+to|back\s+to)\s+$",
                             re.I)
_UNIT_AFTER = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,3}?(?:faculty|department|campus|school|"
                         r"lab|laboratory|group|institute)\b")
_UNIVERSITY_OF = re.compile(r"(?:The\s+)?University\s+of\s+"
                            r"(?P<a>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)|(?P<b>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+University")


def _university_places(orgs: Iterable[OrgFact]) -> dict[str, str]:
    """The place in each university's name and the name, when no other body holds it.

    >>> sorted(_university_places([OrgFact("University of Leeds", 0, 19, (0, 19)),
    ...     OrgFact("Stanford University", 30, 49, (30, 49)),
    ...     OrgFact("Leeds Beckett Bank", 60, 78, (60, 78))]).items())
    [('Stanford', 'Stanford University')]
    """
    names = {o.name for o in orgs}
    places: dict[str, str] = {}
    for name in names:
        m = _UNIVERSITY_OF.fullmatch(name)
        if m:
            place = m.group("a") or m.group("b")
            if place.lower() not in NON_NAME_WORDS:
                places[place] = name if place not in places else ""
    return {p: full for p, full in places.items() if full
            and not any(p in n.split() or n.startswith(p + " ") for n in names if n != full)}


def _free_spots(doc: Doc, name: str, found: SpanSet) -> list[tuple[int, int]]:
    """Where ``name`` stands as a whole word ("Helixa", "Helixa's") outside a found name."""
    return [(s, e) for s, e in find_word(doc_text(doc), name, not_before="@/.-", not_after="/-")
            if not found.covers(s)]


_ABBREV_END = re.compile(r"(?:\b(?:Inc|Co|Ltd|Corp|St|Jr|Sr|Bros|Mt|Ft|Dr|No)|\b[A-Z])$")


def _clip_org(doc: Doc, s: int, e: int) -> tuple[int, int]:
    """Cut an organisation span at a sentence end, an opening bracket or a markup edge.

    "University of Toronto. He" ends at "Toronto"; "University of the Witwatersrand (Wits"
    ends before the bracket; "**Acme Labs** with **Jane Roe**" keeps the first bold name.
    """
    text = doc_text(doc)
    for m in re.finditer(r"\.\s|\s\(|;|\n", text[s:e]):
        if m.group(0).startswith(".") and _ABBREV_END.search(text[s : s + m.start()]):
            continue
        e = s + m.start()
        break
    marks, index = _name_marks(doc)
    for k in index.overlapping(s, e):  # the others cannot move an edge
        i = marks[k]
        if s < i.end < e and i.start <= s:
            e = i.end
        elif s < i.start < e and e <= i.end:
            s = i.start
    return s, e


def _name_marks(doc: Doc) -> tuple[list[Any], SpanIndex]:
    """The article's links and bold or italic stretches, in order, with a span index
    (made once per doc)."""
    art = doc._.kg_article
    inline = getattr(art, "inline", ())
    cached = doc.user_data.get("kg_name_marks")
    if cached is None or cached[0] is not inline:
        marks = [i for i in inline if i.kind in ("link", "strong", "em")]
        cached = doc.user_data["kg_name_marks"] = (
            inline, marks, SpanIndex([(i.start, i.end) for i in marks]))
    return cached[1], cached[2]


_CAP_WORDS = r"[A-Z][\w'’&-]*(?:[ -]+[A-Z][\w'’&-]*)*"
_OF_TAIL = re.compile(r"\s+(?:the\s+)?" + _CAP_WORDS)
_PARTICLE_TAIL = re.compile(r"\s+(?P<p>de|des|du|del|della|di|da|do|dos|das|a|y|für)\s+"
                            r"(?:la\s+|las\s+|los\s+|le\s+|les\s+|l['’])?" + _CAP_WORDS)
_LIST_TAIL = re.compile(r"(?:,\s+[A-Z][\w-]*)+\s+and\s+[A-Z][\w-]*(?![\w-]|\s+[A-Z])")


#: How far past a name ``_mend_org`` looks for the rest of it.
_TAIL_WINDOW = 300


#: Universities of several campuses, each named "University of X, <campus>" ("University of
#: California, Berkeley"; "University of Maryland, College Park").
_CAMPUS_SYSTEM = re.compile(r"\bUniversity of (?:California|Maryland|Massachusetts|Colorado|"
                            r"Missouri|Illinois|Wisconsin|Texas|Hawai[iʻ'’]?i|North Carolina|"
                            r"Tennessee|Alabama|Nebraska|Arkansas|Louisiana)$")


_STATE_AFTER = re.compile(r"\s*,?\s+(?:[A-Z]{2}|USA|U\.S\.)\b")  # "College Park, MD": an address


def _mend_org(doc: Doc, s: int, e: int, people: SpanIndex | None = None) -> tuple[int, int]:
    """Mend an organisation name the entity recogniser cut short or ran on.

    "United Hatters of | North America", "Escuela Superior | de Santa Isabel", "San Pietro |
    a Maiella Conservatory" and "School of Painting, | Sculpture and Architecture" are
    made whole; a dangling "of"/"and"/"the" is dropped, and a detokenised possessive
    ("School of the Arts ' Film division") ends the name.
    """
    text = doc_text(doc)
    name = text[s:e]
    cut = re.search(r"\s['’]\s", name)
    if cut:
        e = s + cut.start()
        name = text[s:e]
    window = min(len(text), e + _TAIL_WINDOW)  # a tail is short: never read the whole text
    limit = text.find("\n", e, window)
    limit = window if limit < 0 else limit
    nearest = people.next_start(e) if people is not None else None
    limit = limit if nearest is None else min(limit, nearest)  # never over a person
    after = text[e:limit]
    if re.search(r"\s(?:of|for)$", name):
        m = _OF_TAIL.match(after)
        if m:
            return s, e + m.end()
    # a foundation named after two people, the first left out: "Gordon and | Betty Moore
    # Foundation", "Bill & | Melinda Gates Foundation"
    before = re.search(r"(?<![\w'’.-])([A-Z][a-z]+)\s+(?:and|&)\s+$", text[max(0, s - 30):s])
    if before and re.search(r"\b(?:Foundation|Trust|Fund|Charitable Trust|Institute)$", name) \
            and is_name_token(before.group(1)) and len(name.split()) <= 4:
        s -= len(before.group(0))
        name = text[s:e]
    m = re.match(r"\.?,\s+" + COMPANY_SUFFIX + r"\.?", after)
    if m and re.search(r"\b(?:Co|Corp|Company|Holdings)\.?$", name):
        return s, e + m.end()  # "Hanseong Ceramics Co., Ltd.", "Vale Holdings, Inc."
    m = _PARTICLE_TAIL.match(after)
    if m and name.split()[-1][:1].isupper() and (
            m.group("p") not in ("a", "y") or org_kind_from_name(name + m.group(0))):
        return s, e + m.end()
    m = re.match(r"\s*[–—]\s*(?!I\b)" + _CAP_WORDS, after)
    if m and org_kind_from_name(name) in ("university", "school"):
        return s, e + m.end()  # "University of Wisconsin – Eau Claire"
    m = re.match(r"\s+at\s+[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,2}(?![\w'’-])", after)
    if m and re.fullmatch(r"(?:The\s+)?University\s+of\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?",
                          name) and org_kind_from_name(m.group(0)) is None:
        campus = doc.char_span(e + m.start() + 4, e + m.end(), alignment_mode="expand")
        if campus is not None and not any(t.ent_type_ in ("DATE", "TIME", "EVENT", "PERSON")
                                          for t in campus):
            return s, e + m.end()  # a campus: "University of Texas at Austin"
    m = re.match(r",\s+" + _CAP_WORDS, after)
    if m and (_spelled_out(name + m.group(0), text) or _CAMPUS_SYSTEM.search(name)
              and len(m.group(0).split()) <= 3
              and not _STATE_AFTER.match(after, m.end())):
        # "University of California, San Francisco", which the text also writes "UCSF"
        return s, e + m.end()
    m = re.match(r"((?:\s+(?:of|and|for|&))?(?:\s+[A-Z][\w'’-]*){1,3})\s*\(\s*"
                 r"([A-Z][A-Za-z&-]{1,10})\s*\)", after)
    if m:
        # "Midcontinent Independent System | Operator (MISO)": its own short name says where
        # the name ends
        letters = re.sub(r"[^A-Z]", "", m.group(2))
        if initials_of(name + m.group(1)) == letters != initials_of(name):
            return s, e + len(m.group(1))
    # an address after a whole name: "Cornell University, Ithaca"
    m = re.search(r",\s+(?!" + COMPANY_SUFFIX + r")[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?$", name)
    if m and _BODY_END.search(name[:m.start()]) and not _spelled_out(name, text):
        e = s + m.start()
    if re.search(r"\bof\s+[A-Z][\w-]*$", name) and org_kind_from_name(name):
        m = _LIST_TAIL.match(after)
        if m:
            return s, e + m.end()
        m = re.match(r"\s+and\s+[A-Z][a-z]+(?![\w'’-]|\s+[A-Z]|\s+(?:of|for)\b)", after)
        if m and re.match(r"(?:The\s+)?(?:Department|Ministry|Faculty|School|Office|Bureau|"
                          r"Division|Secretariat|Board|Committee|Council)\s+of\s", name) and \
                org_kind_from_name(m.group(0)) is None:
            return s, e + m.end()  # "Department of Commerce and Labor"
    m = re.search(r"\s+(?:the|this|that|last|next)\s+(?:following|previous|same|next|last|"
                  r"year|month|spring|summer|autumn|fall|winter)\b", text[s:e])
    if m:
        e = s + m.start()  # "... School of Journalism the following year"
    while (m := re.search(r"\s+(?:of|and|the|for|de|at|in)$", text[s:e])) is not None:
        e = s + m.start()
    # the pronoun of the next clause glued on: "By the time I got to Alliance High School I
    # was ..." (not "World War I": the rest must be a body's name)
    if re.search(r"\s+I$", text[s:e]) and _BODY_END.search(text[s:e - 2]) and \
            re.match(r"\s+(?:was|am|had|have|would|could|did|do|got|went|began|started|"
                     r"left|met|knew|thought|felt|found|learned|learnt|wanted)\b", text[e:e + 12]):
        e -= 2
    # a place glued on: "Max Planck Institute for Biochemistry near Munich"
    m = re.search(r"\s+(?P<p>near|outside|in)\s+(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)$",
                  text[s:e])
    if m and (m.group("p") != "in" or m.group("place") in {
            x.text for x in doc.ents if x.label_ in ("GPE", "LOC")}):
        e = s + m.start()
    return s, e


def _spelled_out(name: str, text: str) -> bool:
    """Whether the text writes ``name`` elsewhere as its initials ("U.C.S.F.", "UCSF")."""
    letters = initials_of(name)
    if len(letters) < 3:
        return False
    dotted = r"\.\s?".join(letters) + r"\.?"
    return re.search(r"(?<![\w.])(?:" + letters + "|" + dotted + r")(?![\w])", text) is not None


def _kind_from_context(doc: Doc, s: int, e: int) -> str | None:
    before = doc_text(doc)[max(0, s - 30) : s].split("\n")[-1]
    after = doc_text(doc)[e : e + 30].split("\n")[0]
    words = re.findall(r"[\w-]+", re.sub(r"^['’]s\b", "", after))[:2]
    # "X, a London-based drug discovery company": the head of an appositive
    appos = re.match(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?([\w-]+)(?=[,.;)]|\s+(?:that|which|in|"
                     r"based|founded|with)\b)", doc_text(doc)[e : e + 70])
    if appos:
        words = [*words, appos.group(1)]
    for kind, pat in _KIND_CONTEXT:
        if re.search(pat.pattern + r"\s+(?:(?:by|in|from|of)\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}$",
                     before, re.I) or any(pat.fullmatch(w) for w in words):
            return kind
    return None


def _inherit_kinds(orgs: list[OrgFact]) -> None:
    """A short form ('Olin') takes the kind of the one longer name it is part of."""
    # the longer names each name could be part of, looked up instead of scanned
    by_prefix: dict[tuple[str, ...], list[OrgFact]] = {}
    by_word: dict[str, list[OrgFact]] = {}
    for x in orgs:
        xw = x.name.split()
        for k in range(1, len(xw)):
            by_prefix.setdefault(tuple(xw[:k]), []).append(x)
        if len(xw) > 1:
            for w in dict.fromkeys(xw):
                by_word.setdefault(w, []).append(x)
    for o in orgs:
        if o.kind is not None:
            continue
        words = o.name.split()
        cands = (orgs if not words else by_word.get(words[0], []) if len(words) == 1
                 else by_prefix.get(tuple(words), []))
        longer = {x.name: x.kind for x in cands if x.kind and len(x.name.split()) > len(words)
                  and (x.name.split()[: len(words)] == words
                       or (len(words) == 1 and words[0] in x.name.split()))}
        if len(set(longer.values())) == 1:
            o.kind = next(iter(longer.values()))

