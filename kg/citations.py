"""One bibliographic reference entry, as pasted into a biography or a CV, to a :class:`Citation`.

Pure Python (no spaCy). :func:`parse_citation` reads one entry in the common styles (APA,
Harvard, IEEE, ACM, Chicago, MLA, Vancouver, numbered CV lists with Markdown or HTML emphasis);
:func:`parse_bibtex` reads every entry of a BibTeX string; :func:`split_author_list` reads an
author list alone; :func:`looks_scholarly` tells a scholarly work from a news or web item.

The regular expressions avoid nested unbounded repetition and the candidate searches are
capped, so a long junk line is cheap (a 5,000-character line takes milliseconds).

Examples
--------
>>> c = parse_citation("Doe, J. A., Smith, B., & Lee, C. (2019). Title of the work: "
...                    "A subtitle. Journal of Things, 12(3), 45-67. "
...                    "https://doi.org/10.1000/abc")
>>> c.authors, c.year, c.venue
(('J. A. Doe', 'B. Smith', 'C. Lee'), 2019, 'Journal of Things')
>>> c.title, c.identifiers, c.kind, c.style
('Title of the work: A subtitle', ('doi:10.1000/abc',), 'article', 'apa')
>>> parse_citation("Professor of Physics, 2010-2015") is None
True
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .dates import MONTHS as _MONTHS

__all__ = ["Citation", "parse_citation", "parse_bibtex", "split_author_list", "looks_scholarly"]

KINDS = ("article", "proceedings", "thesis", "book", "report", "preprint", "news", "web", "other")
STYLES = ("apa", "ieee", "acm", "chicago", "mla", "harvard", "vancouver", "science", "ams",
          "copernicus", "bibtex", "unknown")
_SCHOLARLY_KINDS = frozenset({"article", "proceedings", "thesis", "book", "report", "preprint"})


@dataclass(frozen=True)
class Citation:
    """One reference to a work.

    Attributes
    ----------
    title : str
        As written, without surrounding quotes or emphasis and without trailing punctuation
        (a closing ``?`` or ``!`` is part of the title and kept).
    authors : tuple of str
        In order, in display form (``"I. J. Goodfellow"``, ``"Jane Doe"``,
        ``"M. de la Fuente"``); "et al." and "and others" are removed.
    year : int or None
        The year of the work.
    date : str or None
        ISO 8601 as precise as the entry says: ``"2019"``, ``"2019-09"``, ``"2019-09-14"``.
    venue : str or None
        Journal, proceedings, publisher, ``"Ph.D. dissertation, University of X"`` or
        ``"arXiv"``.
    identifiers : tuple of str
        ``"doi:10.1145/1234.5678"``, ``"arXiv:2104.01234"`` (version suffix dropped),
        ``"isbn:..."``, ``"pmid:..."``.
    complete : bool
        False when the author list ends with "et al.", "and others" or an ellipsis.
    equal : tuple of int
        0-based indices of authors marked ``*``, ``†`` or ``‡`` (equal contribution).
    marked : tuple of int
        0-based indices of authors in bold (``**x**``, ``<b>``, ``<strong>``): a CV's subject.
    kind : str
        One of ``KINDS``.
    style : str
        One of ``STYLES``.
    """

    title: str
    authors: tuple[str, ...] = ()
    year: int | None = None
    date: str | None = None
    venue: str | None = None
    identifiers: tuple[str, ...] = ()
    complete: bool = True
    equal: tuple[int, ...] = ()
    marked: tuple[int, ...] = ()
    kind: str = "other"
    style: str = "unknown"


# --------------------------------------------------------------------------------------------
# Vocabulary

_MON = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?" \
       r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"

_PARTICLES = frozenset(
    "de da das do dos du del della dei der den des di van von la le las les los lo ter ten te "
    "zu zum zur y e i bin binti ibn al el af av st".split()
)
_SUFFIXES = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III"})
# Capitalised words that do not occur in personal names but start titles and venues.
_NOT_NAME = frozenset(
    "The In Of For And To With From At By Towards Toward Using Via Is Are How What Why When "
    "Where Who Which Can Not Our We Your Its This That These Into Beyond On Proceedings Proc "
    "Journal Conference Conf Workshop Symposium University Univ Department Dept Press Review "
    "Transactions Trans Report Thesis Dissertation Vol Volume Letters Institute Retrieved "
    "Available Accessed Online Professor Director Editor Chair Fellow Member Lecturer".split()
)
_ABBREV = frozenset(
    "e.g i.e vs cf st dr mr mrs ms prof no vol fig eq u.s u.k inc ltd jr sr ph.d approx ca"
    .split()
)
# Abbreviated words of venue names (ISO 4 style), after which a period does not end the venue.
_VENUE_ABBREV = frozenset(
    "trans proc conf int natl nat acad sci comput graph lett rev phys chem biol med eng res soc "
    "assoc intell mach anal appl math stat syst inf inform technol electron commun netw softw "
    "vis recognit represent learn process mech univ dept symp annu adv am eur j jpn lang ling "
    "linguist psychol philos hist econ manag educ environ geogr geol ecol evol genet mol cell "
    "neurosci clin surg pharmacol rep ser bull q quart mag"
    .split()
)
_EQUAL_MARKS = "*∗＊†‡"

# --------------------------------------------------------------------------------------------
# Regular expressions (each linear: no nested unbounded quantifiers)

_CTRL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_NUMBERING = re.compile(
    r"^\s*(?:[-*•·+–]\s+)?"
    r"(?:\[\s*[A-Za-z]{0,3}\s*\d{1,4}[a-z]?\s*\]|\(\s*[A-Za-z]{0,2}\d{1,3}[a-z]?\s*\)"
    r"|[A-Za-z]{0,2}\d{1,3}[a-z]?\s*[.):]|\d{1,3}\s*[-–—]\s)\s*"
)
_BULLET = re.compile(r"^\s*(?:[-*•·+–]\s+|\^\s*(?:[a-z]{1,2}\s+)*)")  # "^ " of a wiki note
_MD_LINK = re.compile(r"\[([^\[\]\n]{1,500})\]\(\s*<?(https?://[^\s()<>]{1,500})>?\s*\)")
_LINK_LABEL = re.compile(
    r"(?i)^\s*(?:pdf|code|slides?|video|bib(?:tex)?|project(?: page)?|poster|arxiv|paper|link"
    r"|html|doi|talk|blog|website|data(?:set)?|preprint|url|web)\s*$"
)
_TRAILING_LABELS = re.compile(
    r"(?i)(?:\s*\[\s*(?:pdf|code|slides?|video|bib(?:tex)?|project(?: page)?|poster|arxiv"
    r"|paper|link|html|talk|blog|website|data(?:set)?)\s*\])+\s*$"
)
_TAG = re.compile(
    r"<(/?)(b|strong|i|em|cite|a|span|sup|sub|br|p|div|li|ul|ol|td|tr|u|font|small|code|mark"
    r"|abbr)\b[^<>]{0,300}>",
    re.IGNORECASE,
)
_MD_BOLD = re.compile(r"(?<!\*)\*\*(?![\s*])([^*\n]{1,500}?)(?<!\s)\*\*(?!\*)")
_MD_BOLD_U = re.compile(r"(?<![\w_])__(?![\s_])([^_\n]{1,500}?)(?<!\s)__(?![\w_])")
_MD_ITAL = re.compile(
    r"(?<![^\s(\[\"'“‘])\*(?![\s*,.;:])([^*\n]{1,500}?)(?<![\s*])\*(?![\w*])"
)
_MD_ITAL_U = re.compile(r"(?<![\w_])_(?![\s_])([^_\n]{1,500}?)(?<![\s_])_(?![\w_])")
_TEX_BOLD = re.compile(r"\\textbf\{([^{}]{1,500})\}")
_TEX_ITAL = re.compile(r"\\(?:emph|textit|textsl)\{([^{}]{1,500})\}")
_B_OPEN, _B_CLOSE, _I_OPEN, _I_CLOSE = "\x01", "\x02", "\x03", "\x04"

_ARXIV_ID = r"(?P<ax>\d{4}\.\d{4,5}|[a-z][a-z\-]{1,20}(?:\.[A-Z]{2})?/\d{7})(?:v\d{1,3})?"
_IDENT = re.compile(
    r"(?P<doiurl>https?://(?:dx\.)?doi\.org/(?P<d1>10\.\d{4,9}/[^\s\"<>]{1,300}))"
    r"|(?P<axurl>https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/" + _ARXIV_ID
    + r"(?:\.pdf)?)"
    r"|(?P<doilab>\b(?:doi|DOI|Doi)\s*:?\s*(?P<d2>10\.\d{4,9}/[^\s\"<>]{1,300}))"
    r"|(?P<axlab>\b(?:arXiv|arxiv|ArXiv|ARXIV)\s*:\s*" + _ARXIV_ID.replace("ax>", "ax2>") + ")"
    r"|(?P<axabs>\babs/" + _ARXIV_ID.replace("ax>", "ax3>") + ")"
    r"|(?P<d3>\b10\.\d{4,9}/[^\s\"<>]{1,300})"
    r"|(?P<isbn>\bISBN(?:-1[03])?\s*:?\s*(?P<isbnv>(?:97[89][\s-]?)?\d[\d\s-]{7,14}[\dXx]))"
    r"|(?P<pmid>\bPMID\s*:?\s*(?P<pmidv>\d{5,9}))"
)
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+")
_WEB_PHRASE = re.compile(
    r"(?i)\[\s*online\s*\]\.?|\bavailable\s*(?:at|from|online)?\s*:?(?=\s*$)"
    r"|[(\[]\s*(?:last\s+)?(?:accessed|viewed|retrieved)\b[^()\[\]]{0,60}[)\]]\.?"
    r"|\b(?:last\s+)?(?:accessed|viewed)\s*(?:on)?\s*:?\s*[^.;]{0,40}?\d{4}\.?"
    r"|\bretrieved\s+(?:on\s+)?(?:[^,.;]{0,30}?\d{4},?\s+)?from\b:?"
    r"|\burl\s*:"
)
_ETAL = re.compile(
    r",?\s*(?:\bet\.?\s*al\b\.?|\band\s+others\b|&\s*others\b|\.\s?\.\s?\.|…)", re.IGNORECASE
)
_SEP = re.compile(r"\s*[,;]\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+|\s*&\s*")
_EDS = re.compile(r"\s*\((?:eds?|Eds?|EDS?)\.?\)\s*$")

_APA_DATE = re.compile(
    # "(2019)", "(2019, June 3)", and a wiki citation's "(18 June 2015)", "(July 2010)"
    r"\(\s*(?:(?P<pre>(?:\d{1,2}\s+)?" + _MON + r"\.?(?:\s+\d{1,2},)?\s+)?(?P<y>" + _YEAR
    + r")[a-z]?(?P<extra>\s*,\s*[^()]{1,40})?"
    r"|(?P<np>in\s+press|n\.\s?d\.?|forthcoming|accepted|submitted|under\s+review|no\s+date))"
    r"\s*\)",
    re.IGNORECASE,
)
_ACM_YEAR = re.compile(r"\S\.\s+(?:(?P<y>" + _YEAR + r")[a-z]?|(?P<np>Forthcoming|In\s+press|"
                       r"n\.\s?d))\.(?=\s)")
_DATE = re.compile(
    r"(?<![\w/–—.\-])(?:"
    r"(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:\s*[–-]\s*\d{1,2})?\s+(?P<m1>" + _MON + r")\b\.?,?\s+"
    r"(?P<y1>" + _YEAR + r")"
    r"|(?P<m2>" + _MON + r")\b\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:\s*[–-]\s*\d{1,2})?,?\s+"
    r"(?P<y2>" + _YEAR + r")"
    r"|(?P<y3>" + _YEAR + r")\s+(?P<m3>" + _MON + r")\b\.?(?:\s+(?P<d3>\d{1,2})\b)?"
    r"|(?P<m4>" + _MON + r")\b\.?,?\s+(?P<y4>" + _YEAR + r")"
    r"|(?P<y5>" + _YEAR + r")-(?P<m5>0[1-9]|1[0-2])(?:-(?P<d5>[0-3]\d))?"
    r"|(?P<y6>" + _YEAR + r")[a-z]?"
    r")(?![\d–—\-]|\.\d)",
    re.IGNORECASE,
)
# Where a venue's name ends: volume, issue, pages, a date, a sentence after a parenthesis.
_VENUE_STOP = re.compile(
    r",?\s*\b(?:vol|Vol|VOL|Volume|volume|no|No|nr|pp|p|Pp|art|Art|Article|article|Ch|ch"
    r"|Chap|chap|Sec|sec|Issue|issue|iss)\.?\s*[A-Z]?\d"
    r"|,?\s+\d+\s*\(\s*\d[\d\s/–-]{0,12}\)"
    r"|,\s*\d+\s*(?:[,:]|[–-]\s*\d|\.?\s*$)"
    r"|\s+\d+\s*(?:,\s*no\.|,\s*\d+\s*,|,\s+(?=[A-Z\d])|:\s*\d"
    r"|\(\s*(?:[A-Za-z]+\.?\s+)?" + _YEAR + r"\s*\))"
    r"|\s*\(\s*(?:[A-Za-z]+\.?\s+)?(?:\d{1,2},?\s+)?" + _YEAR + r"\s*\)"
    r"|\s*\(\s*pp?\.\s*\d|\.\s+\d+\s*[–-]\s*\d+"
    r"|[.;]?\s*" + _YEAR + r"(?:\s+[A-Za-z]{3,9}\.?(?:\s+\d{1,2})?)?\s*[;:]"
    r"|,?\s+(?:(?:\d{1,2}\s+)?" + _MON + r"\b\.?\s+(?:\d{1,2}(?:\s*[–-]\s*\d{1,2})?,?\s+)?)?"
    + _YEAR + r"[a-z]?(?=\s*(?:[,.;:)]|pp\b|$))"
    r"|,\s*(?:\d{1,2}\s+)?" + _MON + r"\b\.?\s+(?:\d{1,2}(?:\s*[–-]\s*\d{1,2})?,?\s+)?"
    + _YEAR
    + r"|(?<=\))\s*\.\s+(?=[A-Z])",
    re.IGNORECASE,
)
_VENUE_HINT = re.compile(
    r"^\s*(?:In|in)\b|\b(?:Journal|Proc\.|Proceedings|Transactions|Trans\.|Conference|Conf\."
    r"|Workshop|Symposium|Review|Letters|Annals|Bulletin|Quarterly|Press|University|arXiv"
    r"|preprint|dissertation|thesis|Report|Magazine)\b|\bvol\.|\bpp\.|\d+\s*\(\d+\)"
    r"|,\s*\d+\s*[,–-]|\b" + _YEAR + r"\s*;"
)
_SENT_END = re.compile(r"[.?!](?=[\s\"”’']|$)")
_NEXT_WORD = re.compile(r"[\s\"”’']*(\S{0,12})")
_IN_EDS = re.compile(
    r"^(?:In|in)\s*:?\s+[^()]{1,300}?\s*\((?:eds?|Eds?|EDS?)\.?\)\s*,?\s*"
)
_IN_PREFIX = re.compile(r"^(?:In|in)\s*:?\s+")
_CITY_PUB = re.compile(
    r"^(?P<city>[A-Z][\w.'’ -]{1,40}(?:,\s*[A-Z][\w.]{1,20})?)\s*:\s*(?P<pub>.+)$"
)
_DESC = re.compile(r"\s*\[(?P<d>[^\[\]]{2,120})\]\s*$")
_EDITION = re.compile(
    r"\s*\((?:\d+(?:st|nd|rd|th)\s+ed\.?|rev\.\s+ed\.|Vol(?:s)?\.\s*[\dIVX–-]+|"
    r"(?:Report|Tech\.\s*Rep\.)\s+No\.\s*[\w-]+"
    r"|[^()]{0,40}\b(?:dissertation|thesis|report|edition)\b[^()]{0,40})\)\s*$",
    re.IGNORECASE,
)
_EDITION_LEAD = re.compile(
    r"\(?(?:\d+(?:st|nd|rd|th)|[Rr]ev(?:ised)?\.?|[Nn]ew)\s+(?:edn|ed|edition)\b\.?\)?[\s.,;]*"
)
_VOL = re.compile(
    r"\b(?:vol|Vol|VOL|Volume|volume)\.?\s*\d|\b\d+\s*\(\s*\d[\d\s/–-]{0,12}\)"
    r"|\b\d+\s*,\s*no\.\s*\d|;\s*\d+\s*[(:]|\b\d+\s*,\s*\d+\s*,\s*Article"
)
_PAGES = re.compile(
    r"\b(?:pp|Pp|pages)\.?\s*\d|\b(?:Article|article|Art\.)\s+(?:No\.\s*)?\d|\b\d+\s+pages\b"
    r"|(?<![\d\-–])(?P<a>\d{1,6})\s*[–—-]\s*(?P<b>\d{1,6})(?![\d\-–])"
)
_THESIS = re.compile(
    r"(?i)\b(?:ph\.?\s?d\b|d\.?\s?phil\b|doctoral|dissertation|thesis|master['’]?s\b"
    r"|m\.?\s?sc\b|habilitation)"
)
_REPORT = re.compile(
    r"(?i)\b(?:tech(?:nical)?\.?\s*rep(?:ort)?\b|report\b|working\s+paper|white\s*paper"
    r"|memorandum|tech\.?\s*note)"
)
_PROC = re.compile(
    r"\b(?:Proc|Proceedings|proceedings|Conference|conference|Conf|Workshops?|workshop"
    r"|Symposium|symposium|Symp|Congress|Colloquium|Meeting|Summit|Companion)\b"
)
_JOURNAL = re.compile(
    r"\b(?:Journal|journal|Jour|J|Transactions|Trans|Letters|Lett|Reviews?|Rev|Annals|Ann"
    r"|Bulletin|Bull|Quarterly|Acta|Archives)\b"
)
_PREPRINT = re.compile(
    r"(?i)\b(?:arxiv|preprint|biorxiv|medrxiv|ssrn|corr|chemrxiv|psyarxiv|research\s+square)\b"
)
_PUBLISHER = re.compile(
    r"\b(?:Press|Publishers?|Publishing|Publications|Books|Verlag|Éditions|Editions?|edition"
    r"|Editorial|Editora|Ediciones|Edições|Editore|Uitgeverij|Förlag|Forlag|Wydawnictwo"
    r"|edn|ISBN)\b|\b(?:ed|eds|Ed|Eds)\.(?=[\s),]|$)"
)
_NEWS = re.compile(
    r"\b(?:News|Times|Post|Daily|Herald|Tribune|Gazette|Guardian|Chronicle|Telegraph"
    r"|Observer|Newsletter|Newspaper|Weekly)\b"
)
_ORG = re.compile(
    r"\b(?:Council|Organi[sz]ation|Association|Society|Institute|Agency|Department|Ministry"
    r"|Office|Bureau|Committee|Commission|Foundation|Group|Team|Consortium|Cent(?:er|re)"
    r"|University|Board|Project|Collaboration|Inc|Ltd|Corporation|Company|Laboratory|Lab"
    r"|Network|Alliance|Union|Federation|Academy|Service|Authority|Trust|Initiative)\b"
)
_WEB_DESC = re.compile(r"(?i)\b(?:blog|video|podcast|tweet|web\s*page|online|slides)\b")
_DATA_DESC = re.compile(r"(?i)\b(?:data\s*set|dataset|software|computer\s+program|code)\b")
_WEBWORD = re.compile(r"(?i)\b(?:blog|website|web\s*page|webpage|web\s+site)\b")
_ACRONYM = re.compile(r"^\(?[A-Za-z][A-Za-z-]{1,15}\)?(?:\s*['’]?\d{2,4})?$")
_PROSE = re.compile(
    r"(?i)\b(?:is|was|were|has|had|have|he|she|they|his|her|their|joined|received|became"
    r"|worked|studied|born|died|served|moved|said|says)\b"
)


# --------------------------------------------------------------------------------------------
# Pre-processing: markup to plain text with bold/italic spans, identifiers and URLs blanked


@dataclass
class _Pre:
    text: str
    bold: list[tuple[int, int]] = field(default_factory=list)
    italic: list[tuple[int, int]] = field(default_factory=list)
    identifiers: list[str] = field(default_factory=list)
    has_url: bool = False
    web_hint: bool = False


def _sub_markup(text: str) -> str:
    def link(m: re.Match[str]) -> str:
        label, url = m.group(1), m.group(2)
        return f" {url} " if _LINK_LABEL.match(label) else f"{label} {url}"

    def tag(m: re.Match[str]) -> str:
        closing, name = m.group(1), m.group(2).lower()
        if name in ("b", "strong"):
            return _B_CLOSE if closing else _B_OPEN
        if name in ("i", "em", "cite"):
            return _I_CLOSE if closing else _I_OPEN
        return " " if name in ("br", "p", "div", "li", "td", "tr") else ""

    text = _MD_LINK.sub(link, text)
    text = _TAG.sub(tag, text)
    text = html.unescape(text)
    text = _TEX_BOLD.sub(lambda m: _B_OPEN + m.group(1) + _B_CLOSE, text)
    text = _TEX_ITAL.sub(lambda m: _I_OPEN + m.group(1) + _I_CLOSE, text)
    text = _MD_BOLD.sub(lambda m: _B_OPEN + m.group(1) + _B_CLOSE, text)
    text = _MD_BOLD_U.sub(lambda m: _B_OPEN + m.group(1) + _B_CLOSE, text)
    text = _MD_ITAL.sub(lambda m: _I_OPEN + m.group(1) + _I_CLOSE, text)
    return _MD_ITAL_U.sub(lambda m: _I_OPEN + m.group(1) + _I_CLOSE, text)


def _walk(text: str) -> _Pre:
    """Drop the markup sentinels, collapse white space, and note the bold and italic spans."""
    out: list[str] = []
    bold: list[tuple[int, int]] = []
    italic: list[tuple[int, int]] = []
    b0: int | None = None
    i0: int | None = None
    for ch in text:
        pos = len(out)
        if ch == _B_OPEN:
            b0 = pos
        elif ch == _B_CLOSE:
            if b0 is not None and pos > b0:
                bold.append((b0, pos))
            b0 = None
        elif ch == _I_OPEN:
            i0 = pos
        elif ch == _I_CLOSE:
            # "*et al.*" in italics is the end of an author list, not a title
            if i0 is not None and pos > i0 and not re.fullmatch(
                    r"\s*et\.?\s*al\.?\s*,?\s*", "".join(out[i0:pos])):
                italic.append((i0, pos))
            i0 = None
        elif ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
        else:
            out.append(ch)
    return _Pre("".join(out), bold, italic)


def _clean_doi(doi: str) -> str:
    doi = doi.rstrip(".,;:'\"”’")
    while doi and doi[-1] in ")]":
        opener = "(" if doi[-1] == ")" else "["
        if doi.count(doi[-1]) <= doi.count(opener):
            break
        doi = doi[:-1].rstrip(".,;:")
    return doi


def _preprocess(text: str) -> _Pre:
    text = _CTRL.sub(" ", text)
    text = " ".join(text.split())
    for _ in range(2):
        text = _NUMBERING.sub("", text, count=1)
    text = _BULLET.sub("", text, count=1)
    text = _TRAILING_LABELS.sub("", text)
    pre = _walk(_sub_markup(text))
    chars = list(pre.text)

    def blank(a: int, b: int) -> None:
        chars[a:b] = " " * (b - a)

    s = pre.text
    ids: list[str] = []
    for m in _IDENT.finditer(s):
        g = m.groupdict()
        doi = g["d1"] or g["d2"] or g["d3"]
        if doi:
            ident = "doi:" + _clean_doi(doi)
            end = m.start() + len(m.group(0)) - (len(doi) - len(_clean_doi(doi)))
        elif g["ax"] or g["ax2"] or g["ax3"]:
            ident = "arXiv:" + (g["ax"] or g["ax2"] or g["ax3"])
            end = m.end()
        elif g["isbn"]:
            ident = "isbn:" + re.sub(r"[\s-]", "", g["isbnv"])
            end = m.end()
        else:
            ident = "pmid:" + g["pmidv"]
            end = m.end()
        if ident not in ids:
            ids.append(ident)
        blank(m.start(), end)
    s = "".join(chars)
    for m in _URL.finditer(s):
        pre.has_url = True
        url = m.group(0).rstrip(".,;:)]")
        blank(m.start(), m.start() + len(url))
    s = "".join(chars)
    for m in _WEB_PHRASE.finditer(s):
        pre.web_hint = True
        blank(m.start(), m.end())
    pre.text = "".join(chars)
    pre.identifiers = ids
    return pre


# --------------------------------------------------------------------------------------------
# Names


@dataclass(frozen=True)
class _Name:
    display: str
    start: int
    end: int
    equal: bool
    shape: str  # "inv_init", "inv_given", "direct", "vanc", "org"


@dataclass(frozen=True)
class _Piece:
    text: str
    start: int
    end: int
    equal: bool


def _tok_kind(tok: str) -> str:
    if tok in _SUFFIXES:
        return "suffix"
    if tok in _PARTICLES or tok in ("St.", "Ste."):
        return "part"
    core = re.sub(r"[.\-‐'’]", "", tok)
    if not core or not core.isalpha():
        return "bad"
    if tok[0].isupper() and re.fullmatch(r"[^\W\d_]\.(?:[-‐][^\W\d_]\.)+", tok):
        return "init"  # "J.-w." for Ji-woo
    if core.isupper():
        if "." in tok:
            ok = len(core) <= 4 and re.fullmatch(r"(?:[^\W\d_]\.-?)+[^\W\d_]?\.?", tok)
            return "init" if ok else "bad"
        return "init_nodot" if len(core) <= 3 else "word"
    if tok.endswith("."):
        return "bad"
    if tok[0].isupper() and all(ch.isalpha() or ch in "'’-" for ch in tok):
        return "word" if tok not in _NOT_NAME else "bad"
    m = re.fullmatch(r"(?:al|el|ad|as|ash|bin|ibn|d|l|o|da|de|di|du)['’-]([^\W\d_][\w'’-]*)", tok)
    if m and m.group(1)[0].isupper():
        return "word"
    return "bad"


def _tokens(text: str) -> list[str]:
    out: list[str] = []
    for tok in text.split():
        m = re.fullmatch(r"((?:[^\W\d_]\.-?){1,4})([^\W\d_][^\W\d_'’-]+)", tok)
        if m and any(ch.islower() for ch in m.group(2)) and m.group(1)[0].isupper():
            out.extend([m.group(1), m.group(2)])
        else:
            out.append(tok)
    return out


def _fmt_initials(tok: str) -> str:
    sides = re.split(r"[-‐]", tok)
    return "-".join(" ".join(ch + "." for ch in side if ch.isalpha()) for side in sides)


def _fmt(tok: str, kind: str) -> str:
    return _fmt_initials(tok) if kind in ("init", "init_nodot") else tok


@dataclass(frozen=True)
class _Shape:
    toks: tuple[str, ...]
    kinds: tuple[str, ...]

    @property
    def initials_only(self) -> bool:
        k = self.kinds
        return (
            0 < len(k) <= 6 and k[0] in ("init", "init_nodot")
            and all(x in ("init", "init_nodot", "part") for x in k)
        )

    @property
    def given(self) -> bool:
        k = self.kinds
        return (
            0 < len(k) <= 4 and k[0] != "part" and "word" in k
            and all(x in ("word", "init", "init_nodot", "part") for x in k)
        )

    @property
    def surname(self) -> bool:
        k = self.kinds
        return (
            0 < len(k) <= 5 and k[-1] == "word" and all(x in ("word", "part") for x in k)
        )

    @property
    def single_surname(self) -> bool:
        return self.surname and self.kinds.count("word") == 1

    def _split_direct(self) -> int | None:
        k = list(self.kinds)
        n = len(k)
        while n and k[n - 1] == "suffix":
            n -= 1
        if n < 2 or k[n - 1] != "word":
            return None
        j = n - 1
        while j > 0 and k[j - 1] == "part":
            j -= 1
        given = k[:j]
        if not given or any(x not in ("word", "init", "init_nodot") for x in given):
            # a compound surname after a particle: "J. L. de la Fuente Ortega"
            j = k.index("part") if "part" in k[:n] else 0
            if (j == 0 or any(x not in ("word", "init", "init_nodot") for x in k[:j])
                    or any(x not in ("word", "part") for x in k[j:n])):
                return None
        if n > 7:
            return None
        return j

    @property
    def direct(self) -> bool:
        return self._split_direct() is not None

    @property
    def vanc(self) -> bool:
        k = self.kinds
        return (
            2 <= len(k) <= 5 and k[-1] == "init_nodot" and "word" in k[:-1]
            and all(x in ("word", "part") for x in k[:-1]) and k[0] != "init_nodot"
        )

    def text(self, lo: int = 0, hi: int | None = None) -> str:
        hi = len(self.toks) if hi is None else hi
        return " ".join(_fmt(t, k) for t, k in zip(self.toks[lo:hi], self.kinds[lo:hi],
                                                    strict=True))


def _shape(text: str) -> _Shape:
    toks = tuple(_tokens(text))
    kinds = tuple(_tok_kind(t) for t in toks)
    return _Shape(toks, kinds)


def _pieces(region: str) -> tuple[list[_Piece], bool]:
    complete = True

    def etal(m: re.Match[str]) -> str:
        nonlocal complete
        complete = False
        return "," + " " * (len(m.group(0)) - 1)

    region = _ETAL.sub(etal, region)
    out: list[_Piece] = []
    pos = 0
    bounds = [(m.start(), m.end()) for m in _SEP.finditer(region)] + [(len(region), len(region))]
    for a, b in bounds:
        raw = region[pos:a]
        lead = len(raw) - len(raw.lstrip())
        t = raw.strip()
        start = pos + lead
        pos = b
        if not t:
            continue
        equal = False
        while t and t[-1] in _EQUAL_MARKS:
            t, equal = t[:-1].rstrip(), True
        while t and t[0] in _EQUAL_MARKS:
            t, equal, start = t[1:].lstrip(), True, start + 1
        t = _EDS.sub("", t)
        if not t or t in ("Ed.", "Eds.", "eds.", "ed."):
            continue
        out.append(_Piece(t, start, start + len(t), equal))
    return out, complete


def _group(pieces: Sequence[_Piece], lenient: bool) -> list[_Name] | None:
    shapes = [_shape(p.text) for p in pieces]
    names: list[_Name] = []
    i = 0
    n = len(pieces)
    while i < n:
        p, c = pieces[i], shapes[i]
        if not c.toks or "bad" in c.kinds:
            return None
        if all(k == "suffix" for k in c.kinds):
            if not names:
                return None
            last = names[-1]
            names[-1] = _Name(f"{last.display} {c.text()}", last.start, p.end,
                              last.equal or p.equal, last.shape)
            i += 1
            continue
        nxt = shapes[i + 1] if i + 1 < n else None
        if nxt is not None and "bad" not in nxt.kinds and c.surname and nxt.initials_only:
            q = pieces[i + 1]
            names.append(_Name(f"{nxt.text()} {c.text()}", p.start, q.end, p.equal or q.equal,
                               "inv_init"))
            i += 2
        elif (
            nxt is not None and "bad" not in nxt.kinds and c.surname and nxt.given
            and (c.single_surname or lenient)
            and all(x.shape == "inv_given" for x in names)
        ):
            q = pieces[i + 1]
            names.append(_Name(f"{nxt.text()} {c.text()}", p.start, q.end, p.equal or q.equal,
                               "inv_given"))
            i += 2
        elif c.vanc:
            names.append(_Name(f"{c.text(len(c.toks) - 1)} {c.text(0, len(c.toks) - 1)}",
                               p.start, p.end, p.equal, "vanc"))
            i += 1
        elif c.direct:
            names.append(_Name(c.text(), p.start, p.end, p.equal, "direct"))
            i += 1
        else:
            return None
    return names


def _consistent(names: Sequence[_Name]) -> bool:
    if not names:
        return False
    first = names[0].shape
    rest = {x.shape for x in names[1:]}
    if len(rest) > 1:
        return False
    if rest:
        r = next(iter(rest))
        if r != first and not (first in ("inv_init", "inv_given") and r == "direct"):
            return False
    return True


def _read_names(region: str, strict: bool = True) -> tuple[list[_Name], bool] | None:
    """Names in an author list with their offsets in ``region``, and whether it is complete."""
    if not region.strip() or len(region) > 3000:
        return None
    pieces, complete = _pieces(region)
    if not pieces:
        return None
    names = _group(pieces, lenient=False)
    if names is None or (strict and not _consistent(names)):
        names = _group(pieces, lenient=True)
        if names is None or (strict and not _consistent(names)):
            return None
    return names, complete


def split_author_list(text: str) -> list[str]:
    """Split an author list into names in display form.

    Reads inverted lists (APA, Harvard: ``"Doe, J. A., & Lee, C."``), a first inverted name
    followed by direct ones (Chicago, MLA: ``"Doe, Jane, and John Smith"``), direct lists
    (IEEE, ACM: ``"A. B. Smith, C. Jones, and D. Lee"``) and Vancouver lists
    (``"Doe J, Smith AB"``). "et al.", "and others", ellipses, equal-contribution marks and
    "(Eds.)" are dropped.

    Parameters
    ----------
    text : str
        The author list alone.

    Returns
    -------
    list of str
        The names in order, or an empty list when ``text`` is not a list of personal names.

    Examples
    --------
    >>> split_author_list("Fuente, M. de la, Ortiz, J., & Kim, S.")
    ['M. de la Fuente', 'J. Ortiz', 'S. Kim']
    >>> split_author_list("Doe J, Smith AB, Ng A, et al.")
    ['J. Doe', 'A. B. Smith', 'A. Ng']
    >>> split_author_list("Doe, Jane, and John Smith")
    ['Jane Doe', 'John Smith']
    >>> split_author_list("the quick brown fox")
    []
    """
    res = _read_names(" ".join(text.split()), strict=False)
    return [n.display for n in res[0]] if res else []


# --------------------------------------------------------------------------------------------
# Dates


def _iso(y: str, mon: str | None, day: str | None) -> str:
    if not mon:
        return y
    m = int(mon) if mon.isdigit() else _MONTHS.get(mon.lower().rstrip("."), 0)
    if not 1 <= m <= 12:
        return y
    if day and 1 <= int(day) <= 31:
        return f"{y}-{m:02d}-{int(day):02d}"
    return f"{y}-{m:02d}"


def _date_of(m: re.Match[str]) -> str:
    g = m.groupdict()
    for i in "123456":
        if g.get(f"y{i}"):
            return _iso(g[f"y{i}"], g.get(f"m{i}"), g.get(f"d{i}"))
    return ""


def _best_date(text: str) -> str | None:
    """The most precise date in ``text`` (the last one of that precision)."""
    best: str | None = None
    for m in _DATE.finditer(text):
        before = text[max(0, m.start() - 5):m.start()]
        if re.search(r"(?:\bpp?\.|\bno\.|\bvol\.|[–:])\s*$", before, re.IGNORECASE):
            continue
        iso = _date_of(m)
        if iso and (best is None or len(iso) >= len(best)):
            best = iso
    return best


# --------------------------------------------------------------------------------------------
# Titles


def _prev_token(s: str, i: int) -> str:
    j = i
    while j > 0 and i - j < 20 and not s[j - 1].isspace():
        j -= 1
    return s[j:i]


def _title_end(s: str, pos: int, italic: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """End of a title sentence starting at ``pos``, and where the rest begins."""
    depth = 0
    last = pos
    for m in _SENT_END.finditer(s, pos):
        i = m.start()
        seen = s[last:i]
        depth += seen.count("(") + seen.count("[") - seen.count(")") - seen.count("]")
        last = i
        if depth > 0:
            continue
        nm = _NEXT_WORD.match(s, m.end())
        word = nm.group(1) if nm else ""
        if word[:1].islower() and not any(ch.isupper() for ch in word):
            continue
        nxt = word[:1]
        if s[i] == ".":
            tok = _prev_token(s, i).lstrip("(\"'“‘").lower()
            if tok in _ABBREV or (tok and i - pos <= 2) or s[max(0, i - 6):i].lower() == " et al":
                continue
            if len(tok) == 1 and tok.isalpha() and re.fullmatch(r"[^\W\d_]\.", word[:2]) and (
                word[:1].isupper()
            ):
                continue  # a run of initials: "the N. I. H. budget"
            return i, m.end()
        if not nxt:
            return i + 1, m.end()
        stop = _SENT_END.search(s, m.end())
        seg = s[m.end(): stop.start() if stop else len(s)]
        starts_italic = any(m.end() <= a <= m.end() + 2 for a, _ in italic)
        if starts_italic or _VENUE_HINT.search(seg):
            return i + 1, m.end()
    return len(s), len(s)


def _quoted_at(s: str, pos: int) -> tuple[int, int, int] | None:
    """A quoted title opening at ``pos``: (title start, title end, rest start)."""
    if pos >= len(s):
        return None
    q = s[pos]
    if q in "\"“”":
        m = re.compile(r"[\"”“]").search(s, pos + 2)
    elif q in "'‘":
        m = re.compile(r"['’](?=[,.;:])").search(s, pos + 2) or re.compile(
            r"['’](?=\s|$)"
        ).search(s, pos + 2)
    else:
        return None
    if not m:
        return None
    return pos + 1, m.start(), m.end()


def _title_at(
    s: str, pos: int, italic: Sequence[tuple[int, int]]
) -> tuple[str, int, str] | None:
    """The title starting near ``pos``: (raw title, rest start, how it was delimited)."""
    while pos < len(s) and s[pos] in " .,:;":
        pos += 1
    if pos >= len(s):
        return None
    q = _quoted_at(s, pos)
    if q:
        return s[q[0]:q[1]], q[2], "quoted"
    for a, b in italic:
        if pos <= a <= pos + 1 and b > a:
            return s[a:b], b, "italic"
    end, rest = _title_end(s, pos, italic)
    return s[pos:end], rest, "sentence"


def _clean_title(raw: str) -> tuple[str, str | None]:
    """The title without quotes, emphasis, trailing punctuation, and its [description]."""
    t = " ".join(raw.split())
    desc = None
    for _ in range(2):
        m = _DESC.search(t)
        if m:
            desc = desc or m.group("d").strip()
            t = t[:m.start()]
        m = _EDITION.search(t)
        if m:
            desc = desc or m.group(0).strip(" ()")
            t = t[:m.start()]
        t = t.strip().strip("\"“”‘’*_").strip()
        t = t.rstrip(".,;:").rstrip()
    t = t.strip("*").strip()
    if not t and desc:  # an untitled work described in brackets: "[Title of a video]"
        return desc, None
    return t, desc


# --------------------------------------------------------------------------------------------
# The rest: venue, date and evidence


@dataclass
class _Rest:
    venue: str | None
    date: str | None
    text: str
    in_prefix: bool
    chapter: bool
    volume: bool
    pages: bool


def _has_abbrev(text: str) -> bool:
    return any(
        m.group(1).lower() in _VENUE_ABBREV or len(m.group(1)) <= 4
        for m in re.finditer(r"\b([A-Z][a-z]{0,9})\.(?=\s|$)", text)
    )


def _clean_venue(v: str) -> str | None:
    v = " ".join(v.split()).strip(" ,;:\"“”*_")
    v = _IN_PREFIX.sub("", v)
    v = re.sub(r"^(?:Paper|Poster|Talk)\s+presented\s+at\s+(?:the\s+)?", "", v)
    while v.endswith((",", ";", ":")):
        v = v[:-1].rstrip()
    if v.endswith("."):
        last = _prev_token(v, len(v) - 1)
        keep = (
            (len(last) <= 6 and last[:1].isupper() and _has_abbrev(v[: len(v) - len(last) - 1]))
            or last.lower() in _ABBREV or last.lower() in _VENUE_ABBREV
            or (len(last) == 1 and last.isupper())
        )
        if not keep:
            v = v[:-1].rstrip()
    m = _CITY_PUB.match(v)
    if m and (
        _PUBLISHER.search(m.group("pub"))
        or (
            re.search(r"\b(?:University|Inc|Ltd|Institute)\b", m.group("pub"))
            and not _PROC.search(m.group("city")) and len(m.group("city").split()) <= 4
        )
    ):
        v = m.group("pub")
    if re.fullmatch(r"(?i)(?:arxiv(?:\s+preprint)?|preprint\s+arxiv|arxiv\s+e-prints)", v):
        v = "arXiv"
    if not v or not any(ch.isalpha() for ch in v) or len(v) > 300:
        return None
    return v


def _read_rest(pre: _Pre, start: int, style: str) -> _Rest:
    s = pre.text
    whole = s[start:]
    m = re.match(r"[\s.,;:]*", whole)
    off = start + (m.end() if m else 0)
    r = s[off:]
    chapter = False
    in_prefix = False
    med = _EDITION_LEAD.match(r)
    if med:
        off += med.end()
        r = s[off:]
    me = _IN_EDS.match(r)
    if me:
        chapter = in_prefix = True
        off += me.end()
        r = s[off:]
    else:
        mp = _IN_PREFIX.match(r)
        if mp:
            in_prefix = True
            off += mp.end()
            r = s[off:]
    venue: str | None = None
    for a, b in pre.italic:
        if off <= a <= off + 1 and b > a:
            venue = s[a:b]
            break
    if venue is None:
        cut = len(r)
        ms = _VENUE_STOP.search(r)
        if ms:
            cut = ms.start()
        if style not in ("ieee", "mla", "copernicus"):  # their venues end at a comma
            for mm in re.finditer(r"\.\s+(?=[A-Z])", r[:cut]):
                word = _prev_token(r, mm.start())
                if (
                    len(word) >= 4 and any(ch.islower() for ch in word)
                    and word.lower() not in _ABBREV and word.lower() not in _VENUE_ABBREV
                    and not _has_abbrev(r[: mm.start()])
                ):
                    cut = mm.start()
                    break
        venue = r[:cut]
    vol = bool(_VOL.search(r))
    pages = False
    for mp2 in _PAGES.finditer(r):
        pa, pb = mp2.group("a"), mp2.group("b")
        if pa and pb and re.fullmatch(_YEAR, pa) and re.fullmatch(_YEAR, pb):
            continue
        pages = True
        break
    return _Rest(_clean_venue(venue), _best_date(r), r, in_prefix, chapter, vol, pages)


# --------------------------------------------------------------------------------------------
# Kind and style


def _kind(
    venue: str | None, rest: _Rest, desc: str | None, ids: Sequence[str], date: str | None,
    pre: _Pre,
) -> str:
    blob = " ".join(x for x in (venue, desc, rest.text) if x)
    v = venue or ""
    doi = any(i.startswith("doi:") for i in ids)
    arxiv = any(i.startswith("arXiv:") for i in ids)
    if _THESIS.search(blob):
        return "thesis"
    if desc and _WEB_DESC.search(desc):
        return "web"
    if desc and _DATA_DESC.search(desc):
        return "other"
    if _REPORT.search(blob) and not _JOURNAL.search(v):
        return "report"
    if (v and _PREPRINT.search(v)) or (desc and _PREPRINT.search(desc)) or (not v and arxiv):
        return "preprint"
    proc = bool(_PROC.search(blob))
    if date and len(date) == 10 and v and not (rest.volume or rest.pages or doi or proc):
        return "web" if (pre.has_url or pre.web_hint) and not _NEWS.search(v) else "news"
    if proc or (rest.in_prefix and not rest.chapter and not _PUBLISHER.search(blob)):
        return "proceedings"
    if rest.chapter:
        return "book"
    if _JOURNAL.search(v) or rest.volume:
        return "article"
    if _PUBLISHER.search(blob) or any(i.startswith("isbn:") for i in ids):
        return "book"
    if rest.pages:
        return "article"
    if v and _NEWS.search(v):
        return "news"
    if _WEBWORD.search(v) or (not v and (pre.has_url or pre.web_hint)):
        return "web"
    if v and _ACRONYM.match(v) and sum(ch.isupper() for ch in v) >= 3:
        return "proceedings"
    if doi:
        return "article"
    return "other"


def looks_scholarly(c: Citation) -> bool:
    """Whether a citation has the marks of a scholarly work rather than a news or web item.

    A journal, proceedings, thesis, report, book or preprint (as :func:`parse_citation`
    judged it from the venue, volume, pages and dates) is scholarly; so is an otherwise
    unclassified entry with a DOI or an arXiv identifier. News and web items are not.

    Parameters
    ----------
    c : Citation
        A parsed reference.

    Returns
    -------
    bool

    Examples
    --------
    >>> looks_scholarly(parse_citation(
    ...     'A. Roe, "Sparse widgets," IEEE Trans. Widgets, vol. 4, pp. 1-9, 2020.'))
    True
    >>> looks_scholarly(parse_citation(
    ...     'L. Corvin, "The quiet revolution in widgets," Wired, 3 October 2019.'))
    False
    """
    if c.kind in _SCHOLARLY_KINDS:
        return True
    if c.kind in ("news", "web"):
        return False
    return any(i.startswith(("doi:", "arXiv:")) for i in c.identifiers)


def _chicago_or_mla(rest: str) -> str:
    if re.search(r"\(\s*(?:[A-Za-z]+\.?\s+)?" + _YEAR + r"\s*\)", rest) or re.match(
        r"[\s.,]*[A-Z][\w.'’ -]{1,40}(?:,\s*[A-Z][\w.]{1,20})?\s*:\s*[A-Z]", rest
    ):
        return "chicago"
    return "mla"


# --------------------------------------------------------------------------------------------
# Entry readers


@dataclass
class _Parse:
    names: list[_Name]
    complete: bool
    title: str
    rest_start: int
    style: str
    date: str | None = None
    how: str = "sentence"
    anchored: bool = False


def _region_names(s: str, a: int, b: int, strict: bool = True) -> tuple[list[_Name], bool] | None:
    res = _read_names(s[a:b], strict)
    if res is None:
        return None
    names = [_Name(n.display, n.start + a, n.end + a, n.equal, n.shape) for n in res[0]]
    return names, res[1]


def _org_author(s: str, a: int, b: int) -> list[_Name] | None:
    region = s[a:b].strip().rstrip(".")
    words = region.split()
    if (
        not 1 <= len(words) <= 10 or re.search(r"[\d,;:]", region) or _PROSE.search(region)
        or not _ORG.search(region)
    ):
        return None
    if not words[0][:1].isupper() or not words[-1][:1].isupper():
        return None
    off = a + (len(s[a:b]) - len(s[a:b].lstrip()))
    return [_Name(region, off, off + len(region), False, "org")]


def _parse_apa(pre: _Pre) -> _Parse | None:
    s = pre.text
    for k, m in enumerate(_APA_DATE.finditer(s)):
        if k >= 3 or m.start() > 3000:
            break
        a, b = 0, m.start()
        region = s[a:b].rstrip()
        if not region:
            continue
        res = _region_names(s, a, a + len(region))
        if res is None and region.endswith("."):  # "Fuente, M. de la. (2014)"
            res = _region_names(s, a, a + len(region) - 1)
        if res is None:
            org = _org_author(s, a, a + len(region))
            if org is None:
                continue
            res = (org, True)
        names, complete = res
        date = None
        if m.group("y"):
            date = m.group("y")
            extra = m.group("extra") or ""
            pre_date = m.group("pre") or ""
            dm = _DATE.search(f"{pre_date}{date}" if pre_date else f"{extra.strip(' ,')} {date}")
            if dm:
                iso = _date_of(dm)
                if iso.startswith(date):
                    date = iso
        after = s[m.end():]
        period = after.lstrip().startswith(".")
        t = _title_at(s, m.end(), pre.italic)
        if t is None:
            return None
        raw, rest_start, how = t
        harvard = (
            (how == "quoted" and s[m.end():].lstrip(" .")[:1] in "'‘")
            or not period
            or (" and " in region and re.search(r"\bpp\.", s[rest_start:]) is not None)
        )
        style = "harvard" if harvard else "apa"
        return _Parse(names, complete, raw, rest_start, style, date, how, anchored=True)
    return None


def _parse_acm(pre: _Pre) -> _Parse | None:
    s = pre.text
    m = _ACM_YEAR.search(s)
    if not m or m.start() > 3000:
        return None
    end = m.start() + 1
    eds = re.search(r",\s*(?:eds?|editors?)\.?$", s[:end])  # "Roe, Jane, and Tom Vale, eds."
    res = _region_names(s, 0, eds.start() if eds else end)
    if res is None:
        return None
    names, complete = res
    t = _title_at(s, m.end(), pre.italic)
    if t is None:
        return None
    raw, rest_start, how = t
    style = "chicago" if names[0].shape in ("inv_given", "inv_init") else "acm"
    return _Parse(names, complete, raw, rest_start, style, m.group("y"), how, anchored=True)


def _opening(s: str, italic: Sequence[tuple[int, int]]) -> list[tuple[int, str]]:
    """Candidate title openings: the first double quote, a single quote after , or ., italics."""
    out: list[tuple[int, str]] = []
    m = re.search(r"[\"“]", s)
    if m:
        out.append((m.start(), "quote"))
    m = re.search(r"(?:^|(?<=[,.:]\s))['‘](?=\w)", s)
    if m:
        out.append((m.start(), "quote"))
    for a, _ in italic[:2]:
        out.append((a, "italic"))
    out.sort()
    return out[:3]


def _parse_quoted(pre: _Pre) -> _Parse | None:
    s = pre.text
    for pos, how in _opening(s, pre.italic):
        region = s[:pos]
        stripped = region.rstrip(" ,.:;")
        sep = region[len(stripped):].strip()[-1:]
        if stripped.strip():
            res = _region_names(s, 0, len(stripped))
            if res is None:
                continue
            names, complete = res
        else:
            names, complete = [], True
        if how == "quote":
            q = _quoted_at(s, pos)
            if q is None or q[1] - q[0] < 2:
                continue
            raw, rest_start = s[q[0]:q[1]], q[2]
        else:
            span = next((x for x in pre.italic if x[0] == pos), None)
            if span is None:
                continue
            raw, rest_start = s[span[0]:span[1]], span[1]
        if not names:
            style = "unknown"
        elif sep == "," and names[0].shape == "direct":
            style = "ieee"
        elif names[0].shape in ("inv_given", "inv_init") and sep == ".":
            style = _chicago_or_mla(s[rest_start:])
        else:
            style = "unknown"
        return _Parse(names, complete, raw, rest_start, style, None, how)
    return None


_SCIENCE = re.compile(r"(?P<names>[^,]{3,60}(?:,\s*[^,]{3,60}){0,30}?\s+et\s+al\.?),\s+")


def _parse_science(pre: _Pre) -> _Parse | None:
    """The Science and Nature style: "A. B. Doe et al., Title. *Journal* 372, 612–617
    (2021)." (or all the authors, the last after "and"), the title ended by a full stop and
    the year in brackets at the end."""
    s = pre.text
    m = _SCIENCE.match(s)
    if not m or not re.search(r"\(\s*(?:1[5-9]|20)\d\d\s*\)\.?\s*$", s):
        return None
    res = _region_names(s, 0, m.end("names"))
    if res is None:
        return None
    end = s.find(". ", m.end())
    if end < 0 or end - m.end() < 8:
        return None
    names, _complete = res
    return _Parse(names, False, s[m.end():end], end + 1, "science", None, "sentence")


_AMS_YEAR = re.compile(r",\s+(?P<y>" + _YEAR + r")[a-z]?:\s+(?=\S)")
# the end of a Copernicus title: ", in: <book>" or ", <Journal>, <volume or link>"
_COPERNICUS_END = re.compile(r",\s+(?:in:\s+|(?=[*_]*[A-Z][^,:]{2,80},\s+(?:\d|https?://|doi)))")


def _parse_colon(pre: _Pre) -> _Parse | None:
    """The styles that end the author list with a colon: AMS and AGU, "Roe, J., T. Vale,
    and M. Castell, 2015: Title. *Journal*, 41, 1187–1203", and Copernicus, "Roe, J., Vale,
    T., and Castell, M.: Title, Journal, 41, 1187–1203, https://doi.org/..., 2015"."""
    s = pre.text
    m = _AMS_YEAR.search(s, 0, 1500)
    if m:
        res = _region_names(s, 0, m.start())
        t = _title_at(s, m.end(), pre.italic) if res is not None else None
        if res is None or t is None:
            return None
        raw, rest_start, how = t
        return _Parse(res[0], res[1], raw, rest_start, "ams", m.group("y"), how, anchored=True)
    m = re.search(r":\s+", s[:1500])
    if m is None or not re.search(r"\b(?:1[5-9]|20)\d\d\b", s[m.end():]):
        return None
    res = _region_names(s, 0, m.start())
    # inverted names with initials only ("Roe, J., Vale, T."): a speaker's "Jane Roe:" is none
    if res is None or any(n.shape != "inv_init" for n in res[0]):
        return None
    end = _COPERNICUS_END.search(s, m.end())
    if end is None:
        return None
    return _Parse(res[0], res[1], s[m.end():end.start()], end.end(), "copernicus", None,
                  "sentence", anchored=True)


