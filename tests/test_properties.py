"""Robustness by property (hypothesis): any text, any name.

- Arbitrary text (any Unicode, control characters, very long tokens) either builds a
  graph that passes the SHACL shapes, or fails with a documented error (a KGError).
- Names with any characters mint IRIs that a strict parser (pyoxigraph) accepts.
- NFC and NFD spellings of a name give one node.
- The same input gives byte-identical output.
"""

from __future__ import annotations

import unicodedata

import pyoxigraph
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import KGError
from kg.pipeline import extract
from kg.queries import run_query
from kg.rdf import serialize, to_graph
from kg.reader import read_text
from kg.validate import validate_graph

SETTINGS = settings(max_examples=60, deadline=10_000, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])


def _build(text: str) -> bytes:
    g = to_graph(extract(read_text(text, name="prop")))
    report = validate_graph(g)
    assert report.conforms, report.text
    data = serialize(g, "nt")
    # a strict parser accepts every IRI and literal kg wrote
    assert len(list(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_TRIPLES))) == len(g)
    return data


@pytest.fixture(scope="module", autouse=True)
def _warm():
    extract(read_text("Ada Lovelace\n\nAda Lovelace was a mathematician.", name="warm"))


@SETTINGS
@given(st.text(max_size=600))
def test_any_text_builds_a_valid_graph_or_fails_with_a_kg_error(text):
    try:
        _build(text)
    except KGError:
        pass


very_long = st.text(alphabet=st.characters(codec="utf-8"), min_size=300, max_size=3000)


@SETTINGS
@given(st.lists(st.one_of(very_long, st.sampled_from(["\x00", "\x1b[31m", "\u202e", "\ufeff",
                                                      "\r\n", "\t", "\u2028", "😀" * 50])),
                min_size=1, max_size=6))
def test_long_tokens_and_control_characters(parts):
    try:
        _build(" ".join(parts))
    except KGError:
        pass


name_part = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1,
                    max_size=12).filter(lambda s: s.strip())


@SETTINGS
@given(first=name_part, last=name_part)
def test_any_name_mints_iris_a_strict_parser_accepts(first, last):
    name = f"{first.strip().title()} {last.strip().title()}"
    text = (f"{name}\n\n{name} is a chemist. In 2001 {name} joined the Acme Research "
            f"Institute, where {name} worked with Grace Hopper.\n")
    try:
        _build(text)
    except KGError:
        pass


@SETTINGS
@given(st.sampled_from(["José Núñez", "Zoë Åberg", "Chloé Brontë", "Søren Kierkegård",
                        "Ana María Peña", "Renée Loïc"]))
def test_nfc_and_nfd_spellings_give_one_node(name):
    nfc, nfd = unicodedata.normalize("NFC", name), unicodedata.normalize("NFD", name)
    assert nfc != nfd
    text = (f"{nfc}\n\n{nfc} is a physicist. In 1999 {nfd} joined the Institute of Physics "
            f"in Lyon. {nfd} later worked with Marie Curie.\n")
    g = to_graph(extract(read_text(text, name="nfc")))
    people = [r[0] for r in run_query("people", g).rows]
    assert people.count(nfc) == 1 and nfd not in people


@SETTINGS
@given(st.text(max_size=300))
def test_the_same_input_gives_byte_identical_output(text):
    try:
        first = serialize(to_graph(extract(read_text(text, name="same"))), "turtle")
    except KGError:
        return
    second = serialize(to_graph(extract(read_text(text, name="same"))), "turtle")
    assert first == second
