"""English trigger detection (Snowball stems) with modality rules and simple argument rules.

A future/intent cue (will, would, plans to, offered to, ready to ...) before a trigger turns a
cooperative act into AGREE and a conflictual one into THREATEN (PLOVER: report the single category,
not category + future); a negated future (will not) is REJECT.
"""

from __future__ import annotations

from functools import lru_cache

from .common import Candidate, Sentence
from .resources import Trigger, cues, en_stem, triggers_en, weapon_words

_PUNCT = set(",.;:!?()[]\"'`")


@lru_cache(maxsize=1)
def _index() -> dict[str, list[tuple[list[str], Trigger]]]:
    idx: dict[str, list[tuple[list[str], Trigger]]] = {}
    for t in triggers_en():
        parts = t.pattern.split()
        idx.setdefault(parts[0], []).append((parts, t))
    return idx


@lru_cache(maxsize=None)
def stem_set(key: str) -> frozenset[str]:
    """Snowball stems of the words of cue list ``key`` (cues_en.json), for lists matched against
    any inflection: ``support_verbs`` ('launched an attack', 'SDF launches final assault'),
    ``release_triggers``, ``reaction_verbs``."""
    return frozenset(en_stem(v) for v in cues("en")[key])


@lru_cache(maxsize=1)
def _sets():
    c = cues("en")
    return {k: set(v) for k, v in c.items() if isinstance(v, list)}


def _match(stems: list[str], i: int, parts: list[str]) -> int:
    k, p = i, 0
    while p < len(parts):
        if parts[p] == "~":
            p += 1
            for gap in range(0, 4):
                if k + gap < len(stems) and stems[k + gap] == parts[p]:
                    k += gap
                    break
            else:
                return 0
        if k >= len(stems) or stems[k] != parts[p]:
            return 0
        k += 1
        p += 1
    return k


def find_triggers(words: list[str]) -> list[tuple[int, int, Trigger]]:
    """Longest trigger match at each token; words of ``not_triggers`` (cues_en.json) start
    none: they share a stem with a trigger but name people or things, not acts ('critics' is
    not 'criticized', 'executive' not 'executed', 'shares' not 'sharing'); nor does the month
    March, nor a word of a ``not_trigger_phrases`` phrase ('Sign up to our newsletter', 'a host
    of', 'when asked')."""
    stems = [en_stem(w) for w in words]
    idx = _index()
    skip = _sets()["not_triggers"]
    hits = []
    for i, st in enumerate(stems):
        entries = idx.get(st, ())
        if not entries or words[i] in skip or _the_month(words, i) or _in_phrase(words, i):
            continue
        best = None
        for parts, trig in entries:
            end = _match(stems, i, parts)
            if end and (best is None or (end - i, trig.weight) > (best[1] - i, best[2].weight)):
                best = (i, end, trig)
        if best:
            hits.append(best)
    out = []
    for h in hits:
        if out and h[0] < out[-1][1]:
            continue
        out.append(h)
    return out


@lru_cache(maxsize=1)
def _not_trigger_phrases() -> dict[str, tuple[tuple[int, tuple[str, ...]], ...]]:
    """Each word of a ``not_trigger_phrases`` phrase -> (its position, the phrase)."""
    index: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for phrase in cues("en")["not_trigger_phrases"]:
        parts = tuple(phrase.split())
        for offset, part in enumerate(parts):
            index.setdefault(part, []).append((offset, parts))
    return {w: tuple(v) for w, v in index.items()}


def _in_phrase(words: list[str], i: int) -> bool:
    """Token ``i`` is a word of a ``not_trigger_phrases`` phrase as it stands in ``words``."""
    return any(i >= offset and tuple(words[i - offset:i - offset + len(parts)]) == parts
               for offset, parts in _not_trigger_phrases().get(words[i], ()))


