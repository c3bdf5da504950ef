"""Pretty terminal output of Marsad records for ``marsad demo`` and ``marsad tail``."""

from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.table import Table


def render_record(console: Console, kind: str, record: dict, elapsed: float | None) -> None:
    when = f" at {elapsed:.1f}s" if elapsed is not None else ""
    if kind == "enriched":
        console.print(_article(record, when))
    elif kind == "events":
        actors = ", ".join(a.get("name_en") or a["text"] for a in record.get("source_actors", []))
        targets = ", ".join(a.get("name_en") or a["text"] for a in record.get("target_actors", []))
        console.print(f"[bold magenta]event[/] {record['event_id']} v{record['version']}{when}: "
                      f"{record['type']} ({record['status']}) {actors or '?'} -> {targets or '?'} "
                      f"at {record.get('location_name') or '?'}; {record['corroboration']} outlet(s)", highlight=False)
    elif kind == "stories":
        console.print(f"[bold blue]story[/] {record['story_id']} v{record['version']}{when}: "
                      f"{record['title'][:80]!r}, {len(record['sources'])} article(s) in "
                      f"{', '.join(record['languages'])}", highlight=False)
    elif kind == "deadletter":
        console.print(f"[bold red]dead letter[/]{when}: {record['reason']}: {record['message']}", highlight=False)
    else:
        console.print_json(data=record)


def _article(record: dict, when: str) -> Panel:
    table = Table.grid(padding=(0, 1))
    table.add_row("outlet", f"{record['outlet']} ({record['language']}, {record['language_confidence']:.2f})")
    table.add_row("published", record["published_at"])
    if record.get("copy_of"):
        table.add_row("copy of", f"{record['copy_of']} (similarity {record['copy_similarity']})")
    if record.get("story_id"):
        table.add_row("story", record["story_id"])
    table.add_row("sentences", str(len(record["sentences"])))
    entities = {}
    for entity in record.get("entities", []):
        label = entity.get("name_en") or entity["surface"]
        entities.setdefault(entity["type"], []).append(label)
    for kind, names in entities.items():
        table.add_row(kind, ", ".join(dict.fromkeys(names)))
    table.add_row("events", str(len(record.get("events", []))))
    table.add_row("stages", " ".join(record["stages"]))
    return Panel(table, title=f"[bold green]enriched[/] {record['id']}{when}", title_align="left")
