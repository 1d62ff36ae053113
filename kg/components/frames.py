"""Authorship frames: who wrote a paper, and in which position, as a sentence says it.

These functions read one sentence's text with the person mentions found in it (character
spans), so they need no statistical model. The mechanism is general: an ordered *name list*
("A, B and C", "A & B", "A, B, and others") is found from the mentions and the separators
between them, and the words around the list say what it is:

- ``by`` a list: the authors in order ("TITLE, by A, B and C"; "documented by A and B in
  TITLE"; "written by A"), so the positions are known;
- ``led by`` / ``headed by`` / ``first-authored by`` one name: the first author;
- ``with`` a list: co-authors of the clause's agent ("written with A and B");
- a list before a publishing verb: the authors ("A, B and C showed ...", "A and B
  released ..."), without positions;
- the author words after a name: "X as first author", "X was the second author",
  "X was last author", "A and B as co-authors", "A among the co-authors";
- before a name: "its first author was X", "the authors were A, B and C", "co-authors A
  and B";
- a possessive: "A's paper", "A and B's study".

>>> text = 'The survey "Ten Ways to Do It", by Ana Ruiz, Li Wei and others, appeared in 2019.'
>>> people = [(text.find(n), text.find(n) + len(n), n) for n in ("Ana Ruiz", "Li Wei")]
>>> [(f.kind, f.names, f.positions, f.complete) for f in read_frames(text, people)]
[('by', ['Ana Ruiz', 'Li Wei'], [1, 2], False)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lexicon import HONORIFIC

__all__ = ["NameList", "Frame", "name_lists", "read_frames", "ORDINALS", "PUBLISH_VERBS",
           "WORK_NOUNS", "SEPARATOR"]

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
            "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "lead": 1, "leading": 1,
            "principal": 1}

#: Verbs whose subject list is a paper's authors ("A and B showed ...").
PUBLISH_VERBS = (
    r"(?:showed|shown|introduced|released|published|presented|wrote|co-?wrote|co-?authored|"
    r"authored|described|proposed|reported|demonstrated|posted|developed|argued|examined|"
    r"analy[sz]ed|studied|explored|extended|designed|formulated|documented|derived|proved|"
    r"surveyed|reviewed|compiled|edited|submitted|outlined|laid out|set out|put forward|"
    r"followed up|revisited|measured|estimated|established|discovered|identified|"
    r"characteri[sz]ed|detailed)")

#: Nouns for written works.
WORK_NOUNS = (r"(?:paper|papers|article|articles|study|studies|preprint|report|thesis|"
              r"dissertation|book|textbook|monograph|memoir|autobiography|chapter|review|"
              r"survey|letter|note|publication|manuscript|essay|treatise|follow-up|sequel|"
              r"position paper|white paper|technical report|proceedings paper|"
              r"conference paper|journal paper)")

# between two names of a list: a comma, 'and', '&', or an apposition ("A, a fellow
# student at X, and B")
_HONORIFIC = HONORIFIC
_HONORIFIC_END = re.compile(r"\b" + _HONORIFIC + r"$")
SEPARATOR = _SEP = re.compile(r"(?:\s+(?:himself|herself))?"  # "B himself, and me"
                  r"\s*(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*|,?\s+as well as\s+|"
                  # "A and her student B", "A, his postdoc B"
                  r"(?:,\s*|\s+and\s+)(?:his|her|their|my|our|the)\s+(?:[a-z][\w-]*\s+){1,3}?"
                  r"(?=[A-Z]|$)|"
                  r",\s+(?:a|an|the|then|now|his|her|their|who)\b[^,;()\"“]{0,80},\s*"
                  r"(?:and\s+)?|"
                  # "A of the Hale Research Centre, B of Lakemoor University and C"
                  r"\s+(?:of|at|from)\s+(?:the\s+)?[A-Z][^,;()\"“]{0,80}?"
                  r"(?:,\s*(?:and\s+)?|\s+and\s+))(?:" + _HONORIFIC + r")?")
# a relative clause or apposition after a name, before what is said of it
_ASIDE = r"(?:,\s*(?:who|then|now|a|an|the)\b[^,;\"“]{0,100},)?"
_OPEN_END = re.compile(
    r"^,?\s*(?:and|&)?\s*(?:et\s+al\b\.?|others\b|colleagues\b|co-?workers\b|collaborators\b|"
    r"(?:\w+\s+){0,2}(?:others|colleagues|co-?authors|members\b[^.;]*))|^,?\s*among others\b",
    re.I)


@dataclass
class NameList:
    """Consecutive person mentions joined by list separators, in the text's order."""

    start: int
    end: int
    names: list[str]
    complete: bool = True  # False when "and others", "et al." ... follows