def _the_month(words: list[str], i: int) -> bool:
    """'in March', 'March 01, 2008', 'March of 2008': the month, not a march."""
    if words[i] != "march":
        return False
    before = words[i - 1] if i > 0 else ""
    after = words[i + 1] if i + 1 < len(words) else ""
    of_year = after == "of" and i + 2 < len(words) and words[i + 2].isdigit()
    return before in _sets()["month_context"] or before.isdigit() or after[:1].isdigit() or of_year


#: Words no subject noun phrase contains: a backward span holding one crossed into a clause
#: ('said on Saturday they would begin an offensive').
_CLAUSE_WORDS = frozenset("would will could can may might must should shall to".split())
_PRONOUNS = frozenset("they he she it we".split())
#: Modal triggers of REQUEST: what someone must do, as a speaker demands it.
_OBLIGATION = frozenset({"must"})
_QUOTE_MARKS = frozenset('"“”«»')
#: Event types whose agent-noun triggers ('protesters', 'attackers', 'hackers') name who acted.
_ACTING_AGENTS = frozenset({"PROTEST", "ASSAULT", "COERCE", "MOBILIZE"})


def _crosses_clause(words: list[str], span: tuple[int, int]) -> bool:
    return any(words[m] in _CLAUSE_WORDS or words[m] in _PRONOUNS for m in range(*span))


def _subject(words: list[str], i: int) -> tuple[int, int] | None:
    """Subject before token ``i``; a pronoun subject of a reported clause ('X said they would
    begin an offensive') stands for the subject of the reporting verb, X."""
    span = _np_back(words, i)
    if span is not None:
        # 'Reports suggest Trump will meet Kim': the subject starts after the reporting verb
        said_in = [m for m in range(span[0], span[1] - 1) if words[m] in _sets()["reporting"]]
        if said_in:
            span = (said_in[-1] + 1, span[1])
    if span is None or not _crosses_clause(words, span):
        return span
    said = next((k for k in range(span[0], -1, -1) if words[k] in _sets()["reporting"]), None)
    if said is None or not any(words[m] in _PRONOUNS for m in range(said, span[1])):
        return None
    return _speaker(words, said)


def _speaker(words: list[str], said: int) -> tuple[int, int] | None:
    """Subject of the reporting verb at ``said``."""
    head = said
    if head > 0 and words[head - 1] == ")" and "(" in words[max(0, head - 6):head]:
        head = max(k for k in range(max(0, head - 6), head) if words[k] == "(")  # 'Forces (SDF) said'
    outer = _np_back(words, head)
    return outer if outer and not _crosses_clause(words, outer) else None


def _passive(words: list[str], a: int, b: int, typ: str) -> bool:
    """'was killed', 'were also reportedly killed', 'has been shot' (not the progressive 'is
    refusing' nor the adjective 'is ready to'); and the reduced passive of an attack verb that
    always takes an object: '7 militants killed in blasts', 'the members killed and those
    injured', 'two (were) wounded.' (no object follows, so the phrase before it is the victim)."""
    s = _sets()
    if not (words[a].endswith(("ed", "en")) or words[a] in s["irregular_past"] or words[a] in s["transitive_participles"]) or words[b - 1] == "to":
        return False  # 'is refusing', 'is ready to', 'is prepared to': no participle, no passive
    k = a - 1
    while k >= 0 and words[k] in s["passive_adverbs"]:
        k -= 1
    if k >= 0 and words[k] in s["passive_aux"]:
        return True
    if typ != "ASSAULT" or a == 0 or words[a] not in s["transitive_participles"]:
        return False
    nxt = words[b] if b < len(words) else "."
    if nxt in ("and", "or") and b + 1 < len(words) and (words[b + 1].endswith("ed") or words[b + 1] in s["transitive_participles"]):
        return False  # 'killed and wounded dozens': two verbs, one object
    if nxt == "at" and words[b + 1:b + 2] == ["least"]:
        return False  # 'killed at least 20 people'
    return nxt in _PUNCT or nxt in s["after_reduced_passive"]


