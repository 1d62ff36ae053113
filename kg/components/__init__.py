"""kg's spaCy pipeline components. Importing this package registers them with spaCy.

========================  ==========================================================
``kg_blocks``             sentence starts at the article's blocks (before the parser)
``kg_parse_repair``       a sentence's subject the parser took for a year's noun
``kg_quotes``             quoted stretches: titles and quotations
``kg_subject``            the article's subject and its pronoun
``kg_people``             person mentions (cleaned entities, lists, surnames, handles)
``kg_orgs``               organisation mentions with a kind
``kg_tables``             papers in Markdown tables, read by header
``kg_references``         papers in citation-style reference lists
``kg_papers``             papers in prose: titles, dates, venues, ids, authors
``kg_org_anaphora``       "the institute", "its", "there" as organisation mentions
``kg_careers``            the subject's posts from infobox fields, CV lists, career tables
``kg_affiliations``       worked for, studied at, founded, member of, funded by
========================  ==========================================================
"""

from __future__ import annotations

from .affiliations import kg_affiliations
from .anaphora import kg_org_anaphora
from .careers import kg_careers
from .mentions import kg_orgs, kg_people
from .papers import kg_papers, kg_references, kg_tables
from .structure import kg_blocks, kg_parse_repair, kg_quotes, kg_subject

__all__ = [
    "kg_blocks",
    "kg_parse_repair",
    "kg_quotes",
    "kg_subject",
    "kg_people",
    "kg_orgs",
    "kg_tables",
    "kg_references",
    "kg_papers",
    "kg_org_anaphora",
    "kg_careers",
    "kg_affiliations",
    "AFTER_NER",
]

#: The components added after the statistical model's ``ner``, in order.
AFTER_NER = [
    "kg_parse_repair",
    "kg_quotes",
    "kg_subject",
    "kg_people",
    "kg_orgs",
    "kg_tables",
    "kg_references",
    "kg_papers",
    "kg_org_anaphora",
    "kg_careers",
    "kg_affiliations",
]
