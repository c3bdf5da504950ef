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