def _by_agent(words: list[str], k: int) -> tuple[int, int] | None:
    """The 'by' phrase right after an attack noun or its object: 'the killing of a student by
    police'."""
    if words[k:k + 1] == ["by"]:
        return _np_fwd(words, k + 1)
    return None


def _negated(words: list[str], a: int) -> bool:
    """A negation in the two words before the trigger, or 'without' in the four ('without any
    government aid'); 'failed' only as 'failed to' ('failed to attack'): a 'failed
    assassination attempt' was an attack."""
    neg = _sets()["negation"]
    return (any(words[k] in neg and (words[k] != "failed" or words[k + 1] == "to") for k in range(max(0, a - 2), a))
            or "without" in words[max(0, a - 4):a])


def _gunfire(words: list[str], b: int, passive_subject: tuple[int, int] | None) -> bool:
    """'fired on the crowd', 'fired rockets', 'shots were fired': a weapon or a target follows
    (or, under a passive, is the subject); not 'fire us', 'was fired' (dismissed)."""
    shots = _sets()["fire_objects"]
    if passive_subject is not None:
        return bool(shots.intersection(words[passive_subject[0]:passive_subject[1]]))
    return bool(shots.intersection(words[b:b + 3]))


def _agent_phrase(words: list[str], a: int, is_cap) -> tuple[int, int]:
    """An agent-noun trigger with what qualifies it: 'Thousands of Kurdish protesters'
    (capitalised words, numbers and crowd words before it; not 'Police dispersed')."""
    crowd = _sets()["crowd_words"]
    k = a
    while k > 0 and (is_cap(k - 1) or words[k - 1].replace(",", "").isdigit() or words[k - 1] in crowd
                     or (words[k - 1] == "of" and k > 1 and words[k - 2] in crowd)):
        k -= 1
    return (k, a + 1)


def _counted_of(words: list[str], j: int, k: int) -> bool:
    """``words[k]`` is the 'of' after a count: 'thousands of', 'five of', 'more than 20 of'."""
    crowd = _sets()["crowd_words"]
    return words[k] == "of" and k > j and all(w in crowd or w in _COUNT_WORDS or w[:1].isdigit() for w in words[j:k])


#: Event types whose direct object is a party or a place, never a thing or an abstraction.
_PARTY_OBJECT_TYPES = frozenset({"ASSAULT", "COERCE", "RETREAT", "PROTEST"})


def _skip_det(words: list[str], j: int) -> int:
    det = _sets()["det"]
    while j < len(words) and words[j] in det:
        j += 1
    return j


_POSSESSIVE_DETS = frozenset({"its", "their", "his", "her"})
#: Words that open a count ('at least 20', 'five of the'), with the crowd words of cues_en.json.
_COUNT_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve at".split())


def _past_verb(word: str) -> bool:
    """Reads as a past-tense verb: '-ed' (not 'armed', 'so-called') or an irregular past ('hit')."""
    s = _sets()
    return (word.endswith("ed") and len(word) > 4 and word not in s["participle_adjectives"]) or word in s["irregular_past"]


def _verb_with_object(words: list[str], k: int) -> bool:
    """``words[k]`` reads as a past-tense verb with its object after it ('killed three officers',
    'hit the town'), so a noun phrase before it ends there ('displaced people' goes on)."""
    if not _past_verb(words[k]):
        return False
    s = _sets()
    nxt = words[k + 1] if k + 1 < len(words) else ""
    return nxt in s["det"] or nxt in s["crowd_words"] or nxt in _COUNT_WORDS or nxt[:1].isdigit()


def _verb_after_noun(words: list[str], a: int, b: int) -> bool:
    """The word after a nominal trigger is a past-tense verb: 'the attack killed', 'protests
    erupted', 'airstrikes hit' (a verbal trigger ends in -ed itself: 'attacked armed men')."""
    return b < len(words) and not words[a].endswith("ed") and _past_verb(words[b])


