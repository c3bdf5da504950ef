"""Arabic trigger detection and argument rules.

Triggers are folded stems (``triggers_ar.tsv``) found with one Aho-Corasick pass over the folded
text; a hit counts when the characters before it in its token are an allowed proclitic/prefix
chain for its part of speech (و ف ب ل ك ال / و ف س ي ت ن ا) and the characters after it an allowed
suffix. Nominal triggers (هجوم، قصف، غارات، اشتباكات) are tied to their support verb (شنّ، نفّذ،
قام ب، تعرّض ل، شهد، جرى/تمّ) which carries tense and the subject; verbal triggers take their
subject from before the verb (SVO, after أنّ/إنّ or a clause boundary) or after it (VSO), and
their object, على/ضد/مع/بين ... و phrase or agent phrase (من قبل، برصاص، على يد) by frame.
"""

from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick

from .common import Candidate, Sentence
from .resources import Trigger, cues, month_words, quantities, timex, triggers_ar, weapon_modes, weapon_words
from .quantities import counting_nouns, dual_construct, kind_of, people_nouns
from .text import Token

_PUNCT_STOP = set("،,.;:!?؟()[]{}؛…-–—*")
_QUOTES = set("\"'«»“”‘’")
_OPENING_QUOTES = set("«“")


#: What follows a feminine noun's ta marbuta written as ت: a possessive pronoun ('زيارته' his
#: visit, 'استقالتها') or the dual ending ('غارتين' two air strikes, 'قذيفتي هاون').
_AFTER_OPEN_TA = frozenset({"ه", "ها", "هم", "هما", "هن", "ك", "كم", "نا", "ي", "ان", "ين"})


# what a stem of the automaton is: the trigger's own, the ت form of a noun in ه, or the imperfect of a verb in ا
_OWN, _OPEN_TA, _IMPERFECT = "own", "open_ta", "imperfect"


@lru_cache(maxsize=1)
def _automaton():
    """Trigger stems, each with its kind: the lexicon's own; the ت form of a one-word noun stem in
    ه (the ta marbuta before a suffix: 'زيارت' of 'زياره'), which only that suffix may follow; the
    imperfect of a verb that opens with a hamza ('عتقل' of 'اعتقل'), which only a person prefix may
    open."""
    table: dict[str, list[Trigger]] = {}
    open_ta: dict[str, list[Trigger]] = {}
    imperfect: dict[str, list[Trigger]] = {}
    imperfect_of = _sets()["imperfect_stems"]
    for t in triggers_ar():
        table.setdefault(t.pattern, []).append(t)
        if t.pos in "NX" and t.pattern.endswith("ه") and " " not in t.pattern and t.pattern not in _sets()["open_ta_homographs"]:
            open_ta.setdefault(t.pattern[:-1] + "ت", []).append(t)
        if t.pos == "V" and t.pattern in imperfect_of:
            imperfect.setdefault(imperfect_of[t.pattern], []).append(t)
    auto = ahocorasick.Automaton()
    for stem, trigs in table.items():
        auto.add_word(stem, (stem, tuple(trigs), _OWN))
    for kind, stems in ((_OPEN_TA, open_ta), (_IMPERFECT, imperfect)):
        for stem, trigs in stems.items():
            if stem not in table:
                auto.add_word(stem, (stem, tuple(trigs), kind))
    auto.make_automaton()
    return auto


def _by_first_word(phrases: list[str]) -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {}
    for phrase in phrases:
        words = phrase.split()
        out.setdefault(words[0], []).append(words)
    return out


@lru_cache(maxsize=1)
def _sets():
    from marsad.streams.pipeline.entities.geocode import demonyms_ar  # the one nationality list

    c = cues("ar")
    munitions = frozenset(w for mode, words in weapon_modes("ar") if mode in ("heavy-weapons", "explosives", "firearms") for w in words)
    return {
        "np": set(c["noun_prefixes"]),
        "vp": set(c["verb_prefixes"]),
        "imperfect_prefixes": {p for p in c["verb_prefixes"] if p.endswith(("ي", "ت", "ن"))},
        "imperfect_stems": c["imperfect_stems"],
        "ns": set(c["noun_suffixes"]),
        "vs": set(c["verb_suffixes"]),
        "light": c["light_verbs"],
        "continue": frozenset(c["continue_verbs"]),
        "event_subject_verbs": frozenset(c["event_subject_verbs"]),
        "light_nouns_of_ba": frozenset(c["light_nouns_of_ba"]),
        "far_light": frozenset(c["far_light_verbs"]),
        "participation": c["participation_verbs"],
        "crowd_control": frozenset(c["crowd_control"]),
        "purpose": frozenset(c["purpose_adverbials"]),
        "neg": set(c["negation"]),
        "foiling": set(c["foiling"]),
        "deny": set(c["denial"]),
        "future": set(c["future"]),
        "allege": [p.split() for p in c["allegation"]],
        "claim": [p.split() for p in c["claim"]],
        "ongoing": set(c["ongoing"]),
        "reporting": set(c["reporting"]),
        "according": [p.split() for p in c["according_to"]],
        "at_least": [p.split() for p in quantities("ar")["more_than"]],
        "actor": set(c["actor_heads"]),
        "place": set(c["place_heads"]),
        "group_name_heads": frozenset(c["group_name_heads"]),
        "site": frozenset(c["site_nouns"]),
        "not_a_name": frozenset(c["ordinals"]) | frozenset(c["indefinite_adjectives"]),
        "copy_received": frozenset(c["copy_received_verbs"]),
        "festive": frozenset(c["festive_words"]),
        "protest_context": tuple(c["protest_context_stems"]),
        "met_death_verbs": frozenset(c["met_death_verbs"]),
        "met_death_nouns": frozenset(c["met_death_nouns"]),
        "met_death_trigger": next((t for t in triggers_ar() if t.pattern == "لقي مصرعه"), None),
        "fire_verbs": frozenset(c["fire_verbs"]),
        "into_the_air": frozenset(c["into_the_air"]),
        "fire_trigger": next((t for t in triggers_ar() if t.pattern == "اطلق النار"), None),
        # an indefinite settlement noun in construct, with its clitics ('بمدينة', 'وقرية')
        "settlement_construct": frozenset(p + w for w in c["settlement_nouns"] if not w.startswith("ال") for p in ("", "و", "ب", "ل", "ف", "وب")),
        "stop": set(c["np_stop"]),
        "verb_like": set(c["verb_like"]),
        "agent": [p.split() for p in c["agent_preps"]],
        "target": set(c["target_preps"]),
        "targeting": {w for w in c["target_preps"] if len(w) > 3},  # verbs/participles, not على/ضد
        "including": set(c["including"]),
        "reflexive": set(c["reflexive"]),
        "devices": set(c["detonated_devices"]),
        "beside": set(c["beside"]),
        "protest_target": [p.split() for p in c["protest_target"]],
        "protest_institutions": [p.split() for p in c["protest_institutions"]],
        "protest_site_preps": [p.split() for p in c["protest_site_preps"]],
        "protest_building_heads": frozenset(c["protest_building_heads"]),
        "protest_slogans": frozenset(c["protest_slogans"]),
        "national": set(demonyms_ar()),
        "territorial": [p.split() for p in c["territorial_link"]],
        "hazards": _by_first_word(c["hazards"]),
        "rescuers": _by_first_word(c["rescuers"]),
        "honorifics": _by_first_word(c["early_islam_honorifics"]),
        "verbal_attack": set(c["verbal_attack"]),
        "members": set(c["possessive_members"]),
        "survived": set(c["survival_verbs"]),
        "dawn_next": set(c["dawn_next"]),
        "dawn_before": set(c["dawn_before"]),
        "vehicles": frozenset(c["vehicles"]),
        "violence": re.compile("|".join(c["violence_stems"])),
        "snatched": set(c["snatched_not_abducted"]),
        "homographs": set(c["homographs"]),
        "homograph_pairs": {tuple(p.split()) for p in c["homograph_pairs"]},
        "nisba_homographs": set(c["nisba_homographs"]),
        "definite_reference": set(c["definite_reference_types"]),
        "needs_ba": set(c["verbs_needing_ba"]),
        "construct_homographs": set(c["construct_homographs"]),
        "indefinite_adjectives": set(c["indefinite_adjectives"]),
        "open_ta_homographs": set(c["open_ta_homographs"]),
        "habitual": c["habitual"],
        "tour_sites": set(c["tour_sites"]),
        "anonymity": [p.split() for p in c["anonymity"]],
        "facility_heads": set(c["facility_heads"]),
        "media": set(c["media_heads"]),
        "sports": _by_first_word(c["sports_context"]),
        "attack_modifiers": frozenset(c["attack_noun_modifiers"]),
        "set_for_target": frozenset(c["set_for_target"]),
        "object_genitive": frozenset(c["object_genitive_nouns"]),
        "lam_governors": frozenset(c["lam_governors"]),
        "durations": frozenset(c["durations"]),
        "group_nouns": frozenset(c["group_nouns"]),
        "act_nouns": frozenset(c["act_nouns"]),
        "superlatives": frozenset(c["superlatives"]),
        "fired_by": frozenset(c["fired_by"]),
        "not_a_speaker": frozenset(c["not_a_speaker"]),
        "detained_things": frozenset(c["detained_things"]),
        "party_object_verbs": frozenset(c["party_object_verbs"]),
        "judicial_stems": frozenset(c["judicial_killing_stems"]),
        "sentence_before": frozenset(c["sentence_before"]),
        "sentence_after": frozenset(c["sentence_after"]),
        "court_words": frozenset(c["court_words"]),
        # what is fired or planted, whose construct genitive is its kind ('قذائف المورتر', 'صواريخ غراد')
        "munitions": munitions,
        "weapons": munitions | dict(weapon_modes("ar"))["aerial"],  # and what is dropped from the air ('بالبراميل')
    }


@lru_cache(maxsize=1 << 16)
def bare(word: str) -> str:
    """Token without the conjunction/preposition/article clitics."""
    for p in ("وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال"):
        if word.startswith(p) and len(word) - len(p) >= 2:
            return word[len(p):]
    if len(word) > 3 and word[0] in "وفبل":
        return word[1:]
    return word


def _no_conj(word: str) -> str:
    return word[1:] if len(word) > 2 and word[0] in "وف" else word


def find_triggers(folded: str, tokens: list[Token], base: int = 0) -> list[tuple[int, int, Trigger, str, str]]:
    """Trigger hits in ``folded`` as ``(first_token, last_token_excl, trigger, prefix, suffix)``;
    token offsets are ``base`` + offsets in ``folded``."""
    if not tokens:
        return []
    s = _sets()
    n_chars = len(folded)
    tok_at = [-1] * (n_chars + 1)
    for idx, t in enumerate(tokens):
        # a token may run past the sentence end when the splitter cut inside a word
        for k in range(max(0, t.start - base), min(t.end - base, n_chars)):
            tok_at[k] = idx
    best: dict[int, tuple[int, int, Trigger, str, str]] = {}
    for end_char, (stem, trigs, kind) in _automaton().iter(folded):
        start = end_char - len(stem) + 1
        a, b = tok_at[start], tok_at[end_char]
        if a < 0 or b < 0:
            continue
        w = tokens[a].text
        if (w in s["homographs"] or _no_conj(w) in s["homographs"] or _dawn(tokens, a)
                or _in_homograph_pair(tokens, a)):
            continue  # 'وزارة' is not 'و+زار+ه', 'على أيدي' not 'أيّد', 'أجهزة الطرد المركزي' no expulsion
        prefix = folded[tokens[a].start - base:start]
        suffix = folded[end_char + 1:tokens[b].end - base]
        if stem in s["nisba_homographs"] and suffix.startswith("ي"):
            continue  # 'الاجتماعية' (social) is not 'الاجتماع' (the meeting)
        for trig in trigs:
            if kind == _OPEN_TA:
                okp, oks = prefix in s["np"], suffix in _AFTER_OPEN_TA
            elif kind == _IMPERFECT:
                okp, oks = prefix in s["imperfect_prefixes"], suffix in s["vs"]
            else:
                okp = (trig.pos in "NX" and prefix in s["np"]) or (trig.pos in "VX" and prefix in s["vp"] and not _bare_future(prefix, stem))
                oks = (trig.pos in "NX" and suffix in s["ns"]) or (trig.pos in "VX" and suffix in s["vs"])
            if not (okp and oks):
                continue
            prev = best.get(a)
            if prev is None or (len(stem), trig.weight) > (len(prev[2].pattern), prev[2].weight):
                best[a] = (a, b + 1, trig, prefix, suffix)
    if any(fire in folded for fire in _FIRE):
        for a, hit in _opened_fire(tokens).items():
            best.setdefault(a, hit)
    if any(h[2].type == "ASSAULT" and (h[2].frame != "victim" or h[2].mode) for h in best.values()):
        for a, hit in _met_death(tokens).items():  # a death in a sentence about an attack
            best.setdefault(a, hit)
    hits = sorted(best.values(), key=lambda h: h[0])
    out: list[tuple[int, int, Trigger, str, str]] = []
    for h in hits:  # drop hits nested in a longer phrase hit
        if out and h[0] < out[-1][1]:
            if len(h[2].pattern) > len(out[-1][2].pattern):
                out[-1] = h
            continue
        out.append(h)
    return out


def _met_death(tokens: list[Token]) -> dict[int, tuple[int, int, Trigger, str, str]]:
    """'لقي شرطي مصرعه', 'ولقي ثلاثة أشخاص حتفهم': the verb and its death noun with the victims
    between them, one trigger on the verb (the lexicon's 'لقي مصرعه', whose words stand together
    only when the victims come first: 'أشخاص لقوا مصرعهم'). A death alone says no one killed
    ('لقي شاب مصرعه إثر حادث مروع', 'لقي أربعة أشخاص حتفهم جراء إعصار'): the caller asks for an
    attack word in the sentence ('برصاص', 'هجوم', 'قصف')."""
    s = _sets()
    verbs, nouns, trigger = s["met_death_verbs"], s["met_death_nouns"], s["met_death_trigger"]
    out = {}
    if trigger is None:
        return out
    for a, tok in enumerate(tokens):
        word = _no_conj(tok.text)
        if word not in verbs:
            continue
        for j in range(a + 2, min(len(tokens), a + 7)):
            if _is_punct(tokens[j]):
                break
            if tokens[j].text in nouns:
                out[a] = (a, a + 1, trigger, tok.text[: len(tok.text) - len(word)], "")
                break
    return out


def _opened_fire(tokens: list[Token]) -> dict[int, tuple[int, int, Trigger, str, str]]:
    """'أطلق مجهولان النار على القيادي', 'فتح مسلحون النار': the firing verb, its shooters (one
    to three words, no preposition among them) and النار are one shooting, a trigger on the verb."""
    s = _sets()
    trigger = s["fire_trigger"]
    out = {}
    if trigger is None:
        return out
    for a, tok in enumerate(tokens):
        word = _no_conj(tok.text)
        if word not in s["fire_verbs"]:
            continue
        for j in range(a + 2, min(len(tokens), a + 5)):
            if _is_punct(tokens[j]) or _stopword(tokens[j - 1].text):
                break
            if tokens[j].text in _FIRE:
                out[a] = (a, a + 1, trigger, tok.text[: len(tok.text) - len(word)], "")
                break
    return out


#: What a firing verb fires in a shooting ('أطلق مسلحون النار', 'أطلقت امرأتان الرصاص').
_FIRE = ("النار", "الرصاص")


def _fire_noun(toks: list[Token], b: int, trig: Trigger) -> int | None:
    """The النار of a shooting trigger ending at ``b``: its last word, or up to three words on
    when the shooters stand between ('أطلق مجهولان النار')."""
    if not trig.pattern.endswith(_FIRE):
        return None
    return next((k for k in range(b - 1, min(len(toks), b + 4)) if toks[k].text in _FIRE), None)


def _fired_into_the_air(toks: list[Token], b: int, trig: Trigger) -> bool:
    """'أطلق النار في الهواء', 'أطلق الحراس النار في الهواء': shots into the air hit no one."""
    fire = _fire_noun(toks, b, trig)
    return fire is not None and any(t.text in _sets()["into_the_air"] for t in toks[fire + 1:fire + 3])


def _bare_future(prefix: str, stem: str) -> bool:
    """The future marker س comes before a person prefix (سيفر، ستنسحب); right before the stem
    it only fits the first person's alif ('سأنسحب', folded 'سانسحب'): 'سفر' is travel, not
    'will flee'."""
    return prefix in ("س", "وس", "فس") and not stem.startswith("ا")


def _in_homograph_pair(tokens: list[Token], a: int) -> bool:
    """The trigger word and its neighbour form another word (cues_ar.json ``homograph_pairs``):
    'الطرد المركزي' is a centrifuge, 'خطر داهم' an imminent danger, 'واحتجت إلى' (احتاج, to need,
    whose long vowel drops in 'احتجتُ') no protest."""
    pairs = _sets()["homograph_pairs"]
    w = tokens[a].text
    return ((a + 1 < len(tokens) and ((w, tokens[a + 1].text) in pairs or (_no_conj(w), tokens[a + 1].text) in pairs))
            or (a > 0 and ((tokens[a - 1].text, w) in pairs or (bare(tokens[a - 1].text), w) in pairs)))


def _dawn(tokens: list[Token], a: int) -> bool:
    """'فجر اليوم', 'فجر الثلاثاء': the dawn, not 'detonated' (cues_ar.json ``dawn_next``); so is
    an operation's name ('عملية «فجر الكرمة»': Operation Dawn of Karma, ``dawn_before``), and the
    adverb 'فجرا' ('نفذت الطائرات التركية فجرا ثلاث ضربات': at dawn) unless what follows is what
    two blew up ('فجرا نفسيهما', 'فجرا سيارة مفخخة': the dual فجّرا)."""
    if tokens[a].text in ("فجرا", "وفجرا"):
        nxt = _no_conj(tokens[a + 1].text) if a + 1 < len(tokens) else ""
        return not (nxt in _sets()["reflexive"] or any(nxt.endswith(d) for d in _sets()["devices"]))
    if tokens[a].text not in ("فجر", "وفجر"):
        return False
    before = a - 1
    while before >= 0 and _is_quote(tokens[before]):
        before -= 1
    return (a + 1 < len(tokens) and tokens[a + 1].text in _sets()["dawn_next"]) or (before >= 0 and tokens[before].text in _sets()["dawn_before"])


# ---------------------------------------------------------------- noun phrases
def _is_punct(tok: Token) -> bool:
    return len(tok.text) == 1 and tok.text in _PUNCT_STOP


def _is_quote(tok: Token) -> bool:
    return len(tok.text) == 1 and tok.text in _QUOTES


def _stopword(word: str) -> bool:
    s = _sets()
    w = _no_conj(word)
    return word in s["stop"] or w in s["stop"] or word in s["verb_like"] or w in s["verb_like"] or w in s["reporting"]


def _day_before_yesterday(toks: list[Token], k: int) -> bool:
    """'أول من أمس' at ``k``: a time, no part of a phrase ('مقاتلو الحزب أول من أمس')."""
    return toks[k].text == "اول" and k + 2 < len(toks) and toks[k + 1].text == "من" and toks[k + 2].text == "امس"


def np_forward(sent: Sentence, j: int, trig_idx: set[int], max_len: int = 6, allow_number: bool = True,
               subject: bool = False) -> list[tuple[int, int]]:
    """Noun phrase(s) starting at token ``j``; coordination with و gives several conjuncts.
    ``subject``: the phrase is a verb's subject, so an object right after it ends it
    (:func:`_opens_object`)."""
    toks = sent.tokens
    n = len(toks)
    while j < n and _is_quote(toks[j]):
        j += 1
    if j < n and _no_conj(toks[j].text) in _agent_verbs():
        j += 1  # 'هجوم شنته المعارضة': the agent is the verb's subject, after it
    if j + 2 < n and toks[j].text in ("كل", "كلا") and toks[j + 1].text == "من":
        j += 2  # 'شنت كل من مصر وسوريا هجوما', 'اعتقلت كلا من أيوب وعلان': both of them
    conjuncts: list[tuple[int, int]] = []
    start, k, count = j, j, 0
    while k < n:
        t = toks[k]
        if _is_quote(t):
            k += 1
            continue
        ali = count and _titled_ali(toks, start, k)
        if ali:
            max_len += 3  # the name's words: 'علي عبد الله صالح'
        if _is_punct(t) or k in trig_idx or (_stopword(t.text) and not ali) or (count and _no_conj(t.text) in _sets()["reflexive"]):
            break  # 'فجّر انتحاري نفسه': the reflexive is the object, not part of the subject
        if count and (t.text in _ADVERBS or (t.text in _WEEKDAYS and t.text != "من") or t.text in _TIME_NOUNS or _day_before_yesterday(toks, k)
                      or (t.text in _sets()["durations"] and not t.text.endswith(("ا", "ين")))):
            break  # 'وشن سلاح الجو التركي الجمعة أولى غاراته', 'اتفق قادة الاتحاد الشهر الماضي', 'بين قوى النظام ومعارضيه مدة ستة أشهر': a time word ends the noun phrase
        if not allow_number and count and not _teen(toks, k) and (t.text.isdigit() or _no_conj(t.text) in _NUMBER_WORDS or _no_conj(t.text) in _QUANT_HEADS or t.text == "بعض" or t.text in counting_nouns("ar")[1]):
            break  # 'قتل الإرهابيون ثلاثة رهائن', 'اتهم المتحدث بعض السياسيين': the count opens the object
        if subject and (t.text.startswith(("بال", "وبال")) or (count and (_opens_object(sent, k) or t.text in _FIRE)) or (not count and (t.text.startswith(("لل", "ولل")) or t.text in _sets()["durations"]))):
            break  # 'وتوعدت بالعثور على', 'طالب المتظاهرون بالإفراج': a subject takes no بالـ phrase, nor opens with لل ('وقتل للأبرياء') or a duration ('احتجزت لمدة عام')
        if count and (_verb_form(t.text, toks[k - 1].text) or _in_a_place(t.text) or (t.text[:1] == "و" and t.text[1:] in _CASUALTY_PERFECTS)):
            break  # 'ستة جنود وتعرضت 30 مركبة', 'شخصين وأصاب سبعة', 'مواقع للحوثيين بمحافظة عمران': a verb opens a clause, a place is no part of the actor
        if subject and count and toks[k - 1].text.endswith("ون") and _no_conj(toks[k - 1].text) not in _NUMBER_WORDS and (_accusative(t.text) or _oblique_plural(t.text)):
            break  # 'هاجم مسلحون حاجزا', 'هاجم مفجرون انتحاريون سياسيين': a nominative plural, then an accusative: the object
        if subject and count and (ending := _agreement_ending(toks[k - 1].text)) and not t.text.endswith(ending):
            break  # 'هاجم مسلحون وزارة الداخلية', 'هاجم انتحاريان حمام سباحة': it takes no genitive, only adjectives that agree ('مسلحون مجهولون')
        if subject and count and _object_after_subject_name(sent, k):
            break  # 'أدانت السعودية الحادث', 'رفضت شركة «آبل» إعلان أرقام المبيعات': a name takes no genitive
        if subject and count >= 2 and _accusative(t.text) and t.text[:1] != "و" and _adjective_of_a_thing(toks[k - 1].text):
            break  # 'قصفت طائرة أخرى موقعا للحوثيين': after an adjective, an indefinite accusative is the object
        if subject and count >= 2 and _after_an_adjective(sent, k):
            break  # 'قصفت طائرات تركية مواقع للحزب': a nationality adjective ends the subject, a place or actor noun after it is the object
        if count and t.text.startswith("و") and _no_conj(t.text) in _sets()["light"]:
            break  # 'هجمات الحزب ضد الجيش وشن سلاح الجو', 'أحد قيادي بوكو حرام وجرى': a coordinated support verb opens a clause
        if count and t.text.startswith("و") and len(t.text) > 3 and bare(t.text) in _sets()["actor"]:
            conjuncts.append((start, _trim(toks, start, k)))
            start, count = k, 0
        count += 1
        k += 1
        if count >= max_len:
            break
    if k > start and count:
        conjuncts.append((start, _trim(toks, start, k)))
    return [c for c in conjuncts if c[1] > c[0]]