def _parse_generic(pre: _Pre) -> _Parse | None:
    s = pre.text
    lim = re.search(r"[\d\"“”(\[]", s)
    limit = lim.start() if lim else len(s)
    best: tuple[int, tuple[list[_Name], bool]] | None = None
    for k, m in enumerate(re.finditer(r"[.:](?=\s)", s)):
        i = m.start()
        if i > limit or i > 1500 or k > 40:
            break
        tok = _prev_token(s, i)
        core = tok.replace(".", "").replace("-", "").strip(_EQUAL_MARKS)
        init_like = core.isalpha() and core.isupper() and len(core) <= 3 and s[i] == "."
        res = _region_names(s, 0, i)
        if res is not None:
            # a longer list must keep the shapes of a shorter valid one: "Doe L. Widgets" is
            # not a direct name once "Doe L" read as Vancouver
            if best is not None and {n.shape for n in res[0]} != {n.shape for n in best[1][0]}:
                break
            best = (i, res)
        if not init_like:
            break
    if best is None:
        return None
    i, (names, complete) = best
    t = _title_at(s, i + 1, pre.italic)
    if t is None:
        return None
    raw, rest_start, how = t
    if all(n.shape == "vanc" for n in names):
        style = "vancouver"
    elif names[0].shape == "inv_given":
        style = _chicago_or_mla(s[rest_start:])
    else:
        style = "unknown"
    return _Parse(names, complete, raw, rest_start, style, None, how)