def _first_conjunct(words: list[str], subj: tuple[int, int], is_cap) -> tuple[int, int] | None:
    """'Jordan and Britain have agreed', 'U.S. and Russian negotiators': the name before 'and'
    is a source too (a compound actor). Only a short capitalised phrase, so that 'killed and
    wounded' or a clause before 'and' is not taken for one."""
    k = subj[0] - 1
    while k > 0 and words[k] in _sets()["det"]:
        k -= 1
    if k < 1 or words[k] != "and":
        return None
    first = _np_back(words, k)
    if first is None or not is_cap(first[0]) or first[1] - first[0] > 4 or _crosses_clause(words, first):
        return None
    return first


def _np_back(words: list[str], i: int) -> tuple[int, int] | None:
    s = _sets()
    k = i - 1
    while k >= 0 and (words[k] in s["passive_aux"] or words[k] in ("has", "have", "had", "again", "also", "today", "reportedly", "routinely", "will", "would", "not", "to", "n't", "once", "already", "had", "it", "they") or words[k] in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "on", "yesterday")):
        k -= 1
    end = k + 1
    while k >= 0 and words[k] not in _PUNCT and words[k] not in ("that", "who", "which", "and", "but", "when", "while", "after", "as", "said", "says", "if") and end - k <= 7:
        k -= 1
    start = k + 1
    while start < end and words[start] in s["det"]:
        start += 1
    return (start, end) if end > start else None


def _np_fwd(words: list[str], j: int, max_len: int = 7) -> tuple[int, int] | None:
    """Noun phrase from ``j``: up to a stop word, or a time phrase ('fled to Jordan last week');
    through the 'of' of a count ('dozens of people', 'five of the soldiers')."""
    s = _sets()
    while j < len(words) and (words[j] in ("to", "up", "out", "off", "down") or words[j] in s["det"]):
        j += 1
    k = j
    while k < len(words) and words[k] not in _PUNCT and (words[k] not in s["np_stop"] or _counted_of(words, j, k)) and k - j < max_len:
        if k > j and words[k] in s["time_openers"] and words[k + 1:k + 2] and words[k + 1] in s["time_nouns"]:
            break
        if k > j and _verb_with_object(words, k):
            break  # 'an attack on a police station killed three officers'
        k += 1
    return (j, k) if k > j else None


def _recipient(words: list[str], b: int, is_cap) -> tuple[int, int] | None:
    """Recipient of a cooperative act: 'offered troops to Lebanon's new President', 'provide aid
    to refugees' -> the NP after to/with whose first word is capitalised (or a plural noun)."""
    for k in range(b, min(len(words), b + 14)):
        if words[k] in (".", ";") or (words[k] == "," and k > b + 1):
            return None
        if words[k] in ("to", "with", "for") and k + 1 < len(words):
            j = k + 1
            while j < len(words) and words[j] in ("the", "its", "their", "his", "her", "a", "an", "neighboring", "neighbouring"):
                j += 1
            if j < len(words) and (is_cap(j) or words[j] in ("refugees", "civilians", "rebels", "victims", "protesters", "opposition")):
                return _np_fwd(words, j, 6)
    return None


