"""The affiliation component: worked for, studied at, founded, member of, funded by.

Each organisation mention is read with the words that lead to it ("co-founded", "enrolled
at", "joined", "accepted into", "raised ... from", "<Org> chief executive <Person>"), the
agent is found through the dependency parse (the subject of the cue's clause, pronouns
resolved to the article's subject), and dates attached by a preposition give the start
or the end ("from 1971 to 1974", "in 2016", "until 2001", "(graduating in 2011)").
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..dates import NUMBER_WORDS, PartialDate, find_dates
from ..facts import AffiliationFact, Facts, OrgFact
from ..lexicon import (
    DEGREE_ABBR,
    FOUNDER_TITLES,
    JOB_TITLES,
    OCCUPATIONS,
    is_membership_body,
    org_kind_from_name,
)
from .careers import SUB_UNIT, UNIT_END, relation_of
from .structure import (
    block_at,
    dates_between,
    doc_text,
    facts_of,
    in_question,
    other_pronouns,
    subject_at,
    subject_pronoun_at,
    subject_pronoun_re,
    topic_pronoun,
)

__all__ = ["kg_affiliations"]

_W = r"(?:[\w'’&.-]+\s+)"
_CUES: list[tuple[str, str, re.Pattern[str]]] = [
    # (relation, when: start|end|none, pattern matched against the text left of the org)
    ("founderOf", "start", re.compile(
        r"\b(?:co-?founded|founded|cofounded|established|set up|started|launched|incorporated|"
        r"co-?created|to\s+(?:co-?found|found|cofound|establish|launch|set\s+up))\s+"
        r"(?:the\s+|a\s+|an\s+)?"
        # "launched a violent raid on X" founds nothing: no preposition on the way
        r"(?:(?!(?:on|against|into|in|at|to|for|with|from|by|of)\s)[\w'’&.-]+\s+){0,4}$", re.I)),
    ("founderOf", "none", re.compile(r"\b" + FOUNDER_TITLES
                                     + r"s?(?:\s+and\s+(?:[\w-]+\s+){0,2}?" + JOB_TITLES + r")?"
                                     + r"\s+of\s+(?:the\s+|a\s+|an\s+)?"
                                     + _W + r"{0,4}$", re.I)),
    ("alumniOf", "end", re.compile(
        r"\b(?:graduated\s+(?:\w+\s+)?from|graduate of|alumn\w+ of|"
        r"degree\s+(?:\w+\s+){0,3}(?:from|at)|"
        r"(?:ph\.?\s?d\.?|doctorate|habilitation|master(?:['’]?s)?|bachelor(?:['’]?s)?|mba|b\.?a\.?|"
        r"b\.?f\.?a\.?|m\.?f\.?a\.?|ll\.?[bm]\.?|j\.?d\.?|b\.?s\.?c?\.?|m\.?s\.?c?\.?|"
        r"m\.?a\.?|diploma|degrees?)(?:\b|(?<=\.))(?!['’])(?!\s+(?:program|programme|course|student|candidate)s?\b)"
        # ... not over a post: "took his degree in 1977 and left for a lectureship at X"
        r"(?:(?!\b(?:lectureship|professorship|post|position|job|fellowship|professor|lecturer|"
        r"researcher|scientist|engineer|director|postdoc\w*)\b)[^,;()]){0,50}?"
        r"\b(?:from|at)|"
        r"earned\s+(?![^,;]{0,40}\b(?:prize|award|nomination|medal|praise|reputation)s?\b)"
        r"[^,;]{0,40}\bat)\s+"
        r"(?:the\s+)?" + _W + r"{0,2}$", re.I)),
    ("alumniOf", "start", re.compile(
        r"\b(?:attended|attending|enrolled\s+(?:at|in)|enrolling\s+(?:at|in)|studied\s+(?:\w+\s+){0,4}"
        r"(?:at|in)|studying\s+(?:\w+\s+){0,3}at|educated\s+at|(?:under)?graduate\s+(?:student\s+)?at|"
        r"(?:doctoral|phd|ph\.d\.|graduate|master['’]?s)\s+student\s+at|student\s+at|students\s+at|"
        r"matriculated\s+at|went\s+(?:up\s+)?to(?!\s+work)|admitted\s+to|entered|"
        # "I did my undergrad at X", "she did her doctorate in physics at X"
        r"did\s+(?:my|her|his|their|a|an)\s+(?:[\w'’-]+\s+){0,2}?(?:undergrad\w*|degree|"
        r"ph\.?\s?d\.?|doctorate|master['’]?s|bachelor['’]?s|studies|postgrad\w*)\s+"
        r"(?:[\w-]+\s+){0,3}?at|"
        r"admitted\s+to\s+[^,;.]{0,40}?\b(?:class|course|programme|program)\s+at)\s+(?:the\s+)?"
        + _W + r"{0,2}$", re.I)),
    ("alumniOf", "end", re.compile(r"\bmatriculated\s+from\s+(?:the\s+)?" + _W + r"{0,2}$", re.I)),
    ("memberOf", "start", re.compile(
        r"\b(?:accepted\s+into|admitted\s+into|member\s+of|joined\s+the\s+(?:\w+\s+)?board\s+of|"
        # "on the board of advisers for the master's programme at X"
        r"board\s+of\s+(?:advis[eo]rs|trustees|governors|directors|visitors|overseers)\s+"
        r"(?:of|for|at)(?:\s+(?:the\s+)?[^,;.]{0,60}?\s+(?:at|of))?|"
        r"board\s+of(?:\s+directors\s+of)?|advisory\s+board\s+of|fellow\s+of|elected\s+to|"
        r"cohort\s+of|sits?\s+on\s+the\s+(?:\w+\s+)?board\s+of|advis[eo]r\s+to)\s+(?:the\s+)?"
        + _W + r"{0,3}$", re.I)),
    ("fundedBy", "start", re.compile(
        r"\b(?:(?:raised|received|secured|closed|won|obtained)\b(?:[^.;]|\.(?=\d)){0,60}?\b"
        r"(?:from|by|led by)|"
        r"(?:funded|backed|financed|invested in|supported|anchored)\s+by|investment\s+from|"
        r"funding\s+from|"
        r"participation\s+from|"
        # "with backers including A, B and C", "its seed money came from A and B"
        r"(?:backers|investors|funders|financiers)\s+(?:that\s+|who\s+)?(?:including|included|"
        r"include|such\s+as|like|were|are)|"
        r"(?:round|money|funding|financing|capital|investment)\b[^.;]{0,60}?\bcame\s+"
        r"(?:(?:that|this|the\s+same|in\s+the\s+same|in\s+that)\s+(?:year|month|spring|summer|"
        r"autumn|fall|winter)\s+)?from|"
        # "Our seed round was led by X", "the Series A, led by X"
        r"(?:round|series\s+[a-e]|financing|raise)\s*,?\s+(?:(?:was|were|had\s+been)\s+)?"
        r"(?:(?:jointly|also|then)\s+)?(?:co-)?led\s+(?:jointly\s+)?by|"
        # "sixteen million dollars, co-led by X and Y"
        r"(?:million|billion|dollars|euros|pounds)\b(?:(?!round|series|financing|raise)[^.;]){0,20}?"
        r",?\s+(?:(?:jointly|also)\s+)?"
        r"(?:co-)?led\s+(?:jointly\s+)?by|"
        r"seed\s+(?:round|capital|funding)\s+from)\s+(?:the\s+)?" + _W + r"{0,3}$", re.I)),
    ("worksFor", "none", re.compile(r"\b(?:built|developed|designed|ran|managed|worked\s+on)\s+"
                                    r"(?:(?!and\b|presented\b|published\b|shown\b)[\w-]+\s+)"
                                    r"{1,4}at\s+(?:the\s+)?" + _W
                                    + r"{0,2}$", re.I)),
    # "He succeeded the Finnish conductor A at X", "succeeded A as chief executive of X"
    ("worksFor", "start", re.compile(r"\bsucceed(?:ed|ing|s)\s+(?:[\w.'’-]+\s+){1,6}?(?:at|as\s+"
                                     r"(?:[\w-]+\s+){1,4}?(?:of|at))\s+(?:the\s+)?" + _W
                                     + r"{0,2}$", re.I)),
    ("worksFor", "none", re.compile(r"\b(?:writer|critic|contributor|contributing\s+editor)s?\s+"
                                    r"(?:at|for|with)\s+(?:the\s+)?" + _W + r"{0,2}$", re.I)),
    ("worksFor", "none", re.compile(r"\bon\s+(?:\w+\s+)?leave\s+from\s+(?:the\s+)?" + _W
                                    + r"{0,2}$", re.I)),
    # "remained on the company's board until 2022", "sits on Quillon's advisory board"
    ("memberOf", "board", re.compile(
        r"\b(?:sat|sits?|serv(?:ed|es|ing)|remain(?:ed|s|ing)?|stay(?:ed|s)?|was|were|is|been)"
        r"\s+on\s+(?:the\s+)?$", re.I)),
    ("worksFor", "team", re.compile(r"\b(?:within|in|on|joined)\s+the\s+(?:\w+\s+){0,2}$", re.I)),
    ("worksFor", "end", re.compile(
        r"\b(?:left|leaving|departed(?:\s+from)?|departing(?:\s+from)?|quit|resigned\s+from|"
        r"retired\s+from)\s+(?:the\s+)?$", re.I)),
    ("worksFor", "start", re.compile(
        r"\b(?:joined|joining|join|joins|rejoined|hired\s+by|"
        r"recruited\s+(?:(?:her|him|them|me|us)\s+)?(?:to|by)|mov(?:ed|ing)\s+to|came\s+to|"
        r"left\s+(?:\S+(?:\s+\S+){0,3}\s+)?for|worked\s+(?:\w+\s+){0,3}(?:at|for)|"
        r"(?:served|serving|sat|was|were)\s+on\s+the\s+(?:[\w-]+\s+){0,3}(?:team|staff)\s+(?:of|at)|works\s+(?:at|for)|"
        r"working\s+(?:\w+\s+){0,2}(?:at|for)|employed\s+(?:by|at)|(?:career|job|position|post|role|"
        r"stint|tenure|years?|decades?|months|time)\s+(?:\w+\s+){0,2}(?:at|with)|"
        r"(?:position|post)\s+in|went\s+to\s+work\s+(?:for|at)|"
        r"spent\s+(?:\d{4}\s*(?:to|–|-)\s*\d{4}|(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:years?|months?|decades?))"
        r"\s+(?:at|with)|"
        # "spent the next two years as a field investigator with X"
        # "spent two years, from 2003 to 2005, as a resident in internal medicine at X"
        r"years?(?:,[^,;.]{1,40},)?\s+as\s+(?:an?\s+)?(?:[\w-]+\s+){0,5}?(?:at|with|for)|"
        # "a fellowship to the Institute for Advanced Study", "settling at the University of X"
        r"fellowship\s+(?:\w+\s+){0,2}(?:to|at)|settl(?:ed|ing)\s+(?:\w+\s+)?at|" + JOB_TITLES
        + r"s?\s+(?:\w+\s+){0,2}(?:at|of|for|with)|postdoc\w*\s+(?:\w+\s+){0,3}at|"
        # "a postdoctoral researcher in Ruth Mallory's group at X"
        r"(?:" + JOB_TITLES + r"|postdoc\w*)\s+(?:in|with)\s+(?:[A-Z][\w.'’-]*\s+){1,4}?"
        r"(?:[A-Z][\w-]*)['’]s?\s+(?:[\w-]+\s+){0,2}?(?:group|lab|laboratory|team)\s+at)"
        r"\s+(?:the\s+)?" + _W + r"{0,2}$", re.I)),
]
#: A sentence about a sports career: the clubs in it are teams one plays for, not employers.
_FOR_STUDY = re.compile(
    r"(?:\s+(?:in|at)\s+[A-Z][\w-]+)?(?:\s+(?:that|the\s+(?:following|next))\s+(?:year|autumn|fall|"
    r"spring|summer|winter)|\s+in\s+(?:\d{4}|the\s+(?:autumn|fall|spring|summer|winter)(?:\s+of"
    r"\s+\d{4})?))?(?:\s+(?:for|to\s+(?:pursue|do|begin|start|take|read)|as)|"
    # "left Brazil for the University of Leeds, where she began a PhD"
    r",\s+where\s+(?:she|he|they|I)\s+(?:began|started|did|pursued|completed|enrolled\s+in))\s+"
    r"(?:a\s+|an\s+|her\s+|his\s+|their\s+|my\s+)?(?:[\w-]+\s+)?(?:graduate\s+(?:school|studies|"
    r"work|student)|doctoral|postgraduate|undergraduate|ph\.?\s?d\b|doctorate|master['’]?s|"
    r"studies\b|(?:doctoral|phd|graduate|research|master['’]?s)\s+student)", re.I)
#: A post taken at the body named before: "went to X as a postdoc", ", as its director".
_AS_POST = re.compile(
    r",?\s+(?:in\s+[A-Z][\w-]+\s+)?as\s+(?:an?\s+|its\s+|the\s+|their\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:" + JOB_TITLES + r"|post-?docs?|postdoctoral\s+(?:fellow|researcher|scholar)|staff)\b",
    re.I)
_SPORT = re.compile(r"\b(?:free agent|traded to|drafted by|playoffs?|roster|on loan|loaned to|"
                    r"signed (?:with|for)|seasons? (?:with|for|in)|played (?:for|with|in)|"
                    r"playing (?:for|with|in))\b", re.I)
_TEAM_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,2}(?:team|group|staff|lab)\b", re.I)
_PREP_DATE = re.compile(
    r"\b(?P<prep>from|between|since|until|till|through|to|in|on|by|during|and|as of|at(?=\s+the\s+"
    r"(?:end|beginning|start|close|middle)\b))\s+"
    # "at the end of June 2015", "until the beginning of 2019"
    r"(?:the\s+(?:end|beginning|start|close|middle)\s+of\s+(?:the\s+)?)?"
    r"(?:(?:early|late|mid|the\s+(?:spring|summer|autumn|fall|winter)\s+of|spring|summer|autumn|fall|"
    r"winter)[-\s]+)?$", re.I)


def _token_at(doc: Doc, char: int) -> Token | None:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _last_org_before(doc: Doc, char: int, kinds: tuple[str | None, ...] | None,
                     first_word: str | None = None) -> OrgFact | None:
    """The organisation of one of ``kinds`` (any kind: ``None``) named last before ``char``
    ("the company", "it"), or the last whose name opens with ``first_word`` ("Quillon's")."""
    cands = [o for o in facts_of(doc).orgs if o.end <= char and (kinds is None or o.kind in kinds)
             and (first_word is None or o.name.split()[0] == first_word)]
    return max(cands, key=lambda o: o.start) if cands else None


def _mention_index(doc: Doc) -> tuple[list[tuple[int, int, str]], list[int], int,
                                      list[tuple[int, int, Any]], list[int]]:
    """The article's people and organisations sorted by start (built once per doc, again
    if either list grew), so each sentence finds its own by bisection."""
    facts = facts_of(doc)
    key = (len(facts.people), len(facts.orgs))
    cached = doc.user_data.get("kg_mention_index")
    if cached is None or cached[0] != key:
        people = sorted((p.start, p.end, p.name) for p in facts.people)
        orgs = sorted(((o.start, o.end, o) for o in facts.orgs), key=lambda x: x[0])
        cached = doc.user_data["kg_mention_index"] = (
            key, (people, [p[0] for p in people], max((e - s for s, e, _ in people), default=0),
                  orgs, [o[0] for o in orgs]))
    return cached[1]


#: A description that opens a sentence: "The Leeds-born chemist", "The 42-year-old founder".
_SUBJECT_DESCRIPTION = re.compile(
    r"(The\s+(?:[\w'’-]+\s+){0,3}?(?:" + OCCUPATIONS + r"|founder|co-founder|executive|author|"
    r"academic|chemist|physicist|biologist|mathematician|statistician))"
    r"(?=\s*,|\s+(?:who|has|had|is|was|now|then|later|also|[a-z]+ed)\b)")


class _Sentence:
    """People, pronouns and organisations of one sentence, for the cue rules."""

    def __init__(self, doc: Doc, sent: Span) -> None:
        facts = facts_of(doc)
        self.doc = doc
        self.sent = sent
        self.s0, self.s1 = sent.start_char, sent.end_char
        self.subject = subject_at(doc, self.s0)
        people, starts, longest, orgs, org_starts = _mention_index(doc)
        lo = bisect.bisect_left(starts, self.s0 - longest)  # what can reach into the sentence
        self.people = sorted([p for p in people[lo : bisect.bisect_left(starts, self.s1)]
                              if p[1] > self.s0]
                             + [x for x in other_pronouns(doc) if self.s0 <= x[0] < self.s1])
        self.orgs = orgs[bisect.bisect_left(org_starts, self.s0) :
                         bisect.bisect_left(org_starts, self.s1)]
        pron = subject_pronoun_re(topic_pronoun(doc, self.s0) or subject_pronoun_at(facts, self.s0))
        self.pronouns = [(m.start() + self.s0, m.end() + self.s0)
                         for m in re.finditer(pron, sent.text, re.I)]
        desc = _SUBJECT_DESCRIPTION.match(sent.text)
        if desc and self.subject:
            # "Jane Roe dislikes the word. The Leeds-born chemist, who co-founded X, ...":
            # a description right after a sentence that names only the subject is hers
            named = self._named_before()
            if named and all(n == self.subject or n in self.subject.split() for n in named):
                self.pronouns.append((self.s0 + desc.start(1), self.s0 + desc.end(1)))
        if in_question(doc, self.s0):
            # an interviewer's "you went to X": the subject
            self.pronouns += [(m.start() + self.s0, m.end() + self.s0)
                              for m in re.finditer(r"\b(?:you|your|yourself)\b", sent.text, re.I)]

    def who_at(self, char: int) -> tuple[str, bool] | None:
        for s, e, name in self.people:
            if s <= char < e:
                return (name, False)
        for s, e in self.pronouns:
            if s <= char < e and self.subject:
                return (self.subject, False)
        for s, e, org in self.orgs:
            if s <= char < e:
                return (org.name, True)
        # "the company", "the firm": the last company named before
        m = re.match(r"(?:company|firm|startup|start-up|business|lab|laboratory)\b",
                     doc_text(self.doc)[char : char + 12], re.I)
        if m and re.search(r"\b(?:the|this)\s+$",
                           doc_text(self.doc)[max(0, char - 6) : char], re.I):
            first = ("lab",) if m.group(0).lower().startswith("lab") else ("company",)
            last = _last_org_before(self.doc, char, first) or _last_org_before(
                self.doc, char, (*first, None))
            if last is not None:
                return (last.name, True)
        return None

    def _named_before(self) -> list[str]:
        """The people the sentence before names, in order (none for the first sentence)."""
        if self.sent.start == 0:
            return []
        prev = self.doc[self.sent.start - 1].sent
        return [p.name for p in sorted(facts_of(self.doc).people, key=lambda p: p.start)
                if prev.start_char <= p.start < prev.end_char]

    def _group(self, head: Token) -> list[tuple[str, bool]]:
        """'the two of them', 'the pair', 'both' as a subject: the subject and the people
        of the sentence before ("One of her students was A. In 2018 the two of them set up
        X")."""
        phrase = " ".join(t.lower_ for t in head.subtree)
        if not re.fullmatch(r"(?:the\s+)?(?:two|pair|duo|both)(?:\s+of\s+them)?", phrase):
            return []
        group = ([self.subject] if self.subject else []) + [
            n for n in self._named_before() if n not in (self.subject or "").split()
            and n != self.subject]
        group = list(dict.fromkeys(group))
        return [(n, False) for n in group] if len(group) == 2 else []

    def agents(self, cue_char: int) -> list[tuple[str, bool]]:
        """The subject(s) of the clause that holds the cue, through the parse."""
        tok = _token_at(self.doc, cue_char)
        seen = 0
        while tok is not None and seen < 6:
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                # a subject that is itself a name or pronoun wins over one whose phrase
                # only mentions names ("A co-founder of X ..., Radford left")
                direct: list[tuple[str, bool]] = []
                for h in subj:
                    for t in (h, *h.conjuncts):
                        w = self.who_at(t.idx)
                        if w and not w[1] and w not in direct:
                            direct.append(w)
                if direct:
                    return direct
                out = []
                owners = []
                head = subj[0]
                for t in [head, *[c for c in head.conjuncts]]:
                    for tt in t.subtree if t.pos_ != "PRON" else [t]:
                        w = self.who_at(tt.idx)
                        # "His grandson Jeh Johnson served": the grandson, not "his"
                        if w and w not in out and tt.dep_ not in ("prep", "pobj", "poss"):
                            out.append(w)
                            break
                        if w and w[1] and tt.dep_ == "poss" and tt.head == head:
                            owners.append(w)
                if out:
                    return out
                if owners:
                    return owners[:1]  # "Acme's seed money came from X" is about Acme
                group = self._group(head)
                if group:
                    return group
                if head.lower_ in ("who", "that") and tok.dep_ == "relcl":
                    # "with A and B, who had left X": the name right before "who" (the parse
                    # often hangs the clause on the first of two coordinated names)
                    text = doc_text(self.doc)
                    for _ps, pe, name in self.people:
                        if pe <= head.idx and re.fullmatch(r"(?:\s+[IVX]+|\s+[JS]r\.?)?\s*,?\s*",
                                                        text[pe : head.idx]):
                            return [(name, False)]
                    # "X is a chemist who studied at Y": the agent is the copula's subject
                    noun = tok.head
                    for cand in (noun, noun.head if noun.dep_ == "appos" else None):
                        w = self.who_at(cand.idx) if cand is not None else None
                        if w and not w[1]:
                            return [w]
                    cop = noun.head if noun.dep_ in ("attr", "appos") else None
                    tok = cop if cop is not None else noun
                    seen += 1
                    continue
                if head.lower_ == "it":
                    # "X raised ..., and it was selected": an organisation that is a subject
                    # earlier in the sentence; else the last company named before
                    for os_, oe, org in reversed(self.orgs):
                        osp = self.doc.char_span(os_, oe, alignment_mode="expand")
                        if os_ < head.idx and osp is not None and osp.root.dep_ in ("nsubj",
                                                                                   "nsubjpass"):
                            return [(org.name, True)]
                    last = _last_org_before(self.doc, head.idx, ("company", "lab"))
                    if self.who_at(head.idx) is None and last is not None:
                        return [(last.name, True)]
                    break
                if head.pos_ == "PRON" and head.lower_ in ("they", "who", "which"):
                    break
            if tok.dep_ == "appos":
                # "Y, brother of Z and a professor at X": the name the role describes
                w = self.who_at(tok.head.idx)
                if w and not w[1]:
                    return [w]
                break
            if tok.dep_ == "acl" and tok.pos_ == "VERB" and tok.tag_ == "VBD":
                # "Dr. A, who had arrived in 1985, left in 1990 for X": the parse hangs the
                # main verb on the name as a clause
                w = self.who_at(tok.head.idx)
                if w and not w[1]:
                    return [w]
            if tok.dep_ == "ROOT":
                break
            tok = tok.head
            seen += 1
        # fall back on the nearest person or pronoun before the cue, then the first after
        best: tuple[int, tuple[str, bool]] | None = None
        for s, _, name in self.people:
            if s < cue_char and (best is None or s > best[0]):
                best = (s, (name, False))
        for s, _ in self.pronouns:
            ptok = _token_at(self.doc, s)
            if ptok is not None and ptok.dep_ == "poss":
                continue  # "in her laboratory": a possessor acts in nothing
            if s < cue_char and self.subject and (best is None or s > best[0]):
                best = (s, (self.subject, False))
        if best:
            return [best[1]]
        for s, _, name in self.people:
            if s > cue_char:
                return [(name, False)]
        return []


_MOVED_ON = re.compile(r"[^.;]{0,60}?\bbefore\s+(?:moving|leaving|joining|returning|going|"
                       r"heading|taking\s+up|becoming)\b[^.;]{0,80}?\b(?:in|by)\s+(?=[A-Z0-9])")


#: A study's end later in its sentence: "began her PhD at X in 2012 and defended in 2017".
_FINISHED = re.compile(r"(?:(?!\b(?:who|whom|which|while)\b)[^.;]){0,80}?,?\s+and\s+"
                       r"(?:then\s+)?(?:defended|graduated|finished|completed)\b[^.;,]{0,40}?\b(?:in|by)\s+(?=[A-Z0-9])")


def _held_post_at(facts: Facts, org: str, before: int) -> bool:
    """Whether a post (and no study) at ``org`` is told before offset ``before``: then
    "left X" ends the post, not a student's years."""
    rels = {f.relation for f in facts.affiliations if f.sentence[0] < before and (
        f.organization == org or f.organization.startswith(org + " "))}  # "Bangor": its short name
    return "worksFor" in rels and "alumniOf" not in rels


def _moved_on(doc: Doc, pos: int, limit: int, *, study: bool = False) -> PartialDate | None:
    """'a lecturer at X for four years before moving to Y in 2011': X ends in 2011; so
    does a study that 'began at X in 2007 and graduated in 2011' (``study``)."""
    m = _MOVED_ON.match(doc_text(doc), pos, limit) or (
        _FINISHED.match(doc_text(doc), pos, limit) if study else None)
    if not m:
        return None
    found = dates_between(doc, m.end(), min(limit, m.end() + 20))
    return found[0][2] if found and found[0][0] == 0 else None


_NUM = r"(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
_SPENT_BEFORE = re.compile(r"\b(?:spent|spending|spends|after)\s+"
                           r"(?P<next>the\s+(?:next|following)\s+)?" + _NUM
                           + r"\s+(?P<unit>years?|decades?)\s+"
                           r"(?:as\s+[^,;.]{1,40}?\s+)?(?:at|with|in|on\s+the\s+(?:faculty|staff)"
                           r"\s+of)\s+(?:the\s+)?$", re.I)
_FOR_AFTER = re.compile(r"\s+for\s+" + _NUM + r"\s+years\b", re.I)
# "a post she held": an aside about the post named before
_HELD_POST = (r"a\s+(?:post|position|role|job|chair)\s+(?:that\s+)?(?:she|he|they)\s+"
              r"(?:held|kept|occupied)")
# ", a post she held for 12 years": the length in an aside about the post
_HELD_FOR = re.compile(r"[^.;]{0,40}?(?:,\s+(?:" + _HELD_POST + r"|where\s+(?:she|he|they|I)\s+"
                       r"(?:stayed|remained|worked|taught))\s+for|,?\s+and\s+(?:stayed|remained)"
                       r"(?:\s+there)?(?:\s+for)?)\s+" + _NUM + r"\s+years\b", re.I)


def _with_duration(doc: Doc, ctx: _Sentence, org: OrgFact, start: PartialDate | None,
                   end: PartialDate | None) -> tuple[PartialDate | None, PartialDate | None]:
    """A post's other end from its length: 'spent eight years at X' before leaving in 2009
    began in 2001; 'at X for four years' from 2007 ended in 2011."""
    if start is not None and end is not None:
        return start, end
    text = doc_text(doc)
    m = _SPENT_BEFORE.search(text[max(ctx.s0, org.start - 90) : org.start]) or \
        _FOR_AFTER.match(text, org.end, ctx.s1) or _HELD_FOR.match(text, org.end, ctx.s1)
    if not m:
        return start, end
    if start is None and end is None:
        # "spent the next two years at X": from the last date the text gave
        if not m.groupdict().get("next"):
            return start, end
        before = [d for _a, _b, d, _r in dates_between(doc, max(0, ctx.s0 - 600),
                                                       ctx.s0 + (org.start - ctx.s0))]
        if not before:
            return start, end
        start = PartialDate(str(before[-1].year))
    n = m.group("n").lower()
    years = int(n) if n.isdigit() else NUMBER_WORDS[n]
    if (m.groupdict().get("unit") or "").startswith("decade"):
        years *= 10  # "after a decade at X"
    if end is None and start is not None and (
            m.group(0).lower().lstrip().startswith("after")
            or re.match(r"\s*(?:Before|Prior\s+to)\b", ctx.sent.text)):
        # "Before joining Y in 2008 she spent five years at X": the date ends X
        # "After a decade at X, she moved to Y in 1985": the clause's date ends the post at X
        start, end = None, start
    if end is not None:
        return PartialDate(str(end.year - years)), end
    assert start is not None
    return start, PartialDate(str(start.year + years))


_ENDING = re.compile(r"\b(?:completed|finished|left|ended|graduated|completing|finishing|"
                     r"leaving|graduating|retiring|retired)\s+(?:[\w-]+\s+){0,4}$", re.I)


def _dates_after(doc: Doc, start: int, end: int) -> tuple[PartialDate | None, PartialDate | None,
                                                           PartialDate | None]:
    """(from, to, in) dates attached by a preposition in ``doc_text(doc)[start:end]``."""
    text = doc_text(doc)[start:end]
    d_from = d_to = d_in = None
    prev_end = None
    for a, b, d, relative in dates_between(doc, start, end):
        m = _PREP_DATE.search(text[:a])
        dash = prev_end is not None and re.fullmatch(r"\s*[–—-]\s*", text[prev_end:a])
        prev_end = b
        if dash and (d_in or d_from) and d_to is None:
            d_from, d_to, d_in = d_from or d_in, d, None  # "in 2016–2017"
            continue
        short = re.match(r"[–—-](\d\d)\b(?![–—-])", text[b:])
        if short and m and m.group("prep").lower() in ("in", "from", "during") and \
                d.precision == "year" and int(short.group(1)) > d.year % 100:
            # "in 2016–17": a season of two years
            d_from = d_from or d
            d_to = d_to or PartialDate(str(d.year // 100 * 100 + int(short.group(1))))
            continue
        if not m:
            if relative and d_in is None:  # "graduating three years later", "that autumn"
                d_in = d
            continue
        prep = m.group("prep").lower()
        prep = "in" if prep == "at" else prep
        if prep in ("in", "on", "by") and _ENDING.search(text[: m.start()]):
            d_to = d_to or d  # "which she completed in 2008", "left in 1999"
        elif prep in ("from", "between", "since", "as of") and d_from is None:
            d_from = d
        elif prep in ("to", "until", "till", "through") or (prep == "and" and d_from):
            d_to = d_to or d
        elif prep in ("in", "on", "by", "during") and d_in is None:
            d_in = d
    return d_from, d_to, d_in


_Dates = tuple[PartialDate | None, PartialDate | None, PartialDate | None]


def _verb_of(tok: Token | None) -> Token | None:
    """The verb heading the clause that holds ``tok`` (auxiliaries lead to their verb)."""
    hops = 0
    while tok is not None and tok.pos_ not in ("VERB", "AUX") and tok.dep_ != "ROOT" and hops < 8:
        if tok.dep_ == "appos":  # "X, a former engineer at Y": an aside about X, no clause
            return None
        tok = tok.head
        hops += 1
    while tok is not None and tok.dep_ in ("aux", "auxpass"):
        tok = tok.head
    return tok if tok is not None and tok.pos_ in ("VERB", "AUX") else None


def _clause_dates(doc: Doc, verb: Token | None) -> _Dates:
    """Dates attached to a clause's verb by a preposition: 'In August 2021 she founded ...',
    'From 2009 to 2013 she was ...', '... has served since 2020'."""
    if verb is None:
        return None, None, None
    d_from = d_to = d_in = None
    for c in verb.children:
        if c.dep_ not in ("prep", "npadvmod"):
            continue
        last = c.right_edge.i + 1
        while last < len(doc) and doc[last].ent_type_ == "DATE" and last - c.right_edge.i < 4:
            last += 1  # "From 2015 to | 2017 Mbeki was": the parse cuts the range
        sub = doc[c.left_edge.i : last]
        if not any(t.ent_type_ == "DATE" for t in sub) or len(sub) > 12:
            continue
        f, t, i = _dates_after(doc, sub.start_char, sub.end_char)
        if c.lower_ in ("after", "upon", "following") and not (f and t):
            # "After graduating in 2011 she spent a year at X": what follows starts then (a
            # range inside is the range of the post it names)
            d_in = d_in or t or i or f
            continue
        d_from, d_to, d_in = d_from or f, d_to or t, d_in or i
    head = verb.head
    if d_in is None and verb.dep_ in ("xcomp", "advcl") and head.lemma_.lower() in _MOVE_VERBS \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "In 2015 she left X to join Y", "left X in 1997 to become keeper at Y": the move's
        # date starts the new post
        d_in = _clause_dates(doc, head)[2]
    return d_from, d_to, d_in


def _is_predicate(tok: Token) -> bool:
    """Whether the clause's dates belong to ``tok``'s relation: it is the verb or the
    predicate ("she was a postdoc at X from 2009"), not an aside ("while a student at X")."""
    while tok.dep_ in ("amod", "compound", "advmod"):
        tok = tok.head  # "postdoctoral" in "a postdoctoral researcher at X"
    if tok.pos_ in ("VERB", "AUX") or tok.dep_ in ("attr", "dobj", "oprd"):
        return True
    return tok.dep_ == "pobj" and (tok.head.lower_ == "as" or tok.head.head.pos_ in ("VERB", "AUX"))


def _merge_dates(a: _Dates, b: _Dates) -> _Dates:
    return a[0] or b[0], a[1] or b[1], a[2] or b[2]


#: An aside after a body that still speaks of the post: ", which she completed in 2008",
#: ", a post she held until 2020", ", staying until 2006"
_POST_ASIDE = re.compile(r",\s+(?:which\s+(?:she|he|they)\s+(?:completed|finished|left|held|"
                         r"received|earned|joined)|" + _HELD_POST + r"|(?:staying|remaining)\s+"
                         r"(?:there\s+)?|leaving|departing|retiring|finishing|graduating|"
                         r"completing|starting|beginning|arriving|"
                         # ", a battery maker she joined in 2019"
                         r"an?\s+(?:[\w-]+\s+){1,3}?(?:that\s+|which\s+)?(?:she|he|they)\s+"
                         r"(?:joined|entered)|where\s+(?:she|he|they)\s+(?:stayed|remained|worked|"
                         r"spent|taught)\b)\b[^.;,]{0,40}")


#: An aside naming what a body is, then the post's dates: "at FAIR, Meta's AI research
#: group, from 2020 until 2024".
_APPOSITION_THEN_DATES = re.compile(r",\s+(?:[^,;.()]{2,60}),\s+(?=(?:from|between|since|until)\s+"
                                    r"(?:(?:early|late|mid-?)\s*)?(?:\d|[A-Z][a-z]+\s+\d))")


def _clause_end(doc: Doc, pos: int, limit: int) -> int:
    end = _plain_clause_end(doc, pos, limit)
    apposed = _APPOSITION_THEN_DATES.match(doc_text(doc), end, limit)
    if apposed and pos == end:
        end = _plain_clause_end(doc, apposed.end(), limit)
    if re.search(r"\b(?:at|to|for|from|and|with|of)\s+(?:the\s+)?[A-Z]", doc_text(doc)[pos:end]):
        return end  # another body named on the way: the aside is about that one
    aside = _POST_ASIDE.match(doc_text(doc), end, limit)
    return aside.end() if aside else end


def _plain_clause_end(doc: Doc, pos: int, limit: int) -> int:
    m = re.search(r";|\.\s|,|\s+to\s+(?:join|work|pursue)\b|"
                  r"\s(?:and|but|while|where|before|after)\s+"
                  r"(?!(?:early\s+|late\s+|mid-?)?\d|[A-Z][a-z]+\s+\d)",
                  doc_text(doc)[pos:limit])
    return pos + m.start() if m else limit


def _date_before(doc: Doc, cue_char: int, absolute: bool) -> PartialDate | None:
    """A date just before a cue in its clause: 'in 2003 and then joined X', 'that autumn
    entered X', 'two years later moved to X'."""
    lo = max(0, cue_char - 45)
    text = doc_text(doc)[lo:cue_char]
    for a, b, d, relative in reversed(dates_between(doc, lo, cue_char)):
        if re.search(r"[.;]", text[b:]):
            return None
        if relative or (absolute and re.search(r"\b[Ii]n\s+$", text[:a])):
            return d
    return None


def _leading_date(doc: Doc, sent: Span) -> PartialDate | None:
    """The date a sentence opens with: 'In 2016, ...', 'The following year she ...'."""
    m = re.match(r"\s*(?:In|On|By|During|From|Since)\s+((?:early|late|mid-?)?\s*[^,]{3,25}?),",
                 sent.text)
    if m:
        found = find_dates(m.group(1))
        if found:
            return found[0][2]
    opening = re.match(r"\s*(?:(?:In|By|During|Later|Early)\s+)?", sent.text)
    assert opening is not None
    for a, _, d, relative in dates_between(doc, sent.start_char, sent.end_char):
        if relative and a == opening.end():
            return d
        break
    return None


@Language.component("kg_affiliations")
def kg_affiliations(doc: Doc) -> Doc:
    """Record affiliation facts from cue words, titles and the dependency parse."""
    facts = facts_of(doc)
    art = doc._.kg_article
    for sent in doc.sents:
        block = block_at(art, sent.start_char)
        if block is not None and block.kind in ("row", "reference", "title", "heading"):
            continue
        ctx = _Sentence(doc, sent)
        _left_then(doc, ctx)
        _joined_then(doc, ctx)
        _round_closed(doc, ctx)
        _our_company(doc, ctx)
        _founders_of_it(doc, ctx)
        _stepped_down(doc, ctx)
        if not ctx.orgs:
            _titles_after_company(doc, ctx)
        if not any(o.kind in ("university", "school") for _, _, o in ctx.orgs):
            _degree_then(doc, ctx)
        if not ctx.orgs and not facts.title_org:  # "It was founded by" needs no name
            continue
        span = (ctx.s0, ctx.s1)
        lead = _leading_date(doc, sent)
        sport = bool(_SPORT.search(sent.text))

        added: list[tuple[str, str, OrgFact]] = []

        def add(person: str, rel: str, org: OrgFact, start: PartialDate | None,
                end: PartialDate | None, person_is_org: bool = False, soft: bool = False,
                *, span: tuple[int, int] = span, sport: bool = sport,
                added: list[tuple[str, str, OrgFact]] = added, ctx: _Sentence = ctx) -> None:
            if person == org.name:
                return
            degree = _PAREN_DEGREE.match(doc_text(doc), org.end)
            if degree and rel in ("worksFor", "alumniOf") and not person_is_org:
                # "at the University of X (BSc, 1997)": a degree, whatever the cue said
                rel = "alumniOf"
                years = find_dates(degree.group(0))
                start, end = (start, years[-1][2]) if years else (start, end)
            added.append((person, rel, org))
            if rel == "worksFor" and (is_membership_body(org.name) or (
                    sport and org.kind not in ("university", "school"))):
                rel = "memberOf"  # a party, an army, a legislature, a sports team
            facts.affiliations.append(AffiliationFact(person, rel, org.name, span, start, end,
                                                      person_is_org, soft))
            parent = _parent_body(doc, ctx, org)
            if parent is not None:
                facts.affiliations.append(AffiliationFact(person, rel, parent.name, span, start,
                                                          end, person_is_org, soft))

        if block is not None and block.kind == "item" and _timeline_item(doc, ctx, add):
            continue
        for os_, oe, org in ctx.orgs:
            if any(_parent_body(doc, ctx, o2) is org for _s2, _e2, o2 in ctx.orgs):
                continue  # "the School of X at the Y Institute": read with its unit
            if org.kind is None and org_kind_from_name(org.name) is None and any(
                    e2 <= os_ and re.fullmatch(r",?\s+(?:in|near|outside)\s+(?:the\s+)?",
                                               doc_text(doc)[e2:os_]) for _s2, e2, _o in ctx.orgs):
                continue  # a town the tagger took for a body: "a job at Northvolt in Skellefteå"
            left = doc_text(doc)[max(ctx.s0, os_ - 90) : os_]
            after_dates = _dates_after(doc, oe, _clause_end(doc, oe, ctx.s1))
            matched = False
            board = re.match(r"['’]s?\s+(?:[\w-]+\s+){0,2}(?:board|council|committee)\b",
                             doc_text(doc)[oe:ctx.s1]) or re.search(
                # "chaired the board of trustees of X": a seat on its board
                r"\bboard\s+(?:of\s+(?:trustees|directors|governors|overseers|visitors|regents)\s+)?"
                r"(?:of|at|for)\s+(?:the\s+)?$", left, re.I)
            for rel, when, pat in _CUES:
                m = pat.search(left)
                if not m:
                    continue
                if (board or re.search(r"\belected\s+(?:as\s+)?(?:the\s+)?(?:[\w-]+\s+){0,2}$",
                                       left[:m.start()] + " ")) and rel == "worksFor":
                    rel = "memberOf"  # a board's seat, an elected office of a society
                if rel == "memberOf" and re.search(r"\bmember\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?"
                                                   r"(?:staff|faculty)\b", m.group(0), re.I):
                    rel = "worksFor"  # "Member of Technical Staff at X" is a job
                if rel == "founderOf" and doc_text(doc)[os_:oe].lower() == "there":
                    if not re.match(r"started|began", m.group(0), re.I):
                        continue
                    # "I started there in April 2017": the post or study last taken there
                    past = [f.relation for f in facts.affiliations if f.organization == org.name
                            and f.relation in ("worksFor", "alumniOf")]
                    rel, when = (past[-1] if past else "worksFor"), "start"
                if when == "team" and not _TEAM_AFTER.match(doc_text(doc)[oe:ctx.s1]):
                    continue
                if when == "board":
                    if not board:
                        continue
                    when = "none"
                cue_char = os_ - len(left) + m.start()
                # retiring says work whatever the body's kind ("retired from X" is no
                # student's leaving)
                retired = re.match(r"(?:retired|resigned)\b", m.group(0), re.I) is not None
                if _REFUSED.search(left, 0, m.start()):
                    matched = True  # "she turned down a job at X": no post, and no other reading
                    break
                matched = True
                cue_tok = _token_at(doc, cue_char)
                if cue_tok is not None and cue_tok.dep_ == "aux":
                    cue_tok = cue_tok.head  # "left to co-found X": the verb after "to"
                # "joined Y in 2016 after a postdoc at X": the clause's date ends X
                after_post = cue_tok is not None and cue_tok.dep_ == "pobj" and \
                    cue_tok.head.lower_ == "after" and rel == "worksFor"
                d_from, d_to, d_in = _merge_dates(
                    after_dates,
                    _clause_dates(doc, _verb_of(cue_tok)) if cue_tok is not None
                    and _is_predicate(cue_tok) else (None, None, None))
                if rel == "worksFor" and when == "start" and _FOR_STUDY.match(
                        doc_text(doc), oe) and org.kind in ("university", "school", "lab", None):
                    rel = "alumniOf"  # "moved to X for graduate school", "joined X as a student"
                began = rel == "alumniOf" and when == "end" and re.search(
                        r"\b(?:started|began|starting|beginning|commenced|enrolled\s+in|embarked"
                        r"\s+on)\s+(?:my|her|his|their|a|an)?\s*$", left[:m.start()],
                        re.I) is not None
                if began:
                    when = "start"  # "began her PhD at X in 2012": the study's start
                if rel == "alumniOf" and when == "start" and re.match(
                        r"(?:went|entered|moved)\b", m.group(0), re.I) and _AS_POST.match(
                        doc_text(doc), oe):
                    rel = "worksFor"  # "went to X as a postdoc": a post, not a student's place
                if rel == "alumniOf" and org.kind not in ("university", "school", None):
                    # "was admitted to the skiing club SK Ull": one belongs to it
                    rel = "memberOf" if re.match(r"admitted", m.group(0), re.I) and \
                        org.kind not in ("lab", "company") and not re.search(
                            r"\b(?:Hospital|Clinic|Infirmary|Sanatorium)\b", org.name) else \
                        "worksFor" if when != "end" else rel
                if rel == "worksFor" and when == "end" and org.kind in ("university", "school") \
                        and not retired and not _held_post_at(facts, org.name, ctx.s0):
                    rel = "alumniOf"  # "left Harvard" (a student's leaving), not "retired from"
                if d_to is None and rel in ("worksFor", "alumniOf") and when != "end":
                    d_to = _moved_on(doc, oe, ctx.s1, study=began)
                start = end = None
                paren = _paren_dates(doc_text(doc)[oe : ctx.s1])
                if paren != (None, None):
                    start, end = paren
                elif d_from or d_to:
                    # "in March 2012, a post she held until 2020": the 'in' date starts it;
                    # so does "X, which he joined in 2020 and left in 2024"
                    joined = re.match(r",\s+which\s+(?:she|he|they)\s+(?:had\s+)?joined\b",
                                      doc_text(doc)[oe:ctx.s1])
                    start, end = d_from or (d_in if (when == "start" or joined) and d_in and d_to
                                            and d_in < d_to else None), d_to
                elif when == "start":
                    start = d_in or (lead if rel in ("founderOf", "worksFor", "memberOf",
                                                     "fundedBy") else None)
                    if start is None and rel in ("worksFor", "alumniOf", "founderOf"):
                        start = _date_before(doc, cue_char, rel != "alumniOf")
                elif when == "end":
                    end = d_in or lead
                grad = re.match(r"\s*(?:in\s+[A-Z]\w+(?:,?\s+[A-Z]\w+)?\s*)?[(,]?\s*"
                                r"(?:graduating|graduated)\s+(?:in\s+)?([^);]{4,100})",
                                doc_text(doc)[oe:ctx.s1])
                if grad and rel == "alumniOf":
                    # "graduating in 1992", "graduating with honours three years later"
                    gd = [d for a, _, d, relative in dates_between(
                        doc, oe + grad.start(1), oe + grad.end(1))
                        if a < 20 or relative or grad.group(1)[a - 3 : a] == "in "]
                    if gd:
                        end = gd[0]
                        start = start if start and start != end else None
                if after_post and d_in is not None and not (d_from or d_to) and end is None:
                    start, end = None, d_in
                if rel in ("worksFor", "alumniOf"):
                    start, end = _with_duration(doc, ctx, org, start, end)
                agents = ctx.agents(cue_char)
                if not agents and rel == "founderOf" and ctx.subject and re.search(
                        r"\bwe\s+(?:\w+\s+){0,2}$", left[:m.start()] + " ", re.I) and \
                        (subject_pronoun_at(facts, ctx.s0) or "").startswith("i"):
                    agents = [(ctx.subject, False)]  # an interview's "we incorporated X"
                hired = re.search(r"\b(?:her|him|them|me)\s+(?:to|by)\s*$", m.group(0), re.I)
                if hired:
                    # "Tom Vale recruited her to X": the one recruited
                    who = ctx.who_at(cue_char + hired.start())
                    agents = [who] if who and not who[1] else []
                owner = _POST_OWNER.search(doc_text(doc), max(ctx.s0, cue_char - 40), cue_char)
                if owner and not agents and re.match(_POST_WORD, m.group(0), re.I):
                    # "Her tenure at Google lasted ...": the post's owner, when the clause
                    # names no one ("Tom Vale received his doctorate" is Vale's)
                    who = ctx.who_at(owner.start(1))
                    agents = [who] if who and not who[1] else agents
                between = [n for ps, pe, n in ctx.people if cue_char < ps and pe <= os_]
                if between and re.match(r"succeed", m.group(0), re.I):
                    # "succeeded A at X in 2016", "succeeded A as chief executive of X": A's
                    # post there ended then, the successor's began
                    agents = [a for a in agents if a[0] != between[0]] or ctx.agents(ctx.s0)
                    add(between[0], rel, org, None, start)
                elif between and rel in ("worksFor", "memberOf") and re.fullmatch(
                        r"\s+(?:of|at|for|with)\s+(?:the\s+)?", doc_text(doc)[
                            max(pe for ps, pe, n in ctx.people if pe <= os_):os_]):
                    # "Professor Omar Haddad of Cairo University": the title's own holder
                    host = next((ps for ps, pe, n in ctx.people if n == between[-1]
                                 and cue_char < ps), None)
                    if host is not None and re.search(r"\b(?:with|under)\s+(?:[\w-]+\s+){0,2}$",
                                                      doc_text(doc)[cue_char:host]):
                        # "a postdoc with Tom Vale at X": the host works there, the one
                        # who did the postdoc too
                        add(between[-1], rel, org, None, None)
                    else:
                        agents = [(between[-1], False)]
                if rel in ("fundedBy", "memberOf"):
                    orgs_as_agents = [a for a in agents if a[1]]
                    owner_m = re.match(
                        r"\s*(?:Its|The\s+(?:firm|company|start-?up|fund)['’]s?|(?P<own>[A-Z][\w-]+)"
                        r"['’]s?)\s+(?:[\w-]+\s+){0,2}?(?:fund|round|raise|financing)\b",
                        doc_text(doc)[ctx.s0:os_])
                    if rel == "fundedBy" and not orgs_as_agents:
                        # "we raised a round led by X" (a founder speaking in an interview):
                        # the company the speaker founded last
                        founders = set()
                        # ("We raised $31 million. The round was led by X": the round the
                        # speaker's company raised in the sentence before)
                        if ctx.subject and (facts.subject_pronoun or "").startswith("i") and (
                                re.search(r"\b(?:we|our)\b", left, re.I) or not owner_m and (
                                    re.search(r"\b(?:million|billion|seed|series\s+[a-e])\b",
                                              left, re.I) or re.search(
                                    r"\b(?:the|that|this)\s+(?:round|raise|financing|series\s+"
                                    r"[a-e])\b", left, re.I) and re.search(
                                    r"\b(?:we|our)\b", doc_text(doc)[max(0, ctx.s0 - 200):ctx.s0],
                                    re.I))):
                            founders.add(ctx.subject)
                        own = [f.organization for f in facts.affiliations
                               if f.relation == "founderOf" and f.sentence[0] < ctx.s0
                               and f.person in founders]
                        orgs_as_agents = [(own[-1], True)] if own else []
                    if rel == "fundedBy" and not orgs_as_agents and owner_m:
                        # "Its first fund ... was anchored by X": the body named just before;
                        # "Quillon's first financing came from X": the body named so before
                        own_word = owner_m.group("own")
                        prev = _last_org_before(doc, ctx.s0, ("investor", "company", None)) \
                            if own_word is None else _last_org_before(doc, ctx.s0, None, own_word)
                        orgs_as_agents = [(prev.name, True)] if prev else []
                    if rel == "fundedBy" and not orgs_as_agents:
                        continue
                    agents = orgs_as_agents or agents
                if when == "team":
                    agents = [(n, False) for s, _, n in ctx.people
                              if not re.search(r"\bwith\s+$", doc_text(doc)[ctx.s0:s])] or agents
                if start is None and _FROM_FOUNDING.match(doc_text(doc), oe, ctx.s1):
                    # "sat on the company's board from its founding until 2010"
                    start = next((f.start for f in facts.affiliations if f.relation ==
                                  "founderOf" and f.organization == org.name and f.start), None)
                moved = start is not None and rel == "worksFor" and re.match(
                    r"mov(?:ed|ing)\s+to|left\s", m.group(0), re.I) is not None
                for name, is_org in agents:
                    if moved and start is not None and not is_org:
                        # "hired by X in 1984 and moved to Y in 1990": X ended then
                        _close_open_post(doc, ctx, name, "worksFor", start, same=True,
                                         other_than=org.name)
                    if is_org and rel not in ("fundedBy", "memberOf"):
                        continue
                    # a job title says work whatever the body's kind ("a lecturer at X"), and
                    # so does retiring
                    titled = rel == "worksFor" and (_JOB_WORD.search(m.group(0)) is not None
                                                    or retired)
                    add(name, rel, org, start, end, is_org,
                        soft=rel in ("worksFor", "alumniOf") and when != "none" and not titled)
                    if rel == "founderOf" and when == "none" and _AND_JOB.search(m.group(0)):
                        # "co-founder and chief executive of X": a founder who works there
                        add(name, "worksFor", org, start, end, is_org)
                    if rel == "alumniOf" and when != "end":
                        # "educated at A in Lakefield, Ontario, B in Montreal, and at C"
                        for o2 in _listed_after(doc, ctx, org):
                            if o2.kind in ("university", "school", None):
                                add(name, rel, o2, None, None, soft=True)
                    if rel == "worksFor" and paren != (None, None):
                        _add_dated_list(doc, ctx, org, name, rel, add, soft=True)
                    if rel in ("alumniOf", "worksFor"):
                        # "at the University of Pennsylvania's Annenberg School": both
                        for o2 in _possessed(doc, ctx, org):
                            add(name, rel, o2, start, end, soft=True)
                    if rel == "fundedBy":
                        # "from General Catalyst's Rough Draft Ventures": both fund
                        for o2 in _possessed(doc, ctx, org):
                            add(name, rel, o2, start, end, True)
                        # "backers including A, B and C": each funds; "led by A, with B
                        # and C joining": so do B and C
                        for o2 in _listed_after(doc, ctx, org) + _joining(doc, ctx, org):
                            add(name, rel, o2, start, end, True)
                # "co-founded X with A, B, and C"
                if rel == "founderOf" and when == "start":
                    stop = re.search(r";|\.\s", doc_text(doc)[oe:ctx.s1])
                    tail_end = oe + stop.start() if stop else ctx.s1
                    tail = doc_text(doc)[oe:tail_end]
                    # "..., a non-profit institute in Port Harcourt, with A and B"
                    w = re.match(r"(?:,?\s+(?:in|on)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][\w-]+"
                                 r"(?:,?\s+(?:[A-Z][\w-]+|\d{4}))?|\d{4})){0,2}"
                                 r"(?:,\s+(?:a|an|the)\s+[^,;]{1,120},)?"
                                 r"\s+(?:together\s+)?with\b",
                                 tail)
                    if w:
                        for s, _, n in ctx.people:
                            if oe + w.end() <= s < tail_end:
                                add(n, rel, org, start, end)
                    # "In 1998, with A and B, he co-founded X"
                    pre = re.search(r"\bwith\s+[^;.]{3,160}?,\s+(?:she|he|they|I|we)\s+"
                                    r"(?:[\w-]+\s+){0,2}$", doc_text(doc)[ctx.s0:cue_char])
                    if pre:
                        for s, _, n in ctx.people:
                            if ctx.s0 + pre.start() <= s < ctx.s0 + pre.end():
                                add(n, rel, org, start, end)
                # "(who joined in 2015)" right after a person sets that person's start
                for _s, e, n in ctx.people:
                    jm = re.match(r"\s*\(\s*who\s+joined\s+(?:in\s+)?([^)]{4,20})\)",
                                  doc_text(doc)[e:ctx.s1])
                    if jm and rel == "worksFor":
                        jd = find_dates(jm.group(1))
                        add(n, rel, org, jd[0][2] if jd else None, None)
                break
            if not matched and not _parse_path(doc, ctx, org, lead, add) and \
                    not _employer_subject(doc, ctx, org, lead, add) and \
                    not _stayed_there(doc, ctx, org, add):
                _title_patterns(doc, ctx, org, add)
            elif not matched:
                _titled_pair(doc, ctx, org, add)
        _founded_by(doc, ctx, add)
        _founded_in_clause(doc, ctx, add)
        _gapped_titles(doc, ctx, added, add)
        _with_as_titles(doc, ctx, added, add)
        _student_lists(doc, ctx, add)
        _supervisors(doc, ctx, add)
        _lab_heads(doc, ctx, add)
        _where_people(doc, ctx, add)
        _teachers(doc, ctx, add)
        _leave_the_company(doc, ctx, lead, add)
        _led_round(doc, ctx, lead, add)
        _awarded_grant(doc, ctx, lead, add)
        _degree_brackets(doc, ctx, add)
        _then_at(doc, ctx, add)
        _founders_listed(doc, ctx, add)
        _left_then(doc, ctx, same=True)
        _degree_then(doc, ctx, same=True)
    return doc


# Words that govern an organisation in the dependency parse, by the relation they state.
_WORK_VERBS = {"work", "serve", "teach", "lecture", "employ", "hire", "recruit", "join", "rejoin",
               "appoint", "consult", "intern", "practise", "practice", "report", "write", "coach",
               "manage", "head", "lead", "chair", "direct", "edit", "research", "return"}
_STUDY_VERBS = {"study", "attend", "graduate", "educate", "enroll", "enrol", "matriculate", "train",
                "school", "major", "complete", "read"}
_DEGREE_VERBS = {"receive", "earn", "obtain", "get", "take", "gain", "award", "hold", "complete",
                 "pursue", "finish", "do", "grant"}
_FOUND_VERBS = {"found", "co-found", "cofound", "establish", "create", "start", "launch", "form",
                "set", "co-create", "incorporate", "organise", "organize"}
_BEGIN_VERBS = {"begin", "start", "commence", "pursue", "undertake", "take", "do", "continue"}
_LEAVE_VERBS = {"leave", "quit", "resign", "retire", "depart"}
_ENTRY_VERBS = {"become", "appoint", "name", "make", "elect", "promote", "hire", "recruit"}
_MOVE_VERBS = _LEAVE_VERBS | {"move", "return", "relocate"}
_DEGREE_NOUNS = re.compile(
    r"^(?:degree|degrees|bachelor|bachelors?|master|masters?|b\.?a|b\.?s|b\.?sc|m\.?a|m\.?s|m\.?sc|"
    r"mba|ph\.?d|d\.?phil|doctorate|diploma|llb|llm|ll\.?b|ll\.?m|j\.?d|m\.?d|m\.?phil|b\.?eng|"
    r"m\.?eng|education|training|schooling|studies|habilitation|licentiate|certificate)\.?$", re.I)
_STUDENT_NOUNS = {"student", "students", "graduate", "graduates", "alumnus", "alumna", "alumni",
                  "undergraduate", "postgraduate", "pupil", "scholar", "freshman", "sophomore"}
_FOUNDER_NOUNS = {"founder", "co-founder", "cofounder", "founders", "co-founders"}
_MEMBER_NOUNS = {"member", "members", "trustee", "fellow", "director", "directors"}
_WORK_PREPS = {"at", "for", "with", "by", "in", "on", "of", "within"}
_STUDY_PREPS = {"at", "from", "in", "of"}


_UNIT_NOUNS = {"department", "division", "group", "lab", "laboratory", "team", "school",
               "faculty", "unit", "office", "institute", "centre", "center", "programme",
               "program", "branch", "arm", "section", "wing", "bureau", "clinic", "newsroom"}


#: Occupations named after a field ("chemist", "roboticist", "historian", "statistician"),
#: which stand between an employer and a name as job titles do: "the Stanford chemist A".
_FIELD_OCCUPATION = (r"(?!(?:guitar|bass|pian|violin|cell|organ|percussion|vocal|saxophon|keyboard|"
                     r"flaut|harp|trombon|clarinet|lyric)ist)[a-z]{3,}(?:ist|ian)")
_JOB_NOUN = re.compile(JOB_TITLES + r"s?|" + _FIELD_OCCUPATION + "s?")
_JOB_WORD = re.compile(r"\b(?:" + JOB_TITLES + r")s?\b", re.I)
_AND_JOB = re.compile(r"\band\s+(?:[\w-]+\s+){0,2}?" + JOB_TITLES + r"\b", re.I)
_TITLE_AFTER = re.compile(r"\s+(" + FOUNDER_TITLES + "|" + JOB_TITLES + r")\b", re.I)


def _is_job_noun(tok: Token) -> bool:
    return bool(_JOB_NOUN.fullmatch(tok.lower_)) or tok.lemma_.lower() in {
        "curator", "teacher", "instructor", "assistant", "consultant", "staff", "faculty",
        "employee", "researcher", "scientist", "engineer", "economist", "columnist", "lawyer",
        "judge", "officer", "designer", "architect", "physician", "surgeon", "trustee",
        "rector", "principal", "commissioner", "ambassador", "administrator", "producer",
        "executive", "cellist", "conductor", "member", "head", "postdoc", "intern", "writer",
        "critic", "contributor",
        "professorship", "position", "post", "appointment", "job", "career", "tenure",
        "lectureship", "residency", "stint", "role", "employment"}


def _is_study_noun(tok: Token) -> bool:
    """'student', 'alumnus', or 'doctoral research' / 'graduate studies' / 'PhD programme'."""
    return tok.lower_ in _STUDENT_NOUNS or (
        tok.lemma_.lower() in ("research", "study", "studies", "programme", "program", "work")
        and any(c.lower_ in ("doctoral", "graduate", "phd", "postgraduate", "undergraduate",
                             "doctorate")
                for c in tok.children))


def _governor(org_tok: Token) -> tuple[Token, str] | None:
    """The word that governs an organisation and the link: a preposition, 'obj' or 'mod'."""
    r = org_tok
    hops = 0
    while r.dep_ in ("conj", "appos") and hops < 6:
        r = r.head
        hops += 1
    if r.dep_ == "poss" and r.head.lemma_.lower() in _UNIT_NOUNS and r.head.is_lower:
        # "a professor in Caltech's department of geology", "joined Siemens's energy
        # division": the unit stands where its body would
        r = r.head
        while r.dep_ in ("conj", "appos") and hops < 6:
            r = r.head
            hops += 1
    if r.dep_ == "pobj" and r.head.lower_ == "of" and r.head.head.lemma_.lower() in (
            "unit", "division", "arm", "branch", "subsidiary", "department", "office", "firm",
            "practice", "partnership") \
            and r.head.head.is_lower and r.head.head.dep_ == "pobj":
        # "a technician in the neuroscience unit of X": the unit stands where its body would
        r = r.head.head
    if r.dep_ == "pobj":
        prep = r.head
        while prep.dep_ == "conj" and prep.head.dep_ == "prep":
            prep = prep.head
        return prep.head, prep.lower_
    if r.dep_ in ("dobj", "obj", "attr") and r.head.pos_ in ("VERB", "AUX"):
        return r.head, "obj"
    if r.dep_ in ("compound", "poss", "nmod", "npadvmod") and r.head.pos_ in ("NOUN", "PROPN"):
        return r.head, "mod"
    return None


def _classify(gov: Token, link: str) -> tuple[str, str] | None:
    """(relation, when) for a governing word and its link to the organisation."""
    lemma = gov.lemma_.lower()
    text = gov.lower_
    if text.startswith("co-found"):
        lemma = "co-found" if gov.pos_ in ("VERB", "AUX") else lemma
    if gov.pos_ in ("VERB", "AUX"):
        if lemma in _FOUND_VERBS and link == "obj":
            return ("founderOf", "start")
        if lemma in _LEAVE_VERBS and link in ("obj", "from"):
            return ("worksFor", "end")
        if lemma in _STUDY_VERBS and (link in _STUDY_PREPS
                                      or (link == "obj" and lemma == "attend")):
            return ("alumniOf", "start" if lemma != "graduate" else "end")
        if lemma == "play" and link == "for":
            # "played college football for X"; a professional team is one's club, not school
            return ("alumniOf", "none") if any(c.lower_ in ("college", "collegiate", "university")
                                               for c in gov.subtree) else ("memberOf", "none")
        if lemma in _DEGREE_VERBS and link in ("from", "at") and any(
                _DEGREE_NOUNS.match(c.lower_)
                or any(_DEGREE_NOUNS.match(g.lower_) for g in c.subtree)
                for c in gov.children if c.dep_ in ("dobj", "obj")):
            return ("alumniOf", "end")
        objs = [c for c in gov.children if c.dep_ in ("dobj", "obj")]
        if lemma in _BEGIN_VERBS and link in ("at", "in", "with") and objs:
            # "began doctoral research at X", "started a postdoc at X"
            if _is_study_noun(objs[0]):
                return ("alumniOf", "start")
            if _is_job_noun(objs[0]):
                return ("worksFor", "start")
        if link in ("at", "with", "in") and objs and _is_job_noun(objs[0]) and lemma not in (
                "leave", "quit", "resign", "lose", "decline", "refuse", "turn"):
            # "held a lectureship at X", "took a job at X"
            return ("worksFor", "none")
        if lemma == "be" and link == "at" and any(
                c.dep_ == "prep" and c.lower_ in ("from", "between", "since")
                for c in gov.children):
            return ("worksFor", "none")  # "I was at Google from 2012 to 2017"
        if lemma in _WORK_VERBS and (link in _WORK_PREPS or (link == "obj" and lemma in (
                "join", "rejoin", "head", "lead", "chair", "direct", "manage"))):
            if lemma == "join" and link != "obj":
                return None
            return ("worksFor", "start" if lemma in ("join", "rejoin") else "none")
        return None
    if gov.pos_ not in ("NOUN", "PROPN") or (link == "mod" and gov.tag_ in ("NNS", "NNPS")):
        return None
    if text in _FOUNDER_NOUNS and link in ("of", "mod"):
        return ("founderOf", "none")
    if _DEGREE_NOUNS.match(text) and link in ("from", "at", "of", "in"):
        return ("alumniOf", "end")
    if _is_study_noun(gov) and link in ("at", "of", "from", "in"):
        return ("alumniOf", "none")
    if lemma in ("board", "committee", "council", "panel", "commission", "jury") and link == "of":
        return ("memberOf", "start")
    if lemma in ("member", "trustee", "fellow") and link in ("of", "mod"):
        if any(c.lower_ in ("faculty", "staff") for c in gov.children):
            return ("worksFor", "none")
        return ("memberOf", "none")
    if _is_job_noun(gov) and link in ("at", "of", "for", "with", "mod", "in"):
        return ("worksFor", "none")
    return None


def _agents_of(ctx: _Sentence, gov: Token) -> list[tuple[str, bool]]:
    """The person a governing word is about: the name it is attached to, else its clause's."""
    # "Y, a professor at X": the name the role stands in apposition to; "Y, brother of Z
    # and a professor at X": the first of coordinated roles stands in apposition
    first = gov
    while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN") and first.head.i < first.i:
        first = first.head
    if first.dep_ == "appos":
        # "with A and B, a former engineer at X": an apposition describes the name right
        # before it, though the parse may hang it on the first of coordinated names
        text = doc_text(ctx.doc)
        left = first.left_edge.idx
        for _s, e, name in reversed(ctx.people):
            if e <= left:
                if re.fullmatch(r"\s*,\s*", text[e:left]):
                    return [(name, False)]
                break
    if first.dep_ in ("compound", "appos", "amod"):
        w = ctx.who_at(first.head.idx)
        if w and not w[1]:
            return [w]
    # "the institute's director, Lars Halvorsen": the name in apposition to the role
    for c in gov.children:
        if c.dep_ == "appos" and c.i > gov.i:
            w = ctx.who_at(c.idx)
            if w and not w[1]:
                return [w]
    return ctx.agents(gov.idx)


_DATES_ONLY = re.compile(r"(?:\d{1,4}|[A-Z][a-z]{2,8}\.?|and|to|until|present|now|c\.|"
                        r"[-–—,/\s])+")


_UNIT_FIRST = re.compile(r"(?:the\s+)?(?:department|dept\b|faculty|division|group|lab\b|laboratory|"
                         r"program)", re.I)


_FOUNDERS_WERE = re.compile(r"['’]?s?\s+(?:[\w-]+\s+)?(?:co-?founders|founders|founding\s+"
                            r"members)\s+(?:included|include|were|are|,)\s+", re.I)


#: Founders listed with no body named before them: "Its founders were", "The company's
#: co-founders are", "There are three founders:", "We had two founders,".
_FOUNDERS_OF_IT = re.compile(
    r"\b(?:(?:Its|Their|The\s+(?:company|firm|startup|start-up|business|venture)['’]s?)\s+|"
    r"(?:There\s+(?:are|were)|(?:It|We|They)\s+(?:has|had|have))\s+(?:\w+\s+)?)"
    r"(?:co-?founders|founders)\s*(?:included|include|were|are|:|,)\s*", re.I)


def _founders_listed(doc: Doc, ctx: _Sentence, add) -> None:
    """'Its founders included A, B and C', 'Acme's co-founders were A and B, who ...': each
    founded the body named before the cue."""
    text = doc_text(doc)
    for _os, oe, org in ctx.orgs:
        m = _FOUNDERS_WERE.match(text, oe)
        if m:
            for n in _people_from(doc, ctx, m.end(), _FOUNDER_GLUE):
                add(n, "founderOf", org, None, None)


def _founders_of_it(doc: Doc, ctx: _Sentence) -> None:
    """"Its founders were A and B", "There are three founders: me, A, who is our CTO, and
    B": each founded the body founded last before (else the company named last), since its
    founding."""
    text = doc_text(doc)
    m = _FOUNDERS_OF_IT.search(text, ctx.s0, ctx.s1)
    if m is None:
        return
    facts = facts_of(doc)
    founded = [f.organization for f in facts.affiliations if f.relation == "founderOf"
               and f.sentence[0] < ctx.s0]
    named = next((o for o in facts.orgs if o.name == founded[-1]), None) if founded else \
        _last_org_before(doc, ctx.s0, ("company",))
    if named is None:
        return
    since = min((f.start for f in facts.affiliations if f.relation == "founderOf"
                 and f.organization == named.name and f.start is not None), default=None)
    # the speaker among them: "me", "myself" (an interview's subject)
    people = list(ctx.people)
    if ctx.subject and subject_pronoun_at(facts, ctx.s0) == "i":
        people += [(x.start() + m.end(), x.end() + m.end(), ctx.subject) for x in re.finditer(
            r"\b(?:me|myself|I)\b", text[m.end():ctx.s1])]
        people.sort()
    for n in _people_from(doc, ctx, m.end(), _FOUNDER_GLUE, people):
        facts.affiliations.append(AffiliationFact(n, "founderOf", named.name, (ctx.s0, ctx.s1),
                                                  since, None))


_THEN_AT = re.compile(r",\s+(?:then|now|currently|by\s+then|at\s+the\s+time|today)\s+(?:(?:a|an)\s+"
                      r"(?:[\w-]+\s+){0,4}?)?(?:at|with)\s+(?:the\s+)?$", re.I)


def _then_at(doc: Doc, ctx: _Sentence, add) -> None:
    """'her co-author Tom Vale, then at X, ran ...', 'Mira Castell, now a lecturer at X':
    the person named right before the aside works there."""
    text = doc_text(doc)
    for os_, _oe, org in ctx.orgs:
        m = _THEN_AT.search(text, max(ctx.s0, os_ - 70), os_)
        if not m:
            continue
        study = re.search(r"\bstudent\b", m.group(0), re.I) is not None
        for _s, e, name in ctx.people:
            if e == m.start():  # "then a doctoral student at X": study
                add(name, "alumniOf" if study else "worksFor", org, None, None)


#: A degree in brackets after a body: "(BSc, 1997)", "(Ph.D. in physics 2009)".
_PAREN_DEGREE = re.compile(r"\s*\(\s*" + DEGREE_ABBR + r"(?:[\s,][^()]{0,40})?\)")
#: A degree in brackets after a person, naming the body: "(Ph.D., Tulane University, 2022)".
_PERSON_DEGREE = re.compile(r"\s*\(\s*" + DEGREE_ABBR + r"(?:\s+in\s+[^,()]{2,40})?,?\s+")


def _degree_brackets(doc: Doc, ctx: _Sentence, add) -> None:
    """'her student Tom Vale (Ph.D., Tulane University, 2022)': that person's degree."""
    text = doc_text(doc)
    for _s, e, name in ctx.people:
        m = _PERSON_DEGREE.match(text, e)
        if not m:
            continue
        org = next((o for s2, _e2, o in ctx.orgs if s2 == e + m.end() - m.start()
                    or s2 == m.end()), None)
        if org is None:
            continue
        tail = re.match(r"[^()]{0,12}\)", text[org.end:ctx.s1])
        if tail is None:
            continue
        years = find_dates(tail.group(0))
        add(name, "alumniOf", org, None, years[-1][2] if years else None)


def _parent_body(doc: Doc, ctx: _Sentence, org: OrgFact) -> OrgFact | None:
    """The body a unit belongs to, named right after it: "the Department of Physics at Rice
    University", "the School of Historical Studies at the Institute for Advanced Study"."""
    if not SUB_UNIT.match(org.name):
        return None
    for s2, _e2, o2 in ctx.orgs:
        if s2 >= org.end:
            if re.fullmatch(r"\s+(?:at|of)\s+(?:the\s+)?|,\s+(?:the\s+)?",
                            doc_text(doc)[org.end:s2]) \
                    and not _UNIT_FIRST.match(o2.name) and o2.name != org.name:
                return o2
            return None
    return None


def _possessed(doc: Doc, ctx: _Sentence, org: OrgFact) -> list[OrgFact]:
    """The organisation right after ``org``'s: "the University of Pennsylvania's Annenberg
    School of Communications" is a school within the university."""
    return [o2 for s2, _e2, o2 in ctx.orgs
            if s2 > org.end and re.fullmatch(r"['’]s\s+", doc_text(doc)[org.end : s2])]


def _paren_dates(text: str) -> tuple[PartialDate | None, PartialDate | None]:
    """(start, end) from a bracket of dates only: "(2009-2014)", "(2013 and 2015)"."""
    m = re.match(r"\s*\(([^)]{4,30})\)", text)
    if not m or not _DATES_ONLY.fullmatch(m.group(1)):
        return None, None
    short = re.fullmatch(r"\s*((?:1[5-9]|20)\d\d)\s*[-–—]\s*(\d\d)\s*", m.group(1))
    if short and int(short.group(2)) > int(short.group(1)[2:]):
        # "(2010–12)": a range whose end gives the last two digits
        return PartialDate(short.group(1)), PartialDate(short.group(1)[:2] + short.group(2))
    found = find_dates(m.group(1))
    if not found:
        return None, None
    if len(found) >= 2:
        return found[0][2], found[1][2]
    return found[0][2], None


def _parse_path(doc: Doc, ctx: _Sentence, org: OrgFact, lead: PartialDate | None,
                add) -> bool:
    """Read the relation from the parse: 'educated at X, Y and Z', 'a professor at X',
    'X technology columnist Y', 'worked for X from 1975 to 1990'. True if one was found."""
    span = doc.char_span(org.start, org.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    found = _governor(span.root)
    if found is None:
        return False
    gov, link = found
    if gov.i >= span.start and gov.i < span.end:
        return False
    cls = _classify(gov, link)
    if cls is None and link == "at" and gov.dep_ == "dobj" and gov.head.lemma_.lower() in (
            "chair", "head", "lead", "direct", "run", "manage"):
        cls = ("worksFor", "none")  # "to chair the physics department at Yale"
    post = gov.head.head if gov.dep_ == "pobj" and gov.head.lower_ == "of" else None
    if cls is None and link in ("at", "in", "with", "for") and post is not None and (
            _is_job_noun(post) or _is_study_noun(post)):
        # "professor of theoretical ecology at X", "a student of medieval history at X": the
        # parse hangs the place on the field
        gov = post
        cls = _classify(gov, link)
    if cls is None:
        return False
    rel, when = cls
    if rel == "alumniOf" and org.kind not in ("university", "school", None):
        return False
    if rel in ("worksFor", "alumniOf") and when == "none" and gov.dep_ == "dobj" and \
            gov.head.lemma_.lower() in ("accept", "take", "assume", "begin", "start", "land",
                                        "secure", "obtain", "win", "enter", "join", "enrol",
                                        "enroll"):
        # "in 1951 he accepted an assistant professorship at X", "in 1998 she entered the
        # doctoral program of X"
        when = "start"
    if rel == "worksFor" and when == "none" and (gov.dep_ in ("attr", "oprd") or gov.dep_ == "xcomp"
                                                 and gov.pos_ == "VERB") and \
            gov.head.lemma_.lower() in _ENTRY_VERBS:
        when = "start"  # "in 2015 she became curator at X", "was named keeper of X in 1997"
    text = doc_text(doc)
    p_from, p_to = _paren_dates(text[org.end : ctx.s1])
    lo = min(gov.idx, org.start)
    # the clause's dates belong to the relation when the governing word is its verb or its
    # predicate ("she was a postdoc at X from 2009"), not an aside ("while a student at X")
    d_from, d_to, d_in = _merge_dates(_dates_after(doc, lo, _clause_end(doc, org.end, ctx.s1)),
                                      _clause_dates(doc, _verb_of(gov)) if _is_predicate(gov)
                                      else (None, None, None))
    start = end = None
    if p_from or p_to:
        start, end = p_from, p_to
    elif d_from or d_to:
        start, end = d_from or (d_in if when == "start" and d_in and d_to and d_in < d_to
                                else None), d_to
    elif when == "start":
        start = d_in or lead
    elif when == "end":
        end = d_in or lead
    if rel in ("worksFor", "alumniOf"):
        start, end = _with_duration(doc, ctx, org, start, end)
    agents = [a for a in _agents_of(ctx, gov) if not a[1]]
    for name, _ in agents:
        add(name, rel, org, start, end)
        if rel in ("alumniOf", "worksFor"):
            for o2 in _possessed(doc, ctx, org):
                add(name, rel, o2, start, end)
        if p_from or p_to:
            _add_dated_list(doc, ctx, org, name, rel, add)
    return bool(agents)


_REFUSED = re.compile(r"\b(?:turned\s+down|turning\s+down|declined|declining|refused|"
                      r"rejected|passed\s+up|would\s+have)\s+(?:[\w-]+\s+){0,3}$", re.I)
_POST_WORD = (r"(?:career|job|position|post|role|stint|tenure|years?|time|spell|ph\.?\s?d\b\.?|"
              r"doctorate|degree|studies|master['’]?s|bachelor['’]?s)")
_POST_OWNER = re.compile(r"\b((?i:her|his|their|my)|[A-Z][\w'’-]+['’]s?)\s+(?:[\w-]+\s+){0,2}$")


_STAY_VERBS = {"be", "stay", "remain", "work", "serve", "teach", "spend", "study", "live"}


def _stayed_there(doc: Doc, ctx: _Sentence, org: OrgFact, add) -> bool:
    """'I was there from the summer of 2014 until early 2017', 'she stayed there until
    1990': the dates of the post the person last took at the body "there" means."""
    if doc_text(doc)[org.start:org.end].lower() != "there":
        return False
    tok = _token_at(doc, org.start)
    verb = tok.head if tok is not None else None
    if verb is None or verb.lemma_.lower() not in _STAY_VERBS:
        return False
    d_from, d_to, d_in = _merge_dates(_dates_after(doc, org.end, ctx.s1), _clause_dates(doc, verb))
    if not (d_from or d_to):
        return False
    facts = facts_of(doc)
    for name, is_org in ctx.agents(verb.idx):
        if is_org:
            continue
        past = [f.relation for f in facts.affiliations if f.person == name
                and f.organization == org.name and f.relation in ("worksFor", "alumniOf")]
        rel = past[-1] if past else ("alumniOf" if verb.lemma_.lower() == "study" else "worksFor")
        add(name, rel, org, d_from or d_in, d_to)
    return True


_HIRING_VERBS = {"hire", "recruit", "appoint", "employ", "offer", "name", "poach", "engage",
                 "elect"}


def _employer_subject(doc: Doc, ctx: _Sentence, org: OrgFact, lead: PartialDate | None,
                      add) -> bool:
    """A body that hires: 'In 1990 Lund University offered her a lectureship', 'Brandeis
    hired her as an assistant professor', 'Pfizer recruited Tom Vale in 2003'. The person
    works there from the clause's date. True if one was found."""
    span = doc.char_span(org.start, org.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.dep_ in ("appos", "compound") and root.head.dep_ == "nsubj":
        root = root.head  # "The payments company Paylane hired her"
    verb = root.head
    if root.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in _HIRING_VERBS:
        return False
    objs = [c for c in verb.children if c.dep_ in ("dobj", "dative", "obj")]
    # "appointed her professor of law": the parse makes "her" the post's possessor
    objs += [p for c in objs if _is_job_noun(c) for p in c.children
             if p.dep_ == "poss" and p.pos_ == "PRON"]
    posts = [t for c in verb.children if c.dep_ in ("dobj", "oprd", "attr")
             or c.dep_ == "prep" and c.lower_ == "as" for t in c.subtree if _is_job_noun(t)]
    if verb.lemma_.lower() in ("offer", "name", "elect") and not posts:
        return False  # an offer of a post ("offered her a chair"), not of a prize or a place
    rel = "memberOf" if posts and posts[0].lemma_.lower() in ("fellow", "member", "trustee") \
        else "worksFor"
    people = [w for c in objs if c.lower_ not in ("it", "them", "us") for w in [ctx.who_at(c.idx)]
              if w is not None and not w[1]]
    if not people:
        return False
    d_from, d_to, d_in = _clause_dates(doc, verb)
    start = d_from or d_in or lead or _date_before(doc, verb.idx, True)
    for name, _ in people:
        add(name, rel, org, start, d_to)
    return True


_TIMELINE = re.compile(r"\s*(?P<dates>[^:]{4,40}?)\s*[:–—-]\s+(?P<rest>\S.*)", re.S)


def _timeline_item(doc: Doc, ctx: _Sentence, add) -> bool:
    """A career list item about the subject: '2004–2008: Assistant professor, <Org>'."""
    m = _TIMELINE.match(ctx.sent.text)
    if not m or ctx.subject is None:
        return False
    dates = find_dates(m.group("dates"))
    if not dates or re.search(r"[a-z]{4,}", re.sub(r"(?i)present|now|today|since|until|from|to|"
                                                   r"[a-z]+uary|march|april|may|june|july|august|"
                                                   r"september|october|november|december",
                                                   "", m.group("dates"))):
        return False
    start = dates[0][2]
    end = dates[1][2] if len(dates) > 1 else None
    rest = m.group("rest")
    if re.search(r"\b(?:prize|award|medal|grant|fellowship|scholarship|honou?r|distinction|"
                 r"lecture|keynote)s?\b", rest, re.I) and not re.match(
                     r"(?:research\s+)?fellow\b|(?:co-?)?founder", rest, re.I):
        return True  # "2014: X Department Dissertation Prize": an honour, no post
    # the service a body's committee or board stands for: the body ("Member, Executive
    # Committee, Association for Computational Linguistics")
    units = [o for _, _, o in ctx.orgs if UNIT_END.search(o.name)]
    if re.match(r"(?:co-?)?founder|founded|co-?founded", rest, re.I):
        rel = "founderOf"
    elif re.match(r"member|fellow|trustee|board", rest, re.I):
        rel = "memberOf"
    elif re.search(r"\b(?:student|degree|ph\.?d|doctorate|b\.?a|b\.?sc|m\.?sc|m\.?a|mba|bachelor|"
                   r"master|diploma|studies|studied)\b", rest, re.I):
        rel = "alumniOf"
    else:
        rel = relation_of(rest, "worksFor")  # "Scientific Advisor, X": an advisory role
    done = False
    for _, _, org in ctx.orgs:
        if rel == "alumniOf" and org.kind not in ("university", "school", None):
            continue
        if org in units and (len(units) < len(ctx.orgs) or re.match(
                r",\s+(?:the\s+)?[A-Z]", doc_text(doc)[org.end:org.end + 8])):
            rel = "memberOf" if rel == "worksFor" else rel
            done = True  # the body after it is read by the career lists (kg_careers)
            continue
        add(ctx.subject, rel, org, start, end)
        done = True
        if rel != "memberOf":
            break
    return done


_PAREN = r"(?:\s*\([^()]{1,30}\))?"
_LIST_GLUE = re.compile(
    r"(?:\s+in\s+[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){0,3})?" + _PAREN
    + r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:at\s+)?(?:the\s+)?"
    # an item the recogniser missed, in the same shape: "Harvard (2011), Tulane (2011), NYU"
    + r"(?:[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2}\s*\([^()]{1,30}\)\s*,\s*(?:and\s+)?)*")


def _listed_after(doc: Doc, ctx: _Sentence, org: OrgFact) -> list[OrgFact]:
    """The organisations listed after ``org`` in the same sentence, places between them
    allowed ("A in Lakefield, Ontario, B in Montreal, Quebec, and at C")."""
    out: list[OrgFact] = []
    prev_end = org.end
    for s2, _, o2 in ctx.orgs:
        if s2 < prev_end or o2.name == org.name:
            continue
        if not _LIST_GLUE.fullmatch(doc_text(doc)[prev_end:s2]):
            break
        out.append(o2)
        prev_end = o2.end
    return out


_WITH_JOINING = re.compile(r",?\s+(?:and\s+)?(?:with|alongside|plus)\s+(?:participation\s+from\s+|"
                           r"support\s+from\s+)?(?:the\s+)?")


def _joining(doc: Doc, ctx: _Sentence, org: OrgFact) -> list[OrgFact]:
    """The co-investors after a round's lead: "led by A, with B and C joining"."""
    for s2, _, o2 in ctx.orgs:
        if s2 >= org.end and _WITH_JOINING.fullmatch(doc_text(doc)[org.end:s2]):
            return [o2, *_listed_after(doc, ctx, o2)]
    return []


_OUR_ROLE = (r"our\s+(?:first\s+|new\s+|former\s+|current\s+|founding\s+)?(?P<role>c[a-z]o|"
             + JOB_TITLES + r"|(?:[\w-]+\s+){0,2}?(?:board|advis[eo]ry\s+board|advis[eo]rs?))\b")
_OUR_AFTER = re.compile(
    r"(?:,\s+[^,;.]{2,60},)?(?:(?:,\s+(?:who\s+(?:is|was|became)\s+|now\s+|then\s+)?|\s+(?:is|was|"
    r"became|has\s+been|had\s+become|joined\s+as|came\s+on\s+as)\s+(?:now\s+)?)" + _OUR_ROLE
    # "A joined our board", "A from Orca Capital joined our board", "A came to us from X"
    + r"|(?:\s+(?:from|of|at)\s+[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3})?"
    r"(?:,\s+who)?\s+(?:later\s+|then\s+|also\s+)?(?P<joined>joined|joins|came\s+onto|came\s+on\s+to|"
    r"came\s+to|sits\s+on|sat\s+on)\s+(?:us\b|our\s+(?P<body>(?:[\w-]+\s+){0,2}?(?:board|team|company|lab|"
    r"staff)\b)))", re.I)
_OUR_BEFORE = re.compile(_OUR_ROLE + r"(?:,\s+|\s+(?:is|was|became|has\s+been)\s+|\s+)$", re.I)
_WE_HIRED = re.compile(r"\bwe\s+(?:then\s+|later\s+|also\s+)?(?:hired|recruited|brought\s+in|"
                       r"brought\s+on|poached)\s+$", re.I)
_GAVE_US = re.compile(r"(?:,\s+(?:who|which))?\s+(?:also\s+|then\s+|later\s+)?"
                      r"(?:(?:gave|awarded|granted)\s+us\b|"
                      r"(?:put|invested)\s+(?:in\s+)?(?:our|us|\$|another|the\s+first)|"
                      r"(?:backed|funded|financed|bankrolled)\s+us\b|came\s+in\b|"
                      r"(?:co-)?led\s+(?:it|them)\b)", re.I)


def _our_company(doc: Doc, ctx: _Sentence) -> None:
    """An interview's first-person "our": the company the speaker founded.

    "A, our chief medical officer", "Our chair is A", "A joined our board", "we hired A",
    "X gave us a $4 million award", "X put in our first $250,000", "X came in alongside".
    Holders of a board seat, a chair or an advisory role are its members; the rest work
    there; the bodies that give money fund it.
    """
    facts = facts_of(doc)
    if not ctx.subject or subject_pronoun_at(facts, ctx.s0) != "i":
        return
    company = [f.organization for f in facts.affiliations if f.relation == "founderOf"
               and f.person == ctx.subject and f.sentence[0] < ctx.s0]
    if not company:
        return
    text, span = doc_text(doc), (ctx.s0, ctx.s1)
    dates = [d for _, _, d, relative in dates_between(doc, ctx.s0, ctx.s1) if not relative]
    for s, e, name in ctx.people:
        if name == ctx.subject:
            continue
        after = _OUR_AFTER.match(text, e, ctx.s1)
        before = _OUR_BEFORE.search(text, max(ctx.s0, s - 60), s)
        m = after or before
        hired = _WE_HIRED.search(text, max(ctx.s0, s - 40), s)
        if m is None and hired is None:
            continue
        role = (m.group("role") or m.groupdict().get("body") or "") if m else ""
        rel = "memberOf" if re.search(r"board|chair|advis", role, re.I) else "worksFor"
        joined = hired is not None or (m is not None and m.groupdict().get("joined") is not None)
        start = dates[0] if joined and len(dates) == 1 else None
        facts.affiliations.append(AffiliationFact(name, rel, company[-1], span, start, None))
    for _s, e, org in ctx.orgs:
        if org.name == company[-1] or org.kind in ("university", "school", "media"):
            continue
        gave = _GAVE_US.match(text, e, ctx.s1)
        if gave and re.search(r"led\s+(?:it|them)\b", gave.group(0)) and not re.search(
                r"\b(?:round|seed|series|raise|financing|funding)\b",
                text[max(0, ctx.s0 - 300):ctx.s0], re.I):
            gave = None  # "A led it": a round named just before
        if gave:
            start = dates[0] if len(dates) == 1 else None
            facts.affiliations.append(AffiliationFact(company[-1], "fundedBy", org.name, span,
                                                      start, None, True))


_LED_ROUND = re.compile(r"(?:\s+(?:also|then|later|had|has|have))?\s+(?:co-)?led\s+"
                        r"(?P<what>[^.;]{0,60}?\b(?:round|series\s+[a-e]|financing|raise))\b",
                        re.I)
_TOOK_PART = re.compile(r"\b(?:also\s+)?(?:took\s+part|participated|joined|joining|invested|"
                        r"investing|taking\s+part|participating)\b")


_ROUND_CLOSED = re.compile(r"\s*(?:It|The\s+(?:[\w-]+\s+)?(?:round|deal|financing|investment|"
                           r"raise))\s+(?:closed|was\s+(?:closed|announced|completed))\b", re.I)


def _round_closed(doc: Doc, ctx: _Sentence) -> None:
    """'Our seed round was led by A, with B joining. It closed in January 2022.': the round
    told of in the sentence before is dated by this one."""
    m = _ROUND_CLOSED.match(ctx.sent.text)
    if not m:
        return
    found = dates_between(doc, ctx.s0 + m.end(), _clause_end(doc, ctx.s0 + m.end(), ctx.s1))
    if not found:
        return
    facts = facts_of(doc)
    before = [f for f in facts.affiliations if f.relation == "fundedBy" and f.start is None
              and f.sentence[1] <= ctx.s0 and ctx.s0 - f.sentence[1] <= 2]
    for f in before:
        facts.affiliations.append(AffiliationFact(f.person, f.relation, f.organization,
                                                  (ctx.s0, ctx.s1), found[0][2], None,
                                                  f.person_is_org, f.soft))


_RAISED_AFTER = re.compile(r"[^.;]{0,40}?\b(?:raised|closed|secured|announced|completed)\b"
                           r"[^.;]{0,60}?\b(?:round|funding|financing|series\s+[a-e])\b", re.I)


_AWARDED = re.compile(
    r"\s+(?:(?i:also|later|then)\s+)?(?i:awarded|gave|granted)\s+(?P<obj>(?i:it|the\s+"
    r"(?:company|firm|startup|start-up|lab|laboratory|institute|project))|"
    r"[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){0,4})\s+(?i:a|an|its|their)\s+[^.;]{0,50}?"
    r"\b(?i:grant|investment|loan|endowment|donation|gift)s?\b")


def _awarded_grant(doc: Doc, ctx: _Sentence, lead: PartialDate | None, add) -> None:
    """'In 2017 the Hale Foundation awarded it a $3 million grant', 'Orca Capital gave
    Quillon Medical a loan': the body that gives the money funds the one that gets it (a
    body named there, else the one last funded or founded before)."""
    text = doc_text(doc)
    facts = facts_of(doc)
    for os_, oe, org in ctx.orgs:
        m = _AWARDED.match(text, oe, ctx.s1)
        if not m or org.kind in ("university", "school", "media"):
            continue
        named = [o for s2, _e2, o in ctx.orgs if s2 == m.start("obj") and o.name != org.name]
        fundee: str | None = named[0].name if named else None
        if fundee is None and m.group("obj").lower() == "it":
            # the body the money went to before: the one last funded, else last founded
            earlier = [f for f in facts.affiliations if f.sentence[0] <= ctx.s0 and (
                f.relation == "fundedBy" and f.person_is_org or f.relation == "founderOf")
                and org.name not in (f.person, f.organization)]
            if earlier:
                f = earlier[-1]
                fundee = f.person if f.relation == "fundedBy" else f.organization
        if fundee is None:
            continue
        _, _, d_in = _dates_after(doc, oe, _clause_end(doc, m.end(), ctx.s1))
        add(fundee, "fundedBy", org, d_in or _date_before(doc, os_, True) or lead, None, True)


def _led_round(doc: Doc, ctx: _Sentence, lead: PartialDate | None, add) -> None:
    """'Kestrel Capital led the company's seed round that year', 'two years later A led a
    $18 million Series A in which B also took part': the investors fund the company named
    in the round (its owner), else the one founded last before this sentence."""
    text = doc_text(doc)
    facts = facts_of(doc)
    for os_, oe, org in ctx.orgs:
        m = _LED_ROUND.match(text, oe)
        if not m or org.kind not in ("investor", None) or org.name == facts.title_org:
            continue
        # "... the company's seed round", "... the seed round of Paylane"
        of = re.match(r"\s+(?:of|for|in)\s+", text[m.end():m.end() + 6])
        inside = [o for s2, _e2, o in ctx.orgs if (oe < s2 < m.end() or (
            of is not None and s2 == m.end() + of.end())) and o.name != org.name]
        fundee = inside[0].name if inside else None
        raised_on = None
        if fundee is None:
            # "X said it had closed a $52 million seed round. A led the round": X
            raisers = [o for o in facts.orgs if ctx.s0 - 400 <= o.start < os_
                       and o.name != org.name and _RAISED_AFTER.match(text, o.end)]
            fundee = raisers[-1].name if raisers else None
            if raisers:
                rm = _RAISED_AFTER.match(text, raisers[-1].end)
                assert rm is not None
                said = dates_between(doc, raisers[-1].end, min(rm.end() + 30, ctx.s0 + 1))
                raised_on = said[0][2] if said else None
        if fundee is None:
            founded = [f.organization for f in facts.affiliations
                       if f.relation == "founderOf" and f.sentence[0] <= ctx.s0
                       and f.organization != org.name]
            fundee = founded[-1] if founded else None
        if fundee is None:
            continue
        _, _, d_in = _dates_after(doc, oe, _clause_end(doc, m.end(), ctx.s1))
        when = d_in or lead or _date_before(doc, os_, True) or raised_on
        investors = [org]
        # "... in which B also took part", "with B and C, the venture arm of D, also taking part"
        stop = text.find(";", m.end(), ctx.s1)
        stop = ctx.s1 if stop < 0 else stop
        stop = min([s2 for s2, e2, _o in ctx.orgs if s2 >= m.end() and _LED_ROUND.match(text, e2)]
                   + [stop])  # the next round's lead starts another round
        part = _TOOK_PART.search(text, m.end(), stop)
        if part:
            investors += [o2 for s2, _e2, o2 in ctx.orgs if m.end() <= s2 < part.start()
                          and not re.search(r"\bof\s+(?:the\s+)?$", text[max(0, s2 - 8):s2])]
        for inv in investors:
            add(fundee, "fundedBy", inv, when, None, True)


def _add_dated_list(doc: Doc, ctx: _Sentence, org: OrgFact, name: str, rel: str, add,
                    soft: bool = False) -> None:
    """'visiting professor at A (2007), B (2009-2014) and C (2015)': the organisations
    listed after ``org``, each with the dates in its own bracket."""
    for o2 in _listed_after(doc, ctx, org):
        if rel == "alumniOf" and o2.kind not in ("university", "school", None):
            continue
        add(name, rel, o2, *_paren_dates(doc_text(doc)[o2.end : ctx.s1]), soft=soft)


def _title_relation(title: str) -> str:
    """founderOf for a founder's title ("co-founder"), alumniOf for a student, else worksFor
    ("chief executive", "chemist")."""
    if re.match(FOUNDER_TITLES, title, re.I):
        return "founderOf"
    return "alumniOf" if title.lower().endswith("student") else "worksFor"


_ORG_TITLE = (r"['’]?s?\s+(?:former\s+|then[- ]|current\s+|longtime\s+)?(?:[a-z-]+\s+){0,2}?("
              + FOUNDER_TITLES + "|" + JOB_TITLES + "|" + _FIELD_OCCUPATION + r"|postdoc"
              + r"|(?:(?:doctoral|graduate|phd|ph\.d\.)\s+)?student|colleagues?),?\s+")
_AND_TITLE = r"\s+and\s+(?:[a-z-]+\s+){0,2}?(" + FOUNDER_TITLES + "|" + JOB_TITLES + r")\s+"


def _titled_pair(doc: Doc, ctx: _Sentence, org: OrgFact, add) -> bool:
    """'<Org> chairperson A and chief executive B': A and B with their titles' relations."""
    text = doc_text(doc)
    m = re.match(_ORG_TITLE, text[org.end : ctx.s1], re.I)
    if not m:
        return False
    pstart = org.end + m.end()
    for s, e, name in ctx.people:
        if s == pstart:
            add(name, _title_relation(m.group(1)), org, None, None)
            if m.group(1).lower() == "colleagues":
                # "her Rice colleagues A and B": each
                for s2, _e2, name2 in ctx.people:
                    if s2 > e and re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)",
                                               text[e:s2]):
                        add(name2, "worksFor", org, None, None)
                        e = _e2
            more = re.match(_AND_TITLE, text[e : ctx.s1])
            if more:
                for s2, _, name2 in ctx.people:
                    if s2 == e + more.end():
                        add(name2, _title_relation(more.group(1)), org, None, None)
            return True
    return False


def _title_patterns(doc: Doc, ctx: _Sentence, org: OrgFact, add) -> None:
    """'<Org> chief executive <Person>', '<Person>, a former <Org> co-founder',
    '<Person>, CEO of <Org>'."""
    after = doc_text(doc)[org.end : ctx.s1]
    if _titled_pair(doc, ctx, org, add):
        return
    m = _TITLE_AFTER.match(after)
    left = doc_text(doc)[ctx.s0 : org.start]
    lm = re.search(r",\s+(?:a|an|the)?\s*(?:former\s+|then[- ]|current\s+)?$", left)
    if m and lm:
        for _s, e, name in ctx.people:
            if re.fullmatch(r"\s*",
                            doc_text(doc)[e : org.start - len(lm.group(0)) + (lm.end() - lm.end())]
                            ) or doc_text(doc)[e : ctx.s0 + lm.start()].strip() == "":
                add(name, _title_relation(m.group(1)), org, None, None)
                return
    # "<Person> at <Org>", "A and B of the <Org>"
    for i, (ps, e, name) in enumerate(ctx.people):
        if re.fullmatch(r"\s+(?:at|of)\s+(?:the\s+)?", doc_text(doc)[e : org.start]):
            add(name, "worksFor", org, None, None, soft=True)
            # a pair only ("A and B of X"); in a longer list "of X" is the last one's
            text = doc_text(doc)
            pair = i > 0 and re.fullmatch(r"\s+and\s+", text[ctx.people[i - 1][1] : ps])
            longer = i > 1 and re.fullmatch(r"\s*(?:,|and)\s*",
                                            text[ctx.people[i - 2][1] : ctx.people[i - 1][0]])
            if pair and not longer:
                add(ctx.people[i - 1][2], "worksFor", org, None, None, soft=True)
            return
    # "<Person> remaining as a long-tenured employee", in a sentence about <Org>
    for s, e, name in ctx.people:
        rm = re.match(r"\s+(?:remaining|remained|serving|served|staying|stayed|working)\s+as\s+"
                      r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}" + JOB_TITLES + r"\b",
                      doc_text(doc)[e : ctx.s1], re.I)
        if rm and org.start < s and org.actor is not None:
            add(name, "worksFor", org, None, None)


_FOUNDED_BY = re.compile(
    r"\b(?:co-?founded|founded|established|formed|started|created|set\s+up|launched|organi[sz]ed)"
    r"\b(?P<mid>(?:(?!\bby\b)[^.;]){0,60}?)\bby\s+(?:the\s+)?(?:(?!of\b)[\w-]+\s+){0,3}?$", re.I)
_PEOPLE_GLUE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?!of\b)[a-z][\w-]*\s+){0,2}")
#: Between two founders listed: a comma or "and", or an aside ("A, who is our CTO, and B").
_FOUNDER_GLUE = re.compile(r"(?:\s*,\s*(?:who|whom)\b[^,;:()]{1,60})?" + _PEOPLE_GLUE.pattern)
_LIST_OR_NOTHING = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)?")