def _marked(names: Sequence[_Name], bold: Sequence[tuple[int, int]]) -> tuple[int, ...]:
    return tuple(
        i for i, n in enumerate(names) if any(a < n.end and n.start < b for a, b in bold)
    )


def _finish(p: _Parse, pre: _Pre) -> Citation | None:
    title, desc = _clean_title(p.title)
    if len(title) < 2 or len(title) > 500 or sum(ch.isalpha() for ch in title) < 2:
        return None
    loose = not p.anchored and p.how == "sentence"
    if loose and not (title[0].isupper() or title[0].isdigit()):
        return None
    rest = _read_rest(pre, p.rest_start, p.style)
    venue = rest.venue
    if desc and _THESIS.search(desc) and "," in desc:
        venue = desc
    ids = tuple(pre.identifiers)
    if venue is None and any(i.startswith("arXiv:") for i in ids):
        venue = "arXiv"
    date = p.date
    if date is None:
        date = rest.date
    elif rest.date and rest.date.startswith(date) and len(rest.date) > len(date):
        date = rest.date
    if venue and not (venue[0].isupper() or venue[0].isdigit() or venue[0] in "(\"'“‘"):
        venue = None if not p.names else venue
    if not p.names:
        if not (date or ids) or venue is None:
            return None
    elif not p.anchored and not (date or ids or (venue and _VENUE_HINT.search(venue))):
        return None
    if loose and (_PROSE.search(title) or (venue and _PROSE.search(venue))) and not (
        ids or (venue and _VENUE_HINT.search(venue))
    ):
        return None
    if venue is None and not ids and _PROSE.search(title):
        return None  # "Smith, J. (2019). He was appointed director in 2019."
    kind = _kind(venue, rest, desc, ids, date, pre)
    names = p.names
    return Citation(
        title=title,
        authors=tuple(n.display for n in names),
        year=int(date[:4]) if date else None,
        date=date,
        venue=venue,
        identifiers=ids,
        complete=p.complete,
        equal=tuple(i for i, n in enumerate(names) if n.equal),
        marked=_marked(names, pre.bold),
        kind=kind,
        style=p.style,
    )