def extract(sent: Sentence, is_cap=None) -> list[Candidate]:
    words = [t.text.lower() for t in sent.tokens]
    is_cap = is_cap or (lambda j: False)
    hits = find_triggers(words)
    if not hits:
        return []
    s = _sets()
    cands: list[Candidate] = []
    for a, b, trig in hits:
        typ, weight, mode, status = trig.type, trig.weight, trig.mode, "occurred"
        window = words[max(0, a - 4):a]
        if any(w in s["foiling"] for w in window):
            continue  # 'police foiled a bomb attack': a foiled act did not happen
        if _negated(words, a) and trig.frame != "verbal":
            if any(w in ("will", "would") for w in window):
                typ, weight, mode = "REJECT", 0.9, None
            else:
                continue
        elif trig.frame in ("coop", "conf") and (any(w in s["future_strict"] for w in window) or words[b:b + 1] in (["will"], ["would"], ["shall"])):
            # 'will attack', and the noun before its modal: 'the battle would start in the evening'
            status = "announced"
            typ, weight, mode = ("AGREE", max(weight, 0.85), None) if trig.frame == "coop" else ("THREATEN", max(weight, 0.85), mode)
        elif trig.frame in ("coop", "conf") and a >= 2 and words[a - 1] == "to" and words[a - 2] in ("plans", "plan", "decided", "intends", "threatened", "vowed", "going", "prepared", "ready"):
            status = "announced"
            typ, weight = ("AGREE", max(weight, 0.85)) if trig.frame == "coop" else ("THREATEN", max(weight, 0.85))
        if any(w in s["denial"] for w in words[:a]):
            status = "denied"
        elif any(w in s["allegation"] for w in words[max(0, a - 5):a]):
            status = "alleged"
        elif status == "occurred" and any(w in ("continued", "continuing", "continue", "still") for w in window):
            status = "ongoing"
        cand = Candidate(type=typ, mode=mode, trigger=Trigger(trig.pattern, typ, mode, weight, "X", trig.frame), tok=(a, b), status=status)
        passive = cand.passive = _passive(words, a, b, typ)
        subj = _subject(words, a)
        if typ == "ASSAULT" and not passive and subj and any(w in s["hazards"] for w in words[subj[0]:subj[1]]):
            continue  # 'an earthquake struck the region', 'floods killed 12': no attacker, no attack
        if typ == "PROTEST" and words[a].startswith("demonstrat") and words[b:b + 1] and words[b] in s["demonstration_senses"]:
            continue  # 'Fiat has demonstrated that it can build': shown, not protested
        if typ == "PROTEST" and words[a].startswith("rall") and s["abstract_objects"].intersection(words[:a]):
            continue  # 'shares fell ten percent before rallying': a market rally (an abstract subject earlier on)
        if typ == "AID" and en_stem(words[a]) in _GIVING and not _aid_given(words, a, b):
            continue  # 'provided a list of questions', 'the memos, provided to Congress'
        if typ == "AGREE" and en_stem(words[a]) == "offer" and not _political_offer(words, b):
            continue  # 'New Year offers for customers', 'offers around 10 strains'
        if typ == "ASSAULT" and (_figurative_attack(words, a, b) or _accident(words, a)):
            continue  # 'missile tests', 'a trade battle', 'an assault on our democracy', 'crashed, killing all 228'
        if (typ in ("ASSAULT", "PROTEST") and not passive and subj and subj[1] == a and words[a - 1] not in s["np_stop"]
                and s["abstract_objects"].intersection(words[subj[0]:subj[1]])):
            continue  # 'Markets rally', 'sales hit a record': no one acted (not 'a result of torture')
        fire = b - a == 1 and en_stem(words[a]) == "fire"
        if fire and not _gunfire(words, b, subj if passive else None):
            continue  # 'they will fire us', 'she was fired': a dismissal
        if passive:
            if subj:
                cand.targets = [subj]
            for k in range(b, min(len(words), b + 4)):
                if words[k] == "by":
                    obj = _np_fwd(words, k + 1)
                    if obj:
                        cand.sources = [obj]
                    break
        elif b - a == 1 and words[a].endswith(("ers", "ors")) and typ in _ACTING_AGENTS:
            # 'Kurdish protesters gathered outside the embassy': the trigger names who acted;
            # what follows is their verb, and a target needs 'against' (received 'observers'
            # are not the actor of a RETREAT)
            cand.sources = [_agent_phrase(words, a, is_cap)]
            obj = _np_fwd(words, b + 1) if words[b:b + 1] == ["against"] else None
            cand.targets = [obj] if obj else []
        else:
            if subj:
                first = _first_conjunct(words, subj, is_cap)
                cand.sources = [first, subj] if first else [subj]
            obj = _np_fwd(words, b)
            if typ == "ASSAULT" and not words[a].endswith("ed"):
                if obj is None and words[b:b + 1] == ["of"]:
                    obj = _np_fwd(words, b + 1)  # 'the bombing of the federal building', 'the slaying of seven demonstrators'
                agent = _by_agent(words, obj[1] if obj else b)
                if agent:
                    cand.sources = [agent]  # 'the killing of a student by police', 'an attack by gunmen'
            if obj and _verb_after_noun(words, a, b):
                # 'The attack killed five soldiers', 'Airstrikes hit the town', 'Aid reached
                # thousands': the noun's own verb follows; an attack's target or aid's recipient
                # is that verb's object, others have none here
                obj = _np_fwd(words, b + 1) if typ in ("ASSAULT", "COERCE", "AID") else None
            elif obj is None or (obj and words[b:b + 1] and words[b] in ("in", "on", "at")):
                for k in range(b, min(len(words), b + 6)):
                    if words[k] in s["target_preps"] and words[k] not in ("in", "at"):
                        obj = _np_fwd(words, k + 1)
                        break
            if obj and words[obj[0] - 1] in _POSSESSIVE_DETS:
                # 'withdraw its troops from Lebanon': the source's own are not its target
                nxt = next((k for k in range(obj[1], min(len(words), obj[1] + 3)) if words[k] in s["target_preps"]), None)
                obj = _np_fwd(words, nxt + 1) if nxt is not None else obj
            if obj and typ in _PARTY_OBJECT_TYPES and obj[0] == _skip_det(words, b) and s["abstract_objects"].intersection(words[obj[0]:obj[1]]):
                continue  # 'struck a deal', 'killed the bill', 'released a statement', 'demonstrated their applications'
            if typ == "RETREAT" and obj and s["destination_preps"].intersection(words[b:obj[0]]):
                obj = None  # 'fled to Jordan', 'retreated into the mountains': where to, not whom from
            if obj:
                cand.targets = [obj]
        if fire:
            # 'fired tear gas at protesters', 'shots were fired at the convoy': the weapon is no
            # target, what it was fired at is
            at = next((k for k in range(b, min(len(words), b + 5)) if words[k] in ("at", "on", "upon", "into", "toward", "towards")), None)
            aim = _np_fwd(words, at + 1) if at is not None else None
            cand.targets = [aim] if aim else []
        if typ == "REQUEST" and words[a] in _OBLIGATION:
            # 'The Red Cross said US forces must ensure security': the speaker requests it of
            # the subject; with nobody saying it, 'one must serve the country' is the writer's view
            if not any(w in s["reporting"] or w in _QUOTE_MARKS for w in words):
                continue
            said = next((k for k in range(a - 1, -1, -1) if words[k] in s["reporting"]), None)
            speaker = _speaker(words, said) if said is not None else None
            if speaker:
                cand.sources, cand.targets = [speaker], [subj] if subj and subj[0] > said else []
        if trig.frame == "coop" and typ in ("AGREE", "AID", "SUPPORT", "COOPERATE", "CONSULT", "YIELD"):
            rec = _recipient(words, b, is_cap)
            if rec:
                cand.targets = [rec]
        cand.confidence = round(min(0.97, 0.3 + 0.5 * weight + (0.1 if cand.sources else 0) + (0.05 if cand.targets else 0)), 3)
        cands.append(cand)
    return _ultimatum(words, _one_event_nouns(words, _death_sentences(words, cands)))