@dataclass
class Frame:
    """What a sentence says about some people and a paper near them."""

    kind: str  # by | led | with | verb | role | possessive | coauthors
    start: int  # the span of the frame's words and names
    end: int
    names: list[str]
    positions: list[int | None] = field(default_factory=list)
    complete: bool = False
    last: bool = False  # "X was last author"


def name_lists(text: str, people: list[tuple[int, int, str]]) -> list[NameList]:
    """Group person mentions into lists ("A, B and C"), each with its open end.

    >>> t = "by Ana Ruiz, Li Wei and Bo Chen, et al."
    >>> name_lists(t, [(t.find(n), t.find(n) + len(n), n) for n in ("Ana Ruiz", "Li Wei",
    ...                                                          "Bo Chen")])
    [NameList(start=3, end=31, names=['Ana Ruiz', 'Li Wei', 'Bo Chen'], complete=False)]
    """
    out: list[NameList] = []
    for s, e, name in sorted(people):
        if out and _SEP.fullmatch(text[out[-1].end:s]):
            cur = out[-1]
            cur.end = e
            if name not in cur.names:
                cur.names.append(name)
            continue
        out.append(NameList(s, e, [name]))
    for lst in out:
        if _OPEN_END.match(text[lst.end:lst.end + 60]):
            lst.complete = False
    return out


_BY = re.compile(
    r"(?P<verb>\b(?:co-?written|written|co-?authored|authored|first-authored|led|headed|"
    r"edited|presented|published|released|introduced|posted|described|proposed|developed|"
    r"created|compiled|reported|documented|prepared|conducted|carried out|done|devised|"
    r"initiated|supervised|directed)\s+)?\bby\s+(?P<desc>(?:(?:his|her|their|the|a|an|its)\s+)?"
    r"(?:[\w'’-]+\s+){0,4}?)$",
    re.I)
_WITH = re.compile(
    r"(?P<verb>\b(?:co-?written|written|co-?authored|authored|together|jointly|along|"
    r"published|developed|presented|collaborat\w+|work\w*|partner\w*|teamed up)\s+)?"
    r"\b(?:with|alongside)\s+(?P<desc>(?:(?:his|her|their|the|a|an)\s+)?(?:[\w'’-]+\s+){0,4}?|"
    # "with her first graduate student, A"
    # "with two Fed colleagues, A and B"
    r"(?:his|her|their|my|our|two|three|four|five|several)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+,\s+)$",
    re.I)
_COAUTHORS_BEFORE = re.compile(
    r"\b(?:(?:the\s+|its\s+|whose\s+|her\s+|his\s+|their\s+)?(?:other\s+)?co-?authors?|"
    # "the authors were", "the other two authors were"
    r"(?:the|its|whose|their)\s+(?:\w+\s+){0,2}authors\s+(?:were|are|included|include|being)|"
    r"authored\s+(?:jointly\s+)?by|(?:under|with)\s+the\s+names\s+of|"
    # "it was just the three of us: A, B and me"
    r"\bthe\s+(?:two|three|four|five|six)\s+of\s+(?:us|them)\s*:|"
    # "the authors after her were A and B"
    r"the\s+(?:other\s+)?authors\s+(?:after|besides|alongside|apart\s+from)\s+(?:her|him|me|"
    r"them|us)\s+(?:were|are)|"
    # "Her co-authors on "X" (2019) were A, B and C"
    r"co-?authors\s+(?:on|of|for)\s+[^.;]{1,200}?\s+(?:were|are|included|include))"
    r"\s*[:,]?\s+(?:(?:were|are|included|include)\s+)?$",
    re.I)