def _people_from(doc: Doc, ctx: _Sentence, pos: int, glue: re.Pattern[str],
                 people: list[tuple[int, int, str]] | None = None) -> list[str]:
    """The people listed from ``pos`` on: the first right there, each next one after
    ``glue`` ("A, B and C", "guitarist A and bassist B"); of ``people`` (sorted) where given,
    else of the sentence's."""
    text = doc_text(doc)
    names: list[str] = []
    end = pos
    for s, e, name in ctx.people if people is None else people:
        if s < pos:
            continue
        if not (glue.fullmatch(text[end:s]) or (not names and s == pos)):
            break
        names.append(name)
        end = e
    return names


_GAPPED_TITLE = re.compile(
    r"^\s+(?:its\s+|their\s+|the\s+(?:company|firm|startup|start-up|lab|institute)['’]s\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?P<title>" + FOUNDER_TITLES + "|" + JOB_TITLES + r")\b"
    r"(?=\s*(?:,|;|\.|\band\b|$))", re.I)


def _gapped_titles(doc: Doc, ctx: _Sentence, added: list[tuple[str, str, OrgFact]],
                   add) -> None:
    """'A became the company's chief executive, B its chief technology officer and C chief
    scientist': the names after the first, each with a title and no verb of its own, hold
    their titles at the same organisation."""
    held = [(p, o) for p, rel, o in added if rel in ("worksFor", "founderOf")]
    if not held:
        return
    done = {p for p, _ in held}
    text = doc_text(doc)
    for _s, e, name in ctx.people:
        if name in done:
            continue
        m = _GAPPED_TITLE.match(text[e:ctx.s1])
        if m:
            org = held[-1][1]
            add(name, _title_relation(m.group("title")), org, None, None)
            done.add(name)