def parse_citation(text: str) -> Citation | None:
    """Parse one reference entry.

    Parameters
    ----------
    text : str
        One entry, with or without a list number (``"[3]"``, ``"3."``, ``"[C12]"``,
        ``"J3."``), Markdown or HTML emphasis, links, a DOI or an arXiv identifier. A string
        starting with ``@`` is read as BibTeX (its first entry).

    Returns
    -------
    Citation or None
        None when ``text`` is not a reference to a work (prose, a job line, an empty line).

    Examples
    --------
    >>> c = parse_citation('[3] A. B. Smith, C. Jones, and D. Lee, "Title of paper," in Proc. '
    ...                    'IEEE Conf. Comput. Vis. Pattern Recognit. (CVPR), 2019, pp. 1-9.')
    >>> c.authors, c.title, c.year, c.kind, c.style
    (('A. B. Smith', 'C. Jones', 'D. Lee'), 'Title of paper', 2019, 'proceedings', 'ieee')
    >>> c.venue
    'Proc. IEEE Conf. Comput. Vis. Pattern Recognit. (CVPR)'
    >>> c = parse_citation('1. **T. J. Doe**, A. Roe*, and B. Poe*. "Small widgets." '
    ...                    '*NeurIPS*, 2020.')
    >>> c.authors, c.equal, c.marked, c.venue, c.year
    (('T. J. Doe', 'A. Roe', 'B. Poe'), (1, 2), (0,), 'NeurIPS', 2020)
    >>> parse_citation("She joined the lab in 2015 and published many papers.") is None
    True
    """
    if not text or not text.strip() or len(text) > 20000:
        return None
    if text.lstrip().startswith("@"):
        entries = parse_bibtex(text)
        return entries[0] if entries else None
    pre = _preprocess(text)
    if not pre.text.strip():
        return None
    for reader in (_parse_apa, _parse_acm, _parse_quoted, _parse_science, _parse_colon,
                   _parse_generic):
        p = reader(pre)
        if p is not None:
            c = _finish(p, pre)
            if c is not None:
                return c
    return None