_FIRST_BEFORE = re.compile(
    r"\b(?:its|the|whose|their|the\s+(?:paper|study|article|report)['’]s)\s+"
    r"(?P<ord>first|lead|leading|principal|second|third|last|senior|corresponding)\s+"
    # "its first author was X", "the lead author, X, ..."
    r"author(?:\s+(?:was|is|being)|,)\s+$", re.I)
_ROLE_AFTER = re.compile(
    r"^" + _ASIDE + r"\s*(?:,\s*)?"
    # "... did the electron microscopy and is the second author": a verb of theirs first
    r"(?:(?:did|ran|wrote|built|designed|performed|led)\s+(?:[\w'’-]+\s+){0,4}?and\s+)?"
    r"(?:(?:who\s+)?(?:was|is|were|are|being)\s+)?(?:again\s+|"
    r"also\s+|the\s+|its\s+|their\s+|an?\s+|listed\s+as\s+(?:the\s+)?|as\s+(?:the\s+)?|"
    r"named\s+as\s+(?:the\s+)?|(?:paper|study|article|report|preprint|work)['’]s\s+)*"
    r"(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|lead|leading|"
    r"principal|last|senior|corresponding|co-?|additional|other)[- ]?\s*authors?\b", re.I)
# "... and Okafor its last": the author word left out after an earlier one
_ELLIPTIC_ROLE = re.compile(r"^\s+(?:its|the\s+(?:paper|study|article)['’]s)\s+(?P<ord>first|"
                            r"second|third|fourth|fifth|last|senior)\b(?=\s*[,.;]|\s+(?:and|"
                            r"with)\b|\s*$)", re.I)
# "Roe was the senior author and Vale the first"
_ELLIPTIC_THE = re.compile(r"^\s+the\s+(?P<ord>first|second|third|fourth|fifth|last)\b"
                           r"(?=\s*[,.;]|\s*$|\s+and\b)", re.I)
_LISTED_FIRST = re.compile(r"^\s*(?:,\s*)?(?:who\s+)?(?:was\s+|is\s+|am\s+|['’]m\s+|['’]s\s+)"
                           r"(?:\w+\s+)?listed\s+(?P<ord>first|last)\b", re.I)
# "Duc was the first author, I was second": the author word left out in a sentence that
# speaks of authors
_ROLE_BARE = re.compile(r"^\s*(?:was|is|am|are|were|came|comes|as|['’]s|['’]m)\s+(?:the\s+)?"
                        r"(?P<ord>first|second|third|fourth|fifth|last)\b(?![\w-])"
                        r"(?!\s+(?:to|in|time|year|woman|man|person|one|who)\b)"
                        # "fourth of nine" is a position; "first of its kind" is not
                        r"(?!\s+of\s+(?!(?:two|three|four|five|six|seven|eight|nine|ten|"
                        r"eleven|twelve|\d+)\b))", re.I)
# a citation's authors right before its quoted title: "Roe et al., "X"", "Roe and Vale (2019), "X""
_CITED_BEFORE = re.compile(r"^\s*(?P<etal>,?\s*(?:and\s+|&\s*)?et\s+al\b\.?)?\s*(?:\(\d{4}\)\s*)?"
                           r",\s*(?=[\"“«])")