def _death_sentences(words: list[str], cands: list[Candidate]) -> list[Candidate]:
    """'He was executed after a court convicted him of murder': a death sentence carried out is a
    court's penalty (SANCTION, convict), not an attack (``judicial_cues``)."""
    if _sets()["judicial_cues"].isdisjoint(words):
        return cands
    for c in cands:
        if c.type == "ASSAULT" and words[c.tok[0]].startswith("execut"):
            c.type, c.mode = "SANCTION", "convict"
    return cands


#: Verbs of giving or arriving that are AID only when what is given or arrives is aid.
_GIVING = frozenset(en_stem(w) for w in ("provide", "delivered", "arrived"))


def _aid_given(words: list[str], a: int, b: int) -> bool:
    """An aid word (``aid_objects``: food, medical supplies, weapons, troops...) in the
    trigger's clause, after it or in the three words before it ('aid convoys arrived')."""
    aid = _sets()["aid_objects"]
    end = next((k for k in range(b, min(len(words), b + 8)) if words[k] in _PUNCT), min(len(words), b + 8))
    return bool(aid.intersection(words[max(0, a - 3):a] + words[b:end]))


def _political_offer(words: list[str], b: int) -> bool:
    """An offer an analyst codes: to do something or to someone ('offered to negotiate', 'offered its
    troops to Lebanon's new President'), or of talks, a truce, aid … (``offer_objects``); not
    the products and deals of commerce ('New Year offers', 'offers free kids meals')."""
    ahead = words[b:b + 5]
    return "to" in ahead or bool(_sets()["offer_objects"].intersection(ahead))


