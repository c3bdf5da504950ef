"""Pairwise story similarity: a document against another document or against a story.

Both sides are reduced to a :class:`Signature` (lead embedding, optional body-view embedding,
entity ids, countries, numbers, content words, time span, language), read from the page's
article text: site chrome (cookie and login walls, like boxes, disclaimers) is dropped first, and
against a page that is not an article at all every content feature is missing, so the pair
is scored by what the training pairs say of such pairs, not by its chrome
(:mod:`~marsad.streams.pipeline.stories.chrome`; on the SemEval pairs, grouped CV Pearson
0.769 -> 0.780 overall, 0.536 -> 0.635 on the 56 Arabic pairs; see ``unreadable`` in
:class:`SimilarityModel`). :func:`features` turns a
pair into a small feature vector and :class:`SimilarityModel` (a logistic model whose
parameters are data, in ``streams/resources/stories/similarity.json``) into a score in [0, 1]:
higher is more similar. The score is P(same story) fitted on SemEval-2022 Task 8 ``Overall``
(same story = ``Overall <= 2``, 1 = same ... 4 = unrelated); it is what
``marsad eval similarity`` reports, and a story clusterer given the model joins a document to a
story when the score reaches the model's threshold.

The online clusterer's *default* join decision is :class:`JoinRule` (end of this module): the
lead cosine adjusted by entity-id and number overlap, which separates "translation / same
event" from "same topic, different event". The SemEval-fitted model does not: passed to the
clusterer it reaches pairwise F1 0.77 on NewsWCL50 and 0.75 on MEANTIME en+es+it+nl at its
threshold 0.66 (the model before the title-word features: 0.78 / 0.45; the lead-only model
before the body view and word overlap: 0.76 / 0.53), because SemEval grade 2 admits
same-topic pairs. So the two decisions share the signatures, the overlap functions
and the embedding code of this package, but not their parameters: the model serves graded
similarity (``marsad.streams.evaluation.similarity``), the rule serves joins.

Features (all in [0, 1]):

- ``cos``: cosine of the USE embeddings (story: its normalised centroid);
- ``cos_x``: the same cosine when the languages differ, else 0 (cross-lingual cosines of
  the same story are lower than monolingual ones);
- ``ent``: weighted Jaccard of canonical entity ids (people, organisations, armed groups,
  governments, facilities and sub-national places; country/region/sea names are left out:
  they are shared by most articles of a region and say little about the story), ``ent_ovl``
  the weighted overlap coefficient of the same sets, ``ent_both``: both sides have entities
  (so "no overlap" is only evidence when both sides could overlap);
- ``place`` / ``place_both``: Jaccard of sub-national place ids (towns, cities);
- ``ctry`` / ``ctry_both``: Jaccard of the countries of located entities and events;
- ``num``: Jaccard of numbers written in the text (digits folded to Western ones);
- ``cos_body``: cosine of the body-view embeddings (title plus up to ``BODY_CHARS`` of the
  text, :func:`~marsad.streams.pipeline.stories.embed.embed_body_batch`); where a side has no
  body view (a story centroid in the clusterer) it is the lead ``cos``, its closest stand-in;
- ``words``: overlap coefficient of the stemmed content words (:func:`content_words`) of the
  first ``WORDS_CHARS`` characters: a script-bound but cheap check of shared wording that the
  embedding smooths away (names, places, rare terms). Missing (NaN) when a side has no words;
  the model then substitutes its training mean (``impute``);
- ``title_words``: the same overlap for the title (or, without one, the first sentence): the
  headline names the story, and a snippet's body may be a site's boilerplate (a cookie or
  disclaimer paragraph) while the titles still agree. Missing where a side has no title words;
- ``title_in_text``: the share of each side's title words found among the other side's
  ``words``, averaged over the sides that have both: two reports of one story paraphrase
  their headlines differently, but each text still names what the other's headline says.
  Missing where neither direction can be read;
- ``time``: ``exp(-gap / time_scale_h)`` of the gap between the two publication spans.

The model is fitted on SemEval-2022 Task 8 pairs *with the entity stage output* (see
``marsad.streams.evaluation.similarity --train``) as a binary logistic model of "same story"
(``Overall <= 2``), the overlap weights bounded at >= 0 (``MONOTONE_FEATURES``): the score
is a probability, and the clusterer's join threshold is read off the cross-validated scores
(see ``meta`` in the model file).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from marsad.streams.pipeline.entities.kb import media_ids
from marsad.streams.pipeline.entities.ner.stemmer import stem
from marsad.streams.pipeline.entities.ner.text import fold, strip_clitics
from marsad.streams.pipeline.stories.chrome import Readable, readable

if TYPE_CHECKING:
    from marsad.streams.pipeline.doc import Doc

FEATURES = ("cos", "cos_x", "ent", "ent_ovl", "ent_both", "place", "place_both", "ctry", "ctry_both", "num",
            "cos_body", "words", "title_words",
            "title_in_text", "time")
MODEL_PATH = Path(__file__).resolve().parents[2] / "resources" / "stories" / "similarity.json"
_COS = FEATURES.index("cos")

_NUM = re.compile(r"(?<![\d.,])\d{2,}(?:[.,]\d+)?")
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
#: Shortest word, and shortest stem, counted by ``words``: shorter ones are mostly function
#: words in the alphabetic scripts, and bare three-letter Arabic stems (قال، كان) the commonest
#: verbs (no stop-word lists needed, so no per-language data).
MIN_CONTENT_WORD = 4
#: Characters of a first sentence read as the title of a text that has none.
TITLE_FALLBACK_CHARS = 200
#: Snowball stemmers (PyStemmer) for the languages the service reads that have one; other
#: languages are compared on lower-cased words, Chinese and Japanese on character bigrams.
SNOWBALL_LANGUAGES = {"en": "english", "de": "german", "fr": "french", "es": "spanish", "it": "italian",
                      "ru": "russian", "tr": "turkish", "pl": "polish", "nl": "dutch", "pt": "portuguese"}
_ARABIC = re.compile(r"[\u0621-\u064A]")
#: Characters of the text read for ``words`` (the body view's length).
WORDS_CHARS = 2000
#: Entity types that identify a story (dates and quantities do not).
STORY_ENTITY_TYPES = frozenset({"person", "organisation", "armed_group", "government", "location", "facility"})
#: Place kinds too coarse to identify a story (left out of ``ent`` and ``place``).
COARSE_PLACES = frozenset({"country", "region", "sea", "continent"})


@dataclass
class Signature:
    vec: np.ndarray
    entities: Mapping[str, float] = field(default_factory=dict)
    countries: Mapping[str, float] = field(default_factory=dict)
    numbers: frozenset[str] = frozenset()
    start: datetime | None = None
    end: datetime | None = None
    languages: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    body_vec: np.ndarray | None = None
    words: frozenset[str] = frozenset()
    title_words: frozenset[str] = frozenset()
    #: False for a page that is not an article (a login wall, a blocked-access page): nothing
    #: can be said about its story, so every content feature against it is missing
    article: bool = True
    #: Not an article, but its title is real (its body is chrome): only the features that
    #: read the title and the lead are computed against it (see :func:`features`)
    title_only: bool = False


def _coarse(ent) -> bool:
    return ent.place is not None and ent.place.feature_kind in COARSE_PLACES


def _article_entities(doc: Doc, page: Readable | None = None) -> list:
    """The document's entities outside site chrome (a like box names Facebook, a disclaimer
    the publisher: shared by every article of the site, not by a story)."""
    page = page or readable(doc)
    return [ent for ent in doc.entities if not page.in_chrome(ent.start)] if page.chrome else list(doc.entities)


def doc_entities(doc: Doc, page: Readable | None = None) -> Counter[str]:
    """Canonical entity ids of the document, weighted (title mentions count double); country,
    region and sea names are left out (too frequent to identify a story), and so is a news
    agency or outlet the body cites (the Saudi Press Agency names most Saudi reports, whatever
    they are about: one would join them, two different ones split a story); one in the title is
    what the story is about ('Egypt frees Al Jazeera journalists')."""
    out: Counter[str] = Counter()
    media = media_ids()
    for ent in _article_entities(doc, page):
        if ent.canonical_id and ent.type in STORY_ENTITY_TYPES and not _coarse(ent):
            in_title = ent.start < doc.body_start
            if in_title or ent.canonical_id not in media:
                out[ent.canonical_id] += 2.0 if in_title else 1.0
    return out


def doc_places(doc: Doc, page: Readable | None = None) -> frozenset[str]:
    """Ids of the sub-national places (towns, cities, ...) the document names."""
    return frozenset(ent.canonical_id for ent in _article_entities(doc, page)
                     if ent.place is not None and ent.canonical_id and not _coarse(ent))


def article_text(page: Readable) -> str:
    """Title and body of the article part of a page (chrome dropped)."""
    return f"{page.title}\n{page.body}" if page.title else page.body


def doc_numbers(doc: Doc, limit_chars: int = 1500, page: Readable | None = None) -> frozenset[str]:
    text = fold(article_text(page or readable(doc)))
    return frozenset(m.group(0).replace(",", ".") for m in _NUM.finditer(text[:limit_chars]))


_STEMMERS: dict[str, object] = {}


def _stemmer(language: str | None):
    """The process-wide Snowball stemmer of ``language`` (None where there is none)."""
    if language not in _STEMMERS:
        import Stemmer

        name = SNOWBALL_LANGUAGES.get(language or "")
        _STEMMERS[language] = Stemmer.Stemmer(name) if name else None
    return _STEMMERS[language]


def arabic_stem(word: str) -> str:
    """Matching form of an Arabic word: folded (alef, ta marbuta, alef maqsura variants), the
    conjunction/preposition proclitics removed (Snowball alone keeps the و of ``والحكومة``),
    then the Snowball Arabic stem, folded again: ``والحكومة``, ``للحكومة`` and ``الحكومة`` meet
    on one form, and the article and plural endings go (``المتظاهرين`` = ``متظاهرون``). Snowball
    is aggressive and not always consistent (bare ``حكومة`` keeps one letter less than
    ``الحكومة``); on the 56 SemEval Arabic pairs a light suffix stripper or folding alone
    scored the same within noise (grouped CV Pearson 0.48-0.49), so the stemmer is kept for
    the forms it does unify, not for a measured gain."""
    return fold(stem(strip_clitics(fold(word))[1]))


def content_words(text: str, language: str | None = None) -> frozenset[str]:
    """Stems of the content words of ``text``: words and stems of ``MIN_CONTENT_WORD``+
    characters, Arabic ones by :func:`arabic_stem` whatever ``language`` says, others by the
    Snowball stemmer of ``language`` where there is one, else lower-cased; digit-only tokens
    are left out (numbers have their own feature); runs of CJK characters, which have no
    spaces, as character bigrams."""
    out: set[str] = set()
    snowball = _stemmer(language)
    for w in _WORD.findall(text):
        if _CJK.search(w):
            out.update(w[i: i + 2] for i in range(len(w) - 1))
        elif len(w) < MIN_CONTENT_WORD or w.isdigit():
            continue
        elif _ARABIC.search(w):
            s = arabic_stem(w)
            if len(s) >= MIN_CONTENT_WORD:
                out.add(s)
        else:
            s = snowball.stemWord(w.lower()) if snowball is not None else w.lower()
            if len(s) >= MIN_CONTENT_WORD:
                out.add(s)
    return frozenset(out)


def doc_words(doc: Doc, limit_chars: int = WORDS_CHARS, page: Readable | None = None) -> frozenset[str]:
    """Content words of the start of the article text (:func:`content_words`, in the
    document's language; Arabic spelling variants are folded there, so they match)."""
    return content_words(article_text(page or readable(doc))[:limit_chars], doc.language)


def title_text(doc: Doc, page: Readable | None = None) -> str:
    """The title, or where the article has none (or its title is chrome) the first sentence
    of its article text (at most ``TITLE_FALLBACK_CHARS`` characters): the part of a text that
    names the story."""
    page = page or readable(doc)
    if page.title:
        return page.title
    for sent in doc.sentences:
        if sent.start >= doc.body_start and not page.in_chrome(sent.start):
            return doc.text[sent.start: sent.end][:TITLE_FALLBACK_CHARS]
    return page.body[:TITLE_FALLBACK_CHARS]


def doc_title_words(doc: Doc, page: Readable | None = None) -> frozenset[str]:
    """Content words of :func:`title_text`."""
    return content_words(title_text(doc, page), doc.language)


def doc_signature(doc: Doc, vec: np.ndarray, body_vec: np.ndarray | None = None, *,
                  with_words: bool = True) -> Signature:
    """The document's side of a pair, read from its article text (site chrome dropped, see
    :mod:`~marsad.streams.pipeline.stories.chrome`); ``body_vec`` is its body-view embedding
    where computed. ``with_words=False`` where the other side keeps no word set (a story):
    ``words`` and ``title_words`` are then missing whatever this side has, so stemming them
    would be wasted (the clusterer's per-article cost stays as it was)."""
    from marsad.streams.pipeline.stories.blocking import doc_countries

    pub = doc.article.published_at
    page = readable(doc)
    return Signature(vec=vec, entities=doc_entities(doc, page), countries=doc_countries(doc, _article_entities(doc, page)),
                     numbers=doc_numbers(doc, page=page), start=pub, end=pub, languages=frozenset({doc.language}),
                     places=doc_places(doc, page), body_vec=body_vec,
                     words=doc_words(doc, page=page) if with_words else frozenset(),
                     title_words=doc_title_words(doc, page) if with_words else frozenset(),
                     article=page.is_article, title_only=page.title_only)


def overlap(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Weighted overlap coefficient: shared weight over the smaller side's weight."""
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    shared = sum(min(w, b[k]) for k, w in a.items() if k in b)
    return shared / max(1e-9, min(sum(a.values()), sum(b.values())))


def weighted_jaccard(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Sum of the smaller weights over sum of the larger ones, over the union of keys."""
    if not a or not b:
        return 0.0
    num = sum(min(w, b[k]) for k, w in a.items() if k in b)
    den = sum(a.values()) + sum(b.values()) - num
    return num / den if den > 0 else 0.0


def jaccard(a: Iterable[str], b: Iterable[str]) -> float:
    a, b = set(a), set(b)
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def set_overlap(a: Iterable[str], b: Iterable[str]) -> float:
    a, b = set(a), set(b)
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def title_coverage(a: Signature, b: Signature) -> float:
    """Mean over the two directions of the share of one side's title words in the other's
    words (NaN where neither side has both)."""
    shares = [len(t & w) / len(t) for t, w in ((a.title_words, b.words), (b.title_words, a.words)) if t and w]
    return sum(shares) / len(shares) if shares else math.nan


def time_gap_hours(a: Signature, b: Signature) -> float:
    if a.start is None or b.start is None:
        return 0.0
    a_end, b_end = a.end or a.start, b.end or b.start
    if a_end < b.start:
        return (b.start - a_end).total_seconds() / 3600
    if b_end < a.start:
        return (a.start - b_end).total_seconds() / 3600
    return 0.0


#: Features read from the body of a text: missing against a page whose only story is its title.
BODY_FEATURES = [FEATURES.index(name) for name in ("ent", "ent_ovl", "ent_both", "place", "place_both", "ctry",
                                                    "ctry_both", "num", "cos_body", "words")]


def features(a: Signature, b: Signature, cos: float | None = None, time_scale_h: float = 24.0) -> np.ndarray:
    """The pair's feature row (see the module doc). Against a page that is not an article every
    content feature is missing (NaN): the model then scores the pair by its ``unreadable``
    share, since the story of a login wall is unknown, not different. Against a page whose real
    title sits over a chrome body (``title_only``) only the body features are missing: the lead
    cosine and the title overlaps still say what its headline reports (on the SemEval pairs,
    grouped CV Pearson 0.780 -> 0.781, Arabic 0.635 -> 0.654: 4 pairs, each scored closer to
    its grade)."""
    if not ((a.article or a.title_only) and (b.article or b.title_only)):
        row = np.full(len(FEATURES), math.nan)
        row[FEATURES.index("time")] = math.exp(-time_gap_hours(a, b) / time_scale_h)
        return row
    if cos is None:
        cos = float(np.dot(a.vec, b.vec))
    cross = 0.0 if (a.languages & b.languages) else 1.0
    cos_body = float(np.dot(a.body_vec, b.body_vec)) if a.body_vec is not None and b.body_vec is not None else cos
    words = set_overlap(a.words, b.words) if a.words and b.words else math.nan
    title_words = set_overlap(a.title_words, b.title_words) if a.title_words and b.title_words else math.nan
    row = np.array([
        cos,
        cos * cross,
        weighted_jaccard(a.entities, b.entities),
        overlap(a.entities, b.entities),
        1.0 if a.entities and b.entities else 0.0,
        jaccard(a.places, b.places),
        1.0 if a.places and b.places else 0.0,
        jaccard(a.countries, b.countries),
        1.0 if a.countries and b.countries else 0.0,
        jaccard(a.numbers, b.numbers),
        cos_body,
        words,
        title_words,
        title_coverage(a, b),
        math.exp(-time_gap_hours(a, b) / time_scale_h),
    ], dtype=np.float64)
    if not (a.article and b.article):
        row[BODY_FEATURES] = math.nan
    return row


@dataclass
class SimilarityModel:
    """``score = sigmoid(bias + weights . features)``; parameters are data.

    A missing feature (NaN, e.g. ``words`` against a story that keeps no word set) is replaced
    by ``impute[name]``, its mean on the training pairs, so it moves the score as little as the
    average pair would rather than reading as "no overlap".

    A pair with a side that is not an article (every content feature missing) scores
    ``unreadable``: the share of same-story pairs among such pairs in training (see
    :func:`fit`). The logistic at the mean features would put it at 0.27 on the SemEval pairs,
    below even the mean probability of 0.37, while 12 of those 22 pairs are the same story
    (annotators read the real pages; a scraper got a donation or login page). On the SemEval
    pairs, grouped CV Pearson 0.781 -> 0.784 overall, 0.654 -> 0.680 on the Arabic pairs, where
    six pages are a site's donation appeal (Polish pairs, whose unreadable pages are mostly
    unrelated, 0.744 -> 0.716)."""

    weights: dict[str, float]
    bias: float
    time_scale_h: float = 24.0
    meta: dict = field(default_factory=dict)
    impute: dict[str, float] = field(default_factory=dict)
    unreadable: float | None = None

    def __post_init__(self) -> None:
        self._w = np.array([self.weights.get(name, 0.0) for name in FEATURES], dtype=np.float64)
        self._fill = np.array([self.impute.get(name, 0.0) for name in FEATURES], dtype=np.float64)

    @classmethod
    def load(cls, path: Path | None = None) -> SimilarityModel:
        data = json.loads(Path(path or MODEL_PATH).read_text(encoding="utf-8"))
        return cls(weights=data["weights"], bias=data["bias"], time_scale_h=data.get("time_scale_h", 24.0),
                   meta=data.get("meta", {}), impute=data.get("impute", {}), unreadable=data.get("unreadable"))

    def save(self, path: Path | None = None) -> None:
        Path(path or MODEL_PATH).write_text(json.dumps(
            {"weights": self.weights, "bias": self.bias, "time_scale_h": self.time_scale_h,
             "impute": self.impute, "unreadable": self.unreadable, "meta": self.meta},
            indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    def logit(self, feats: np.ndarray) -> np.ndarray:
        feats = np.asarray(feats, dtype=np.float64)
        missing = np.isnan(feats)
        if missing.any():
            feats = np.where(missing, np.broadcast_to(self._fill, feats.shape), feats)
        return feats @ self._w + self.bias

    def score_features(self, feats: np.ndarray) -> np.ndarray:
        feats = np.asarray(feats, dtype=np.float64)
        z = np.clip(self.logit(feats), -40, 40)
        scores = 1.0 / (1.0 + np.exp(-z))
        if self.unreadable is None:
            return scores
        return np.where(np.isnan(feats[..., _COS]), self.unreadable, scores)

    def score(self, a: Signature, b: Signature, cos: float | None = None) -> float:
        return float(self.score_features(features(a, b, cos, self.time_scale_h)))

    def cosine_for(self, target: float, **fixed: float) -> float:
        """The cosine at which the score reaches ``target`` given the other features."""
        w = self.weights
        cross = fixed.get("cross", 0.0)
        z = math.log(target / (1 - target)) - self.bias - sum(
            w.get(k, 0.0) * v for k, v in fixed.items() if k in FEATURES)
        return z / max(1e-9, w.get("cos", 0.0) + cross * w.get("cos_x", 0.0))


_DEFAULT: SimilarityModel | None = None


def default_model() -> SimilarityModel:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = SimilarityModel.load()
    return _DEFAULT


#: Weights of features the training data cannot inform (SemEval pairs carry no dates): a prior
#: in logits, documented and kept when fitting (see :func:`fit`).
PRIOR_WEIGHTS = {"time": 1.0}

#: SemEval ``Overall`` grades counted as "same story" (1 = very similar ... 4 = very dissimilar).
SAME_STORY_MAX = 2.0

#: Pseudo-pairs at the overall same-story share toward which the share among pairs with a side
#: that is not an article is shrunk: the training data hold only a couple of dozen such pairs.
UNREADABLE_PRIOR_PAIRS = 5.0


#: Features that can only raise the score: more shared wording, entities, places or figures
#: never makes two articles *less* likely to report one story. ``fit`` keeps their weights
#: >= 0; without the bound, correlated overlaps (``words`` next to ``title_in_text``) share one
#: effect with opposite signs, and a scored pair missing one of them would move the wrong way.
MONOTONE_FEATURES = frozenset({"cos", "cos_body", "words", "title_words", "title_in_text", "num", "ent",
                               "ent_ovl", "place"})


def _bounded_logistic(X: np.ndarray, y: np.ndarray, nonnegative: Sequence[bool], c: float) -> tuple[np.ndarray, float]:
    """L2-penalised logistic regression (scikit-learn's objective: ``sum(log loss) + |w|^2 / 2c``,
    bias not penalised) with the flagged weights bounded below by 0 (L-BFGS-B)."""
    from scipy.optimize import minimize

    def loss(wb: np.ndarray) -> tuple[float, np.ndarray]:
        w, b = wb[:-1], wb[-1]
        z = X @ w + b
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))
        value = float(np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 / c * (w @ w))
        return value, np.r_[X.T @ (p - y) + w / c, np.sum(p - y)]

    bounds = [(0.0, None) if nn else (None, None) for nn in nonnegative] + [(None, None)]
    res = minimize(loss, np.zeros(X.shape[1] + 1), jac=True, method="L-BFGS-B", bounds=bounds,
                   options={"maxiter": 5000})
    return res.x[:-1], float(res.x[-1])


def fit(X: np.ndarray, overall: np.ndarray, priors: Mapping[str, float] = PRIOR_WEIGHTS,
        c: float = 1.0, same_story_max: float = SAME_STORY_MAX) -> SimilarityModel:
    """Fit the logistic model on feature rows ``X`` and SemEval ``Overall`` grades (1..4).

    Binary target: same story when ``Overall <= same_story_max``, so the score is a probability.
    The weights of ``MONOTONE_FEATURES`` are kept >= 0 (a monotone combiner; on grouped CV as
    good as the unbounded fit). Features with no variance in ``X`` (time, when the pairs have no
    dates; entities when no entity stage ran) keep their prior weight from ``priors`` and are
    left out of the fit; the bias is corrected for their constant contribution. Pairs with a
    side that is not an article (all content features missing) are left out of the fit; their
    same-story share, shrunk toward the overall share by ``UNREADABLE_PRIOR_PAIRS`` pseudo-pairs,
    is the model's ``unreadable`` score. Missing values
    (NaN) are replaced by the column mean; the model keeps every column's mean as ``impute``,
    for the features a scored pair may lack even where the training pairs had them all
    (``words`` against a story).
    """
    X = np.array(X, dtype=np.float64)
    same = np.asarray(overall, dtype=float) <= same_story_max
    page = ~np.isnan(X[:, _COS])  # pairs with a side that is not an article say nothing of the features
    unreadable = (same[~page].sum() + UNREADABLE_PRIOR_PAIRS * same.mean()) / ((~page).sum() + UNREADABLE_PRIOR_PAIRS)
    X, overall = X[page], np.asarray(overall)[page]
    missing = np.isnan(X)
    means = np.where(missing, 0.0, X).sum(axis=0) / np.maximum(1, (~missing).sum(axis=0))
    X[missing] = np.broadcast_to(means, X.shape)[missing]
    impute = {FEATURES[j]: round(float(means[j]), 6) for j in range(X.shape[1])}
    y = same[page].astype(np.float64)
    varying = [j for j in range(X.shape[1]) if np.ptp(X[:, j]) > 1e-9]
    fixed = [j for j in range(X.shape[1]) if j not in varying]
    coefs, bias = _bounded_logistic(X[:, varying], y, [FEATURES[j] in MONOTONE_FEATURES for j in varying], c)
    weights = {name: 0.0 for name in FEATURES}
    for j, coef in zip(varying, coefs):
        weights[FEATURES[j]] = float(coef)
    for j in fixed:
        w = float(priors.get(FEATURES[j], 0.0))
        weights[FEATURES[j]] = w
        bias -= w * float(X[0, j])  # the fitted bias absorbed the constant value of this feature
    return SimilarityModel(weights=weights, bias=bias, impute=impute, unreadable=round(float(unreadable), 6))


def pearson(x: Sequence[float], y: Sequence[float]) -> float:
    x, y = np.asarray(x, float), np.asarray(y, float)
    if len(x) < 2 or np.std(x) == 0 or np.std(y) == 0:
        return float("nan")
    return float(np.corrcoef(x, y)[0, 1])


# ---------------------------------------------------------------------- join rule of the clusterer
JOIN_RULE_PATH = Path(__file__).resolve().parents[2] / "resources" / "stories" / "join_rule.json"


@dataclass
class JoinRule:
    """Join decision of the online story clusterer: an *evidence-adjusted cosine*.

    ``score = cos + entity_weight * (ent_ovl - pivot) + number_weight * (num_ovl - pivot)``

    - ``cos``: cosine of the article's embedding and the story's normalised centroid;
    - ``ent_ovl``: weighted overlap coefficient of linked entity ids (article vs the story's
      accumulated ids; country/region/sea names left out, see :func:`doc_entities`), only when
      both sides have entities (else the term is 0: no evidence either way);
    - ``num_ovl``: overlap coefficient of the numbers written in the text (figures, years,
      dates; digits folded, so script-independent), only when both sides have at least
      ``min_numbers`` numbers (else 0).

    A translation or re-write of one event shares nearly all its entities and figures (terms
    > 0: a lower cosine suffices, e.g. cross-lingual pairs); another article of the same topic
    (same actors, a different event) shares only a few of its figures (term < 0: even a high
    topical cosine does not join). The article joins the best-scoring open story when its score
    reaches ``threshold``. Parameters are data (``resources/stories/join_rule.json``, with how
    they were chosen in ``meta``).
    """

    threshold: float = 0.76
    entity_weight: float = 0.3
    number_weight: float = 0.2
    min_numbers: int = 2
    pivot: float = 0.5
    meta: dict = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path | None = None) -> JoinRule:
        data = json.loads(Path(path or JOIN_RULE_PATH).read_text(encoding="utf-8"))
        return cls(threshold=float(data["threshold"]), entity_weight=float(data["entity_weight"]),
                   number_weight=float(data["number_weight"]), min_numbers=int(data["min_numbers"]),
                   pivot=float(data.get("pivot", 0.5)), meta=data.get("meta", {}))

    def evidence(self, a: Signature, b: Signature) -> tuple[float | None, float | None]:
        """``(ent_ovl, num_ovl)``, ``None`` where a side lacks the evidence."""
        ent = overlap(a.entities, b.entities) if a.entities and b.entities else None
        num = (set_overlap(a.numbers, b.numbers)
               if len(a.numbers) >= self.min_numbers and len(b.numbers) >= self.min_numbers else None)
        return ent, num

    def score(self, a: Signature, b: Signature, cos: float | None = None) -> float:
        if cos is None:
            cos = float(np.dot(a.vec, b.vec))
        ent, num = self.evidence(a, b)
        s = float(cos)
        if ent is not None:
            s += self.entity_weight * (ent - self.pivot)
        if num is not None:
            s += self.number_weight * (num - self.pivot)
        return s


_DEFAULT_RULE: JoinRule | None = None


def default_join_rule() -> JoinRule:
    global _DEFAULT_RULE
    if _DEFAULT_RULE is None:
        _DEFAULT_RULE = JoinRule.load() if JOIN_RULE_PATH.exists() else JoinRule()
    return _DEFAULT_RULE
