"""Reading an article: bytes to clean text, blocks and citation markers.

The reader turns what people actually download (plain text with site boilerplate,
Markdown, simple HTML, mojibake, ``[^12]`` citation markers) into an :class:`Article`:
the text the NLP pipeline sees, split into typed blocks (title, heading, paragraph, list
item, table row, reference entry), with every character mapped back to its offset in the
repaired source text, and citation markers kept as evidence.

>>> art = read_text("Ada Lovelace\\n\\nAda Lovelace was a mathematician.[^1] She wrote notes.[2]")
>>> art.title
'Ada Lovelace'
>>> art.text
'Ada Lovelace\\n\\nAda Lovelace was a mathematician. She wrote notes.'
>>> [(m.label, art.text[:m.position][-6:]) for m in art.markers]
[('1', 'ician.'), ('2', 'notes.')]
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path

from .errors import InputError
from .lexicon import org_kind_from_name

__all__ = [
    "is_generic_title",
    "Inline",
    "Article",
    "Block",
    "Marker",
    "read_article",
    "read_text",
    "decode_bytes",
    "repair_text",
    "unescape_markdown",
    "MAX_BYTES",
]

#: Largest article read by default (bytes).
MAX_BYTES = 5_000_000

# Lines that encyclopedia and wiki sites put around an article: general site vocabulary.
_BOILERPLATE = re.compile(
    r"^(last (reviewed|edited|updated|modified)|sources?|no citations yet|review status|"
    r"needs citations|revision|improve this article|add missing citations.*|edit( this page)?|"
    r"jump to (navigation|search)|from wikipedia, the free encyclopedia|retrieved from.*|"
    r"this article (is about|needs).*|contents|hide|show|navigation menu|"
    r"v\d+\b.*\bwords?|\d[\d,]* words|[a-z]+ \d{1,2}, \d{4}|\d{1,2} [a-z]+ \d{4}|"
    r"share|print|cite this (page|article)|read more|advertisement)$",
    re.IGNORECASE,
)

# Citation markers: [^12], [12], [a], [note 3], [citation needed].
_MARKER = re.compile(
    r"\[\^?(\d{1,4}|[a-z]|note \d+|nb \d+)\]|\[(citation needed|clarification needed|"
    r"when\?|who\?|according to whom\?)\]",
    re.IGNORECASE,
)
# Inline Markdown: links, images, emphasis, code, autolinks, HTML tags.
_INLINE = re.compile(
    r"!?\[(?P<lt>[^\]\n]*)\]\((?P<url>[^)\s]*)(?:\s+\"[^\"]*\")?\)"
    r"|\*\*(?P<b1>[^*\n]+)\*\*|__(?P<b2>[^_\n]+)__"
    r"|(?<![\w*])\*(?P<i1>[^*\n]+)\*(?![\w*])|(?<![\w_])_(?P<i2>[^_\n]+)_(?![\w_])"
    r"|`(?P<code>[^`\n]+)`|<(?P<auto>https?://[^>\s]+)>|</?[a-zA-Z][^>\n]{0,200}>"
)
#: Characters a Markdown backslash escapes (not TeX's accent marks: \` \~ \.).
_ESCAPED = "\\*_{}[]()#+!|<>"
_ESCAPABLE = frozenset(_ESCAPED)
_MD_ESCAPE = re.compile(r"\\(?=[" + re.escape(_ESCAPED) + "])")
_INLINE_KINDS = {"lt": "link", "b1": "strong", "b2": "strong", "i1": "em", "i2": "em",
                 "code": "code", "auto": ""}
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
# "Key: value" lines of an infobox or a CV, with keys from the common vocabulary
_FIELD = re.compile(r"^[*_]{0,2}(?P<key>[A-Z][A-Za-z][A-Za-z ()/'’-]{0,30}?)[*_]{0,2}\s*:"
                    r"[*_]{0,2}\s+(?P<value>\S.*)$")
_FIELD_KEYS = re.compile(
    r"(?:born|died|resting place|nationality|citizenship|fields?|institutions?|employers?|"
    r"workplaces?|organi[sz]ations?|affiliations?|alma mater|education|doctoral advisors?|"
    r"other academic advisors?|academic advisors?|doctoral students|notable students|"
    r"known for|awards?|spouses?|partners?|children|parents|relatives|occupations?|"
    r"positions?|titles?|years active|website|residence|thesis|notable works|"
    r"board member of|member of|memberships?|founder of|co-?founder of|founded|"
    r"current position|previous positions|industry|headquarters|founders?|investors|"
    r"funding|key people)(?:\s*\([^()]*\))?", re.IGNORECASE)
_WIKI_HEADING = re.compile(r"^(={1,6})\s*([^=].*?)\s*\1\s*$")
# A line on its own that names a common section of a biography or CV: a heading even
# without markup ("Selected publications", "Early life", "Awards and honours").
_SECTION_LINE = re.compile(
    r"^(?:(?:selected|major|key|recent|other)\s+)?(?:publications?|references|bibliography|"
    r"works(?: cited)?|papers|notes|sources|further reading|external links|see also|"
    r"(?:early )?life(?: and (?:education|career))?|(?:early |personal |later )?(?:life|career)|"
    r"education|biography|research|awards?(?: and (?:honou?rs|recognition))?|honou?rs|"
    r"appointments|employment|positions?|(?:academic |professional )?(?:career|experience|"
    r"service|positions|appointments)|books|preprints|patents|grants|funding|teaching|"
    r"students|lab members|legacy|death|selected works|filmography|discography)"
    # "Selected works cited by the committee", "Publications since 2015"
    # "Key papers cited by the jury"
    r"(?:\s+and\s+\w+|(?:\s+[a-z]+ed)?\s+(?:by|of|from|in|for|on|since|at)\s+[\w'’ -]{1,30})?$",
    re.IGNORECASE)
# A plain-text CV's heading in capitals: "PROFESSIONAL EXPERIENCE", "PUBLICATIONS (selected)".
_CAPS_HEADING = re.compile(r"(?=[^a-z]*[A-Z]{4})[A-Z][A-Z&/'’-]*(?:\s+[A-Z&/'’-]+){0,5}"
                           r"(?:\s*\([^()]{1,40}\))?")
# Site names after a page title: "Jane Roe | Department of X | University of Y".
_TITLE_SUFFIX = re.compile(r"\s+[|–—·-]\s+.*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+\u2022]|\d{1,3}[.)])\s+")
# "[1] A. Roe, B. Vale, "Title," Venue, 2013": an IEEE list's entry number
_NUMBERED_REFERENCE = re.compile(r"^\s*\[\d{1,3}\]\s+")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
# A reference in citation style: "Surname, I. J., Other, A., & Last, B. (2016). Title."
_REFERENCE = re.compile(r"^[^()\n]{2,600}?\(\s*(\d{4})[a-z]?(?:,\s*[^)]*)?\)\.?\s+\S")
_REFERENCE_HEADINGS = re.compile(
    r"^((selected|major|key|recent|peer[- ]reviewed|refereed|other)\s+)?(publications|"
    r"references|bibliography|works|papers|selected works|further reading|works cited|"
    r"preprints|(journal |conference |workshop )?(articles|papers)|books|book chapters|"
    r"theses|dissertations?|thesis|technical reports)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Marker:
    """A citation marker removed from the text: its label and where it stood."""

    label: str
    position: int  # offset in Article.text where the marker was
    source_start: int  # offset of the marker in Article.source
    source_end: int


@dataclass(frozen=True)
class Inline:
    """A stretch of inline markup: a link's text, bold or italic text, code.

    Its edges are name edges the NLP should respect ("**Ledgerline** with **Sofia Berg**"
    is two names); a link to an encyclopedia page marks a named entity.
    """

    kind: str  # link | strong | em | code
    start: int  # offsets in Article.text
    end: int
    url: str = ""


@dataclass(frozen=True)
class Block:
    """A block of the article: title, heading, paragraph, item, row or reference.

    ``start``/``end`` are offsets in :attr:`Article.text`. Table rows carry their cells
    (offsets too) and the table's header names, lower-cased.
    """

    kind: str
    start: int
    end: int
    cells: tuple[tuple[int, int], ...] = ()
    header: tuple[str, ...] = ()
    section: str = ""


@dataclass
class Article:
    """A read article: clean text for the NLP, blocks, markers and the offset map."""

    source: str
    text: str
    offsets: list[int]
    blocks: list[Block]
    markers: list[Marker]
    title: str | None = None
    name: str = "article"
    path: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    inline: list[Inline] = field(default_factory=list)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of :attr:`text` to the span of :attr:`source` it was read from."""
        if start >= len(self.offsets):
            return (len(self.source), len(self.source))
        s = self.offsets[start]
        e = self.offsets[max(start, end - 1)] + 1 if end > start else s
        return (s, e)

    def markers_in(self, start: int, end: int) -> list[Marker]:
        """Citation markers that stand inside or right after the span ``[start, end]``."""
        return [m for m in self.markers if start < m.position <= end]


