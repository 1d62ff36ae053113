"""Dates as articles write them, to ISO 8601 with their precision.

>>> parse_date("posted on 5 April 2017")
PartialDate(iso='2017-04-05')
>>> parse_date("In February 2019").iso, parse_date("in late 2024").iso
('2019-02', '2024')
>>> parse_date("June 11, 2018").precision
'day'
>>> parse_date("no date here") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["PartialDate", "parse_date", "find_dates", "relative_year", "dates_in_context",
           "MONTHS", "NUMBER_WORDS"]

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_PATTERNS = [
    re.compile(r"\b(?P<y2>1[5-9]\d\d|20\d\d)-(?P<m2>0[1-9]|1[0-2])-(?P<d2>[0-3]\d)\b"),
    re.compile(
        r"\b(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MON + r",?\s+" + _YEAR + r"\b",
        re.I,
    ),
    re.compile(r"\b" + _MON + r"\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?,?\s+" + _YEAR + r"\b", re.I),
    re.compile(r"\b" + _MON + r",?\s+(?:of\s+)?" + _YEAR + r"\b", re.I),
    re.compile(r"(?<![\d.:/-])" + _YEAR + r"(?![\d]|-\d)(?:s\b)?"),
    # a hyphenated range of years: "(2009-2014)"
    re.compile(r"(?<![\d.:/-])" + _YEAR + r"(?=-(?:1[5-9]\d\d|20\d\d)(?![\d-]))"),
    re.compile(r"(?<=(?<![\d.:/-])(?:1[5-9]|20)\d\d-)" + _YEAR + r"(?![\d-])"),
]


@dataclass(frozen=True, order=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    iso: str

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month"}.get(len(self.iso), "day")

    @property
    def year(self) -> int:
        return int(self.iso[:4])

    def refines(self, other: PartialDate) -> bool:
        """True when this date is the same as ``other`` or a more precise form of it."""
        return self.iso.startswith(other.iso)


def _from_match(m: re.Match[str]) -> PartialDate | None:
    g = m.groupdict()
    if g.get("y2"):
        return PartialDate(f"{g['y2']}-{g['m2']}-{g['d2']}")
    year = g.get("year")
    if not year:
        return None
    if m.group(0).endswith("s") and not g.get("mon"):
        return None  # "1930s" is a decade, not a date
    mon = g.get("mon")
    if not mon:
        return PartialDate(year)
    month = MONTHS[mon.lower().rstrip(".")]
    day = g.get("day")
    if day and 1 <= int(day) <= 31:
        return PartialDate(f"{year}-{month:02d}-{int(day):02d}")
    return PartialDate(f"{year}-{month:02d}")


def find_dates(text: str) -> list[tuple[int, int, PartialDate]]:
    """Every date in ``text`` with its character span, most precise reading first.

    >>> [(s, d.iso) for s, _, d in find_dates("from 1971 to 1974, and on 3 May 2018")]
    [(5, '1971'), (13, '1974'), (26, '2018-05-03')]
    >>> [d.iso for _, _, d in find_dates("Oxford (2009-2014), doi:10.1/1998-2005")]
    ['2009', '2014']
    """
    found: list[tuple[int, int, PartialDate]] = []
    taken: list[tuple[int, int]] = []
    for pat in _PATTERNS:
        for m in pat.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            # "May" alone is usually a name or a verb; require a year with it (the patterns do)
            d = _from_match(m)
            if d is None:
                continue
            found.append((m.start(), m.end(), d))
            taken.append((m.start(), m.end()))
    return sorted(found)


def parse_date(text: str) -> PartialDate | None:
    """The first date in ``text``, or None."""
    found = find_dates(text)
    return found[0][2] if found else None


#: Counts written as words, as articles write durations and intervals ("three years later",
#: "spent eight years at X").
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                "twelve": 12}
_RELATIVE = re.compile(
    r"\b(?:(?P<next>the\s+(?:following|next|subsequent)\s+year)|(?P<n>a|one|two|three|four|"
    r"five|six|seven|eight|nine|ten|\d{1,2})\s+years?\s+later|(?P<same>(?:that|the\s+same)\s+"
    r"(?:year|spring|summer|autumn|fall|winter)|later\s+that\s+year)|(?P<prev>the\s+"
    r"(?:previous|preceding|prior)\s+year|a\s+year\s+(?:earlier|before)))\b", re.I)


def relative_year(text: str, context: int | None) -> int | None:
    """The year a relative phrase in ``text`` means, counted from the ``context`` year (the
    last year the text named before it); None without a phrase or a context.

    >>> relative_year("The following year she moved.", 2014)
    2015
    >>> relative_year("Two years later it appeared", 2001), relative_year("That autumn", 1999)
    (2003, 1999)
    >>> relative_year("In 2010 it appeared", 2001) is None
    True
    """
    m = _RELATIVE.search(text)
    if m is None or context is None:
        return None
    if m.group("next"):
        return context + 1
    if m.group("n"):
        n = m.group("n").lower()
        return context + (int(n) if n.isdigit() else NUMBER_WORDS[n])
    if m.group("prev"):
        return context - 1
    return context


_MONTH_NAMES = r"(?:january|february|march|april|may|june|july|august|september|october|" \
    r"november|december)"
_RELATIVE_SPAN = re.compile(
    r"\b(?:(?P<next>the\s+(?:following|next|subsequent)\s+year)|"
    r"(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years?\s+"
    r"(?P<dir>later|afterwards?|earlier|before)|"
    r"(?P<month>(?:(?:later|early|earlier)\s+)?(?:that|the\s+same)\s+"
    + _MONTH_NAMES + r")|"
    r"(?P<same>(?:(?:later|early|earlier)\s+(?:in\s+)?)?(?:that|the\s+same)\s+"
    r"(?:year|spring|summer|autumn|fall|winter))|"
    r"(?P<prev>the\s+(?:previous|preceding|prior)\s+year))\b", re.I)


def dates_in_context(text: str) -> list[tuple[int, int, PartialDate, bool]]:
    """Every date in ``text`` with its span, and whether it was stated relatively.

    A relative phrase ("the following year", "three years later", "that autumn", "that
    July", "a year earlier") is read against the last date named before it, itself
    included when it was relative; with no date before it, it is left out.

    >>> [(d.iso, rel) for _, _, d, rel in dates_in_context(
    ...     "She left in 1956 and that autumn went to Leeds, graduating three years later. "
    ...     "She joined Acme that July. The following year it closed.")]
    [('1956', False), ('1956', True), ('1959', True), ('1959-07', True), ('1960', True)]
    >>> dates_in_context("The following year it closed.")
    []
    """
    absolute = [(s, e, d, False) for s, e, d in find_dates(text)]
    taken = [(s, e) for s, e, _, _ in absolute]
    relative: list[tuple[int, int, re.Match[str]]] = [
        (m.start(), m.end(), m) for m in _RELATIVE_SPAN.finditer(text)
        if not any(m.start() < e and s < m.end() for s, e in taken)]
    events = sorted([(s, e, d, None) for s, e, d, _ in absolute]
                    + [(s, e, None, m) for s, e, m in relative], key=lambda x: x[0])
    out: list[tuple[int, int, PartialDate, bool]] = []
    last: PartialDate | None = None
    for s, e, d, m in events:
        if m is None:
            assert d is not None
            out.append((s, e, d, False))
            last = d
            continue
        if last is None:
            continue
        year = last.year
        if m.group("next"):
            new = PartialDate(str(year + 1))
        elif m.group("n"):
            n = m.group("n").lower()
            k = int(n) if n.isdigit() else NUMBER_WORDS[n]
            sign = -1 if m.group("dir").lower() in ("earlier", "before") else 1
            new = PartialDate(str(year + sign * k))
        elif m.group("prev"):
            new = PartialDate(str(year - 1))
        elif m.group("month"):
            mon = MONTHS[m.group("month").split()[-1].lower()]
            new = PartialDate(f"{year}-{mon:02d}")
        else:
            new = PartialDate(str(year))
        out.append((s, e, new, True))
        last = new
    return out