_AS_TITLE = re.compile(
    r"\s+as\s+(?:its\s+|their\s+|the\s+(?:company|firm|startup|start-up)['’]s\s+|the\s+)?"
    r"(?:first\s+|founding\s+)?(?:[\w-]+\s+){0,2}?(?P<title>" + FOUNDER_TITLES + "|" + JOB_TITLES
    + r")\b", re.I)


def _with_as_titles(doc: Doc, ctx: _Sentence, added: list[tuple[str, str, OrgFact]],
                    add) -> None:
    """'... left to found X, with A as chief executive and B as chief technology officer':
    each holds the post at the body just founded, from the founding."""
    founded = [o for _p, rel, o in added if rel == "founderOf"]
    if not founded:
        return
    org = founded[-1]
    start = next((f.start for f in reversed(facts_of(doc).affiliations)
                  if f.relation == "founderOf" and f.organization == org.name
                  and ctx.s0 <= f.sentence[0] < ctx.s1), None)
    text = doc_text(doc)
    prev_end: int | None = None
    for s, e, name in ctx.people:
        if s < org.end:
            continue
        lead = text[org.end if prev_end is None else prev_end:s]
        joined = re.fullmatch(r"[^.;]{0,20}?\bwith\s+", lead) if prev_end is None else \
            re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|;\s*)", lead)
        m = _AS_TITLE.match(text, e, ctx.s1)
        if not (joined and m):
            break
        add(name, _title_relation(m.group("title")), org, start, None)
        prev_end = m.end()