# --------------------------------------------------------------------------------------------
# BibTeX

_BIB_KIND = {
    "article": "article", "inproceedings": "proceedings", "conference": "proceedings",
    "proceedings": "proceedings", "phdthesis": "thesis", "mastersthesis": "thesis",
    "thesis": "thesis", "book": "book", "inbook": "book", "incollection": "book",
    "booklet": "book", "techreport": "report", "report": "report", "manual": "report",
    "online": "web", "electronic": "web", "www": "web", "webpage": "web",
    "misc": "other", "unpublished": "other",
}


def _debrace(v: str) -> str:
    return " ".join(v.replace("{", "").replace("}", "").split())


def _bib_name(name: str) -> str:
    from bibtexparser.middlewares.names import (
        InvalidNameError,
        parse_single_name_into_parts,
    )

    try:
        parts = parse_single_name_into_parts(name)
    except InvalidNameError:
        return _debrace(name)
    first = []
    for tok in parts.first:
        tok = _debrace(tok)
        kind = _tok_kind(tok)
        first.append(_fmt_initials(tok) if kind in ("init", "init_nodot") else tok)
    words = first + [_debrace(t) for t in parts.von + parts.last]
    out = " ".join(w for w in words if w)
    if parts.jr:
        out += " " + _debrace(" ".join(parts.jr))
    return out


