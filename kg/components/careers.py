"""Structured career text: infobox fields, CV lists and career tables, read by their labels.

Prose says "she joined X in 2012"; structured text says the same by where it stands:

- an infobox or CV field: ``Institutions: A (2012–2016); B (2016–present)``, ``Alma mater:
  X (B.S., 2006)``, ``Founder of: Y``;
- a list item under a section heading: ``Ph.D., Physics, University of X, 2009`` under
  "Education", ``Associate Professor, Department of Y, University of Z, 2019–present``
  under "Appointments", ``Member, Advisory Board, W, since 2021`` under "Service";
- a table row read by its header: ``Years | Position | Institution``.

Each gives the article's subject an affiliation with the dates the entry states. The
relation comes from the label (the key, the section, the column) and the entry's own words
(a degree is study, a board seat is membership, "co-founder" is founding).

>>> read_range("2012–2017"), read_range("since 2020"), read_range("Fall 2022")
(('2012', '2017'), ('2020', None), ('2022', '2022'))
>>> read_range("2024–present"), read_range("(B.S., 2006)", single="end")
(('2024', None), (None, '2006'))
"""

from __future__ import annotations

import dataclasses
import re

from spacy.language import Language
from spacy.tokens import Doc

from ..dates import MONTHS, PartialDate, find_dates
from ..facts import AffiliationFact, OrgFact
from ..lexicon import (
    COMPANY_SUFFIX,
    DEGREE_ABBR,
    HONORIFIC,
    JOB_TITLES,
    STOP_OF_NAME,
    VENUES,
    org_kind_from_name,
)
from ..reader import Block
from .structure import doc_text, facts_of

__all__ = ["kg_careers", "read_range", "relation_of", "SUB_UNIT", "UNIT_END"]

_WORK_KEYS = re.compile(r"institutions?|employers?|workplaces?|organi[sz]ations?|affiliations?|"
                        r"positions?|current position|previous positions|occupations?", re.I)
_STUDY_KEYS = re.compile(r"alma mater|education", re.I)
_FOUND_KEYS = re.compile(r"(?:co-?)?founder of|founded", re.I)
_MEMBER_KEYS = re.compile(r"(?:board )?member of|memberships?|boards?", re.I)

_STUDY_SECTIONS = re.compile(r"\b(?:education|degrees?|training|studies|academic background|"
                             r"qualifications)\b", re.I)
_WORK_SECTIONS = re.compile(r"\b(?:appointments?|employment|positions?|experience|career|"
                            r"work history|professional history|jobs?|academic positions)\b",
                            re.I)
_MEMBER_SECTIONS = re.compile(r"\b(?:memberships?|boards?|affiliations?|fellowships|"
                              r"professional (?:bodies|societies|service|activities)|"
                              r"(?:academic|editorial|university|external) service|"
                              r"committees?)\b", re.I)

_FIELD_RELATIONS = [(_WORK_KEYS, "worksFor"), (_STUDY_KEYS, "alumniOf"),
                    (_FOUND_KEYS, "founderOf"), (_MEMBER_KEYS, "memberOf")]
_SECTION_RELATIONS = [(_STUDY_SECTIONS, "alumniOf"), (_WORK_SECTIONS, "worksFor"),
                      (_MEMBER_SECTIONS, "memberOf")]

_DEGREE = re.compile(
    r"(?<![\w.])" + DEGREE_ABBR + r"(?![\w])|\b(?:bachelor|master|doctorate|doctoral|"
    r"diploma|degree|habilitation|student|undergraduate|graduate|candidate|studies|"
    r"alumn(?:us|a|i))\b", re.I)
_MEMBER_WORDS = re.compile(r"\b(?:member|fellow|trustee|board|council|committee|advisory|"
                           r"advisor|adviser|panel)\b", re.I)
_FOUNDER_WORDS = re.compile(r"\b(?:co-?founder|founder|founded|co-?founded|founding)\b", re.I)
_JOB_AFTER_FOUNDER = re.compile(r"\b(?:co-?)?founder\s+(?:and|&|/)\s+(?:[\w-]+\s+){0,2}?"
                                r"(?:" + JOB_TITLES + r")\b", re.I)
