"""Helper shared by the Arabic event tests (not a test module)."""

from marsad.streams.evaluation.events import run_stage


def arabic_roles(text, event_type):
    """(source texts, target texts) of each event of ``event_type`` the full stage finds."""
    return [([a.text for a in e.source_actors], [a.text for a in e.target_actors])
            for e in run_stage(text, "ar").events if e.type == event_type]
