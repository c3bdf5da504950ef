"""One event per report: the mentions of one event type in one sentence that describe the same
happening become one event.

A sentence often names one attack with several triggers: 'شنت طائرات التحالف غارات ... أسفرت عن
مقتل 16' (the raids and the killing), 'قتل أربعة أشخاص وأصيب عشرة آخرون في تفجير' (killed, injured,
bombing). Each trigger finds only some of the arguments (the raids their attacker, the killing its
victims), so a consumer reading the mentions one by one sees two half events. Mentions are merged
when nothing tells them apart: the same type, status and time, compatible kinds and places, and
no actor on opposite sides. Two attacks by two sides, or at two dates, stay two events.
"""

from __future__ import annotations

from functools import lru_cache
from typing import get_args

from marsad.schemas import ActorRef, EventMention, Quantity
from marsad.schemas.entity import GeoPrecision

from . import arabic
from .resources import OUTCOME_MODES, cues, mode_refinements, modes_agree
from .text import fold, tokenize

#: Head nouns that name no party on their own ('قوات' in 'قوات النظام' and 'قوات سورية الديمقراطية').
GENERIC_HEADS = frozenset({"قوات", "طائرات", "عناصر", "مقاتلي", "مقاتلو", "مليشيا", "مليشيات", "تنظيم", "جماعه"})
_PLACE_RANK = {precision: rank for rank, precision in enumerate(get_args(GeoPrecision))}  # exact first


@lru_cache(maxsize=1)
def _english_function_words() -> frozenset[str]:
    c = cues("en")
    return frozenset(c["det"]) | frozenset(c["np_stop"])


def actor_key(ref: ActorRef) -> set[str]:
    """What identifies an actor: its linked entity, else its content words (bare, folded; not
    'the' of 'Two of the 12' and '11 of the')."""
    if ref.canonical_id:
        return {ref.canonical_id}
    words = {arabic.bare(t.text) for t in tokenize(fold(ref.text).text) if len(t.text) > 2}
    return words - GENERIC_HEADS - _english_function_words()


def actor_keys(refs: list[ActorRef]) -> set[str]:
    return set().union(*(actor_key(r) for r in refs))


def _same_place(a: EventMention, b: EventMention) -> bool:
    if a.place is None or b.place is None:
        return True
    if a.place.geonames_id is not None and a.place.geonames_id == b.place.geonames_id:
        return True
    if a.place.country != b.place.country:
        return False
    # a country or region holds the town the other mention names
    return "country" in (a.place.precision, b.place.precision) or "region" in (a.place.precision, b.place.precision)


def _compatible(a: EventMention, b: EventMention) -> bool:
    if (a.evidence.start, a.type, a.status) != (b.evidence.start, b.type, b.status):
        return False
    if not modes_agree(a.mode, b.mode) and not _same_parties(a, b):
        return False
    if a.time is not None and b.time is not None and (a.time.start, a.time.end) != (b.time.start, b.time.end):
        return False
    if not _same_place(a, b):
        return False
    src_a, src_b = actor_keys(a.source_actors), actor_keys(b.source_actors)
    if src_a and src_b and not src_a & src_b:
        return False  # two attackers: two attacks
    # who attacks in one is attacked in the other: 'قتل المسلح شخصين قبل أن يقتل' is two events
    return not (src_a & actor_keys(b.target_actors) or src_b & actor_keys(a.target_actors))


def _same_parties(a: EventMention, b: EventMention) -> bool:
    """The same attacker and the same victims: 'سبعة جنود قتلوا ... في هجوم انتحاري نفذه مسلحون'
    is one attack, though the gunmen make the killing a shooting and the trigger a suicide attack."""
    src_a, src_b = actor_keys(a.source_actors), actor_keys(b.source_actors)
    return bool(src_a and src_a == src_b and actor_keys(a.target_actors) & actor_keys(b.target_actors))


def counted(text: str) -> bool:
    """'11 شخصا', 'ثلاثة جنود': a count of people, the victims of an event, never its agent."""
    words = fold(text).text.split()
    return bool(words) and arabic._is_quantity_word(words[0])


def _union(first: list[ActorRef], *more: list[ActorRef], exclude: list[ActorRef] = ()) -> list[ActorRef]:
    """The actors of the first list, then those of the others that are new: neither the same
    party nor an overlapping span ('25 عنصرا' and '25 عنصرا من تنظيم داعش') as one already
    taken or excluded; a count of a party's people is not the party ('21 مسلحا من التنظيم' beside
    'مواقع لتنظيم داعش'). A longer span of the same party replaces the one taken ('six NATO
    service members' for 'NATO')."""
    out = list(first)
    taken = out + list(exclude)
    for r in (r for refs in more for r in refs):
        key = actor_key(r) or {r.text}
        same = [o for o in taken if (key & (actor_key(o) or {o.text}) and counted(r.text) == counted(o.text))
                or (r.start < o.end and o.start < r.end)]
        if not same:
            out.append(r)
            taken.append(r)
        elif len(same) == 1 and same[0] in out and key & actor_key(same[0]) and _inside(same[0], r):
            out[out.index(same[0])] = taken[taken.index(same[0])] = r
    return out


