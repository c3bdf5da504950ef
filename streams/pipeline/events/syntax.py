"""How deep an English event trigger sits in its sentence's dependency tree, and who is the
subject acting in it.

A wire sentence reports one event in its main clause and mentions others inside it: "Hungary
said it will support a resolution that aims to tighten sanctions" reports support (AGREE), not
sanctions; "Thousands demonstrated in Kirkuk calling for independence" reports a protest, not a
request. The trigger nearest the root of spaCy's parse (``en_core_web_sm``, the model the entity
stage already ships) is the sentence's event; each level further down costs the others
``DEPTH_PENALTY`` of confidence. They are still published: an embedded event may be real, it is
only less surely what the sentence reports.

Measured on the PLOVER GSR dev records (``marsad eval events --format plover-gsr``): type
accuracy of the most confident event 0.793 without the penalty, 0.883 at 0.1 per level and
0.888 from 0.2 on (the same from 0.2 to 3: a plateau, not a tuned value).

Where the word-window rules find no subject, or one that is not a noun phrase, the parse gives
it (:func:`acting_subject`): the trigger's own subject past an apposition ("Pakistan, a key
U.S. ally, has refused"), the subject governing a nominal trigger or a participle ("X staged a
hunger strike", "Vietnamese-led forces launched rocket fire, killing or wounding 50"), the
speaker for a pronoun ("Syria says it will not accept"). On the same records the source match
rises from 0.771 to 0.883; on the WikiEvents dev attacks, attackers from 0.379 to 0.552.

The parse runs for sentences with candidates of two or more types (the whole sentence), or with a
candidate whose rule-based source is missing or not a noun phrase (the sentence up to its last
trigger: the subject is to the left), all of a document's in one batch. ``bench/bench_events.py``
put English at 11.8-12.5 ms per 3 KB once the model's dense layers ran on numpy's BLAS
(``entities/ner/spacy_tagger.load_model``; 13.2-17.6 ms on thinc's BLIS, same machine and
hour), and at 6.0-8.2 ms once the general-news guards of ``english.py`` dropped the false
candidates that had been parsed. The entity stage's NER has its own embedding layer, so
sharing its spaCy pass would save only the tokenisation.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from .resources import en_stem

#: Confidence an event loses per dependency level below the sentence's shallowest trigger.
DEPTH_PENALTY = 0.2
#: Sentences per parser batch (spaCy's ``pipe`` halves the cost per sentence against one call each).
BATCH_SIZE = 32
_EXCLUDE = ["tagger", "morphologizer", "senter", "attribute_ruler", "lemmatizer", "ner"]


@lru_cache(maxsize=1)
def _parser():
    """The entity stage's English model with only its tokeniser, tok2vec and parser."""
    from marsad.streams.pipeline.entities.ner.spacy_tagger import load_model

    return load_model("en", _EXCLUDE)


def _depth(token) -> int:
    depth = 0
    while token.head.i != token.i:
        token = token.head
        depth += 1
    return depth


def trigger_syntax(texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]]) -> list[list[tuple[int, tuple[int, int] | None]]]:
    """Per text (one sentence each, parsed in one batch) and trigger, ``(depth, acting
    subject)``: the dependency depth (root = 0) of the trigger's shallowest token among those
    overlapping ``(start, end)``, character offsets into the text, and the character span of
    :func:`acting_subject` (or None). A span no token overlaps (a caller's offsets off) ranks
    last."""
    out = []
    for doc, doc_spans in zip(_parser().pipe(texts, batch_size=BATCH_SIZE), spans, strict=True):
        row = []
        for start, end in doc_spans:
            hit = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
            if not hit:
                row.append((len(doc), None))
                continue
            head = min(hit, key=_depth)
            row.append((_depth(head), acting_subject(head)))
        out.append(row)
    return out


#: Subjects that name nobody by themselves.
_PRONOUNS = frozenset("it they he she we i you this that which who".split())


#: :func:`acting_subject` of an event the sentence's subject only reacts to: nobody named acted.
NO_ACTOR = (0, 0)


def _reaction(token, head) -> bool:
    """Walking up from an event noun to ``head`` leaves the event: a reaction verb's object or
    subordinate ('condemned the attack', 'accused Hamas of the attack') or a preposition of
    time, cause or opposition ('arrested three men after the bombing', 'protested against the
    killing'). The lists are ``reaction_verbs`` and ``reaction_preps`` in ``cues_en.json``."""
    from .english import _sets, stem_set

    if token.dep_ == "pobj" and head.text.lower() in _sets()["reaction_preps"]:
        return True
    return en_stem(head.text) in stem_set("reaction_verbs")  # stems: the parser runs without the lemmatiser


def acting_subject(trigger) -> tuple[int, int] | None:
    """Character span of who acted, from the parse: the trigger's own subject ('Pakistan, a key
    U.S. ally, has refused'), or for a trigger with none, the subject of the predicate governing
    it: a noun ('X staged a hunger strike', 'X were converging for a rally', 'X wounded two
    soldiers in a bomb attack') or a participle ('X launched rocket fire, killing 50'). A pronoun
    subject stands for the subject of the clause above it ('Syria says it will not accept').
    None under a passive (its subject is the victim), for a modal ('must': its clause's subject
    is the one asked), or when no named subject is found; :data:`NO_ACTOR` when the way up
    leaves the event (:func:`_reaction`: 'The UN condemned the attack')."""
    if trigger.dep_ in ("aux", "auxpass"):
        return None
    token = trigger
    for _ in range(5):
        if any(c.dep_ == "nsubjpass" for c in token.children):
            return None
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.text.lower() not in _PRONOUNS:
            return subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge.text)
        if token.head.i == token.i:
            return None
        if _reaction(token, token.head):
            return NO_ACTOR
        token = token.head
    return None