@lru_cache(maxsize=1)
def _agent_verbs() -> frozenset[str]:
    """The one-word agent phrases that are a verb with its object pronoun ('شنته', 'نفذها')."""
    return frozenset(p[0] for p in _sets()["agent"] if len(p) == 1 and p[0].endswith(("ه", "ها", "هم")))


def _verb_form(word: str, previous: str) -> bool:
    """'وتعرضت', 'ويضرمون', 'نقلوا', 'يستخدمان': a verb opens a clause. With و, a perfect in ت
    (after folding a noun's feminine ending is ه; not plurals in ات nor names like بيروت, تكريت)
    or in وا, or an imperfect يفعلون/يفعلان; without, only the plural or dual verb that agrees
    with the plural or dual noun before it ('آخرون نقلوا', 'مستودعين يستخدمان'): alone 'رفعت' and
    'عزت' are names, 'أوتاوا' a city. Not after ف, which starts names too ('فرانسوا'); nisbas
    are no verbs ('يمنيون', 'يمنيتان')."""
    conj = word.startswith("و")
    w = word[1:] if conj else word
    if len(w) < 4 or w.startswith("ال") or w.endswith(("يون", "يان", "يتان")):
        return False
    plural = w.endswith("وا") or (len(w) >= 5 and w[0] == "ي" and w.endswith(("ون", "ان")))
    if not conj:
        return plural and _no_conj(previous).endswith(("ون", "ين", "ان"))
    return plural or _feminine_perfect(w)


def _in_a_place(word: str) -> bool:
    """'بمحافظة', 'بمدينة', 'وبقطاع': a place head after بـ starts where, not who."""
    w = _no_conj(word)
    return w.startswith("ب") and len(w) > 3 and _place_head(w[1:])


def _teen(toks: list[Token], k: int) -> bool:
    """'أحد عشر', 'ثلاثة عشر': عشر after a unit is one number with it, not a count after a noun."""
    return k > 0 and _no_conj(toks[k].text) in ("عشر", "عشره") and _no_conj(toks[k - 1].text) in _NUMBER_WORDS


def _opens_object(sent: Sentence, k: int) -> bool:
    """'قصفت الطائرات المدينة', 'اعتقلت الشرطة المتظاهرين', 'قصف الجيش الحر مواقع النظام': a
    definite noun takes no genitive, and its adjectives are definite too; so after one, an actor
    or place noun that is no nationality adjective ('الجيش السوري') starts the object of a
    verb-subject-object clause."""
    toks = sent.tokens
    w, prev = toks[k].text, _no_conj(toks[k - 1].text)
    if w.startswith("و"):
        return False  # 'هاجمت القوات والمليشيات': a second subject, coordinated
    if w.startswith("لل") or (w.startswith("ل") and proclitic_length(w)):
        return False  # 'الرئيس التنفيذي للهيئة الملكية': a genitive with ل, no object
    if not prev.startswith("ال") or prev in _QUANT_HEADS or prev in _NUMBER_WORDS or national(sent, (k, k + 1)):
        return False  # 'آلاف المتظاهرين': a count, not a definite noun
    return (actor_like(sent, (k, k + 1)) or place_like(sent, (k, k + 1)) or _plural_construct(toks, k)
            or _pronoun_suffixed(w))


#: Object or possessive pronouns a word ends with: 'باغتتهم' (it surprised them), 'مواقعهم'.
#: Not ه: after folding, a ta marbuta reads the same ('حمزه').
_SUFFIXED = ("هما", "هم", "ها", "نا")


def _pronoun_suffixed(word: str) -> bool:
    """'مقاتلات التحالف باغتتهم', 'قصفت الطائرات مواقعهم': a word with a pronoun suffix is
    definite by it, so after a definite noun it is neither an adjective nor a genitive; it is
    the next phrase (the object) or a verb."""
    w = _no_conj(word)
    return not w.startswith("ال") and len(w) >= 5 and w.endswith(_SUFFIXED)


def _plural_construct(toks: list[Token], k: int) -> bool:
    """'قصفت قوات التحالف مقرات الحوثي', 'قصفت الطائرات الحربية مخازن الأسلحة': an indefinite
    plural, feminine or of the pattern مفاعل, heading a construct (the next word definite) is a
    phrase of its own; after a definite noun it cannot be an adjective, and names ('عرفات')
    head no construct."""
    w = _no_conj(toks[k].text)
    plural = (w.endswith("ات") and len(w) >= 5) or (len(w) == 5 and w[0] == "م" and w[2] == "ا")
    if not plural or w.startswith("ال") or k + 1 >= len(toks):
        return False
    nxt = toks[k + 1].text
    return nxt.startswith("ال") and not _stopword(nxt)


def _before_ba_phrase(sent: Sentence, span: tuple[int, int], entity_actor=None) -> tuple[int, int]:
    """'ووافق مجلس الأمن بإجماع أعضائه', 'هددت إيران بإغلاق مضيق هرمز', 'تعهدت غوغل بتوفير': a بـ
    phrase after a definite noun, a state, a linked name or people counted ('مقتل 31 شخصا بسقوط
    مقاتلة') is the verb's complement or the cause, not part of the phrase; and with the
    entity stage, a subject cannot open with one ('أفرج بكفالة'). Unless the word is a name the
    entity stage linked ('الرئيس بشار الأسد', 'هاجم بوتين')."""
    toks = sent.tokens
    for k in range(span[0], span[1]):
        w = _no_conj(toks[k].text)
        if not w.startswith("ب") or len(w) <= 3 or (entity_actor and entity_actor((k, k + 1))):
            continue
        if k == span[0]:
            if entity_actor is not None:
                return span[0], span[0]
            continue
        if w in ("باسم", "باسمه"):
            continue  # 'المتحدث باسم الرئاسة': the spokesman's title, part of the phrase
        prev = _no_conj(toks[k - 1].text)
        if (prev.startswith("ال") or national(sent, (k - 1, k)) or (entity_actor and entity_actor((k - 1, k))) or _counted_people(prev)
                or (w.startswith("بال") and len(w) >= 6 and _accusative(prev))):
            return span[0], k
    return span


def _object_after_subject_name(sent: Sentence, k: int) -> bool:
    """Token ``k`` follows a state's name ('السعودية', 'روسيا') or a quoted name ('«آبل»'): a name
    takes no genitive, so a word after it that is no nationality adjective ('العربية', 'الأمريكية')
    starts the next phrase, the verb's object ('اتهمت روسيا الولايات المتحدة')."""
    toks = sent.tokens
    w = _no_conj(toks[k].text)
    if toks[k].text.startswith("و") or w.endswith(_ADJECTIVE_ENDINGS) or _is_punct(toks[k]) or _stopword(toks[k].text):
        return False
    if _is_quote(toks[k - 1]) and toks[k - 1].text not in _OPENING_QUOTES:
        return not w.startswith("ال")
    return w.startswith("ال") and _state_name(toks[k - 1].text)


#: Endings of a nisba adjective that may follow a name ('السعودية الرسمية' is not one, 'العربية' is).
_ADJECTIVE_ENDINGS = ("ي", "يه", "يين", "يون")


def _state_name(word: str) -> bool:
    """A state by its name ('روسيا', 'مصر', 'العراق', 'السعودية'), not a nationality adjective
    ('البحرينية': 'الطفلة البحرينية الزين' goes on with her name)."""
    stems, w = _sets()["national"], bare(word)
    return w in stems or (w[-1:] == "ا" and w[:-1] in stems) or (w[-2:] == "يا" and w[:-2] in stems) or w == "سعوديه"


def _people_word(word: str) -> bool:
    """A noun naming people, as written or without its clitics and ending ('مسلحا', 'والجنود')."""
    return word in people_nouns() or bare(word) in people_nouns()


def _counted_people(word: str) -> bool:
    """People with the ending of a count's noun ('شخصا', 'رجلين', 'مسلحين'): no construct head,
    so a بـ word after them opens a phrase of its own ('طلاب برنامج موهبة' is a construct)."""
    return word in people_nouns() and word.endswith(("ا", "ين", "ون", "ان"))


def _adjective_of_a_thing(word: str) -> bool:
    """'أخرى', 'جديدة', 'حربية': an adjective of an indefinite noun (a listed one or a feminine
    nisba; a masculine one is too like a noun: 'نادي أبها')."""
    return not word.startswith("ال") and (word in _sets()["indefinite_adjectives"] or (len(word) >= 5 and word.endswith("يه")))


def _after_an_adjective(sent: Sentence, k: int) -> bool:
    """Token ``k`` is an indefinite place or actor noun right after an indefinite nationality
    adjective: the adjective closed the phrase before it, so this noun starts the next one."""
    prev, w = sent.tokens[k - 1].text, sent.tokens[k].text
    if prev.startswith("ال") or w.startswith(("ال", "و")):
        return False
    if not (national(sent, (k - 1, k)) or _adjective_of_a_thing(prev)) and not (k >= 2 and prev.endswith("ه") and national(sent, (k - 2, k - 1))):
        return False  # 'طائرات إسرائيلية مقاتلة قطاع غزة': a second adjective may follow the nationality ('طائرة حربية مواقع': so may another)
    s = _sets()
    return w in s["actor"] or w in s["place"]


def _agreement_ending(word: str) -> str | None:
    """The case ending of an indefinite nominative plural or dual of a participle or nisba
    ('مسلحون', 'إرهابيون', 'انتحاريان', 'مسلحان'), which cannot head a construct: the phrase goes
    on only with adjectives that agree, ending the same. Six letters or more, and a nisba or
    م-participle, so names and nouns in ون/ان ('شمعون', 'لبنان', 'طيران') are not read as one."""
    w = _no_conj(word)
    if len(w) < 6 or w.startswith("ال") or w in _NUMBER_WORDS:
        return None
    return next((e for e in ("ون", "ان") if w.endswith(e) and (w.startswith("م") or w.endswith("ي" + e))), None)


def _oblique_plural(word: str) -> bool:
    """An indefinite plural in the accusative or genitive ('سياسيين'): after a nominative plural
    the case has changed, so a new phrase starts."""
    return word.endswith("ين") and not word.startswith(("ال", "وال")) and len(word) >= 5


def _accusative(word: str) -> bool:
    """An indefinite noun in the accusative ('فلسطينيا', 'شخصا'): a phrase after it is the
    verb's ('قتلت فلسطينيا بالرصاص'), not its own."""
    return word.endswith("ا") and not word.startswith("ال") and len(word) >= 4


def _object_after_a_name(sent: Sentence, span: tuple[int, int], entity_actor=None, entity_place=None) -> tuple[int, int]:
    """The entity stage's view of :func:`_opens_object`: a name, like a definite noun, takes no
    genitive. So in a verb-subject-object clause a linked place after either ('زار رئيس الوزراء
    العراقي طهران'), an actor or place noun after a linked name and outside it ('اتهم الرئيس
    بوتين الغرب'), an indefinite noun after a linked name or place ('أطلقت تركيا حملة جوية') or
    after a definite noun ('استهدفت الطائرات الدولية سيارة') opens the object. A name after a
    definite title is its apposition ('وزير الخارجية الأمريكي جون كيري'), and a family name with
    the article is no actor or place noun ('الأمير خالد الفيصل'): both stay in the subject."""
    if entity_actor is None:
        return span
    toks = sent.tokens
    for k in range(span[0] + 1, span[1]):
        w = toks[k].text
        if w.startswith("و") or national(sent, (k, k + 1)):
            continue
        actor_here, actor_before = entity_actor((k, k + 1)), entity_actor((k - 1, k))
        after_name = actor_before and not actor_here
        after_definite = toks[k - 1].text.startswith("ال") and not _is_quantity_word(toks[k - 1].text)  # 'ألف شخص': no article
        # (a place after a title may be followed by the title holder's name: 'رئيس جنوب السودان سلفاكير')
        after_place = (entity_place is not None and entity_place((k - 1, k)) and not entity_place((k, k + 1)) and not actor_here
                       and not (k - 1 > span[0] and actor_like(sent, (span[0], span[0] + 1))))
        if (entity_place is not None and w.startswith("ال") and (actor_here or actor_like(sent, (k, k + 1)))
                and all(entity_place((m, m + 1)) for m in range(span[0], k))):
            return span[0], k  # 'اتهمت موسكو الحكومة البريطانية', 'وتتهم واشنطن ولندن وباريس الجيش السوري': capitals for their states
        if not (after_name or after_definite or after_place):
            continue
        if entity_place is not None and entity_place((k, k + 1)) and not entity_place((k - 1, k)) and not actor_here:
            return span[0], k
        if after_name and w.startswith("ال") and (actor_like(sent, (k, k + 1)) or place_like(sent, (k, k + 1), entity_place)):
            return span[0], k
        if ((after_name or after_place) and _indefinite(w) and _no_conj(toks[k - 1].text) not in _NAME_PARTICLES
                and not _age_after(toks, k + 1)):
            # 'أطلقت تركيا حملة جوية', 'ورفض أوباما انتقادات': a common noun after a whole name is
            # the object; not a لـ phrase ('مركز الملك سلمان للإغاثة') nor a name's last part the
            # entity stage left out ('عبدالله بن مساعد', 'راندولف بروس اداير (70 عاما)')
            return span[0], k
        if (after_definite and not actor_here and not (entity_place and entity_place((k, k + 1))) and _common_noun(w)
                and not _titled(toks, span[0], k)):
            return span[0], k  # 'استهدفت الطائرات الدولية سيارة', 'ورفض المقاتلون تسليم أسلحتهم'
    return span


def _indefinite(word: str) -> bool:
    """A word without the article or لـ that is no part of a name and not 'غير' (which makes an
    adjective: 'الجمعية العامة غير العادية'): after a whole name it opens the object."""
    return word[:1].isalpha() and not word.startswith(("ال", "ل")) and word not in _NAME_PARTICLES and word != "غير"


def _common_noun(word: str) -> bool:
    """After a definite noun, an indefinite word without a preposition and no count opens the
    object (a count is the object's, see ``np_forward``)."""
    return _indefinite(word) and not word.startswith(("ب", "و")) and not _is_quantity_word(word)


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    """Person titles: the entity stage's list (``resources/ner/gaz_title.txt``), in its folding."""
    from marsad.streams.pipeline.entities.ner.gazetteer import RESOURCES, read_list

    return frozenset(bare(w) for w in read_list(RESOURCES / "gaz_title.txt") if " " not in w)


def _titled(toks: list[Token], a: int, k: int) -> bool:
    """'رئيس مجلس الوزراء اللبناني تمام سلام': after a title, an indefinite word may be the
    holder's name, which the entity stage did not find."""
    from marsad.streams.pipeline.entities.ner.text import fold as ner_fold

    return any(bare(ner_fold(toks[m].text)) in _titles() for m in range(a, k))


#: Words inside a person's name that the entity stage may leave out of it ('محمد بن سلمان').
_NAME_PARTICLES = frozenset({"بن", "ابن", "بنت", "ابو", "ابي", "ام", "عبد", "ولد", "بو"})


def _titled_ali(toks: list[Token], a: int, k: int) -> bool:
    """'قوات الرئيس السابق علي عبد الله صالح': after a title, 'علي' with a name after it is the
    given name Ali, which folding spells like the preposition على."""
    return (toks[k].text == "علي" and k + 1 < len(toks) and toks[k + 1].text.startswith(tuple(_NAME_PARTICLES))
            and _titled(toks, a, k))


def _trim(toks: list[Token], a: int, b: int) -> int:
    while b > a and _is_quote(toks[b - 1]):
        b -= 1
    return b


_BOUNDARY_WORDS = {"ان", "انه", "انها", "انهم", "بان", "بانه", "بانها", "بانهم", "الذي", "التي", "الذين", "اذ", "حيث", "كما", "ثم", "فيما", "بينما", "لكن", "حين", "عندما", "بعدما", "كان", "كانت", "كانوا"}


def np_backward(sent: Sentence, i: int, trig_idx: set[int], max_len: int = 6) -> tuple[int, int] | None:
    """Subject noun phrase ending right before token ``i`` (SVO), if it starts at a clause boundary."""
    toks = sent.tokens
    if i >= 2 and toks[i].text.startswith("و") and _pronoun_suffixed(toks[i - 1].text) and toks[i - 2].text.startswith("ال"):
        return np_backward(sent, i - 1, trig_idx, max_len)  # 'مقاتلات التحالف باغتتهم وقصفت': a verb first, same subject
    if i >= 1 and toks[i].text.startswith("و") and _feminine_perfect(toks[i - 1].text) and _feminine_perfect(toks[i].text):
        return np_backward(sent, i - 1, trig_idx, max_len)  # 'شبكة ... خططت ونفذت تفجيرا': two verbs, one subject
    if i >= 3 and toks[i - 1].text == "الاقل" and toks[i - 2].text == "علي":
        return np_backward(sent, i - 2, trig_idx, max_len)  # 'أن 55 سفينة على الأقل تعرضت': 'at least' is the count's
    k, count = i - 1, 0
    quoted = False  # a quotation mark right before the verb
    while k >= 0:
        t = toks[k]
        if t.text in _OPENING_QUOTES and not (quoted and count and k >= 1 and _no_conj(toks[k - 1].text) == "من"):
            break  # 'أفادت المصادر بأن «خمسة مدنيين قتلوا': the quotation opens the clause (a group's quoted name ends at the verb: 'عنصراً من «بوكو حرام» قتل')
        if _is_quote(t):
            quoted = quoted or count == 0
            k -= 1
            continue
        if _no_conj(t.text) in _sets()["purpose"]:
            return None  # 'واستجابة للدعوة قام نحو 1500 شخص': an adverbial of purpose, the subject follows the verb
        if (_is_punct(t) or k in trig_idx or _stopword(t.text) or count >= max_len or _no_conj(t.text) in _ADVERBS or _no_conj(t.text) in _BEFORE_A_VERB
                or _claim_verb(t.text) or (t.text in _WEEKDAYS and t.text != "من") or _no_conj(t.text) in _PASSIVE_INJURED):
            # 'ميدانياً قتل نحو 30 مسلحاً', 'وحينما رفض المصلون', 'دانت المنظمة الخميس قصف': an
            # adverb or a subordinator is no subject, nor a passive verb ('أصيب ستة جنود وتعرضت')
            break
        count += 1
        k -= 1
    if not count or (quoted and k >= 0 and (toks[k].text in _sets()["reporting"] or _no_conj(toks[k].text) in _sets()["reporting"])):
        return None  # 'وقال المصدر "تعرض القيادي': the speaker, then the quotation's verb
    a = k + 1
    while a < i and _is_quote(toks[a]):
        a += 1
    if k >= 1 and _no_conj(toks[k].text) == "من":
        # counted subject 'أن أكثر من 250 شخصا تظاهروا', 'المئات من أبناء العشائر خرجوا',
        # 'أن نحو مئة مقاتل من طالبان هاجموا'
        q = k - 1
        if _no_conj(toks[q].text) not in _QUANT_HEADS:
            q = _people_phrase_start(toks, q)
        if q is not None and (q == 0 or _is_punct(toks[q - 1]) or _no_conj(toks[q - 1].text) in _BOUNDARY_WORDS or toks[q - 1].text in _BOUNDARY_WORDS):
            return (q, _trim(toks, q, i))
    if k >= 0:
        w = _no_conj(toks[k].text)
        boundary = (_is_punct(toks[k]) or toks[k].text in _OPENING_QUOTES or w in _BOUNDARY_WORDS or toks[k].text in _BOUNDARY_WORDS
                    or _claim_verb(toks[k].text))  # 'وتبنت جبهة النصرة خطف العناصر': who claimed it, did it
        if not boundary and not (toks[k].text in _sets()["reporting"] or w in _sets()["reporting"]):
            # relative clause 'القوارب التي استقلها عناصر داعش تعرضت': the NP after the
            # resumptive verb is the clause's actor
            if k >= 1 and _no_conj(toks[k - 1].text) in _RELATIVE and toks[k].text.endswith(("ه", "ها", "هم")):
                return (a, _trim(toks, a, i))
            # participle modifier 'إن القوات المدعومة من الولايات المتحدة ستبدأ'
            ext = _extend_back(sent, k, i, trig_idx)
            if ext is None:
                return None
            a = ext
    return (a, _trim(toks, a, i))


_RELATIVE = {"التي", "الذي", "الذين", "اللذين", "اللتين"}
#: 'ما زال', 'لا يزال' (still): between a subject and the verb it goes on doing.
_STILL = frozenset({"زال", "زالت", "زالوا", "يزال", "تزال", "يزالون"})
_KANA = {"كان", "كانت"}


def _people_phrase_start(toks: list[Token], noun: int) -> int | None:
    """Where a phrase of people that ends at ``noun`` starts: its count ('نحو مئة مقاتل', '30
    جنديا') or the indefinite noun alone ('أن عنصراً من بوكو حرام قتل'); None for no people noun."""
    w = toks[noun].text
    if not _people_word(w):
        return None
    k = noun
    while k >= 1 and noun - k < 3 and _is_quantity_word(toks[k - 1].text):
        k -= 1
    return None if k == noun and w.startswith("ال") else k


