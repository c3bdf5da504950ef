"""MEANTIME -> CoNLL conversion: the named part of gold mentions, on a hand-written fixture.

The fixture imitates MEANTIME's two files (``meantime.conll`` with doc key, sentence id, token
index, token, coreference; ``entities_mentions.json`` with the gold mentions). Its automatic
fields (``mention_ner``, ``mention_head``) are set to misleading values on purpose: the
converter must not read them.
"""

from __future__ import annotations

import json

import pytest

from marsad.streams.devtools import meantime_ner as M

DOC = "corpus_test/1"
SENTENCES = [
    "Apple executive Steve Jobs resigns",  # 0 title
    "August 25 , 2011",  # 1 dateline
    "Steve Jobs , the Apple Chief Executive Officer , said the company 's shares rose .",
    "Analysts expect the United States Air Force ( USAF ) to pick Boeing 's new 787 Dreamliner .",
    "Senator John McCain and Japanese officials met in Mobile , Alabama .",
    "Apple 's boss Steve Jobs spoke to VIP guests at the Air Force base .",
    "Toulouse analysts said so .",  # 6: beyond the fully annotated sentences; "analysts"
]


def _mention(sent, tokens, mtype, description, **automatic):
    words = SENTENCES[sent].split()
    return {"conll_doc_key": DOC, "sent_id": sent, "tokens_number": tokens,
            "tokens_str": " ".join(words[i] for i in tokens), "mention_type": mtype,
            "description": description, "mention_ner": automatic.get("ner", "ORG"),
            "mention_head": automatic.get("head", "the"), "mention_head_pos": "DET"}


MENTIONS = [
    _mention(0, [0], "ORG", "APPLE"),
    _mention(0, [0, 1, 2, 3], "PER", "Steve Jobs"),
    # appositive: the name, not the title; "Apple" has its own nested mention
    _mention(2, [0, 1], "PER", "Steve Jobs"),
    _mention(2, [0, 1, 2, 3, 4, 5, 6, 7], "PER", "Steve Jobs"),
    _mention(2, [4], "ORG", "APPLE"),
    _mention(2, [3, 4, 5, 6, 7], "PER", "Steve Jobs"),
    _mention(2, [9, 10], "ORG", "APPLE"),  # "the company": nominal, no name
    _mention(3, [0], "PER", "Analysts", ner="PERSON"),  # sentence-initial, lower case elsewhere
    # expansion + acronym: both named, the determiner dropped
    _mention(3, [2, 3, 4, 5, 6, 7, 8], "ORG", "USAF"),
    _mention(3, [8], "ORG", "USAF"),
    _mention(3, [12], "ORG", "Boeing"),
    # product: MISC (not scored); its owner "Boeing 's" is not part of the product's name
    _mention(3, [12, 13, 14, 15, 16], "PRO", "787 Dreamliner"),
    _mention(4, [0, 1, 2], "PER", "John McCain"),
    _mention(4, [4], "LOC", "Japan"),  # demonym -> MISC
    _mention(4, [4, 5], "PER", "Japanese officials"),
    _mention(4, [8, 9, 10], "LOC", "Mobile"),  # "City , State": both places
    _mention(5, [3, 4], "PER", "Steve Jobs"),
    # the possessor is not the name of "Apple 's boss"; having no mention of its own, "Apple"
    # is propagated from the document's other ORG mentions
    _mention(5, [0, 1, 2], "PER", "Apple's boss"),
    _mention(5, [7, 8], "PER", "VIP guests"),  # capitalised modifier of a nominal mention
    _mention(5, [10, 11, 12], "ORG", "USAF"),  # a bare name whose description is an acronym
    _mention(2, [5, 6, 7], "PER", "Apple's Chief Executive Officer"),  # titles alone: no name
    _mention(6, [0], "LOC", "Toulouse"),
]