# --------------------------------------------------------------------------- decoding

_THAI_OR_CJK_IN_LATIN = re.compile(r"[\u0e00-\u0e7f\u0080-\u00ff\u2018-\u203a\u0152-\u02dc]{1,4}")


def decode_bytes(data: bytes, *, what: str = "article") -> str:
    """Decode an article's bytes: BOMs, UTF-16, UTF-8, then Windows-1252 as a fallback.

    >>> decode_bytes("caf\\u00e9".encode("utf-16"))
    'café'
    >>> decode_bytes(b"caf\\xe9")
    'café'
    """
    if not data.strip():
        raise InputError(f"{what} is empty: give a file with the article's text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"{what} has a UTF-16 byte-order mark but is not UTF-16") from exc
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data:
        raise InputError(
            f"{what} looks binary (it has NUL bytes): give a text, Markdown or HTML file"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _undo_mojibake(run: str) -> str:
    for enc in ("cp874", "cp1252", "latin-1"):
        try:
            fixed = run.encode(enc).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if fixed and len(fixed) < len(run):
            return fixed
    return run


def repair_text(text: str) -> str:
    """Repair mojibake and normalise to NFC; keep everything else as it is.

    UTF-8 read as Windows-1252 or as Thai (cp874) is turned back:

    >>> repair_text("v1 \\u0e22\\u0e17 4,009 words")
    'v1 · 4,009 words'
    >>> repair_text("Caf\\u00c3\\u00a9 au lait")
    'Café au lait'
    """
    import ftfy  # heavy-ish; only needed when reading articles

    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = ftfy.fix_text(
        text, normalization="NFC", uncurl_quotes=False, fix_latin_ligatures=False,
        fix_character_width=False,
    )
    text = _THAI_OR_CJK_IN_LATIN.sub(lambda m: _undo_mojibake(m.group(0)), text)
    return unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------- HTML


class _HTMLText(HTMLParser):
    _BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table",
               "ul", "ol", "section", "article", "header", "footer", "title", "blockquote"}
    _SKIP = {"script", "style", "nav", "noscript", "sup", "template"}
    # inline emphasis becomes Markdown emphasis, so its edges reach the reader like
    # Markdown's ("<em>Title</em>" → "*Title*"; a CV's subject in "<b>" → "**A. Roe**")
    _INLINE = {"em": "*", "i": "*", "cite": "*", "strong": "**", "b": "**"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.heads = 0  # <th> cells of the row being read
        self.data_cells = 0  # <td> cells of the row being read
        self.header_done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skip += 1
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.out.append("\n\n" + "#" * int(tag[1]) + " ")
        elif tag == "li":
            self.out.append("\n- ")
        elif tag == "tr":
            self.out.append("\n|")
            self.heads = self.data_cells = 0
        elif tag == "th":
            self.heads += 1
        elif tag == "td":
            self.data_cells += 1
        elif tag == "table":
            self.header_done = False
            self.out.append("\n\n")
        elif tag in self._INLINE:
            self.out.append(self._INLINE[tag])
        elif tag in self._BLOCKS:
            self.out.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self._INLINE:
            self.out.append(self._INLINE[tag])
        elif tag in ("td", "th"):
            self.out.append(" |")
        elif tag == "tr" and self.heads and not self.data_cells and not self.header_done:
            # a row of <th> cells is the table's header: a Markdown separator after it
            self.out.append("\n|" + "---|" * self.heads + "\n")
            self.header_done = True
        elif tag in self._BLOCKS:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(re.sub(r"\s+", " ", data))


def _html_to_text(text: str) -> str:
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    out = "".join(parser.out)
    out = re.sub(r"[ \t]+\n", "\n", out)
    return re.sub(r"\n{3,}", "\n\n", out).strip() + "\n"


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return bool(re.search(r"<(html|body|p|div|h1|article)[\s>]", head)) and head.count("<") > 3


# --------------------------------------------------------------------------- building


class _Builder:
    """Accumulates clean text with a source offset for every character."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.markers: list[Marker] = []
        self.inline: list[Inline] = []

    @property
    def pos(self) -> int:
        return len(self.offsets)

    def add(self, s: str, src: int) -> None:
        self.chars.append(s)
        self.offsets.extend(range(src, src + len(s)))

    def add_synthetic(self, s: str, src: int) -> None:
        self.chars.append(s)
        self.offsets.extend([src] * len(s))

    def add_inline(self, line: str, base: int) -> None:
        """Add a line with Markdown inline markup and citation markers removed."""
        i = 0
        for m in _MARKER.finditer(line):
            self._add_markup(line[i : m.start()], base + i)
            # drop the space before the marker so "text [^1]" ends at "text"
            while self.chars and self.chars[-1].endswith(" ") and self.chars[-1].strip() == "":
                self.chars.pop()
                self.offsets.pop()
            label = m.group(1) or m.group(2) or ""
            self.markers.append(Marker(label, self.pos, base + m.start(), base + m.end()))
            i = m.end()
        self._add_markup(line[i:], base + i)

    def _add_markup(self, seg: str, base: int) -> None:
        i = 0
        for m in _INLINE.finditer(seg):
            self._add_plain(seg[i : m.start()], base + i)
            for g in ("lt", "b1", "b2", "i1", "i2", "code", "auto"):
                if m.group(g) is not None:
                    s0 = self.pos
                    self._add_plain(m.group(g), base + m.start(g))
                    kind = _INLINE_KINDS[g]
                    if self.pos > s0 and kind and not m.group(0).startswith("!"):
                        self.inline.append(Inline(kind, s0, self.pos, m.group("url") or ""))
                    break
            i = m.end()
        self._add_plain(seg[i:], base + i)

    def _add_plain(self, seg: str, base: int) -> None:
        # one character at a time so runs of white space fold to one space
        for k, ch in enumerate(seg):
            if ch == "\\" and seg[k + 1 : k + 2] in _ESCAPABLE:
                continue  # a Markdown escape: "Quiroga\\*" is "Quiroga*"
            if ch.isspace():
                if self.chars and not self.chars[-1].isspace():
                    self.add_synthetic(" ", base + k)
            else:
                self.add(ch, base + k)

    def trim_end(self) -> None:
        while self.chars and self.chars[-1].isspace():
            self.chars.pop()
            self.offsets.pop()

    def text(self) -> str:
        return "".join(self.chars)


_BYLINE = re.compile(r"\s*(?:(?:interview|interviewed|words|text|story|reporting|written|"
                     r"photographs?|photos?)\s+)?by\s+(?-i:[A-Z])", re.I)


def _is_prose(line: str) -> bool:
    words = line.split()
    return len(words) >= 8 and bool(re.search(r"[.!?:;)\]\"”]$|\[\^?\d+\]$", line.strip()))


def _split_cells(line: str, base: int) -> list[tuple[str, int]]:
    s = line
    start = 0
    stripped = s.strip()
    lead = len(s) - len(s.lstrip())
    start = lead + (1 if stripped.startswith("|") else 0)
    end = len(s.rstrip())
    if stripped.endswith("|") and end - 1 >= start:
        end -= 1
    cells: list[tuple[str, int]] = []
    i = start
    for m in re.finditer(r"(?<!\\)\|", s[start:end]):
        cells.append((s[i : start + m.start()], base + i))
        i = start + m.end()
    cells.append((s[i:end], base + i))
    return cells


_HEADER_WORDS = re.compile(
    r"^(?:year|years|date|dates|period|title|paper|publication|work|authors?|with|venue|"
    r"journal|conference|published|role|position|institution|organi[sz]ation|employer|"
    r"university|place|degree|field|notes?|identifier|doi|arxiv|link|type|from|to)$", re.I)


def _header_cells(line: str) -> bool:
    """Whether a table line is a header without a separator row under it: every cell one
    of the common column names ("Title | Authors | Year | Venue")."""
    cells = [re.sub(r"[*_`]", "", c).strip() for c in line.strip().strip("|").split("|")]
    return len(cells) >= 2 and all(_HEADER_WORDS.match(c) for c in cells if c)


def _cited(line: str, *, strict: bool) -> bool:
    """Whether a line is a reference entry in a citation style; ``strict``: a scholarly
    work with authors and a year in a style the reader knows."""
    if len(line) > 2000 or not re.search(r"\b(?:1[5-9]|20)\d\d\b|\b(?i:forthcoming|in\s+press)\b",
                                         line):
        return False
    from .citations import looks_scholarly, parse_citation

    c = parse_citation(line)
    if c is None:
        return False
    return not strict or (looks_scholarly(c) and bool(c.authors) and c.year is not None
                          and c.style != "unknown")


#: A page title that names no one: the name on the next line is the title.
_GENERIC_TITLE = re.compile(r"(?i)(?:curriculum\s+vitae|cv|r[ée]sum[ée]|short\s+bio(?:graphy)?|"
                            r"biography|bio|profile|personal\s+page|home(?:\s*page)?|"
                            r"about(?:\s+me)?)\.?")


def is_generic_title(title: str) -> bool:
    """Whether a page title names no one: "Curriculum Vitae", "About me", "Biography".

    >>> is_generic_title("CURRICULUM VITAE"), is_generic_title("Jane Roe")
    (True, False)
    """
    return _GENERIC_TITLE.fullmatch(title.strip()) is not None


#: A line that is a person's name, maybe with degrees after a comma: "Jane Roe, PhD".
_NAME_LINE = re.compile(r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|de|van|von|da|del|der|la|le|"
                        r"bin)){1,4}(?:,\s*[A-Za-z. ,]{2,30})?")
_DATED_ENTRY = re.compile(r"(?:(?:19|20)\d\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                          r"[a-z]*\.?\s+(?:19|20)\d\d)\b")


def _continues(prev: str, line: str) -> bool:
    """Whether ``line`` (as written, with its indent) goes on from the line before it,
    hard-wrapped: it opens in lower case, or it is indented under a line that stops at a
    comma, an ampersand or an open bracket. A line that opens with a date starts an entry
    of its own.

    >>> _continues("2020-present Associate Professor, Centre for International Health,",
    ...            "     University of Bergen, Norway")
    True
    >>> _continues("Mariam Roe, PhD", "Associate Professor of Epidemiology")
    False
    >>> _continues("MSc in Epidemiology, London School of Hygiene &", "2003-2007 BSc")
    False
    """
    if _DATED_ENTRY.match(line.lstrip()) or not line.lstrip()[:1].isalnum():
        return False
    if line.lstrip()[:1].islower():
        return True
    # an indented line after one that stops at a comma, "&" or "("
    return line[:1].isspace() and re.search(r"[,&(]$", prev) is not None


def unescape_markdown(text: str) -> str:
    r"""``text`` with Markdown's backslash escapes read as the characters they escape.

    >>> unescape_markdown(r"T. Quiroga\*, J. Weber\_2, In{\`e}s")
    'T. Quiroga*, J. Weber_2, In{\\`e}s'
    """
    return _MD_ESCAPE.sub("", text)


def read_text(text: str, *, name: str = "article", path: str | None = None) -> Article:
    """Read an article from a string (already decoded). See the module docstring."""
    source = repair_text(text)
    if _looks_like_html(source):
        source = _html_to_text(html.unescape(source) if "&lt;" not in source else source)
    lines: list[tuple[str, int]] = []
    pos = 0
    for raw in source.split("\n"):
        lines.append((raw, pos))
        pos += len(raw) + 1

    b = _Builder()
    blocks: list[Block] = []
    title: str | None = None
    seen_prose = False
    boiler_seen: set[str] = set()
    section = ""
    in_refs, refs_level = False, 0
    table_header: tuple[str, ...] | None = None
    prev_table_line = False
    last_line, prev_line = -1, ""  # the line that made the last block, and its text
    item_lead = 0

    def open_block() -> int:
        if b.pos:
            b.trim_end()
            b.add_synthetic("\n\n", b.offsets[-1] if b.offsets else 0)
        return b.pos

    idx = 0
    while idx < len(lines):
        raw, base = lines[idx]
        idx += 1
        line = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        if not line:
            prev_table_line = False
            continue
        # fenced code, and BibTeX entries (fenced or not): a BibTeX entry is a reference
        # block; other code is no prose
        fence = re.match(r"(```|~~~)", line)
        if fence or re.match(r"@[A-Za-z]+\s*[{(]", line):
            body_lines: list[tuple[str, int]] = [] if fence else [(raw, base)]
            depth = 0 if fence else line.count("{") - line.count("}")
            while idx < len(lines):
                nraw, nbase = lines[idx]
                if fence and nraw.strip().startswith(fence.group(1)):
                    idx += 1
                    break
                if not fence and depth <= 0:
                    break
                body_lines.append((nraw, nbase))
                depth += nraw.count("{") - nraw.count("}")
                idx += 1
            if body_lines and body_lines[0][0].strip().startswith("@"):
                start = open_block()
                for k, (braw, bbase) in enumerate(body_lines):
                    if k:
                        b.add_synthetic(" ", bbase)
                    b._add_plain(braw.strip(), bbase + len(braw) - len(braw.lstrip()))
                b.trim_end()
                blocks.append(Block("reference", start, b.pos, section=section))
                seen_prose = True
            continue
        # table rows: "| a | b |", or "a | b" lines in a run (no leading pipe)
        nxt = next((x for x, _ in lines[idx:idx + 3] if x.strip()), "")
        bare = (not prev_table_line and line.count("|") >= 2 and not line.startswith("|")
                and (_TABLE_SEP.match(nxt.strip()) is not None
                     or nxt.count("|") == line.count("|") and _header_cells(line)))
        if line.startswith("|") or (prev_table_line and "|" in line) or bare:
            if _TABLE_SEP.match(line):
                prev_table_line = True
                continue
            cells = _split_cells(raw, base)
            if not prev_table_line and (_TABLE_SEP.match(nxt.strip()) or _header_cells(line)
                                        and nxt.count("|") >= 1):
                table_header = tuple(
                    re.sub(r"[*_`]", "", c).strip().lower() for c, _ in cells
                )
                prev_table_line = True
                continue
            prev_table_line = True
            start = open_block()
            spans: list[tuple[int, int]] = []
            for k, (cell, cbase) in enumerate(cells):
                if k:
                    b.add_synthetic(" | ", cbase)
                inner = cell.strip()
                s0 = b.pos
                b.add_inline(inner, cbase + (len(cell) - len(cell.lstrip())))
                b.trim_end()
                spans.append((s0, b.pos))
            blocks.append(Block("row", start, b.pos, tuple(spans), table_header or (), section))
            seen_prose = True
            continue
        prev_table_line = False
        table_header = None

        hm = _HEADING.match(line) or _WIKI_HEADING.match(line)
        setext = (idx < len(lines) and _SETEXT.match(lines[idx][0].strip() or "x")
                  and len(line) < 120)
        bare_line = re.sub(r"[*_:]", "", line).strip()
        plain = (not hm and not setext and seen_prose and (
            _SECTION_LINE.match(bare_line) is not None or _CAPS_HEADING.fullmatch(bare_line)
            is not None))
        if hm or setext or plain:
            if setext:
                idx += 1
            htext = hm.group(2) if hm else line
            hbase = base + lead + (hm.start(2) if hm else 0)
            # the level: '#' count, '=' count, setext '=' 1 and '-' 2; plain lines 2
            level = (len(hm.group(1)) if hm else 1 if setext and lines[idx - 1][0].strip()
                     .startswith("=") else 2)
            start = open_block()
            b.add_inline(htext.rstrip(":"), hbase)
            b.trim_end()
            heading = b.text()[start:]
            if title is None and not seen_prose and not plain and (not hm or level == 1):
                title = heading
                blocks.append(Block("title", start, b.pos))
            else:
                blocks.append(Block("heading", start, b.pos, section=heading))
                section = heading
                if in_refs and level > refs_level:
                    pass  # "Preprints" under "Selected publications": still the list
                elif _REFERENCE_HEADINGS.match(heading):
                    in_refs, refs_level = True, level
                else:
                    in_refs = False
            seen_prose = seen_prose or bool(hm and title is not None)
            continue

        fm = _FIELD.match(line)
        if fm and _FIELD_KEYS.fullmatch(fm.group("key").strip()):
            # an infobox or CV field: "Institutions: A (2012–2016); B"
            start = open_block()
            b.add_inline(fm.group("key").strip(), base + lead + fm.start("key"))
            key_end = b.pos
            b.add_synthetic(": ", base + lead + fm.start("value"))
            value_start = b.pos
            b.add_inline(fm.group("value"), base + lead + fm.start("value"))
            b.trim_end()
            blocks.append(Block("field", start, b.pos, ((start, key_end), (value_start, b.pos)),
                                (fm.group("key").strip().lower(),), section))
            continue
        if not seen_prose:
            # a headline: short, or the page's first line (a magazine's runs longer); a
            # byline ("Interview by X") is none
            headline = title is None and (len(line.split()) <= 10 or not blocks and len(
                line.split()) <= 20) and not _is_prose(line) and not _BYLINE.match(line)
            # "CURRICULUM VITAE" over "Jane Roe, PhD": the name is the page's title
            named = title is not None and is_generic_title(title) and \
                _NAME_LINE.fullmatch(line) is not None and org_kind_from_name(line) is None
            if headline or named:
                start = open_block()
                b.add_inline(line, base + lead)
                b.trim_end()
                title = b.text()[start:]
                blocks.append(Block("title", start, b.pos))
                continue
            if not _is_prose(line) and not _BULLET.match(line) and not (
                    title is not None and _BYLINE.match(line)):
                boiler_seen.add(line.lower())
                continue
        if _BOILERPLATE.match(line) or line.lower() in boiler_seen:
            continue

        bm = _BULLET.match(raw) or _NUMBERED_REFERENCE.match(raw)
        if bm and bm.re is _NUMBERED_REFERENCE and not _cited(
                unescape_markdown(raw[bm.end():]), strict=True):
            bm = None  # "[3] Retrieved 2 May 2019": a footnote, read as prose
        kind = "paragraph"
        body, body_base = line, base + lead
        if not bm and not (blocks and last_line == idx - 2 and lead > 0):
            item_lead = 1 << 30  # a hanging indent belongs to a bulleted item only
        if bm:
            kind = "item"
            item_lead = bm.end()  # where its text starts: a hanging indent lines up there
            body = raw[bm.end() :].strip()
            body_base = base + bm.end() + (len(raw[bm.end() :]) - len(raw[bm.end() :].lstrip()))
        if (not bm and blocks and blocks[-1].kind in ("paragraph", "item", "reference")
                and last_line == idx - 2 and (_continues(prev_line, raw) or (
                    blocks[-1].kind in ("item", "reference") and lead >= 2 and lead >= item_lead))):
            # a hard-wrapped line: "2020-present  Associate Professor, Centre for X," over
            # "              University of Bergen, Norway"
            b.add_synthetic(" ", body_base)
            b.add_inline(body, body_base)
            b.trim_end()
            blocks[-1] = replace(blocks[-1], end=b.pos)
            if blocks[-1].kind == "item" and _cited(unescape_markdown(
                    b.text()[blocks[-1].start:b.pos]), strict=not in_refs):
                blocks[-1] = replace(blocks[-1], kind="reference")  # a wrapped reference
            last_line, prev_line = idx - 1, line
            continue
        unescaped = unescape_markdown(body)
        if _REFERENCE.match(re.sub(r"[*_]", "", unescaped)) and (in_refs or kind == "item"):
            kind = "reference"
        elif in_refs and (kind == "item" or _cited(unescaped, strict=False)):
            kind = "reference"  # an entry of a publications list, bulleted or not
        elif kind == "item" and _cited(unescaped, strict=True):
            kind = "reference"  # a reference entry in a list under any heading
        start = open_block()
        b.add_inline(body, body_base)
        b.trim_end()
        if b.pos > start:
            blocks.append(Block(kind, start, b.pos, section=section))
            seen_prose = True
            last_line, prev_line = idx - 1, line

    b.trim_end()
    text_out = b.text()
    offsets = b.offsets + [len(source)]
    if not text_out.strip():
        raise InputError(f"{path or name} has no readable text after removing markup and "
                         f"boilerplate")
    markers = [m if m.position <= len(text_out) else Marker(m.label, len(text_out), m.source_start,
               m.source_end) for m in b.markers]
    if title:
        title = re.sub(r"\s*\([^)]*\)\s*$", "", title).strip() or title
        title = _TITLE_SUFFIX.sub("", title) or title
    inline = [i for i in b.inline if i.end <= len(text_out)]
    return Article(source, text_out, offsets, blocks, markers, title, name, path, inline=inline)


def read_article(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Article:
    """Read an article file (plain text, Markdown or HTML).

    Raises :class:`~kg.errors.InputError` with a one-line message for a missing path, a
    directory, an empty, binary or over-long file.
    """
    from .files import read_limited

    p = Path(path)
    data = read_limited(p, max_bytes=max_bytes, what="an article (.txt, .md or .html)",
                        hint="split it or raise --max-bytes")
    text = decode_bytes(data, what=str(p))
    return read_text(text, name=p.stem, path=str(p))
