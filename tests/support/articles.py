"""Synthetic articles for load and fault tests, written by the project (not real news).

Each article is distinct (its own numbers, places, actors and sentence order) so that copy
detection does not collapse them; the generator is seeded, so runs are reproducible.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import orjson

PLACES = ["Aleppo", "Homs", "Idlib", "Raqqa", "Mosul", "Basra", "Sanaa", "Aden", "Tripoli", "Benghazi",
          "Gaza", "Khartoum", "Darfur", "Kirkuk", "Deir ez-Zor", "Hama", "Daraa", "Marib", "Taiz", "Sirte"]
ACTORS = ["government forces", "rebel fighters", "a local militia", "police", "coalition aircraft",
          "tribal fighters", "security forces", "an armed group", "army units", "border guards"]
VERBS = ["attacked", "shelled", "raided", "besieged", "clashed with", "fired on", "ambushed", "stormed"]
EXTRA = ["Residents described heavy gunfire through the night.", "Hospitals reported a shortage of supplies.",
         "Officials promised an investigation.", "Roads into the area were closed.",
         "Aid groups called for a ceasefire.", "Schools in the district were shut.",
         "Witnesses said the fighting lasted several hours.", "Electricity was cut in several neighbourhoods."]


def synthetic_article(i: int, rng: random.Random, start: datetime) -> dict:
    place, other = rng.sample(PLACES, 2)
    actor, target = rng.sample(ACTORS, 2)
    killed, injured = rng.randint(1, 80), rng.randint(1, 200)
    extra = rng.sample(EXTRA, 4)
    body = (f"{actor.capitalize()} {rng.choice(VERBS)} {target} near {place} on report number {i}, "
            f"killing {killed} people and wounding {injured}, according to a statement seen by reporters. "
            f"{extra[0]} {extra[1]} The violence spread toward {other} later in the day, where {rng.randint(2, 900)} "
            f"families were displaced. {extra[2]} {extra[3]} Reference code {i}-{rng.getrandbits(32):08x}.")
    return {"id": f"load-{i:06d}", "outlet": f"Load Outlet {i % 7}", "url": f"https://example.org/load/{i}",
            "title": f"Fighting near {place} ({i})", "body": body,
            "published_at": (start + timedelta(seconds=30 * i)).isoformat(), "language": "en"}


def synthetic_messages(count: int, seed: int = 7) -> list[tuple[bytes, bytes]]:
    rng = random.Random(seed)
    start = datetime(2024, 3, 1, tzinfo=UTC)
    return [(a["id"].encode(), orjson.dumps(a)) for a in (synthetic_article(i, rng, start) for i in range(count))]


STORY_TOPICS = [
    ("flood", "Floods hit {place}", "Heavy rain flooded {place}, forcing {n} families from their homes. Rescue teams used boats "
     "to reach stranded residents, and the regional governor declared an emergency."),
    ("airstrike", "Air strikes on {place}", "Warplanes struck positions near {place}, killing {n} fighters, a monitoring group said. "
     "Residents reported several explosions before dawn and smoke over the outskirts."),
    ("protest", "Protest in {place}", "Thousands of demonstrators marched in {place} to demand higher wages; police detained {n} "
     "people. Organisers said the protest would continue until the government responds."),
    ("election", "Vote count in {place}", "Officials in {place} began counting ballots after a vote with {n} percent turnout. "
     "Observers reported long queues but no major irregularities at polling stations."),
    ("quake", "Earthquake near {place}", "A magnitude 5.{n} earthquake shook {place}, damaging old buildings. Emergency services "
     "said several people were injured and schools were closed for inspection."),
    ("kidnap", "Aid workers abducted near {place}", "Gunmen abducted {n} aid workers on the road to {place}, their organisation "
     "said, calling for their immediate release. No group has claimed the kidnapping."),
]
OUTLET_STYLES = [
    lambda title, body: (title, body),
    lambda title, body: (title + " - report", "According to local sources, " + body[0].lower() + body[1:]),
    lambda title, body: ("Breaking: " + title, body + " More details were expected later in the day."),
]


def story_articles(stories: int, outlets: int = 3, seed: int = 11) -> list[tuple[bytes, bytes]]:
    """``stories`` distinct stories, each reported by ``outlets`` outlets in different wording.

    Reports of one story are interleaved with others, as on a real feed.
    """
    rng = random.Random(seed)
    start = datetime(2024, 5, 1, tzinfo=UTC)
    articles = []
    for s in range(stories):
        kind, title, body = STORY_TOPICS[s % len(STORY_TOPICS)]
        place = PLACES[(s * 7) % len(PLACES)] + ("" if s < len(PLACES) else f" district {s}")
        n = rng.randint(3, 90)
        for o in range(outlets):
            t, b = OUTLET_STYLES[o % len(OUTLET_STYLES)](title.format(place=place), body.format(place=place, n=n))
            articles.append({"id": f"story{s:03d}-outlet{o}", "outlet": f"Outlet {o}", "title": t, "body": b,
                             "url": f"https://example.org/{o}/{s}", "language": "en",
                             "published_at": (start + timedelta(minutes=10 * s + 3 * o)).isoformat()})
    rng.shuffle(articles)
    articles.sort(key=lambda a: a["published_at"][:13])  # roughly chronological, shuffled within the hour
    return [(a["id"].encode(), orjson.dumps(a)) for a in articles]