def _inside(short: ActorRef, long: ActorRef) -> bool:
    return long.start <= short.start and short.end <= long.end and long.end - long.start > short.end - short.start


def _combine(group: list[EventMention]) -> EventMention:
    head = max(group, key=lambda m: m.confidence)
    rest = [m for m in group if m is not head]
    # the most precise place named ('في بلدة سروج بجنوب شرق تركيا': Suruç, not Turkey)
    located = min((head, *rest), key=lambda m: _PLACE_RANK[m.place.precision] if m.place else len(_PLACE_RANK) + (m.location is None))
    where = located.location

    def not_the_place(refs: list[ActorRef]) -> list[ActorRef]:
        # a place is where, not whom: 'marched against the government in Diyarbakir'
        return [r for r in refs if where is None or not where.start <= r.start < r.end <= where.end]

    sources = _union(head.source_actors, *(not_the_place(m.source_actors) for m in rest))
    targets = _union(head.target_actors, *(not_the_place(m.target_actors) for m in rest), exclude=sources)
    quantities = list(head.quantities)
    for m in rest:
        quantities += [q for q in m.quantities if q not in quantities]
    context = list(dict.fromkeys(c for m in (head, *rest) for c in m.context))
    modes = [m.mode for m in (head, *rest) if m.mode]
    mode = next((x for x in modes if x not in OUTCOME_MODES), modes[0] if modes else None)  # how, before what it did
    mode = next((m.mode for m in rest if mode_refinements().get(m.mode) == mode), mode)  # the narrower
    update = {"source_actors": sources, "target_actors": targets, "location": located.location,
              "place": located.place, "quantities": quantities, "context": context,
              "time": head.time or next((m.time for m in rest if m.time), None)}
    if mode != head.mode:
        donor = next(m for m in rest if m.mode == mode)
        update |= {"mode": mode, "acled_event_type": donor.acled_event_type,
                   "acled_sub_event_type": donor.acled_sub_event_type}
    return head.model_copy(update=update)


def group_sentence_mentions(mentions: list[EventMention]) -> list[list[EventMention]]:
    """The mentions of each event in each sentence (see the module docstring), in the order of
    each event's first mention."""
    groups: list[list[EventMention]] = []
    for m in mentions:
        for g in groups:
            if all(_compatible(m, other) for other in g):
                g.append(m)
                break
        else:
            groups.append([m])
    return groups


def nearest_figures(groups: list[list[EventMention]], figures: dict[int, list[tuple[int, int, Quantity]]]) -> list[list[EventMention]]:
    """A figure that two events of one sentence both carry belongs to the one whose trigger is
    nearest to it: 'أدت الغارة إلى مقتل تسعة مسلحين، بينما قتل أحد عشر مسلحا آخر في قصف جوي' is
    nine for the raid and eleven for the shelling, not twenty each (a consumer summing tolls
    would count both twice). A figure among an event's victims is that event's. ``figures``: per
    sentence (its evidence start) the character span of each figure parsed in it; a figure named
    twice keeps its place at each."""
    out = [list(g) for g in groups]
    for start, found in figures.items():
        in_sentence = [i for i, g in enumerate(out) if g[0].evidence.start == start]
        if len(in_sentence) < 2:
            continue
        keepers: dict[Quantity, set[int]] = {}
        for a, b, q in found:
            holders = [i for i in in_sentence if any(q in m.quantities for m in out[i])]
            if len(holders) >= 2:
                nearest = min(holders, key=lambda i: min(_distance(m, a, b) for m in out[i]))
                keepers.setdefault(q, set()).add(nearest)
        for i in in_sentence:
            dropped = {q for q, keep in keepers.items() if i not in keep}
            if dropped:
                out[i] = [m.model_copy(update={"quantities": [q for q in m.quantities if q not in dropped]}) for m in out[i]]
    return out


def _distance(m: EventMention, a: int, b: int) -> int:
    """Characters between a figure and a mention: none when the figure counts its victims ('مقتل
    تسعة مسلحين' of 'أدت غارة إلى مقتل تسعة مسلحين'), else from its trigger."""
    if any(r.start <= a and b <= r.end for r in m.target_actors):
        return 0
    return max(0, a - m.trigger.end, m.trigger.start - b)


def merge_groups(groups: list[list[EventMention]]) -> list[EventMention]:
    """One event per group: the most confident mention's trigger and confidence and every
    argument found."""
    return [g[0] if len(g) == 1 else _combine(g) for g in groups]


def merge_sentence_mentions(mentions: list[EventMention]) -> list[EventMention]:
    """Merge the mentions of one event in one sentence (see the module docstring)."""
    return merge_groups(group_sentence_mentions(mentions))
