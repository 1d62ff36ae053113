"""Character spans looked up in logarithmic time, so extraction stays about linear in the
length of an article.

:class:`SpanIndex` answers "does anything overlap this span?" and "where does the next
span start?" over a fixed set (the people of an article). :class:`SpanSet` is a growing
set of spans none of which lies inside another (the organisation names ``kg_orgs``
collects): which span holds a given one, which it holds, whether a character is covered.
:class:`Taken` is a growing set of any spans (nested or not) that answers "does anything
overlap this span?" by looking only at spans that start close enough to reach it.

>>> people = SpanIndex([(10, 20), (40, 50)])
>>> people.overlaps(15, 30), people.overlaps(20, 40), people.next_start(21)
(True, False, 40)
>>> orgs = SpanSet()
>>> orgs.add((0, 10)); orgs.add((20, 30))
>>> orgs.container_of(2, 8), orgs.inside(0, 40), orgs.covers(25), orgs.covers(15)
((0, 10), [(0, 10), (20, 30)], True, False)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable

__all__ = ["SpanIndex", "SpanSet", "Taken"]

Span = tuple[int, int]


class SpanIndex:
    """A fixed set of half-open spans ``(start, end)``, sorted by start."""

    def __init__(self, spans: Iterable[Span]) -> None:
        given = list(spans)
        self.order = sorted(range(len(given)), key=given.__getitem__)  # positions in given
        self.spans = [given[k] for k in self.order]
        self.starts = [s for s, _ in self.spans]
        self.reach: list[int] = []  # the furthest end among the spans up to each one
        far = -1
        for _, e in self.spans:
            far = max(far, e)
            self.reach.append(far)

    def overlaps(self, s: int, e: int) -> bool:
        """Whether a span shares a character with ``[s, e)``."""
        j = bisect_left(self.starts, e) - 1  # the spans that start before e
        while j >= 0 and self.reach[j] > s:
            if self.spans[j][1] > s:
                return True
            j -= 1
        return False

    def overlapping(self, s: int, e: int) -> list[int]:
        """The positions (in the order the spans were given) of the spans that share a
        character with ``[s, e)``.

        >>> SpanIndex([(30, 40), (0, 10), (5, 35)]).overlapping(8, 31)
        [0, 1, 2]
        """
        found = []
        j = bisect_left(self.starts, e) - 1
        while j >= 0 and self.reach[j] > s:
            if self.spans[j][1] > s:
                found.append(self.order[j])
            j -= 1
        return sorted(found)

    def next_start(self, at: int) -> int | None:
        """The first start at or after ``at``, or None."""
        i = bisect_left(self.starts, at)
        return self.starts[i] if i < len(self.starts) else None


class SpanSet:
    """Spans added one at a time, none inside another (the caller keeps that so: a span
    inside a member is not added, members inside a new span are removed first). Without
    nesting, starts and ends rise together, which every lookup here relies on."""

    def __init__(self) -> None:
        self.spans: list[Span] = []
        self.added: dict[Span, int] = {}  # when each member was added
        self.clock = 0

    def add(self, span: Span) -> None:
        insort(self.spans, span)
        self.clock += 1
        self.added[span] = self.clock

    def remove(self, span: Span) -> None:
        i = bisect_left(self.spans, span)
        if i < len(self.spans) and self.spans[i] == span:
            del self.spans[i]
            del self.added[span]

    def container_of(self, s: int, e: int) -> Span | None:
        """The member that holds ``[s, e)`` (it may be equal to it), or None; of two that
        hold it (members may overlap), the one added first."""
        best: Span | None = None
        j = bisect_right(self.spans, (s, float("inf"))) - 1  # the last start <= s
        while j >= 0 and self.spans[j][1] >= e:  # ends fall going back: the holders
            if best is None or self.added[self.spans[j]] < self.added[best]:
                best = self.spans[j]
            j -= 1
        return best

    def inside(self, s: int, e: int) -> list[Span]:
        """The members within ``[s, e)``, in order."""
        out = []
        i = bisect_left(self.spans, (s, -1))
        while i < len(self.spans) and self.spans[i][1] <= e:
            out.append(self.spans[i])
            i += 1
        return out

    def covers(self, pos: int) -> bool:
        """Whether a member holds the character at ``pos``."""
        i = bisect_right(self.spans, (pos, float("inf"))) - 1
        return i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]


class Taken:
    """Spans added one at a time (nesting allowed); :meth:`overlaps` looks only at the
    members that start within the longest member's length before the question.

    >>> t = Taken()
    >>> t.append((5, 9)); t.append((0, 3))
    >>> t.overlaps(8, 12), t.overlaps(3, 5)
    (True, False)
    """

    def __init__(self) -> None:
        self.spans: list[Span] = []
        self.longest = 0

    def append(self, span: Span) -> None:
        insort(self.spans, span)
        self.longest = max(self.longest, span[1] - span[0])

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect_left(self.spans, (s - self.longest, -1))
        while i < len(self.spans) and self.spans[i][0] < e:
            if self.spans[i][1] > s:
                return True
            i += 1
        return False
