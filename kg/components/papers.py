"""Components that find papers: in prose, in Markdown tables and in reference lists."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ..dates import PartialDate, find_dates, relative_year
from ..facts import AuthorFact, PaperFact, PersonFact
from ..lexicon import VENUES
from ..reader import unescape_markdown
from .frames import ORDINALS, PUBLISH_VERBS, SEPARATOR, WORK_NOUNS, Frame, read_frames
from .mentions import NAME_RE, citation_venue, clean_name, is_person_name
from .structure import (
    block_at,
    doc_text,
    facts_of,
    other_pronouns,
    subject_at,
    subject_pronoun_at,
    subject_pronoun_re,
    topic_pronoun,
)

__all__ = ["kg_papers", "kg_tables", "kg_references", "parse_identifiers", "split_authors"]

_ARXIV = re.compile(r"\barXiv[:\s]*(?:abs/)?(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?",
                    re.I)
_ARXIV_BARE = re.compile(r"(?<![\d.])(\d{4}\.\d{4,5})(?:v\d+)?(?![\d.])")
_DOI = re.compile(r"\b(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/[^\s,;\]\)]+[^\s,;.\]\)])",
                  re.I)
_PAPER_CUE = re.compile(
    r"\b(paper|preprint|report|thesis|dissertation|book|monograph|article in|study|"
    r"co-?authors?|co-?authored|first author|second author|third author|last author|senior author|"
    r"lead author|author on|author of|authors|posted (?:to|on) arxiv|arxiv|proceedings|published|"
    r"appeared in)\b", re.I)
_NOT_PAPER = re.compile(
    r"\b(blog post|post|essay|talk|keynote|lecture|speech|press release|statement|op-ed|"
    r"interview|tweet|podcast|song|album|film|novel|poem|series|show|slogan|motto|project|grant|"
    r"initiative|campaign|exhibition|course)(?:\s+[A-Z][\w-]*)?\s*,?\s*$", re.I)
_VENUE_RE = re.compile(
    r"\b(" + "|".join(re.escape(v) for v in sorted(VENUES, key=len, reverse=True)) + r")\b"
    r"(?:\s*['’]?(\d{2,4}))?")


def parse_identifiers(text: str, *, bare_arxiv: bool = False) -> list[str]:
    """arXiv and DOI identifiers in ``text``, in the ``arXiv:ID`` / ``doi:ID`` form.

    >>> parse_identifiers("NeurIPS 2016; arXiv:1606.03498 and doi:10.1000/xyz123.")
    ['arXiv:1606.03498', 'doi:10.1000/xyz123']
    >>> parse_identifiers("posted to arXiv as 2103.00020", bare_arxiv=True)
    ['arXiv:2103.00020']
    """
    ids: list[str] = []
    for m in _ARXIV.finditer(text):
        ids.append("arXiv:" + m.group(1))
    if bare_arxiv or re.search(r"\barxiv\b", text, re.I):
        for m in _ARXIV_BARE.finditer(text):
            if "arXiv:" + m.group(1) not in ids:
                ids.append("arXiv:" + m.group(1))
    for m in _DOI.finditer(text):
        ids.append("doi:" + m.group(1))
    return ids


def _venue_in(text: str, year: int | None) -> str | None:
    m = _VENUE_RE.search(text)
    if not m:
        return None
    name = m.group(1)
    y = m.group(2)
    if y is None:
        around = re.search(r"(\d{4})\s+" + re.escape(name) + r"\b", text)
        if around:
            y = around.group(1)
        elif year is not None and name not in ("Nature", "Science", "Cell", "PNAS"):
            y = str(year)
    if y and len(y) == 2:
        y = "20" + y if int(y) < 50 else "19" + y
    return f"{name} {y}" if y else name


def _title_like(t: str) -> bool:
    words = re.findall(r"[A-Za-z][\w'-]*", t)
    if len(words) < 2 or not t[:1].isupper():
        return False
    content = [w for w in words if len(w) >= 4]
    caps = sum(1 for w in content if w[0].isupper())
    return not content or caps * 2 >= len(content)


def _aliases_after(text: str) -> list[str]:
    """Short names in parentheses right after a title: '(Image GPT, also known as iGPT)'."""
    m = re.match(r"\s*,?\s*\(([^()]{1,80})\)", text)
    if not m or re.search(r"\b(?:1[5-9]|20)\d\d\b", m.group(1)):
        return []  # an imprint or a date ("(Yale University Press, 2012)"), not a short name
    out = []
    for part in re.split(r",\s*(?:also known as|or|aka)?\s*|;\s*|\s+or\s+|\s*also known as\s*",
                         m.group(1)):
        part = part.strip(" \"'“”")
        if part and len(part.split()) <= 4 and not re.fullmatch(r"\d{4}", part):
            out.append(part)
    return out


_SHORT_NAME = r"([A-Z][\w.]*(?:[- ][A-Z0-9][\w.]*){0,2})"


def _person_at(doc: Doc, s: int, e: int) -> list[tuple[int, int, str]]:
    facts = facts_of(doc)
    return sorted((p.start, p.end, p.name) for p in facts.people if s <= p.start and p.end <= e)


def _subject_pronoun_re(pron: str | None) -> str:
    return subject_pronoun_re(pron)


_SPEECH_BEFORE = re.compile(
    r"\b(?:called|calls|dubbed|nicknamed|known\s+as|termed|labell?ed|branded|described\s+"
    r"(?:it|him|her|them|this|that|the\s+\w+)\s+as|said|says|told\s+[^,\"“]{0,60}|"
    r"telling\s+[^,\"“]{0,60}|wrote\s+that|recalled|recalls|argued|argues|added|noted|stated|"
    r"remarked|joked|put\s+it|in\s+(?:his|her|their)\s+words|"
    # "as" alone, not "published as" / "appeared as" (a work's title follows)
    r"(?<!published\s)(?<!appeared\s)(?<!released\s)(?<!issued\s)(?<!posted\s)as)"
    r"\s*,?\s*(?:that\s+)?$", re.I)
_WORK_BEFORE = re.compile(r"\b" + WORK_NOUNS + r"(?:\s+(?:together|from\s+that\s+year|"
                          r"from\s+\w+|of\s+\w+|with\s+\w+)){0,2}\s*[,:]?\s*(?:(?:(?:was|is|"
                          r"were)\s+)?(?:titled|entitled|called|named)\s*,?\s*|(?:was|is|were)\s+)?$|"
                          # "published in 2023: Roe et al., 'X'"
                          r"\bet\s+al\.?\s*,?\s*(?:\(\d{4}\)\s*,?\s*)?$|"
                          # "The paper most people know from that period is 'X'"
                          r"\b" + WORK_NOUNS + r"(?:\s+(?!(?:said|says|found|finds|showed|"
                          r"shows|concluded|argued|called|noted|reported)\b)[\w'’-]+){1,6}?\s+"
                          r"(?:is|was)\s*$|"
                          # "appeared in Nature Energy in 2021 under the title 'X'"
                          r"\b(?:appeared|published|came\s+out|printed|issued|released)\b[^.;\"“]{0,60}"
                          r"\bunder\s+the\s+title\s*,?\s*$", re.I)
_IT_APPEARED = re.compile(r"\s*(?:It|The\s+(?:paper|study|article|preprint|book))\s+"
                          r"(?:finally\s+|eventually\s+|then\s+)?(?:came\s+out|appeared|was\s+"
                          r"published|was\s+printed)\b", re.I)
_IT_IS_CALLED = re.compile(r"^\s*(?:it|this\s+one|that\s+one)\s*(?:['’]s|is|was)\s+(?:called|"
                          r"titled|entitled|named)\s*,?\s*$", re.I)
# a quote followed by where and when it appeared: '"X", in Oikos in 1986', '"X" came out in
# The American Naturalist', '"X" in the Journal of Things in 2008'
#: an aside in brackets between a title and what is said of it: '"X" (with A and B) was'
_BRACKET = r"(?:\([^()]{1,80}\)\s*,?\s*)?"
_VENUE_AFTER = re.compile(r"^[\"”»“«*_,]{0,2}\s*,?\s*" + _BRACKET
                          + r"(?:(?:came\s+out|appeared|ran|was\s+published|was\s+printed|"
                          r"published)\s+)?(?:in|at)\s+(?:the\s+)?(?:(?:journal|magazine|"
                          r"newspaper)\s+)?[A-Z][^.;]{0,80}?\b(?:1[5-9]|20)\d\d\b")
# a quote followed by a known venue or a journal's name, no year: '"X," in Nature Materials'
_NAMED_VENUE_AFTER = re.compile(
    r"^[\"”»“«*_,]{0,2}\s*,?\s*(?:(?:came\s+out|appeared|was\s+published|published)\s+)?in\s+"
    r"(?:the\s+)?(?:(?:" + "|".join(re.escape(v) for v in sorted(VENUES, key=len, reverse=True))
    + r")\b|(?:[A-Z][\w&-]*\s+){0,4}(?:Journal|Review|Letters|Proceedings|Transactions|Annals|"
    r"Bulletin|Quarterly)\b)")
# a journal named right before a quote: 'a follow-up in the Medical Journal, "X"'
_NAMED_VENUE_BEFORE = re.compile(
    r"\b(?:in|for)\s+(?:the\s+)?(?:(?:" + "|".join(re.escape(v) for v in sorted(
        VENUES, key=len, reverse=True)) + r")|(?:[A-Z][\w&-]*\s+){0,5}(?:Journal|Review|Letters|"
    r"Proceedings|Transactions|Annals|Bulletin|Quarterly)(?:\s+of(?:\s+the)?(?:\s+[A-Z][\w&-]*)+)?)"
    r"\s*,\s*[\"“«„]?$")
# a publishing verb right after a quote: '"X", which she wrote with', '"X" was published'
_VERB_AFTER_QUOTE = re.compile(r"^[\"”»“«*_,]{0,2}\s*,?\s*" + _BRACKET
                               + r"(?:(?:which|that)\s+(?:[\w'’-]+\s+)?|"
                               r"(?:was|were|had\s+been|has\s+been|is)\s+)(?:\w+ly\s+)?(?:"
                               + PUBLISH_VERBS + r"|(?<=which\s)came\s+out\s+in|"
                               r"(?<=that\s)came\s+out\s+in)\b", re.I)
_TITLE_WORD = r"(?:[A-Z0-9][\w'’.-]*|(?:of|and|the|for|in|on|a|an|to|with|from|by|at|via|" \
              r"without|under|over|into|as|or|vs\.?|versus|is|are|do|does|not|its)\b)"
_UNQUOTED = re.compile(
    # "published a memoir, Forty Years at the Bar." / "published The Tariff and the Farmer, a
    # widely circulated pamphlet": a title in title case beside its work noun
    r"\b" + PUBLISH_VERBS + r"\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+)?(?:memoir|book|novel|"
    r"monograph|pamphlet|autobiography|biography|history|textbook|study)\s*,\s*(?P<title8>[A-Z]"
    r"[\w'’-]*(?:[:,]?\s+" + _TITLE_WORD + r"){1,30}?)(?=\s*[.;]\s|\s*[.;]$|$|"
    # "..., with the Lima publisher Hale Press": where it came out
    r",\s+(?:with|through|via|from)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}?(?:publisher|press|"
    r"imprint)\b|,\s+(?:with|through|via|from)\s+(?:the\s+)?(?:[A-Z][\w&'’-]*\s+){1,4}(?:Press|"
    r"Publishers|Publishing|Books)\b)|"
    r"\b" + PUBLISH_VERBS + r"\s+(?P<title9>[A-Z][\w'’-]*(?:[:]?\s+" + _TITLE_WORD
    + r"){1,20}?),\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:memoir|book|novel|monograph|pamphlet|"
    r"autobiography|biography|history|textbook|study|report)\b|"
    # "a thesis titled Salt, Blood Pressure and Migration: A Study of X." (commas inside a
    # title in title case that ends the sentence)
    r"\b(?:" + WORK_NOUNS + r")\s*,?\s*(?:(?:provisionally|tentatively|simply)\s+)?"
    r"(?:titled|entitled)\s*,?\s*(?P<title7>[A-Z][\w'’-]*"
    r"(?:[:,]?\s+" + _TITLE_WORD + r"){2,30}?)(?=\.\s|\.$|$)|"
    r"\b(?P<noun>" + WORK_NOUNS + r")\s*,?\s*(?:(?:provisionally|tentatively|simply)\s+)?"
    r"(?:(?:titled|entitled|called|named)\s*,?\s*)"
    r"(?P<title>[A-Z0-9][^,;()\"“]{3,200}?)(?=\s*(?:[,;(]|$|\.\s|\.$|\s+(?:in|at|which|that|"
    r"was|were|is|and|with|by|for|under|appeared|received|won)\s+[a-z0-9]))"
    r"|\b(?P<noun2>(?:dissertation|thesis|book|textbook|monograph|memoir|paper|article|"
    r"study|report|preprint|novel))\s*,\s*"
    r"(?P<title2>[A-Z][^,;()\"“]{8,200}?)\s*,\s*(?=(?:was|is|which|appeared|received|won|"
    r"earned|argued|proposed|introduced|showed|became|remains|set|had|has|described|found|"
    r"published|written|co-written|reported|made|drew)\b)"
    r"|\b(?P<noun3>(?:book|textbook|monograph|dissertation|thesis|memoir))\s+(?P<title3>[A-Z]"
    r"[\w'’-]*(?:\s*:?\s+" + _TITLE_WORD + r"){1,20}?)(?=\s*\([^()]*\d{4}\))"
    # "His 1974 paper Zeolite acidity and the crude problem, which he wrote alone"
    r"|\b(?P<noun4>" + WORK_NOUNS + r")\s+(?P<title4>[A-Z][^,;()\"“.]{10,200}?)(?=\s*,\s*"
    r"(?:which|that|in\s+which|published|written|co-written|co-authored|issued|led\s+by|"
    r"by|a|an)\b)"
    # "In 1991 he published Chemistry for a Hungry Continent, a book for general readers"
    r"|\b" + PUBLISH_VERBS + r"\s+(?P<title5>[A-Z][^,;()\"“.]{10,200}?)(?=\s*,\s*(?:a|an|the)"
    r"\s+(?:[\w-]+\s+){0,3}?" + WORK_NOUNS + r"\b)"
    # a book by its imprint: "appeared as Fevers of Empire: Malaria in West Africa (Manchester
    # University Press, 1994)", "shaped Instruments of Care (Yale University Press, 2012)"
    r"|(?<![\w'’-])(?P<title6>[A-Z0-9][\w'’-]*(?:[:,]?\s+(?:[A-Z0-9][\w'’.–-]*|(?:of|and|the|for|"
    r"in|on|a|an|to|with|from|by|at|via|without|under|over|into|as|or)\b)){1,25}?)"
    r"(?=\s*\([^()]*?\b(?:Press|Publishers|Publishing|Books|Verlag|Macmillan|Routledge|Springer|"
    r"Wiley|Elsevier|Norton|Penguin|Knopf|HarperCollins|Holland|Blackwell|Sage|Brill|Heinemann|"
    r"Longman|Scribner|Doubleday|Viking|Gallimard|Suhrkamp)\b[^()]*?\b\d{4}\))",
)


# a publishing verb right before a quote: 'she published "X"', 'they posted the preprint "X"'
_VERB_BEFORE = re.compile(r"\b" + PUBLISH_VERBS + r"\s+(?:(?:the|a|an|their|his|her|its)\s+)?"
                          r"(?:[\w-]+\s+){0,2}?[\"“«„»*_]?$", re.I)
_VENUE_WORDS = re.compile(r"^(?:the\s+)?(?:journal|proceedings|transactions|annals|bulletin)\b|"
                          r"\b(?:review|letters|journal|quarterly|magazine|proceedings)$", re.I)


def _is_named_entity(doc: Doc, s: int, e: int) -> bool:
    """Whether [s, e) is one organisation, place or person entity ("*The Economist*")."""
    span = doc.char_span(s, e, alignment_mode="expand")
    ents = {t.ent_type_ for t in span or ()}
    return bool(span) and len(ents) == 1 and ents <= {"ORG", "GPE", "PERSON", "NORP", "FAC"}


def _quote_is_work(doc: Doc, s0: int, s1: int, qs: int, qe: int, strong: bool) -> bool:
    """Whether the quoted stretch [qs, qe) names a written work rather than quoting speech."""
    text = doc_text(doc)
    title = text[qs:qe]
    before = text[max(s0, qs - 80): qs - 1]
    if not title[:1].isupper() and not title[:1].isdigit():
        return False
    if len(re.findall(r"[\w'-]+", title)) < 2 or _NOT_PAPER.search(before) or re.match(
            r"[\"”»,.]{0,3}\s*,?\s*(?:U\.\s?S\.\s+|US\s+|European\s+)?Patent\b", text[qe:qe + 40]):
        return False  # (a patent is no paper)
    work = _WORK_BEFORE.search(before) is not None or (
        # "... our 2022 paper on dendrites. It's called 'X'": the work the sentence before
        # spoke of
        _IT_IS_CALLED.search(before) is not None
        and re.search(r"\b" + WORK_NOUNS + r"\b", re.split(
            r"(?<=[.!?])\s+", text[max(0, s0 - 300):s0].rstrip())[-1], re.I) is not None)
    speech = None if work else _SPEECH_BEFORE.search(before)
    if speech and re.match(r"\s*as\b", speech.group(0), re.I) and re.search(
            r"\b(?:published|appeared|released|issued|posted|printed|came\s+out)\b[^.;\"“”]{0,80}$",
            before[:speech.start()], re.I):
        # "published in the Journal of X in March 2006 as 'Y'": a title, not a name given
        speech, strong = None, True
    if not work and speech:
        return False
    if not (_title_like(title) or work or strong):
        return False
    return work or strong or bool(_PAPER_CUE.search(text[s0:s1]))


def _titles_in(doc: Doc, s0: int, s1: int, frames: list[Frame]) -> list[tuple[int, int]]:
    """The titles of works a prose sentence names: quoted, emphasised, or unquoted after
    a work noun ("a thesis titled X", "her dissertation, X, was", "the textbook X (2012)")."""
    facts = facts_of(doc)
    art = doc._.kg_article
    text = doc_text(doc)
    out: list[tuple[int, int]] = []
    spans = [(qs, qe) for qs, qe in facts.quotes if s0 <= qs and qe <= s1]
    emphasis = [(i.start, i.end) for i in (art.inline if art is not None else [])
                if i.kind == "em" and s0 <= i.start and i.end <= s1]
    for qs, qe in sorted(set(spans + emphasis)):
        # strong: a 'by' list or a year-and-venue bracket right beside it
        strong = any(f.kind in ("by", "led") and (0 <= f.start - (qe - s0) <= 4
                                                  or 0 <= (qs - s0) - f.end <= 12)
                     for f in frames) or any(
            # '"Sodium Anodes at Scale," in 2012, with my advisor A and B'
            f.kind == "with" and 0 <= f.start - (qe - s0) <= 16
            and re.fullmatch(r"[\"”»“«*_,]{0,2}\s*,?\s*(?:in\s+\d{4}\s*,?\s*)?",
                             text[qe:s0 + f.start]) is not None
            for f in frames) or bool(re.match(
                         r"[\"”»“«*_,]{0,2}\s*,?\s*\([^()]{0,80}\b\d{4}\)", text[qe:s1])) or bool(
                         _VERB_BEFORE.search(text[max(s0, qs - 50):qs])
                         or _VERB_AFTER_QUOTE.match(text[qe:min(s1, qe + 60)])
                         or _VENUE_AFTER.match(text[qe:min(s1, qe + 110)])
                         or _NAMED_VENUE_AFTER.match(text[qe:min(s1, qe + 80)])
                         or _NAMED_VENUE_BEFORE.search(text[max(s0, qs - 90):qs])) or bool(
            # a sentence that is a citation alone: '"X," Lab on a Chip, 2014.', '"X," 2016.'
            re.fullmatch(r"\s*[\"“«]?\s*", text[s0:qs])
            and re.fullmatch(r"[\"”»,.]{0,3}\s*,?\s*(?:[A-Z][\w&'’.-]*(?:\s+[\w&'’.-]+){0,7},\s*)?"
                             r"(?:19|20)\d\d\s*[.;]?\s*", text[qe:s1]))
        if (qs, qe) not in spans and (_VENUE_WORDS.search(text[qs:qe])
                                      or _is_named_entity(doc, qs, qe)):
            continue  # an emphasised journal, newspaper or name is not a title
        if (qs, qe) not in spans and any(q0 <= qs and qe <= q1 or q1 <= qs and re.search(
                r"\bin\s+(?:the\s+)?[*_]{0,2}$", text[max(s0, qs - 10):qs]) for q0, q1 in spans):
            # a species name inside a quoted title; a journal after one: '"X," in *Oikos*'
            continue
        if _quote_is_work(doc, s0, s1, qs, qe, strong):
            out.append((qs, qe))
    sent = text[s0:s1]
    for m in _UNQUOTED.finditer(sent):
        g = next(x for x in ("title", "title2", "title3", "title4", "title5", "title6",
                             "title7", "title8", "title9")
                 if m.group(x))
        a, b = s0 + m.start(g), s0 + m.end(g)
        t = text[a:b].rstrip(" .")
        b = a + len(t)
        if len(t.split()) >= 2 and not any(qa <= a < qb or a <= qa < b for qa, qb in out):
            out.append((a, b))
    return sorted(out)


_LIST_CUE = re.compile(r"\b(?:by|with|alongside|co-?authors?|authors\s+(?:were|are|included))"
                       r"\s+(?:(?:his|her|their|the|a|an)\s+(?:[a-z][\w'’-]*\s+){0,3}?)?$")
_NAME_SPAN = re.compile(r"(?<![\w.])" + NAME_RE + r"(?![\w])")


_NOT_PERSON_ENTS = {"ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "WORK_OF_ART", "PRODUCT",
                    "LAW", "LANGUAGE", "DATE"}


def _list_names(doc: Doc, s0: int, text: str, people: list[tuple[int, int, str]],
                titles: list[tuple[int, int]], known: set[str]) -> list[tuple[int, int, str]]:
    """Names the recogniser missed that stand in an author list of a sentence about a work:
    name-shaped words right after 'by' / 'with' / 'co-authors', or joined by list
    separators to a known mention ("by Ana Ruiz, Bo Lind and Li Wei": 'Bo Lind' untagged).
    Words the recogniser tags as something else (a place, a band) are left alone."""
    spans = sorted(people)
    out: list[tuple[int, int, str]] = []
    for m in _NAME_SPAN.finditer(text):
        a, b, name = m.start(), m.end(), clean_name(m.group(0))
        if any(a < pe and ps < b for ps, pe, _ in spans) or not is_person_name(name) or \
                citation_venue(text, a, a + len(m.group(0).rstrip())):
            continue  # (a citation's venue after its authors: "..., Nature Geoscience, 2012")
        if any(ta <= s0 + a < tb for ta, tb in titles):
            continue
        joined = any(SEPARATOR.fullmatch(text[pe:a]) or SEPARATOR.fullmatch(text[b:ps])
                     for ps, pe, _ in spans + out)
        span = doc.char_span(s0 + a, s0 + b, alignment_mode="expand")
        # the small model often tags a list's last names ORG ("Laan and Ines Boer"): a name
        # joined to a person keeps it; a place, a work, an event never
        tags = {t.ent_type_ for t in span or ()} & _NOT_PERSON_ENTS
        if tags and not (joined and tags == {"ORG"}):
            continue
        if joined or _LIST_CUE.search(text[max(0, a - 60):a]):
            out.append((a, a + len(name), name))
            known.add(name)
    return out


def _surnames(text: str, people: list[tuple[int, int, str]], facts,
              authors: set[str]) -> list[tuple[int, int, str]]:
    """Surnames of people named in full so far (in the text or in an earlier author list)
    that no earlier component marked here."""
    surnames = {n.split()[-1] for n in authors | {p.name for p in facts.people}
                if len(n.split()) > 1}
    out = []
    for m in re.finditer(r"(?<![\w.-])([A-Z][\w'’-]+)(?![\w-])", text):
        a, b = m.span(1)
        if m.group(1) in surnames and not any(a < pe and ps < b for ps, pe, _ in people):
            out.append((a, b, m.group(1)))
    return out


def _drop_people_in(facts, titles: list[tuple[int, int]]) -> None:
    """Words of a title are not people ("Nitrogen Cycling in Peat Bogs") nor organisations
    ("Instruments of Care: A Material History of the Hospital Ward")."""
    facts.people[:] = [p for p in facts.people
                       if not any(a <= p.start < b for a, b in titles)]
    facts.orgs[:] = [o for o in facts.orgs if not any(a <= o.start and o.end <= b
                                                      for a, b in titles)]


def _mentions(doc: Doc, s0: int, s1: int) -> list[tuple[int, int, str]]:
    """The sentence's person mentions, relative to ``s0``; in an interview, "I" and "me"
    are the subject."""
    out = [(a - s0, b - s0, n) for a, b, n in _person_at(doc, s0, s1)]
    out += [(a - s0, b - s0, n) for a, b, n in other_pronouns(doc) if s0 <= a < s1]
    facts = facts_of(doc)
    if facts.subject and (facts.subject_pronoun or "").startswith("i"):
        for m in re.finditer(r"(?<![\w'’])(?:I|me)(?![\w'’])|(?<![\w'’])I(?=['’]m\b)",
                             doc_text(doc)[s0:s1]):
            if not any(a <= m.start() < b for a, b, _ in out):
                out.append((m.start(), m.end(), facts.subject))
    # "She and Vale published X", "Vale and she": the subject's pronoun in a list of names
    own = topic_pronoun(doc, s0) or subject_pronoun_at(facts, s0)
    if facts.subject and own and own.rpartition("/")[2] in ("he", "she"):
        word = own.rpartition("/")[2]
        text = doc_text(doc)[s0:s1]
        starts = {a for a, _b, _n in out}
        for m in re.finditer(r"\b(?i:" + word + r")\b", text):
            after = re.match(r"\s+and\s+", text[m.end():])
            before = re.search(r"\s+and\s+$", text[:m.start()])
            if (after and m.end() + after.end() in starts) or (
                    before and any(b == m.start() - len(before.group(0)) for _a, b, _n in out)):
                subject = subject_at(doc, s0) or facts.subject
                out.append((m.start(), m.end(), subject))
    return sorted(out)


def _title_of(f: Frame, titles: list[tuple[int, int]], text: str) -> int:
    """The index of the title a frame is about: a list before a publishing verb wrote the
    next title of its clause ("A presented X and B wrote Y"); else :func:`_nearest_title`."""
    if f.kind == "verb":
        after = [i for i, (a, _b) in enumerate(titles) if a >= f.end
                 and ";" not in text[f.end:a]]
        if after:
            return after[0]
    return _nearest_title(f, titles, text)


def _nearest_title(f: Frame, titles: list[tuple[int, int]], text: str) -> int:
    """The index of the title a frame is about: the one right beside it, else the nearest
    (a title across a ';' counts as farther)."""
    best, best_d = 0, 10**9
    for i, (a, b) in enumerate(titles):
        if 0 <= f.start - b <= 4 or (0 <= a - f.end <= 12 and f.kind in ("by", "possessive",
                                                                      "led")):
            return i
        gap = text[min(b, f.start):max(a, f.end)] if b <= f.start or a >= f.end else ""
        d = (f.start - b if b <= f.start else a - f.end if a >= f.end else 0)
        d += 400 * gap.count(";")
        if d < best_d:
            best, best_d = i, d
    return best


_AGENT_PRONOUN = re.compile(
    r"\b(?P<p>he|she|they|his|her|their|(?-i:I)|my|we|our)\b"
    r"(?:(?!\b(?:he|she|they|his|her|their|(?-i:I)|my|we|our)\b).)*$", re.I | re.S)
_SUBJECTIVE = {"he": "he", "she": "she", "i": "(?-i:I)|we"}
_POSSESSIVE = {"he": "his", "she": "her", "i": "my|our"}


@lru_cache(maxsize=8)
def _subject_work(pronoun: str | None) -> re.Pattern[str]:
    """'she published', 'his paper', 'I was second author': the subject as the author, by
    the subject's own pronouns (he, she, or an interview's I and we)."""
    parts = (pronoun or "he/she").split("/")
    he = "(?:" + "|".join(_SUBJECTIVE[p] for p in parts if p in _SUBJECTIVE) + ")"
    his = "(?:" + "|".join(_POSSESSIVE[p] for p in parts if p in _POSSESSIVE) + ")"
    return re.compile(
        r"^(?:[^,]*,\s*)?" + his + r"\b|\b" + he + r"\s+(?:also\s+|later\s+|then\s+|had\s+|"
        r"has\s+|have\s+|jointly\s+|first\s+)*" + PUBLISH_VERBS + r"\b|\b" + he
        + r"\s+(?:was|is|am|were)\s+(?:again\s+|also\s+)?(?:the\s+|a\s+)?(?:\w+\s+)?"
        r"(?:co-?)?author\b|\b" + his + r"\s+(?:[\w'’-]+\s+){0,3}?" + WORK_NOUNS + r"\b|\b"
        + his + r"\s+(?:group|lab|team|laboratory)['’]s\b|\b" + he
        # "she completed a PhD with a thesis titled X", "he was supervised by A, and in 1994
        # completed a PhD with a thesis titled X"
        + r"\s+(?:[^.;]{0,160}?\band\s+(?:(?:in|on)\s+[\w ]{4,20}?\s+)?)?(?:completed|defended|"
        r"submitted|finished|earned|received|obtained|wrote)\b[^.;]{0,60}\b(?:thesis|"
        r"dissertation)\b|\b" + he
        # "she and her colleague Tom Vale published X"
        + r"\s+and\s+(?:[\w.'’-]+\s+){1,6}?" + PUBLISH_VERBS + r"\b|\b" + he
        # "she returned to Cincinnati and in 1926 published X": a second verb of hers
        + r"\s+(?:[\w-]+\s+){1,8}?and\s+(?:(?:later\s+|then\s+)?(?:in|on)\s+[\w ]{4,20}?\s+)?"
        + PUBLISH_VERBS + r"\b|\b" + he
        # "she is also completing a third monograph"
        + r"\s+(?:is|was)\s+(?:also\s+|now\s+|currently\s+)?(?:completing|writing|finishing|"
        r"preparing)\s+(?:a|an|her|his|their|the)\s+(?:[\w-]+\s+){0,2}?" + WORK_NOUNS + r"\b",
        re.I)
_SOLE = re.compile(r"\b(?:wrote|written|authored|published)\b[^.;]{0,120}?\b(?:alone|by\s+"
                   r"(?:him|her)self|on\s+(?:his|her)\s+own|without\s+(?:any\s+)?co-?authors?|"
                   r"with\s+no\s+co-?authors?)\b|\b(?:sole|single|solo)[- ]"
                   r"(?:authored|author)\b|\bas\s+(?:the\s+)?sole\s+author\b", re.I)
#: a group named in the sentence before: "The three of them posted X", "The two published X"
#: ("Their paper X" was tried: it cost precision on unseen articles)
_THEY_WORK = re.compile(r"\bthey\s+(?:\w+\s+){0,2}?" + PUBLISH_VERBS, re.I)
_GROUP_WORK = re.compile(r"\b(?:the\s+(?:two|three|four|five|pair|trio)(?:\s+of\s+them)?|"
                         r"both\s+of\s+them)\s+(?:\w+\s+){0,2}?" + PUBLISH_VERBS, re.I)


@Language.component("kg_papers")
def kg_papers(doc: Doc) -> Doc:
    """Papers named in prose: a work's title (quoted, emphasised or after a work noun) with
    its date, venue and identifiers, and its authors read from the sentence's frames
    (:mod:`kg.components.frames`): ordered lists after "by", "with" co-authors, lists
    before a publishing verb, author positions in words, possessives and pronouns."""
    facts = facts_of(doc)
    art = doc._.kg_article
    last_paper: PaperFact | None = None
    pending: tuple[str, list[AuthorFact], PartialDate | None, int] | None = None
    last_block = None
    prev_people: list[str] = []
    context_year: int | None = None
    known_authors: set[str] = set()  # names first found in an author list
    borrowed: set[int] = set()  # papers dated by the sentence before theirs
    for sent in doc.sents:
        block = block_at(art, sent.start_char)
        if block is not None and block.kind in ("row", "reference", "title", "heading"):
            continue
        if block is not last_block:
            last_block = block
            last_paper = None
            prev_people = []
            context_year = None
        s0, s1 = sent.start_char, sent.end_char
        text = sent.text
        year_here = [d.year for _, _, d in find_dates(text)]
        people = _mentions(doc, s0, s1)
        me = facts.subject if (facts.subject_pronoun or "").startswith("i") else None
        frames = read_frames(text, people, self_name=me)
        titles = _titles_in(doc, s0, s1, frames)
        if titles:
            # in a sentence about a work: names the recogniser missed in its author lists
            _drop_people_in(facts, titles)
            people = [x for x in people if not any(a <= x[0] + s0 < b for a, b in titles)]
            people += _list_names(doc, s0, text, people, titles, known_authors)
            people.sort()
            people += _surnames(text, people, facts, known_authors)
            people.sort()
            frames = read_frames(text, people, self_name=me)
            titles = _titles_in(doc, s0, s1, frames)
        if not titles:
            if last_paper is not None:
                _follow_up(doc, last_paper, text, people, frames)
                appeared = find_dates(text) if (last_paper.date is None or id(last_paper)
                                                in borrowed) and _IT_APPEARED.match(text) else []
                if appeared:
                    # '"X" ... It came out in the Journal of Y in 2012.'
                    last_paper.date = appeared[0][2]
                    borrowed.discard(id(last_paper))
            # a work named by its short name: "He was also a co-author of DALL-E, ..."
            m = re.search(r"\b(?:co-?author|first author|author)\s+(?:of|on)\s+" + _SHORT_NAME,
                          text)
            if m and not re.fullmatch(r"(?:The|A|An|Papers?)\b.*", m.group(1)):
                who = _claimant(doc, s0, s0 + m.start(), facts)
                dates = find_dates(text)
                role = [AuthorFact(w, 1 if "first" in m.group(0) else None, "first" in m.group(0))
                        for w in who]
                pending = (m.group(1), role, dates[0][2] if dates else None, sent.start)
            prev_people = [n for _, _, n in people] or prev_people
            context_year = year_here[-1] if year_here else context_year
            continue
        papers = []
        for qs, qe in titles:
            p = PaperFact(doc_text(doc)[qs:qe].strip(), (s0, s1))
            _name_aliases(doc, p, s0, s1, qs, qe)
            _fill_prose_paper(doc, p, s0, s1, qs, qe)
            if p.date is None:  # "The following year they released X"
                year = relative_year(text, context_year)
                p.date = PartialDate(str(year)) if year else None
            if p.date is None and context_year and (re.match(
                    r"\s*(?:The|This|That|Their|Her|His)\s+(?:[\w-]+\s+)?(?:paper|study|article|"
                    r"report|preprint)\b", text) or _IT_IS_CALLED.match(text[:qs - s0].rstrip(
                        "\"“«*_ "))):
                # "Her best-known work came in 1979, when she ... reported ... The paper, 'X',
                # listed ...": the work the sentence before dated
                p.date = PartialDate(str(context_year))
                borrowed.add(id(p))
            papers.append(p)
        rel = [(a - s0, b - s0) for a, b in titles]
        _attach_authors(doc, papers, rel, text, people, frames, prev_people)
        _labelled_theses(doc, papers, titles)
        for p in papers:
            if pending and re.search(
                    r"\b(associated|accompanying|corresponding|underlying)\s+paper",
                    text, re.I) and sent.start - pending[3] < 80:
                p.aliases.append(pending[0])
                p.authors.extend(pending[1])
                if p.date is None:
                    p.date = pending[2]
                pending = None
            facts.papers.append(p)
        last_paper = papers[-1]
        prev_people = [n for _, _, n in people] or prev_people
        context_year = year_here[-1] if year_here else context_year
    return doc


def _name_aliases(doc: Doc, p: PaperFact, s0: int, s1: int, qs: int, qe: int) -> None:
    """Short names beside a title: '(Image GPT)', 'the GPT-2 paper "X"', '"X", the Y paper'."""
    text = doc_text(doc)
    p.aliases.extend(_aliases_after(text[qe + 1: s1]))
    m = re.search(r"\bthe\s+" + _SHORT_NAME + r"\s+(?:paper|report|preprint)\s*,?\s*[\"“«„»*]?$",
                  text[max(s0, qs - 60): qs])
    if m:
        p.aliases.append(m.group(1))
    m = re.match(r"[\"”»“«*]?\s*,?\s*the\s+" + _SHORT_NAME + r"\s+(?:paper|report|preprint)\b",
                 text[qe: s1])
    if m:
        p.aliases.append(m.group(1))


def _attach_authors(doc: Doc, papers: list[PaperFact], titles: list[tuple[int, int]],
                    text: str, people: list[tuple[int, int, str]], frames: list[Frame],
                    prev_people: list[str]) -> None:
    """Give each paper of a sentence the authors its frames name, by adjacency and
    distance; the agent of a 'with' frame (a name, a pronoun, the article's subject) too."""
    facts = facts_of(doc)
    subject = subject_at(doc, papers[0].sentence[0]) if papers else facts.subject
    framed: set[int] = set()
    for f in frames:
        i = _title_of(f, titles, text)
        p = papers[i]
        for name, pos in zip(f.names, f.positions or [None] * len(f.names), strict=True):
            _add_author(p, name, pos)
        if f.last:
            p.authors[-1].position = None
        if f.kind == "by" and f.complete:
            p.complete = True
        for a, b, _n in people:
            if f.start <= a and b <= f.end:
                framed.add(a)
        if f.kind == "with":
            agent = _agent(text[:f.start], people, framed, subject, prev_people,
                           titles[i][0], text)
            for name in agent:
                _add_author(p, name, None)
    # the subject by pronoun or possessive: "she presented X", "Her paper X", "his thesis"
    for i, (a, _b) in enumerate(titles):
        lo = titles[i - 1][1] if i else 0
        head = text[lo:a]
        at = papers[i].sentence[0]
        own = topic_pronoun(doc, at) or subject_pronoun_at(facts, at)
        if subject and _subject_work(own).search(head) and not _other_owner(head, people, lo):
            _add_author(papers[i], subject, None)
        tail = text[_b:titles[i + 1][0] if i + 1 < len(titles) else len(text)]
        pron = subject_pronoun_re(own)
        role = re.match(r"[^;.]{0,40}?\b(?:on\s+which|of\s+which|where|and)\s+(?:" + pron
                        + r")\s+(?:was|is|were|am)\s+(?:the\s+)?(?P<ord>first|second|third|"
                        r"last|senior|lead)\s+author\b", tail, re.I)
        role = role or re.search(
            # "she is best known as lead author of a 2021 study ..., "X""
            r"(?<![\w'’])(?:" + pron + r")\s+(?:is|was)\s+(?:(?!not\b|never\b)[\w-]+\s+){0,3}?"
            r"(?:as\s+)?(?:the\s+)?"
            r"(?P<ord>first|lead|last|senior)\s+author\s+(?:of|on)\s+(?:(?:a|an|the)\s+)?"
            r"(?:[\w-]+\s+){0,2}?" + WORK_NOUNS + r"\b(?:(?![.;]\s).){0,120}$", head, re.I)
        if subject and role:
            # '"X," on which she was first author'
            word = role.group("ord").lower()
            pos = 1 if word == "lead" else ORDINALS.get(word)
            _add_author(papers[i], subject, pos)
        if subject and _SOLE.search(text) and len(papers) == 1 and (
                not papers[0].authors or [x.name for x in papers[0].authors] == [subject]):
            _add_author(papers[0], subject, 1)  # "a paper he wrote alone"
            papers[0].complete = True
        # "they co-authored X", "the three of them posted X": the people of the sentence before
        they = _THEY_WORK.search(head)
        group = bool(_GROUP_WORK.search(head)) and len(set(prev_people)) >= 2 and not any(
            lo <= x[0] < a for x in people)
        if (they or group) and not any(f.kind in ("verb", "by") for f in frames):
            for n in prev_people:
                _add_author(papers[i], n, None)
        # a thesis, a memoir, a book by one person with no one else named: its only author
        p = papers[i]
        if (len(p.authors) == 1 and (_SINGLE_WORK.search(text[max(0, a - 60):a])
                                     or _SINGLE_AFTER.match(text[_b:_b + 40]))
                and (re.search(r"\b(?:dissertation|thesis)\b", text[max(0, a - 60):a], re.I)
                     or not _CO_CUE.search(text))):
            p.authors[0].position, p.authors[0].first = 1, True
            p.complete = True


_SINGLE_WORK = re.compile(r"\b(?:dissertation|thesis|memoir|autobiography|novel|book|"
                          r"monograph)\b", re.I)
_SINGLE_AFTER = re.compile(r"[\"”»“«*_]?,[\"”»“«*_]?\s*(?:a|an|his|her)\s+(?:[\w-]+\s+){0,2}?"
                           r"(?:memoir|autobiography|novel|book|monograph)\b", re.I)
_CO_CUE = re.compile(r"\bco-?(?:authored|wrote|written|authors?|edited)\b|\b(?:others|"
                     r"colleagues|collaborators|et al|jointly|together)\b", re.I)


def _other_owner(head: str, people: list[tuple[int, int, str]], lo: int) -> bool:
    """'... her student Jo Lee's paper': the work is another person's."""
    return any(lo <= a and re.match(r"['’]s?\b", head[b - lo:b - lo + 2] or "x")
               for a, b, _n in people if lo <= a < lo + len(head))


def _agent(before: str, people: list[tuple[int, int, str]], framed: set[int],
           subject: str | None, prev_people: list[str], title_at: int,
           text: str) -> list[str]:
    """Who 'wrote with' the co-authors: the nearest free name or pronoun before the frame,
    else the article's subject when the frame is a co-writing one."""
    free = [(a, n) for a, b, n in people if b <= len(before) and a not in framed]
    pron = _AGENT_PRONOUN.search(before)
    if free and (pron is None or free[-1][0] >= pron.start()):  # a pronoun read as a name
        return [free[-1][1]]
    if pron is not None:
        if pron.group("p").lower() in ("they", "their"):
            return list(prev_people)
        named = [n for a, _b, n in people if a == pron.start()]  # another person's "he"
        return named[:1] or ([subject] if subject else [])
    if subject and re.search(r"\b(?:co-?written|written|co-?authored|authored|together|"
                             r"jointly|published|presented|work\w*|collaborat\w+|"
                             # "In a three-author paper with A and B, ..."
                             r"(?:paper|study|article|preprint|report|monograph|book))\s+with\b",
                             text, re.I):
        return [subject]
    return []


def _add_author(p: PaperFact, name: str, pos: int | None) -> None:
    cur = next((a for a in p.authors if a.name == name), None)
    if cur is None:
        p.authors.append(AuthorFact(name, pos, pos == 1))
    elif pos is not None and cur.position is None:
        cur.position, cur.first = pos, pos == 1


def _follow_up(doc: Doc, paper: PaperFact, text: str, people: list[tuple[int, int, str]],
               frames: list[Frame]) -> None:
    """A sentence after a paper's that names no title but speaks of its authors: "Its first
    author was X", "The authors were A, B and C", "Radford is listed among the paper's
    authors", "He was the last author"."""
    facts = facts_of(doc)
    about = re.search(r"\b(the paper['’]s authors|listed among|listed as (?:an? )?(?:co-)?"
                      r"author|authorship)\b|" + _FOLLOW_UP, text, re.I)
    used = False
    for f in frames:
        if f.kind in ("role", "coauthors") or (f.kind == "by" and about):
            for name, pos in zip(f.names, f.positions, strict=True):
                _add_author(paper, name, pos)
            used = True
    if about and not used:
        for _a, _b, name in people:
            _add_author(paper, name, None)
    wrote = _WRITTEN_WITH.match(text)
    if wrote and not about:
        # "The paper, written with A and B, showed ...": they and the one who wrote it
        for f in frames:
            if f.kind == "with" and f.start >= wrote.start("w"):
                for name in f.names:
                    _add_author(paper, name, None)
                if not paper.authors or all(a.name in f.names for a in paper.authors):
                    owner = wrote.group("o")
                    who = facts.subject if owner is None or \
                        owner.lower() in ("her", "his", "my") else None
                    if who and who not in f.names:
                        _add_author(paper, who, None)
                break
    if about and re.search(r"^\s*(he|she)\b", text, re.I) and facts.subject \
            and facts.subject_pronoun in ("he", "she"):
        m = re.search(r"^\s*(?:he|she)\s+(?:was|is)\s+(?:again\s+|also\s+)?(?:the\s+)?(\w+)\s+"
                      r"author", text, re.I)
        pos = ORDINALS.get(m.group(1).lower()) if m else None
        _add_author(paper, facts.subject, pos)


_WRITTEN_WITH = re.compile(
    r"\s*(?:The|This|That|(?P<o>Her|His|My|Their))\s+(?:[\w-]+\s+){0,2}?(?:paper|study|article|"
    r"preprint|report)\b,?\s+(?P<w>(?:co-?)?(?:written|authored)\s+(?:together\s+)?with)\b")
_FOLLOW_UP = (r"\b(?:its|the\s+(?:paper|study|article|preprint)['’]s)\s+(?:\w+\s+)?author|"
              r"\b(?:with\s+)?co-?authors\b|\b(?:first|lead|last|senior|other|intermediate)"
              r"\s+authors?\b")


def _claimant(doc: Doc, s0: int, cue: int, facts) -> list[str]:
    """Who the authorship cue is about: a person named before it, or the subject's pronoun."""
    people = _person_at(doc, s0, cue)
    pron = re.search(_subject_pronoun_re(topic_pronoun(doc, s0) or subject_pronoun_at(facts, s0)),
                     doc_text(doc)[s0:cue],
                     re.I)
    if people and (not pron or people[-1][0] > s0 + pron.start()):
        return [people[-1][2]]
    if pron and facts.subject:
        return [subject_at(doc, s0) or facts.subject]
    return []


_THESIS_LABEL = re.compile(r"\b(?:(?:doctoral|phd|ph\.d\.|master['’]?s|bachelor['’]?s|senior)\s+)?"
                           r"(?:dissertation|thesis)\s*:\s*[*_\"“]*$", re.I)


def _labelled_theses(doc: Doc, papers: list[PaperFact], titles: list[tuple[int, int]]) -> None:
    """'Dissertation: *Title*' in a CV's degree line: the subject's own thesis, dated by the
    degree's year when the line gives no other."""
    facts = facts_of(doc)
    if not facts.subject:
        return
    text = doc_text(doc)
    for p, (qs, _qe) in zip(papers, titles, strict=True):
        if not _THESIS_LABEL.search(text, max(0, qs - 40), qs) or p.authors:
            continue
        p.authors = [AuthorFact(facts.subject, 1, True)]
        p.complete = True
        art = doc._.kg_article
        block = block_at(art, qs)
        if p.date is None and block is not None:
            # the degree's line: this one, or the one it continues
            k = art.blocks.index(block)
            for b in (block, art.blocks[k - 1] if k else None):
                years = find_dates(text[b.start:b.end]) if b is not None else []
                if years:
                    p.date = years[-1][2]
                    break


def _fill_prose_paper(doc: Doc, p: PaperFact, s0: int, s1: int, qs: int, qe: int) -> None:
    """A prose paper's date (the most precise reading of the year nearest its title), venue
    and identifiers."""
    text = doc_text(doc)[s0:s1]
    outside = [(a + s0, b + s0, d) for a, b, d in find_dates(text) if not (qs <= a + s0 < qe)]
    if outside:
        nearest = min(outside, key=lambda x: min(abs(x[0] - qs), abs(x[0] - qe)))
        same = [d for _, _, d in outside if d.year == nearest[2].year]
        p.date = max(same, key=lambda d: len(d.iso))
    p.identifiers = parse_identifiers(text, bare_arxiv=bool(re.search(r"arxiv", text, re.I)))
    p.venue = _venue_in(doc_text(doc)[s0:qs] + " " + doc_text(doc)[qe:s1],
                        p.date.year if p.date else None)
    if p.venue is None and re.search(r"\bposted (?:to|on) arxiv\b", text, re.I):
        p.venue = "arXiv"


def split_authors(cell: str) -> list[str]:
    """Split an author list ('A, B and C', 'Surname, I., Other, J. & Last, K.') into names.

    >>> split_authors("Goodfellow, I. J., Bengio, Y., & Courville, A.")
    ['I. J. Goodfellow', 'Y. Bengio', 'A. Courville']
    >>> split_authors("Jane Doe, John Q. Public and Ann Lee et al.")
    ['Jane Doe', 'John Q. Public', 'Ann Lee']
    """
    t = re.sub(r"\bet al\.?", "", cell)
    t = re.sub(r"\s*(?:&|\band\b)\s*", ", ", t)
    parts = [x.strip(" .;") for x in t.split(",")]
    parts = [x for x in parts if x]
    out: list[str] = []
    initials = re.compile(r"^(?:[A-Z][a-z]?\.?\s*-?\s*)+$")
    i = 0
    while i < len(parts):
        cur = parts[i]
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        if (nxt is not None and " " not in cur.strip() and initials.match(nxt + ".")
                and not initials.match(cur + ".")):
            ini = " ".join(x + "." for x in re.findall(r"[A-Z][a-z]?(?=\.|\s|$|-)", nxt))
            out.append(f"{ini} {cur}")
            i += 2
            continue
        out.append(cur)
        i += 1
    return [clean_name(n) if not n.endswith(".") else n for n in out if n]


def _cell_title(cell: str) -> tuple[str, list[str]]:
    m = re.match(r"\s*[\"“]([^\"”]+)[\"”]\s*(.*)$", cell)
    if m:
        title, rest = m.group(1).strip(" ,."), m.group(2)
        return title, _aliases_after(rest)
    m = re.match(r"(.*?)\s*\(([^()]+)\)\s*$", cell)
    if m and len(m.group(2).split()) <= 4:
        return m.group(1).strip(" ,."), _aliases_after("(" + m.group(2) + ")")
    return cell.strip(" ,.*_"), []


def _column(header: tuple[str, ...], *words: str) -> int | None:
    for w in words:
        for i, h in enumerate(header):
            if re.search(r"\b" + w + r"\b", h):
                return i
    return None


@Language.component("kg_tables")
def kg_tables(doc: Doc) -> Doc:
    """Papers in Markdown tables, read by their header (Year / Title / Role / Venue / ...)."""
    facts = facts_of(doc)
    art = doc._.kg_article
    if art is None:
        return doc
    for block in art.blocks:
        if block.kind != "row" or not block.header:
            continue
        h = block.header
        cells = [doc_text(doc)[s:e].strip() for s, e in block.cells]
        def get(i: int | None, cells: list[str] = cells) -> str:
            return cells[i] if i is not None and i < len(cells) else ""

        c_title = _column(h, "title", "paper", "publication", "work", "article")
        if c_title is None:
            continue
        title, aliases = _cell_title(get(c_title))
        if not title or title in ("—", "-"):
            continue
        p = PaperFact(title, (block.start, block.end), aliases=aliases, source="table")
        c_year = _column(h, "year", "date", "published")
        c_venue = _column(h, "venue", "journal", "conference", "published in", "identifier",
                          "source", "where")
        c_role = _column(h, "role", "position", "authorship", "contribution")
        c_authors = _column(h, "authors", "author list", "author")
        c_with = _column(h, "with", "co-authors", "coauthors", "collaborators")
        c_ids = [i for i, x in enumerate(h) if re.search(r"\b(arxiv|doi|id|identifier)\b", x)]
        dates = find_dates(get(c_year)) if c_year is not None else []
        venue_text = get(c_venue) if c_venue is not None and c_venue != c_title else ""
        for i in c_ids:
            for ident in parse_identifiers(get(i), bare_arxiv=True):
                if ident not in p.identifiers:
                    p.identifiers.append(ident)
        for ident in parse_identifiers(venue_text):
            if ident not in p.identifiers:
                p.identifiers.append(ident)
        vdates = find_dates(venue_text)
        cand = [d for _, _, d in dates + vdates]
        if cand:
            year = cand[0].year
            p.date = max((d for d in cand if d.year == year), key=lambda d: len(d.iso))
        if venue_text:
            v = _ARXIV.sub("", venue_text)
            v = _DOI.sub("", v)
            for a, b, _ in sorted(vdates, reverse=True):
                v = v[:a] + v[b:]
            parts = [x.strip(" ,;.") for x in re.split(r"[;,]", v)]
            parts = [x for x in parts if x and x not in ("—", "-", "n/a")]
            if parts:
                p.venue = parts[0]
        if p.venue is None and (any(i.startswith("arXiv:") for i in p.identifiers)
                                or re.search(r"\barxiv\b", venue_text, re.I)):
            p.venue = "arXiv"
        if c_authors is not None and get(c_authors) and c_authors != c_role:
            _set_ordered_authors(doc, block, p, split_authors(get(c_authors)))
            p.complete = "et al" not in get(c_authors)
        role = get(c_role).lower() if c_role is not None else ""
        if facts.subject and (role or c_with is not None) and c_authors is None:
            m = re.search(r"\b(first|second|third|fourth|fifth|last|senior)\b", role)
            pos = ORDINALS.get(m.group(1)) if m else None
            p.authors.insert(0, AuthorFact(facts.subject, pos, pos == 1))
        if c_with is not None and get(c_with):
            for n in split_authors(get(c_with)):
                p.authors.append(AuthorFact(n))
                _add_table_person(doc, block, n)
        facts.papers.append(p)
    return doc


def _set_ordered_authors(doc: Doc, block, paper: PaperFact, names: list[str]) -> None:
    """A complete, ordered author list (table column, reference entry): positions and people."""
    paper.authors = [AuthorFact(n, i + 1, i == 0) for i, n in enumerate(names)]
    for n in names:
        _add_table_person(doc, block, n)


def _add_table_person(doc: Doc, block, name: str) -> None:
    facts = facts_of(doc)
    k = doc_text(doc).find(name, block.start, block.end)
    s, e = (k, k + len(name)) if k >= 0 else (block.start, block.start)
    facts.people.append(PersonFact(name, s, e, (block.start, block.end), "table"))


_SOURCE_SECTIONS = re.compile(r"^\s*(?:references|notes|sources|citations|footnotes|"
                              r"further reading|external links|notes and references)\s*$", re.I)


#: A heading over a list of the subject's own works.
_WORKS_SECTION = re.compile(r"^\s*(?:(?:selected|major|other|principal|published)\s+)?"
                            r"(?:works(?!\s+cited)|bibliography|books|novels|writings|poetry|plays|fiction|"
                            r"non-?fiction|monographs)\b", re.I)
#: A line of such a list: "Glass Orchard (1956)", "Salt in the Rigging (Sol u konopima,
#: 1938)", "Notebook from the Islands (1959), with Tom Vale".
_WORK_LINE = re.compile(r"\s*(?P<title>[A-Z\"“][^()\n,;]{1,150}?)\s*\((?:[^()]{1,80}?,\s*)?"
                        r"(?P<year>(?:1[5-9]|20)\d\d)\)(?P<rest>[^()]{0,120})$")


def _own_work(doc: Doc, block) -> bool:
    """A line of a works list under its heading: one of the subject's own works, with the
    people named after "with" as co-authors. Whether the block was read so."""
    facts = facts_of(doc)
    text = doc_text(doc)[block.start:block.end]
    m = _WORK_LINE.fullmatch(text)
    if not m or not facts.subject or not _WORKS_SECTION.match(block.section):
        return False
    title = m.group("title").strip().strip("\"“”")
    if len(title.split()) < 2 and not re.search(r"[a-z]", title) or re.search(
            r"\b(?:was|is|were|are|her|his|their|my|which|who)\b", title):
        return False  # "Her first novel was Glass Orchard (1956)": prose, not a list
    p = PaperFact(title, (block.start, block.end), source="reference")
    p.date = PartialDate(m.group("year"))
    p.authors = [AuthorFact(facts.subject, 1, True)]
    with_at = re.search(r"\bwith\s", m.group("rest"))
    if with_at:
        lo = block.start + m.start("rest") + with_at.end()
        for person in sorted(facts.people, key=lambda x: x.start):
            if lo <= person.start < block.end and person.name != facts.subject:
                p.authors.append(AuthorFact(person.name, None, False))
        p.authors[0].position, p.authors[0].first = None, False  # the order is not said
    p.complete = True
    facts.papers.append(p)
    return True


def _by_someone_named(doc: Doc, names: list[str]) -> bool:
    """Whether a cited work's author is the subject or a person the prose names."""
    facts = facts_of(doc)
    prose = {p.name.split()[-1] for p in facts.people if p.source != "table"}
    if facts.subject:
        prose.add(facts.subject.split()[-1])
    return any(n.split()[-1] in prose for n in names)


def _add_outlet(doc: Doc, block, name: str) -> None:
    from ..facts import OrgFact

    k = doc_text(doc).find(name, block.start, block.end)
    if k < 0:
        return
    facts_of(doc).orgs.append(OrgFact(name, k, k + len(name), (block.start, block.end),
                                      "media", actor=True))


@Language.component("kg_references")
def kg_references(doc: Doc) -> Doc:
    """Papers in reference lists, in any common citation style (APA, IEEE, ACM, Chicago,
    MLA, Harvard, Vancouver, numbered CV lists, BibTeX), read by :mod:`kg.citations`.

    Every author a reference names is a person; a news or web item (a newspaper article
    cited as a source) gives its authors but no paper. The CV's own name in bold and
    ``*`` marks for equal contribution do not change the order."""
    from ..citations import looks_scholarly, parse_bibtex, parse_citation

    facts = facts_of(doc)
    art = doc._.kg_article
    if art is None:
        return doc
    for block in art.blocks:
        if block.kind in ("reference", "paragraph") and _own_work(doc, block):
            continue
        if block.kind != "reference":
            continue
        # the source keeps the markup the citation reader uses (bold names, italics)
        s, e = art.source_span(block.start, block.end)
        s = art.source.rfind("\n", 0, s) + 1  # with the markup before the first word
        while e < len(art.source) and art.source[e] in "*_":
            e += 1
        raw = unescape_markdown(art.source[s:e])  # "Quiroga\\*"
        cites = parse_bibtex(raw) if raw.lstrip().startswith("@") else [parse_citation(raw)]
        for c in cites:
            if c is None:
                continue
            names = [n for n in c.authors if n]
            for n in names:
                _add_table_person(doc, block, n)
            if c.kind == "news" and c.venue:
                _add_outlet(doc, block, c.venue)  # a newspaper cited as a source
            # in a list of the subject's works, any dated work with authors counts (a book
            # from a publisher the reader does not know); among sources, only scholarly ones
            listed = not _SOURCE_SECTIONS.match(block.section) and bool(names) and (bool(
                c.year) or re.search(r"\b(?:forthcoming|in\s+press)\b", raw, re.I) is not None) \
                and c.kind not in ("news", "web")
            if not (looks_scholarly(c) or listed) or not c.title:
                continue
            # a source cited in a page's notes is a paper of the page's people only when
            # one of them wrote it ("References": a magazine feature about them is not)
            if _SOURCE_SECTIONS.match(block.section) and not _by_someone_named(doc, names):
                continue
            p = PaperFact(c.title, (block.start, block.end), source="reference")
            if c.date:
                p.date = PartialDate(c.date)
            elif c.year:
                p.date = PartialDate(str(c.year))
            p.venue = c.venue or ("arXiv" if any(i.startswith("arXiv:")
                                                 for i in c.identifiers) else None)
            p.identifiers = list(c.identifiers)
            p.authors = [AuthorFact(n, i + 1, i == 0) for i, n in enumerate(names)]
            p.complete = c.complete and bool(names)
            facts.papers.append(p)
    return doc