SUB_UNIT = re.compile(r"^(?:the\s+)?(?:department|dept\.?|faculty|division|school|college|"
                       r"institute|center|centre|group|lab|laboratory|program(?:me)?)\s+"
                       r"(?:of|for)\b", re.I)
#: A body's committee, board or panel, named before the body ("Executive Committee,
#: Association for X").
UNIT_END = re.compile(r"\b(?:committee|board|panel|programme|program|working group|task force|"
                       r"steering group)$|"
                       # the languages that put the kind first: "Consejo Consultivo Científico"
                       r"^(?:consejo|comité|comite|junta|conseil|comitato|beirat)\b", re.I)
_NOW = r"(?:present|now|today|current|date|ongoing)"
_SEASON = r"(?:(?:spring|summer|fall|autumn|winter)\s+)"


#: What a single date means for each relation: a degree's year ends the study, an
#: internship's or a visit's year is its whole span, an election or a founding starts it.
_SINGLE = {"alumniOf": "end", "worksFor": "both", "memberOf": "start", "founderOf": "start",
           "fundedBy": "start"}


def read_range(text: str, *, single: str = "both") -> tuple[str | None, str | None]:
    """The (start, end) a career entry's dates give, as ISO strings.

    A range gives both ("2012–2017"; "2024–present" and "2016–" have no end); "since" a start and
    "until" an end; a single date both (``single="both"``: a summer internship, a visiting
    term), only the end (``"end"``: a degree's year) or only the start (``"start"``).
    """
    t = re.sub(r"[–—−‐]", "-", text)
    dates = find_dates(t)
    if not dates:
        return None, None
    first = dates[0][2].iso
    for (_a1, b1, d1), (a2, _b2, d2) in zip(dates, dates[1:], strict=False):
        # the two dates a range joins ("(tenured 2018) ... (2015-2021)": not the first two)
        if re.fullmatch(r"\s*(?:-|to|until|till)\s*" + _SEASON + r"?", t[b1:a2], re.I):
            return d1.iso, d2.iso
    months = re.search(r"\b(?P<m1>[A-Z][a-z]+)\.?\s*(?:-|to)\s*[A-Z][a-z]+\.?\s+(?P<y>\d{4})\b", t)
    if months and months.group("m1").lower() in MONTHS and len(dates) == 1:
        # "June-August 2018": the first month is of the same year
        m1 = MONTHS[months.group("m1").lower()]
        return f"{months.group('y')}-{m1:02d}", first
    if re.search(r"\d\s*(?:-|to|until)\s*" + _NOW + r"\b|\bsince\s+\w*\s*\d|\bfrom\s+\w*\s*\d|"
                 r"\d\s*-\s*$", t.strip(), re.I) and not re.search(r"\buntil\b|\bto\s+\d", t, re.I):
        return first, None  # "2024–present", "since 2019", "2016–" (still held)
    if re.search(r"\b(?:until|till|to|ended|left)\s+(?:\w+\s+)?\d", t, re.I):
        return None, first
    if len(dates) >= 2 and single == "end":
        return None, dates[-1][2].iso
    return {"both": (first, first), "end": (None, first)}.get(single, (first, None))


def relation_of(text: str, default: str) -> str:
    """The relation an entry's own words state ('Ph.D., Physics' is study, 'Board member'
    membership, 'Co-founder' founding), else ``default``.

    >>> relation_of("Ph.D., Computer Science", "worksFor"), relation_of("Trustee", "worksFor")
    ('alumniOf', 'memberOf')
    >>> relation_of("Postdoctoral researcher", "alumniOf")
    'worksFor'
    """
    if _FOUNDER_WORDS.search(text):
        return "founderOf"
    if re.search(r"\b(?:postdoc\w*|post-doc\w*|lecturer|professor|researcher|scientist|"
                 r"engineer|fellow(?!ship)|director|intern|assistant|associate|manager|"
                 r"analyst|consultant|head|chair|dean|editor|officer)\b", text, re.I):
        if _MEMBER_WORDS.search(text) and not re.search(r"\bresearch fellow\b", text, re.I) \
                and re.search(r"\b(?:board|council|committee|advisory|trustee)\b", text, re.I):
            return "memberOf"
        return "worksFor"
    if _DEGREE.search(text):
        return "alumniOf"
    if _MEMBER_WORDS.search(text):
        return "memberOf"
    return default