@lru_cache(maxsize=1)
def _claim_verbs() -> frozenset[str]:
    return frozenset(p[0] for p in _sets()["claim"] if len(p) == 1)


def _claim_verb(word: str) -> bool:
    """'تبنت', 'تبنوا': who claimed an attack named after the verb did it."""
    return _no_conj(word) in _claim_verbs()


#: Words a verb follows, not a noun: 'قد', and subordinators of time ('بينما تظاهر', 'عندما هاجم').
_BEFORE_A_VERB = {"قد", "لقد", "بينما", "عندما", "بعدما", "حينما", "لما", "كلما", "فيما", "اذ"}
_LINK_PREPS = {"من", "ب", "في", "ل"}


def _event_noun_subject(sent: Sentence, head: int, trig_idx: set[int]) -> list[tuple[int, int]] | None:
    """'غارة أمريكية تقتل 14 جنديا', 'انفجار يهز العاصمة': where an event noun (and its adjectives)
    is the verb's subject, what follows the verb is its object, and the party is the state the
    noun's nationality adjective names ('أمريكية'). None where the verb has no such subject."""
    toks = sent.tokens
    words = 0
    for m in range(head - 1, max(-1, head - 6), -1):
        if _is_punct(toks[m]) or _is_quote(toks[m]):
            return None
        if _time_word(toks[m].text):
            continue  # 'في هجوم جديد صباح اليوم استهدف قافلة عسكرية'
        if m in trig_idx:
            # also inside another phrase: 'في هجوم مماثل استهدف حافلتهم' (a verb after an
            # indefinite noun describes it)
            return [(k, k + 1) for k in range(m + 1, head) if national(sent, (k, k + 1))][:1]
        words += 1
        if words > 1 and not toks[m].text.startswith("ال") and not national(sent, (m, m + 1)):
            return None  # (the word right before the verb may be an indefinite adjective: 'انتحاريا')
    return None


def _year_word(word: str) -> bool:
    """'عام 1991م': a year, which is no subject ('عام 1991م شنت قوات التحالف هجوما')."""
    return word in ("عام", "العام", "سنه", "م", "هـ", "ه") or (word.rstrip("م").isdigit() and len(word.rstrip("م")) == 4)


def _time_word(word: str) -> bool:
    """A time adverb or day part ('أمس', 'صباح', 'اليوم', 'الجمعة') between a noun and its verb."""
    return word in _ADVERBS or word in _DAY_PARTS or _no_conj(word) in _DAY_PARTS or (word in _WEEKDAYS and word != "من")  # ('فجر' is no 'ف' + 'جر')


def _relative_antecedent(sent: Sentence, rel: int, trig_idx: set[int]) -> tuple[int, int] | None:
    """'الموقوفين الذين يرفضون', 'القوات الحكومية التي انسحبت': the subject of a verb right after
    a relative pronoun (with no resumptive object pronoun) is the definite noun phrase before the
    pronoun, with its construct head ('قوات النظام التي'); not the main clause's subject."""
    toks = sent.tokens
    k = rel - 1
    while k >= 0 and toks[k].text.startswith("ال") and k not in trig_idx and not _stopword(toks[k].text) and rel - k <= 4:
        k -= 1
    if (0 <= k < rel - 1 and not _is_punct(toks[k]) and not _stopword(toks[k].text) and k not in trig_idx
            and _no_conj(toks[k].text)[:1] not in "بلك"):
        k -= 1  # the construct head, not a preposition's object ('بتسليمها الموقوفين')
    return (k + 1, rel) if k + 1 < rel else None


def _extend_back(sent: Sentence, k: int, i: int, trig_idx: set[int]) -> int | None:
    """Start of a subject whose modifier contains a preposition ('القوات المدعومة من X'): walk
    back over at most 5 more tokens to a clause boundary; the head must be an actor noun."""
    toks = sent.tokens
    if _no_conj(toks[k].text) not in _LINK_PREPS:
        return None
    m = k - 1
    steps = 0
    while m >= 0 and steps < 5:
        t = toks[m]
        w = _no_conj(t.text)
        if _is_quote(t):
            m -= 1
            continue
        if _is_punct(t) or w in _BOUNDARY_WORDS or t.text in _BOUNDARY_WORDS:
            head = m + 1
            while head < i and _is_quote(toks[head]):
                head += 1
            if head < k and actor_like(sent, (head, head + 1)):
                return head
            return None
        if m in trig_idx or t.text in _sets()["verb_like"] or t.text in _sets()["reporting"]:
            return None
        if m >= 1 and toks[m - 1].text.startswith("ال") and (_verb_form(t.text, toks[m - 1].text) or _feminine_perfect(t.text)):
            return None  # 'أن الشرطة أوقفت 251 شخصا في إطار حملة استهدفت': a clause of its own
        steps += 1
        m -= 1
    return None


def _feminine_perfect(word: str) -> bool:
    """'أوقفت', 'شنت': a perfect in ت (a noun's ta marbuta folds to ه; not plurals in ات nor
    names in يت/وت like تكريت, بيروت)."""
    return len(word) >= 4 and word.endswith("ت") and not word.endswith(("ات", "يت", "وت"))


def actor_like(sent: Sentence, span: tuple[int, int], entity_actor=None) -> bool:
    s = _sets()
    for k in range(span[0], span[1]):
        w = sent.tokens[k].text
        if w in s["actor"] or bare(w) in s["actor"] or _no_conj(w) in s["actor"]:
            return True
    return bool(entity_actor and entity_actor(span))


#: A conjunction and/or preposition written on the next word (not 'لل': ل before the article,
#: 'للشرطة' = ل + الشرطة, whose name no substring spells).
PROCLITICS = frozenset({"و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"})


def proclitic_length(word: str) -> int:
    """Letters of a conjunction or preposition glued to an actor head ('وقوات', 'لتنظيم',
    'وبمليشيا'): not part of the actor's name. 0 where the word is not such a head (a word
    that starts with one of these letters, 'وزارة', 'لبنان', keeps it)."""
    heads = _sets()["actor"]
    for k in (1, 2):
        if len(word) - k >= 3 and word[:k] in PROCLITICS and word[k:] in heads:
            return k
    return 0


_NISBA_ENDINGS = ("يين", "يون", "يات", "يه", "ي")


def national(sent: Sentence, span: tuple[int, int]) -> bool:
    """A state at the head of the span, by its name ('اميركا', 'اليونان') or its nationality
    adjective ('الغارات الإسرائيلية', 'السياسات الاميركية'): coders take the state as the party.
    Further in, it qualifies an issue ('استمرار حرب العراق'). A bare stem of three letters is not
    a name ('سور' is a wall, 'ترك' a verb)."""
    stems = _sets()["national"]
    for k in range(span[0], min(span[1], span[0] + 2)):
        w = bare(sent.tokens[k].text)
        if (len(w) >= 4 and w in stems) or (w[-1:] == "ا" and w[:-1] in stems) or (w[-2:] == "يا" and w[:-2] in stems):
            return True
        for end in _NISBA_ENDINGS:
            if w.endswith(end) and w[: -len(end)] in stems:
                return True
    return False


def _possessive_suffix(word: str, pattern: str, suffix: str) -> bool:
    """Whether ``suffix`` on ``word`` (a trigger ``pattern``) is a possessive pronoun in the
    folded text, where ة is ه: 'اعتقالهم', 'احتجازه' (a verbal noun with a long vowel before its
    last letter has no feminine form) and 'إصابتها' (a stem in ة writes it ت before a pronoun),
    but not 'محاصره', which is محاصرة."""
    if pattern.endswith("ه"):
        return word.endswith(pattern[:-1] + "ت" + suffix)
    return suffix != "ه" or (len(pattern) > 2 and pattern[-2] in "او")


def _party(sent: Sentence, span: tuple[int, int], entity_actor=None) -> bool:
    """What a protest can be against: an actor, or a state (:func:`national`)."""
    return actor_like(sent, span, entity_actor) or national(sent, span)


#: Possessive pronouns a place head may carry ('أطرافها' its outskirts, 'مدينتهم' their town).
_POSSESSIVES = ("هما", "هم", "ها", "ه")


def _in_lexicon(word: str, lexicon: set[str]) -> bool:
    """``word`` bare, or with a possessive pronoun, in ``lexicon`` (the ta marbuta of 'مدينه' is a
    ت before the pronoun: 'مدينتها', 'سترته')."""
    w = bare(word)
    if w in lexicon:
        return True
    for suffix in _POSSESSIVES:
        stem = w[: -len(suffix)]
        if w.endswith(suffix) and len(stem) >= 2 and (stem in lexicon or (stem[-1:] == "ت" and stem[:-1] + "ه" in lexicon)):
            return True
    return False


@lru_cache(maxsize=1 << 16)
def _place_head(word: str) -> bool:
    """A place head word, bare or with a possessive pronoun ('أطرافها', 'مدينتهم')."""
    places = _sets()["place"]
    return word in places or ("ال" + bare(word)) in places or _in_lexicon(word, places)


def _a_site(sent: Sentence, span: tuple[int, int], entity_actor=None) -> bool:
    """A phrase headed by a place or facility word ('مخزن أسلحة', 'مدينة لودر') that names no actor."""
    w = sent.tokens[span[0]].text
    return (_place_head(w) or _in_lexicon(w, _sets()["facility_heads"])) and not actor_like(sent, span, entity_actor)


def place_like(sent: Sentence, span: tuple[int, int], entity_place=None) -> bool:
    if _place_head(sent.tokens[span[0]].text):
        return True
    return bool(entity_place and entity_place(span))


_PHRASE_INDEX: dict[int, tuple[list, dict[str, list[list[str]]]]] = {}


def _index(phrases: list[list[str]]) -> dict[str, list[list[str]]]:
    got = _PHRASE_INDEX.get(id(phrases))
    if got is None or got[0] is not phrases:
        table: dict[str, list[list[str]]] = {}
        for ph in phrases:
            table.setdefault(ph[0], []).append(ph)
        got = (phrases, table)
        _PHRASE_INDEX[id(phrases)] = got
    return got[1]


def _phrase_at(toks: list[Token], k: int, phrases: list[list[str]]) -> int:
    w = toks[k].text
    table = _index(phrases)
    cands = table.get(w)
    if w[:1] == "و":
        more = table.get(w[1:])
        cands = (cands or []) + more if more else cands
    if not cands:
        return 0
    best = 0  # the longest phrase wins: 'من قبل' over 'من'
    for ph in cands:
        n = len(ph)
        if n > best and k + n <= len(toks):
            words = [toks[k + m].text for m in range(n)]
            if words == ph or (words[0][:1] == "و" and [words[0][1:]] + words[1:] == ph):
                best = n
    return best


def _find_after(sent: Sentence, i: int, window: int, words: set[str], trig_idx: set[int]) -> tuple[int, int] | None:
    """NP after the first token in ``words`` (or a token starting with one as a clitic) within window."""
    toks = sent.tokens
    for k in range(i, min(len(toks), i + window)):
        w = toks[k].text
        if _is_punct(toks[k]) and w in ".؟?!":
            break
        nw = _no_conj(w)
        if (nw in words or w in words) and not _titled_ali(toks, max(i, k - 3), k):
            nps = np_forward(sent, k + 1, trig_idx)
            if nps:
                return _until_weapon_or_place(toks, nps[0])
        for p in ("علي", "على", "ضد"):
            if nw.startswith(p) and len(nw) > len(p) + 1 and p in words:
                return None  # pronoun object (عليهم): nothing to extract
    return None


def _ba_head(word: str) -> str | None:
    """The noun a بـ phrase opens with ('بالأسلحة' -> 'اسلحه'), or None."""
    w = _no_conj(word)
    if not w.startswith("ب") or len(w) <= 3:
        return None
    return w[3:] if w.startswith("بال") else w[1:]


def _place_phrase(word: str) -> bool:
    """'بوسط', 'بشمال', 'بمحافظة': a بـ phrase that says where."""
    head = _ba_head(word)
    return head is not None and (_place_head(head) or head in cues("ar")["directions"] or head == "وسط")


def _weapon_or_place_phrase(word: str) -> bool:
    """'بالأسلحة', 'بقذائف', 'بالبراميل' or a place phrase (not 'بالمسلحين': people)."""
    head = _ba_head(word)
    return _place_phrase(word) or (head is not None and head in _sets()["weapons"] and head not in people_nouns())


def _until_weapon_or_place(toks: list[Token], span: tuple[int, int]) -> tuple[int, int]:
    """'على مواقع الحوثيين بالأسلحة الثقيلة', 'على قوات الأسد بوسط درعا', 'قصف لطيران النظام
    بالبراميل المتفجرة': the weapon and the place are no part of the party."""
    a, b = span
    return a, next((m for m in range(a + 1, b) if _weapon_or_place_phrase(toks[m].text)), b)


def _target_after(sent: Sentence, b: int, trig_idx: set[int], targeting: bool = True) -> tuple[int, int] | None:
    """Target after a target preposition (على، ضد) near the trigger, or (``targeting``: an
    attack's) after a targeting verb or participle: 'وجهت ضربات جوية داخل الصومال، خلال الأشهر
    الماضية، مستهدفة مقاتلي الشباب'."""
    s = _sets()
    if not targeting:
        return _find_after(sent, b, 8, s["target"] - s["targeting"], trig_idx)
    return _find_after(sent, b, 8, s["target"], trig_idx) or _find_after(sent, b, 16, s["targeting"], trig_idx)


def _find_agent(sent: Sentence, i: int, window: int, trig_idx: set[int], barrier: set[int] = frozenset()) -> list[tuple[int, int]]:
    """Agent phrase after the trigger. A bare 'من' counts only right after the trigger's clause
    (within ``window``, no comma crossed) and not as a partitive ('ثلاثة من عناصر' = three of
    the members); the unambiguous phrases (من قبل، على يد، نفذه، برصاص) are looked for up to
    20 tokens on, across commas and parentheses ('خطف في وسط مدينة تيزي وزو (...) من قبل أربعة
    مسلحين'), and not past a token of ``barrier`` (another event's trigger, whose agent it is)."""
    toks = sent.tokens
    s = _sets()
    near = True
    for k in range(i, min(len(toks), i + 20)):
        if (_is_punct(toks[k]) and toks[k].text in ".؟?!") or k in barrier:
            break
        if k >= i + window or (_is_punct(toks[k]) and toks[k].text in "،,"):
            near = False
        n = _phrase_at(toks, k, s["agent"])
        bare_min = n == 1 and _no_conj(toks[k].text) == "من"
        # what 'من' follows, past 'على الأقل' ('مقتل 50 شخصا على الأقل من المدنيين': of the civilians)
        p = k - 2 if k > 2 and toks[k - 1].text == "الاقل" and toks[k - 2].text in ("علي", "على") else k
        if n and bare_min and (not near or (p > 0 and (_is_quantity_word(_no_conj(toks[p - 1].text)) or toks[p - 1].text.lstrip("و").isdigit() or _no_conj(toks[p - 1].text) in s["beside"] or _no_conj(toks[p - 1].text) in s["group_nouns"]
                                                       or _no_conj(toks[p - 1].text) in people_nouns()
                                                       or _dual_of_people(_no_conj(toks[p - 1].text))
                                                       or kind_of(toks[p - 1].text, "ar") in ("killed", "injured")
                                                       or (p > 1 and _is_quantity_word(toks[p - 2].text))))):
            # 'ثلاثة من عناصر' (three of), 'عناصر من الجيش', '25 عنصرا من داعش', 'مجموعة من المسلحين' (members of),
            # 'القتلى والجرحى من المدنيين' (the dead of), 'بالقرب من السفارة' (near): no agent
            n = 0
        if n:
            nps = _members_of(sent, np_forward(sent, k + n, trig_idx), trig_idx)
            if nps and (not bare_min or actor_like(sent, (nps[0][0], nps[0][0] + 1))):
                return nps  # after a bare 'من' the phrase's head is the actor ('من أبرزها توجهات الهيئة' is none)
        w = toks[k].text
        for p in ("برصاص", "بنيران"):
            if w == p or w == "و" + p:
                nps = np_forward(sent, k + 1, trig_idx)
                if nps:
                    return nps
    return []


def _dual_of_people(word: str) -> bool:
    """'عضوان', 'شرطيين': two of a people noun (the count is in the ending)."""
    return word.endswith(("ان", "ين")) and word[:-2] in people_nouns()


def _members_of(sent: Sentence, nps: list[tuple[int, int]], trig_idx: set[int]) -> list[tuple[int, int]]:
    """'نفذه أعضاء من حركة الشباب': members named by their group stand for the group."""
    toks = sent.tokens
    if len(nps) == 1 and nps[0][1] - nps[0][0] == 1 and nps[0][1] < len(toks) and toks[nps[0][1]].text == "من":
        if _no_conj(toks[nps[0][0]].text) in _sets()["members"]:
            group = np_forward(sent, nps[0][1] + 1, trig_idx)
            if group:
                return group[:1]
    return nps


def _is_quantity_word(word: str) -> bool:
    w = _no_conj(word)
    return w.isdigit() or w in _QUANT_HEADS or w in _NUMBER_WORDS or w in ("عدد", "عددا", "بعض", "احد", "احدي", "اثنين", "اثنان")


def _territorial(sent: Sentence, span: tuple[int, int], trig_idx: set[int]) -> list[tuple[int, int]] | None:
    """'آخر جيب يسيطر عليه تنظيم داعش' -> the controlling actor."""
    toks = sent.tokens
    for k in range(span[0], min(len(toks), span[1] + 4)):
        n = _phrase_at(toks, k, _sets()["territorial"])
        if n:
            nps = np_forward(sent, k + n, trig_idx)
            return nps or None
    # genitive with ل: 'الجيب الاخير لتنظيم داعش'
    for k in range(span[0] + 1, span[1]):
        w = toks[k].text
        if w.startswith("ل") and not w.startswith("ال") and bare(w) in _sets()["actor"]:
            return [(k, span[1])]
    return None


#: The status of a verb in the present with no other cue: ongoing, but what occurred in a headline.
PRESENT = "present"


def _status(sent: Sentence, i: int, prefix: str, lv_idx: int | None, lv_word: str | None) -> str | None:
    """Status from cues before the trigger (or its support verb); None = negated (drop)."""
    s = _sets()
    toks = sent.tokens
    head = lv_idx if lv_idx is not None else i
    before = [toks[k].text for k in range(max(0, head - 3), head)]
    deny_first, claim_first, allege_spans = _sentence_cues(sent)
    if deny_first < i:
        return "denied"
    if any(w in s["neg"] or _no_conj(w) in s["neg"] for w in before[-2:]):
        return None
    if any(_no_conj(w) in s["foiling"] for w in before):
        return None  # 'أحبطت قوات الأمن هجوماً', 'من إحباط عملية': a foiled act did not happen
    if any(p in " ".join(_no_conj(w) for w in before) for p in s["habitual"]):
        return None  # 'حيث كثيرا ما يشن مقاتلو طالبان هجمات': what often happens there, no event
    if claim_first < i:
        return "claimed"
    if any(k < i and end < i for k, end in allege_spans):
        return "alleged"
    # stative 'بات/أصبح محاصراً' under a reporting verb: a party's claim about a state of affairs
    if i >= 1 and _no_conj(toks[i - 1].text) in _STATIVE:
        rep = s["reporting"]
        return "claimed" if any(t.text in rep or _no_conj(t.text) in rep for t in toks[:i]) else "ongoing"
    verb_prefix = prefix
    if lv_word is not None:
        verb_prefix = lv_word
    vp = _no_conj(verb_prefix)
    if vp.startswith("س") and len(vp) <= 3 or any(w in s["future"] or _no_conj(w) in s["future"] for w in before):
        return "announced"
    if lv_word is not None and (_no_conj(lv_word)[:2] in ("ست", "سي", "سن")):
        return "announced"
    if any(w in s["ongoing"] or _no_conj(w) in s["ongoing"] for w in before):
        return "ongoing"
    if [_no_conj(w) for w in before[-2:]] == ["قبل", "ان"]:
        return "occurred"  # 'فتح النار قبل أن يقتل': the subjunctive of a past narrative, not in progress
    if lv_word is not None and _no_conj(lv_word) in ("تشهد", "يشهد", "تشن", "يشن", "تتعرض", "يتعرض", "تنفذ", "ينفذ"):
        return "ongoing"
    if lv_word is None and vp in ("ي", "ت", "ن") and prefix:
        return PRESENT
    return "occurred"


_STATIVE = {"بات", "باتت", "اصبح", "اصبحت", "صار", "صارت", "ظل", "ظلت", "بقي", "بقيت"}


def _sentence_cues(sent: Sentence) -> tuple[int, int, list[tuple[int, int]]]:
    """Per sentence (memoised on it): first denial word, first claim phrase, and the (start, end)
    token positions of allegation phrases."""
    got = getattr(sent, "_cues", None)
    if got is not None:
        return got
    s = _sets()
    toks = sent.tokens
    n = len(toks)
    deny_first = next((k for k, t in enumerate(toks) if t.text in s["deny"] or _no_conj(t.text) in s["deny"]), n)
    claim_first = next((k for k in range(n) if _phrase_at(toks, k, s["claim"])), n)
    allege = []
    for k in range(n):
        end = _loose_phrase_end(toks, k, n, s["allege"])
        if end is not None:
            allege.append((k, end))
    got = (deny_first, claim_first, allege)
    sent._cues = got
    return got


def _loose_phrase_end(toks: list[Token], k: int, limit: int, phrases: list[list[str]]) -> int | None:
    first = _no_conj(toks[k].text)
    table = _index(phrases)
    if first not in table and toks[k].text not in table:
        return None
    best = None
    for ph in phrases:
        if first != ph[0] and toks[k].text != ph[0]:
            continue
        pos = k
        for w in ph[1:]:
            nxt = next((m for m in range(pos + 1, min(limit, pos + 11)) if toks[m].text == w or _no_conj(toks[m].text) == w), None)
            if nxt is None:
                break
            pos = nxt
        else:
            best = pos if best is None else min(best, pos)
    return best


def _loose_phrase(toks: list[Token], k: int, limit: int, phrases: list[list[str]]) -> bool:
    """Phrase whose first word is at ``k`` and whose other words follow in order within 6 tokens
    ('رأى المحلل أن', 'أشار في حديثه إلى أن')."""
    return _loose_phrase_end(toks, k, limit, phrases) is not None


def _first_ba_word(toks: list[Token], k: int, i: int) -> bool:
    """Token ``i`` is the first بـ-word after token ``k``: 'قيام X بـY' (X's doing of Y) supports Y
    only ('قيام هرتسوغ بالتنديد بالاتفاق': the denouncing, not the agreement)."""
    return toks[i].text.startswith("ب") and not any(toks[j].text.startswith("ب") for j in range(k + 1, i))