_THEN = re.compile(r"^[^.;]{0,80}?,\s*then\s+$|^,?\s*then\s+$", re.I)
_AMONG_AFTER = re.compile(r"^" + _ASIDE + r"\s*(?:,\s*)?(?:were\s+|are\s+)?(?:among|as)\s+"
                          r"(?:the\s+|its\s+|their\s+|her\s+|his\s+|my\s+|our\s+)?(?:other\s+|"
                          r"additional\s+|"
                          r"intermediate\s+|middle\s+)?(?:co-?)?authors\b", re.I)
_VERB_AFTER = re.compile(
    r"^\s*(?:,\s*(?:who|then)\b[^,]{0,80},\s*)?(?:(?:later|also|then|had|have|has|jointly|"
    r"together|first|subsequently|further|again|in\s+\d{4})\s+)*" + PUBLISH_VERBS + r"\b", re.I)
_LED_TITLE = re.compile(r"^\s+(?:then\s+|later\s+|also\s+)?(?:led|headed)\s+(?:the\s+|a\s+|an\s+|"
                        r"our\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:" + WORK_NOUNS
                        + r"\s*,?\s*)?(?=[\"“«*_])", re.I)
_LED_IT = re.compile(r"^" + _ASIDE + r"\s+(?:(?:from|at|of)\s+(?:the\s+)?(?:[\w'’-]+\s+){1,3}?)?"
                     r"(?:then\s+|also\s+)?led\s+(?:it|"
                     r"the\s+(?:paper|study|article|work|analysis|preprint))\b(?!\s+(?:at|to|"
                     r"for|on)\b)", re.I)
_POSSESSIVE_AFTER = re.compile(
    r"^['’]s?\s+(?:(?:\d{4}|first|second|third|latest|new|best-known|seminal|landmark|"
    r"influential|joint|early|later|doctoral|master['’]s|phd|ph\.d\.)\s+){0,3}" + WORK_NOUNS
    + r"\b", re.I)