def _orgs_in(doc: Doc, s: int, e: int) -> list[OrgFact]:
    facts = facts_of(doc)
    return sorted((o for o in facts.orgs if s <= o.start and o.end <= e), key=lambda o: o.start)


def _main_org(orgs: list[OrgFact]) -> OrgFact | None:
    """The organisation an entry is about: the first that is no sub-unit of a later one
    ("Department of X, Rice University" → Rice University), a body of a known kind before
    a bare name ("Computer Science and Engineering, University of X")."""
    whole = [o for i, o in enumerate(orgs) if not ((SUB_UNIT.match(o.name)
                                                    or UNIT_END.search(o.name))
                                                   and i + 1 < len(orgs))
             and not _DEGREE.fullmatch(o.name.strip(". "))]
    named = [o for o in whole if org_kind_from_name(o.name)]
    kinded = [o for o in whole if o.kind]
    best = named or kinded or whole
    return best[0] if best else None


def _comma_org(doc: Doc, s: int, e: int) -> OrgFact | None:
    """The first comma-separated part of an entry that names a body the recogniser missed
    ("Research Intern, Google Research, Summer 2014")."""
    text = doc_text(doc)
    pos = s
    for part in re.split(r"," + _NOT_SUFFIX, text[s:e]):
        a = pos + len(part) - len(part.lstrip())
        pos += len(part) + 1
        name = _no_stop(re.sub(r"\s*\([^()]*\)?\s*$", "", part).strip(" )"))  # "Optica (2022–2025)"
        span = doc.char_span(a, a + len(name), alignment_mode="expand")
        places = [t for t in span or () if t.ent_type_ in ("GPE", "LOC", "DATE")]
        if re.match(HONORIFIC, name) or any(
                a <= p.start < a + len(name) for p in facts_of(doc).people):
            continue  # "Advisor: Prof. Mira Castell": a person
        if (name[:1].isupper() and not find_dates(name) and len(name.split()) <= 6
                and not _DEGREE.search(name) and len(places) < len(span or ())):
            # a place alone is no body ("Toronto"); with a word of its own it is ("ETH Zurich")
            return _plain_org(doc, a, a + len(name))
    return None


#: A comma that is no part's end: the one before a company's "Ltd." ("Hale Co., Ltd.").
_NOT_SUFFIX = r"(?!\s*" + COMPANY_SUFFIX + ")"


def _no_stop(name: str) -> str:
    """A name without its closing full stop, unless the stop ends an abbreviation of the
    name ("Quillon Materials B.V.", "Hale & Co.")."""
    return name if STOP_OF_NAME.search(name) else name.rstrip(" .")


def _plain_org(doc: Doc, s: int, e: int) -> OrgFact | None:
    """A cell or field item that names an organisation the recogniser missed."""
    text = doc_text(doc)[s:e]
    name = _no_stop(re.split(r"\s*(?:[(;]|," + _NOT_SUFFIX + ")", text.strip(" *_"),
                             maxsplit=1)[0].strip())
    if not name or not name[:1].isupper() or len(name.split()) > 8 or find_dates(name) \
            or name in VENUES:
        return None  # (a programme committee of "KDD" is a conference's, not a body's)
    k = doc_text(doc).find(name, s, e)
    org = OrgFact(name, k, k + len(name), (s, e), org_kind_from_name(name))
    facts_of(doc).orgs.append(org)
    return org