_EXEC_TITLE = (r"(?:chief\s+executive(?:\s+officer)?(?!\s+officer)|ceo|cto|cfo|coo|cso|"
               r"chief\s+[a-z]+\s+officer|chief\s+scientist|president|chair(?:man|woman|person)?|"
               r"managing\s+director)")
_BECAME_TITLE = re.compile(
    r"\s+(?:then\s+|later\s+|initially\s+)?(?:became|was\s+named|was\s+appointed|took\s+over\s+as|"
    r"served\s+as|took\s+the\s+role\s+of)\s+(?:as\s+)?(?:its\s+|their\s+|the\s+(?:company|firm|"
    r"startup|start-up)['’]s\s+|the\s+)?(?:first\s+|new\s+|founding\s+)?" + _EXEC_TITLE
    + r"\b(?!\s+(?:of|at|for|in|to)\b)", re.I)


def _titles_after_company(doc: Doc, ctx: _Sentence) -> None:
    """'A became chief executive, B chief technology officer and C chief scientist' right
    after a sentence that names a company: the posts are at that company, from its founding
    when that sentence dates it."""
    text = doc_text(doc)
    facts = facts_of(doc)
    before = [o for o in facts.orgs if ctx.s0 - 2 <= o.sentence[1] <= ctx.s0 + 2
              and o.kind in ("company", None)]  # only a company of the sentence just before
    founded = [f for f in facts.affiliations if f.relation == "founderOf"
               and any(f.organization == o.name and f.sentence == o.sentence for o in before)]
    # the one the sentence founded, else its last company
    names = [f.organization for f in founded] or [o.name for o in before if o.kind == "company"]
    if not names:
        return
    company = next(o for o in reversed(before) if o.name == names[-1])
    founded = [f for f in founded if f.organization == company.name]
    start = next((f.start for f in founded if f.start), None)
    first = None
    for _s, e, name in ctx.people:
        m = _BECAME_TITLE.match(text, e, ctx.s1) if first is None else _GAPPED_TITLE.match(
            text[e:ctx.s1])
        if m is None:
            continue
        first = first or name
        facts.affiliations.append(AffiliationFact(name, "worksFor", company.name,
                                                  (ctx.s0, ctx.s1), start, None))