def read_frames(text: str, people: list[tuple[int, int, str]], *,
                self_name: str | None = None) -> list[Frame]:
    """The authorship frames of one sentence, in text order (see the module docstring).

    ``people`` are the sentence's person mentions as ``(start, end, name)`` offsets into
    ``text``; ``self_name`` is who "my" and "mine" are (an interview's subject).

    >>> t = "With Jo Lee as first author and Al Roy and Ed Fox as co-authors, it won."
    >>> ppl = [(t.find(n), t.find(n) + len(n), n) for n in ("Jo Lee", "Al Roy", "Ed Fox")]
    >>> [(f.kind, f.names, f.positions) for f in read_frames(t, ppl)]
    [('role', ['Jo Lee'], [1]), ('coauthors', ['Al Roy', 'Ed Fox'], [None, None])]
    """
    frames: list[Frame] = []
    # a sentence that speaks of authors or orders names ("Brendan first, then me")
    authors_talk = bool(re.search(r"\bauthors?\b|\blisted\b|\bfirst\b[^.;]{0,40}\bthen\b|"
                                  r"\bname\s+(?:is\s+|was\s+)?(?:first|second|last)\b",
                                  text, re.I))
    lists = name_lists(text, people)
    for lst in lists:
        # "with her postdoctoral fellow Dr. Tom Vale": the title is no part of the frame
        before = _HONORIFIC_END.sub("", text[max(0, lst.start - 120):lst.start])
        after = text[lst.end:lst.end + 120]
        n = len(lst.names)
        # "... had three authors: Adeyemi-Cole first, Okonjo second and Bélanger third"
        role = _ROLE_AFTER.match(after) or _ELLIPTIC_ROLE.match(after) or (
            (_ROLE_BARE.match(after) or _ORDINAL_ITEM.match(after) or _ELLIPTIC_THE.match(after))
            if authors_talk else None)
        if role and (n == 1 or role.group("ord").lower().startswith(("co", "add", "oth"))):
            word = role.group("ord").lower()
            f = Frame("role", lst.start, lst.end + role.end(), list(lst.names))
            if word in ORDINALS and n == 1:
                f.positions = [ORDINALS[word]]
            elif word in ("last", "senior") and n == 1:
                f.positions, f.last = [None], True
            else:
                f.kind = "coauthors"
                f.positions = [None] * n
            frames.append(f)
            w = _WITH.search(before) if f.kind == "role" else None
            if w and w.group("verb"):
                # "written with her student A as first author": A co-wrote it with the agent
                frames.append(Frame("with", lst.start - len(w.group(0)), lst.end,
                                    list(lst.names), [None] * n))
            continue
        if role and role.group(0).lower().endswith("author") and \
                role.group("ord").lower() in (*ORDINALS, "last", "senior"):
            # "A, a student at X, and B as the senior author": the role is B's; what comes
            # before the list is said of all of them
            inside = [x for x in people if lst.start <= x[0] and x[1] <= lst.end]
            word = role.group("ord").lower()
            frames.append(Frame("role", inside[-1][0], lst.end + role.end(), [lst.names[-1]],
                                [ORDINALS.get(word)], last=word in ("last", "senior")))
            before_last = [x for x in inside if x[2] != lst.names[-1]]
            if not before_last:
                continue
            lst = NameList(lst.start, before_last[-1][1], [x[2] for x in before_last])
            n = len(lst.names)
        listed = _LISTED_FIRST.match(after)
        if listed and n == 1:
            first = listed.group("ord").lower() == "first"
            frames.append(Frame("role", lst.start, lst.end + listed.end(), list(lst.names),
                                [1 if first else None], last=not first))
            continue
        if _AMONG_AFTER.match(after):
            frames.append(Frame("coauthors", lst.start, lst.end, list(lst.names), [None] * n))
            continue
        fb = _FIRST_BEFORE.search(before)
        if fb and n == 1:
            word = fb.group("ord").lower()
            pos = ORDINALS.get(word)
            frames.append(Frame("role", lst.start - len(fb.group(0)), lst.end, list(lst.names),
                                [pos], last=word in ("last", "senior")))
            continue
        by = _BY.search(before)
        if by:
            verb = (by.group("verb") or "").strip().lower()
            start = lst.start - len(by.group(0))
            if verb in ("led", "headed", "first-authored", "directed", "supervised",
                        "initiated"):
                # "led by X": X is the first author; a list after it is co-authors
                if verb in ("supervised", "directed"):
                    continue  # the head of a group, not an author
                frames.append(Frame("led", start, lst.end, list(lst.names),
                                    [1] + [None] * (n - 1)))
            else:
                frames.append(Frame("by", start, lst.end, list(lst.names),
                                    list(range(1, n + 1)), lst.complete))
            continue
        if _COAUTHORS_BEFORE.search(before):
            m = _COAUTHORS_BEFORE.search(before)
            assert m is not None
            ordered = bool(re.search(r"\bauthors\s+(?:were|are|being)\b|authored|names\s+of",
                                     m.group(0), re.I)) and not re.search(
                r"co-?authors|\b(?:other|remaining|after|besides|alongside|apart)\b",
                m.group(0), re.I)
            frames.append(Frame("by" if ordered else "coauthors", lst.start - len(m.group(0)),
                                lst.end, list(lst.names),
                                list(range(1, n + 1)) if ordered else [None] * n,
                                lst.complete and ordered))
            continue
        w = _WITH.search(before)
        if w and re.search(r"\b(?:talks?|talked|talking|speaks?|spoke|speaking|chats?|chatted|"
                           r"conversation|interviews?)\s+with\s+$", before, re.I):
            continue  # "Tom Vale talks with Jane Roe": a host's guest, no co-author
        if w:
            frames.append(Frame("with", lst.start - len(w.group(0)), lst.end, list(lst.names),
                                [None] * n))
            continue
        cite = _CITED_BEFORE.match(after)
        if cite and (cite.group("etal") or re.search(r"(?:^|[:;.])\s*$", before)) and \
                not re.search(r"\b(?:in|at|of|from|for|to)\s+$", before[-12:]):
            # (a list that opens its clause or ends in "et al.", not an apposition: "with two
            # colleagues, A and B, "X""; nor a venue's place: "a study in Nature Energy, "X"")
            # "Roe et al., "Title"", "Roe, Vale and Ray (2019), "Title"": a citation's authors
            frames.append(Frame("by", lst.start, lst.end + cite.end(), list(lst.names),
                                list(range(1, n + 1)), lst.complete and not cite.group("etal")))
            continue
        if _POSSESSIVE_AFTER.match(after):
            frames.append(Frame("possessive", lst.start, lst.end, list(lst.names), [None] * n))
            continue
        if n == 1 and _LED_IT.match(after):
            # "Castell led it", "Vale led the study": the first author of the work in view
            frames.append(Frame("role", lst.start, lst.end, list(lst.names), [1]))
            continue
        led = _LED_TITLE.match(after) if n == 1 else None
        if led:
            # "Ana led "Cheap Cathodes"", "Ana led the follow-up, "X"": the first author
            frames.append(Frame("led", lst.start, lst.end + led.end(), list(lst.names), [1]))
            continue
        if _VERB_AFTER.match(after) and not re.search(r"\b(?:of|at|from|in|for|to)\s+$",
                                                      before[-12:]):
            frames.append(Frame("verb", lst.start, lst.end, list(lst.names), [None] * n))
            continue
    _then_chain(text, lists, frames)
    if authors_talk:
        _possessive_positions(text, people, self_name, frames)
    seen: set[tuple[str, tuple[str, ...], tuple[int | None, ...]]] = set()
    unique = []
    for f in sorted(frames, key=lambda f: f.start):
        key = (f.kind, tuple(f.names), tuple(f.positions))
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