@Language.component("kg_careers")
def kg_careers(doc: Doc) -> Doc:
    """Affiliations of the article's subject from infobox fields, CV lists and career
    tables (see the module docstring)."""
    facts = facts_of(doc)
    art = doc._.kg_article
    if art is None or not facts.subject:
        return doc
    for block in art.blocks:
        if block.kind == "field" and len(block.cells) == 2:
            _field(doc, block)
        elif block.kind == "row" and block.header:
            _row(doc, block)
        elif block.kind == "item" and block.section:
            _item(doc, block)
        elif block.kind == "paragraph" and block.section:
            line = _dated_line(doc, block)
            if line is not None:
                _item(doc, line)
    members: list[tuple[Block, str]] = []
    label, section = "", ""
    for block in art.blocks:
        if block.section != section:
            label, section = "", block.section
        if not _PEOPLE_SECTIONS.search(block.section):
            continue
        if block.kind == "paragraph" and len(doc_text(doc)[block.start:block.end].split()) <= 4:
            label = doc_text(doc)[block.start:block.end]  # "**PhD**" over its students
        elif block.kind == "item":
            members.append((block, label))
    home = _home(doc) if members else None
    for block, label in members:
        _member(doc, block, home, label)
    return doc


_PEOPLE_SECTIONS = re.compile(r"\b(?:members?|current|former|alumni|students|supervision|"
                              r"advising|advisees|mentees|postdocs|postdoctoral|team|group|"
                              r"people|doctoral)\b", re.I)
_WENT = re.compile(r"(?:→|->|\bnow\b(?:\s+(?:an?|the))?|\bcurrently\b)\s*(?P<rest>[^)]*)", re.I)


def _home(doc: Doc) -> OrgFact | None:
    """The subject's present employer: the post with no end that began last."""
    facts = facts_of(doc)
    open_posts = [a for a in facts.affiliations if a.person == facts.subject
                  and a.relation == "worksFor" and a.end is None]
    if not open_posts:
        return None
    last = max(open_posts, key=lambda a: a.start.iso if a.start else "")
    return next((o for o in facts.orgs if o.name == last.organization), None)


def _university_of(doc: Doc, place: str) -> str | None:
    """The one university the article names after ``place`` ("Liverpool": "University of
    Liverpool"), or ``None``."""
    key = place.casefold()
    named = {o.name for o in facts_of(doc).orgs
             if o.name.casefold() in (f"university of {key}", f"{key} university")}
    return named.pop() if len(named) == 1 else None


def _member(doc: Doc, block: Block, home: OrgFact | None, label: str = "") -> None:
    """A lab member or former student: "A, Ph.D. student (since 2020)" studies at the
    subject's institution, "B, postdoctoral researcher, 2019–2021" worked there; what
    follows "→" or "now" is where they went ("→ Assistant Professor, University of X").
    ``label`` is a line over the list that gives the role ("PhD", "Postdocs"); a place in
    brackets after the name ("A (Liverpool, 2017–2021)") names the university instead of
    the subject's present one."""
    from .mentions import is_person_name

    facts = facts_of(doc)
    text = doc_text(doc)[block.start:block.end]
    m = re.match(r"\s*([^,(→]+?)\s*(?:,|\(|→|\s[–—]\s)", text)
    if not m or not is_person_name(m.group(1).strip(" *_")):
        return
    name = m.group(1).strip(" *_")
    span = (block.start, block.end)
    now = _WENT.search(text)
    role = text[m.end():now.start() if now else len(text)]
    place = re.match(r"\s*\(\s*([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\s*[,;)]", text[m.end() - 1:])
    body = _university_of(doc, place.group(1)) if place else None
    body = body or (home.name if home is not None else None)
    if body is not None and role.strip():
        own = re.split(r"[.;]\s+(?=[A-Z])", role, maxsplit=1)[0]  # not "A then joined X"
        rel = relation_of(label, "") or relation_of(own, "worksFor")
        if rel in ("alumniOf", "worksFor"):
            start, end = (PartialDate(d) if d else None
                          for d in read_range(role, single=_SINGLE[rel]))
            facts.affiliations.append(AffiliationFact(name, rel, body, span, start, end))
    if now:
        a = block.start + now.start("rest")
        org = _main_org(_orgs_in(doc, a, block.end)) or _comma_org(
            doc, a + (text[now.start("rest"):].find(",") + 1 if "," in now.group("rest")
                      else 0), block.end)
        if org is not None:
            rel = relation_of(now.group("rest"), "worksFor")
            facts.affiliations.append(AffiliationFact(name, rel if rel != "founderOf"
                                                      else "founderOf", org.name, span))