_CLAUSE_FOUNDED = re.compile(
    r"^,\s+(?:(?:a|an|the)\s+(?:[\w'’.-]+\s+){0,6}?(?:that|which|whom)?\s*|(?:which|that)\s+)"
    r"(?P<who>(?-i:I)|we|he|she|they|(?-i:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*))\s+(?:had\s+|"
    r"has\s+|"
    r"have\s+|later\s+|then\s+)?(?:co-?founded|cofounded|founded|started|set\s+up|"
    r"established|launched|created)\b(?P<rest>[^.;]{0,160})", re.I)


def _founded_in_clause(doc: Doc, ctx: _Sentence, add) -> None:
    """'X, a company she co-founded in 2020', 'X, which he founded with A in 2016': the
    clause's subject (a name or a pronoun) and the people after its "with" founded X."""
    text = doc_text(doc)
    for _os, oe, org in ctx.orgs:
        m = _CLAUSE_FOUNDED.match(text[oe:ctx.s1])
        if not m:
            continue
        w = ctx.who_at(oe + m.start("who"))
        who = [w] if w and not w[1] else []
        if not who and m.group("who").lower() in ("i", "we") and ctx.subject:
            who = [(ctx.subject, False)]
        rest_at = oe + m.start("rest")
        dates = find_dates(m.group("rest"))
        start = dates[0][2] if dates else None
        with_at = re.search(r"\bwith\b", m.group("rest"))
        if with_at:
            who += [(n, False) for s, _, n in ctx.people
                    if rest_at + with_at.end() <= s < oe + m.end()]
        for name, _ in who:
            add(name, "founderOf", org, start, None)


