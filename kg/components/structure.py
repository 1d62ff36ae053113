"""Components that read the article's structure: blocks, sentences, subject, quotes."""

from __future__ import annotations

import bisect
import re
from collections import Counter

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..dates import PartialDate, dates_in_context
from ..facts import Facts
from ..lexicon import HONORIFIC, NAME_PARTICLES, THING_NOUNS, is_name_token, org_kind_of_noun
from ..reader import Article, Block, is_generic_title

__all__ = ["kg_blocks", "kg_parse_repair", "kg_subject", "ensure_extensions", "block_at",
           "sentence_span", "facts_of", "doc_text", "dates_between", "find_word", "in_question",
           "subject_at", "subject_pronoun_at", "subject_pronoun_re", "SUBJECT_PRONOUNS",
           "other_pronouns", "topic_pronoun"]


def ensure_extensions() -> None:
    """Register the ``Doc._`` attributes kg uses (idempotent)."""
    if not Doc.has_extension("kg_article"):
        Doc.set_extension("kg_article", default=None)
    if not Doc.has_extension("kg"):
        Doc.set_extension("kg", default=None)


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once (spaCy rebuilds it from the tokens on every access)."""
    t = doc.user_data.get("kg_text")
    if t is None:
        t = doc.user_data["kg_text"] = doc.text
    return t


def dates_between(doc: Doc, start: int, end: int) -> list[tuple[int, int, PartialDate, bool]]:
    """The dates of ``doc_text(doc)[start:end]``, offsets relative to ``start``, with relative
    phrases ("the following year", "that July") read against the article's earlier dates
    (:func:`kg.dates.dates_in_context`, computed once per doc)."""
    cached = doc.user_data.get("kg_dates")
    if cached is None:
        found = dates_in_context(doc_text(doc))
        cached = doc.user_data["kg_dates"] = (found, [f[0] for f in found])
    found, starts = cached
    out = []
    for s, e, d, rel in found[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]:
        if e <= end:
            out.append((s - start, e - start, d, rel))
    return out


def facts_of(doc: Doc) -> Facts:
    """The :class:`~kg.facts.Facts` being collected on ``doc`` (created on first use)."""
    ensure_extensions()
    if doc._.kg is None:
        doc._.kg = Facts()
    return doc._.kg


def block_at(article: Article | None, char: int) -> Block | None:
    """The block holding text offset ``char``."""
    if article is None:
        return None
    starts = [b.start for b in article.blocks]
    i = bisect.bisect_right(starts, char) - 1
    if i >= 0 and article.blocks[i].start <= char <= article.blocks[i].end:
        return article.blocks[i]
    return None


#: The label of an interviewer's line: "Q:", "Q.", "Question:", "Interviewer:", or a name in
#: capitals that is not the subject's.
_TIMESTAMP = r"(?:[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?)"
_QUESTION_LABEL = re.compile(
    r"\s*(?:" + _TIMESTAMP + r"\s*)?(?:\*\*)?(?:Q\s*[:.]|Question\s*\d*\s*[:.]|Interviewer\s*:|"
    # a speaker's name, each word capitalised ("Dana Kiriakou:", "ROE:", "Kasia Wróblewska
    # [00:12]:"), not a phrase ("Two things:")
    r"(?P<name>(?-i:[^\W\d_a-z][\w'’.-]*(?:\s+[^\W\d_a-z][\w'’.-]*){0,3}))"
    r"(?:\s*" + _TIMESTAMP + r")?\s*:)", re.I)


def in_question(doc: Doc, char: int) -> bool:
    """Whether offset ``char`` is in an interviewer's question (a block that starts with a
    question label, or a paragraph that ends with a question mark) of an interview, where
    "you" is the subject.

    Only an interview counts: an article whose subject speaks in the first person."""
    facts = facts_of(doc)
    if not (facts.subject_pronoun or "").startswith("i"):
        return False
    block = block_at(doc._.kg_article, char)
    if block is None or block.kind not in ("paragraph", "item"):
        return False
    text = doc_text(doc)[block.start:block.end]
    m = _QUESTION_LABEL.match(text)
    if m:
        name = m.group("name")
        if name is None or not facts.subject:
            return True
        label = name.strip().lower()
        # the subject's name, surname or initials ("ROE:", "JR:" for Jane Roe; "Kasia Roe:"
        # for Katarzyna Roe) label answers
        own = facts.subject.lower()
        initials = "".join(w[0] for w in facts.subject.split() if w[:1].isupper()).lower()
        return not (label in own or label.split()[-1] == own.split()[-1]
                    or re.sub(r"[\s.]", "", label) == initials)
    return text.rstrip().endswith("?") and len(text) < 400


def find_word(text: str, word: str, *, not_before: str = "", not_after: str = "") \
        -> list[tuple[int, int]]:
    """Where ``word`` stands in ``text`` with no word character (nor one of ``not_before``
    / ``not_after``) right before or after it: ``re.finditer(r"(?<!\\w)" + re.escape(word)
    + r"(?!\\w)", text)`` without compiling a pattern per word (thousands of names per
    article push the patterns kg uses everywhere out of ``re``'s cache).

    >>> find_word("Ada Ray met Ray-Ban and Ray.", "Ray", not_after="-")
    [(4, 7), (24, 27)]
    """
    out: list[tuple[int, int]] = []
    n = len(word)
    if not n:
        return out
    i = text.find(word)
    while i >= 0:
        p = text[i - 1] if i else ""
        q = text[i + n] if i + n < len(text) else ""
        if not (p and (p.isalnum() or p == "_" or p in not_before)) and \
                not (q and (q.isalnum() or q == "_" or q in not_after)):
            out.append((i, i + n))
        i = text.find(word, i + 1)
    return out


def sentence_span(sent: Span) -> tuple[int, int]:
    return (sent.start_char, sent.end_char)


_TIME_PREPS = frozenset({"in", "by", "during", "from", "since", "after", "until", "around"})


@Language.component("kg_parse_repair")
def kg_parse_repair(doc: Doc) -> Doc:
    """Mend one frequent error of the small parser: in "In 2012 Mira Castell and Tom Vale
    founded X" it reads the year as a number modifying the name, and the name (with its
    conjuncts) as the object of "In", so the verb has no subject. When a sentence opens with
    a time preposition and a bare year so attached, and the verb has no subject, the name
    becomes the verb's subject and the year the preposition's object.
    """
    for sent in doc.sents:
        if len(sent) < 5:
            continue
        prep, year = sent[0], sent[1]
        name, verb = year.head, prep.head
        if (prep.lower_ not in _TIME_PREPS or not re.fullmatch(r"1\d{3}|20\d{2}", year.text)
                or year.dep_ != "nummod" or name.dep_ != "pobj" or name.head != prep
                or name.pos_ != "PROPN" or verb.pos_ not in ("VERB", "AUX") or verb == prep
                or any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children)):
            continue
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        name.head, name.dep_ = verb, "nsubjpass" if passive else "nsubj"
        year.head, year.dep_ = prep, "pobj"
    return doc


@Language.component("kg_blocks")
def kg_blocks(doc: Doc) -> Doc:
    """Start a sentence at every block of the article (runs before the parser).

    Headings, list items, table rows and references are never glued to the sentence
    before them. Without an article (a bare ``nlp(text)``) blank lines are the blocks.
    """
    ensure_extensions()
    facts_of(doc)
    art: Article | None = doc._.kg_article
    blocks = sorted(art.blocks, key=lambda b: b.start) if art is not None else []
    starts = [b.start for b in blocks]
    start_set = set(starts)
    # short blocks (list items, rows, headings) are one sentence unless punctuation says not;
    # in prose, a sentence starts only after sentence punctuation (the parser otherwise
    # cuts an opening name off: "Cinema | Verity was a British ... company")
    short = ("item", "row", "heading", "title", "reference", "field")
    # set every token's flag in one array (the per-token setter is slow on long articles)
    flags = numpy.zeros((len(doc), 1), dtype="int32")
    # never end a sentence inside quotes ("Faster Things: Towards ..." is one title)
    quoted = [(m.start(), m.end()) for m in _QUOTE.finditer(doc_text(doc))]
    q_starts = [q[0] for q in quoted]
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if tok.idx in start_set or (prev.is_space and "\n" in prev.text) \
                or "\n\n" in prev.whitespace_:
            flags[tok.i] = 1
            continue
        if prev.is_space or tok.is_space:
            continue
        k = bisect.bisect_right(q_starts, tok.idx) - 1
        if k >= 0 and quoted[k][0] < tok.idx < quoted[k][1]:
            flags[tok.i] = -1
            continue
        i = bisect.bisect_right(starts, tok.idx) - 1
        if i < 0 or not blocks[i].start < tok.idx < blocks[i].end:
            continue
        kind = blocks[i].kind
        if kind in short and not (prev.text in (".", "!", "?") and tok.text[:1].isupper()):
            flags[tok.i] = -1
        elif kind == "paragraph" and (not _ENDS_SENTENCE.search(prev.text) or (
                prev.text.endswith(".") and tok.is_lower and tok.is_alpha)):
            flags[tok.i] = -1  # "She holds an M.Sc. | in physics": no sentence starts lower-case
        elif kind == "paragraph" and len(prev.text) > 1 and prev.text.endswith(".") and \
                tok.text in _OPENING_PRONOUNS:
            flags[tok.i] = 1  # "... stayed for the PhD. | I defended": an abbreviation ends it
    if len(doc):
        flags[0] = 1
        doc.from_array([SENT_START], flags.astype("uint64"))  # type: ignore[arg-type]
    return doc


#: A name after a headline's colon: "Podcast, Episode 12: Jane Roe on cracks and protons",
#: "In conversation: Jane Roe".
_TITLE_GUEST = re.compile(r"[:|]\s+(?P<n>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3})"
                          r"(?=\s+(?:on|talks|discusses|explains|reflects)\b|\s*[,:—–]|\s*$)")
# "'Kelp doesn't wait': a conversation with Jane Roe", "In conversation with Dr Jane Roe"
_TITLE_WITH = re.compile(r"\b(?:conversation|interview|chat|talk|talking|Q\s?&\s?A|sit-down|"
                         r"evening|afternoon|hour)\s+with\s+(?:" + HONORIFIC + r")?"
                         r"(?P<n>(?-i:[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}))\s*$", re.I)
_OPENING_PRONOUNS = frozenset(("I", "He", "She", "They", "We", "It", "His", "Her", "Their", "My",
                               "Our"))
_WH_WORDS = frozenset(("How", "Why", "What", "When", "Where", "Who", "Which", "Whose"))
_ENDS_SENTENCE = re.compile(r"[.!?…:;\"'”’)\]]$")

_PRONOUNS = {"he": "he", "him": "he", "his": "he", "himself": "he",
             "she": "she", "her": "she", "hers": "she", "herself": "she"}


def _name_shaped(text: str) -> bool:
    toks = text.split()
    # particles ("de la", "van der") do not count, but a first word is no particle ("Al Zorn")
    core = toks[:1] + [t for t in toks[1:] if t not in NAME_PARTICLES]
    # "How I got here" (a blog's heading) opens with no name
    return (1 < len(core) <= 5 and len(toks) <= 8 and all(is_name_token(t) for t in toks)
            and toks[0][0].isupper() and toks[0] not in _WH_WORDS)


@Language.component("kg_subject")
def kg_subject(doc: Doc) -> Doc:
    """Find the article's subject: the title when it is a name, else the first person.

    Also picks the pronoun the article uses for the subject (he or she), by count.
    """
    facts = facts_of(doc)
    art: Article | None = doc._.kg_article
    subject = None
    show = False  # the title names a show, not the subject
    _count_pronouns(doc, facts)
    title_block = next((b for b in art.blocks if b.kind == "title"), None) if art else None
    raw_title = doc_text(doc)[title_block.start : title_block.end] if title_block else ""
    if _THING.search(raw_title.strip()):
        facts.subject = None  # "Load (album)", "Excitebots (video game)": not about a person
        return doc
    if art is not None and art.title:
        title = re.sub(r"\s*\([^)]*\)\s*$", "", art.title).strip()
        guest = _TITLE_GUEST.search(title) or _TITLE_WITH.search(title)
        if guest and _name_shaped(guest.group("n")):
            title = guest.group("n")  # "Bench Notes, Episode 112: Jane Roe on cracks"
        cut = re.sub(r",\s.*$", "", title)  # "X, Marquis of Y"
        if cut != title and title_block is not None and not _named_apart(
                doc_text(doc), title_block.end, cut, title[len(cut):]):
            cut = ""  # "Cold Atoms, Hot Markets — Episode 47": a show, not a person
            show = True
        title = cut
        what = _opening_noun(doc, art, title)
        if what is not None:
            # "Cinema Verity was a British ... production company": a page about a thing
            kind = org_kind_of_noun(what)
            if kind is not None:
                facts.title_org, facts.title_org_kind = title, kind
            facts.subject = None
            return doc
        if _name_shaped(title):
            subject = _fuller_name(doc, title)
    if subject is None and (facts.subject_pronoun or "").startswith("i") and art is not None:
        # an interview: the guest its host introduces, though a host is named first
        paragraphs = [b for b in art.blocks if b.kind == "paragraph"][:3]
        subject = _guest(doc, paragraphs[-1].end if paragraphs else len(doc_text(doc)))
    if subject is None:
        # no title that is a name: the first person named, unless the title says the page
        # is about something else ("Load (album)") or is a show's ("Cold Atoms, Hot Markets")
        for ent in doc.ents:
            name = ent.text.strip()
            if show and name in raw_title:
                continue
            if ent.label_ == "PERSON" and _name_shaped(name):
                if not (art is not None and art.title) or name in art.title or \
                        is_generic_title(art.title):
                    subject = name
                break
    if subject is None and art is not None:
        subject = _most_named(doc, art, interview=(facts.subject_pronoun or "").startswith("i"))
    facts.subject = subject
    if subject and facts.subject_pronoun in ("he", "she"):
        facts.subject_pronoun = _own_pronoun(doc, subject) or facts.subject_pronoun
    # an interviewer's question that says I is no answer (known once the subject is)
    facts.answers = [a for a in facts.answers if not in_question(doc, a[0])]
    if facts.answers and art is not None:
        # a block labelled with the speaker's name or initials answers, "I" in it or not
        text = doc_text(doc)
        labelled = [(b.start, b.end) for b in art.blocks if b.kind == "paragraph"
                    and (m := _QUESTION_LABEL.match(text, b.start)) is not None
                    and m.group("name") and not in_question(doc, b.start)]
        facts.answers = sorted(set(facts.answers) | set(labelled))
    return doc


def _named_apart(text: str, body: int, name: str, rest: str) -> bool:
    """Whether the body (``text`` from offset ``body``) names the last word of ``name``, the
    part of a title before its comma, without the title's ``rest`` after it: a person's
    page ("Jane Roe, Lady Roe") names her again; a show's ("Cold Atoms, Hot Markets")
    only ever in full.

    >>> _named_apart("Cold Atoms, Hot Markets\\n\\nWelcome to Cold Atoms, Hot Markets.", 23,
    ...              "Cold Atoms", ", Hot Markets")
    False
    """
    words = name.split()
    if not words:
        return False
    head = rest[:8]
    return any(not text.startswith(head, body + e) for _, e in find_word(text[body:], words[-1]))


def _own_pronoun(doc: Doc, subject: str) -> str | None:
    """He or she, by the pronouns of the sentences that name the subject and no one else
    (and the sentence after each): an article about several people ("She shares the
    prize with Professor Kerem Çelik ... he joined ...") says more "he" than the subject's
    "she"."""
    surname = subject.split()[-1]
    own_words = set(subject.split())
    # where another person is named: a pronoun after it may be theirs
    others = sorted(e.start for e in doc.ents if e.label_ == "PERSON"
                    and not set(e.text.split()) <= own_words)
    counts = {"he": 0, "she": 0}
    sents = list(doc.sents)
    for i, sent in enumerate(sents):
        at = next((t.i for t in sent if t.text == surname), None)
        if at is None:
            continue
        stop = sents[min(i + 1, len(sents) - 1)].end
        k = bisect.bisect_right(others, at)
        if k < len(others):
            stop = min(stop, others[k])
        for tok in doc[at:stop]:
            p = _PRONOUNS.get(tok.lower_)
            if p:
                counts[p] += 1
    if counts["he"] == counts["she"]:
        return None
    return "he" if counts["he"] > counts["she"] else "she"


def _guest(doc: Doc, until: int) -> str | None:
    """The guest a host introduces before offset ``until``: "My guest today is Dr. Jane
    Roe", "I'm joined by Jane Roe", "Host Tom Vale talks with Jane Roe"."""
    text = doc_text(doc)
    return next((e.text.strip() for e in doc.ents if e.label_ == "PERSON"
                 and e.start_char <= until and _name_shaped(e.text.strip())
                 and _GUEST_CUE.search(text, max(0, e.start_char - 60), e.start_char)), None)


def _most_named(doc: Doc, art: Article, *, interview: bool = False) -> str | None:
    """A headline page ("Jane Roe, Who Mapped the Seas, Dies at 90"; a press release): the
    person its opening names who is named most often, by full name or surname, when that
    is clearly the most (at least three mentions, more than anyone else). In an interview
    (answers in the first person) the person its introduction names first."""
    text = doc_text(doc)
    paragraphs = [b for b in art.blocks if b.kind == "paragraph"][:3]
    opening_end = paragraphs[-1].end if paragraphs else len(text)
    # a paragraph that opens with a name in apposition: "Jane Roe, a chemist who ..."
    for b in paragraphs:
        m = _OPENING_NAME.match(text[b.start:b.end]) or _NAME_THEN_VERB.match(
            text[b.start:b.end])
        if m and _name_shaped(m.group(1).rstrip(".")) and re.match(r"\s*[,(]|\s+[a-z]", text[
                b.start + m.end():b.start + m.end() + 2]):
            name = m.group(1).rstrip(".")
            if interview or len(find_word(text, name.split()[-1], not_before="-",
                                          not_after="-")) >= 2:
                return name
    if interview:
        guest = _guest(doc, opening_end)
        if guest is not None:
            return guest
        # not a byline ("Interview by X")
        first = next((e.text.strip() for e in doc.ents if e.label_ == "PERSON"
                      and e.start_char <= opening_end and _name_shaped(e.text.strip())
                      and not re.search(r"\b[Bb]y\s+$", text[max(0, e.start_char - 8):
                                                            e.start_char])), None)
        if first is not None:
            return first
    counts: dict[str, int] = {}
    opening: set[str] = set()
    first_at: dict[str, int] = {}
    for ent in doc.ents:
        name = ent.text.strip().split("\n")[-1].strip()
        if ent.label_ != "PERSON" or not _name_shaped(name) or name in counts:
            continue
        first_at[name] = ent.start_char
        counts[name] = len(find_word(text, name.split()[-1], not_before="-", not_after="-"))
        if ent.start_char <= opening_end:
            opening.add(name)
    # of the people named about as often as the most named (at least half as often, and
    # three times), the one the opening names first: a prize release names its first
    # laureate first; a parent with the same surname comes later
    top = max(counts.values(), default=0)
    leaders = [n for n in opening if counts[n] >= 3 and counts[n] * 2 >= top]
    if not leaders:
        return None
    return min(leaders, key=lambda n: first_at[n])


#: What a host says right before the guest's name.
_GUEST_CUE = re.compile(
    r"(?:\bguests?\b[^.?!]{0,24}?\b(?:is|are|was)|\b(?:joined|joining\s+(?:me|us))\s+"
    r"(?:today\s+|tonight\s+|here\s+|this\s+week\s+)?(?:by\s+)?|\b(?:I'm|I\s+am|we're|we\s+are)"
    r"\s+(?:talking|speaking)\s+(?:to|with)|"
    # "Host Tom Vale talks with Jane Roe", "... sits down with", "... interviews"
    r"\b(?:talks|speaks|chats|sits\s+down|is\s+in\s+conversation)\s+(?:to|with)|\binterviews)"
    r"\s+(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs)\.?\s+)?$",
    re.I)

# a paragraph that opens with a name and its verb: "Annika Kessler spent a decade ..."
_NAME_THEN_VERB = re.compile(r"\s*([A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|"
                             r"(?:van|von|de|der|den|da|del|di|du|le|la|dos|das)\b)){1,5})"
                             r"(?=\s+(?!(?:and|or|of|the|an?|in|on|at|for|to|with|from|by)\b)"
                             r"[a-z]{3,}\b)")


def _first_prose(art: Article) -> Block | None:
    """The article's first paragraph or list item."""
    return next((b for b in art.blocks if b.kind in ("paragraph", "item")), None)


def _opening_noun(doc: Doc, art: Article, title: str) -> str | None:
    """The noun the first sentence says the title is, when it names an organisation or a
    thing ("X is an independent record label" → "label"; "X was one of the nine schools" →
    "school"), else None (people: "X is an American film director")."""
    first = _first_prose(art)
    if first is None or not title:
        return None
    # the parser sometimes cuts the opening name off its sentence ("Cinema | Verity was a")
    opening = re.match(r"(?:The\s+)?" + re.escape(title), doc_text(doc)[first.start : first.end])
    sent = next((s for s in doc.sents if s.start_char >= first.start
                 and s.root.pos_ in ("AUX", "VERB")), None)
    if sent is None or sent.start_char > first.start + (opening.end() if opening else 0):
        return None
    head = title.split()[0].lower()
    for verb in (sent.root, *sent.root.conjuncts):
        subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj and verb is not sent.root:
            subj = [c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subj or (head not in {t.lower_ for t in subj[0].subtree}
                        and not (opening and subj[0].idx < first.start + opening.end())):
            continue
        for attr in (c for c in verb.children if c.dep_ == "attr"):
            if attr.lower_ == "one":  # "one of the nine podiatric medical schools"
                of = [p for p in attr.children if p.lower_ == "of"]
                pobj = [c for p in of for c in p.children if c.dep_ == "pobj"]
                attr = pobj[0] if pobj else attr
            lemma = attr.lemma_.lower()
            if org_kind_of_noun(lemma) is not None or lemma in THING_NOUNS:
                return lemma
    return None


#: A title's disambiguator that says the page is about a thing, not a person.
_THING = re.compile(
    r"\((?:[\w\s-]*\s)?(?:album|song|single|film|movie|band|novel|book|play|opera|musical|"
    r"painting|sculpture|ship|company|magazine|newspaper|journal|game|video game|series|TV series|"
    r"programme|program|show|river|lake|mountain|station|building|church|school|university|"
    r"organi[sz]ation|party|team|club|railway|software|vehicle|car|aircraft|horse)\)\s*$", re.I)


def _count_pronouns(doc: Doc, facts: Facts) -> None:
    """The pronoun the article uses for its subject: he or she by count, or "i" for an
    interview or a first-person text (more 'I', 'me', 'my' outside quotes than he and
    she together)."""
    counts = {"he": 0, "she": 0, "i": 0}
    intro = {"he": 0, "she": 0}  # before the first I: an interview's introduction
    first_person: list[Block] = []  # the blocks that say I
    quotes = sorted(facts.quotes)
    starts = [q[0] for q in quotes]
    for tok in doc:
        p = _PRONOUNS.get(tok.lower_) or ("i" if tok.text in _FIRST_PERSON else None)
        if p == "i":
            k = bisect.bisect_right(starts, tok.idx) - 1
            if k >= 0 and quotes[k][0] <= tok.idx < quotes[k][1]:
                continue
        if p:
            counts[p] += 1
            if p != "i" and not counts["i"]:
                intro[p] += 1
            if p == "i":
                block = block_at(doc._.kg_article, tok.idx)
                if block is not None and (not first_person or first_person[-1] != block):
                    first_person.append(block)
    third = ("he" if counts["he"] >= counts["she"] else "she") if counts["he"] or \
        counts["she"] else None
    art: Article | None = doc._.kg_article
    labels = 0
    for b in art.blocks if art is not None else ():
        m = _QUESTION_LABEL.match(doc_text(doc), b.start) if b.kind == "paragraph" else None
        labels += m is not None and m.group("name") is None
    if counts["i"] >= 5 and counts["i"] > counts["he"] + counts["she"] or (
            labels >= 2 and counts["i"] >= 3):
        # (an interview's questions are labelled "Q:" or "Interviewer:")
        # an interview: the answers say I, the introduction he or she (the answers' he and
        # she are other people)
        # (he and she only after the first I are other people: a CV's students)
        third = ("he" if intro["he"] >= intro["she"] else "she") if intro["he"] or \
            intro["she"] else None
        facts.subject_pronoun = "i/" + third if third else "i"
        facts.answers = [(b.start, b.end) for b in first_person]  # questions out later
    else:
        facts.subject_pronoun = third


_FIRST_PERSON = {"I", "me", "my", "My", "myself", "Me", "mine"}

#: The subject's pronouns by the pronoun the article uses for it.
SUBJECT_PRONOUNS = {"he": r"\b(?:he|him|his|himself)\b", "she": r"\b(?:she|her|hers|herself)\b",
                    "i": r"(?<![\w'’])(?:(?-i:I)|me|my|myself|mine)\b"}


def other_pronouns(doc: Doc) -> list[tuple[int, int, str]]:
    """Pronouns of the other gender than the subject's, each as a mention of the nearest
    person named before it in its block or the block before ("She shares the prize with
    Kerem Çelik ... He joined Stanford in 2013": he is Çelik), as ``(start, end, name)``.

    Computed once per list of people; empty when the article's subject pronoun is not he or
    she."""
    facts = facts_of(doc)
    cached = doc.user_data.get("kg_other_pronouns")
    if cached is not None and cached[0] == len(facts.people):
        return list(cached[1])  # again when people were added or dropped (title words)
    out: list[tuple[int, int, str]] = []
    own = (facts.subject_pronoun or "").rpartition("/")[2]
    if (own in ("he", "she") or facts.answers) and facts.subject:
        other: tuple[str, ...] = ("she",) if own == "he" else ("he",)
        subject_words = set(facts.subject.split())
        people = sorted((p.start, p.name) for p in facts.people
                        if not set(p.name.split()) <= subject_words)
        starts = [x[0] for x in people]
        art: Article | None = doc._.kg_article
        for tok in doc:
            # he, him, she: a possessive ("his student A") is no mention of its own
            # in an interview's answers the subject is "I": he and she are others
            if _PRONOUNS.get(tok.lower_) not in (
                    ("he", "she") if subject_pronoun_at(facts, tok.idx) == "i" else other) \
                    or tok.lower_ in ("his", "her", "hers"):
                continue
            k = bisect.bisect_left(starts, tok.idx) - 1
            if k < 0:
                continue
            if _PRONOUNS.get(tok.lower_) == topic_pronoun(doc, tok.idx):
                continue  # a portrait's own he or she: the person it is about
            block = block_at(art, tok.idx)
            prev = block_at(art, people[k][0])
            if block is not None and prev is not None and art is not None and \
                    art.blocks.index(block) - art.blocks.index(prev) > 1:
                continue  # too far back
            out.append((tok.idx, tok.idx + len(tok.text), people[k][1]))
    doc.user_data["kg_other_pronouns"] = (len(facts.people), out)
    return list(out)


_FAR = 1 << 62  # past any offset


_PARTICLE = r"(?:van|von|de|der|den|da|del|di|du|le|la|bin|ibn|al|y)"
# the name that opens a portrait paragraph
_PORTRAIT_NAME = (r"(?P<who>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|" + _PARTICLE
                  + r"\b)){1,5})")
_BORN_OPENING = re.compile(r"\s*" + _PORTRAIT_NAME + r"\s*\((?:born|b\.|n[ée]e?)\s")
# "Professor Yusuf Kern is recognised for ...", "Dr. Ana Ruiz is a hydrologist at ...": a
# paragraph that opens by describing another person is a portrait of them
_DESCRIBED_OPENING = re.compile(
    r"\s*(?:(?P<title>Professor|Prof\.|Dr\.?|Dame|Sir)\s+)?" + _PORTRAIT_NAME
    + r"\s+(?:is|was)\s+(?:"
    # "Tom Vale was a postdoc in the group" inside a life is no portrait; a titled opening is
    r"(?(title)(?:an?|the)\s|(?!))|honou?red\b|recogni[sz]ed\b|cited\b|awarded\b|named\b|"
    r"selected\b|"
    # "Tuulikki Rantanen is Associate Professor of X at Y": a post in capitals, no article
    r"(?<=is\s)(?:[A-Z][a-z]+\s+){0,2}(?:Professor|Lecturer|Reader|Director|Dean|Head|Chair|President|"
    r"Fellow|Curator|Scientist|Researcher|Engineer|Investigator)\b)")


def topic_pronoun(doc: Doc, char: int) -> str | None:
    """The pronoun of the person a section or portrait paragraph is about, where that is
    not the article's subject: "he" or "she" by count in its span, else None."""
    who = subject_at(doc, char)
    facts = facts_of(doc)
    if who is None or who == facts.subject:
        return None
    topics = doc.user_data["kg_topics"]  # (people count, topics), fresh after subject_at
    cached = doc.user_data.get("kg_topic_pronouns")
    if cached is None or cached[0] is not topics:
        pronouns: dict[tuple[int, int], str | None] = {}
        for start, end, _person in topics[1]:
            span = doc.char_span(start, end, alignment_mode="expand")
            counts = Counter(_PRONOUNS.get(t.lower_) for t in span or ())
            pronouns[(start, end)] = "he" if counts["he"] > counts["she"] else \
                "she" if counts["she"] > counts["he"] else None
        cached = doc.user_data["kg_topic_pronouns"] = (topics, pronouns)
    return next((cached[1][(start, end)] for start, end, person in topics[1]
                 if start <= char < end and person == who), None)


def subject_at(doc: Doc, char: int) -> str | None:
    """Whom the subject's pronouns mean at offset ``char``: the article's subject, or in a
    section headed by another person's name (a prize release's "Mina Adjei" section
    about its second laureate) that person.

    The sections are found once per list of people."""
    facts = facts_of(doc)
    cached = doc.user_data.get("kg_topics")
    if cached is None or cached[0] != len(facts.people):
        topics: list[tuple[int, int, str]] = []
        art: Article | None = doc._.kg_article
        blocks = art.blocks if art is not None else []
        text = doc_text(doc)
        for i, b in enumerate(blocks):
            heading = text[b.start:b.end].strip()
            # a paragraph that opens with another person's dates ("Ana Ruiz (born 1964 in
            # Lima) holds a chair ..."): a prize release's or an obituary's portrait of them
            born = (_BORN_OPENING.match(text, b.start, b.end)
                    or _DESCRIBED_OPENING.match(text, b.start, b.end)) \
                if b.kind == "paragraph" else None
            if born:
                person = next((p.name for p in facts.people if p.start == born.start("who")
                               and p.end == born.end("who") and len(p.name.split()) >= 2), None)
                if person is not None:
                    topics.append((b.start, b.end, person))
                continue
            # a heading, or a plain line that is only a name (a plain-text section title)
            if b.kind != "heading" and not (b.kind == "paragraph" and len(heading.split()) <= 5
                                            and not re.search(r"[.,;:!?]$", heading)):
                continue
            # a name alone ("Mina Adjei", its given name maybe left out of the mention)
            person = next((p.name for p in facts.people
                           if p.start >= b.start and p.end <= b.end
                           and re.fullmatch(r"(?:(?!By\b|With\b|From\b|Photo|Interview|Text\b)"
                                            r"[A-Z][\w'’-]*\s+){0,2}", text[b.start:p.start])
                           and text[p.end:b.end].strip() == ""), None)
            if person is None:
                continue
            end = next((x.start for x in blocks[i + 1:] if x.kind in ("heading", "title")
                        or x.kind == b.kind == "paragraph" and len(text[x.start:x.end].split())
                        <= 5), len(text))
            topics.append((b.start, end, person))
        cached = doc.user_data["kg_topics"] = (len(facts.people), topics)
    for start, end, person in cached[1]:
        if start <= char < end:
            if facts.subject and (person == facts.subject or set(person.split())
                                  <= set(facts.subject.split())):
                return facts.subject
            return person
    return facts.subject


def subject_pronoun_at(facts: Facts, char: int) -> str | None:
    """The subject's pronoun at offset ``char``: in an interview's answers only "i" (their
    he and she are other people), else the article's.

    >>> f = Facts(subject_pronoun="i/she", answers=[(100, 300)])
    >>> subject_pronoun_at(f, 10), subject_pronoun_at(f, 200)
    ('i/she', 'i')
    """
    k = bisect.bisect_right(facts.answers, (char, _FAR)) - 1
    if k >= 0 and facts.answers[k][0] <= char < facts.answers[k][1]:
        return "i"
    return facts.subject_pronoun


def subject_pronoun_re(pronoun: str | None) -> str:
    """A pattern for the subject's pronouns (he when the article gives none; "i/she": an
    interview's I and its introduction's she).

    >>> import re
    >>> [m.group() for m in re.finditer(subject_pronoun_re("i/she"), "I met her; i.e. me", re.I)]
    ['I', 'her', 'me']
    """
    parts = [SUBJECT_PRONOUNS[p] for p in (pronoun or "he").split("/") if p in SUBJECT_PRONOUNS]
    return "|".join(parts) if parts else SUBJECT_PRONOUNS["he"]


_OPENING_NAME = re.compile(
    r"\s*(?:(?:Don|Dona|Sir|Dame|Dr\.?|Prof\.?)\s+)?"
    r"((?:[A-Z][\w'’.-]*|" + _PARTICLE + r")(?:\s+(?:[A-Z][\w'’.-]*|" + _PARTICLE + r")){1,7})"
    r"(?=\s*[(,;]|\s+(?:is|was|were|has|had)\b)")


def _word_matches(title_word: str, word: str) -> bool:
    t, w = title_word.rstrip("."), word.rstrip(".")
    return t == w or (len(t) == 1 and w.startswith(t)) or (len(t) >= 3 and w.startswith(t))


def _fuller_name(doc: Doc, title: str) -> str:
    """The subject's fullest name: the name the first sentence opens with, when it is the
    title's ("Ross Alger" → "Ross Patterson Alger", "Charles S. Johnson" → "Charles
    Spurgeon Johnson", "Hooshang Seyhoun" → "Houshang Seyhoun")."""
    art: Article | None = doc._.kg_article
    first = _first_prose(art) if art else None
    if first is None:
        return title
    m = _OPENING_NAME.match(doc_text(doc)[first.start : first.end])
    if not m:
        return title
    cand = m.group(1)
    if not cand.endswith(("Jr.", "Sr.")):
        cand = cand.rstrip(".")
    words, tw = cand.split(), title.split()
    if len(words) < 2 or not all(is_name_token(w) or w in ("Jr.", "Sr.") for w in words):
        return title
    it = iter(words)
    in_order = all(any(_word_matches(t, w) for w in it) for t in tw)
    if (in_order and len(words) >= len(tw)) or words[-1] == tw[-1]:
        return cand
    return title


# straight and curly quotes, guillemets («», »«) and low-high quotes („“)
_QUOTE = re.compile(r"\"([^\"\n]{2,400}?)\"|“([^”\n]{2,400}?)”|«\s?([^»\n]{2,400}?)\s?»|"
                    r"»([^«\n]{2,400}?)«|„([^“”\n]{2,400}?)[“”]")


@Language.component("kg_quotes")
def kg_quotes(doc: Doc) -> Doc:
    """Record quoted stretches (paper titles, quotations), without their closing comma."""
    facts = facts_of(doc)
    for m in _QUOTE.finditer(doc_text(doc)):
        g = next(k for k in range(1, 6) if m.group(k) is not None)
        s, e = m.start(g), m.end(g)
        while e > s and doc_text(doc)[e - 1] in ",.;: ":
            e -= 1
        if e > s:
            facts.quotes.append((s, e))
    return doc
