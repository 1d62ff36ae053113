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
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from .errors import InputError

__all__ = [
    "Inline",
    "Article",
    "Block",
    "Marker",
    "read_article",
    "read_text",
    "decode_bytes",
    "repair_text",
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
_INLINE_KINDS = {"lt": "link", "b1": "strong", "b2": "strong", "i1": "em", "i2": "em",
                 "code": "code", "auto": ""}
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+\u2022]|\d{1,3}[.)])\s+")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
# A reference in citation style: "Surname, I. J., Other, A., & Last, B. (2016). Title."
_REFERENCE = re.compile(r"^[^()\n]{2,600}?\(\s*(\d{4})[a-z]?(?:,\s*[^)]*)?\)\.?\s+\S")
_REFERENCE_HEADINGS = re.compile(
    r"^(selected |major |key )?(publications|references|bibliography|works|papers|"
    r"selected works|further reading|works cited)\b",
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

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0
        self.cells = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skip += 1
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.out.append("\n\n" + "#" * int(tag[1]) + " ")
        elif tag == "li":
            self.out.append("\n- ")
        elif tag == "tr":
            self.out.append("\n|")
            self.cells = 0
        elif tag in ("td", "th"):
            self.cells += 1
        elif tag in self._BLOCKS:
            self.out.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in ("td", "th"):
            self.out.append(" |")
        elif tag == "thead":
            self.out.append("\n|" + "---|" * max(self.cells, 1))
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
    in_refs = False
    table_header: tuple[str, ...] | None = None
    prev_table_line = False

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
        # table rows
        if line.startswith("|") or (prev_table_line and "|" in line):
            if _TABLE_SEP.match(line):
                prev_table_line = True
                continue
            cells = _split_cells(raw, base)
            nxt = lines[idx][0] if idx < len(lines) else ""
            if not prev_table_line and _TABLE_SEP.match(nxt.strip()):
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

        hm = _HEADING.match(line)
        setext = (idx < len(lines) and _SETEXT.match(lines[idx][0].strip() or "x")
                  and len(line) < 120)
        if hm or setext:
            if setext:
                idx += 1
            htext = hm.group(2) if hm else line
            hbase = base + lead + (hm.start(2) if hm else 0)
            start = open_block()
            b.add_inline(htext, hbase)
            b.trim_end()
            heading = b.text()[start:]
            if title is None and not seen_prose and (not hm or len(hm.group(1)) == 1):
                title = heading
                blocks.append(Block("title", start, b.pos))
            else:
                blocks.append(Block("heading", start, b.pos, section=heading))
                section = heading
                in_refs = bool(_REFERENCE_HEADINGS.match(heading))
            seen_prose = seen_prose or bool(hm and title is not None)
            continue

        if not seen_prose:
            if title is None and len(line.split()) <= 10 and not _is_prose(line):
                start = open_block()
                b.add_inline(line, base + lead)
                b.trim_end()
                title = b.text()[start:]
                blocks.append(Block("title", start, b.pos))
                continue
            if not _is_prose(line) and not _BULLET.match(line):
                boiler_seen.add(line.lower())
                continue
        if _BOILERPLATE.match(line) or line.lower() in boiler_seen:
            continue

        bm = _BULLET.match(raw)
        kind = "paragraph"
        body, body_base = line, base + lead
        if bm:
            kind = "item"
            body = raw[bm.end() :].strip()
            body_base = base + bm.end() + (len(raw[bm.end() :]) - len(raw[bm.end() :].lstrip()))
        if _REFERENCE.match(re.sub(r"[*_]", "", body)) and (in_refs or kind == "item"):
            kind = "reference"
        elif in_refs and kind == "item":
            kind = "reference"
        start = open_block()
        b.add_inline(body, body_base)
        b.trim_end()
        if b.pos > start:
            blocks.append(Block(kind, start, b.pos, section=section))
            seen_prose = True

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
