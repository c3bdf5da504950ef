"""Event extraction stage (issue 4): PLOVER events with status, actors, place, time, quantities,
attribution, evidence and confidence, for Arabic and English articles.

Offline and CPU-only: trigger lexicons and cue lists under ``streams/resources/events/`` with
argument rules (``arabic.py``, ``english.py``), time resolution against the publication date
(``timex.py``) and quantity parsing (``quantities.py``). Entities from the entity stage are used for
actor and place links when present; without them the stage falls back on its own noun-phrase rules.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection
from functools import lru_cache
from datetime import date, datetime

from marsad.schemas import ActorRef, EventMention, Place, Quantity, Span, TimeRef
from marsad.streams.pipeline.doc import Doc

from . import arabic, english
from .classifier import TYPES as _GATED_TYPES
from .common import Candidate, Sentence
from .merge import actor_key, actor_keys, counted, group_sentence_mentions, merge_groups, nearest_figures
from .quantities import kind_of, parse_quantities
from .resources import acled_for, cues, en_stem, mode_refinements, weapon_modes, weapon_words
from .resources import timex as time_cues  # (the name timex is this package's module)
from .text import DIACRITICS, Folded, Token, fold, split_sentences, tokenize
from .timex import resolve_times

__all__ = ["EVENT_SPAN_DAYS", "EventStage", "extract_events"]

_ACTOR_TYPES = {"person", "organisation", "armed_group", "government"}
_PLACE_TYPES = {"location", "facility"}
_NAME_TYPES = _ACTOR_TYPES | _PLACE_TYPES
#: The figures each type carries. The other types carry none: a condemnation, a meeting or a
#: refusal in a sentence that gives an attack's toll ('أدان الهجوم الذي أوقع 32 قتيلا') would
#: otherwise repeat that toll, and a consumer summing figures over events would count it twice.
_EVENT_QTY = {
    "ASSAULT": {"killed", "injured", "missing", "fighters", "displaced"},
    "AID": {"evacuated", "displaced"},
    "RETREAT": {"fighters", "displaced", "evacuated"},
    "COERCE": {"arrested", "missing"},
    "PROTEST": {"injured", "killed", "arrested", "other"},
    "MOBILIZE": {"fighters"},
}


def _language(doc: Doc) -> str:
    lang = (doc.language or "und").lower()[:2]
    if lang in ("ar", "en"):
        return lang
    sample = doc.text[:400]
    arabic_chars = sum(1 for c in sample if "\u0600" <= c <= "\u06ff")
    return "ar" if arabic_chars > len(sample) * 0.2 else "en"


class _Ctx:
    """Per-document state: offsets, entities and discourse memory."""

    def __init__(self, doc: Doc, lang: str) -> None:
        self.doc = doc
        self.lang = lang
        self.text = doc.text
        self.folded: Folded = fold(doc.text)
        self.origin = self.folded.origin
        self.tokens = tokenize(self.folded.text)
        self.tok_starts = [t.start for t in self.tokens]
        pub = doc.article.published_at
        self.pub: date = pub.date() if isinstance(pub, datetime) else pub
        self.entities = sorted(doc.entities, key=lambda e: e.start)
        self.last_time: TimeRef | None = None
        self.last_attr: list[ActorRef] = []
        self.events: list[EventMention] = []
        self.sources_by_type: dict[str, tuple[int, list[ActorRef]]] = {}  # type -> (sentence, its own sources)
        self.speech = _speech_quotes(self.folded.text)
        self.last_place = None
        self.sent_index = 0
        self.topic_start = 0  # where the events of the current topic begin in ``events``

    def recent(self, n: int) -> list[EventMention]:
        """The last ``n`` events since the sentence that opened the current topic."""
        return self.events[max(self.topic_start, len(self.events) - n):]

    def new_topic(self) -> None:
        """'وعلى صعيد آخر', 'In a separate incident': nothing carries over from the events before."""
        self.topic_start = len(self.events)
        self.sources_by_type.clear()
        self.last_place = None

    # offsets ------------------------------------------------------------
    def to_folded(self, orig: int) -> int:
        return bisect_left(self.origin, orig, 0, len(self.origin) - 1)

    def orig_span(self, fstart: int, fend: int) -> tuple[int, int]:
        return self.folded.span(fstart, fend)

    def tok_span_orig(self, sent: Sentence, span: tuple[int, int]) -> tuple[int, int]:
        return self.orig_span(sent.tokens[span[0]].start, sent.tokens[span[1] - 1].end)

    def entities_in(self, a: int, b: int, types: Collection[str] | None = None):
        return [e for e in self.entities if e.start < b and e.end > a and (types is None or e.type in types)]

    def actor_ref(self, sent: Sentence, span: tuple[int, int]) -> ActorRef:
        a, b = self.tok_span_orig(sent, span)
        first = sent.tokens[span[0]]
        if self.lang == "ar" and (clitic := arabic.proclitic_length(first.text)):
            a = self.orig_span(first.start + clitic, first.end)[0]  # 'وقوات النظام' -> 'قوات النظام'
        elif self.lang == "ar":  # 'لإيران' -> 'إيران': a place named after a proclitic
            a = next((e.start for e in self.entities_in(a, b, {"location"}) if self._proclitic_before(first, a, e)), a)
        ents = self.entities_in(a, b, _ACTOR_TYPES)
        # a name the phrase stops short of completes it ('قوات سوريا' -> the SDF); one that starts
        # before the phrase does only if it is linked: 'الموت لأميركا' is a quoted slogan the
        # tagger took for a name, and the actor is 'لأميركا'
        ents = [e for e in ents if e.start >= a or e.canonical_id is not None]
        # nor does a name the tagger ran on past a complementiser ('وكالة الطوارئ إن انتحاريا')
        ents = [e for e in ents if e.end <= b or not _COMPLEMENTISER_WORD.search(self.text[b:e.end])]
        if ents:
            e = max(ents, key=lambda e: (e.end - e.start))
            a, b = (e.start if self._proclitic_before(first, a, e) else min(a, e.start)), max(b, e.end)
            b = self._closing_quote(a, b)
            return ActorRef(text=self.text[a:b], start=a, end=b, canonical_id=e.canonical_id, name_en=e.name_en)
        b = self._closing_quote(a, b)
        return self._the_latter(sent, span, a) or ActorRef(text=self.text[a:b], start=a, end=b)

    def _proclitic_before(self, first: Token, a: int, e) -> bool:
        """The name starts inside the phrase's first word, after a proclitic ('لداعش'): the
        actor is the name, without it ('كرامي' is no ك + 'رامي')."""
        inside = a < e.start < self.orig_span(first.start, first.end)[1]
        return inside and first.text[: self.to_folded(e.start) - first.start] in arabic.PROCLITICS

    def _closing_quote(self, a: int, b: int) -> int:
        """End of an actor whose name is quoted, with the closing mark the tokens left out:
        'مليشيا "قسد"', 'تنظيم «داعش»'."""
        inside = self.text[a:b]
        for opening, closing in (('"', '"'), ("«", "»"), ("“", "”")):
            if b < len(self.text) and self.text[b] == closing:
                open_marks = inside.count(opening) % 2 if opening == closing else inside.count(opening) - inside.count(closing)
                if open_marks > 0:
                    return b + 1
        return b

    def _the_latter(self, sent: Sentence, span: tuple[int, int], a: int) -> ActorRef | None:
        """'بعد أن انسحب الأخير', 'مهاجم الأخير': 'the latter' is the last actor named before it,
        so the event names that actor (its own mention, with its link) instead of the pronoun."""
        words = [t.text for t in sent.tokens[span[0]:span[1]]]
        if len(words) != 1 or arabic._no_conj(words[0]) not in _THE_LATTER:
            return None
        before = [e for e in self.entities if e.end <= a and e.type in _ACTOR_TYPES]
        if not before:
            return None
        e = max(before, key=lambda e: e.end)
        return ActorRef(text=e.surface, start=e.start, end=e.end, canonical_id=e.canonical_id, name_en=e.name_en)


#: 'The latter' (folded), an actor named by the last actor mentioned before it.
_THE_LATTER = frozenset({"الاخير", "الاخيره"})

_QUOTE_PAIRS = {"«": "»", "“": "”"}


def _speech_quotes(text: str) -> list[tuple[int, int]]:
    """Folded-text spans of direct speech: quoted stretches of at least six words (shorter quoted
    stretches are names: "قسد", "داعش"). ASCII quotes pair up within a paragraph."""
    out: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        marks = [k for k, ch in enumerate(para) if ch == '"']
        spans = [(marks[m], marks[m + 1]) for m in range(0, len(marks) - 1, 2)]
        for k, ch in enumerate(para):
            if ch in _QUOTE_PAIRS:
                e = para.find(_QUOTE_PAIRS[ch], k + 1)
                if e > 0:
                    spans.append((k, e))
        for a, b in spans:
            if len(para[a:b].split()) >= 6:
                out.append((pos + a, pos + b))
        pos += len(para) + 1
    return out


def _in_speech(ctx: "_Ctx", sent: Sentence, cand: Candidate) -> bool:
    at = sent.tokens[cand.tok[0]].start
    return any(a < at < b for a, b in ctx.speech)


def _sentences(ctx: _Ctx) -> list[Sentence]:
    spans = [(s.start, s.end) for s in ctx.doc.sentences] or split_sentences(ctx.text)
    diacritised = _DAMMA in ctx.text  # most news text carries no short vowels: nothing to look at
    out = []
    for a, b in spans:
        fa, fb = ctx.to_folded(a), ctx.to_folded(b)
        i, j = bisect_left(ctx.tok_starts, fa), bisect_left(ctx.tok_starts, fb)
        tokens = ctx.tokens[i:j]
        if len(tokens) > 2 and tokens[1].text == "/":
            tokens = tokens[2:]  # a news agency's section label: 'عام / قوات الاحتلال تعتقل شاباً'
        passive = frozenset(k for k, tok in enumerate(tokens)
                            if _marks_passive(ctx.text, ctx.folded.span(tok.start, tok.end))) if diacritised else frozenset()
        out.append(Sentence(fa, fb, tokens, ctx.folded.text[fa:fb], passive, headline=a < ctx.doc.body_start))
    return out


_DAMMA = "\u064f"


def _marks_passive(text: str, span: tuple[int, int]) -> bool:
    """A damma on the first stem letter of a perfect marks the passive: 'قُتل', 'وخُطف', 'أُعدم',
    and on the ت of the forms اِفتعل/اِستفعل: 'اعتُقل', 'اختُطف', 'استُهدف' (an undiacritised text
    gives no sign, and the argument rules read the verb by its context)."""
    word = "".join(ch for ch in text[span[0]:span[1]] if ch == _DAMMA or ch not in DIACRITICS)
    if len(word) > 3 and word[0] in "وف" and word[1] != _DAMMA:
        word = word[1:]
    if len(word) > 4 and word[0] in "اإ" and word[2] == "ت" and word[3] == _DAMMA:
        return True
    return len(word) > 2 and word[1] == _DAMMA


def _attribution(ctx: _Ctx, sent: Sentence, upto: int) -> tuple[list[ActorRef], bool]:
    """Who reports it: subject of a reporting verb before the trigger, بحسب/according to X."""
    toks = sent.tokens
    out: list[ActorRef] = []
    inherit = False
    if ctx.lang == "ar":
        c = cues("ar")
        rep = set(c["reporting"])
        for k in range(0, min(upto, len(toks))):
            w = arabic._no_conj(toks[k].text)
            if w in rep or toks[k].text in rep:
                nxt = _past_recipient(toks, k + 1)
                if _no_speaker_at(toks, nxt):
                    inherit = True  # the speaker is the one before
                    continue
                nps = _speakers(sent, arabic.np_forward(sent, nxt, set(), max_len=7))
                if w == "بين" and not (nps and nps[-1][1] < len(toks) and arabic._no_conj(toks[nps[-1][1]].text) in _COMPLEMENTISERS):
                    continue  # 'بين بكين ومدن أخرى': between, not 'explained'
                for np in nps[:2]:
                    out.append(ctx.actor_ref(sent, np))
                # نقلت X عن Y (not 'أعلنت X عن تصفية': announced, quoting nobody)
                if nps and w.startswith("نقل"):
                    e = nps[-1][1]
                    while e < len(toks) and arabic._is_quote(toks[e]):
                        e += 1
                    if e < len(toks) and toks[e].text == "عن":
                        more = arabic.np_forward(sent, e + 1, set(), max_len=5)
                        out.extend(ctx.actor_ref(sent, np) for np in more[:1])
                break
        for k in range(len(toks)):
            n = arabic._phrase_at(toks, k, arabic._sets()["according"])
            if n:
                nps = _speakers(sent, arabic.np_forward(sent, k + n, set(), max_len=5))
                out.extend(ctx.actor_ref(sent, np) for np in nps[:1])
    else:
        words = [t.text.lower() for t in toks]
        for k, w in enumerate(words):
            if w in ("said", "says", "reported", "told", "announced", "quoted"):
                if k + 1 < len(words) and words[k + 1] not in ("that", "on", "it", "they", "he", "she", "in") and words[k + 1] not in ".,":
                    np = english._np_fwd(words, k + 1, 6)
                else:
                    np = english._np_back(words, k)
                if np and np[1] - np[0] <= 7:
                    out.append(ctx.actor_ref(sent, np))
                break
        for k in range(len(words) - 1):
            if words[k] == "according" and words[k + 1] == "to":
                np = english._np_fwd(words, k + 2, 6)
                if np:
                    out.append(ctx.actor_ref(sent, np))
    # de-duplicate
    seen, uniq = set(), []
    for r in out:
        if (r.start, r.end) not in seen:
            seen.add((r.start, r.end))
            uniq.append(r)
    return uniq, inherit and not uniq


_COMPLEMENTISER_WORD = re.compile(r"(?:^|\s)(?:[إأا]ن|ب?[أا]ن(?:ه|ها|هم))(?:\s|$)")
_COMPLEMENTISERS = frozenset({"ان", "انه", "انها", "انهم", "بان", "بانه", "بانها", "بانهم"})


def _no_speaker_at(toks: list[Token], k: int) -> bool:
    """What follows a reporting verb at ``k`` names no speaker: 'إن', a comma, a quotation
    ('وأضاف «...»'), 'لفت النظر', 'قائلا', a time word ('قال الخميس', 'مطلع الأسبوع', 'خلال')."""
    if k >= len(toks):
        return True
    c, word = cues("ar"), arabic._no_conj(toks[k].text)
    return (word in _COMPLEMENTISERS or toks[k].text in "،,:" or _speech_opens(toks, k)
            or word in c["attention_objects"] or word in c["speech_adverbials"] or arabic._time_word(toks[k].text)
            or toks[k].text in time_cues("ar")["period_parts"] or toks[k].text == "خلال")


def _past_recipient(toks: list[Token], k: int) -> int:
    """The token after the paper a statement was made to ('قال لـ«عكاظ» عميد كلية الطب', 'كشفت لـ
    "الاقتصادية" مصادر مطلعة'): the speaker follows it, or is the one before when nobody does."""
    if k >= len(toks) or toks[k].text != "ل":
        return k
    k += 1
    if k < len(toks) and (arabic._is_quote(toks[k]) or toks[k].text == "("):
        close = next((j for j in range(k + 1, min(len(toks), k + 6)) if arabic._is_quote(toks[j]) or toks[j].text == ")"), None)
        return close + 1 if close is not None else k + 2
    return k + 1


def _speech_opens(toks: list[Token], k: int) -> bool:
    """A quotation opens at token ``k`` ('وأضاف «لهذا السبب أرسلنا فريقا»'), not a quoted name
    ('أفاد «المرصد السوري» أمس'): no closing mark within four words."""
    if toks[k].text not in arabic._OPENING_QUOTES:
        return False
    return not any(arabic._is_quote(t) for t in toks[k + 2:k + 6])


def _speakers(sent: Sentence, nps: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The phrases after a reporting verb that name who speaks: each ends before a complementiser
    or a casualty word ('وكالة الطوارئ إن انتحاريا', 'أفاد المرصد بمقتل 19'), and rules, plans
    or states are nobody ('حسب الأنظمة', 'وفق خطة زمنية')."""
    toks = sent.tokens
    not_a_speaker = arabic._sets()["not_a_speaker"]
    out = []
    for a, b in nps:
        end = next((k for k in range(a + 1, b) if arabic._no_conj(toks[k].text) in _COMPLEMENTISERS
                    or kind_of(toks[k].text, "ar") in ("killed", "injured")), b)
        words = " ".join(t.text for t in toks[a:end])
        if words not in not_a_speaker and arabic._no_conj(toks[a].text) not in not_a_speaker:
            out.append((a, end))
    return out


_BORDER_BEFORE = re.compile(r"(?:^|\s)[وفبل]?(?:ال|لل)?حدود(?:\s*$|(?:يه|ية)?\s+مع\s*$)|\b(?:border|borders|frontier)\s+with\s+(?:the\s+)?$", re.IGNORECASE)
_BORDER_AFTER = re.compile(r"^\s*(?:border|borders|frontier)\b", re.IGNORECASE)
_BORDER_LAST = re.compile(r"\b(?:border|borders|frontier)$", re.IGNORECASE)


def _beyond_border(text: str, place) -> bool:
    """'قرب الحدود العراقية', 'قرب الحدود مع سوريا', 'near the Iraqi border', 'near the border with
    Syria': the neighbouring country names where the event is near, not where it is; it is no
    event location (the border word may be inside the linked mention or next to it)."""
    mention = text[place.start:place.end]
    first_word = mention.split(maxsplit=1)[0] if mention.strip() else ""
    return bool(_BORDER_BEFORE.search(text[max(0, place.start - 20):place.start]) or _BORDER_BEFORE.search(first_word)
                or _BORDER_AFTER.match(text[place.end:place.end + 12]) or _BORDER_LAST.search(mention))


@lru_cache(maxsize=2)
def _direction_before(lang: str) -> re.Pattern:
    c = cues(lang)
    d, nouns = "|".join(map(re.escape, c["directions"])), "|".join(map(re.escape, c["settlement_nouns"]))
    if lang == "ar":
        return re.compile(rf"(?:^|\s)[وفب]?(?:ال)?(?:{d})(?:\s+(?:ال)?(?:{d}))?\s+(?:(?:{nouns})\s+)?$")
    return re.compile(rf"\b(?:{d})\s+of\s+(?:(?:{nouns})\s+)?$", re.IGNORECASE)


def _word_before(ctx: _Ctx, place) -> str | None:
    """The word right before a place entity, as written."""
    words = ctx.text[max(0, place.start - 12):place.start].split()
    return words[-1] if words else None


def _counterpart(ctx: _Ctx, place) -> bool:
    """'اتفاق مع إيران', 'الاتهامات الموجهة ضد قطر', 'talks with Iran': a place right after
    with/against is the party the event is with or against, not where it happened."""
    word = _word_before(ctx, place)
    if word is None:
        return False
    word = arabic._no_conj(fold(word).text) if ctx.lang == "ar" else word.lower()
    return word in cues(ctx.lang)["counterpart_preps"]


def _time_zone(ctx: _Ctx, place) -> bool:
    """'(1.30 توقيت غرينتش)', 'بتوقيت مكة': a place naming a clock is not where anything happened."""
    word = _word_before(ctx, place)
    return ctx.lang == "ar" and word is not None and fold(word).text in cues("ar")["time_zone"]


def _reference_point(ctx: _Ctx, place, places: list) -> bool:
    """'في ولاية لوغار جنوب العاصمة كابل', 'ببلدة سروج جنوب شرقي تركيا', 'in Baraki Barak, south
    of Kabul': a place after a direction word, with another place named just before, locates
    that one; the event is not there ('جنوب كوباني' alone is where it is: southern Kobani)."""
    before = fold(ctx.text[max(0, place.start - 40):place.start]).text if ctx.lang == "ar" else ctx.text[max(0, place.start - 40):place.start]
    m = _direction_before("ar" if ctx.lang == "ar" else "en").search(before)
    if m is None:
        return False
    direction_at = place.start - (len(before) - m.start())
    return any(p is not place and p.end <= direction_at and direction_at - p.end <= 30
               and _adjacent(ctx.text[p.end:direction_at]) for p in places)


def _adjacent(gap: str) -> bool:
    """What may stand between a place and the direction word of its reference point: a few words
    ('province,', 'في ولاية ميسيسيبي في جنوب الولايات المتحدة'), not a clause ('نفذت الولايات
    المتحدة أول ضربة جوية مميتة في شمال سوريا': the strike is in Syria, not located by it)."""
    return len(gap.split()) <= 3


def _location(ctx: _Ctx, sent: Sentence, cand: Candidate):
    """(ActorRef, Place) of the event location: a linked place entity when present, else a
    'في/من + place noun' phrase (memoised on the candidate)."""
    got = getattr(cand, "_loc", None)
    if got is None:
        got = _location_uncached(ctx, sent, cand)
        cand._loc = got
    return got


def _location_uncached(ctx: _Ctx, sent: Sentence, cand: Candidate):
    a_tok = cand.tok[0]
    if cand.location is not None:
        ref = ctx.actor_ref(sent, cand.location)
        ents = ctx.entities_in(ref.start, ref.end, _PLACE_TYPES)
        if ents:
            e = ents[0]
            return ActorRef(text=e.surface, start=e.start, end=e.end, canonical_id=e.canonical_id, name_en=e.name_en), e.place
        return ref, None
    sa, sb = ctx.orig_span(sent.start, sent.end) if sent.end > sent.start else (0, 0)
    places = ctx.entities_in(sa, sb, _PLACE_TYPES)
    if places:  # not a place named inside an actor's name ('التحالف الدولي بقيادة الولايات المتحدة')
        actors = ctx.entities_in(sa, sb, _ACTOR_TYPES)
        places = [p for p in places if not any(a.start <= p.start and p.end <= a.end and (a.end - a.start) > (p.end - p.start) for a in actors)]
        places = [p for p in places if not _beyond_border(ctx.text, p) and not _time_zone(ctx, p) and not _counterpart(ctx, p)]
        references = [p for p in places if _reference_point(ctx, p, places)]
        places = [p for p in places if p not in references] or places
        # an unlinked name the tagger found at the head of the source is no place ('قتلت نيران الهاون في
        # منطقة دار سعد'); a linked one stays (a state that acts where it is: 'قصفت إسرائيل'), and so
        # does one that only qualifies the source ('شرطة ولاية نيوجيرسي')
        heads = [ctx.tok_span_orig(sent, (sp[0], sp[0] + 1))[0] for sp in cand.sources]
        places = [p for p in places if p.canonical_id or p.start not in heads] or places
        # nor, with another place named, a state in the attacker's name: a use of force happens where
        # it is aimed ('قوات بقيادة الولايات المتحدة ... في نورستان', 'قصفت تركيا مواقع في سوريا')
        if cand.type in _FORCE_TYPES:
            inside = [ctx.tok_span_orig(sent, sp) for sp in cand.sources]

            def attackers_state(p) -> bool:
                return bool(p.place and p.place.feature_kind == "country" and any(a <= p.start and p.end <= b for a, b in inside))

            places = [p for p in places if not attackers_state(p)] or places
    if places:
        trig_a, _ = ctx.tok_span_orig(sent, cand.tok)
        cand_places = [e for e in places if e.type in _PLACE_TYPES]
        e = min(cand_places, key=lambda e: (0 if e.start >= trig_a else 1, abs(e.start - trig_a)))
        place = e.place
        near = next((r.place for r in references if r.start > e.start and r.place is not None), None)
        if place is None and near is not None:
            # 'في ولاية لوغار جنوب كابل' with Logar unknown to the gazetteer: somewhere near Kabul;
            # 'في داماتورو ... شمال شرقي نيجيريا': in Nigeria
            precise = near.precision in ("exact", "name_only")
            place = near.model_copy(update={"precision": "region", "geonames_id": None}) if precise else near
        return ActorRef(text=e.surface, start=e.start, end=e.end, canonical_id=e.canonical_id, name_en=e.name_en), place
    if ctx.lang != "ar":
        words = [t.text.lower() for t in sent.tokens]
        for k in range(cand.tok[1], len(words)):
            if words[k] in ("in", "near", "at") and k + 1 < len(words) and sent.tokens[k + 1].text[:1].isalpha():
                orig = ctx.text[ctx.orig_span(sent.tokens[k + 1].start, sent.tokens[k + 1].end)[0]]
                if orig.isupper():
                    np = english._np_fwd(words, k + 1, 4)
                    if np:
                        return ctx.actor_ref(sent, np), None
        return None, None
    toks = sent.tokens
    s = arabic._sets()
    for k in list(range(a_tok, len(toks))) + list(range(0, a_tok)):
        w = toks[k].text
        nw = arabic._no_conj(w)
        if nw in ("في", "من") and k + 1 < len(toks):
            nps = arabic.np_forward(sent, k + 1, set(), max_len=4)
            if nps and arabic.place_like(sent, nps[0]) and not _unnamed_place(sent, nps[0]):
                return ctx.actor_ref(sent, nps[0]), _national_place(sent, nps[0])
        if (nw.startswith("ب") and nw[1:] in s["place"]) or (nw.startswith("بال") and nw[1:] in s["place"]):
            nps = arabic.np_forward(sent, k, set(), max_len=4)
            if nps and not _unnamed_place(sent, nps[0]):
                return ctx.actor_ref(sent, nps[0]), _national_place(sent, nps[0])
    return None, None


def _national_place(sent: Sentence, span: tuple[int, int]) -> Place | None:
    """'في بلدة تركية', 'ببلدة سورية': a place named by its country only is in that country, so a
    report of it does not join an event across the border."""
    from marsad.streams.pipeline.entities.geocode import national_place

    return national_place([t.text for t in sent.tokens[span[0]:span[1]]], arabic._sets()["place"])


def _unnamed_place(sent: Sentence, span: tuple[int, int]) -> bool:
    """'في المنطقة', 'بالمدينة', 'في الموقع': a site noun alone (cues_ar.json ``site_nouns``) names
    no place; the narrative's running place (or none) is the event's. A facility alone ('في
    السوق') still says where. Nor does a place head with an ordinal or an indefinite adjective
    (``ordinals``, ``indefinite_adjectives``: 'فوزه بولاية خامسة' is a fifth term, 'بولاية جديدة' a new one)."""
    a, b = span
    if b - a == 2 and arabic._no_conj(sent.tokens[a + 1].text) in arabic._sets()["not_a_name"]:
        return True
    return b - a == 1 and arabic.bare(sent.tokens[a].text) in arabic._sets()["site"]


def _name_tokens(ctx: _Ctx, sent: Sentence, names: list) -> dict[int, str]:
    """Type of the named entity (among ``names``, the sentence's) each token of ``sent`` belongs
    to: the Arabic classifier reads a name as its type, not as the word."""
    out: dict[int, str] = {}
    if not names:
        return out
    for i, tok in enumerate(sent.tokens):
        a, b = ctx.orig_span(tok.start, tok.end)
        hit = next((e for e in names if e.start < b and e.end > a), None)
        if hit is not None:
            out[i] = hit.type
    return out


def analyse(doc: Doc) -> tuple[_Ctx, list[dict]]:
    """First pass: per sentence its time expressions, (ungated) candidates and quantities."""
    lang = _language(doc)
    ctx = _Ctx(doc, lang)
    out: list[dict] = []
    running: tuple[int, TimeRef] | None = None  # latest day-level time expression (sentence index)
    english_sents: list[tuple[Sentence, list[Candidate]]] = []  # English sentences with candidates
    for idx, sent in enumerate(_sentences(ctx)):
        if not sent.tokens:
            continue
        times = resolve_times(sent.text, ctx.pub, lang)
        if lang == "ar":
            ent_actor = _entity_probe(ctx, sent, _ACTOR_TYPES)
            ent_place = _entity_probe(ctx, sent, _PLACE_TYPES)
            cands = arabic.extract(sent, ent_actor, ent_place)
        else:
            ent_actor = None
            toks = sent.tokens
            cands = english.extract(sent, lambda j, toks=toks: ctx.text[ctx.orig_span(toks[j].start, toks[j].end)[0]].isupper())
            cands = [c for c in cands if not _released_thing(ctx, sent, c)]
            for c in cands:
                _premodifier_source(ctx, sent, c)
            if cands:
                english_sents.append((sent, cands))
        cands = [c for c in cands if not _inside_a_name(ctx, sent, c)] if not _tag_line(lang, sent) else []
        for c in cands:  # a party's own quoted words about what happened: a claim
            if c.status in ("occurred", "ongoing") and ctx.speech and _in_speech(ctx, sent, c):
                c.status = "claimed"
        qtys = parse_quantities(sent.tokens, lang, lambda a, b: ctx.text[slice(*ctx.orig_span(a, b))]) if cands else []
        rec = {"sent": sent, "times": times, "cands": cands, "qtys": qtys}
        if cands and ctx.entities:
            in_sent = ctx.entities_in(*ctx.orig_span(sent.start, sent.end))
            rec["entity_types"] = {e.type for e in in_sent}
            if lang == "ar":
                rec["name_tokens"] = _name_tokens(ctx, sent, [e for e in in_sent if e.type in _NAME_TYPES])
        if lang == "ar" and cands:
            day_level = running is not None and idx - running[0] <= 4
            rec["strong"] = [_strong(ctx, sent, c, times, ent_actor, day_level) for c in cands]
        day = [t for t in times if t[2].precision in ("day", "part_of_day") and t[2].text]
        if day:
            running = (idx, day[-1][2])
        out.append(rec)
    if english_sents:
        _english_syntax(ctx, english_sents)
        for rec in out:
            rec["cands"] = [c for c in rec["cands"] if _keeps_party_sources(ctx, rec["sent"], c)]
    return ctx, out


def _tag_line(lang: str, sent: Sentence) -> bool:
    """'سمات تنومة رجل أمن عسير قتل هيئة': a site's list of tags, words with no punctuation
    between them after an opener (``tag_line_openers``), is no sentence and reports nothing."""
    toks = sent.tokens
    return (lang == "ar" and len(toks) > 2 and toks[0].text in cues("ar")["tag_line_openers"]
            and not any(arabic._is_punct(t) for t in toks[1:-1]))


def _inside_a_name(ctx: _Ctx, sent: Sentence, cand: Candidate) -> bool:
    """The trigger is a word of a linked name ('Free Syrian Army', 'علي بن أبي طالب', 'Rally's
    Hamburgers'): no event. Not in a Title Case headline, where the tagger takes runs of
    capitalised words for names ('Court Convicts Friend of Boston Bombing Suspect')."""
    a, b = ctx.tok_span_orig(sent, cand.tok)
    if not any(e.start <= a and b <= e.end and (e.start, e.end) != (a, b) for e in ctx.entities_in(a, b, _NAME_TYPES)):
        return False
    words = [w for w in ctx.text[slice(*ctx.orig_span(sent.start, sent.end))].split() if w[:1].isalpha()]
    return not (len(words) > 2 and sum(w[0].isupper() for w in words) >= 0.7 * len(words))


_EN_PRONOUNS = frozenset("he she they we i you it us them who".split())
#: Words that open a noun phrase naming a thing ('this information', 'One question').
_EN_DETERMINERS = frozenset("the a an this that one its their his her".split())


def _names_a_party(ctx: _Ctx, sent: Sentence, span: tuple[int, int]) -> bool:
    """A linked actor or place, a capitalised word (a name: not a sentence's first determiner), a person,
    institution, nationality or other party noun (``party_nouns``), an agent noun (-ers, -ists,
    -ants) or a pronoun."""
    if ctx.entities_in(*ctx.tok_span_orig(sent, span), _PARTY_TYPES):
        return True
    s = english._sets()
    toks = sent.tokens
    for k in range(*span):
        w = toks[k].text.lower()
        if (w in s["person_nouns"] or w in s["institution_nouns"] or w in s["party_nouns"] or w in s["nationalities"] or w in _EN_PRONOUNS
                or (len(w) > 5 and w.endswith(("ers", "ors", "ists", "ians", "ants", "ees")))):
            return True
        if (k > 0 or w not in _EN_DETERMINERS) and ctx.text[ctx.orig_span(toks[k].start, toks[k].end)[0]].isupper():
            return True
    return False


def _keeps_party_sources(ctx: _Ctx, sent: Sentence, cand: Candidate) -> bool:
    """Keeps the English sources that name a party; others go ('fierce' fighting, 'has taken
    several tentative' steps). False, the candidate going too, where a noun phrase naming a thing
    and no event or weapon was all the source there was ('this information provides new details',
    'One question asks'): the word is used of the thing."""
    if cand.passive or not cand.sources:
        return True
    things = [sp for sp in cand.sources if not _names_a_party(ctx, sent, sp)]
    if not things:
        return True
    cand.sources = [sp for sp in cand.sources if sp not in things]
    words = [[t.text.lower() for t in sent.tokens[a:b]] for a, b in things]
    # 'The explosion targeted a bakery', 'the bomb killed three': an event or a weapon acts
    return not (not cand.sources and any(w[0] in _EN_DETERMINERS for w in words)
                and not any(english.find_triggers(w) or weapon_words("en").intersection(w) for w in words))


def _released_thing(ctx: _Ctx, sent: Sentence, cand: Candidate) -> bool:
    """PLOVER's release (RETREAT) frees people: what was released must name some (a person noun,
    a pronoun or a linked person), not a product, a report or data ('Apple released a new
    MacBook', 'figures released on Thursday', 'the release of the Dreamliner')."""
    toks = sent.tokens
    if cand.type != "RETREAT" or en_stem(toks[cand.tok[0]].text) not in english.stem_set("release_triggers"):
        return False
    people = english._sets()["person_nouns"] | {"him", "her", "them"}
    for a, b in cand.targets:
        if any(t.text.lower() in people for t in toks[a:b]) or ctx.entities_in(*ctx.tok_span_orig(sent, (a, b)), {"person"}):
            return False
    return True


def _premodifier_source(ctx: _Ctx, sent: Sentence, cand: Candidate) -> None:
    """'IS attacks', 'the IRA's attacks', '"Islamic State" raids': a linked actor right before
    an English trigger (a possessive or a noun modifier) is who acted, unless the source found
    already names an actor."""
    a = cand.tok[0]
    toks = sent.tokens
    if not ctx.entities or any(ctx.entities_in(*ctx.tok_span_orig(sent, s), _ACTOR_TYPES) for s in cand.sources):
        return
    k = a - 1
    while k >= 0 and toks[k].text in ("'s", "'", '"', "’s", "’"):
        k -= 1
    if k < 0:
        return
    start, end = ctx.tok_span_orig(sent, (k, k + 1))
    ents = [e for e in ctx.entities_in(start, end, _ACTOR_TYPES) if e.end <= ctx.tok_span_orig(sent, (a, a + 1))[0]]
    if ents:
        cand.sources = [_tokens_in(ctx, sent, ents[0].start, ents[0].end)]
        cand.agentless = False


#: Words that end the clause an English trigger's target is looked for in.
_EN_CLAUSE_END = frozenset({".", ";", "after", "because", "following", "while", "when", "since", "before", "who", "whom", "which"})
_PARTY_TYPES = _ACTOR_TYPES | {"location"}
#: Event types whose place is where they happened, never whom they were against.
_VIOLENT = frozenset({"ASSAULT", "COERCE"})


def _party_target(ctx: _Ctx, sent: Sentence, cand: Candidate) -> None:
    """PLOVER codes a target as a party (a group, person, organisation or state), not the thing
    acted on: where the object after an English trigger names none ('halted economic aid to
    Serbia', 'suspended aid deliveries in Baghdad', 'rejected calls by Kofi Annan'), the first
    linked actor or place further in the same clause is the target, or a state named by its
    nationality ('rejected an Indian proposal').

    An attack's object is kept when its head names people ('23 people', 'two British
    soldiers'), and otherwise gives way only to the linked actor it belongs to ('shelled
    positions of the Palestinian security forces'): what was hit (a bakery, a patrol) is a
    target too, and an attack's place is its location, not its target, as is where a retreat
    went ('fled to Jordan'). The clause ends at a comma before a reporting verb (', police
    said') and at 'by' right after the trigger (the agent); a speaker ('X said') and the source
    are never the target."""
    if not ctx.entities or any(ctx.entities_in(*ctx.tok_span_orig(sent, t), _PARTY_TYPES) for t in cand.targets):
        return
    toks = sent.tokens
    en = english._sets()  # the cue lists as sets, loaded once
    reporting = en["reporting"]
    party_heads = en["person_nouns"] | en["institution_nouns"]
    if any(toks[t[1] - 1].text.lower() in party_heads or any(toks[k].text.isdigit() for k in range(*t)) for t in cand.targets):
        return  # the head names people or an institution ('23 people', 'the deputy chief', 'the government'; not 'all official contact')
    violent = cand.type in _VIOLENT
    nationalities = frozenset() if violent else en["nationalities"]
    start, stop = cand.tok[1], len(toks)
    if violent and cand.targets:
        start, stop = cand.targets[0][0], min(stop, cand.targets[-1][1] + 3)
    if start >= stop:
        return
    sources = [ctx.tok_span_orig(sent, s) for s in cand.sources]
    parties = [e for e in ctx.entities_in(*ctx.tok_span_orig(sent, (start, stop)), _ACTOR_TYPES if violent else _PARTY_TYPES)
               if not any(e.start < sb and e.end > sa for sa, sb in sources)]
    if not parties and not any(t.text.lower() in nationalities for t in toks[start:stop]):
        return
    for k in range(start, stop):
        word = toks[k].text.lower()
        if word in _EN_CLAUSE_END or (word == "," and any(t.text.lower() in reporting for t in toks[k + 1:k + 5])):
            return
        if word == "by" and k == cand.tok[1]:
            return  # 'killed by X': the agent ('calls by Kofi Annan' names whom a rejection targets)
        a, b = ctx.tok_span_orig(sent, (k, k + 1))
        ents = [e for e in parties if e.start < b and e.end > a]
        if ents and cand.type == "RETREAT" and en["destination_preps"].intersection(t.text.lower() for t in toks[max(start, k - 2):k]):
            continue  # 'fled to Jordan': where to
        if ents:
            span = _tokens_in(ctx, sent, ents[0].start, ents[0].end)
            if any(t.text.lower() in reporting for t in toks[span[1]:span[1] + 3]):
                continue  # 'X said': the speaker
            cand.targets = [span]
            return
        if word in nationalities and ctx.text[a].isupper() and not any(a < sb and b > sa for sa, sb in sources):
            cand.targets = [(k, k + 1)]  # 'an Indian proposal', 'Israeli air raids': the state
            return


def _english_syntax(ctx: _Ctx, sentences: list[tuple[Sentence, list[Candidate]]]) -> None:
    """What the dependency parse (:mod:`.syntax`, one batch per document) settles, then the
    parties: events embedded below their sentence's main event lose confidence; a trigger with
    no source, or one that is not a noun phrase, takes the acting subject from the parse
    (:func:`.syntax.acting_subject`: 'X staged a hunger strike'); then each target is made a
    party (:func:`_party_target`). Only sentences with several event types or such a source are
    parsed."""
    from .syntax import DEPTH_PENALTY, NO_ACTOR, trigger_syntax

    parse = [(sent, cands, len({c.type for c in cands}) > 1) for sent, cands in sentences]
    # a subject is to the left of its trigger: none for a trigger among the first two words
    parse = [p for p in parse if p[2] or any(c.tok[0] >= 2 and _needs_subject(p[0], c) for c in p[1])]
    texts, spans = [], []
    for sent, cands, rank in parse:
        sa, sb = ctx.orig_span(sent.start, sent.end)
        spans.append([tuple(x - sa for x in ctx.tok_span_orig(sent, c.tok)) for c in cands])
        if not rank:  # a subject is to the left: parse up to the last trigger
            sb = sa + max(end for _, end in spans[-1])
        texts.append(ctx.text[sa:sb])
    for (sent, cands, rank), row in zip(parse, trigger_syntax(texts, spans) if parse else []):
        top = min(depth for depth, _ in row)
        sa = ctx.orig_span(sent.start, sent.end)[0]
        for c, (depth, subject) in zip(cands, row):
            if rank:
                c.confidence = round(max(0.05, c.confidence - DEPTH_PENALTY * (depth - top)), 3)
            if not _needs_subject(sent, c):
                continue
            if subject is None:
                _clause_source(sent, c)
            elif subject == NO_ACTOR:
                c.sources = []  # 'The UN condemned the attack': not who attacked
            elif tokens := _tokens_in(ctx, sent, sa + subject[0], sa + subject[1]):
                c.sources = [tokens]
    for sent, cands in sentences:
        for c in cands:
            _party_target(ctx, sent, c)


#: Words that show a backward English subject span ran into a verb phrase or a preposition
#: ('staged a 24-hour', 'country were converging Thursday for a', 'killing or').
_NOT_IN_A_SUBJECT = frozenset("a an the its their his her has have had was were is are been be or and for in of at by to with from".split())


def _needs_subject(sent: Sentence, cand: Candidate) -> bool:
    """Not a passive (whose subject is the victim), and no source or one that is not a noun
    phrase ('United Nations condemned the' [attack]: a linked actor inside does not make it one;
    a headline's 'SDF launches final' [assault]: a support verb inside)."""
    if cand.passive:
        return False
    if not cand.sources:
        return True
    words = [t.text.lower() for a, b in cand.sources for t in sent.tokens[a:b]]
    support = english.stem_set("support_verbs")
    return (any(w in _NOT_IN_A_SUBJECT for w in words[1:]) or words[-1].endswith("ing")
            or any(en_stem(w) in support for w in words[1:]))  # 'SDF launches final' [assault]


_AUXILIARIES = frozenset("is are was were has have had been be being".split())


def _clause_source(sent: Sentence, cand: Candidate) -> None:
    """A word-window source that runs through an auxiliary is the end of a clause, not an actor
    ('shop window was damaged by the' [blast]): it goes, unless the clause names the culprit
    ('34 people are involved in the' [attempt], 'those responsible are behind the'), whose
    subject is then the source."""
    words = [t.text.lower() for t in sent.tokens]
    for a, b in cand.sources:
        aux = next((k for k in range(a, b) if words[k] in _AUXILIARIES), None)
        if aux is None:
            continue
        rest = " ".join(words[aux + 1:b])
        culprit = any(rest.startswith(cue) for cue in english._sets()["culprit_cues"])
        cand.sources = [(a, aux)] if culprit and aux > a else []
        return


def _tokens_in(ctx: _Ctx, sent: Sentence, start: int, end: int) -> tuple[int, int] | None:
    """Sentence-local token span covering original characters ``start:end`` (None when no token
    of the sentence overlaps them)."""
    spans = (ctx.tok_span_orig(sent, (k, k + 1)) for k in range(len(sent.tokens)))
    inside = [k for k, (a, b) in enumerate(spans) if a < end and b > start]
    return (inside[0], inside[-1] + 1) if inside else None


def _strong(ctx: _Ctx, sent: Sentence, c: Candidate, times, ent_actor, running_day: bool = False) -> bool:
    """A strong attack report: a heavy verbal trigger or a nominal one with its support
    verb, an actor (actor-head noun phrase or linked entity) and a concrete time or place. Such
    candidates are kept whatever the sentence classifier says (it only modulates confidence)."""
    if c.type != "ASSAULT" or c.status not in ("occurred", "ongoing"):
        return False
    verbal = c.trigger.pos == "V" or c.light_verb or c.verbal
    if c.trigger.weight < 0.7 or not verbal:
        return False
    spans = c.sources + c.targets
    if ent_actor is not None:  # entities present: a named actor (linked entity) is required
        if not any(ent_actor(sp) for sp in spans):
            return False
    elif not any(arabic.actor_like(sent, sp) for sp in spans):
        return False
    concrete_time = running_day or any(t[2].precision in ("day", "part_of_day") and t[2].text for t in times)
    if concrete_time:
        return True
    return _location(ctx, sent, c)[0] is not None


def extract_events(doc: Doc) -> list[EventMention]:
    ctx, recs = analyse(doc)
    lang = ctx.lang
    if lang == "ar":
        _gate_document(ctx, recs)
    mentions: list[EventMention] = []
    figures: dict[int, list[tuple[int, int, Quantity]]] = {}  # per sentence, where each figure is
    for idx, rec in enumerate(recs):
        ctx.sent_index = idx
        sent, times, cands, qtys = rec["sent"], rec["times"], rec["cands"], rec["qtys"]
        if _opens_new_topic(lang, sent):
            ctx.new_topic()
        if cands and _polar_question(lang, sent):
            cands = []
        if cands:
            first_trig = min(c.tok[0] for c in cands)
            attr, inherit = _attribution(ctx, sent, first_trig)
            if inherit:
                attr = list(ctx.last_attr)
            ev_start, ev_end = ctx.orig_span(sent.start, sent.end)
            evidence = Span(start=ev_start, end=ev_end, text=ctx.text[ev_start:ev_end])
            figures[ev_start] = [(*ctx.tok_span_orig(sent, (a, b)), q) for a, b, q in qtys]
            for cand in cands:
                mention = _mention(ctx, sent, cand, times, qtys, attr, evidence)
                if not _bare_mention(lang, cand, mention):
                    mentions.append(mention)
            ctx.last_attr = attr or ctx.last_attr
        if times:
            t = ([x for x in times if _specific(x[2])] or times)[-1][2]
            if t.precision in ("day", "part_of_day", "week") or ((ctx.pub - t.end).days <= 31 and _specific(t)):
                ctx.last_time = t
    return merge_groups(nearest_figures(group_sentence_mentions(mentions), figures))


_QUOTES = frozenset('«»"“”\'')


def _opens_new_topic(lang: str, sent: Sentence) -> bool:
    """The sentence opens with a phrase of another topic (cues ``topic_shift``)."""
    words = [t.text.lower() for t in sent.tokens if t.text not in _QUOTES and t.text not in "-–—"]
    if words and lang == "ar" and words[0].startswith("و"):
        words[0] = words[0][1:]
    return any(words[:len(p)] == p for p in _topic_shifts(lang))


@lru_cache(maxsize=2)
def _topic_shifts(lang: str) -> tuple[list[str], ...]:
    return tuple(p.split() for p in cues(lang)["topic_shift"])


def _polar_question(lang: str, sent: Sentence) -> bool:
    """'هل توافق على الاتفاق؟', 'ألم ترفض طلبه؟', 'Did the army attack the town?': a yes/no
    question asserts no event (a wh-question, 'لماذا رفضت دمشق ...؟', presupposes its event)."""
    words = [t.text for t in sent.tokens if t.text not in _QUOTES]
    return len(words) > 2 and words[-1] in ("?", "؟") and words[0] in cues(lang)["polar_question_openers"]


def _gate_document(ctx: _Ctx, recs: list[dict]) -> None:
    """Arabic ASSAULT/PROTEST candidates: one batched classifier call per document. Strong
    candidates (see :func:`_strong`) are kept and only their confidence is modulated; weak
    lexicon hits must clear the cross-validated threshold. Announced ones (THREATEN) and other
    types pass as they are."""
    from . import classifier

    if not classifier.available():
        return
    items, where = [], []
    for r, rec in enumerate(recs):
        for typ in classifier.TYPES:
            if any(c.type == typ and c.status != "announced" for c in rec["cands"]):
                items.append((rec, typ))
                where.append((r, typ))
    if not items:
        return
    probs = classifier.predict([classifier.features(rec, typ) for rec, typ in items], [typ for _, typ in items])
    score = {w: p for w, p in zip(where, probs)}
    for r, rec in enumerate(recs):
        keep = []
        for c, strong in zip(rec["cands"], rec.get("strong", [False] * len(rec["cands"]))):
            p = score.get((r, c.type)) if c.status != "announced" else None
            if p is not None:
                if not strong and p < classifier.threshold(c.type):
                    continue
                c.confidence = round(min(0.97, 0.5 * c.confidence + 0.5 * p), 3)
            keep.append(c)
        rec["cands"] = keep


def _entity_probe(ctx: _Ctx, sent: Sentence | None, types: set[str]):
    if not ctx.entities or sent is None:
        return None

    def probe(span: tuple[int, int]) -> bool:
        a, b = ctx.tok_span_orig(sent, span)
        return bool(ctx.entities_in(a, b, types))

    return probe


#: Longest time span (days) that dates one event: a longer one ('منذ بداية الصراع في مارس 2011',
#: 'خلال الأشهر الستة الماضية', 'عام 2011') is the period of a running total or of background.
EVENT_SPAN_DAYS = 31


def _specific(t: TimeRef) -> bool:
    return (t.end - t.start).days <= EVENT_SPAN_DAYS


def _nearest_time(cand: Candidate, sent: Sentence, times) -> TimeRef | None:
    """The sentence's time expression nearest the trigger, a specific one (a day, a week, a
    month) before a long period: in 'أعنف المعارك منذ بدء القتال في 2012' the period only ranks
    the fighting of early July named before it."""
    if not times:
        return None
    times = [t for t in times if _specific(t[2])] or times
    trig_char = sent.tokens[cand.tok[0]].start - sent.start
    return min(times, key=lambda t: abs(t[0] - trig_char))[2]


#: Tokens after the trigger searched for the weapon ('هجوم بالقذائف', 'attack with mortars').
_WEAPON_WINDOW = 4


def _weapon_forms(lang: str, toks: list[Token], positions) -> set[str]:
    """The forms of the tokens at ``positions`` that the ``weapon_modes`` cue lists hold: Arabic
    words as written and without clitics, English ones lower-cased."""
    if lang == "ar":
        return {w for k in positions for w in (toks[k].text, arabic.bare(toks[k].text))}
    return {toks[k].text.lower() for k in positions}


def _weapon_mode(lang: str, sent: Sentence, cand: Candidate) -> str | None:
    """Mode of an attack named by its attacker or the weapon right after the trigger: 'شنت طائرات
    التحالف هجوماً' and 'aircraft struck' are air strikes, not armed clashes; the caller takes it
    where the trigger names no mode or a broader one ('انتحاري يفجر نفسه' is a suicide bombing)."""
    toks = sent.tokens
    positions = [k for a, b in cand.sources for k in range(a, b)]
    positions += range(cand.tok[1], min(len(toks), cand.tok[1] + _WEAPON_WINDOW))
    words = _weapon_forms(lang, toks, positions)
    return next((mode for mode, cues_ in weapon_modes("ar" if lang == "ar" else "en") if words & cues_), None)


def _delivered_by(lang: str, sent: Sentence, cand: Candidate, mode: str) -> bool:
    """The word right after the trigger ('القصف الجوي') or each source phrase ('طائرات التحالف')
    names ``mode``: a bombardment by aircraft and ground forces together ('قصف من طائرات التحالف
    وقوات قسد') stays a shelling."""
    words = dict(weapon_modes("ar" if lang == "ar" else "en")).get(mode, frozenset())
    toks = sent.tokens

    def names(a: int, b: int) -> bool:
        return bool(_weapon_forms(lang, toks, range(a, b)) & words)

    after = cand.tok[1]
    return (after < len(toks) and names(after, after + 1)) or (bool(cand.sources) and all(names(a, b) for a, b in cand.sources))


def _bare_mention(lang: str, cand: Candidate, mention: EventMention) -> bool:
    """An Arabic noun alone ('بعد عام من المفاوضات', 'زيارة الفترة الثانية من الحمل', 'الهروب')
    with no support verb and nobody found on either side, even from the discourse: in general
    news such a noun names a topic, not an event an analyst could code. One somebody claims,
    alleges or denies is kept: its attribution says who speaks of it ('نستمر في الضغط ... لحصرهم').
    The types the sentence classifier gates are left to it (an announced attack, reported as
    THREATEN, included). In English, where the extractor tells no noun from verb, a statement,
    meeting or agreement word with nobody on either side ('the rejection', 'a host of features',
    'the necessary support') is one too; material acts (an attack, an arrest, a protest) are
    kept: that they happened is news. So is one that counts the people it concerns ('عمليات إجلاء
    طوعية وإجبارية لنحو 13 ألف شخص')."""
    if mention.source_actors or mention.target_actors or mention.status not in ("occurred", "ongoing"):
        return False
    if any(q.kind != "other" for q in mention.quantities):
        return False
    if lang == "ar":
        return cand.type not in _GATED_TYPES and cand.trigger.pos != "V" and not cand.verbal and not cand.light_verb
    return cand.type not in _MATERIAL_TYPES


#: PLOVER types of material acts, reported in English even when their actors are not named.
_MATERIAL_TYPES = frozenset({"ASSAULT", "COERCE", "PROTEST", "RETREAT", "MOBILIZE"})


def _mention(ctx: _Ctx, sent: Sentence, cand: Candidate, times, qtys, attr, evidence: Span) -> EventMention:
    typ, mode, status = cand.type, cand.mode, cand.status
    if cand.present_tense and sent.headline:
        status = "occurred"  # a headline's historical present (the gate read it as the verb's tense)
    context: list[str] = []
    if typ == "ASSAULT" and status == "announced":
        typ, mode = "THREATEN", "violence"
    if status == "announced":
        context.append("future")
    if typ == "AID" and cand.trigger.pattern.startswith("اجل"):
        context.append("humanitarian")
    sources, targets = _distinct_roles(ctx, [ctx.actor_ref(sent, sp) for sp in cand.sources],
                                       [ctx.actor_ref(sent, sp) for sp in cand.targets])
    if attr and sources and all(_members_by_pronoun(ctx.lang, r.text) for r in sources):
        # 'قال المكتب الإعلامي لمقاومة آزال … إن «عناصرها هاجمت': the speaker's organisation
        sources = _attr_actor(ctx, attr) or sources
    if not sources and cand.speaker_subject:
        sources = _speaking_body(ctx, attr) or _attr_actor(ctx, attr)  # 'أعلن الجيش أنه قصف قرية': the army
    if not sources and (cand.pronoun_source or cand.agentless):
        # 'إن 11 شخصا قتلوا': the victims are no agent; nor is whom this event hits, named before
        own = _names(targets)
        sources = [r for r in _discourse_source(ctx, cand, typ) if not _names([r]) & own]
    if not sources and (status == "announced" or (cand.agentless and cand.type in ("AID", "RETREAT"))):
        # 'قال قيادي في قسد إن ...ستبدأ هجوماً', 'وقال إنه جرى إجلاء': the speaker's organisation
        sources = _attr_actor(ctx, attr)
    if not targets and sources and typ == "ASSAULT":
        targets = _campaign_target(ctx, sources)
    if typ == "RETREAT" and sources and not any(r.canonical_id for r in sources):
        sources = _fleeing_party(ctx, sources)
    # time: in-sentence expression nearest the trigger, else the running reference, else published
    tref = _nearest_time(cand, sent, times) or ctx.last_time
    if tref is None:
        tref = TimeRef(start=ctx.pub, end=ctx.pub, precision="day", text=None)
    loc, place = _location(ctx, sent, cand)
    if loc is None and ctx.last_place is not None and ctx.sent_index - ctx.last_place[0] <= 2 and typ in ("ASSAULT", "RETREAT", "COERCE"):
        loc, place = ctx.last_place[1], ctx.last_place[2]  # the running place of the narrative
    elif loc is not None and loc.canonical_id:
        ctx.last_place = (ctx.sent_index, loc, place)
    kinds = _EVENT_QTY.get(typ, set())  # an announced attack (THREATEN) has no toll yet
    quantities = [q for _, _, q in qtys if q.kind in kinds]
    if typ == "ASSAULT":
        named = _weapon_mode(ctx.lang, sent, cand)
        delivered_by = cues(ctx.lang)["modes_delivered_by"].get(mode or "", ())
        by_air = named in delivered_by and _delivered_by(ctx.lang, sent, cand, named)
        if mode is None or mode_refinements().get(named or "") == mode or by_air:
            mode = named or mode  # 'انتحاري يفجر نفسه': a suicide bombing; 'قصفت طائرات': an air strike
    ta, tb = ctx.tok_span_orig(sent, cand.tok)
    ac_event, ac_sub = acled_for(typ, mode)
    if status == "announced" or typ == "THREATEN":
        ac_event, ac_sub = "Strategic developments", "Other"
    if cand.status in ("claimed", "alleged", "denied"):
        conf_penalty = 0.1
    else:
        conf_penalty = 0.0
    m = EventMention(
        type=typ,
        mode=mode,
        context=context,
        acled_event_type=ac_event,
        acled_sub_event_type=ac_sub,
        status=status,
        source_actors=sources,
        target_actors=targets,
        location=loc,
        place=place,
        time=tref,
        quantities=quantities,
        attribution=attr,
        evidence=evidence,
        trigger=Span(start=ta, end=tb, text=ctx.text[ta:tb]),
        confidence=max(0.05, round(cand.confidence - conf_penalty, 3)),
    )
    if cand.sources:  # named in this sentence, not inherited: junk must not travel down the article
        earlier = ctx.sources_by_type.get(cand.type)
        if earlier is not None and earlier[0] == ctx.sent_index and _names(earlier[1]) != _names(sources):
            sources = []  # two attacks by two sides in one sentence: a later passive could be either's
        ctx.sources_by_type[cand.type] = (ctx.sent_index, sources)
    ctx.events.append(m)
    return m


def _distinct_roles(ctx: _Ctx, sources: list[ActorRef], targets: list[ActorRef]) -> tuple[list[ActorRef], list[ActorRef]]:
    """No phrase is both parties. 'واتهم أبو مازن وزير الخارجية الأمريكي جون كيري': the accuser's
    phrase ran into Kerry's name, so it ends with the last name it holds before the target's
    phrase begins. 'زار الأمير فيصل بن خالد بن عبدالعزيز أمير منطقة عسير ... المصابين': the visited
    phrase starts inside the visitor's name, so it is no target (nor is a phrase read as both)."""
    kept: list[ActorRef] = []
    for t in targets:
        s = next((s for s in sources if s.start < t.end and t.start < s.end), None)
        if s is None:
            kept.append(t)
            continue
        names = [e for e in ctx.entities_in(s.start, t.start, _ACTOR_TYPES) if e.start >= s.start and e.end <= t.start]
        if names and t.start > s.start:
            name = names[-1]
            cut = ActorRef(text=ctx.text[s.start:name.end], start=s.start, end=name.end,
                           canonical_id=name.canonical_id, name_en=name.name_en)
            sources = [cut if r is s else r for r in sources]
            kept.append(t)
    return sources, kept


_ORG_TYPES = ("armed_group", "government", "organisation")
_PERSON_HEADS = {"قائد", "قيادي", "مسؤول", "المسؤول", "متحدث", "المتحدث", "ناطق", "الناطق", "نائب", "مصدر", "مصادر", "عضو", "رئيس", "وزير"}


def _members_by_pronoun(lang: str, text: str) -> bool:
    """'عناصرها', 'قواته': an organisation's members named by a pronoun alone."""
    words = fold(text).text.split()
    return lang == "ar" and len(words) == 1 and arabic._possessive_member(words[0])


def _attr_actor(ctx: _Ctx, attr: list[ActorRef]) -> list[ActorRef]:
    """The organisation behind an attribution ('المسؤول الإعلامي بقوات سورية الديمقراطية' ->
    the SDF): a linked armed group/government/organisation entity inside it (not a news outlet
    cited with نقلت/بحسب), else the part from its first actor-head noun on."""
    media = arabic._sets()["media"]
    for rank in _ORG_TYPES:
        for ref in attr:
            for e in ctx.entities_in(ref.start, ref.end, {rank}):
                if rank == "organisation" and ref.start == e.start and len(attr) > 1:
                    continue  # 'وكالة رويترز' cited before 'عن قيادي في ...'
                if arabic.bare(fold(e.surface).text.split()[0]) in media:
                    continue  # 'قالت المصادر لوكالة الأنباء الألمانية': the outlet reports, it is no party
                return [ActorRef(text=e.surface, start=e.start, end=e.end, canonical_id=e.canonical_id, name_en=e.name_en)]
    if ctx.lang != "ar":
        return []
    heads = arabic._sets()["actor"]
    for ref in attr:
        f = fold(ref.text)
        toks = tokenize(f.text)
        for k, t in enumerate(toks):
            w = t.text
            if w in _PERSON_HEADS or arabic._no_conj(w) in _PERSON_HEADS:
                continue
            cands = {w, arabic.bare(w), arabic._no_conj(w), w[1:] if w[:1] in "بل" else w}
            if cands & media:
                break  # 'قالت المصادر لوكالة الأنباء الألمانية': the outlet reports, it is no party
            if k > 0 and cands & heads:
                clitic = 1 if w[:1] in "بل" and w[1:] in heads and w not in heads else 0  # 'لمقاومة آزال'
                a = ref.start + f.origin[t.start + clitic]
                return [ActorRef(text=ctx.text[a:ref.end], start=a, end=ref.end)]
    return []


def _speaking_body(ctx: _Ctx, attr: list[ActorRef]) -> list[ActorRef]:
    """The speaker itself when it names a body, not a person ('ذكرت الشرطة العسكرية أنها
    اعتقلت'): the one that did what it reports."""
    words = fold(attr[0].text).text.split() if attr and ctx.lang == "ar" else []
    head = arabic._no_conj(words[0]) if words else ""
    if head in arabic._sets()["actor"] and head not in _PERSON_HEADS:
        return attr[:1]
    return []


@lru_cache(maxsize=1)
def _HEADS_FOLDED() -> frozenset[str]:
    return frozenset({arabic.bare(w) for w in arabic._sets()["actor"]} | set(arabic._sets()["actor"]))


def _campaign_target(ctx: _Ctx, sources: list[ActorRef]) -> list[ActorRef]:
    """An attack with its attacker but no target in the sentence ('تشهد قصفاً من طائرات التحالف')
    continues the campaign of the latest attack/threat by the same actor: its target."""
    keys = actor_keys(sources)
    for m in reversed(ctx.recent(8)):
        if m.type in ("ASSAULT", "THREATEN") and m.target_actors and m.source_actors:
            if keys & actor_keys(m.source_actors):
                named = [t for t in m.target_actors if t.canonical_id or actor_key(t) & _HEADS_FOLDED()]
                if named:
                    # (a count of the party's people were that attack's victims, not this one's)
                    return [t for t in named if not counted(t.text)]
    return []


_FIGHTER_HEADS = {"مقاتلين", "مقاتلون", "مقاتلي", "مقاتلو", "عناصر", "مسلحين", "مسلحون", "المقاتلين", "المقاتلون", "العناصر", "المسلحين", "المسلحون"}


def _fleeing_party(ctx: _Ctx, sources: list[ActorRef]) -> list[ActorRef]:
    """'هروب مقاتلين' right after an attack: unnamed fighters who flee are the attacked party;
    link them to the latest attack target's entity (the text stays as written)."""
    if ctx.lang != "ar":
        return sources
    out = []
    for r in sources:
        toks = [t.text for t in tokenize(fold(r.text).text)]
        if toks and toks[0] in _FIGHTER_HEADS and len(toks) <= 2:
            for m in reversed(ctx.recent(6)):
                linked = [t for t in m.target_actors if t.canonical_id] if m.type == "ASSAULT" else []
                if linked:
                    r = r.model_copy(update={"canonical_id": linked[0].canonical_id, "name_en": linked[0].name_en})
                    break
        out.append(r)
    return out


#: Sentences back that an agentless event ('جرى إجلاء') looks for the last source of its type.
AGENTLESS_REACH = 3


def _names(refs: list[ActorRef]) -> set[str]:
    return {r.canonical_id or r.text for r in refs}


#: Events whose parties may be the ones an attack with no named attacker continues.
_FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "THREATEN"})


def _discourse_source(ctx: _Ctx, cand: Candidate, typ: str) -> list[ActorRef]:
    """Missing subject: a pronoun (اشتبكوا، هربوا) takes the previous event's target (else source),
    but the pronoun of a transitive attack or a support verb ('وشنت غارة', 'كما قصفت') carries on
    the previous attacker (else target); an agentless passive (جرى إجلاء) the last source of the
    same event type."""
    last = ctx.recent(1)
    if cand.pronoun_source and last:
        prev = last[0]
        # a counted group ('قتل شخصين وأصاب سبعة آخرين') is the last event's victims, no agent of the next
        targets = [t for t in prev.target_actors if not counted(t.text)]
        if cand.type == "ASSAULT" and prev.type == "ASSAULT" and (cand.light_verb or cand.trigger.frame == "trans" or (cand.verbal and cand.trigger.frame == "attack")):
            return list(prev.source_actors or targets)
        if cand.type == "ASSAULT" and prev.type not in _FORCE_TYPES:
            return []  # 'انسحاب القوات الأجنبية ... ونفذت الضربة الجوية': who withdraws does not strike
        if cand.type == "PROTEST" and prev.type == "PROTEST":
            return list(prev.source_actors)  # what a protest was against ('الحرب') is no protester of the next
        return list(targets or prev.source_actors)
    if cand.agentless and cand.type in ctx.sources_by_type:
        sent_index, sources = ctx.sources_by_type[cand.type]
        if ctx.sent_index - sent_index <= AGENTLESS_REACH:
            return list(sources)
    return []


class EventStage:
    """``events.v1``: adds :class:`EventMention` records to the document."""

    name = "events.v1"

    def __call__(self, doc: Doc) -> Doc:
        mentions = extract_events(doc)
        return doc.evolve(events=tuple(mentions), stages=doc.stages + (self.name,))