def _add(doc: Doc, rel: str, org: OrgFact, span: tuple[int, int],
         dates: tuple[str | None, str | None]) -> None:
    facts = facts_of(doc)
    assert facts.subject is not None
    if rel == "alumniOf" and org.kind not in ("university", "school", None):
        rel = "worksFor"
    start, end = (PartialDate(d) if d else None for d in dates)
    facts.affiliations.append(AffiliationFact(facts.subject, rel, org.name, span, start, end))
    if rel == "founderOf" and _JOB_AFTER_FOUNDER.search(doc_text(doc)[span[0]:span[1]]):
        # "Co-founder and chief executive": a founder who also holds a post there
        facts.affiliations.append(AffiliationFact(facts.subject, "worksFor", org.name, span,
                                                  start, end))


def _labelled(label: str, table: list[tuple[re.Pattern[str], str]], *,
              whole: bool) -> str | None:
    """The relation the first pattern of ``table`` that matches ``label`` gives (the whole
    label, or anywhere in it)."""
    for pat, rel in table:
        if (pat.fullmatch(label) if whole else pat.search(label)):
            return rel
    return None


def _field(doc: Doc, block: Block) -> None:
    rel = _labelled(block.header[0] if block.header else "", _FIELD_RELATIONS, whole=True)
    if rel is None:
        return
    vs, ve = block.cells[1]
    text = doc_text(doc)
    # items: "A (2012–2016); B (2016–present)", or a comma list when no item has a comma
    cuts = [vs] + [vs + m.end() for m in re.finditer(r";\s*(?![^()]*\))", text[vs:ve])] + [ve]
    for a, b in zip(cuts, cuts[1:], strict=False):
        orgs = _orgs_in(doc, a, b)
        org = _main_org(orgs) or _plain_org(doc, a, b)
        if org is None:
            continue
        rest = text[org.end:b]
        own = relation_of(rest, rel) if rel == "alumniOf" else rel
        _add(doc, own, org, (block.start, block.end), read_range(rest, single=_SINGLE[own]))


_POSITION_COL = re.compile(r"\b(?:position|role|title|appointment|post|rank|job|degree)\b", re.I)
_ORG_COL = re.compile(r"\b(?:institution|organi[sz]ation|employer|university|company|"
                      r"affiliation|department|place|where|school|body)\b", re.I)
_YEARS_COL = re.compile(r"\b(?:years?|dates?|period|from|when|tenure|duration)\b", re.I)


def _row(doc: Doc, block: Block) -> None:
    h = block.header
    col_org = next((i for i, x in enumerate(h) if _ORG_COL.search(x)), None)
    col_pos = next((i for i, x in enumerate(h) if _POSITION_COL.search(x) and i != col_org),
                   None)
    if col_org is None or col_pos is None or col_org >= len(block.cells):
        return
    text = doc_text(doc)
    cells = [text[s:e] for s, e in block.cells]
    years = " - ".join(cells[i] for i, x in enumerate(h) if _YEARS_COL.search(x)
                       and i < len(cells))
    s, e = block.cells[col_org]
    org = _main_org(_orgs_in(doc, s, e)) or _plain_org(doc, s, e)
    if org is None:
        return
    position = cells[col_pos] if col_pos < len(cells) else ""
    rel = relation_of(position, "worksFor")
    _add(doc, rel, org, (block.start, block.end), read_range(years, single=_SINGLE[rel]))


#: The words a role starts with, after an organisation and a dash.
#: A CV line written as a paragraph: "**2008–2012** DPhil, University of Oxford." or
#: "Since January 2022: Professor, University of X".
_DATED_LEAD = re.compile(r"[*_]*(?:(?:since|from)\s+)?(?:(?:" + "|".join(MONTHS)
                         + r")[a-z]*\.?\s+)?(?:1[89]|20)\d\d\b", re.I)


