"""Component tests on Docs from spacy.blank("en"): no statistical model needed."""

from __future__ import annotations

import spacy
from spacy.tokens import Span

from kg.components.structure import ensure_extensions, facts_of
from kg.reader import read_text


def _blank(text: str):
    import kg.components  # noqa: F401  (registers the factories)

    ensure_extensions()
    nlp = spacy.blank("en")
    art = read_text(text)
    doc = nlp.make_doc(art.text)
    doc._.kg_article = art
    return nlp, doc


def test_kg_quotes_strips_the_closing_comma():
    nlp, doc = _blank('Ada Byron\n\nShe wrote the paper "Notes on the Engine," in 1843.')
    doc = nlp.get_pipe("kg_quotes")(doc) if "kg_quotes" in nlp.pipe_names else \
        spacy.registry.get("factories", "kg_quotes")(nlp, "kg_quotes")(doc)
    (s, e), = facts_of(doc).quotes
    assert doc.text[s:e] == "Notes on the Engine"


def test_kg_blocks_starts_a_sentence_at_each_block():
    nlp, doc = _blank("Ada Byron\n\n| Title | Year |\n|---|---|\n| X Y | 1843 |\n\nAda wrote it.")
    doc = spacy.registry.get("factories", "kg_blocks")(nlp, "kg_blocks")(doc)
    starts = {t.idx for t in doc if t.is_sent_start}
    for b in doc._.kg_article.blocks:
        assert b.start in starts


def test_kg_people_merges_repeats_and_drops_acronym_expansions():
    nlp, doc = _blank(
        "Ada Byron\n\nAda Byron met Charles Babbage. The Analytical Engine (AE) was his. "
        "Babbage and Ada Byron wrote with co-authors Mary Somerville and John Herschel."
    )
    for name in ("kg_blocks", "kg_quotes", "kg_subject"):
        doc = spacy.registry.get("factories", name)(nlp, name)(doc)
    # what a statistical model would tag: one PERSON per name, and a bogus PERSON
    ents = []
    for needle in ("Charles Babbage", "Analytical Engine", "Mary Somerville"):
        i = doc.text.index(needle)
        span = doc.char_span(i, i + len(needle), label="PERSON")
        ents.append(span)
    doc.ents = [Span(doc, s.start, s.end, "PERSON") for s in ents]
    doc = spacy.registry.get("factories", "kg_people")(nlp, "kg_people")(doc)
    names = [p.name for p in facts_of(doc).people]
    assert "Charles Babbage" in names and "Babbage" in names
    assert "John Herschel" in names  # from the list around a known name
    assert "Analytical Engine" not in names


def test_kg_parse_repair_makes_the_name_after_a_year_the_subject():
    from spacy.tokens import Doc

    import kg.components  # noqa: F401  (registers the factories)

    nlp = spacy.blank("en")
    words = ["In", "2012", "Mira", "Castell", "and", "Tom", "Vale", "founded", "Paylane", "."]
    # the small parser's reading: the year modifies "Castell", the object of "In"
    heads = [7, 3, 3, 0, 3, 6, 3, 7, 7, 7]
    deps = ["prep", "nummod", "compound", "pobj", "cc", "compound", "conj", "ROOT", "dobj",
            "punct"]
    pos = ["ADP", "NUM", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos,
              sent_starts=[True] + [False] * 9)
    doc = nlp.create_pipe("kg_parse_repair")(doc)
    assert [(t.text, t.dep_, t.head.text) for t in doc[:4]] == [
        ("In", "prep", "founded"), ("2012", "pobj", "In"), ("Mira", "compound", "Castell"),
        ("Castell", "nsubj", "founded")]
    assert [t.text for t in doc[3].conjuncts] == ["Vale"]
    # a verb that has a subject already keeps its parse
    deps2 = deps[:]
    heads2 = heads[:]
    words2 = words[:]
    words2[8], deps2[8] = "it", "nsubj"
    doc = Doc(nlp.vocab, words=words2, heads=heads2, deps=deps2, pos=pos,
              sent_starts=[True] + [False] * 9)
    doc = nlp.create_pipe("kg_parse_repair")(doc)
    assert (doc[1].dep_, doc[3].dep_) == ("nummod", "pobj")