def _figurative_attack(words: list[str], a: int, b: int) -> bool:
    """No attack made: a weapon named as part of a programme ('nuclear and missile tests', 'the
    nuclear weapons and missiles North Korea has built'; ``weapon_programme``), an attack word
    used figuratively ('a trade battle', 'a legal assault'; ``figurative_modifiers``), or aimed at
    an abstraction ('an all-out assault on our democracy'; ``abstract_targets``), or fought like a
    foe ('to attack the virus'; ``abstract_foes``)."""
    s = _sets()
    if words[a] in weapon_words("en") and s["weapon_programme"].intersection(words[max(0, a - 5):a] + words[b:b + 3]):
        return True
    if a > 0 and words[a - 1] in s["figurative_modifiers"]:
        return True
    if s["abstract_foes"].intersection(words[b:b + 3]) or (a >= 2 and words[a - 1] == "to" and words[a - 2] in s["abstract_foes"]):
        return True  # 'to attack the virus', 'any disease to battle'
    on = next((k for k in range(b, min(len(words), b + 2)) if words[k] in ("on", "against")), None)
    return on is not None and bool(s["abstract_targets"].intersection(words[on + 1:on + 4]))


def _accident(words: list[str], a: int) -> bool:
    """'The jetliner crashed into the Atlantic, killing all 228 people on board': deaths in a crash
    or collision (``accidents``) named before the trigger, with no weapon in the sentence, are
    no attack."""
    return (bool(_sets()["accidents"].intersection(words[max(0, a - 12):a]))
            and not weapon_words("en").intersection(words))


def _one_event_nouns(words: list[str], cands: list[Candidate]) -> list[Candidate]:
    """'a bomb attack', 'a car bomb explosion', 'an assassination attempt': a trigger whose
    object is another trigger of the same type, or a noun naming the event itself
    (``event_nouns`` in cues_en.json), names one event with it, not its target."""
    event_nouns = _sets()["event_nouns"]
    for c in cands:
        c.targets = [t for t in c.targets
                     if not any(o is not c and o.type == c.type and o.tok[0] < t[1] and t[0] < o.tok[1] for o in cands)
                     and not (t[0] == c.tok[1] and words[t[0]] in event_nouns)]
    return cands


def _ultimatum(words: list[str], cands: list[Candidate]) -> list[Candidate]:
    """'Nigeria will withdraw its force from Chad unless ...': an act announced on a condition is
    a threat (PLOVER THREATEN, ultimatums). The announced event becomes the THREATEN and the
    'unless' trigger, which only marks the condition, is dropped."""
    cond = next((c for c in cands if c.type == "THREATEN" and words[c.tok[0]] == "unless"), None)
    if cond is None:
        return cands
    announced = [c for c in cands if c.status == "announced" and c.type == "AGREE" and c.tok[1] <= cond.tok[0]]
    if not announced:
        return cands
    for c in announced:
        c.type, c.mode = "THREATEN", None
        c.trigger = Trigger(c.trigger.pattern, "THREATEN", None, c.trigger.weight, c.trigger.pos, c.trigger.frame)
    return [c for c in cands if c is not cond]