def _dated_line(doc: Doc, block: Block) -> Block | None:
    """The first line of a paragraph that opens with a date under a CV heading, as an item
    (its first sentence when the line runs on); ``None`` for prose."""
    if _labelled(block.section, _SECTION_RELATIONS, whole=False) is None:
        return None
    text = doc_text(doc)[block.start:block.end]
    if not _DATED_LEAD.match(text):
        return None
    end = text.find("\n")
    end = len(text) if end < 0 else end
    stop = re.search(r"[.;]\s+(?=[A-Z])", text[:end])
    if stop:
        end = stop.start() + 1
    return dataclasses.replace(block, kind="item", end=block.start + end)


_ROLE_START = (r"(?:co-?founder|founder|founding|member|chair|vice|board|" + JOB_TITLES
               + r"|senior|junior|principal|visiting|adjunct|affiliate|postdoc\w*)")


def _widest(first: tuple[str | None, str | None], tail: str,
            rel: str) -> tuple[str | None, str | None]:
    """The span of all a body's roles: "Senior Scientist (2012–2015); Research Scientist
    (2011–2012)" is 2011–2015."""
    if rel != "worksFor":
        return first
    ranges = [read_range(part, single=_SINGLE[rel]) for part in tail.split(";")]
    starts = [a for a, _ in ranges if a]
    ends = [b for _, b in ranges if b]
    if not starts:
        return first
    open_ended = any(a and not b for a, b in ranges)
    return min(starts), None if open_ended or not ends else max(ends)


def _item(doc: Doc, block: Block) -> None:
    text = doc_text(doc)[block.start:block.end]
    default = _labelled(block.section, _SECTION_RELATIONS, whole=False)
    if default is None and re.match(r"(?:co-?founder|founder|founding [a-z]+)\b[^,:]*[,:]", text,
                                    re.I):
        default = "founderOf"  # "Co-founder, Acme Inc. (2022)" under any heading
    if default is None and re.match(r"[*_]*(?:Elected\s+)?(?:(?:Foreign|Honorary|International|"
                                    r"Life|Corresponding)\s+)?(?:Fellow|Member)[*_]*\s*[,:]",
                                    text, re.I):
        default = "memberOf"  # "Elected Fellow, Institute of X (IMS), 2022" under "Honors"
    if default is None:
        return
    # "Organisation, Place — Role (years)": the body before a dash, its roles after it
    dash = re.search(r"\s[–—]\s+(?=(?:" + _ROLE_START + r")\b)", text, re.I)
    if dash and not find_dates(text[:dash.start()]):
        head = block.start + dash.start()
        org = _main_org(_orgs_in(doc, block.start, head)) or _plain_org(doc, block.start, head)
        if org is not None:
            tail = text[dash.end():]
            rel = relation_of(tail, default)
            if default == "memberOf" and rel not in ("memberOf", "founderOf"):
                rel = "memberOf"
            first = re.split(r";", tail, maxsplit=1)[0]  # "Co-founder (2020); Chair, ..."
            _add(doc, rel, org, (block.start, block.end),
                 _widest(read_range(first, single=_SINGLE[rel]), tail, rel))
            return
    # "Position, Organisation, Place, Years": the organisation comes after the position
    lead = re.match(r"[^,:–—]*?(?:,|:|\s[–—]\s)", text)
    after = block.start + (lead.end() if lead else 0)
    org = _main_org(_orgs_in(doc, after, block.end)) or _comma_org(doc, after, block.end)
    if org is not None and (SUB_UNIT.match(org.name) or UNIT_END.search(org.name)):
        # "Institute for Quantum Electronics, ETH Zurich": the body after the unit
        org = _comma_org(doc, org.end + 1, block.end) or org
    if org is None:
        return
    rel = relation_of(text[:org.start - block.start] or text, default)
    if default == "memberOf" and rel == "worksFor" and not _MEMBER_WORDS.search(text):
        return  # "Reviewer for X", "Program chair, Y": a service, not an affiliation
    if default == "memberOf" and (SUB_UNIT.match(org.name) or UNIT_END.search(org.name)):
        return  # "Chair, Admissions Committee, Department of X": a duty of one's own post
    if default == "memberOf" and rel not in ("memberOf", "founderOf"):
        rel = "memberOf"
    _add(doc, rel, org, (block.start, block.end), read_range(text, single=_SINGLE[rel]))