def _founded_by(doc: Doc, ctx: _Sentence, add) -> None:
    """'<Org> was founded in 1985 by A', '<Org>, started by A and B': the founders. The
    organisation is the last one named before the verb, else, for 'It was founded by',
    the one the page is about."""
    text = doc_text(doc)
    for s, _e, _name in ctx.people:
        window = max(ctx.s0, s - 120)
        m = _FOUNDED_BY.search(text[window:s])
        if not m:
            continue
        verb_at = window + m.start()
        # the organisation is the verb's subject ("X was founded", "X, which was started")
        # or opens the sentence ("X is a record label based in Y, started by A")
        before = [(os_, o) for os_, oe, o in ctx.orgs if oe <= verb_at and (
            re.fullmatch(r"['’]?\s*,?(?:\s+(?:which|that|who|[a-z]+ly))?"
                         r"(?:\s+(?:is|was|were|are|had|has|have|been|being|later|originally|"
                         r"first|jointly))*\s+", text[oe:verb_at])
            # "Paylane, a payments start-up founded in 2019 by A"
            or re.fullmatch(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,5}", text[oe:verb_at])
            or re.fullmatch(r"\s*(?:The\s+)?", text[ctx.s0:os_]))]
        org = before[-1][1] if before else None
        if org is None:
            facts = facts_of(doc)
            opening = text[ctx.s0 : verb_at]
            if facts.title_org and re.match(r"\s*(?:It|The\s+[a-z]+)\b", opening):
                org = next((o for o in facts.orgs if o.name == facts.title_org), None)
        if org is None:
            continue
        # the founding date: "founded in 1985 by"
        dates = find_dates(m.group("mid"))
        start = dates[0][2] if dates else None
        for n in _people_from(doc, ctx, s, _PEOPLE_GLUE):
            add(n, "founderOf", org, start, None)
        return