def _light_verb(sent: Sentence, i: int) -> tuple[int, str, str] | None:
    """Support verb governing nominal trigger ``i``: (token index, folded word, role)."""
    s = _sets()
    toks = sent.tokens
    k = i - 1
    steps = 0
    while k >= 0 and steps < 14:
        w = toks[k].text
        if _is_punct(toks[k]) and w not in "،,":
            return None
        if not _is_punct(toks[k]) and not _is_quote(toks[k]):
            far = steps >= 8  # past 8 words only 'قام X بـ' reaches, to its first بـ-noun
            # the genitive of a group head is its name: 'القيادي في حركة فتح' (Fatah, not 'opened fire')
            if k == 0 or _no_conj(toks[k - 1].text) not in s["group_name_heads"]:
                for cand in (w, _no_conj(w)):
                    if far and not (cand in s["far_light"] and _first_ba_word(toks, k, i)):
                        continue
                    if cand in s["participation"] and i > 0 and toks[i - 1].text == s["participation"][cand]:
                        return (k, cand, "source")
                    if cand in s["light"]:
                        if cand in s["light_nouns_of_ba"] and not _first_ba_word(toks, k, i):
                            return None
                        return (k, cand, s["light"][cand])
                    if cand in s["continue"] and ((k + 1 == i and not _no_conj(toks[i].text).startswith("ال"))
                                                  or (k + 2 == i and toks[k + 1].text in s["act_nouns"])  # 'واصلت عملية قصف'
                                                  or ((np := np_forward(sent, k + 1, {i}, max_len=6)) and np[0] == (k + 1, i) and actor_like(sent, np[0]))):
                        # 'واصل الجيش قصف مواقع', 'يواصل توجيه الاتهام': the noun after it or its subject
                        # ('تواصل القصف': the shelling went on, the subject)
                        return (k, cand, "source")
                if k - 1 >= 0 and not far:
                    two = f"{_no_conj(toks[k - 1].text)} {w}"
                    if two in s["light"]:
                        return (k - 1, two, s["light"][two])
            steps += 1
        k -= 1
    return None


@lru_cache(maxsize=1)
def _crowd_words() -> frozenset[str]:
    """Words that open a crowd count: vague quantities (عشرات، آلاف) and single-word 'about' (نحو)."""
    q = quantities("ar")
    return frozenset([*(phrase.split()[0] for phrase in q["vague"]), *(w for w in q["approx"] if " " not in w)])


@lru_cache(maxsize=1)
def _troop_words() -> frozenset[str]:
    """Soldiers and forces: the fighters kind of quantities.json, and the force nouns of cues_ar.json
    ``troop_nouns``."""
    return frozenset(quantities("ar")["kinds"]["fighters"]) | frozenset(cues("ar")["troop_nouns"])


def _self_supported(toks: list[Token], a: int, b: int, trig: Trigger) -> bool:
    """A weak trigger that its own phrase makes an event: a gathering with a crowd count right
    after it ('تجمع مئات', 'تجمع عشرات الفلسطينيين'), a projectile launched at a target
    ('أطلقت طائرة … صاروخاً على مجموعة'), strikes carried out against one ('نفذت الطائرات
    التركية ثلاث ضربات على مواقع', 'وجه التحالف ضربة لمواقع الحوثيين'; a blow the economy took,
    'ضربات الجزاء', is none) or troops massed ('حشد الجيش قواته')."""
    def words(i: int, j: int) -> list[str]:
        return [_no_conj(t.text) for t in toks[max(0, i):j]]

    if trig.type == "PROTEST":
        return any(w in _crowd_words() or w.isdigit() for w in words(b, b + 2))
    if trig.type == "MOBILIZE":  # 'حشدت تركيا 5 آلاف جندي': troops massed, not support rallied
        return any(w in _troop_words() or bare(w) in _troop_words() for w in words(b, b + 5))
    if trig.type == "ASSAULT" and trig.mode == "heavy-weapons":
        launch = cues("ar")["launch_verbs"]
        before = words(a - 4, a + 1)  # with the trigger: what follows the last launch verb
        launched = any(w in launch["verbs"] and before[k + 1] not in launch["not_after"] for k, w in enumerate(before[:-1]))
        return launched and any(w in launch["toward"] for w in words(b, b + 3))
    if trig.type == "ASSAULT" and trig.frame == "attack":  # 'نفذت الطائرات ثلاث ضربات على مواقع'
        toward = cues("ar")["launch_verbs"]["toward"]
        carried_out = any(t.text in cues("ar")["light_verbs"] or _no_conj(t.text) in cues("ar")["light_verbs"]
                          for t in toks[max(0, a - 6):a])  # 'وجه' (وجّه, not و + جه)
        return carried_out and any(w in toward or (w.startswith("ل") and not w.startswith("لل")) for w in words(b, b + 3))
    return False


#: Support verbs of a passive: the stem after one is its verbal noun ('تم ضبط', 'جرى اعتقال').
_PASSIVE_SUPPORT = frozenset({"تم", "يتم", "جري", "يجري"})
#: Prefixes (after و or not) that make a noun-or-verb stem a verb: 'تقصف', 'وتقتله', 'وسيعتقل'.
_VERB_PREFIXES = frozenset({"ي", "ت", "ن", "س", "سي", "ست"})
#: Suffixes that do the same: 'قصفوا', 'قصفت', 'يقصفن'.
_VERB_SUFFIXES = ("وا", "ت", "ن")


def extract(sent: Sentence, entity_actor=None, entity_place=None) -> list[Candidate]:
    """Candidate events in one folded sentence."""
    toks = sent.tokens
    hits = find_triggers(sent.text, toks, sent.start)
    if not hits:
        return []
    noun_starts = {h[0] for h in hits if h[2].pos != "V"}
    agent_hits = {h[0] for h in hits if _is_agent_noun(h, toks, noun_starts)}
    agents = [(h[0], h[1]) for h in hits if h[0] in agent_hits and h[2].type == "PROTEST"]
    attackers = [(h[0], h[1]) for h in hits if h[0] in agent_hits and h[2].type == "ASSAULT"]
    trig_idx = {k for h in hits if h[0] not in agent_hits and (h[2].weight >= 0.5 or toks[h[0]].text.startswith("و")) for k in range(h[0], h[1])}
    # 'واعتقل', 'وتقتله': a verb coordinated by و ('مواقع وتعزيزات', 'العمل والهروب': nouns, one object)
    conj_idx = {h[0] for h in hits if h[3].startswith("و") and (h[2].pos == "V" or (h[2].pos == "X" and h[3][1:] in _VERB_PREFIXES))}
    type_idx: dict[str, set[int]] = {}
    for h in hits:
        if h[0] in trig_idx:
            type_idx.setdefault(h[2].type, set()).update(range(h[0], h[1]))
    # gating: weak triggers need support of the same type in the sentence
    totals: dict[str, float] = {}
    for h in hits:
        totals[h[2].type] = totals.get(h[2].type, 0.0) + h[2].weight
    cands: list[Candidate] = []
    last_by_type: dict[str, int] = {}
    for a, b, trig, prefix, suffix in hits:
        if trig.weight < 0.5 and totals[trig.type] < 0.8 and not _self_supported(toks, a, b, trig):
            continue
        if trig.type in last_by_type and a - last_by_type[trig.type] <= 3 and not any(_is_punct(toks[m]) or _no_conj(toks[m].text) in _BOUNDARY_WORDS for m in range(last_by_type[trig.type], a)):
            # (a clause boundary between them, 'نفذوا الغارة وانهم اختطفوا', makes two events)
            prev = cands[-1] if cands and cands[-1].type == trig.type else None
            inflected = trig.pos == "V" or (trig.pos == "X" and (suffix in _VERB_SUFFIXES or _no_conj(prefix) in ("ي", "ت", "ن")))
            weak_noun = prev is not None and prev.trigger.pos == "N" and prev.trigger.weight < 0.5 <= trig.weight
            bare_casualties = (prev is not None and prev.trigger.frame == "victim" and trig.frame != "victim"
                               and not prev.sources and not prev.targets and _no_conj(toks[prev.tok[0]].text).startswith("ال"))
            # 'بعد إصابتها بصاروخ أطلقه المسلحون': the weapon that wounded, not the wound, names the attack
            weapon_of_wound = (prev is not None and prev.trigger.frame == "victim" and prev.trigger.weight < 0.5
                               and trig.frame == "attack" and trig.mode is not None and not prev.sources)
            if prev is not None and prev.trigger.pos == "N" and ((inflected and not prev.verbal and not prev.light_verb) or weak_noun or bare_casualties or weapon_of_wound):
                # 'مسلحين مجهولين خطفوا', 'قام مسلحون بخطف': the verb or the strong trigger, not
                # the 'armed' noun before it, carries the event; so does the attack after 'سقط
                # القتلى' (the dead fell amid attacks by X)
                cands.pop()
            else:
                if prev is not None and trig.frame == "victim" and not prev.targets and b < len(toks):
                    # 'تفجيراً بشاحنة مفخخة أسفر عن مقتل 15 شخصاً': one event, whose victims the
                    # casualty noun names
                    if toks[b].text not in _sets()["indefinite_adjectives"]:  # 'إصابات بالغة': serious, nobody
                        prev.targets = [_unquantify(sent, sp, trig_idx) for sp in np_forward(sent, b, trig_idx)[:1]]
                noun = trig.pos == "N" or (trig.pos == "X" and not suffix and (_no_conj(prefix) in ("ب", "ل") or (a > 0 and toks[a - 1].text in _NOUN_BEFORE)))
                if prev is not None and not prev.sources and noun and trig.frame == "attack" and trig.weight >= 0.5 and a not in agent_hits:
                    # 'قتل خمسة مدنيين في غارة للتحالف': the attack that killed them names who did it (not
                    # the weak 'armed' noun: 'مقتل 13 من مسلحي الحوثي' names the victims' side)
                    prev.sources = _attack_noun_agent(sent, (a, b, trig, prefix), trig_idx, entity_actor, entity_place)
                    prev.agentless = prev.agentless and not prev.sources
                last_by_type[trig.type] = b
                continue
        if _fired_into_the_air(toks, b, trig):
            continue  # 'أطلقت الشرطة النار في الهواء': warning shots, no attack
        if trig.pos != "N" and (_named_place(toks, a) or (entity_place is not None and entity_place((a, b)))):
            continue  # 'مدينة تدمر الأثرية': Palmyra, not 'destroys'
        # protest "مسيرة" after طائرة = drone
        if trig.type == "PROTEST" and trig.pattern.startswith("مسير") and a > 0 and bare(toks[a - 1].text).startswith("طائر"):
            continue
        lv = _light_verb(sent, a) if trig.pos != "V" else None
        if lv is not None and lv[2] == "none" and trig.pos == "X":
            lv = None
        if trig.pattern in _sets()["needs_ba"] and not any(_no_conj(t.text).startswith("ب") and len(t.text) > 3 for t in toks[b:b + 7]):
            continue  # 'مصرع طالب سوداني', '53 طالبا بين ...': a student; the verb asks for something (طالب ... بـ)
        if (trig.pattern in _sets()["construct_homographs"] and not prefix.endswith(("ال", "لل")) and suffix in ("", "ا") and b < len(toks)
                and not actor_like(sent, (b, b + 1), entity_actor) and _achieved(toks[b].text)):
            continue  # 'تحقيق الفوز', 'لتحقيق نجاحات', 'تحقيقا للأهداف': achieving something, not an investigation
        if b < len(toks) and _phrase_at(toks, b, _sets()["anonymity"]):
            continue  # 'رفض الكشف عن هويته': a source not to be named, no refusal reported
        if _definite(prefix, trig) and a > 0 and _no_conj(toks[a - 1].text) in _sets()["facility_heads"]:
            continue  # 'معسكر الاعتقال', 'مراكز الاحتجاز': a place named by its use, no event
        if lv is None and trig.pos == "N" and trig.type in _sets()["definite_reference"] and prefix.endswith(("ال", "لل")):
            continue  # 'يصادق على الاتفاق النووي', 'تخفيف العقوبات': a standing agreement or regime named, not made
        status = _status(sent, a, prefix, lv[0] if lv else None, lv[1] if lv else None)
        if status is None:
            continue
        cand = Candidate(type=trig.type, mode=trig.mode, trigger=trig, tok=(a, b), status="ongoing" if status == PRESENT else status,
                         present_tense=status == PRESENT)
        _arguments(sent, cand, prefix, suffix, lv, trig_idx, entity_actor, entity_place, type_idx.get(trig.type, set()), conj_idx)
        cand.sources, cand.targets = _outside(cand.sources, cand.tok), _outside(cand.targets, cand.tok)
        pool = agents if trig.type == "PROTEST" else attackers if trig.type == "ASSAULT" else []
        if trig.pattern in _sets()["crowd_control"]:
            # who fired it, before it, is no protester: the crowd is, or who organised the
            # protest it met ('مستخدمة الغاز المسيل للدموع مظاهرة نظمها حزب البعث')
            cand.sources = [sp for sp in cand.sources if sp[0] > a]
        if a in agent_hits:
            _agent_noun(sent, cand, trig_idx, entity_actor)
        elif pool and not cand.sources:
            near = min(pool, key=lambda sp: abs(sp[0] - a))
            cand.sources = [_with_quantifier(sent, near)]
            cand.agentless = cand.pronoun_source = False
            cand.targets = [t for t in cand.targets if not (t[0] <= near[0] < t[1])]
        if (_threat_of_a_thing(sent, cand, entity_actor) or _confined_thing(sent, cand, suffix, entity_actor)
                or not _visit_between_parties(sent, cand, trig_idx, entity_actor, entity_place)):
            continue
        cand.sources = [_organisation_of_members(sent, sp, trig_idx, entity_actor) for sp in cand.sources]
        cand.targets = [_organisation_of_members(sent, sp, trig_idx, entity_actor) for sp in cand.targets]
        cand.confidence = _confidence(cand, totals[trig.type], lv)
        cands.append(cand)
        last_by_type[trig.type] = b
    if any(c.type == "PROTEST" for c in cands) and not _protest_context(sent):
        festive = _festive(sent)
        crowd = any(_no_conj(t.text) in _crowd_words() for t in toks)  # 'يتجمع آلاف الأشخاص في مسيرة'
        cands = [c for c in cands if c.type != "PROTEST" or not (festive or (c.trigger.pattern.startswith("مسير") and not crowd))]
    play = any(_in_play(c) for c in cands) and _about_a_match(sent)
    cands = [c for c in _without_hazard_casualties(sent, cands)
             if not _snatched(sent, c) and not (play and _in_play(c)) and not _early_islam_victim(sent, c) and not _crash(sent, c)]
    for c in cands:
        if _verbal_attack(sent, c):
            c.type, c.mode = "ACCUSE", "disapprove"
        elif _judicial_killing(sent, c):
            _as_death_sentence(sent, c, trig_idx)
    survivor = _survivor(sent, trig_idx) if any(c.type == "ASSAULT" for c in cands) else None
    for c in cands:
        if survivor and c.type == "ASSAULT" and survivor not in c.targets:
            c.targets = [survivor] + c.targets  # whom it was aimed at, before whom it hit ('أدى إلى مقتل أحد المارة')
    _share_casualties(sent, cands, entity_actor)
    return cands


def _outside(spans: list[tuple[int, int]], trigger: tuple[int, int]) -> list[tuple[int, int]]:
    """A phrase that runs into the trigger ends where it begins: a weak trigger does not end a
    phrase, so the subject of a support verb ran into its event noun ('أطلقت جماعة متطرفة
    صاروخاً': the group, not 'جماعة متطرفة صاروخاً'). A phrase the trigger heads is kept
    ('أطلق مسلحان مجهولان النار': the armed men are the attackers)."""
    return [(a, trigger[0]) if a < trigger[0] < b else (a, b) for a, b in spans]


_APPROXIMATORS = frozenset({"نحو", "حوالي", "قرابه", "زهاء"})


def _approximate_count(sent: Sentence, k: int, trig_idx: set[int]) -> list[tuple[int, int]] | None:
    """The phrases of an approximate count at ``k`` ('نحو 150 متمردا'; a noun phrase stops at
    'نحو', which is also 'towards'), or None where none stands there ('نحو المدينة', 'نحو
    منتصف يوليو')."""
    toks = sent.tokens
    if k + 1 < len(toks) and _no_conj(toks[k].text) in _APPROXIMATORS and _is_quantity_word(toks[k + 1].text):
        nps = np_forward(sent, k + 1, trig_idx)
        return [(k, nps[0][1])] + nps[1:] if nps else []
    return None


#: 'أنه', 'لأنها', 'بأنهم': a complementiser holding the clause's subject as a pronoun.
_PRONOUN_COMPLEMENTISERS = frozenset({"انه", "انها", "انهم", "بانه", "بانها", "بانهم", "لانه", "لانها", "لانهم"})
#: Particles between that complementiser and its verb ('أنه سوف يطرد', 'أنها لم تقصف').
_VERB_PARTICLES = frozenset({"سوف", "لن", "لم", "قد", "لقد", "لا"})


def _pronoun_complementiser(toks: list[Token], head: int) -> int | None:
    """Where أنه/أنها/أنهم stands right before the verb at ``head`` (particles between)."""
    k = head - 1
    while k >= 0 and _no_conj(toks[k].text) in _VERB_PARTICLES:
        k -= 1
    return k if k >= 0 and _no_conj(toks[k].text) in _PRONOUN_COMPLEMENTISERS else None


def _after_a_pronoun_complementiser(toks: list[Token], head: int) -> bool:
    """'ذكر أنه سوف يطرد المهاجرين': the verb's subject is the pronoun in أنه, so the phrase after
    the verb is its object (the migrants were the source); a passive ('أنه قتل خمسة أشخاص') reads
    the same: the people are what the verb acts on."""
    return _pronoun_complementiser(toks, head) is not None


def _impersonal_before_feminine(toks: list[Token], k: int, feminine: bool) -> bool:
    """'أعلن المرصد أنه قصفت قوات النظام مناطق': a masculine أنه (at ``k``) before a feminine verb
    is the impersonal pronoun; the verb's subject follows it."""
    return feminine and _no_conj(toks[k].text).endswith("نه")


def _speaker_is_the_subject(toks: list[Token], k: int) -> bool:
    """'أعلنت أجهزة الأمن الروسية أنها قتلت ثمانية', 'أعلن الجيش النيجيري أنه قصف قرية': the
    pronoun of the complementiser at ``k`` is the reporting verb's subject, so the speaker did it.
    A masculine أنه after a feminine reporting verb ('أفادت الشرطة بأنه قتل ثلاثة') is the
    impersonal pronoun of a passive (قُتل) and names nobody."""
    report = _sets()["reporting"]
    verb = next((_no_conj(toks[j].text) for j in range(k - 1, max(-1, k - 10), -1) if _no_conj(toks[j].text) in report), None)
    if verb is None:
        return False
    return not _no_conj(toks[k].text).endswith("نه") or not verb.endswith("ت")


def _named_place(toks: list[Token], a: int) -> bool:
    """The word at ``a`` follows a settlement noun in construct ('مدينة تدمر', 'بلدة قتل'): the
    genitive is the place's name, no verb."""
    return a > 0 and toks[a - 1].text in _sets()["settlement_construct"]


def _share_casualties(sent: Sentence, cands: list[Candidate], entity_actor=None) -> None:
    """One attack named by a noun, with an actor as its agent and no target, and casualties with
    no agent, in one sentence: the casualties are that attack's victims and the attack is what
    hit them ('وقتل 150 مدنيا في سلسلة من الضربات الجوية الاميركية', '13 شخصا أصيبوا بعدما
    نفذت القوات الأميركية ضربة جوية'). With two such attacks the sentence does not say which
    hit whom; a verb's subject may be what an attack noun before it hit ('هجوم ... استهدف نقطة
    تفتيش'), so it lends nothing."""
    attacks = [c for c in cands if c.type == "ASSAULT" and c.sources and not c.targets and c.trigger.frame != "victim"
               and (c.light_verb or not (c.verbal or c.trigger.pos == "V")) and all(actor_like(sent, sp, entity_actor) for sp in c.sources)]
    if len(attacks) != 1:
        return
    attack = attacks[0]
    hit = [c for c in cands if c.type == "ASSAULT" and c.targets and not c.sources and _one_clause(sent, c.tok, attack.tok)]
    victims = [sp for c in hit[:1] for sp in c.targets if not all(_is_quantity_word(t.text) for t in sent.tokens[sp[0]:sp[1]])]
    if not victims:
        return  # 'ومئة جريح': a bare count names nobody
    attack.targets = victims
    for c in hit:
        c.sources = list(attack.sources)
        c.agentless = c.pronoun_source = False


#: Prepositions after which an undiacritised stem is a noun ('في قصف', 'جراء قصف').
_NOUN_BEFORE = frozenset({"في", "اثر", "جراء", "خلال", "اثناء"})
_CONTRAST = frozenset({"فيما", "بينما", "حين", "لكن", "كما", "ثم", "حيث", "اذ"})