def parse_bibtex(text: str) -> list[Citation]:
    """Parse every entry of a BibTeX string (``@string`` macros and LaTeX accents resolved).

    Parameters
    ----------
    text : str
        BibTeX source; ``@comment``, ``@preamble`` and blocks that fail to parse are skipped.

    Returns
    -------
    list of Citation
        One per entry with a title, in order, with style ``"bibtex"``.

    Examples
    --------
    >>> [c] = parse_bibtex('@inproceedings{k, author = {Doe, Jane and M{\\\\"u}ller, J. and '
    ...                    'others}, title = {{Small} widgets}, booktitle = {Proc. Conf. '
    ...                    'Widgets}, year = 2020, month = sep, doi = {10.1000/xyz}}')
    >>> c.authors, c.title, c.date, c.kind, c.complete
    (('Jane Doe', 'J. Müller'), 'Small widgets', '2020-09', 'proceedings', False)
    """
    import bibtexparser
    from bibtexparser.middlewares import (
        LatexDecodingMiddleware,
        NormalizeFieldKeys,
        SeparateCoAuthors,
    )

    lib = bibtexparser.parse_string(
        text,
        append_middleware=[
            NormalizeFieldKeys(),
            LatexDecodingMiddleware(keep_braced_groups=True),
            SeparateCoAuthors(),
        ],
    )
    out: list[Citation] = []
    for entry in lib.entries:
        f: dict[str, object] = {}
        for fld in entry.fields:
            f.setdefault(fld.key.lower(), fld.value)

        def get(key: str, fields: dict[str, object] = f) -> str | None:
            v = fields.get(key)
            if isinstance(v, str) and _debrace(v):
                return _debrace(v)
            return None

        title = get("title")
        if not title:
            continue
        title = title.rstrip(".,;: ")
        raw_authors = f.get("author") or f.get("editor") or []
        if isinstance(raw_authors, str):
            raw_authors = [raw_authors]
        authors: list[str] = []
        complete = True
        for name in raw_authors if isinstance(raw_authors, list) else []:
            if _debrace(str(name)).lower() == "others":
                complete = False
                continue
            authors.append(_bib_name(str(name)))
        etype = entry.entry_type.lower()
        kind = _BIB_KIND.get(etype, "other")
        ids: list[str] = []
        doi = get("doi")
        if doi:
            doi = re.sub(r"(?i)^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", doi)
            ids.append("doi:" + doi)
        eprint = get("eprint")
        archive = (get("archiveprefix") or get("eprinttype") or "").lower()
        blob = " ".join(x for x in (get("journal"), get("url"), get("howpublished"), eprint) if x)
        m = re.search(_ARXIV_ID, eprint or "") if eprint and (archive == "arxiv" or not archive) \
            else re.search(r"(?i)arxiv[^\d]{0,30}" + _ARXIV_ID, blob)
        if m:
            ids.append("arXiv:" + m.group("ax"))
        school = get("school") or get("institution")
        venue: str | None
        if etype == "phdthesis":
            venue = "Ph.D. dissertation" + (f", {school}" if school else "")
        elif etype == "mastersthesis":
            venue = "Master's thesis" + (f", {school}" if school else "")
        else:
            venue = (
                get("journal") or get("booktitle") or get("school") or get("institution")
                or get("publisher") or get("organization") or get("howpublished")
            )
        if venue and _PREPRINT.search(venue) and re.search(r"(?i)arxiv", venue):
            venue = "arXiv"
        if kind in ("article", "other", "web") and venue and _PREPRINT.search(venue):
            kind = "preprint"
        elif kind == "other" and any(i.startswith("arXiv:") for i in ids) and not venue:
            kind, venue = "preprint", "arXiv"
        elif kind == "other" and not venue and get("url"):
            kind = "web"
        year_m = re.search(_YEAR, get("year") or get("date") or "")
        date = None
        if year_m:
            date = year_m.group(0)
            mon = get("month")
            if not mon and (get("date") or "").startswith(date + "-"):
                date = (get("date") or "")[:10]
            elif mon:
                mon_m = re.match(r"(?i)\s*(" + _MON + r"|\d{1,2})\b", mon)
                if mon_m:
                    date = _iso(date, mon_m.group(1), get("day"))
        out.append(
            Citation(
                title=title,
                authors=tuple(authors),
                year=int(date[:4]) if date else None,
                date=date,
                venue=venue,
                identifiers=tuple(ids),
                complete=complete,
                kind=kind,
                style="bibtex",
            )
        )
    return out