def _student_lists(doc: Doc, ctx: _Sentence, add) -> None:
    """'At <University> he met fellow students A, B, and C'."""
    m = re.search(r"\b(?:fellow\s+)?(?:students|classmates|schoolmates)\b", ctx.sent.text, re.I)
    if not m:
        return
    unis = [o for _, _, o in ctx.orgs if o.kind in ("university", "school")
            and re.search(r"\bat\s+$", doc_text(doc)[max(ctx.s0, o.start - 5) : o.start], re.I)]
    if len(unis) != 1:
        return
    cue = ctx.s0 + m.end()
    for s, _, name in ctx.people:
        if s >= cue:
            add(name, "alumniOf", unis[0], None, None)


_DEGREE_CUE = re.compile(r"\b(?:doctorate|doctoral|Ph\.?\s?D\.?|degree|thesis|dissertation|"
                         r"habilitation|studied|graduated)\b", re.I)
_UNDER = re.compile(r"\bunder\s+(?:the\s+(?:joint\s+)?(?:supervision|direction|guidance)\s+"
                    r"of\s+)?(?:(?:Professor|Prof\.|Dr\.?)\s+)?")


def _supervisors(doc: Doc, ctx: _Sentence, add) -> None:
    """'earned his doctorate from <University> ... under (the supervision of) A and B':
    the supervisors work at that university."""
    text = ctx.sent.text
    if not _DEGREE_CUE.search(text):
        return
    unis = [(st, o) for st, _, o in ctx.orgs if o.kind in ("university", "school")]
    for m in _UNDER.finditer(text):
        at = ctx.s0 + m.end()
        stop = re.search(r"[;.]|,\s+(?:after|which|where|when|before|and\s+(?:his|her|then))\b"
                         r"|\s+(?:at|in|on)\s+\d", doc_text(doc)[at:ctx.s1])
        end = at + stop.start() if stop else ctx.s1
        names = [(s, n) for s, _, n in ctx.people if at <= s < end]
        if not names or names[0][0] != at:
            continue  # "under" must name the supervisor right away
        # the university right after the names ("under A at X"), else the last one before
        after = [o for st, o in unis if st >= names[-1][0] and re.fullmatch(
            r"[\w\s.'’-]*?\s+at\s+(?:the\s+)?", doc_text(doc)[names[-1][0]:st])]
        before = [o for st, o in unis if st < at - len(m.group())]
        uni = after[0] if after else before[-1] if before else None
        if uni is None:
            continue
        for _, name in names:
            add(name, "worksFor", uni, None, None, soft=True)


