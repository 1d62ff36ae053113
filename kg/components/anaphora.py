"""The organisation anaphora component: "the institute", "its", "there".

Articles name an organisation once and then refer back to it: "a fellow researcher at
*the institute*", "*the company's* chief executive", "by *its* science correspondent",
"a professor of structural biology *there*". This component records each such reference
as a mention of the organisation it points to (an :class:`~kg.facts.OrgFact` carrying the
antecedent's name), so the affiliation rules read it as they read the name itself.

Antecedents are chosen conservatively:

- a definite description ("the institute", "the university", "the company") points to the
  last organisation named in the same or the two previous sentences whose name holds the
  head word or whose kind matches it; failing that, for heads with a kind ("the
  company"), to the last one of unknown kind that is a clause's subject or object;
- "its" points to the last organisation named earlier in the same sentence;
- "there" (not "there is/was") points to the last organisation in the same sentence, unless
  a place was named after it ("at X in Oslo ... there" is about Oslo).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..dates import MONTHS
from ..facts import OrgFact
from ..lexicon import FOUNDER_TITLES, JOB_TITLES
from .structure import doc_text, facts_of

__all__ = ["kg_org_anaphora", "HEAD_KINDS"]

#: Head nouns of definite descriptions and the organisation kinds they may point to
#: (``None`` means: only an organisation whose name holds the word).
HEAD_KINDS: dict[str, tuple[str, ...] | None] = {
    "institute": None, "institution": None, "university": ("university",), "college": None,
    "school": None, "academy": None, "company": ("company",), "firm": ("company",),
    "startup": ("company",), "start-up": ("company",), "lab": ("lab",), "laboratory": ("lab",),
    "foundation": None, "agency": ("government",), "society": None, "museum": None,
    "hospital": None,
    "bank": None, "newspaper": None, "magazine": None, "orchestra": None, "club": None,
    "party": None, "ministry": None, "council": None, "centre": None, "center": None,
}
#: Nouns that name the same kind of body as a definite description's head.
_COMPANY_NOUNS = ("company", "firm", "startup", "start-up", "business", "maker", "developer",
                  "manufacturer", "spinout", "spin-off", "spinoff")
_SAME_KIND: dict[str, tuple[str, ...]] = {w: _COMPANY_NOUNS for w in _COMPANY_NOUNS} | {
    "lab": ("lab", "laboratory"), "laboratory": ("lab", "laboratory")}
# a press release's "the University" (capitalised) is the same description
_DEFINITE = re.compile(r"\b(?:the|this|that)\s+((?i:" + "|".join(map(re.escape, HEAD_KINDS))
                       + r"))(?:['’]s)?\b")
_ITS = re.compile(r"\bits\b")
_FOUNDED = re.compile(r"\b(?:(?:co-?)?found(?:ed|ing|s)?|start(?:ed|ing)|launch(?:ed|ing)|"
                      r"set(?:ting)?\s+up|spun\s+(?:out|off))\s+(?:the\s+)?$", re.I)
_NAMED_AFTER = re.compile(r"\s+(?:of|for|in)\s+(?!(?i:" + "|".join(MONTHS) + r")\b)[A-Z]")
_THERE = re.compile(r"\bthere\b", re.I)
_ITS_ROLE = re.compile(r"Its\s+(?:[\w-]+\s+){0,3}?(?:" + FOUNDER_TITLES + "|" + JOB_TITLES
                       + r"|founders?|investors|backers|funders|board|staff|employees|money|"
                       r"funding|financing|round|capital)s?\b",
                       re.I)
_EXISTENTIAL = re.compile(r"\s+(?:is|are|was|were|be|been|being|has|have|had|remain\w*|seem\w*|"
                          r"exist\w*|appear\w*)\b", re.I)
_PLACE_ENTS = {"GPE", "LOC", "FAC"}
_MODIFIER_DEPS = {"compound", "amod", "nmod", "poss"}
#: how many sentences back a definite description may look for its antecedent
_WINDOW = 2


@Language.component("kg_org_anaphora")
def kg_org_anaphora(doc: Doc) -> Doc:
    """Record "the institute", "its" and "there" as mentions of the organisation they mean."""
    facts = facts_of(doc)
    named = sorted(facts.orgs, key=lambda o: o.start)
    if not named:
        return doc
    text = doc_text(doc)
    sents = list(doc.sents)
    taken = [(o.start, o.end) for o in facts.orgs]

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    added: list[OrgFact] = []
    for k, sent in enumerate(sents):
        s0, s1 = sent.start_char, sent.end_char
        window_start = sents[max(0, k - _WINDOW)].start_char
        for m in _DEFINITE.finditer(text, s0, s1):
            s, e = m.span(1)
            if not free(s, e) or _NAMED_AFTER.match(text, e):
                continue  # "the institute of X" names something else ("in May 2010" does not)
            head = m.group(1).lower()
            ante = _antecedent(doc, named, window_start, s, head)
            if ante is not None:
                added.append(_mention(ante, s, e, (s0, s1)))
        for m in _ITS.finditer(text, s0, s1):
            ante = _last_before(named, s0, m.start())
            if ante is not None and free(*m.span()):
                added.append(_mention(ante, m.start(), m.end(), (s0, s1)))
        if _ITS_ROLE.match(text, s0) and k and free(s0, s0 + 3):
            # "Its chief operating officer, A, ...": the body the sentence before was about
            # (a role of its people, not "Its mascot, created by ...")
            ante = _subject_body(doc, named, sents[k - 1])
            if ante is not None:
                added.append(_mention(ante, s0, s0 + 3, (s0, s1)))
        for m in _THERE.finditer(text, s0, s1):
            if _EXISTENTIAL.match(text, m.end()) or not free(*m.span()):
                continue
            ante = _last_before(named, s0, m.start())
            if ante is None and k:
                # "You went to Acme." "I was there from 2014": the sentences before
                ante = _last_before(named, sents[max(0, k - 3)].start_char, s0)
            if ante is None or any(ent.label_ in _PLACE_ENTS
                                   and ante.end <= ent.start_char < m.start()
                                   # "X, a Minneapolis maker of monitors; she worked there":
                                   # a place that modifies a noun is no place one is at
                                   and ent.root.dep_ not in _MODIFIER_DEPS
                                   for ent in doc.ents):
                continue
            added.append(_mention(ante, m.start(), m.end(), (s0, s1)))
    facts.orgs.extend(added)
    return doc


def _mention(ante: OrgFact, s: int, e: int, sentence: tuple[int, int]) -> OrgFact:
    return OrgFact(ante.name, s, e, sentence, kind=ante.kind, alias_of=ante.alias_of)


def _subject_body(doc: Doc, named: list[OrgFact], sent) -> OrgFact | None:
    """The organisation a sentence is about: its subject, else the last one it names."""
    inside = [o for o in named if sent.start_char <= o.start and o.end <= sent.end_char]
    for o in inside:
        span = doc.char_span(o.start, o.end, alignment_mode="expand")
        if span is not None and span.root.dep_ in ("nsubj", "nsubjpass"):
            return o
    return inside[-1] if inside else None


def _last_before(named: list[OrgFact], lo: int, hi: int) -> OrgFact | None:
    cands = [o for o in named if lo <= o.start and o.end <= hi]
    return cands[-1] if cands else None


def _antecedent(doc: Doc, named: list[OrgFact], lo: int, hi: int, head: str) -> OrgFact | None:
    """The last organisation in ``[lo, hi)`` that ``the <head>`` can mean."""
    kinds = HEAD_KINDS.get(head)
    stem = head[:-1] if head.endswith("y") else head  # laboratory / laboratories
    window = [o for o in named if lo <= o.start and o.end <= hi]
    text = doc_text(doc)
    for o in reversed(window):
        if any(w.startswith(stem) for w in o.name.lower().replace("-", " ").split()):
            return o
        # "Norte Labs, a small research firm in Bilbao" ... "the firm"; "Frostline, a
        # Luleå-based startup" ... "the company"
        if re.match(r",\s+(?:a|an|the)\s+[^,;.]{0,60}?\b(?:" + "|".join(
                re.escape(w) for w in _SAME_KIND.get(head, (head,))) + r")\b",
                    text[o.end:o.end + 90], re.I):
            return o
        # "left the university to found Quillon Robotics" ... "the company": a body one
        # founds is a company (a school or a lab is named as one)
        if head in _COMPANY_NOUNS and _FOUNDED.search(text[max(0, o.start - 40):o.start]):
            return o
    if kinds is None:
        return None
    name_kind: dict[str, str] = {}
    for o in named:
        if o.kind:
            name_kind.setdefault(o.name, o.kind)
    for o in reversed(window):
        if name_kind.get(o.name) in kinds:
            return o
    # no kind known: the last one of unknown kind that a clause is about (its subject or
    # object: "she co-founded X"), not one named in passing ("had worked at Y")
    for o in reversed(window):
        span = doc.char_span(o.start, o.end, alignment_mode="expand")
        if o.name not in name_kind and span is not None and span.root.dep_ in (
                "nsubj", "nsubjpass", "dobj"):
            return o
    return None
