"""Convert MEANTIME English (Wikinews) into a CoNLL ``token TAG`` NER file, gold mentions only.

Why: the project has no English CoNLL NER data; MEANTIME is English newswire with human entity
annotation, but its mentions are whole noun phrases (``JSA Research defence analysist Paul
Nesbit``), nominal (``the company``) or pronominal (``we``), so only the *named part* of a mention
maps onto a CoNLL-style span. This tool derives that part from the gold annotation and the
tokens alone. The automatic fields of ``entities_mentions.json`` (``mention_ner``,
``mention_head*``, ``tokens_text``) and any tagger are never used: that would be circular.

Input (the folder ``.../meantime/en``): ``meantime.conll`` (doc key, sentence id, token index,
token, coreference) for the tokens and ``entities_mentions.json`` for the gold mentions (its
``mention_type``, ``tokens_number``, ``sent_id``, ``conll_doc_key`` and ``description``; the
description is the human-written name of the entity instance the mention refers to).

Which sentences: only documents with entity annotation (14 of the 120 have none) and only the
title and sentence ids ``<= max_sentence`` (default 5: title, dateline, four body sentences).
MEANTIME annotates every entity mention there, but after that only mentions of entities already
seen, so ``Toulouse`` or ``Ron Sugar`` in sentence 12 carry no mention; scoring those sentences
would count correct names as false positives.

The rule, per gold mention (a discontinuous one: its pieces, with the gaps breaking runs):

1. Types: PER, ORG, LOC keep their type; PRO (products) is written as MISC (read, not scored);
   FIN and everything else yields no span. A name ending in a nationality word (``Japanese``
   annotated LOC for Japan, ``North American``, ``Singaporeans`` PER; see :data:`DEMONYMS`)
   is MISC, as in CoNLL.
2. Name tokens: a token with an upper-case letter (``iPhone``, ``N.V.``, ``USAF``). A
   sentence-initial token counts if the corpus never has it in lower case or has it
   capitalised inside sentences more often than in lower case (``Jusman``, ``Boeing``,
   ``General``), otherwise only if the next token is a name token of the same mention
   (``Government Accountability Office``; not ``Analysts``, ``World``, nor ``Automaker`` in
   ``Automaker GM`` where ``GM`` is a mention of its own). Determiners, quantifiers and
   pronouns (:data:`NON_NAME_WORDS`: ``The``, ``Most``, ``I``, ``We``) never are.
3. Tokens inside a smaller gold mention nested in this one belong to that mention (``Airbus``
   in ``Airbus parent company ... EADS N.V.``), and break this mention's runs.
4. Runs: maximal sequences of name tokens, joined across ``of``, ``for``, ``the``, ``de``,
   ``-``, ``&`` and, unless the description names several entities (``MICEX and RTS``,
   ``John Howard + Ian MacDonald``), ``and``; connectors at a run's edges are dropped.
5. Which runs name this mention: those sharing a word with the description (case and
   punctuation folded, parentheses of the description dropped; ``Wal - Mart`` ~ ``Wal-Mart``),
   or an acronym of it either way (``GM`` ~ ``General Motors``), plus a run joined to a kept run
   by ``(`` only (``Singapore Airlines ( SIA``) or, in a LOC mention, by ``,`` only (``Seattle
   , Washington`` for ``Seattle``). A run followed by a lower-case word that
   follows it in the description too modifies the common noun of a nominal mention and is
   dropped (``VIP guests``, ``Central banks across the world``; but ``the Old Mutual insurance
   company`` for ``Old Mutual`` and ``Heathrow airport`` for ``London Heathrow Airport`` keep
   their name). If no run is kept and an ORG/LOC mention is a bare name (one run, nothing but a
   determiner besides nested mentions: ``the Air Force`` for ``USAF``), that run is kept;
   never for PER (``Apple CEO`` for Steve Jobs is no name). Other runs are descriptions
   (``Chief Executive Officer``), dates (``February``) or names of entities with their own
   nested mention.
6. A kept PER run loses leading words absent from the description when a later word matches
   it, and leading titles (:data:`PERSON_TITLES`): ``Senator John McCain`` -> ``John
   McCain``; a run of titles only (``Mr Justice``, ``CEO``) is no name. Not for ORG/LOC,
   whose descriptions are often short forms (``EADS`` for ``European Aeronautic Defence and
   Space Company EADS N.V.``).
7. Overlaps: spans from smaller mentions are placed first; a span overlapping a placed one is
   dropped. Identical spans from two mentions count once.
8. Names inside other mentions: MEANTIME does not always give a possessor or maker its own
   mention (``Boeing 's newest commercial aircraft``, a PRO for ``787 Dreamliner``; ``JSA
   Research defence analysist Paul Nesbit``). An untagged maximal run of name tokens that is
   exactly a PER/ORG/LOC name tagged by steps 1-7 anywhere in the same document (all its
   sentences) gets that type; a name tagged with two types there is not propagated. A run
   followed by a possessive inside a mention is its owner, never the mention's own name
   (``Airbus ' massive new A380 's``, ``Apple 's board of directors``).

Limits: names MEANTIME does not annotate in the first sentences (about 20 runs such as
``China Eastern Airlines`` in a list, ``Boeing Commercial Airplanes``) stay ``O``; MEANTIME
types a name by what it refers to, so ``EU`` is LOC (CoNLL: ORG) and ``Europe`` meaning
Airbus is ORG; a name whose run shares nothing with its description and sits
inside a longer phrase is lost (``Moscone Center in San Francisco`` for ``MWCC``).

Run: ``python -m marsad.streams.devtools.meantime_ner ../shared/data/clustering/meantime/en
/tmp/meantime_en.conll``; the statistics go to stderr as JSON. ``--exclude-doc KEY`` (repeatable)
leaves out documents whose first sentences are visibly only partly annotated (see
``streams/resources/ner/README.md``, "English evaluation").
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

SCORED_TYPES = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "PRO": "MISC"}
DEFAULT_MAX_SENTENCE = 5

#: Determiners, quantifiers and pronouns: never part of a name, whatever their case.
NON_NAME_WORDS = frozenset("""
the a an this that these those its it's their our his her my your some most any all several
many every each both few other another such i we you he she it they
""".split())
#: Inner words that join name tokens (``Bank of America``, ``Defence & Space``, ``Wal - Mart``).
CONNECTORS = frozenset({"of", "for", "the", "de", "-", "&"})
#: Titles and roles written before or instead of a person's name (``Mr Justice``, ``CEO``).
PERSON_TITLES = frozenset("""
mr mrs ms dr sir lord lady justice judge presiding senator president vice chairman chairwoman
ceo cfo coo chief executive officer operating financial prime minister secretary spokesman
spokeswoman governor general director founder king queen prince princess representative
""".split())
#: Nationality adjectives: CoNLL tags them MISC, MEANTIME annotates some as LOC mentions.
DEMONYMS = frozenset("""
american european japanese chinese german french british irish russian romanian australian
indonesian swiss canadian korean asian italian spanish dutch mexican brazilian indian israeli
arab qatari emirati singaporean thai swedish victorian african english scottish welsh belgian
austrian polish greek turkish iranian iraqi saudi egyptian
""".split())
_POSSESSIVES = frozenset({"'s", "'", "’s", "’"})
_WORD = re.compile(r"[^0-9a-z]+")
_PARENS = re.compile(r"\([^)]*\)")
_MULTI = re.compile(r"\s(?:and|&)\s|\+|,")


@dataclass(frozen=True)
class Mention:
    doc: str
    sentence: int
    tokens: tuple[int, ...]
    type: str
    description: str


@dataclass(frozen=True)
class Span:
    start: int  # first token index
    end: int  # one past the last token
    label: str


# --------------------------------------------------------------------------- reading
def read_tokens(conll: Path) -> dict[tuple[str, int], list[str]]:
    """``(doc key, sentence id) -> tokens`` from MEANTIME's ``meantime.conll``."""
    sentences: dict[tuple[str, int], dict[int, str]] = defaultdict(dict)
    with open(conll, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            doc, sent, index, token = line.rstrip("\n").split("\t")[:4]
            sentences[(doc, int(sent))][int(index)] = token
    return {k: [v[i] for i in sorted(v)] for k, v in sentences.items()}


def read_mentions(path: Path) -> list[Mention]:
    """The gold entity mentions; only human-annotated fields are kept."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return [Mention(doc=m["conll_doc_key"], sentence=int(m["sent_id"]),
                    tokens=tuple(sorted(int(t) for t in m["tokens_number"])),
                    type=m["mention_type"], description=m.get("description") or "")
            for m in data]


# --------------------------------------------------------------------------- the rule
def _norm(word: str) -> str:
    return _WORD.sub("", word.lower())


def _description_words(description: str) -> set[str]:
    words = {_norm(w) for w in _PARENS.sub(" ", description).split()}
    return {w for w in words if w and w not in CONNECTORS and w not in ("and", "a", "an")}


def _initials(words: Iterable[str]) -> str:
    return "".join(w[0] for w in words if w and w[0].isupper())


def names_description(run: list[str], description: str) -> bool:
    """Whether a run of tokens is (part of) the entity's name as the description gives it."""
    desc_words = _description_words(description)
    run_words = {_norm(t) for t in run} - {""}
    if run_words & desc_words:
        return True
    joined_run = "".join(_norm(t) for t in run)
    joined_desc = "".join(_norm(w) for w in _PARENS.sub(" ", description).split())
    if len(joined_run) >= 3 and (joined_run in joined_desc or joined_desc in joined_run):
        return True
    desc = _PARENS.sub(" ", description).split()
    acronym = len(run) == 1 and run[0].isupper() and len(run[0]) > 1
    if acronym and _initials(desc).lower() == _norm(run[0]):
        return True  # GM ~ General Motors
    if len(desc) == 1 and desc[0].isupper() and _initials(run).lower() == _norm(desc[0]):
        return True  # United States Air Force ~ USAF
    return False


def _modifies_description_noun(last_word: str, next_token: str, description: str) -> bool:
    """Whether the description itself reads ``<run> <next_token>`` with a lower-case noun."""
    if not next_token.islower() or next_token in CONNECTORS or next_token == "and":
        return False
    desc = _PARENS.sub(" ", description).split()
    return any(_norm(a) == last_word and b == next_token for a, b in zip(desc, desc[1:]))


def _connector(token: str, joins_and: bool) -> bool:
    low = token.lower()
    return low in CONNECTORS or (joins_and and low == "and")


def _runs(tokens: list[str], piece: list[int], is_name: list[bool],
          joins_and: bool) -> list[list[int]]:
    runs: list[list[int]] = []
    current: list[int] = []
    for i in piece:
        if is_name[i]:
            current.append(i)
        elif current and _connector(tokens[i], joins_and):
            current.append(i)
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    out = []
    for r in runs:
        while r and not is_name[r[-1]]:
            r = r[:-1]
        if r:
            out.append(r)
    return out


def _pieces(indices: Iterable[int]) -> list[list[int]]:
    pieces: list[list[int]] = []
    for i in indices:
        if pieces and i == pieces[-1][-1] + 1:
            pieces[-1].append(i)
        else:
            pieces.append([i])
    return pieces


def mention_spans(tokens: list[str], mention: Mention, nested: set[int],
                  name_evidence: list[bool | None]) -> list[Span]:
    """The name spans of one gold mention (rule steps 1-6 of the module docstring)."""
    label = SCORED_TYPES.get(mention.type)
    if label is None:
        return []
    is_name = [bool(f) for f in name_evidence]
    if name_evidence and name_evidence[0] is None:  # ambiguous first word: needs a name after it
        is_name[0] = (1 in mention.tokens and 1 not in nested
                      and len(name_evidence) > 1 and bool(name_evidence[1]))
    joins_and = not _MULTI.search(_PARENS.sub(" ", mention.description))
    own = [i for i in mention.tokens if i not in nested]
    # runs of every contiguous piece (nested mentions and the gaps of a discontinuous mention
    # break runs), then which of them name this mention, decided over the whole mention
    runs = [r for sub in _pieces(own) for r in _runs(tokens, sub, is_name, joins_and)]
    if not runs:
        return []
    keep = [names_description([tokens[i] for i in r], mention.description) for r in runs]
    # "Name ( ACRONYM" and, for places, "Seattle , Washington": both or neither
    joiners = (["("], [","]) if label == "LOC" else (["("],)
    for _ in range(2):
        for k in range(len(runs) - 1):
            between = tokens[runs[k][-1] + 1:runs[k + 1][0]]
            if between in joiners and (keep[k] or keep[k + 1]):
                keep[k] = keep[k + 1] = True
    for k, run in enumerate(runs):  # "Airbus ' massive new A380 's": the owner, not the product
        if run[-1] + 1 in own and tokens[run[-1] + 1] in _POSSESSIVES:
            keep[k] = False
    for k, run in enumerate(runs):  # "VIP guests", "Central banks": a modifier
        after = run[-1] + 1
        if keep[k] and after in own and _modifies_description_noun(
                _norm(tokens[run[-1]]), tokens[after], mention.description):
            keep[k] = False
    if not any(keep) and len(runs) == 1 and label in ("ORG", "LOC"):
        rest = [tokens[i] for i in own if i not in runs[0]]
        if all(t.lower() in NON_NAME_WORDS or t in ("``", "''", '"') for t in rest):
            keep = [True]
    desc_words = _description_words(mention.description)
    spans: list[Span] = []
    for run, kept in zip(runs, keep, strict=True):
        if not kept:
            continue
        matched = [k for k, i in enumerate(run) if _norm(tokens[i]) in desc_words]
        if label == "PER" and matched and matched[0] > 0:
            run = run[matched[0]:]
        if label == "PER":
            while run and _norm(tokens[run[0]]) in PERSON_TITLES:
                run = run[1:]
            if not run:
                continue
        typ = label
        if _norm(tokens[run[-1]]).removesuffix("s") in DEMONYMS:  # "Japanese", "North American"
            typ = "MISC"
        spans.append(Span(run[0], run[-1] + 1, typ))
    return spans


def sentence_tags(tokens: list[str], mentions: list[Mention],
                  name_evidence: list[bool | None]) -> list[str]:
    """IOB2 tags of one sentence from its gold mentions (rule step 7 for overlaps)."""
    placed: list[Span] = []
    taken = [False] * len(tokens)
    for m in sorted(mentions, key=lambda m: (len(m.tokens), m.tokens)):
        mine = set(m.tokens)
        nested = {i for o in mentions if o is not m and set(o.tokens) < mine for i in o.tokens}
        for span in mention_spans(tokens, m, nested, name_evidence):
            if any(taken[span.start:span.end]):
                continue
            placed.append(span)
            for i in range(span.start, span.end):
                taken[i] = True
    tags = ["O"] * len(tokens)
    for span in placed:
        _write(tags, span)
    return tags


def _write(tags: list[str], span: Span) -> None:
    tags[span.start] = "B-" + span.label
    for i in range(span.start + 1, span.end):
        tags[i] = "I-" + span.label


def _name_runs(tokens: list[str], tags: list[str]) -> Iterable[tuple[int, int, str]]:
    start = None
    for i, tag in enumerate(tags + ["O"]):
        if start is not None and not tag.startswith("I-"):
            yield start, i, tags[start][2:]
            start = None
        if tag.startswith("B-"):
            start = i


def document_names(sentences: Iterable[tuple[list[str], list[str]]]) -> dict[tuple[str, ...], str]:
    """Name -> type of a document's PER/ORG/LOC spans; a name given two types is left out."""
    seen: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for tokens, tags in sentences:
        for start, end, label in _name_runs(tokens, tags):
            if label in ("PER", "ORG", "LOC"):
                seen[tuple(tokens[start:end])].add(label)
    return {name: next(iter(labels)) for name, labels in seen.items() if len(labels) == 1}


def propagate_names(tokens: list[str], tags: list[str], name_evidence: list[bool | None],
                    names: dict[tuple[str, ...], str]) -> int:
    """Tag untagged whole runs of name tokens that are names of the document (step 8).

    Returns how many spans were added. Only a maximal run whose tokens are all untagged counts
    (``Boeing`` in ``Boeing 's newest commercial aircraft``; not ``China`` inside ``China
    Eastern Airlines``).
    """
    is_name = [bool(f) for f in name_evidence]
    if name_evidence and name_evidence[0] is None:
        is_name[0] = len(name_evidence) > 1 and bool(name_evidence[1])
    added = 0
    for run in _runs(tokens, list(range(len(tokens))), is_name, joins_and=False):
        label = names.get(tuple(tokens[run[0]:run[-1] + 1]))
        if label is not None and all(tags[i] == "O" for i in run):
            _write(tags, Span(run[0], run[-1] + 1, label))
            added += 1
    return added


def name_flags(tokens: list[str], capitalised_inside: Counter[str],
               lowercase: Counter[str]) -> list[bool | None]:
    """Which tokens of a sentence are name tokens (rule step 2); ``None``: it depends.

    A sentence-initial capital is no evidence. The first token is a name token when the corpus
    never writes it in lower case (``Jusman``, ``Boeing``) or capitalises it inside sentences
    more often than not (``General``); otherwise (``None``) only when the next token is a name
    token of the same mention (``Government Accountability Office``, ``Mark Papermaster``; not
    ``Automaker`` before a separate mention ``GM``, not ``Analysts``).
    """
    flags: list[bool | None] = [any(ch.isupper() for ch in t) and t.lower() not in NON_NAME_WORDS
                                for t in tokens]
    if flags and flags[0] and not (tokens[0].isupper() and len(tokens[0]) > 1):
        first = tokens[0]
        low = lowercase[first.lower()]
        flags[0] = True if low == 0 or capitalised_inside[first] > low else None
    return flags


# --------------------------------------------------------------------------- whole corpus
@dataclass
class Converted:
    sentences: list[tuple[str, int, list[str], list[str]]]  # doc, sentence id, tokens, tags
    stats: dict


def convert(folder: Path, max_sentence: int = DEFAULT_MAX_SENTENCE,
            exclude: Iterable[str] = ()) -> Converted:
    """The CoNLL sentences of the annotated documents, minus the ``exclude`` doc keys."""
    folder = Path(folder)
    tokens = read_tokens(folder / "meantime.conll")
    mentions = read_mentions(folder / "entities_mentions.json")
    capitalised_inside = Counter(t for toks in tokens.values() for t in toks[1:] if t[:1].isupper())
    lowercase = Counter(t for toks in tokens.values() for t in toks if t.islower())
    by_sentence: dict[tuple[str, int], list[Mention]] = defaultdict(list)
    for m in mentions:
        by_sentence[(m.doc, m.sentence)].append(m)
    excluded = set(exclude)
    annotated = sorted({m.doc for m in mentions} - excluded)
    out = []
    propagated = 0
    for doc in annotated:
        rows = []
        for sid in sorted(s for d, s in tokens if d == doc):
            toks = tokens[(doc, sid)]
            ms = [m for m in by_sentence.get((doc, sid), [])
                  if all(i < len(toks) for i in m.tokens)]
            flags = name_flags(toks, capitalised_inside, lowercase)
            rows.append((sid, toks, flags, sentence_tags(toks, ms, flags)))
        names = document_names((toks, tags) for _, toks, _, tags in rows)
        for sid, toks, flags, tags in rows:
            if sid <= max_sentence:
                propagated += propagate_names(toks, tags, flags, names)
                out.append((doc, sid, toks, tags))
    entities: Counter[str] = Counter(t[2:] for *_, tags in out for t in tags if t.startswith("B-"))
    kept_docs = set(annotated)
    used = [m for m in mentions if m.sentence <= max_sentence and m.doc in kept_docs]
    stats = {
        "documents": len(annotated),
        "documents_without_annotation": len({d for d, _ in tokens} - excluded) - len(annotated),
        "documents_excluded": len(excluded & {d for d, _ in tokens}),
        "sentences": len(out),
        "tokens": sum(len(t) for _, _, t, _ in out),
        "gold_mentions": dict(sorted(Counter(m.type for m in used).items())),
        "entities": dict(sorted(entities.items())),
        "propagated": propagated,
        "max_sentence": max_sentence,
    }
    return Converted(out, stats)


def write_conll(converted: Converted, path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        current = None
        for doc, _, toks, tags in converted.sentences:
            if doc != current:
                fh.write("-DOCSTART- O\n\n")
                current = doc
            for tok, tag in zip(toks, tags, strict=True):
                fh.write(f"{tok.replace(' ', '_')} {tag}\n")
            fh.write("\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="MEANTIME English -> CoNLL token TAG (gold mentions)")
    ap.add_argument("folder", type=Path, help="the meantime/en folder")
    ap.add_argument("out", type=Path, help="the CoNLL file to write")
    ap.add_argument("--max-sentence", type=int, default=DEFAULT_MAX_SENTENCE,
                    help="last sentence id kept per document (0 is the title)")
    ap.add_argument("--exclude-doc", action="append", default=[], metavar="DOC",
                    help="leave out a document (its doc key, e.g. corpus_airbus/3835); repeatable")
    a = ap.parse_args(argv)
    converted = convert(a.folder, a.max_sentence, a.exclude_doc)
    write_conll(converted, a.out)
    print(json.dumps(converted.stats), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
