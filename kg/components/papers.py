"""Components that find papers: in prose, in Markdown tables and in reference lists."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ..dates import PartialDate, find_dates
from ..facts import AuthorFact, PaperFact, Span
from ..lexicon import VENUES
from .mentions import NAME_RE, clean_name, is_person_name
from .structure import block_at, doc_text, facts_of

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
    r"interview|tweet|podcast|song|album|film|novel|poem|series|show|slogan|motto)\s*,?\s*$", re.I)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
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
    if not m:
        return []
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
    return r"\b(he|his|him)\b" if pron != "she" else r"\b(she|her)\b"


@Language.component("kg_papers")
def kg_papers(doc: Doc) -> Doc:
    """Papers named in prose: a quoted title near a paper cue, with authors and a date."""
    facts = facts_of(doc)
    art = doc._.kg_article
    last_paper: PaperFact | None = None
    pending: tuple[str, list[AuthorFact], PartialDate | None, int] | None = None
    last_block = None
    for sent in doc.sents:
        block = block_at(art, sent.start_char)
        if block is not None and block.kind in ("row", "reference", "title", "heading"):
            continue
        if block is not last_block:
            last_block = block
            last_paper = None
        s0, s1 = sent.start_char, sent.end_char
        text = sent.text
        span: Span = (s0, s1)
        quotes = [(qs, qe) for qs, qe in facts.quotes if s0 <= qs and qe <= s1]
        papers_here: list[tuple[int, int, PaperFact]] = []
        for qs, qe in quotes:
            title = doc_text(doc)[qs:qe]
            before = doc_text(doc)[max(s0, qs - 40) : qs - 1]
            if not _title_like(title) or _NOT_PAPER.search(before):
                continue
            if not _PAPER_CUE.search(text):
                continue
            p = PaperFact(title, span)
            p.aliases.extend(_aliases_after(doc_text(doc)[qe + 1 : s1]))
            m = re.search(r"\bthe\s+" + _SHORT_NAME
                          + r"\s+(?:paper|report|preprint)\s*,?\s*[\"“]?$",
                          doc_text(doc)[max(s0, qs - 60) : qs])
            if m:
                p.aliases.append(m.group(1))
            m = re.match(r"[\"”]?\s*,?\s*the\s+" + _SHORT_NAME + r"\s+(?:paper|report|preprint)\b",
                         doc_text(doc)[qe : s1])
            if m:
                p.aliases.append(m.group(1))
            papers_here.append((qs, qe, p))
        if not papers_here:
            # follow-up sentences: "Radford is listed among the paper's authors"
            if last_paper is not None and re.search(
                r"\b(the paper['’]s authors|listed among|listed as (?:an? )?(?:co-)?author|"
                r"authorship)\b|" + _FOLLOW_UP, text, re.I
            ):
                for _ps, pe, name in _person_at(doc, s0, s1):
                    pos = _role_after(doc_text(doc)[pe:s1])
                    last_paper.authors.append(AuthorFact(name, pos, pos == 1))
                if re.search(r"^\s*(he|she)\b", text, re.I) and facts.subject:
                    last_paper.authors.append(AuthorFact(facts.subject))
            # a work named by its short name: "He was also a co-author of DALL-E, ..."
            m = re.search(r"\b(?:co-?author|first author|author)\s+(?:of|on)\s+" + _SHORT_NAME,
                          text)
            if m and not re.fullmatch(r"(?:The|A|An|Papers?)\b.*", m.group(1)):
                who = _claimant(doc, s0, s0 + m.start(), facts)
                dates = find_dates(text)
                role = [AuthorFact(w, 1 if "first" in m.group(0) else None, "first" in m.group(0))
                        for w in who]
                pending = (m.group(1), role, dates[0][2] if dates else None, sent.start)
            continue
        for qs, qe, p in papers_here:
            _fill_prose_paper(doc, p, s0, s1, qs, qe, multiple=len(papers_here) > 1)
            if pending and re.search(
                    r"\b(associated|accompanying|corresponding|underlying)\s+paper",
                    text, re.I) and sent.start - pending[3] < 80:
                p.aliases.append(pending[0])
                p.authors.extend(pending[1])
                if p.date is None:
                    p.date = pending[2]
                pending = None
            facts.papers.append(p)
            last_paper = p
    return doc


_FOLLOW_UP = (r"\b(?:its|the\s+(?:paper|study|article|preprint)['’]s)\s+(?:\w+\s+)?author|"
              r"\b(?:with\s+)?co-?authors\b|\b(?:first|lead|last|senior|other|intermediate)\s+authors?\b")


def _role_after(after: str) -> int | None:
    """The author position a name's following words give ('was its first author', ', who
    ..., was the lead author'); None when they give none (or 'last', 'senior')."""
    after = re.sub(r"^\s*,\s*(?:who|whose|a|an|the)\b[^,]*,", "", after)
    m = re.match(r"\s+(?:was\s+|is\s+)?(?:again\s+|also\s+)?(?:the\s+|its\s+|their\s+|"
                 r"the\s+(?:paper|study|article)['’]s\s+)?(?:as\s+)?(\w+)\s+author\b", after)
    if m and m.group(1).lower() in _ORDINALS:
        return _ORDINALS[m.group(1).lower()]
    if m and m.group(1).lower() == "lead":
        return 1
    return None


def _claimant(doc: Doc, s0: int, cue: int, facts) -> list[str]:
    """Who the authorship cue is about: a person named before it, or the subject's pronoun."""
    people = _person_at(doc, s0, cue)
    pron = re.search(_subject_pronoun_re(facts.subject_pronoun), doc_text(doc)[s0:cue], re.I)
    if people and (not pron or people[-1][0] > s0 + pron.start()):
        return [people[-1][2]]
    if pron and facts.subject:
        return [facts.subject]
    return []