_LAB = r"(?:lab|laboratory|labs|group|team)"
_LAB_OF = re.compile(r"\b" + _LAB + r"\s+of\s+(?:(?:Dr|Prof|Professor)\.?\s+)?$")
_LAB_POSS = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,2}?" + _LAB + r"\b")
#: what stands between a body and the group named after it: "at X in the laboratory of A",
#: "at X, where she joined the computer vision group of A"
_BODY_THEN_LAB = re.compile(r"(?:\s+(?:in|within|into)\s+(?:the\s+)?|"
                            r",\s+where\s+(?:[\w-]+\s+){1,6}?(?:the\s+)?)(?:[\w-]+\s+){0,3}?$")


def _lab_heads(doc: Doc, ctx: _Sentence, add) -> None:
    """The person a lab or group is named after works at the body it is at: 'at X in the
    laboratory of A', 'joined the vision group of A at X', 'A's lab at X'."""
    text = doc_text(doc)
    for s, e, name in ctx.people:
        lo = max(ctx.s0, s - 40)
        of = _LAB_OF.search(text[lo:s])
        poss = None if of else _LAB_POSS.match(text[e : ctx.s1])
        if not of and not poss:
            continue
        lab_start = lo + of.start() if of else s
        lab_end = e + poss.end() if poss else e
        org = None
        for os_, oe, o in ctx.orgs:
            if os_ >= lab_end and re.fullmatch(r"\s+at\s+(?:the\s+)?", text[lab_end:os_]):
                org = o  # "the laboratory of A at X", "A's lab at X"
                break
            lead = text[oe:lab_start]
            if oe <= lab_start and _BODY_THEN_LAB.fullmatch(lead) and re.search(
                    r"\bat\s+(?:the\s+)?$", text[max(ctx.s0, os_ - 8) : os_]):
                org = o  # "at X in the laboratory of A"; the last such body wins
        if org is not None and org.kind in ("university", "school", "lab", None):
            add(name, "worksFor", org, None, None, soft=True)


_ROLE_NOUN = (r"(?:mentor|supervisor|boss|colleague|advis[eo]r|manager|head|director|chair|"
              r"professor|lecturer|teacher|chief|dean|" + JOB_TITLES + r")s?")
_WHERE_ROLE = re.compile(r"\b(?:his|her|their|my|the)\s+(?:[\w-]+\s+){0,2}?" + _ROLE_NOUN
                         + r",?\s+$", re.I)
_WHERE_VERB = re.compile(r"\s*(?:,[^,;]{1,60},\s*)?(?:ran|led|headed|directed|chaired|taught|"
                         r"lectured|worked|was\s+(?:then\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?"
                         + _ROLE_NOUN + r")\b", re.I)


def _where_people(doc: Doc, ctx: _Sentence, add) -> None:
    """People a 'where' clause after a body places there: 'moved to X, where her mentor,
    A, ran the protein group', 'at X, where B taught chemistry'."""
    text = doc_text(doc)
    for _os, oe, org in ctx.orgs:
        w = re.match(r"(?:\s*\([^()]{1,40}\))?,\s+where\s+", text[oe : ctx.s1])
        if not w or org.kind in ("media", "investor"):
            continue
        start = oe + w.end()
        stop = re.search(r"[;.]\s|\s+(?:and|but)\s+(?:she|he|they|I)\b", text[start : ctx.s1])
        end = start + stop.start() if stop else ctx.s1
        for s, e, name in ctx.people:
            if not start <= s < end or name == ctx.subject:
                continue
            if _WHERE_ROLE.search(text[start:s]) or _WHERE_VERB.match(text, e, end):
                add(name, "worksFor", org, None, None, soft=True)


_TEACHERS = re.compile(r"\b(?:his|her|their)\s+(?:[a-z]+\s+)?teachers\s+(?:there\s+)?"
                       r"(?:included|were|was)\s+", re.I)


def _teachers(doc: Doc, ctx: _Sentence, add) -> None:
    """'studied at <School> where his teachers included A and B': the teachers work there."""
    m = _TEACHERS.search(ctx.sent.text)
    if not m:
        return
    at = ctx.s0 + m.end()
    schools = [o for s, _, o in ctx.orgs if s < at and o.kind in ("university", "school")]
    if not schools:
        return
    for name in _people_from(doc, ctx, at, _LIST_OR_NOTHING):
        add(name, "worksFor", schools[-1], None, None, soft=True)


_LEFT_THEN = re.compile(r"\b(?:left|quit|resigned|departed|stepped\s+down|retired|retiring)\s+"
                        r"(?:(?:in|at\s+the\s+end\s+of|by)\s+(?=[A-Z0-9])|(?=(?:[\w-]+\s+){1,2}"
                        r"(?:years?|months?)\s+later\b)|(?=to\s+(?:found|start|launch|set\s+up|"
                        r"co-?found|join|become|take)\b))", re.I)


_THESIS_DONE = re.compile(
    r"\b(?P<pron>[Hh]er|[Hh]is|[Tt]heir)\s+(?:[\w-]+\s+){0,3}?(?:thesis|dissertation)\b[^.;]{0,160}?"
    r"\bwas\s+(?:successfully\s+)?(?:defended|accepted|approved|completed)\b|"
    r"\b(?P<verb>completed|received|earned|obtained|finished|defended|(?:was\s+)?awarded|"
    r"completing|receiving|earning|obtaining|finishing|defending)\s+"
    r"(?:her|his|their|a|an|the)\s+"
    r"(?:[\w.-]+\s+){0,2}?(?:ph\.?\s?d\b\.?|doctorate|m\.?sc\b\.?|master['’]?s(?:\s+degree)?|"
    r"bachelor['’]?s(?:\s+degree)?|b\.?sc\b\.?|thesis|dissertation)|"
    # "I defended in the spring of 2013": defending alone is a thesis's
    r"\b(?:defended|defending)(?=\s+(?:in|that|the\s+following|at\s+the\s+end)\b)", re.I)


def _degree_then(doc: Doc, ctx: _Sentence, *, same: bool = False) -> None:
    """'She completed her PhD in 2012', 'Her dissertation ... was defended in May 1999' with
    no university named: the person's open study begun before then ends; with ``same``, a
    study begun earlier in the sentence ('moved to X for graduate school, completing the
    PhD in 2015')."""
    m = _THESIS_DONE.search(ctx.sent.text)
    if not m or same and not (m.group("verb") or "").endswith("ing") or \
            same and not ctx.sent.text[:m.start()].rstrip().endswith(","):
        return
    cue = ctx.s0 + m.start()
    facts = facts_of(doc)
    if m.group("pron"):
        pron = subject_pronoun_re(topic_pronoun(doc, ctx.s0) or subject_pronoun_at(facts, ctx.s0))
        if not ctx.subject or not re.fullmatch(pron, m.group("pron"), re.I):
            return
        who = [(ctx.subject, False)]
    else:
        who = ctx.agents(cue)
    found = dates_between(doc, ctx.s0 + m.end(), _clause_end(doc, ctx.s0 + m.end(), ctx.s1))
    when = found[0][2] if found else _date_before(doc, cue, True)  # "in 1949 defended a thesis"
    if when is None:
        return
    for name, is_org in who:
        if not is_org:
            _close_open_post(doc, ctx, name, "alumniOf", when, same)


def _close_open_post(doc: Doc, ctx: _Sentence, name: str, rel: str, when: PartialDate,
                     same: bool = False, other_than: str | None = None) -> None:
    """End ``name``'s last ``rel`` post stated before this sentence (with ``same``, in it
    too) that is still open and began no later than ``when`` (a clause that ends it without
    naming the body)."""
    facts = facts_of(doc)
    posts = [f for f in facts.affiliations if f.person == name and f.relation == rel
             and (f.sentence[1] <= ctx.s0 or same and f.sentence[0] == ctx.s0)
             and f.end is None and f.organization != other_than
             and (f.start is None or f.start.year <= when.year)]
    if posts:
        facts.affiliations.append(AffiliationFact(name, rel, posts[-1].organization,
                                                  (ctx.s0, ctx.s1), None, when))


_JOINED_THEN = re.compile(r"\b(?:joined|arrived|started)\s+(?=(?:in|on)\s+"
                          r"(?:(?:early|late|mid-?)\s*)?(?:\d|[A-Z][a-z]+\s+\d))")


def _joined_then(doc: Doc, ctx: _Sentence) -> None:
    """'She spent six years at X. She joined in 2018 and left in December.': a bare 'joined'
    dates the person's last post named before, still undated at its start."""
    m = _JOINED_THEN.search(ctx.sent.text)
    if not m or ctx.orgs:
        return  # a body named in the sentence is the one joined
    cue = ctx.s0 + m.start()
    found = dates_between(doc, ctx.s0 + m.end(), _clause_end(doc, ctx.s0 + m.end(), ctx.s1))
    if not found:
        return
    facts = facts_of(doc)
    # the body named last, in the sentence before
    if ctx.sent.start == 0:
        return
    prev = doc[ctx.sent.start - 1].sent
    named = [o.name for o in facts.orgs if prev.start_char <= o.start < prev.end_char]
    if not named:
        return
    for name, is_org in ctx.agents(cue):
        posts = [f for f in facts.affiliations if f.person == name and not is_org
                 and f.relation == "worksFor" and f.organization == named[-1]
                 and f.sentence[1] <= ctx.s0 and f.start is None
                 and (f.end is None or f.end.year >= found[0][2].year)]
        if posts:
            last = posts[-1]
            facts.affiliations.append(AffiliationFact(name, "worksFor", last.organization,
                                                      (ctx.s0, ctx.s1), found[0][2], last.end))


def _left_then(doc: Doc, ctx: _Sentence, *, same: bool = False) -> None:
    """'I left in 2017.', 'She resigned in March 2009 to ...' with no body named: the
    person's last job begun before then ends; with ``same``, a job begun earlier in the
    sentence too ('joined X in 2010 and left at the end of 2015')."""
    m = _LEFT_THEN.search(ctx.sent.text)
    if not m:
        return
    cue = ctx.s0 + m.start()
    if any(oe <= cue for _s, oe, _o in ctx.orgs) != same:
        return  # a body named before "left" is what was left: the same-sentence reading
    _, d_to, d_in = _dates_after(doc, cue, _clause_end(doc, ctx.s0 + m.end(), ctx.s1))
    # "Four years later she left to found X": the date before the verb
    when = d_to or d_in or (_date_before(doc, cue, True) if not same else None)
    if when is None:
        return
    for name, is_org in ctx.agents(cue):
        if not is_org:
            _close_open_post(doc, ctx, name, "worksFor", when, same)


_FROM_FOUNDING = re.compile(r"[^.;]{0,60}?\b(?:from|since)\s+(?:its|the\s+(?:company|firm|"
                            r"lab|institute|foundation)['’]s)\s+(?:founding|creation|inception|"
                            r"establishment)\b", re.I)
_STEPPED_DOWN = re.compile(
    r"\b(?:stepped\s+down|resigned|retired)\s+as\s+(?:its\s+|the\s+(?:company|firm)['’]s\s+|"
    r"the\s+)?(?:[\w-]+\s+){0,2}?(?:" + JOB_TITLES + r")\b", re.I)


def _stepped_down(doc: Doc, ctx: _Sentence) -> None:
    """'Roe stepped down as chief executive in June 2020': the post at the body where she
    last held one ends then (no body named: the one the article put her at last)."""
    m = _STEPPED_DOWN.search(ctx.sent.text)
    if not m:
        return
    cue = ctx.s0 + m.start()
    if any(s > cue for s, _e, _o in ctx.orgs):
        return  # a body named after the post ("... chief executive officer of X"): the cues
    facts = facts_of(doc)
    end = _dates_after(doc, ctx.s0 + m.end(), _clause_end(doc, ctx.s0 + m.end(), ctx.s1))[2] \
        or _leading_date(doc, ctx.sent)
    for name, is_org in ctx.agents(cue):
        if is_org:
            continue
        held = [f.organization for f in facts.affiliations if (f.person == name
                or f.person.split()[-1] == name.split()[-1])
                and f.relation in ("worksFor", "founderOf") and f.sentence[0] < ctx.s0
                and not f.person_is_org]
        if not held:
            continue
        facts.affiliations.append(AffiliationFact(name, "worksFor", held[-1], (ctx.s0, ctx.s1),
                                                  None, end))


def _leave_the_company(doc: Doc, ctx: _Sentence, lead, add) -> None:
    """'... told <Org> colleagues he intended to leave the company' ends that job."""
    m = re.search(r"\b(?:leave|left|leaving|depart(?:ed|ing)?\s+from|quit)\s+the\s+"
                  r"(?:company|firm|lab|laboratory|organi[sz]ation|startup)\b", ctx.sent.text, re.I)
    if not m:
        return
    cue = ctx.s0 + m.start()
    before = [o for s, _, o in ctx.orgs if s < cue and not o.actor]
    if not before:
        return
    org = before[-1]
    for name, is_org in ctx.agents(cue):
        if not is_org:
            end = _dates_after(doc, cue, ctx.s1)[2] or lead
            add(name, "worksFor", org, None, end)