_POSSESSIVE_ORD = re.compile(
    r"(?:(?P<own>\b(?:my|mine)\b)|(?P<name>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,3})"
    r"['’]s?)(?:\s+name)?(?:\s+(?:is|was|comes|came|stands|appears))?(?:\s+(?:again|listed))?"
    r"\s+(?P<ord>first|second|third|fourth|fifth|last)\b", re.I)


def _possessive_positions(text: str, people: list[tuple[int, int, str]],
                          self_name: str | None, frames: list[Frame]) -> None:
    """'My name is first on the cover and Min-jung's second', 'his name first and mine
    second': a position given to a possessor."""
    for m in _POSSESSIVE_ORD.finditer(text):
        if m.group("own"):
            who = self_name
        else:
            end = m.start("name") + len(m.group("name"))
            who = next((n for a, b, n in people if b == end), None)
        if who is None:
            continue
        word = m.group("ord").lower()
        frames.append(Frame("role", m.start(), m.end(), [who],
                            [None if word == "last" else ORDINALS[word]], last=word == "last"))


_ORDINAL_ITEM = re.compile(r"^\s+(?P<ord>first|second|third|fourth|fifth|sixth|last)\b"
                           r"(?=\s*(?:,|;|\.|and\b|$))", re.I)


def _then_chain(text: str, lists: list[NameList], frames: list[Frame]) -> None:
    """'I'm listed first ..., then Duc, then Sofía': names after a positioned one, each
    after "then", take the next positions."""
    for f in list(frames):
        if f.kind != "role" or not f.positions or f.positions[-1] is None:
            continue
        pos, end = f.positions[-1], f.end
        for lst in lists:
            if lst.start < end or not _THEN.match(text[end:lst.start]):
                continue
            pos += 1
            frames.append(Frame("role", lst.start, lst.end, [lst.names[0]], [pos]))
            end = lst.end