def _fill_prose_paper(doc: Doc, p: PaperFact, s0: int, s1: int, qs: int, qe: int,
                      *, multiple: bool) -> None:
    facts = facts_of(doc)
    text = doc_text(doc)[s0:s1]
    # date: the most precise reading of the year nearest the title
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
    if multiple:
        return
    # authors: people the sentence links to the paper
    people = _person_at(doc, s0, s1)
    rel_text = doc_text(doc)
    for ps, pe, name in people:
        after = rel_text[pe:s1]
        before = rel_text[s0:ps]
        role = _role_after(after)
        if role is None and re.match(r"\s*(?:,\s*)?(?:who|whose)\b", after) or re.search(
            r"\b(according to|said|by|told|described|praised|cited|interviewed|with whom)\s+$",
            before
        ):
            if not re.search(r"\bwith\s+$", before):
                continue
        a = AuthorFact(name)
        m = re.match(r"\s+(?:was\s+|is\s+)?(?:again\s+|also\s+)?(?:the\s+)?as?\s*(\w+)\s+author\b",
                     after) or re.match(r"\s+(?:was|is)\s+(?:again\s+|also\s+)?(?:the\s+)?(\w+)\s+"
                                        r"author\b", after) or re.match(
                                            r"\s+as\s+(?:the\s+)?(\w+)\s+author\b", after)
        if m and m.group(1).lower() in _ORDINALS:
            a.position = _ORDINALS[m.group(1).lower()]
            a.first = a.position == 1
        elif m and m.group(1).lower() in ("last", "senior"):
            a.position = None
        elif role is not None:
            a.position, a.first = role, role == 1
        p.authors.append(a)
    # the subject by pronoun: "His first ... publication, with co-authors ...", "he co-authored"
    if facts.subject and re.search(
        r"^(?:[^,]*,\s*)?(?:his|her|he|she)\b|\b(?:he|she)\s+(?:also\s+|later\s+)?(?:co-?authored|"
        r"authored|wrote|co-?wrote|published|presented)\b|"
        r"\b(?:he|she)\s+(?:was|is)\s+(?:again\s+|also\s+)?"
        r"(?:the\s+)?(?:\w+\s+)?author\b", text[: max(0, qs - s0)], re.I
    ):
        m = re.search(r"\b(?:he|she)\s+(?:was|is)\s+(?:again\s+|also\s+)?(?:the\s+)?(\w+)\s+author",
                      text[: max(0, qs - s0)], re.I)
        pos = _ORDINALS.get(m.group(1).lower()) if m else None
        p.authors.append(AuthorFact(facts.subject, pos, pos == 1))
    # "they co-authored": the people of the sentence before
    if re.search(r"\bthey\s+(?:co-?authored|wrote|published)\b", text, re.I):
        prev_start = max(0, s0 - 400)
        prev_people = [n for ps, pe, n in _person_at(doc, prev_start, s0)]
        sent_start = doc_text(doc).rfind(". ", prev_start, s0 - 2)
        if sent_start >= 0:
            prev_people = [n for ps, pe, n in _person_at(doc, sent_start, s0)]
        for n in prev_people:
            p.authors.append(AuthorFact(n))


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
            pos = _ORDINALS.get(m.group(1)) if m else None
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
    from ..facts import PersonFact

    facts = facts_of(doc)
    k = doc_text(doc).find(name, block.start, block.end)
    s, e = (k, k + len(name)) if k >= 0 else (block.start, block.start)
    facts.people.append(PersonFact(name, s, e, (block.start, block.end), "table"))


_REF = re.compile(
    r"^(?P<authors>.+?)\s*\(\s*(?P<year>\d{4})[a-z]?(?:,\s*(?P<when>[^)]*))?\)\.?\s*"
    r"(?P<title>.+?[.?!])(?:\s+(?P<rest>.*))?$"
)
_REF_ALT = re.compile(  # "A. Author and B. Author. 2016. Title. Venue."
    r"^(?P<authors>.+?)\.\s+(?P<year>\d{4})[a-z]?\.\s+(?P<title>.+?[.?!])(?:\s+(?P<rest>.*))?$"
)


@Language.component("kg_references")
def kg_references(doc: Doc) -> Doc:
    """Papers in reference lists written in a citation style (APA, ACL and the like)."""
    facts = facts_of(doc)
    art = doc._.kg_article
    if art is None:
        return doc
    for block in art.blocks:
        if block.kind != "reference":
            continue
        text = doc_text(doc)[block.start : block.end]
        m = _REF.match(text) or _REF_ALT.match(text)
        if not m:
            continue
        title = m.group("title").strip()
        title = re.sub(r"[.]$", "", title).strip(" \"“”")
        rest = m.group("rest") or ""
        names = split_authors(m.group("authors"))
        if not names or not all(is_person_name(n) or re.search(NAME_RE, n) for n in names):
            continue
        p = PaperFact(title, (block.start, block.end), source="reference")
        when = m.group("when") or ""
        found = find_dates(f"{when} {m.group('year')}") if when else []
        p.date = found[0][2] if found and found[0][2].year == int(m.group("year")) else \
            PartialDate(m.group("year"))
        p.identifiers = parse_identifiers(rest)
        venue = re.split(r",\s*\d|\.\s|\s*\(", _DOI.sub("", _ARXIV.sub("", rest)))[0].strip(" .,*_")
        if venue:
            p.venue = venue
        elif p.identifiers and p.identifiers[0].startswith("arXiv"):
            p.venue = "arXiv"
        _set_ordered_authors(doc, block, p, names)
        p.complete = "et al" not in m.group("authors")
        facts.papers.append(p)
    return doc
