"""Canonical events: the same event extracted from several articles becomes one record.

Each :class:`EventMention` of an article is matched against the open canonical events of the
store (same PLOVER type, compatible place, date and actors; see :meth:`EventMerger.match`).
Two named towns are two places (a district and its city, within ``district_km``, are one); an
event's date is its most precise time, so reports a day apart do not drift it day by day.
Across stories a place matches only when it is precise (a town, not the country or region both
name), and the town and day identify an attack or a protest; other events (a meeting in Riyadh)
also need a linked actor in common. A casualty figure also places an attack or a protest across
stories on its day: a region and a town in it that report the same figure ('a bombing in Asir
killed 15', 'in Abha 15 were killed') are one event, and so are any two places of one country
that report the same toll of ``TOLL_ANYWHERE_MIN`` dead or more (a report placed by 'south of
Tripoli' in Tripoli). A retelling the article does not date (so dated by its
publication) joins an event of its story whose casualty figure it repeats, whatever the day.
Attacks whose mentions name different kinds of act (ACLED sub-event types: an air strike, the
shelling of the same town, a clash of fleeing fighters with another force) are different events
even within one story; a mention that names no kind joins the closest event of any kind, and one
that names a kind of the event's (a suicide bombing of an explosives attack,
``mode_refinements.tsv``) joins it and narrows it. So are attacks by two linked attackers with
none in common (the coalition's strikes on a city and the shelling of it by the other side).
An article's mentions are matched most precisely placed first, so a headline that names only the
country joins the event its body places in a town. A match adds the article as a source;
otherwise a new canonical event starts with a deterministic id: a hash of the article's primary
country, type, canonical actor ids, place, date bucket and kind when named (plus the first
article id only if that id is already taken by an incompatible event).

An event an article changed is then matched against the other open events: a later report may
show two events to be one (story 1 placed the mosque bombing in its region, story 2 in the
town; story 1's next report names the town). The first seen takes the other's sources, and the
other is published once more with ``merged_into`` (it then receives nothing and is kept, unindexed,
until evicted; :meth:`EventMerger.merged_ids` follows it to the event that holds its articles).

Merging keeps every source (outlet, url, language, published time, status, the source's own
figures and evidence); ``quantities`` holds every distinct figure reported by any source, so
"20 killed" and "25 killed" are both kept; fields that can only hold one value take the most
precise one (place, time) or the majority (status). ``corroboration`` counts distinct outlets;
``version`` increases with every update. Re-merging an article already merged is a no-op. The toll
of a long period ('killed since October': a time longer than the event stage's
``EVENT_SPAN_DAYS``) only joins other such totals, never a dated attack.

Durable state (JSON-compatible, in the ``store`` the caller passes):

- ``e:<event_id>`` -> ``{"event": <CanonicalEvent as JSON>, "key": <match data>}`` (the event's
  last record, ``merged_into`` set, once merged into another)
- ``a:<article_id>`` -> ``[event_id, ...]`` merged from that article (idempotency)
- ``p:<article_id>`` -> ``{event_id: state}``: an article's merge, written before its ``e:`` and
  ``a:`` writes and deleted after them, so a replay after a kill among them finishes them as
  logged (present only while, or if a worker died while, they are written)
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Callable, MutableMapping
from datetime import date, datetime, timedelta
from typing import Any

from marsad.schemas import CanonicalEvent, EventMention
from marsad.streams.pipeline.doc import Doc
from marsad.streams.pipeline.events import EVENT_SPAN_DAYS
from marsad.streams.pipeline.events.resources import mode_refinements, sub_events_agree
from marsad.streams.pipeline.stories.blocking import country_key
from marsad.streams.pipeline.stories.state import iso, parse_dt, stable_id, utcnow

PLACE_RANK = {"exact": 0, "name_only": 1, "region": 2, "country": 3}
TIME_RANK = {"part_of_day": 0, "day": 1, "week": 2, "range": 3, "month": 4, "year": 5}
STATUS_ORDER = ("occurred", "ongoing", "claimed", "alleged", "announced", "denied")
#: Types whose place and day identify an event across stories: one attack or protest in a town on
#: a day. A meeting, an agreement or a refusal in Riyadh on a day is one of many: across stories
#: those also need a linked actor in common.
PLACE_ANCHORED_TYPES = frozenset({"ASSAULT", "PROTEST"})
#: Casualty figures that identify an event an undated retelling names again ('26 killed and 227
#: wounded in the mosque bombing', weeks later): from this many up, one story seldom tells two
#: events of the same toll.
_TOLL_KINDS = frozenset({"killed", "injured"})
RETOLD_MIN = 5
#: Deaths that identify an attack across the places of a country on one day (see _toll_places).
TOLL_ANYWHERE_MIN = 20


def _actor_ids(refs) -> list[str]:
    out = set()
    for ref in refs:
        cid = ref.get("canonical_id") if isinstance(ref, dict) else ref.canonical_id
        if cid:
            out.add(cid)
    return sorted(out)


def _actor_key(ref: dict) -> str:
    return ref.get("canonical_id") or ("text:" + " ".join(ref.get("text", "").lower().split()))


def _haversine_km(a: dict, b: dict) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _time_rank(time: dict) -> float:
    """The more precise time first; a time the article states before the publication day the
    stage fell back on ('أمس الاثنين' before the day of a headline that names none)."""
    return TIME_RANK[time["precision"]] + (0.5 if time.get("text") is None else 0.0)


def _toll_places(p1: dict, p2: dict, shared_toll: set[tuple]) -> bool:
    """Two places of one country (checked by the caller) that a casualty figure both reports on
    the same day makes one attack's: the bombing 'in Asir' (the region) that killed 15 is the one
    in Abha (a town of Asir) that killed 15; anywhere else in the country, a death toll of
    ``TOLL_ANYWHERE_MIN`` or more (Suruc's 30 dead placed by the province's capital). Smaller
    figures recur: three air strikes in Syria killed 5 or 6 each on 20 July 2015."""
    if "region" in (p1["precision"], p2["precision"]) and p1.get("admin1") and p1["admin1"] == p2.get("admin1"):
        return bool(shared_toll)
    return any(kind == "killed" and value >= TOLL_ANYWHERE_MIN for kind, value in shared_toll)


def _either(a: float, b: float) -> float:
    """Confidence that an event reported with confidences ``a`` and ``b`` happened."""
    return round(min(1.0, 1.0 - (1.0 - float(a)) * (1.0 - float(b))), 6)


def _take_fields(event: dict, other: dict) -> None:
    """Fold into ``event`` what ``other`` (a mention's dump or another canonical event) says:
    every figure and party, the narrower kind of act, the most precise place and time; the
    status of the majority of sources and the outlets counted again."""
    event["quantities"] = EventMerger._distinct(event["quantities"] + other["quantities"])
    event["corroboration"] = len({s["outlet"] for s in event["sources"]})
    if other.get("mode") is not None and (event.get("mode") is None or mode_refinements().get(other["mode"]) == event["mode"]):
        # the first mention naming the kind of act types the event, and one naming a kind of
        # it (a suicide bombing of an explosives attack) narrows it: mode and ACLED types together
        for field in ("mode", "acled_event_type", "acled_sub_event_type"):
            event[field] = other[field]
    for field in ("acled_event_type", "acled_sub_event_type"):
        if event.get(field) is None and other.get(field) is not None:
            event[field] = other[field]
    counts = Counter(s["status"] for s in event["sources"])
    event["status"] = max(STATUS_ORDER, key=lambda st: (counts.get(st, 0), -STATUS_ORDER.index(st)))
    for side in ("source_actors", "target_actors"):
        have = {_actor_key(r) for r in event[side]}
        event[side] = list(event[side]) + [r for r in other[side] if _actor_key(r) not in have]
    if other["place"] and (not event["place"] or
                           PLACE_RANK[other["place"]["precision"]] < PLACE_RANK[event["place"]["precision"]]):
        event["place"] = other["place"]
        if other.get("location_name") is not None:
            event["location_name"] = other["location_name"]
    if event["location_name"] is None:
        event["location_name"] = other.get("location_name")
    if other["time"] and (not event["time"] or _time_rank(other["time"]) < _time_rank(event["time"])):
        event["time"] = other["time"]


def _widened(k: dict, key: dict, event: dict) -> dict:
    """The match key ``k`` widened with ``key`` (actors, stories, most precise place); its dates
    are the event's time, not the span of every mention: a day apart at each step would chain
    Monday's strike to Wednesday's."""
    k = dict(k)
    k["actors"] = sorted(set(k["actors"]) | set(key["actors"]))
    k["stories"] = sorted(set(k["stories"]) | set(key["stories"]))
    if key["place"] and (not k["place"] or PLACE_RANK[key["place"]["precision"]] < PLACE_RANK[k["place"]["precision"]]):
        k["place"] = key["place"]
    k["kind"] = event["acled_sub_event_type"] if event["type"] == "ASSAULT" and event.get("mode") else None
    k["undated"] = bool(k.get("undated")) and key["undated"]
    k["attackers"] = sorted(set(k.get("attackers", ())) | set(key["attackers"]))
    k["toll"] = [list(t) for t in sorted({tuple(t) for t in (*k.get("toll", ()), *key.get("toll", ()))})]
    if event["time"]:
        k["start"], k["end"] = event["time"]["start"], event["time"]["end"]
    return k


class EventMerger:
    name = "events_merge.v1"

    def __init__(
        self,
        store: MutableMapping[str, Any],
        window: timedelta = timedelta(hours=72),
        day_tolerance: int = 1,
        place_km: float = 50.0,
        clock: Callable[[], datetime] = utcnow,
        district_km: float = 20.0,
    ) -> None:
        self.store = store
        self.window = window
        self.day_tolerance = day_tolerance
        self.place_km = place_km  # a place without a GeoNames id (a geocoded name) and a named one
        self.district_km = district_km  # two different GeoNames places: Baqubah is not Baghdad (50 km)
        self.clock = clock
        self.rebuild()

    # ------------------------------------------------------------------ index
    # Candidate retrieval. ``match`` can only accept an open event E for a mention M when
    #   (a) E already lists M's story, or
    #   (b) both have precise places that match (same GeoNames id, hence the same coordinates, or
    #       within ``district_km`` for two named places, ``place_km`` otherwise) and either they
    #       share an actor, or (M is an attack or a protest with a real date with the same start
    #       day as E, or a day apart when either only has the day of publication, and the actor
    #       sets do not conflict: one side has none), or
    #   (c) M is such an attack or protest, and E has a casualty figure of M's in the same country.
    # So instead of scanning every open event of the type we look up (type, story),
    # (type, actor, grid cell), (type, grid cell, start day +-1) and (type, country, figure)
    # buckets; the grid cells are 0.5 degree squares and the lookup covers every cell within
    # ``place_km``. Actors are bucketed with the cell because (b) needs matching places: a busy
    # actor (the Islamic State) has thousands of open events in a window, but few near one
    # place. ``match`` still decides, so the result is exactly that of a full scan (see
    # ``candidates(..., exhaustive=True)``).
    CELL_DEG = 0.5

    def rebuild(self) -> None:
        """Recreate the in-memory index (lookup buckets, expiry heap) from the store."""
        self._keys: dict[str, tuple[str, dict]] = {}
        self._buckets: dict[tuple, set[str]] = {}
        self._entries: dict[str, list[tuple]] = {}
        self._heap: list[tuple[float, str]] = []
        self._last: dict[str, float] = {}
        for key in sorted(k for k in list(self.store.keys()) if k.startswith("e:")):
            state = self.store.get(key)
            if state is not None:
                self._index(key[2:], state)

    def _cell(self, place: dict) -> tuple[int, int]:
        return (math.floor(place["lat"] / self.CELL_DEG), math.floor(place["lon"] / self.CELL_DEG))

    def _near_cells(self, place: dict) -> list[tuple[int, int]]:
        lat, lon = place["lat"], place["lon"]
        dlat = self.place_km / 110.5
        coslat = max(0.01, math.cos(math.radians(min(89.0, abs(lat) + dlat))))
        dlon = min(180.0, self.place_km / (111.32 * coslat))
        c = self.CELL_DEG
        lats = range(math.floor((lat - dlat) / c), math.floor((lat + dlat) / c) + 1)
        lons = range(math.floor((lon - dlon) / c), math.floor((lon + dlon) / c) + 1)
        return [(a, b) for a in lats for b in lons]

    def _bucket_keys(self, etype: str, key: dict) -> list[tuple]:
        out: list[tuple] = [("s", etype, sid) for sid in key["stories"]]
        out += self._toll_buckets(etype, key)
        if key["place"]:
            cell = self._cell(key["place"])
            out += [("a", etype, aid, cell) for aid in key["actors"]]
            out.append(("p", etype, cell, key["start"]))
            if not key["actors"]:
                out.append(("q", etype, cell, key["start"]))
        return out

    @staticmethod
    def _toll_buckets(etype: str, key: dict) -> list[tuple]:
        country = (key["place"] or {}).get("country")
        return [("t", etype, country, *map(str, t)) for t in key.get("toll", ())] if country else []

    def _index(self, event_id: str, state: dict) -> None:
        self._drop_entries(event_id)
        etype = state["event"]["type"]
        if state["event"].get("merged_into"):  # receives nothing more; kept until evicted
            self._keys.pop(event_id, None)
        else:
            self._keys[event_id] = (etype, state["key"])
            entries = self._bucket_keys(etype, state["key"])
            for b in entries:
                self._buckets.setdefault(b, set()).add(event_id)
            self._entries[event_id] = entries
        ts = parse_dt(state["event"]["last_seen"]).timestamp()
        self._last[event_id] = ts
        heapq.heappush(self._heap, (ts, event_id))

    def _drop_entries(self, event_id: str) -> None:
        for b in self._entries.pop(event_id, ()):
            ids = self._buckets.get(b)
            if ids is not None:
                ids.discard(event_id)
                if not ids:
                    del self._buckets[b]

    def _unindex(self, event_id: str, etype: str | None = None) -> None:
        self._drop_entries(event_id)
        self._keys.pop(event_id, None)
        self._last.pop(event_id, None)

    def candidates(self, etype: str, key: dict, exhaustive: bool = False) -> set[str]:
        """Open events of type ``etype`` that ``match`` could accept for the mention ``key``."""
        if exhaustive:
            return {eid for eid, (t, _) in self._keys.items() if t == etype}
        look: list[tuple] = [("s", etype, sid) for sid in key["stories"]]
        if key["prec"] != "published" and key.get("place_anchored", True):
            look += self._toll_buckets(etype, key)  # (c)
        if key["place"]:
            near = self._near_cells(key["place"])
            look += [("a", etype, aid, cell) for aid in key["actors"] for cell in near]
            if key["prec"] != "published" and key.get("place_anchored", True):  # others need an actor: (b)
                kind = "q" if key["actors"] else "p"
                day = date.fromisoformat(key["start"])
                days = [(day + timedelta(days=d)).isoformat() for d in (-1, 0, 1)]  # see ``same_day``
                look += [(kind, etype, cell, d) for cell in near for d in days]
        out: set[str] = set()
        for b in look:
            ids = self._buckets.get(b)
            if ids:
                out |= ids
        return out

    def __len__(self) -> int:
        return len(self._keys)

    def event(self, event_id: str) -> CanonicalEvent | None:
        state = self.store.get("e:" + event_id)
        return CanonicalEvent.model_validate(state["event"]) if state else None

    # ------------------------------------------------------------------ matching
    def _mention_key(self, doc: Doc, m: EventMention, story_id: str | None) -> dict:
        pub = doc.article.published_at.date()
        if m.time is not None:
            start, end, prec = m.time.start, m.time.end, m.time.precision
        else:
            start, end, prec = pub, pub, "published"
        place = m.place.model_dump(mode="json") if m.place is not None else None
        sources = _actor_ids(m.source_actors)
        return {
            "actors": sorted(set(sources) | set(_actor_ids(m.target_actors))),
            # who attacks: two linked attackers and none in common are two attacks, even in one story
            "attackers": sources if m.type == "ASSAULT" else [],
            "place": place,
            "start": start.isoformat(), "end": end.isoformat(), "prec": prec,
            # no time in the article: the stage dated it by publication, which may be a day late
            "undated": m.time is None or m.time.text is None,
            "stories": [story_id] if story_id else [],
            "place_anchored": m.type in PLACE_ANCHORED_TYPES,
            # an attack's ACLED sub-event type when the mention names its mode (air strike,
            # shelling, armed clash...): two attacks of different kinds are two events
            "kind": m.acled_sub_event_type if m.type == "ASSAULT" and m.mode else None,
            # its casualty figures: an undated retelling in a story names the same toll
            "toll": [list(t) for t in sorted({(q.kind, q.value) for q in m.quantities
                                              if q.kind in _TOLL_KINDS and q.value and q.value >= RETOLD_MIN})],
        }

    def match(self, key: dict, other: dict) -> float | None:
        """Compatibility score of a mention key with an event key; None if incompatible."""
        if not sub_events_agree(key.get("kind"), other.get("kind")):
            return None
        attackers, other_attackers = set(key.get("attackers", ())), set(other.get("attackers", ()))
        if attackers and other_attackers and not attackers & other_attackers:
            return None  # the coalition's air strikes and the Houthis' shelling of the same city
        tol = timedelta(days=self.day_tolerance)
        s1, e1 = date.fromisoformat(key["start"]), date.fromisoformat(key["end"])
        s2, e2 = date.fromisoformat(other["start"]), date.fromisoformat(other["end"])
        same_story = bool(set(key["stories"]) & set(other["stories"]))
        shared_toll = {tuple(t) for t in key.get("toll", ())} & {tuple(t) for t in other.get("toll", ())}
        # 'وتعرض المسجد ... لتفجير إرهابي خلال صلاة الجمعة' with its toll, weeks after the attack
        # the story dated: the stage dated the retelling by publication, the toll tells the event
        retold = same_story and bool(key.get("undated") or other.get("undated")) and bool(shared_toll)
        if not retold and (s1 > e2 + tol or s2 > e1 + tol):
            return None
        if ((e1 - s1).days > EVENT_SPAN_DAYS) != ((e2 - s2).days > EVENT_SPAN_DAYS):
            return None  # the total of a period ('killed since October') is no one attack's figure
        score = 0.0
        if same_story:
            score += 2.0
        p1, p2 = key["place"], other["place"]
        place_match = False
        if p1 and p2:
            if p1.get("country") and p2.get("country") and p1["country"] != p2["country"]:
                return None
            toll_place = (key.get("place_anchored", True) and key["prec"] != "published"
                          and p1.get("country") is not None and p1.get("country") == p2.get("country")
                          and _toll_places(p1, p2, shared_toll))
            if {"country", "region"} & {p1["precision"], p2["precision"]}:
                place_match = same_story or toll_place  # a country/region alone, even the same one: too vague
            elif p1.get("geonames_id") and p1.get("geonames_id") == p2.get("geonames_id"):
                place_match = True
            elif _haversine_km(p1, p2) <= (self.district_km if p1.get("geonames_id") and p2.get("geonames_id") else self.place_km):
                place_match = True  # two named places: a district and its city (Khor Maksar, Aden), not two towns
            elif toll_place:
                place_match = True
            else:
                return None
        if place_match:
            score += 2.0
        a1, a2 = set(key["actors"]), set(other["actors"])
        actor_match = bool(a1 & a2)
        if a1 and a2 and not actor_match and not same_story:
            return None
        if not key.get("place_anchored", True) and len(a1 & a2) == 1 and a1 - a2 and a2 - a1:
            return None  # one party in common, another each: the crown prince meeting Carter, and Geagea
        if actor_match:
            score += 1.0 + 0.1 * min(len(a1 & a2), 5)  # more shared actors: the closer event
        if s1 == s2 and e1 == e2:
            score += 0.5
        # a report that names no time ('مقتل 30 في هجوم استهدف مدينة سوروتش') may be of yesterday's event
        same_day = s1 == s2 or ((key.get("undated") or other.get("undated")) and abs((s1 - s2).days) <= 1)
        by_place = key.get("place_anchored", True) and same_day and key["prec"] != "published"
        if not same_story and not (place_match and (actor_match or by_place)):
            return None
        return score

    # ------------------------------------------------------------------ merging
    def merged_ids(self, article_id: str) -> list[str] | None:
        """The canonical events that hold an article (an event since merged into another: that
        one), or None if it was not merged yet."""
        ids = self.store.get("a:" + article_id)
        if ids is None:
            return None
        out: list[str] = []
        for eid in ids:
            seen = {eid}  # merges chain (the first seen holds), they never cycle
            while (into := (self.store.get("e:" + eid) or {}).get("event", {}).get("merged_into")) and into not in seen:
                seen.add(into)
                eid = into
            if eid not in out:
                out.append(eid)
        return sorted(out)

    def merge(self, doc: Doc, story_id: str | None) -> list[CanonicalEvent]:
        """Merge the document's event mentions; return every created/updated canonical event."""
        aid = doc.article.id
        if ("a:" + aid) in self.store or not doc.events:
            return []
        touched = self.store.get("p:" + aid)
        replay = touched is not None
        if not replay:
            touched = self._merged(doc, story_id)  # indexes the new states as it goes
            # The article's whole effect in one write before the others: a worker killed among
            # the writes below leaves this record, and the replay finishes them as logged. Merging
            # again would find some events already holding the article and decide differently.
            self.store["p:" + aid] = touched
        for eid in sorted(touched):
            self.store["e:" + eid] = touched[eid]
            if replay:
                self._index(eid, touched[eid])
        self.store["a:" + aid] = sorted(touched)
        del self.store["p:" + aid]
        return [CanonicalEvent.model_validate(touched[eid]["event"]) for eid in sorted(touched)]

    def _merged(self, doc: Doc, story_id: str | None) -> dict[str, dict]:
        """The new states of the events the document's mentions create or join (not stored)."""
        aid = doc.article.id
        touched: dict[str, dict] = {}
        matched_as: dict[str, dict] = {}  # each event's match key before this article, or at its start
        bkey = country_key(doc)  # content-derived, whatever the routing mode
        # the most precisely placed mention first: a headline naming only the country would start
        # an event (of this story) that the body's town-level mention then joins, though another
        # story's event at that town is the same attack
        for m in sorted(doc.events, key=lambda m: PLACE_RANK[m.place.precision] if m.place else len(PLACE_RANK)):
            key = self._mention_key(doc, m, story_id)
            best: tuple[float, str] | None = None
            for eid in self.candidates(m.type, key):
                s = self.match(key, self._keys[eid][1])
                if s is not None and (best is None or s > best[0] or (s == best[0] and eid < best[1])):
                    best = (s, eid)
            if best is not None:
                eid = best[1]
                state = touched.get(eid) or self.store["e:" + eid]
                matched_as.setdefault(eid, state["key"])
                state = self._add(state, doc, m, key, story_id)
            else:
                place = key["place"] or {}
                place_key = str(place.get("geonames_id") or place.get("country") or "")
                parts = (bkey, m.type, ",".join(key["actors"]), place_key, key["start"]) + ((key["kind"],) if key["kind"] else ())
                eid = stable_id("ev-", *parts)
                if ("e:" + eid) in self.store or eid in touched:
                    eid = stable_id("ev-", *parts, aid, str(len(touched)))
                state = self._new(eid, doc, m, key, story_id)
                matched_as[eid] = state["key"]  # no open event matched it
            touched[eid] = state
            self._index(eid, state)  # a later mention of the article may join it
        self._merge_late(touched, [eid for eid in sorted(touched) if touched[eid]["key"] != matched_as[eid]])
        return touched

    def _source(self, doc: Doc, m: EventMention) -> dict:
        a = doc.article
        return {"article_id": a.id, "outlet": a.outlet, "url": a.url, "language": doc.language,
                "published_at": iso(a.published_at), "status": m.status,
                "quantities": [q.model_dump(mode="json") for q in m.quantities],
                "evidence": m.evidence.model_dump(mode="json")}

    def _new(self, eid: str, doc: Doc, m: EventMention, key: dict, story_id: str | None) -> dict:
        pub = iso(doc.article.published_at)
        md = m.model_dump(mode="json")
        event = {
            "event_id": eid, "version": 1, "story_id": story_id, "type": m.type, "mode": m.mode,
            "acled_event_type": m.acled_event_type, "acled_sub_event_type": m.acled_sub_event_type,
            "status": m.status, "source_actors": md["source_actors"], "target_actors": md["target_actors"],
            "place": md["place"], "location_name": (m.location.name_en or m.location.text) if m.location else None,
            "time": md["time"], "quantities": self._distinct(md["quantities"]), "sources": [self._source(doc, m)],
            "corroboration": 1, "first_seen": pub, "last_seen": pub, "confidence": m.confidence,
            "updated_at": iso(self.clock()),
        }
        return {"event": event, "key": key}

    @staticmethod
    def _distinct(quantities: list[dict]) -> list[dict]:
        seen, out = set(), []
        for q in quantities:
            k = (q["kind"], q.get("value"), q.get("min"), q.get("max"), q.get("approximate"))
            if k not in seen:
                seen.add(k)
                out.append(q)
        return sorted(out, key=lambda q: (q["kind"], q.get("value") is None, q.get("value") or 0.0, q["text"]))

    def _add(self, state: dict, doc: Doc, m: EventMention, key: dict, story_id: str | None) -> dict:
        event = dict(state["event"])
        md = m.model_dump(mode="json")
        md["location_name"] = (m.location.name_en or m.location.text) if m.location else None
        sources = list(event["sources"])
        src = self._source(doc, m)
        mine = [i for i, s in enumerate(sources) if s["article_id"] == doc.article.id]
        if mine:  # a second mention of the same event in the same article: extend its figures
            old = dict(sources[mine[0]])
            old["quantities"] = self._distinct(old["quantities"] + src["quantities"])
            sources[mine[0]] = old
        else:
            sources.append(src)
        event["sources"] = sources
        _take_fields(event, md)
        pub = doc.article.published_at
        if pub < parse_dt(event["first_seen"]):
            event["first_seen"] = iso(pub)
        if pub > parse_dt(event["last_seen"]):
            event["last_seen"] = iso(pub)
        if event["story_id"] is None and story_id:
            event["story_id"] = story_id
        if not mine:
            event["confidence"] = _either(event["confidence"], m.confidence)
            event["version"] = int(event["version"]) + 1
        event["updated_at"] = iso(self.clock())
        return {"event": event, "key": _widened(state["key"], key, event)}

    # ------------------------------------------------------------------ late merging
    def _merge_late(self, touched: dict[str, dict], changed: list[str]) -> None:
        """An event an article changed may now match another open event it did not match when
        either began: the body of a later report placed the mosque bombing of one story in Abha,
        where another story's report of it already was. Such pairs become one event, both ways
        compatible by :meth:`match`: the one first seen keeps its id and takes the other's sources,
        figures and parties; the other is published once more with ``merged_into`` set and
        receives nothing after. Only the events in ``changed`` (whose match key the article
        changed) are looked at: the others matched nothing else before it. Updates ``touched``
        (both states are written as the article's)."""
        for eid in changed:
            while not touched[eid]["event"].get("merged_into") and self._merge_one(touched, eid):
                pass  # the merged key may match more: look again with it

    def _merge_one(self, touched: dict[str, dict], eid: str) -> bool:
        """Merge ``eid`` with the first (by id) open event compatible both ways; whether one was."""
        state = touched[eid]
        for other in sorted(self.candidates(state["event"]["type"], state["key"]) - {eid}):
            ostate = touched.get(other) or self.store.get("e:" + other)
            if ostate is None or ostate["event"].get("merged_into"):
                continue
            if self.match(state["key"], ostate["key"]) is None or self.match(ostate["key"], state["key"]) is None:
                continue
            keep, gone = sorted(((eid, state), (other, ostate)), key=lambda it: (parse_dt(it[1]["event"]["first_seen"]), it[0]))
            touched[keep[0]] = self._absorb(keep[1], gone[1])
            final = dict(gone[1]["event"], merged_into=keep[0], version=int(gone[1]["event"]["version"]) + 1,
                         updated_at=iso(self.clock()))
            touched[gone[0]] = {"event": final, "key": gone[1]["key"]}
            self._index(keep[0], touched[keep[0]])
            self._index(gone[0], touched[gone[0]])
            return True
        return False

    def _absorb(self, state: dict, other: dict) -> dict:
        """``state`` with the sources, figures, parties and most precise fields of ``other``."""
        event, taken = dict(state["event"]), other["event"]
        have = {s["article_id"] for s in event["sources"]}
        event["sources"] = list(event["sources"]) + [s for s in taken["sources"] if s["article_id"] not in have]
        _take_fields(event, taken)
        event["first_seen"] = min(event["first_seen"], taken["first_seen"], key=parse_dt)
        event["last_seen"] = max(event["last_seen"], taken["last_seen"], key=parse_dt)
        event["confidence"] = _either(event["confidence"], taken["confidence"])
        event["version"] = int(event["version"]) + 1
        event["updated_at"] = iso(self.clock())
        return {"event": event, "key": _widened(state["key"], other["key"], event)}

    def evict(self, now_published: datetime) -> list[str]:
        """Forget events last seen before ``now_published - window``; returns their ids."""
        cutoff = (now_published - self.window).timestamp()
        gone: list[str] = []
        while self._heap and self._heap[0][0] < cutoff:
            ts, eid = heapq.heappop(self._heap)
            if self._last.get(eid) != ts:
                continue
            state = self.store.pop("e:" + eid, None)
            if state is None:
                self._last.pop(eid, None)
                continue
            self._unindex(eid, state["event"]["type"])
            if not state["event"].get("merged_into"):  # else its sources are the survivor's
                for src in state["event"]["sources"]:
                    self.store.pop("a:" + src["article_id"], None)
                    self.store.pop("p:" + src["article_id"], None)
            gone.append(eid)
        return sorted(gone)