@pytest.fixture()
def corpus(tmp_path):
    lines = [f"#begin document ({DOC}); part 000"]
    for sid, text in enumerate(SENTENCES):
        lines += [f"{DOC}\t{sid}\t{i}\t{tok}\t-" for i, tok in enumerate(text.split())]
        lines.append("")
    lines.append("#end document")
    # a second document without any entity annotation is left out
    lines += ["#begin document (corpus_test/2); part 000", "corpus_test/2\t0\t0\tBoeing\t-", ""]
    (tmp_path / "meantime.conll").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "entities_mentions.json").write_text(json.dumps(MENTIONS), encoding="utf-8")
    return tmp_path


def _entities(tokens, tags):
    out, start = [], None
    for i, tag in enumerate(tags + ["O"]):
        if start is not None and not tag.startswith("I-"):
            out.append((" ".join(tokens[start:i]), tags[start][2:]))
            start = None
        if tag.startswith("B-"):
            start = i
    return out


def _converted(corpus, **kw):
    conv = M.convert(corpus, **kw)
    return conv, {sid: _entities(toks, tags) for _, sid, toks, tags in conv.sentences}


def test_named_parts_of_gold_mentions(corpus):
    conv, ents = _converted(corpus)
    assert ents[0] == [("Apple", "ORG"), ("Steve Jobs", "PER")]
    assert ents[1] == []
    assert ents[2] == [("Steve Jobs", "PER"), ("Apple", "ORG")]
    assert ents[3] == [("United States Air Force", "ORG"), ("USAF", "ORG"), ("Boeing", "ORG"),
                       ("Dreamliner", "MISC")]
    assert ents[4] == [("John McCain", "PER"), ("Japanese", "MISC"), ("Mobile", "LOC"),
                       ("Alabama", "LOC")]
    assert ents[5] == [("Apple", "ORG"), ("Steve Jobs", "PER"), ("Air Force", "ORG")]
    assert conv.stats["propagated"] == 1


def test_only_fully_annotated_sentences_of_annotated_documents(corpus):
    conv, ents = _converted(corpus)
    assert 6 not in ents  # beyond max_sentence
    assert conv.stats["documents"] == 1 and conv.stats["documents_without_annotation"] == 1
    assert conv.stats["sentences"] == 6
    _, wider = _converted(corpus, max_sentence=6)
    assert wider[6] == [("Toulouse", "LOC")]
    excluded, _ = _converted(corpus, exclude=[DOC])
    assert excluded.sentences == [] and excluded.stats["documents_excluded"] == 1


def test_sentence_initial_capital_needs_evidence():
    capitalised = M.Counter({"Boeing": 3, "General": 5})
    lowercase = M.Counter({"analysts": 4, "general": 1, "government": 2})
    assert M.name_flags(["Boeing", "said"], capitalised, lowercase)[0] is True
    assert M.name_flags(["General", "Motors"], capitalised, lowercase)[0] is True
    assert M.name_flags(["Analysts", "said"], capitalised, lowercase)[0] is None
    assert M.name_flags(["Government", "Accountability"], capitalised, lowercase)[0] is None
    assert M.name_flags(["The", "USAF"], capitalised, lowercase)[:2] == [False, True]


def test_description_matching():
    assert M.names_description(["General", "Motors"], "General Motors Corporation")
    assert M.names_description(["GM"], "General Motors")
    assert M.names_description(["United", "States", "Air", "Force"], "USAF")
    assert M.names_description(["Wal", "-", "Mart"], "Wal-Mart")
    assert not M.names_description(["Chief", "Executive", "Officer"], "Steve Jobs (CEO of Apple)")


def test_written_file_reads_back_with_the_evaluator(corpus, tmp_path):
    from marsad.streams.pipeline.entities.ner.corpus import read_conll, spans_of

    out = tmp_path / "out.conll"
    assert M.main([str(corpus), str(out)]) == 0
    sentences = list(read_conll(out))
    assert len(sentences) == 6
    spans = [(" ".join(w for w, _ in s[a:b]), t) for s in sentences
             for a, b, t in spans_of([tag for _, tag in s])]
    assert ("Steve Jobs", "PER") in spans and ("Mobile", "LOC") in spans