def _one_clause(sent: Sentence, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """No punctuation and no contrast ('بينما', 'فيما') between two triggers: 'قتل 10 في غارات
    روسية، بينما شن الجيش الأمريكي غارة' reports two attacks, not one and its victims."""
    lo, hi = min(a[1], b[1]), max(a[0], b[0])
    return not any(_is_punct(t) or _no_conj(t.text) in _CONTRAST for t in sent.tokens[lo:hi])


def _achieved(word: str) -> bool:
    """What follows 'تحقيق' when it means achieving: a noun ('الفوز', 'نجاحات', 'للأهداف'), not
    the adjective ('دولي', 'أمني') or the preposition ('حول', 'بشأن') of an investigation."""
    w = _no_conj(word)
    return (w.startswith(("ال", "لل")) or w in _ELATIVES  # 'تحقيق أعلى معدلات الجودة'
            or not (w.endswith(("ي", "يه", "يا")) or w in ("حول", "بشان", "بخصوص", "عن")))


#: Elatives (folded): 'أعلى', 'أكبر', 'أفضل' after تحقيق are what is achieved.
_ELATIVES = frozenset({"اعلي", "اكبر", "افضل", "اكثر", "ادني", "اقصي", "اقل", "احسن", "اعظم", "اسرع"})


def _definite(prefix: str, trig: Trigger) -> bool:
    """The trigger carries the article ('الاعتقال', or a stem that includes it: 'الافراج')."""
    return prefix.endswith(("ال", "لل")) or trig.pattern.startswith("ال")


def _adjectives_after(sent: Sentence, b: int, entity_actor=None) -> int:
    """End of the indefinite adjectives right after an indefinite event noun ('مساعدات غذائية',
    'عقوبات اقتصادية', 'مساعدات عاجلة لليونان'): an adjective, not a genitive, so the noun has no
    party after it and whom it concerns follows in a phrase. Nisba adjectives by their ending,
    others from ``indefinite_adjectives`` (cues_ar.json); a name the tagger knows is none. Only
    the feminine nisba: the masculine plural names people ('مقتل مدنيين', 'شرطيين'), and 'ثمانية'
    is a number."""
    toks = sent.tokens
    k = b
    while k < min(len(toks), b + 3):
        w = toks[k].text
        if k > b and w.startswith("و"):
            w = w[1:]  # 'طوعية وإجبارية'
        nisba = len(w) >= 5 and w.endswith("يه") and w not in _NUMBER_WORDS
        listed = w in _sets()["indefinite_adjectives"]  # 'واسعة' opens with و, no conjunction
        if (not listed and w.startswith(("ال", "و", "ل", "ب"))) or not (nisba or listed) or (entity_actor and entity_actor((k, k + 1))):
            break
        k += 1
    return k


def _threat_of_a_thing(sent: Sentence, c: Candidate, entity_actor=None) -> bool:
    """'ما يهدد سلامة الطفل', 'تهدد المواجهة الاستقرار': a situation that threatens something is
    no threat made (PLOVER THREATEN needs an actor); a subject found must be actor-like."""
    return c.type == "THREATEN" and bool(c.sources) and not any(_party(sent, sp, entity_actor) for sp in c.sources)


def _confined_thing(sent: Sentence, c: Candidate, suffix: str, entity_actor=None) -> bool:
    """'احتجاز الكربون', 'احتجاز يد عامل داخل فرامة', 'حصر جميع المواقع': what is held or counted
    is a thing, so no party was coerced (``detained_things``, ``party_object_verbs``)."""
    if c.type != "COERCE":
        return False
    s = _sets()

    def head(a: int, b: int) -> int:  # past a count: 'ملايين الأمتار'
        return a + 1 if b - a > 1 and _is_quantity_word(_no_conj(sent.tokens[a].text)) else a

    if any(bare(sent.tokens[h].text) in s["detained_things"] or sent.tokens[h].text in s["detained_things"] for h in (head(a, b) for a, b in c.targets)):
        return True
    if c.trigger.pattern in s["party_object_verbs"] and not suffix.endswith(_POSSESSIVES):
        return not any(_party(sent, sp, entity_actor) for sp in c.targets)
    return False


_TO = {"الي", "الى"}


def _visited_after(sent: Sentence, k: int, trig_idx: set[int], entity_place=None) -> tuple[int, int] | None:
    """The place or party visited, in 'إلى X' or 'لـX' within three tokens of ``k``, past an
    adjective ('زيارة رسمية للمملكة')."""
    toks = sent.tokens
    for m in range(k, min(len(toks), k + 3)):
        w = _no_conj(toks[m].text)
        if _is_punct(toks[m]):
            return None
        if w in _TO:
            return _name_or_phrase(sent, m + 1, trig_idx, entity_place)
        if w.startswith("ل") and not w.startswith("ال") and len(w) > 3:
            return _name_or_phrase(sent, m, trig_idx, entity_place)
    return None


def _name_or_phrase(sent: Sentence, k: int, trig_idx: set[int], *probes, max_len: int = 6) -> tuple[int, int] | None:
    """The name the tagger found at token ``k`` (any of ``probes`` says a span is one), alone;
    else the noun phrase there: a verb after a name is no part of it ('لإيران ستجري')."""
    toks = sent.tokens

    def named(span: tuple[int, int]) -> bool:
        return any(probe is not None and probe(span) for probe in probes)

    if k < len(toks) and named((k, k + 1)):
        end = k + 1
        while end < len(toks) and not _is_punct(toks[end]) and named((end, end + 1)):
            end += 1
        return k, end
    nps = np_forward(sent, k, trig_idx, max_len=max_len)
    return nps[0] if nps else None


def _arrived_at(sent: Sentence, a: int, trig_idx: set[int]) -> tuple[int, int] | None:
    """'وصل الوزير إلى القاهرة في زيارة رسمية': where a visit is the purpose of a journey, the
    visited is the 'إلى X' before it, in the same clause."""
    toks = sent.tokens
    if a == 0 or _no_conj(toks[a - 1].text) != "في":
        return None
    for m in range(a - 2, max(-1, a - 10), -1):
        if _is_punct(toks[m]) or _no_conj(toks[m].text) in _BOUNDARY_WORDS:
            return None
        if _no_conj(toks[m].text) in _TO:
            nps = np_forward(sent, m + 1, trig_idx)
            return nps[0] if nps and nps[0][1] <= a - 1 else None
    return None


def _visit_between_parties(sent: Sentence, c: Candidate, trig_idx: set[int], entity_actor=None, entity_place=None) -> bool:
    """Whether a visit is a PLOVER CONSULT, a visit between actors; its roles are set on the way.
    After the noun, an actor is the visitor ('زيارة ولي العهد إلى واشنطن') and 'إلى X' or 'لـX'
    the visited. What is visited must be a party or a place that is no site: a tour of a
    hospital or a project ('زار الأمير المستشفى'), or a 'visit' with nobody on either side
    (relatives visiting in an Eid report), is no consultation (``tour_sites`` in cues_ar.json)."""
    if c.type != "CONSULT" or c.mode != "visit":
        return True
    toks = sent.tokens
    b = c.tok[1]
    if c.verbal and c.sources and not c.targets and c.sources[0][0] >= b and entity_place and entity_place((c.sources[0][0], c.sources[0][0] + 1)):
        # 'أول مسؤول أميركي يزور إسرائيل': a place right after the verb is visited; officials visit
        c.targets, c.sources = [_name_or_phrase(sent, c.sources[0][0], trig_idx, entity_place)], []

    def party(span: tuple[int, int]) -> bool:  # by its head: 'مستشفى الملك فهد' is a site
        return _party(sent, (span[0], span[0] + 1), entity_actor)

    if not c.verbal and not c.sources and c.targets and c.targets[0][0] == b and party(c.targets[0]):
        start, end = c.targets[0]
        end = next((m for m in range(start + 1, end) if _no_conj(toks[m].text) in _TO
                    or (toks[m].text.startswith("ل") and not toks[m].text.startswith("ال"))), end)
        c.sources, c.targets, c.agentless = [(start, end)], [], False

    def visitable(span: tuple[int, int]) -> bool:
        return bare(toks[span[0]].text) not in _sets()["tour_sites"] and (party(span) or place_like(sent, span, entity_place))

    journey = False  # 'وصل الوزير إلى القاهرة في زيارة': the traveller is the journey verb's subject
    if not c.verbal and not (c.targets and visitable(c.targets[0])):
        after = max([b] + [sp[1] for sp in c.sources if sp[0] >= b])
        visited = _visited_after(sent, after, trig_idx, entity_place)
        if visited is None:
            visited = _arrived_at(sent, c.tok[0], trig_idx)
            journey = visited is not None
        if visited is not None:
            c.targets = [visited]  # else the genitive stays what is visited: 'زيارة القسم'
    if not c.targets:
        return any(_party(sent, sp, entity_actor) for sp in c.sources)
    visited = c.targets[0]
    if bare(toks[visited[0]].text) in _sets()["tour_sites"]:
        return False  # a site toured, whatever the tagger calls it ('القسم الترفيهي')
    if party(visited):
        return True
    # a place, visited by a party or on a journey: a tourist's 'زيارة المدينة' is no consultation
    return place_like(sent, visited, entity_place) and (journey or any(_party(sent, sp, entity_actor) for sp in c.sources))


#: How far before a possessed noun its possessor is looked for ('قال وزير الخارجية خلال زيارته').
_POSSESSOR_REACH = 5


def _possessor(sent: Sentence, a: int, entity_actor=None) -> tuple[int, int] | None:
    """The party a possessive pronoun on the noun at ``a`` refers to: the nearest actor a few
    words before it in its clause ('قال الرئيس خلال زيارته', 'أعلن الرئيس سيب بلاتر استقالته'),
    with the names, titles and definite adjectives around it ('الرئيس الفرنسي')."""
    toks = sent.tokens

    def named(k: int) -> bool:
        return bool(entity_actor and entity_actor((k, k + 1)))

    for k in range(a - 1, max(-1, a - 1 - _POSSESSOR_REACH), -1):
        if _is_punct(toks[k]) or _is_quote(toks[k]):
            return None
        if actor_like(sent, (k, k + 1), entity_actor) and not _no_conj(toks[k].text).startswith(("ل", "ب")):
            start, end = k, k + 1
            while start > 0 and named(start - 1):
                start -= 1
            if start > 0 and actor_like(sent, (start - 1, start), entity_actor):
                start -= 1  # the title before a name ('الرئيس سيب بلاتر')
            while end < a and (named(end) or (toks[end].text.startswith("ال") and not _stopword(toks[end].text))):
                end += 1
            return start, end
    return None


def _snatched(sent: Sentence, c: Candidate) -> bool:
    """'خطفت النجمة الأنظار', 'خطف الفريق الفوز', 'خطف هدف التعادل': snatching the limelight, a
    win or a goal is no abduction (cues_ar.json ``snatched_not_abducted``, up to 3 tokens after
    the subject)."""
    if c.type != "ASSAULT" or c.mode != "abduct":
        return False
    toks = sent.tokens
    words = _sets()["snatched"]
    # the object follows the subject: 'خطفت الطفلة البحرينية … الأنظار' (a passive reading makes the
    # subject the target right after the verb)
    end = max([c.tok[1]] + [b for _, b in c.sources] + [b for a, b in c.targets if a == c.tok[1]])
    if any(toks[k].text in words or bare(toks[k].text) in words for k in range(c.tok[1], min(len(toks), end + 3))):
        return True
    # nobody abducted, and the object after a long subject ('وخطف الملياردير دونالد ترامب الذي يأتي
    # في الطليعة …، الأضواء')
    return not c.targets and any(toks[k].text in words for k in range(end, len(toks)))


_ATTACK_WORDS = {"هاجم", "هجوم", "هجمات"}  # trigger patterns that also name an attack in words


def _judicial_killing(sent: Sentence, c: Candidate) -> bool:
    """'نفذت وزارة الداخلية حكم القتل تعزيراً في ...', 'قضت المحكمة بإعدام ...': a death sentence,
    passed or carried out, is a court's penalty (SANCTION, convict), not an attack."""
    if c.type != "ASSAULT":
        return False
    s, toks = _sets(), sent.tokens
    a, b = c.tok
    word = _no_conj(toks[a].text)
    stem = word[1:] if word.startswith("ب") else word
    if stem not in s["judicial_stems"]:
        return False
    if (a > 0 and _no_conj(toks[a - 1].text) in s["sentence_before"]) or (b < len(toks) and toks[b].text in s["sentence_after"]):
        return True
    return word.startswith("ب") and any(_no_conj(t.text) in s["court_words"] for t in toks[max(0, a - 4):a])


def _as_death_sentence(sent: Sentence, c: Candidate, trig_idx: set[int]) -> None:
    """A court's penalty: the ruling word is no agent ('ونفذ حكم القتل'), whom it was carried out
    on follows في ('حكم القتل في الجاني')."""
    s, toks = _sets(), sent.tokens
    c.type, c.mode = "SANCTION", "convict"
    c.sources = [sp for sp in c.sources if _no_conj(toks[sp[0]].text) not in s["sentence_before"]]
    k = c.tok[1] + (c.tok[1] < len(toks) and toks[c.tok[1]].text in s["sentence_after"])
    if not c.targets and k < len(toks) and toks[k].text == "في":
        c.targets = np_forward(sent, k + 1, trig_idx)[:1]


def _verbal_attack(sent: Sentence, c: Candidate) -> bool:
    """'هاجم ترامب المهاجرين بكلمات قاسية', 'شن هجوماً لاذعاً على الحكومة': an attack in words is
    a criticism (PLOVER ACCUSE), when words, a statement or a sharp tone are named within eight
    tokens of the trigger and the sentence names no casualty or weapon."""
    if c.type != "ASSAULT" or c.trigger.pattern not in _ATTACK_WORDS or c.mode is not None:
        return False
    toks = sent.tokens
    cues = _sets()["verbal_attack"]
    near = range(max(0, c.tok[0] - 2), min(len(toks), c.tok[1] + 8))
    if not any(toks[k].text in cues or _in_lexicon(toks[k].text, cues) for k in near):  # 'في تصريحاته'
        return False
    return not any(_sets()["violence"].search(t.text) for t in toks)


def _hazard_starts(toks: list[Token]) -> set[int]:
    """Tokens where a hazard phrase (cues_ar.json ``hazards``) starts, clitics aside, but for one
    that makes another word with its neighbour (``homograph_pairs``: 'منظمات تدافع عن حقوق
    الإنسان' defend, no stampede)."""
    return {k for k in _phrase_starts(toks, _sets()["hazards"]) if not _in_homograph_pair(toks, k)}


def _phrase_starts(toks: list[Token], by_first: dict[str, list[list[str]]]) -> set[int]:
    """Tokens where one of the phrases (indexed by first word) starts, clitics aside."""
    forms = [{t.text, bare(t.text), _no_conj(t.text)} for t in toks]
    starts = set()
    for k, form in enumerate(forms):
        for w in form & by_first.keys():
            if any(k + len(p) <= len(toks) and all(p[m] in forms[k + m] for m in range(1, len(p))) for p in by_first[w]):
                starts.add(k)
    return starts


#: Words that open a clause of what came before or after ('بعد إصابتها'): a hazard before them
#: is no subject of the event after them.
_SEQUENCE_WORDS = _BOUNDARY_WORDS | {"بعد", "اثر", "عقب", "قبل", "اثناء", "جراء"}


def _without_hazard_casualties(sent: Sentence, cands: list[Candidate]) -> list[Candidate]:
    """'لقي شخص مصرعه وأصيب 7 آخرون إثر حادث انقلاب سيارة', 'قتلت إنفلونزا الطيور 48 مليون طائر':
    casualties of an accident, a disaster or a disease are no attack. Dropped when the sentence
    names a hazard and holds no attack of its own (an attack trigger with a mode, not a counted
    noun such as '24 مسلحا', or an agent that is not the hazard): 'حادث إطلاق نار' stays an attack.
    People a hazard holds are no detainees, nor is a hazard ('أمطار الجنوب ... تحتجز 10 أشخاص', 'دهم
    سيول وادي ضمد للأحياء': trapped, raided by floods), nor people rescuers free (``rescuers``)."""
    if not any(c.type in ("ASSAULT", "COERCE") for c in cands):
        return cands
    toks = sent.tokens
    if _phrase_starts(toks, _sets()["rescuers"]):  # 'حررت فرق الدفاع المدني 3 أشخاص احتجزوا': trapped
        cands = [c for c in cands if not (c.type == "COERCE" and c.mode == "arrest")]
    hazards = _hazard_starts(toks)
    if not hazards:
        return cands

    def hazard_agent(c: Candidate) -> bool:
        """Its subject, or the phrase right before it ('إعصار قوي ضرب تايوان', 'زلزال بقوة 5.1
        درجة، ضرب المناطق', 'عاصفة ثلجية في عام 1979 احتجزتها في البيت'; not across a clause:
        'تحطمت الطائرة بعد إصابتها بصاروخ')."""
        before = range(c.tok[0] - 6, c.tok[0])
        return (any(k in hazards for a, b in c.sources for k in range(a, b))
                or any(k in hazards and not any(_no_conj(toks[m].text) in _SEQUENCE_WORDS for m in range(k + 1, c.tok[0])) for k in before))

    cands = [c for c in cands if not (c.type == "COERCE" and (
        any(k in hazards for a, b in (*c.sources, *c.targets) for k in range(a, b)) or (not c.sources and hazard_agent(c))))]
    if not any(c.type == "ASSAULT" for c in cands):
        return cands

    def casualty_only(c: Candidate) -> bool:
        return c.type == "ASSAULT" and (hazard_agent(c) or (c.mode is None or counted_people(c)) and (c.trigger.frame == "victim" or not c.sources))

    def counted_people(c: Candidate) -> bool:  # '24 مسلحا ... لقوا مصرعهم إثر جرفهم بسيول': gunmen, no gunfire
        return c.tok[0] > 0 and _is_quantity_word(sent.tokens[c.tok[0] - 1].text)

    if any(c.type == "ASSAULT" and not casualty_only(c) for c in cands):
        return cands
    return [c for c in cands if not casualty_only(c)]


def _crash(sent: Sentence, c: Candidate) -> bool:
    """'سيارة تقتحم محلا للبدل العسكرية' (a car ploughs into a shop): a vehicle that storms is a
    crash, not a raid (cues_ar.json ``vehicles``)."""
    return (c.type == "ASSAULT" and c.trigger.pattern.startswith("اقتحم") and bool(c.sources)
            and _no_conj(sent.tokens[c.sources[0][0]].text) in _sets()["vehicles"])


def _early_islam_victim(sent: Sentence, c: Candidate) -> bool:
    """'فقد قتلوا عثمان رضي الله عنه': a victim blessed as a companion of the Prophet (cues_ar.json
    ``early_islam_honorifics``) was killed in the seventh century; a sermon recalling it is no attack."""
    if c.type != "ASSAULT" or not c.targets:
        return False
    starts = _phrase_starts(sent.tokens, _sets()["honorifics"])
    return any(k in starts for a, b in c.targets for k in range(a, b + 1))


def _protest_context(sent: Sentence) -> bool:
    """A word of protest in the sentence (cues_ar.json ``protest_context_stems``: تظاهر، احتج،
    تنديد، شعارات، هتاف …)."""
    stems = _sets()["protest_context"]
    return any(st in t.text for t in sent.tokens for st in stems)


def _festive(sent: Sentence) -> bool:
    """'احتشد العشرات للاحتفال بالقرنقعوه': a crowd gathered to celebrate (cues_ar.json ``festive_words``)."""
    words = _sets()["festive"]
    return any(_no_conj(t.text) in words or bare(t.text) in words for t in sent.tokens)


def _in_play(c: Candidate) -> bool:
    """An attack, an expulsion ('طرد حارس المرمى': a sending-off), a club's complaint or the
    fans' chants ('رفض احتجاج نادي الفيحاء', 'هدفا لهتافات عنصرية') that a match makes play."""
    return (c.type == "ASSAULT" or (c.type == "SANCTION" and c.mode == "expel")
            or (c.type == "PROTEST" and c.trigger.pattern in ("احتجاج", "هتافات")))


def _about_a_match(sent: Sentence) -> bool:
    """'شن لاعبو الهلال هجوماً على مرمى النصر', 'وقتل الفريق المباراة', 'إصابة اللاعب', 'طرد
    الحارس': an attack, a kill, an injury or a sending-off in a sentence about a match (cues_ar.json
    ``sports_context``) is play, unless a weapon is named ('اشتباكات بالأسلحة قرب الملعب')."""
    toks = sent.tokens
    if not _phrase_starts(toks, _sets()["sports"]):
        return False
    return not any({t.text, bare(t.text), _no_conj(t.text)} & weapon_words("ar") for t in toks)


def _possessive_member(word: str) -> bool:
    """'جنوده', 'قواتها', 'وعناصرهم': members of an organisation named by a pronoun."""
    w = bare(word)
    return any(w.endswith(suffix) and w[: -len(suffix)] in _sets()["members"] for suffix in ("هم", "ها", "ه"))


def _organisation_of_members(sent: Sentence, span: tuple[int, int], trig_idx: set[int], entity_actor=None) -> tuple[int, int]:
    """'أعلن الجيش الأميركي مقتل أحد جنوده', 'قال الجيش إن قواته قتلت مسلحاً': members named
    through a possessive pronoun stand for the organisation named before them in the sentence."""
    toks = sent.tokens
    if not any(_possessive_member(toks[k].text) for k in range(span[0], min(span[1], span[0] + 3))):
        return span
    copy_of = _copy_received(toks, span[0])
    for k in range(span[0] - 1, max(-1, span[0] - 13), -1):
        if _is_punct(toks[k]) and toks[k].text not in "،,":
            break
        if k in copy_of:
            continue  # 'في بيان تلقت «الشرق الأوسط» نسخة منه': the paper that got the statement
        if actor_like(sent, (k, k + 1), entity_actor) and not _possessive_member(toks[k].text):
            start = k  # the noun phrase around it: 'الجيش الأميركي' when 'الأميركي' is met first
            while start > 0 and k - start < 3 and not (_is_punct(toks[start - 1]) or _stopword(toks[start - 1].text) or start - 1 in trig_idx):
                start -= 1
            nps = np_forward(sent, start, trig_idx, max_len=4)
            if nps and nps[0][1] <= span[0]:
                return nps[0]
    return span


def _copy_received(toks: list[Token], end: int) -> set[int]:
    """Tokens before ``end`` of the clause 'تلقت «الشرق الأوسط» نسخة منه' (cues_ar.json
    ``copy_received_verbs``): who received a copy of a statement is no party to it."""
    verbs = _sets()["copy_received"]
    out: set[int] = set()
    for k in range(max(0, end - 14), end):
        if toks[k].text == "نسخه":
            v = next((j for j in range(k - 1, max(-1, k - 6), -1) if _no_conj(toks[j].text) in verbs), None)
            if v is not None:
                out.update(range(v, k + 2))
    return out


def _survivor(sent: Sentence, trig_idx: set[int]) -> tuple[int, int] | None:
    """Who survived the attack ('نجا قائد الشرطة من محاولة اغتيال'): its target."""
    toks = sent.tokens
    for k, tok in enumerate(toks):
        if _no_conj(tok.text) in _sets()["survived"]:
            back = np_backward(sent, k, trig_idx)
            if back:
                return back
            nps = np_forward(sent, _skip_adverbs(toks, k + 1), trig_idx)
            if nps:
                return nps[0]
    return None


_AGENT_NOUNS = {"متظاهر", "محتج", "معتصم", "مضرب", "متظاهرو", "المتظاهر", "متظاهرين", "متظاهرون", "محتجين", "محتجون"}


_ATTACKER_NOUNS = {"انتحاري", "انتحاريه", "انتحاريين"}


def _is_agent_noun(hit, toks: list[Token], noun_starts: set[int]) -> bool:
    """Protester nouns always; 'انتحاري' only as a noun: not after a nominal trigger ('هجوم
    انتحاري'), but after a verb it is the subject ('استهدف انتحاري اجتماعا')."""
    pat = hit[2].pattern
    if pat in _AGENT_NOUNS:
        return True
    if pat in _ATTACKER_NOUNS:
        a = hit[0]
        prev = toks[a - 1].text if a else ""
        return (a - 1) not in noun_starts and bare(prev) not in _ATTACK_HEADS and prev not in _ATTACK_HEADS
    return False


_ATTACK_HEADS = {"هجوم", "هجمات", "تفجير", "تفجيرات", "عمليه", "عمليات", "حزام", "هجومين", "هجومان", "اعتداء", "انفجار", "سياره", "بسياره", "هجوما", "تفجيرا", "عمليتين", "عمليتان", "انتحاري", "انتحاريه", "انتحاريين"}


def _with_quantifier(sent: Sentence, span: tuple[int, int]) -> tuple[int, int]:
    """'مئات المتظاهرين', 'آلاف من المحتجين', 'نحو ألف متظاهر': include the quantifier before an
    agent noun."""
    toks = sent.tokens
    a = span[0]
    if a >= 2 and toks[a - 1].text == "من" and _no_conj(toks[a - 2].text) in _QUANT_HEADS:
        a -= 2
    elif a >= 1 and (_no_conj(toks[a - 1].text) in _QUANT_HEADS or _no_conj(toks[a - 1].text) in _NUMBER_WORDS or toks[a - 1].text.isdigit()):
        a -= 1
        if a >= 1 and _no_conj(toks[a - 1].text) in _APPROXIMATORS:
            a -= 1
    return (a, span[1])


def _agent_noun(sent: Sentence, cand: Candidate, trig_idx: set[int], entity_actor=None) -> None:
    """'المتظاهرون', 'آلاف المحتجين': the trigger names the protesters themselves. What they face
    after ضد/على must be a party ('ضد الحكومة'), not a place or an issue ('على مشارف المطار',
    'على خلفية مقتل'): otherwise the protest-target cues decide."""
    cand.sources = [_with_quantifier(sent, cand.tok)]
    cand.agentless = cand.pronoun_source = False
    if not cand.targets:
        other = _other_side(sent, cand.tok, trig_idx)
        if other:
            cand.targets = [other]
    if not cand.targets:
        t = _find_after(sent, cand.tok[1], 8, {"ضد", "على", "علي"}, trig_idx)
        if t is None or not _party(sent, t, entity_actor):
            t = _protest_target(sent, cand.tok[1], trig_idx, entity_actor)
        if t:
            cand.targets = [t]


def _other_side(sent: Sentence, tok: tuple[int, int], trig_idx: set[int]) -> tuple[int, int] | None:
    """'مواجهات بين الشرطة والمتظاهرين', 'صدامات بين المحتجين وقوات الأمن': the protesters named as
    one side of a بين X و Y pair face the other side."""
    toks = sent.tokens
    a, b = tok
    if toks[a].text.startswith("و") and not toks[a].text.startswith("ال"):  # 'بين X والمتظاهرين'
        for k in range(a - 1, max(-1, a - 7), -1):
            if _is_punct(toks[k]):
                return None
            if _no_conj(toks[k].text) == "بين":
                return (k + 1, a) if a > k + 1 else None
        return None
    if a >= 1 and _no_conj(toks[a - 1].text) == "بين":  # 'بين المتظاهرين وقوات الأمن'
        k = b
        while k < len(toks) and k < b + 3 and not toks[k].text.startswith("و"):
            if _is_punct(toks[k]) or _stopword(toks[k].text):
                return None
            k += 1
        if k < len(toks) and toks[k].text.startswith("و") and len(toks[k].text) > 2:
            nps = np_forward(sent, k, trig_idx, max_len=5)
            if nps:
                return nps[0]
    return None


def _rel_tokens(sent: Sentence) -> list[Token]:
    return [Token(t.text, t.start - sent.start, t.end - sent.start) for t in sent.tokens]


def _confidence(c: Candidate, total: float, lv) -> float:
    conf = 0.35 + 0.45 * min(1.0, c.trigger.weight) + 0.05 * min(2.0, max(0.0, total - c.trigger.weight))
    if c.sources:
        conf += 0.08
    if c.targets:
        conf += 0.05
    if lv is not None:
        conf += 0.04
    return round(max(0.05, min(0.97, conf)), 3)


def _continue_verb(word: str) -> bool:
    """'واصل', 'وواصلت', 'يواصل' (the و of 'واصل' is no conjunction)."""
    return word in _sets()["continue"] or _no_conj(word) in _sets()["continue"]


def _chained_support_verb(sent: Sentence, k: int) -> int | None:
    """'الحزب واصل من جهته شن هجمات', 'بدأت القوات العراقية شن هجوم': a support verb with no
    subject of its own shares that of the support verb right before it or before its subject."""
    toks = sent.tokens

    def lends_its_subject(w: str) -> bool:
        return _continue_verb(w) or _sets()["light"].get(_no_conj(w)) == "source"

    m = k - 3 if k >= 3 and _no_conj(toks[k - 2].text) == "من" else k - 1  # 'من جهته'
    if m >= 0 and lends_its_subject(toks[m].text):
        return m
    for m in range(k - 2, max(-1, k - 8), -1):
        if lends_its_subject(toks[m].text):
            subject = np_forward(sent, m + 1, {k}, max_len=7)
            return m if subject and subject[0] == (m + 1, k) else None
    return None


def _clause_subject(sent: Sentence, head: int, trig_idx: set[int], reach: int = 12) -> tuple[int, int] | None:
    """Subject of the clause a coordinated verb belongs to: 'ان NP V1 ... وV2' -> NP."""
    toks = sent.tokens
    for k in range(head - 1, max(-1, head - reach), -1):
        if _is_punct(toks[k]) and toks[k].text not in "،," and not _is_quote(toks[k]):
            return None
        if _no_conj(toks[k].text) in ("ان", "انه", "كان", "كانت", "كانوا") or toks[k].text == "ان":
            # 'وكان أنصار X قاموا بعمليات وخطفوا': كان opens the clause like أنّ
            nps = np_forward(sent, k + 1, trig_idx, max_len=4)
            if nps and actor_like(sent, nps[0]):
                return nps[0]
            return None
    return None


#: Words that open the next clause right after a verb: no object follows ('قتلوا كما أصيب العشرات').
_CLAUSE_LINKS = frozenset({"كما", "بينما", "فيما", "حيث", "عندما", "حين", "بعدما", "اثناء"})


def _casualty_subject(sent: Sentence, i: int, trig_idx: set[int]) -> tuple[int, int] | None:
    """A counted group of people right before a killing/wounding verb ('إن 11 مدنياً قتلوا')."""
    toks = sent.tokens
    k = i - 1
    if k >= 1 and toks[k].text in ("الاقل", "الأقل") and toks[k - 1].text in ("على", "علي"):
        k -= 2
    end = k + 1
    start = None
    for m in range(k, max(-1, k - 5), -1):
        w = _no_conj(toks[m].text)
        if _is_punct(toks[m]) or m in trig_idx or w in _BOUNDARY_WORDS:
            break  # 'قتل 12 شخصا عندما هاجم': the people are another clause's
        if w.isdigit() or w in _QUANT_HEADS or w in _NUMBER_WORDS:
            start = m
    if start is None or end <= start:
        return None
    if not any(_people_word(toks[m].text) for m in range(start, end)):
        # any counted noun before a plural verb with no object after it: 'إن 3 حوثيين قتلوا على متن دبابة'
        if not (toks[i].text.endswith("وا") and _no_object_after(toks, i) and any(not _is_quantity_word(toks[m].text) for m in range(start, end))):
            return None
    return (start, end)


def _no_object_after(toks: list[Token], i: int) -> bool:
    """Nothing a verb at ``i`` could take as its object follows it ('قتلوا ليلا في غارة'), past a
    date ('ثلاثة مقنعين اختطفوا في مايو الماضي الأب جاك مراد': the masked men abducted him)."""
    nxt = i + 1 if i + 1 < len(toks) and _is_punct(toks[i + 1]) else _skip_adverbs(toks, i + 1)
    return nxt >= len(toks) or _is_punct(toks[nxt]) or _stopword(toks[nxt].text) or _no_conj(toks[nxt].text) in _CLAUSE_LINKS


def _past_a_date(toks: list[Token], k: int) -> int:
    """Past 'في مايو الماضي', 'في 29 يونيو 2015' at ``k`` (else ``k``)."""
    if k + 1 >= len(toks) or toks[k].text != "في":
        return k
    months = month_words("ar")
    j = k + 1 + (toks[k + 1].text.isdigit())
    if j >= len(toks) or toks[j].text not in months:
        return k
    j += 1
    while j < len(toks) and (toks[j].text in ("الماضي", "الحالي", "المقبل", "الجاري", "/") or toks[j].text.isdigit()
                             or toks[j].text.lstrip("/") in months):  # 'تموز/يوليو'
        j += 1
    return j


def _victim_subject(sent: Sentence, cand: Candidate, prefix: str, suffix: str, trig_idx: set[int]) -> tuple[int, int] | None:
    """People named right before a bare killing verb with no object after it are its victims
    (passive reading): 'إن «جنديا عراقيا قتل وأصيب آخر»', 'شخصين قتلا جراء هجوم'. With an
    object the verb is active and the people are the agent ('جنوده قتلوا خمسة مسلحين')."""
    if cand.trigger.pattern not in _PASSIVE_VERBS or prefix not in ("", "و", "ف") or suffix not in ("", "ت", "ا", "وا"):
        return None
    toks = sent.tokens
    k = _skip_adverbs(toks, cand.tok[1])
    has_object = k < len(toks) and not (_is_punct(toks[k]) or _is_quote(toks[k]) or _stopword(toks[k].text) or _no_conj(toks[k].text) in _CLAUSE_LINKS
                                        or toks[k].text.startswith(("و", "ب", "ل")) or k in trig_idx)
    if has_object:
        return None
    back = np_backward(sent, cand.tok[0], trig_idx)
    if back is None or not any(bare(toks[m].text) in people_nouns() or _no_conj(toks[m].text) in people_nouns() for m in range(*back)):
        return None
    return back


def _number_words() -> frozenset[str]:
    """Arabic number words of one token (quantities.json units, tens, hundreds, scales; 'صفر' is also the
    month Safar) and 'أحد' of 'أحد عشر'."""
    q = quantities("ar")
    words = [w for key in ("units", "tens", "hundreds", "scales") for w in q[key] if " " not in w and w != "صفر"]
    return frozenset(words) | {"احد"}


_NUMBER_WORDS = _number_words()


#: Words after which a nominal clause starts: its first noun phrase is the subject.
_THAT = {"ان", "بان", "لان", "وان"}


def _after_that_subject(sent: Sentence, a: int, b: int, trig_idx: set[int], entity_actor=None) -> bool:
    """The trigger ``a:b`` stands between an actor that أن/إن opens and an object: 'أن طيران
    التحالف الدولي قصف مواقع'. The actor is the noun phrase right after أن and ends at the
    trigger; without an object after it the verb may be passive ('أن فلاناً قُتل أثناء توجهه')."""
    toks = sent.tokens
    k = next((k for k in range(a - 1, max(-1, a - 6), -1) if toks[k].text in _THAT), None)
    subject = np_forward(sent, k + 1, trig_idx) if k is not None else []
    if not subject or subject[-1][1] != a:
        back = np_backward(sent, a, trig_idx)  # 'أن عنصراً من «بوكو حرام» قتل': a phrase with من
        k = back[0] - 1 if back and back[0] >= 1 and toks[back[0] - 1].text in _THAT else None
    if k is None or k == a - 1 or not actor_like(sent, (k + 1, a), entity_actor):
        return False
    obj = np_forward(sent, b, trig_idx) if b < len(toks) and not toks[b].text.startswith(("ب", "ل")) else []
    return bool(obj)


def _arguments(sent, cand: Candidate, prefix: str, suffix: str, lv, trig_idx, entity_actor, entity_place, own_idx: set[int],
               conj_idx: set[int]) -> None:
    """Sources and targets of one candidate. ``own_idx``: the tokens of triggers of the
    candidate's own type; a trigger of another type may be the object ('استهدف اجتماعاً' =
    targeted a meeting, 'استهدف موكباً'), but not a verb coordinated by و (``conj_idx``: 'قُتل
    واعتقل 16 شخصًا', a second event)."""
    toks = sent.tokens
    a, b = cand.tok
    frame = cand.trigger.frame
    inflected = cand.trigger.pos == "X" and bool(prefix) and _no_conj(prefix) in _VERB_PREFIXES or suffix in _VERB_SUFFIXES
    is_verb = cand.trigger.pos == "V" or inflected
    plural_verb = suffix in ("وا", "ون", "تا", "ا") or cand.trigger.pattern.endswith("وا")
    if not is_verb and lv is None and cand.trigger.pos == "X" and not prefix.endswith("ال") and b < len(toks):
        nxt = _no_conj(toks[b].text)
        if nxt in _QUANT_HEADS or (not toks[b].text.startswith(("ب", "ل")) and actor_like(sent, (b, b + 1))) or (b in {k for k in range(b, b + 1)} and bare(toks[b].text) in _AGENT_NOUNS):
            is_verb = True
    if not is_verb and lv is None and cand.trigger.pos == "X" and prefix in ("", "و", "ف") and not suffix and (a == 0 or _is_punct(toks[a - 1]) or _no_conj(toks[a - 1].text) in _BEFORE_A_VERB):
        is_verb = True  # clause-initial bare stem ('قتل أمس سبعة', 'وقتل شخص', 'بينما تظاهر'): a perfect verb
    if not is_verb and lv is None and cand.trigger.pos == "X" and prefix == "" and not suffix and _after_that_subject(sent, a, b, trig_idx, entity_actor):
        is_verb = True  # 'أن طيران التحالف قصف مواقع': the actor after أن is the subject of a perfect verb
    if not is_verb and lv is None and cand.trigger.pos == "X" and prefix == "" and not suffix and _after_a_pronoun_complementiser(toks, a):
        is_verb = True  # 'أعلن الجيش أنه قصف قرية': after أنه the bare stem is a perfect verb
    if is_verb and not prefix and not suffix and a > 0 and _no_conj(toks[a - 1].text) in _PASSIVE_SUPPORT:
        is_verb = False  # 'تم ضبط كميات من الأسلحة': the verbal noun of a passive, its genitive what was seized
    # what the sentence classifier reads: a stem before an actor looks like a verb ('قصف الجيش')
    cand.verbal = bool(is_verb)
    masdar = None
    if lv is None and cand.trigger.pos != "V" and not suffix and not prefix.endswith("ال") and cand.type in ("ASSAULT", "COERCE") and frame in ("attack", "trans"):
        masdar = _agent_and_lam_object(sent, b, trig_idx, entity_actor, entity_place)
        if masdar is None:
            masdar = _agent_and_counted_object(sent, b, trig_idx, entity_actor, entity_place)
    if masdar is not None:  # but its ل object makes it a verbal noun, its genitive the agent
        is_verb = False
        cand.sources = masdar[0]
        cand.targets = [masdar[1]] if masdar[1] else []
    cand.light_verb = lv is not None
    explosion = is_verb and lv is None and frame == "intrans" and cand.type == "ASSAULT"
    # 'الاتهام المذكور', 'حصارا خانقا', 'إصابتها بصاروخ': a noun with the article, with nunation or
    # with a possessive pronoun takes no genitive, what follows it is its adjective or a phrase
    # ('بعد يومين من احتجازه في سجن ببرلين بناء على طلب': no one held 'طلب'); a phrase trigger
    # ends in its preposition ('التحقيق مع'), so what follows is still its object
    possessed = suffix in _POSSESSIVES and _possessive_suffix(toks[a].text, cand.trigger.pattern, suffix)
    no_genitive = not is_verb and (_definite(prefix, cand.trigger) or suffix == "ا" or possessed) and " " not in cand.trigger.pattern

    def subject_of(head: int, plural: bool, place: bool = False) -> tuple[list[tuple[int, int]], bool]:
        """``place``: the subject names where the event happened ('السوق الذي شهد')."""
        back_head = head - 1 if head >= 2 and _no_conj(toks[head - 1].text) in ("قد", "لقد") else head
        if head >= 3 and _no_conj(toks[head - 2].text) in ("ما", "لا") and toks[head - 1].text in _STILL:
            back_head = head - 2  # 'إن سلطات الاحتلال ما زالت تواصل اعتقالاتها'
        if head == a and suffix.endswith(_POSSESSIVES) and (after := np_forward(sent, _skip_adverbs(toks, b), trig_idx, allow_number=False, subject=True)) \
                and (after := _before_ba_phrase(sent, after[0], entity_actor))[1] > after[0] and actor_like(sent, after, entity_actor):
            # 'مقابل رهائن احتجزتهم الميليشيات': the object in the verb, its subject after it (up to
            # a بـ phrase: 'أدانته المحكمة بإرسال')
            return [after], False
        feminine = suffix == "ت" or _no_conj(prefix) == "ت" if head == a else _no_conj(toks[head].text).endswith("ت")
        complementiser = _pronoun_complementiser(toks, head)
        if complementiser is not None and not _impersonal_before_feminine(toks, complementiser, feminine):
            cand.speaker_subject = _speaker_is_the_subject(toks, complementiser)
            return [], True  # 'ذكر أنه سوف يطرد': the subject is a pronoun, what follows the object
        if head == a and suffix == "نا" and _no_conj(prefix) == "":
            return [], True  # 'اعتقلنا خبراء': the subject is in the verb, what follows its object
        if head == a and head >= 1 and _no_conj(toks[head - 1].text) == "من" and prefix.endswith(("ي", "ت", "ن")):
            return [], False  # 'من يقتل المسلمين' (whoever kills Muslims): 'من' is the subject, what follows the object
        if back_head >= 1 and toks[back_head - 1].text in _RELATIVE and not suffix.endswith(_POSSESSIVES):
            antecedent = _relative_antecedent(sent, back_head - 1, trig_idx)
            if antecedent and (place or actor_like(sent, antecedent, entity_actor)):
                return [antecedent], False
            return [], False
        event_subject = _event_noun_subject(sent, back_head, trig_idx)
        if event_subject is not None:
            return event_subject, False
        if back_head < head:  # 'وكانت مجموعة من حوالي ثلاثين طالبا قد اقتحمت': the subject between كان and قد
            kana = next((m for m in range(back_head - 1, max(-1, back_head - 14), -1) if _is_punct(toks[m]) or _no_conj(toks[m].text) in _KANA), None)
            if kana is not None and not _is_punct(toks[kana]) and kana + 1 < back_head and not any(m in own_idx for m in range(kana + 1, back_head)):
                return [(kana + 1, back_head)], False
        back = np_backward(sent, back_head, trig_idx)
        if back and all(toks[m].text.isdigit() or _is_quantity_word(toks[m].text) or _is_punct(toks[m]) or _time_word(toks[m].text)
                        or _year_word(toks[m].text) for m in range(*back)):
            back = None
        coordinated = head == a and prefix.startswith("و")  # (not 'وافقت')
        if back and coordinated and not actor_like(sent, back, entity_actor):
            # 'إن قوات البيشمركة تمكنت من صد هجوم ... في جبل شنكال «سنجار» وقتلت': what ends
            # the first clause is no actor; the coordinated verb shares that clause's subject
            shared = _clause_subject(sent, head, trig_idx, reach=30)
            if shared:
                return [shared], False
        if back:
            return [_unquantify(sent, back, trig_idx)], False
        nxt = head + 1
        if plural:
            # coordinated verb 'إن المقاتلين استقلوا قوارب وهربوا': the subject of the clause
            if head > 0 and sent.tokens[head].text.startswith("و"):
                shared = _clause_subject(sent, head, trig_idx)
                if shared:
                    return [shared], False
            return [], True
        # VSO: skip time adverbs / commas between verb and subject
        nxt = _skip_adverbs(toks, nxt)
        if nxt < len(toks) and (_no_conj(toks[nxt].text) in _sets()["reflexive"] or toks[nxt].text == "كلا"):
            return [], True  # 'فجّر نفسه', 'اعتقلت كلا من': an object; the agent is elsewhere
        nps = _approximate_count(sent, nxt, trig_idx)
        if nps is None:
            nps = np_forward(sent, nxt, trig_idx, allow_number=False, subject=True)
        nps = [_object_after_a_name(sent, _before_ba_phrase(sent, np, entity_actor), entity_actor, entity_place) for np in nps]
        nps = [_unquantify(sent, np, trig_idx) for np in nps if np[1] > np[0]]
        if nps and _counted_event_noun(toks, nps[0][0], trig_idx):
            cand.agentless = True  # 'استهدفت إحدى الغارات': the strike is the subject; who struck, the narrative says
            return [], False
        # a coordinated verb shares its clause's subject when what follows it is no actor: 'إن
        # قوات الاحتلال اقتحمت بلدة العيسوية وداهمت عدة منازل'
        shared = _clause_subject(sent, head, trig_idx) if nps and coordinated else None
        if shared and not actor_like(sent, nps[0], entity_actor):
            return [shared], False
        if nps and (_no_subject(sent, nps[0], a, entity_actor) or _phrase_at(toks, nps[0][0], _sets()["protest_target"])
                    or (toks[nps[0][0]].text.startswith(("بال", "بت", "با")) and _prepositional(toks, nps[0][0], entity_actor, entity_place)
                        and not national(sent, nps[0]))):
            # (nor is 'تتظاهر مطالبة بالأمن': what the protest demands, nor a بـ phrase with a
            # verbal noun, 'وطالبهم بتكثيف الجهود'; 'لجنة', 'بعثة' are nouns)
            return ([shared], False) if shared else ([], True)
        if not nps and nxt in trig_idx and frame == "intrans":
            return [], False  # 'انفجرت قنبلة': the subject is the weapon, no actor to look for
        return nps, not nps

    if lv is not None:
        lv_idx, lv_word, role = lv
        lv_plural = lv_word.endswith("وا")
        subj, missing = subject_of(lv_idx, lv_plural, place=role == "location")
        if subj and subj[0][0] == a and _no_conj(lv_word) in _sets()["fire_verbs"]:
            subj, missing = [], True  # 'عندما اطلق الرصاص': what is fired is the object, the subject a pronoun
        if missing and role == "source" and (before := _chained_support_verb(sent, lv_idx)) is not None:
            shared, _ = subject_of(before, toks[before].text.endswith(("وا", "ون")))  # 'واصل الحزب شن هجمات'
            # (what stands between the two verbs is the first one's subject, not its object:
            # 'زيمبابوي قدمت طلبا لتسليم طبيب قام بقتل أسد')
            if shared and (shared[0][0] > before or before in (lv_idx - 1, lv_idx - 3)):
                subj, missing = [(s, min(e, lv_idx)) for s, e in shared if s < lv_idx], False
        if subj and subj[0][1] - subj[0][0] == 1 and _no_conj(toks[subj[0][0]].text) in _QUANT_HEADS and subj[0][1] < len(toks) and toks[subj[0][1]].text == "من":
            subj, missing = [], True  # 'شن أكثر من 40 غارة': the count of strikes, not their agent
        elif subj and ((subj[0] == (lv_idx + 1, a) and _no_conj(toks[lv_idx + 1].text) in _sets()["act_nouns"])
                       or (subj[0][0] == lv_idx + 1 == a - 1 and _is_quantity_word(toks[lv_idx + 1].text))):
            subj, missing = [], True  # 'ونفذت أعمال اغتصاب', 'شنت مئات الضربات': what was carried out, not who did it
        cand.speaker_subject &= role == "source"  # 'قال إنه تم الاتفاق': the pronoun of a passive is impersonal
        if role == "source":
            cand.sources = subj
            cand.pronoun_source = missing
        elif role == "target":
            # 'أطرافها تعرضت لهجمات': what came under attack is a place, not an actor (a
            # named state that came under attack, 'إسرائيل تعرضت', stays the target)
            cand.targets = [sp for sp in subj if not place_like(sent, sp)]
        elif role == "location" and subj and not (toks[subj[0][0]].text in _TIME_SUBJECTS or _time_word(toks[subj[0][0]].text)):
            cand.location = subj[0]  # (not 'شهد العام الجاري': a time saw it, no place)
        else:
            cand.agentless = True
            if subj and toks[lv_idx].text in ("وقع", "وقعت", "وقعوا") and a >= 1 and toks[a - 1].text == "في":
                cand.targets = [sp for sp in subj if not place_like(sent, sp)]  # 'وقعت قوة للجيش في كمين': who fell into it
    elif explosion:
        # 'انفجرت عبوة ناسفة على دورية', 'رأس مقطوع انفجر': the subject of an explosion is the
        # device, never the actor, and 'غير بعيد من X' is no agent; what it went off against
        # is the target
        t = _find_after(sent, b, 8, {"علي", "ضد"}, trig_idx)
        cand.targets = [t] if t else []
    elif is_verb and frame != "victim":
        subj, missing = subject_of(a, plural_verb)
        if subj and subj[0][0] >= b and cand.type in ("ASSAULT", "COERCE") and _passive_reading(sent, cand, prefix, suffix, subj[0]):
            # 'وقتل شخص', 'خطف 50 شخصاً', 'اعتقل أكثر من 200 مدرس': the undiacritised verb is read as passive (قُتل),
            # so the people after it are its victims
            cand.targets = [subj[0]]
            subj, missing = [], False
        elif subj and subj[0][0] >= b and cand.type == "ASSAULT" and frame == "trans" and _a_site(sent, subj[0], entity_actor):
            # 'كما استهدفت مخزن أسلحة': a place or a facility after the verb is what was hit; the
            # subject is in the verb, the attacker the narrative has named (the last of its type)
            cand.targets = [subj[0]]
            subj, missing = [], False
            cand.agentless = True
        cand.sources = subj
        cand.pronoun_source = missing
    # object / target
    after = b
    if not is_verb and not no_genitive and not _definite(prefix, cand.trigger) and (adjectives_end := _adjectives_after(sent, b, entity_actor)) > b:
        after, no_genitive = adjectives_end, True
        if not cand.sources and cand.type in ("AID", "SANCTION"):
            # 'مساعدات سعودية', 'عقوبات أميركية جديدة': the state the adjective names gives or imposes them
            cand.sources = [(k, k + 1) for k in range(b, adjectives_end) if national(sent, (k, k + 1))][:1]
    elif cand.sources and cand.sources[-1][0] >= b:
        after = cand.sources[-1][1]
    elif is_verb and (event_subject := _counted_event_noun(toks, b, trig_idx) or (
            cand.trigger.pattern in _sets()["event_subject_verbs"] and _attack_noun_subject(sent, b, own_idx))):
        after = event_subject  # 'استهدفت إحدى الغارات تجمعا': the object follows the strike
    # a verb that cannot be read as passive keeps its subject: 'نحو مئة مقاتل من طالبان هاجموا المواقع'
    passive_able = frame == "victim" or cand.trigger.pattern in _PASSIVE_VERBS
    # (of an arrest only with no object after it: 'إن 251 شخصا اعتقلوا خلال المداهمات', not 'إن 30 شرطيا اعتقلوا خمسة')
    casualty = _casualty_subject(sent, a, trig_idx) if (is_verb and passive_able and lv is None and (
        cand.type == "ASSAULT" or (cand.type == "COERCE" and _no_object_after(toks, b - 1)))) else None
    if casualty is None and lv is None and cand.type == "ASSAULT":
        casualty = _victim_subject(sent, cand, prefix, suffix, trig_idx)
        if casualty is not None:
            cand.verbal = True
    if casualty is not None:
        # '... إن 60 شخصاً قتلوا': a counted group before an undiacritised قتلوا/أصيبوا is its
        # victim (passive reading), not its agent
        cand.targets = [casualty]
        # the subject found may be the counted noun alone ('شخصا' of 'أكثر من 27 شخصا قتلوا')
        cand.sources = [sp for sp in cand.sources if not (sp[0] < casualty[1] and casualty[0] < sp[1])]
        if not cand.sources:
            cand.pronoun_source = False
    reflexive = after < len(toks) and _no_conj(toks[after].text) in _sets()["reflexive"]
    if reflexive and not cand.targets:
        near = _beside(sent, after + 1, trig_idx, entity_place)
        if near:
            cand.targets = [near]
    device = _device(sent, after, trig_idx) if frame == "trans" and is_verb and not cand.targets and not reflexive else None
    if device is not None:
        # 'وفجر المهاجمون قنابلهم على متن 3 قطارات': the object is the device; whom it went off
        # against or beside is the target
        near = _beside(sent, device[1], trig_idx, entity_place)
        cand.targets = [near] if near else []
        reflexive = True
    if frame in ("trans",) and not cand.targets and not reflexive and masdar is None:
        if not suffix.endswith(_POSSESSIVES):
            k = _skip_adverbs(toks, after) if is_verb else after
            while k < len(toks) and _is_quote(toks[k]):
                k += 1
            if k < len(toks) and _no_conj(toks[k].text) in _QUANT_HEADS:
                q = _unquantify(sent, (k, k + 1), trig_idx)
                if q != (k, k + 1):
                    cand.targets = [q]
            if cand.targets:
                pass
            elif no_genitive:
                t = _released_or_aided(sent, after, cand.type, trig_idx, entity_actor, entity_place) if cand.type in ("RETREAT", "AID") else None
                cand.targets = [t] if t else []
            elif (approximate := _approximate_count(sent, k, own_idx)) is not None:
                cand.targets = approximate  # 'أنه قتل نحو 150 متمردا'
            elif k < len(toks) and (n := _phrase_at(toks, k, _sets()["at_least"])) and (counted := np_forward(sent, k + n, own_idx)):
                cand.targets = [_unquantify(sent, counted[0], trig_idx)]  # 'قتل ما لا يقل عن 11 حوثيا'
            elif k < len(toks) and not _stopword(toks[k].text) and not _is_punct(toks[k]) and toks[k].text not in _sets()["durations"] and not (is_verb and _prepositional(toks, k, entity_actor, entity_place)) \
                    and k not in conj_idx:
                nps = [_before_ba_phrase(sent, np, entity_actor) for np in np_forward(sent, k, own_idx)]
                # nor does it run into one: 'تعتقل الإنسان وتقتله'
                nps = [(s_, next((m for m in range(s_ + 1, e_) if m in conj_idx), e_)) for s_, e_ in nps]
                cand.targets = [np for np in nps if np[1] > np[0]]
        if not cand.targets and not ((is_verb or possessed) and suffix.endswith(_POSSESSIVES) and cand.mode != "visit"):
            # what reinforcements or aid are sent to is no target of the strike after them; a
            # verb's object pronoun, or a verbal noun's, is its target ('اعتقلته السلطات بعد ...
            # بالسطو على بنك', 'تم اعتقالهم ... مؤكدا الحرص على'; a visit keeps its test of whom
            # it is to)
            t = _target_after(sent, b, trig_idx, targeting=cand.type in ("ASSAULT", "COERCE", "THREATEN"))
            if t:
                cand.targets = [t]
    elif frame == "attack" and not cand.targets and masdar is None:
        # 'أطلق مجهولان النار ... على': what they fired at is looked for after النار
        fire = _fire_noun(toks, b, cand.trigger)
        t = _target_after(sent, b if fire is None else fire + 1, trig_idx)
        if t is None and is_verb and lv is None:
            t = _bombed(sent, cand, after, own_idx, entity_actor, entity_place)
        if t:
            cand.targets = [t]
        if not cand.sources and cand.trigger.pos != "V" and not inflected and not cand.pronoun_source:
            # (an inflected verb's agent is its subject: 'للطائرات الأمريكية التي تقصف أهدافا لداعش'
            # had the targets as the attacker, read as the genitive of a noun; a bare stem may be
            # that noun: 'جراء قصف مسلحي جماعة أنصار الله')
            cand.sources = _attack_noun_agent(sent, (a, b, cand.trigger, prefix), trig_idx, entity_actor, entity_place)
    elif frame == "recip":
        between = None
        for k in range(b, min(len(toks), b + 3)):
            if _no_conj(toks[k].text) == "بين":
                between = k
                break
        if between is not None:
            nps = np_forward(sent, between + 1, trig_idx, max_len=8)
            if len(nps) >= 2:
                cand.sources, cand.targets = [nps[0]], nps[1:]
            elif nps:
                cand.sources = nps
        if not cand.targets:
            t = _find_after(sent, b, 8, {"مع", "ضد"}, trig_idx)
            if t:
                cand.targets = [t]
    elif frame == "intrans" and not cand.targets:
        t = _find_after(sent, b, 10, {"ضد"}, trig_idx)
        if t is None and cand.type == "PROTEST":
            t = _protest_target(sent, b, trig_idx, entity_actor)
        if t:
            cand.targets = [t]
    # 'أسفر عن مقتل X', 'أدى إلى إصابة X', 'جرى اغتيال X': the noun right after a result/passive
    # support verb takes its victim as genitive, like a bare nominal trigger
    result_lv = lv is not None and lv[2] == "none" and a - (lv[0] + len(lv[1].split())) <= 0
    if frame == "victim" and not cand.targets and (lv is None or (result_lv and not is_verb)):
        back = np_backward(sent, a, trig_idx)
        if back and not is_verb:
            back = None
        if back:
            cand.targets = [back]
        else:
            k = _skip_adverbs(toks, b)
            while k < len(toks) and _is_quote(toks[k]):
                k += 1
            adjective = k < len(toks) and toks[k].text in _sets()["indefinite_adjectives"]  # 'إصابات بالغة'
            nps = [] if no_genitive or adjective else np_forward(sent, k, trig_idx)
            if nps and cand.trigger.pattern in _FIRE_OF:
                cand.sources = nps[:1]  # 'برصاص الجيش': whose fire, the shooter
            elif nps:
                nps = [_before_ba_phrase(sent, sp, entity_actor) for sp in nps]
                cand.targets = [_unquantify(sent, sp, trig_idx) for sp in nps if sp[1] > sp[0]]
    # agent phrases (من قبل X، برصاص X، من طائرات التحالف)
    if not cand.sources and cand.type not in ("AID", "RETREAT") and not explosion:
        # 'الاحتجاجات التي اندلعت إثر مقتل عقيد من قبل سليمان الأسد': the killer, not a protester
        ag = _find_agent(sent, b, 8, trig_idx, barrier=trig_idx - own_idx if cand.type == "PROTEST" else frozenset())
        if ag:
            cand.sources = ag
            cand.pronoun_source = False
    # nominal trigger with no support verb and no agent: genitive may be the agent or the victim
    if cand.trigger.pos == "N" and (lv is None or result_lv) and not cand.sources and not cand.targets and b < len(toks) and frame in ("trans", "victim") and not no_genitive:
        nps = np_forward(sent, b, trig_idx)
        if nps and not toks[b].text.startswith(("ب", "ل", "ف")):
            cand.targets = nps
    if cand.trigger.pos == "N" and (lv is None or lv[2] == "none") and not cand.sources and frame == "intrans" and b < len(toks):
        parties = _party_of_intransitive_noun(sent, b, trig_idx, entity_actor)
        if parties:
            cand.sources = parties
            cand.targets = [t for t in cand.targets if t != parties[0]]
    if possessed and lv is None and not cand.sources and (frame == "intrans" or (cand.type == "RETREAT" and cand.mode != "release") or cand.mode == "visit"):
        # 'أعلن الوزير استقالته', 'واختتم الرئيس الفرنسي زيارته': whose resignation or visit, the
        # party just before (the possessor of a transitive act's noun is its object: 'اعتقاله',
        # 'إطلاق سراحه')
        owner = _possessor(sent, a, entity_actor)
        cand.sources = [owner] if owner else []
    # territory -> controlling actor
    cand.targets = _resolve_territory(sent, cand, cand.targets, trig_idx, entity_actor, entity_place)
    cand.targets = _with_included(sent, _with_affiliation(sent, cand.targets, trig_idx, entity_actor), trig_idx)
    # passives with جرى/تم and bare verbs: mark agentless
    if not cand.sources and frame != "recip":
        cand.agentless = True


def _party_of_intransitive_noun(sent: Sentence, b: int, trig_idx: set[int], entity_actor=None) -> list[tuple[int, int]]:
    """Who protests or withdraws, named after the event noun ending at ``b``: its genitive
    ('احتجاجات العمال') or, after its adjectives, a ل phrase ('هروب جماعي لميليشيات الحوثي',
    'الانسحاب الفوري غير المشروط للحوثيين'). Not an adjective ('مظاهرات واسعة مناهضة للحكومة'),
    what a protest demands or opposes, nor the ل phrase of a genitive ('هتافات التأييد للرئيس':
    support for the president)."""
    toks = sent.tokens
    if _phrase_at(toks, b, _sets()["protest_target"]):
        return []
    k = b
    while k < min(len(toks), b + 4):
        w = _no_conj(toks[k].text) if k > b else toks[k].text
        if w == "غير" and k + 1 < len(toks):
            k += 2  # 'غير المشروط'
        elif w in _sets()["indefinite_adjectives"] or (len(w) >= 4 and w.endswith(("ي", "يه")) and w not in _NUMBER_WORDS
                                                       and not (entity_actor and entity_actor((k, k + 1)))):
            k += 1
        else:
            break
    lam_phrase = b < k < len(toks) and toks[k].text.startswith("ل")
    if not lam_phrase:  # the genitive ('مقاتلي الحوثي' ends in ي as an adjective does)
        k = b
        if toks[b].text.startswith(("ب", "ل", "ف")):
            return []
    nps = np_forward(sent, k, trig_idx, allow_number=False)
    if nps and not lam_phrase:
        a, e = nps[0]
        lam = next((m for m in range(a + 1, e) if toks[m].text.startswith("ل")), None)
        if lam is not None:
            nps = [(a, lam)]  # the rest is the ل phrase's
    return nps if nps and actor_like(sent, nps[0], entity_actor) else []


def _attack_noun_agent(sent: Sentence, trigger: tuple[int, int, Trigger, str], trig_idx: set[int], entity_actor=None, entity_place=None) -> list[tuple[int, int]]:
    """Who carried out an attack named by a noun: after its adjectives, a ل phrase naming an
    actor ('هجوم انتقامي لبوكو حرام', 'غارة للتحالف', 'القصف الصاروخي لقوات النظام', not 'الجوي
    لمواقع المتمردين'); a bare indefinite noun also takes its agent as construct genitive ('هجوم
    داعش', 'قصف مليشيا قسد'). A place is what was hit ('تفجير مسجد قوات الطوارئ'), a nationality
    adjective names the attacker ('قصف روسي'), a munition's genitive is its kind ('قذائف المورتر':
    who fired it follows 'أطلقتها') and an ambush is set for its target."""
    a, b, trig, prefix = trigger
    toks = sent.tokens
    if _no_conj(toks[a].text) in _sets()["set_for_target"]:
        return []
    definite = _definite(prefix, trig)
    munition = trig.pattern in _sets()["munitions"]
    if munition and b + 1 < len(toks) and _no_conj(toks[b].text) in _sets()["fired_by"]:
        nps = np_forward(sent, b + 1, trig_idx, allow_number=False)  # 'قذائف أطلقتها كتائب مقاتلة'
        return nps[:1] if nps and actor_like(sent, nps[0], entity_actor) else []
    construct = (not definite and " " not in trig.pattern and not toks[b - 1].text.endswith("ا") and not munition
                 and trig.pattern not in _sets()["object_genitive"])  # 'تفجير مرافق السفارة': what was bombed

    def modifier(w: str, k: int) -> bool:
        if national(sent, (k, k + 1)):
            return False
        if definite:
            return w.startswith("ال") and w.endswith(("ي", "يه"))
        return w in _sets()["attack_modifiers"] or (
            w.endswith(("ي", "يه", "يا")) and not w.startswith(("ال", "ل", "ب", "و")) and not actor_like(sent, (k, k + 1), entity_actor))

    k = b
    while k < len(toks) and modifier(toks[k].text, k):
        k += 1
    if k < len(toks) and not munition and national(sent, (k, k + 1)) and toks[k].text.endswith(_NISBA_ENDINGS) and (definite or not toks[k].text.startswith("ال")):
        return [(k, k + 1)]  # 'الضربات الجوية الأميركية', 'قصف روسي': the state is the party (of 'صواريخ أميركية', the maker)
    if k < len(toks) and toks[k].text == "ل":
        k += 1  # 'ل «بوكو حرام»'
    elif k >= len(toks) or not (toks[k].text.startswith("ل") or (construct and k == b and not toks[k].text.startswith("ب"))):
        return []
    nps = [_until_weapon_or_place(toks, np) for np in np_forward(sent, k, trig_idx, allow_number=False)] if k < len(toks) else []
    if nps and actor_like(sent, nps[0], entity_actor) and not place_like(sent, nps[0], entity_place):
        return nps
    return []


def _agent_and_counted_object(sent: Sentence, b: int, trig_idx: set[int], entity_actor=None, entity_place=None) -> tuple[list[tuple[int, int]], tuple[int, int]] | None:
    """'اعتقال الشرطة الإسرائيلية مستوطنين اثنين', 'اختطاف مسلحين مجهولين عمالا': a verbal noun's
    construct genitive that names an actor, then a count or people in the accusative: the
    genitive is the agent, the people the object."""
    toks = sent.tokens
    s = _sets()
    end = None  # where the genitive ends: at a time adverb ('اعتقال قوات الاحتلال فجر أمس أربعة شبان')
    for k in range(b + 1, min(len(toks), b + 8)):
        w = toks[k].text
        if _time_word(w):
            end = end or k
            continue
        if _is_punct(toks[k]) or _is_quote(toks[k]) or w.startswith(("ب", "ل", "و")) or _stopword(w):
            return None
        # a count, or people in the accusative (an oblique plural only after a definite genitive:
        # 'مسلحين مجهولين' is a noun and its adjective)
        people = _counted_people(w) or w in s["actor"]
        if w.isdigit() or (_is_quantity_word(w) and w not in ("عدد", "عددا")) or (people and (
                w.endswith("ا") or (w.endswith("ين") and toks[k - 1].text.startswith("ال")))):
            agent = (b, end or k)
            if not (actor_like(sent, agent, entity_actor) and not place_like(sent, agent, entity_place)):
                return None
            obj = np_forward(sent, k, trig_idx)
            return ([agent], obj[0]) if obj and obj[0][0] == k else None
        if end:
            return None
    return None


def _agent_and_lam_object(sent: Sentence, b: int, trig_idx: set[int], entity_actor=None, entity_place=None) -> tuple[list[tuple[int, int]], tuple[int, int] | None] | None:
    """'قصف المتمردين لمناطق سكنية', 'مع قصف طائرات التحالف لقواعد الصواريخ', 'استهداف داعش
    للمدنيين': a verbal noun whose construct genitive is followed by a ل phrase takes the genitive
    as its agent and the ل phrase as its object (a verb would take its object without ل). The
    ل phrase belongs to the word before it where that word is an affiliation or an office
    ('القوات الموالية لهادي', 'الأمين العام لمجلس'), or is no definite word or name ('مواقع
    لحزب الله': the positions of). Returns the agents and the party hit (None for a place), or
    None where the pattern does not hold."""
    toks = sent.tokens
    if b >= len(toks) or toks[b].text.startswith(("ب", "ل")):
        return None
    nps = np_forward(sent, b, trig_idx, allow_number=False)
    if not nps:
        return None
    end = nps[-1][1]
    lam = next((k for k in range(b + 1, min(end + 1, len(toks))) if _lam_phrase(toks[k].text)), None)
    if lam is None:
        return None
    m = lam - 1
    while m > b and _is_quote(toks[m]):
        m -= 1  # 'اعتقال «القاعدة» لخمسة'
    before = _no_conj(toks[m].text)
    named = entity_actor is not None and entity_actor((m, m + 1)) and not entity_actor((lam, lam + 1))  # a name ends at m
    if before in _sets()["lam_governors"] or not (before.startswith("ال") or named):
        return None
    agents = [(a, _trim(toks, a, min(e, lam))) for a, e in nps if a < lam]

    def agent(sp: tuple[int, int]) -> bool:  # a linked name first: 'القاعدة' is also a base
        return bool(entity_actor and entity_actor(sp)) or ((actor_like(sent, sp) or national(sent, sp)) and not place_like(sent, sp, entity_place))

    if not agents or not all(agent(sp) for sp in agents):
        return None
    obj = np_forward(sent, lam, trig_idx)
    if obj and obj[0][1] == lam + 1 < len(toks) and _is_quantity_word(bare(toks[lam].text)) and toks[lam + 1].text == "من":
        obj = [(lam, np[1]) for np in np_forward(sent, lam + 2, trig_idx)[:1]]  # 'لخمسة من الضباط'
    if not obj:
        return None
    a, e = _until_weapon_or_place(toks, obj[0])
    head = a
    while head + 1 < e and _is_quantity_word(bare(toks[head].text)):
        head += 1  # 'لأربعة مخازن'
    if place_like(sent, (head, e), entity_place) or _in_lexicon(bare(toks[head].text), _sets()["facility_heads"]):
        # 'لمواقع الحوثيين', 'لأربعة مخازن للأسلحة لتنظيم داعش': whose site; 'لمنازلهم': no party named
        owner = next(((k, e) for k in range(head + 1, e) if (k == head + 1 or toks[k].text.startswith("ل")) and actor_like(sent, (k, k + 1), entity_actor)), None)
        return agents, owner
    if actor_like(sent, (a, e), entity_actor) or any(bare(toks[k].text) in people_nouns() for k in range(a, e)):
        return agents, (a, e)
    return None


def _lam_phrase(word: str) -> bool:
    """'لمناطق', 'للمدنيين': a ل phrase (not 'الـ', nor a short word such as 'له')."""
    w = _no_conj(word)
    return w.startswith("ل") and not w.startswith("ال") and len(word) >= 4


def _bombed(sent: Sentence, cand: Candidate, after: int, own_idx: set[int], entity_actor=None, entity_place=None) -> tuple[int, int] | None:
    """The direct object of an attack verb ('قصفت الطائرات مواقع المسلحين'): a party is the target;
    of a place, the party whose it is ('مواقع المسلحين' -> 'المسلحين'), and a place alone
    ('قصفت الطائرات بلدة كفرنبل') is where, not whom."""
    toks = sent.tokens
    k = _skip_adverbs(toks, after)
    if k >= len(toks) or _stopword(toks[k].text) or _is_punct(toks[k]) or _prepositional(toks, k, entity_actor, entity_place):
        return None
    nps = [_before_ba_phrase(sent, np, entity_actor) for np in np_forward(sent, k, own_idx)]
    if not nps or nps[0][1] <= nps[0][0]:
        return None
    a, e = nps[0]
    # 'أهدافا لحزب العمال الكردستاني شمالي العراق': where the targets lie is no part of whose they are
    e = next((m for m in range(a + 2, e) if toks[m].text in cues("ar")["directions"]), e)
    if not place_like(sent, (a, e), entity_place):
        return (a, e) if actor_like(sent, (a, e), entity_actor) or national(sent, (a, e)) else None
    owner = (a + 1, e)
    if e - a > 1 and actor_like(sent, owner, entity_actor) and not (entity_place and entity_place(owner)):
        return owner
    if cand.location is None:
        cand.location = (a, e)
    return None


def _prepositional(toks: list[Token], k: int, entity_actor=None, entity_place=None) -> bool:
    """Token ``k`` opens a ب or ل phrase ('بقصف', 'بالجيش', 'لمدة'), not a word that starts with
    the letter: 'بعض', 'بلدة', or a name the entity stage linked ('بغداد', 'بريطانيا')."""
    w = toks[k].text
    if w[:1] not in "بل" or w.startswith("ال") or w in ("بعض", "بلده", "بلدات", "بيوت", "بيان"):
        return False
    if w.startswith(("بال", "لل")):
        return True
    return not ((entity_actor and entity_actor((k, k + 1))) or (entity_place and entity_place((k, k + 1))))


def _released_or_aided(sent: Sentence, b: int, event_type: str, trig_idx: set[int], entity_actor=None, entity_place=None) -> tuple[int, int] | None:
    """Who a release or aid noun that takes no genitive is for, past its adjectives: 'الإفراج
    فوراً عن المختطفين', 'المساعدات العاجلة للشعب اليمني', 'مساعدات إلى اليمن'."""
    if event_type == "RETREAT":
        return _find_after(sent, b, 3, {"عن"}, trig_idx)
    toks = sent.tokens
    for k in range(b, min(len(toks), b + 3)):
        w = _no_conj(toks[k].text)
        if w in _TO:
            return _name_or_phrase(sent, k + 1, trig_idx, entity_actor, entity_place, max_len=4)
        if w.startswith("ل") and not w.startswith("ال") and len(w) > 3:
            return _name_or_phrase(sent, k, trig_idx, entity_actor, entity_place, max_len=4)
        if not w.startswith("ال"):
            return None
    return None


def _with_affiliation(sent: Sentence, targets: list[tuple[int, int]], trig_idx: set[int], entity_actor=None) -> list[tuple[int, int]]:
    """'قتلت القوات 11 مسلحا من تنظيم القاعدة': counted people stay with the party they are of
    (a من phrase that names an actor), so the target says whose fighters were killed."""
    toks = sent.tokens
    out = []
    for a, b in targets:
        if _people_word(toks[b - 1].text) and b + 1 < len(toks) and toks[b].text == "من":
            nps = np_forward(sent, b + 1, trig_idx, max_len=5)
            if nps and nps[0][0] == b + 1 and actor_like(sent, nps[0], entity_actor):
                # up to another count: 'مقتل 37 مسلحا من داعش و16 من قوات البيشمركة'
                b = next((m for m in range(b + 2, nps[0][1]) if _is_quantity_word(_no_conj(toks[m].text))), nps[0][1])
        out.append((a, b))
    return out


def _with_included(sent: Sentence, targets: list[tuple[int, int]], trig_idx: set[int]) -> list[tuple[int, int]]:
    """'إصابة عشرة بينهم ثلاثة من رجال الشرطة', 'مقتل 30 شخصا بينهم قضاة': the group named after
    بينهم/منهم right after a victim phrase is part of the target (who the victims were)."""
    toks = sent.tokens
    out = list(targets)
    for _, b in targets:
        k = b
        while k < len(toks) and _is_quote(toks[k]):
            k += 1
        if k < len(toks) and _no_conj(toks[k].text) in _sets()["including"]:
            nps = np_forward(sent, k + 1, trig_idx, max_len=5)
            if nps:
                extra = _unquantify(sent, nps[0], trig_idx)
                if extra not in out:
                    out.append(extra)
    return out


def _device(sent: Sentence, k: int, trig_idx: set[int]) -> tuple[int, int] | None:
    """The phrase at ``k`` when it names an explosive device, bare or with a possessive
    ('قنابلهم', 'سيارة مفخخة', 'حزاما ناسفا'): what was detonated, not whom."""
    toks = sent.tokens
    if k >= len(toks) or not _in_lexicon(toks[k].text, _sets()["devices"]):
        return None
    nps = np_forward(sent, k, trig_idx, max_len=3)
    return nps[0] if nps else (k, k + 1)


def _beside(sent: Sentence, k: int, trig_idx: set[int], entity_place=None) -> tuple[int, int] | None:
    """'فجّر نفسه بجانب دورية عسكرية', 'فجر نفسه قرب موكب الشيخ X': a suicide bombing's target is
    the party it went off beside (not a mere place: 'قرب سوق' is where, not whom)."""
    toks = sent.tokens
    if k < len(toks) and _no_conj(toks[k].text) == "بالقرب" and k + 1 < len(toks) and toks[k + 1].text == "من":
        k += 1
    if k >= len(toks) or _no_conj(toks[k].text) not in _sets()["beside"]:
        return None
    nps = np_forward(sent, k + 1, trig_idx, max_len=6)
    if not nps or place_like(sent, nps[0], entity_place):
        return None
    return nps[0]


_QUANT_HEADS = {"اكثر", "عده", "نحو", "حوالي", "قرابه", "زهاء", "عشرات", "مئات", "الاف", "الالاف", "اقل", "عدد", "عددا", "العشرات", "المئات", "العديد", "عديد", "عديدا", "الكثير", "الكثيرون", "كثيرون"}


def _unquantify(sent, span, trig_idx):
    """'أكثر من 20 ألفاً من المدنيين' -> 'المدنيين' (the counted noun after the last من)."""
    toks = sent.tokens
    first = _no_conj(toks[span[0]].text)
    if not (first in _QUANT_HEADS or first.isdigit() or first in _NUMBER_WORDS):
        return span
    last = None
    for k in range(span[0], min(len(toks), span[0] + 7)):
        w = _no_conj(toks[k].text)
        if w == "من" and k + 1 < len(toks) and not _is_punct(toks[k + 1]):
            last = k
            continue
        if not (_is_quantity_word(toks[k].text) or w in _THOUSANDS):
            break
    if last is not None:
        # only across a run of number words: 'آلاف المتظاهرين القادمين من ولايات' keeps its noun
        nxt = np_forward(sent, last + 1, trig_idx)
        if nxt:
            a, b = nxt[0]
            while a + 1 < b and toks[a].text.isdigit():
                a += 1  # 'أكثر من 250 شخصاً' -> 'شخصاً'
            if not toks[a].text.isdigit():
                return (a, b)
    return span


_THOUSANDS = {"الف", "الفا", "الاف", "الالاف", "مليون", "مليونا", "ملايين", "مئات", "عشرات"}


_MODIFIER_FIRST = {"اخر", "الاخر", "كامل", "معظم", "بعض", "جميع", "كل"}


def _with_place_after(sent: Sentence, span: tuple[int, int], trig_idx: set[int]) -> tuple[int, int]:
    """'منطقة رئيسية لقوات الأسد بوسط درعا': the place phrase after a site locates it."""
    k = span[1]
    if k < len(sent.tokens) and _place_phrase(sent.tokens[k].text):
        nps = np_forward(sent, k, trig_idx)
        if nps:
            return span[0], nps[0][1]
    return span


def _resolve_territory(sent, cand, targets, trig_idx, entity_actor, entity_place):
    out = []
    for span in targets:
        span = _unquantify(sent, span, trig_idx)
        probe = span
        if span[1] - span[0] > 1 and _no_conj(sent.tokens[span[0]].text) in _MODIFIER_FIRST:
            probe = (span[0] + 1, span[1])
        if place_like(sent, probe, entity_place) and not actor_like(sent, (span[0], span[0] + 1), entity_actor):
            owner = _territorial(sent, probe, trig_idx)
            if owner:
                if cand.location is None:
                    cand.location = _with_place_after(sent, span, trig_idx)
                out.extend(owner)
                continue
        out.append(span)
    return out




_PASSIVE_VERBS = {"قتل", "جرح", "خطف", "اختطف", "اعدم", "اغتيل", "ذبح", "طعن", "عذب", "اعتقل", "احتجز"}


def _passive_reading(sent: Sentence, cand: Candidate, prefix: str, suffix: str, span: tuple[int, int]) -> bool:
    """An undiacritised perfect (قتل، جرح، خطف) followed by a counted group or a people noun and no
    second noun phrase (a person in the accusative: 'قتل شرطي طالبا') is almost always passive in
    news Arabic ('وقتل شخص', 'جرح ستة آخرون'). After an imperfect, a count is who it kills, as
    object or passive subject ('انفجار يقتل ثلاثة')."""
    toks = sent.tokens
    if cand.tok[0] in sent.marked_passive:
        return True
    imperfect = _no_conj(prefix) in ("ي", "ت")
    if cand.trigger.pattern not in _PASSIVE_VERBS or not (prefix in ("", "و", "ف") or imperfect) or suffix not in ("", "ت"):
        return False
    first = _no_conj(toks[span[0]].text)
    counted = any(_is_quantity_word(t.text) for t in toks[cand.tok[1]:span[0] + 1])  # 'أكثر من 200 مدرس'
    others = any(_no_conj(t.text) in _OTHERS for t in toks[span[0]:span[1]])  # 'وقتل مسؤولان آخران'
    if imperfect:
        return counted or others
    # 'قتل طيار وأصيب آخر': a passive casualty verb coordinated right after the phrase
    injured_next = span[1] < len(toks) and toks[span[1]].text[:1] == "و" and toks[span[1]].text[1:] in _INJURED
    if span[1] < len(toks) and _accusative(toks[span[1]].text) and toks[span[1]].text in people_nouns():
        return False
    return (counted or injured_next or others or first in people_nouns() or bare(toks[span[0]].text) in people_nouns()
            or _dual_of_people(first) or _age_after(toks, span[1]))


#: 'آخر', 'آخرون': more people like those just named, always the ones an act befell.
_OTHERS = frozenset({"اخر", "اخري", "اخران", "اخريان", "اخرون", "اخرين", "اخريات"})


def _counted_event_noun(toks: list[Token], k: int, trig_idx: set[int]) -> int | None:
    """'إحدى الغارات', 'بعض الهجمات', 'أكثر الهجمات دموية' at token ``k``: some of the event
    nouns, which are then a verb's subject, not an actor (a number is the object's: 'وشن 6
    غارات'). The index after the noun (and a superlative's specifier), or None."""
    if not (k + 1 < len(toks) and k + 1 in trig_idx):
        return None
    word, after = _no_conj(toks[k].text), k + 2
    if word in _sets()["superlatives"]:
        if after < len(toks) and toks[after].text.endswith(("يه", "ا")) and not toks[after].text.startswith(("ال", "ب", "ل")):
            after += 1  # its specifier: 'أكثر الهجمات دموية'
        return after
    return after if word in _PARTITIVES else None


_PARTITIVES = frozenset({"احدي", "احد", "بعض"})


def _attack_noun_subject(sent: Sentence, k: int, own_idx: set[int]) -> int | None:
    """'استهدف هجوم انتحاري بسيارة مفخخة مركز شرطة': an attack noun right after the verb is its
    subject. The index after the noun, its adjectives and its weapon (بـ phrase), where the
    object begins; None when no attack noun stands there."""
    toks = sent.tokens
    k = _skip_adverbs(toks, k)
    if k not in own_idx or _time_word(toks[k].text):
        return None  # ('قتلت فجر الأول من أمس': dawn, no bombing)
    s = _sets()
    modes = weapon_words("ar")
    m = k + 1
    if m < len(toks) and not toks[k].text.startswith("ال") and toks[m].text.startswith("ال"):
        m += 1  # its agent: 'استهدفت غارات التحالف قاعدة العند'
    while m < len(toks):
        w = toks[m].text
        weapon = w[1:] if w.startswith("ب") and not w.startswith("بال") else ""  # 'بسيارة مفخخة'
        if (w in s["attack_modifiers"] or _adjective_of_a_thing(w) or w in modes or w[:-1] in modes
                or weapon in s["devices"] or weapon in modes or national(sent, (m, m + 1))):
            m += 1
        else:
            break
    # the object is a noun: an accusative, a feminine noun or a place, facility or actor head
    # ('استهدف تفجير انتحاري ألقي باللوم فيه على داعش مركزا': a relative clause first, no object)
    m = _skip_adverbs(toks, m)  # 'استهدف هجوم انتحاري بسيارة مفخخة، أمس، موكباً'
    head = toks[m].text if m < len(toks) else ""
    if not (_accusative(head) or head.endswith("ه") or head in s["place"] or head in s["actor"] or head in s["facility_heads"] or head in s["site"]):
        return None
    return m


def _no_subject(sent: Sentence, span: tuple[int, int], trigger: int, entity_actor=None) -> bool:
    """The phrase after a verb that cannot be its subject, so the subject is a pronoun in the
    verb: a bare count right before the event noun ('وشن 6 غارات': the strikes' number), or an
    accusative that is no state and no linked name ('وقصف أهدافا أخرى': the object)."""
    toks = sent.tokens
    head = toks[span[0]].text
    if span[1] == trigger and all(t.text.isdigit() or _no_conj(t.text) in _NUMBER_WORDS for t in toks[span[0]:span[1]]):
        return True
    return (_accusative(head) and not head.endswith(("نا", "ها")) and not national(sent, span)
            and not (entity_actor and entity_actor(span)) and not dual_construct(toks, span[0]))


def _age_after(toks: list[Token], k: int) -> bool:
    """'وقتل محمد علاونة (22 عاما)', 'فقتلت المدرس هاني نعيم 40 عاما': a person's age after the
    name is how news introduces a victim."""
    while k < len(toks) and (toks[k].text in ("(", "،", ",") or _is_quote(toks[k])):
        k += 1
    return k + 1 < len(toks) and toks[k].text.isdigit() and _no_conj(toks[k + 1].text) in ("عاما", "عام", "سنه")


#: Triggers whose genitive is the one who fired ('برصاص الجيش', 'بنيران القوات'), not the victim.
_FIRE_OF = frozenset({"برصاص", "رصاص", "بنيران"})

#: Passive verbs of injury: coordinated after a killing verb's subject, they make it passive too.
_INJURED = {"اصيب", "اصيبت", "اصيبا", "جرح", "جرحت"}
#: Those that are never nouns ('جرح' is also a wound): a phrase ends at one ('أصيب ستة جنود وتعرضت').
_PASSIVE_INJURED = frozenset(_INJURED - {"جرح"})
#: Perfects of a casualty verb: with و after a phrase they open the next clause ('فقتل شخصين وأصاب سبعة').
_CASUALTY_PERFECTS = frozenset(_INJURED | {"اصاب", "اصابت", "قتل", "قتلت", "اوقع", "اوقعت"})


_ADVERBS = {"امس", "اليوم", "ليلا", "نهارا", "صباحا", "مساء", "ظهرا", "فجرا", "ايضا", "بالفعل", "مجددا", "اخيرا", "مساءا", "فورا",
            "ميدانيا", "انذاك", "حينها", "حينذاك", "يومها", "وقتها", "ساعتها", "حينئذ", "يومئذ", "عندئذ", "بالكامل", "كذلك", "لاحقا", "سابقا", "فعلا", "تماما",
            "خلالها", "خلاله", "خلالهما", "فيها", "فيه", "اولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "مرارا", "مرتين", "نهائيا"}
_DAY_PARTS = {"صباح", "مساء", "ظهر", "فجر", "ليل", "ليله", "بعد", "قبل", "عصر", "اول"}
#: Time nouns that open an adverb of time after a noun phrase ('الشهر الماضي', 'الأسبوع المقبل');
#: not 'العام', also the adjective 'general' ('الأمين العام').
_TIME_NOUNS = {"الشهر", "الاسبوع", "الاشهر", "الاسابيع"}
#: Times that 'شهد' (saw) an event: its subject then names no place ('شهد العام الجاري').
_TIME_SUBJECTS = frozenset(_TIME_NOUNS | {"العام", "الاعوام", "السنوات", "السنه"})
_WEEKDAYS = {"الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "من"}


def _skip_adverbs(toks: list[Token], j: int) -> int:
    """Past commas, time adverbs, weekdays and dates between a verb and its subject or object
    ('أصيب فجر أمس ثلاثة', 'قتلت الشرطة الأربعاء مسلحا', 'اختطفوا في مايو الماضي الأب')."""
    def word(k: int) -> str:  # 'فجر' is not 'ف' + 'جر'
        w = toks[k].text
        return w if w in _ADVERBS or w in _DAY_PARTS or w in _WEEKDAYS else _no_conj(w)

    while j < len(toks):
        w = word(j)
        if (_is_punct(toks[j]) and toks[j].text in "،,") or w in _ADVERBS or (w in _WEEKDAYS and w != "من"):
            j += 1
        elif w in _DAY_PARTS and j + 1 < len(toks) and (word(j + 1) in _ADVERBS | _WEEKDAYS | _DAY_PARTS):
            j += 2
        elif (past := _past_a_date(toks, j)) > j:
            j = past  # 'اختطفوا في مايو الماضي الأب جاك مراد'
        elif w in _TIME_NOUNS and j + 1 < len(toks) and toks[j + 1].text in ("الماضي", "الماضيه", "الحالي", "الجاري"):
            j += 2  # 'قتلوا الأسبوع الماضي'
        else:
            break
    return j


def _protest_target(sent: Sentence, b: int, trig_idx: set[int], entity_actor=None) -> tuple[int, int] | None:
    """What a protest is against: 'احتجاجا على X', 'للاحتجاج على X', 'معادية/مناهضة لـX',
    'تندد بـX', a slogan ('الموت لـX', 'يسقط X') within the rest of the sentence (a full stop
    ends the search), when it names a party (:func:`_party`), not an issue ('احتجاجا على
    الظلم'). What is protested is often another event ('احتجاجا على زيارة بوش', 'ضد الغارات
    الإسرائيلية'): its trigger may head the phrase, and the party after it is the target. Failing
    all that, the state body the protest gathers at (:func:`_protested_institution`)."""
    toks = sent.tokens
    for k in range(b, min(len(toks), b + 40)):
        if _is_punct(toks[k]) and toks[k].text in ".؟?!":
            break
        slogan = _no_conj(toks[k].text) in _sets()["protest_slogans"]
        n = 1 if slogan else _phrase_at(toks, k, _sets()["protest_target"])
        if not n:
            continue
        nps = np_forward(sent, k + n, trig_idx - {k + n}, max_len=2 if slogan else 5)
        if not nps or toks[nps[0][0]].text.isdigit():
            continue
        a, e = nps[0]
        if not _no_conj(toks[a].text).startswith("ب"):  # (what 'تندد بـ' names opens with its ب)
            e = _before_ba_phrase(sent, (a, e), entity_actor)[1]  # 'تطالب تنظيم داعش بالسماح لهم'
        if slogan:  # the slogan ends at its closing quote: 'الموت لأميركا» و«الموت لإسرائيل'
            e = next((q for q in range(a, e) if _is_quote(toks[q])), e)
        if e <= a:
            continue
        if a in trig_idx:
            if e - a > 1 and actor_like(sent, (a + 1, e), entity_actor):
                return a + 1, e
            state = next((m for m in range(a + 1, min(e, a + 3)) if national(sent, (m, m + 1))), None)
            if state is not None:
                return state, state + 1  # 'بالاتفاق النووي الإيراني الموقع': Iran, not the deal's adjectives
        elif _party(sent, (a, e), entity_actor):
            return a, e
    return _protested_institution(sent, b, trig_idx)


_PLACE_PREPOSITIONS = frozenset({"في", "من", "الي", "علي", "قرب", "عند", "وسط"})


def _protested_institution(sent: Sentence, b: int, trig_idx: set[int]) -> tuple[int, int] | None:
    """'تظاهر نحو 15 شخصا أمام القنصلية اليونانية': the embassy, ministry or parliament a
    protest gathers at is whom it addresses, when nothing else is named."""
    toks = sent.tokens
    for k in range(b, min(len(toks), b + 12)):
        if _is_punct(toks[k]) and toks[k].text in ".؟?!،,":
            return None
        n = _phrase_at(toks, k, _sets()["protest_site_preps"])
        if not n:
            continue
        head = k + n + (k + n < len(toks) and toks[k + n].text in _sets()["protest_building_heads"])
        if head < len(toks) and _phrase_at(toks, head, _sets()["protest_institutions"]):
            nps = np_forward(sent, k + n, trig_idx, max_len=5)
            if not nps or nps[0][0] != k + n:
                return None
            # the body alone, not where it stands: 'البرلمان في المساء', 'القنصلية اليونانية في برلين'
            # nor who took part ('وزارة الداخلية بمشاركة ممثلي النقابات')
            end = next((m for m in range(k + n + 1, nps[0][1]) if toks[m].text in _PLACE_PREPOSITIONS or toks[m].text.startswith(("لل", "بم"))), nps[0][1])
            return k + n, end
    return None
