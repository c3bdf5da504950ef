"""The ``marsad`` command line. Each command parses its options and calls a function in
``marsad.streams.commands`` or the evaluation packages; errors print as one line."""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path
from typing import Annotated, Optional

import orjson
import typer
from rich.console import Console

from marsad.streams.errors import MarsadError

app = typer.Typer(help="Marsad: real-time multilingual news-event stream processor.", no_args_is_help=True,
                  pretty_exceptions_enable=False, add_completion=False)
topics_app = typer.Typer(help="Create or describe Marsad's topics.", no_args_is_help=True)
schemas_app = typer.Typer(help="Export the published contracts.", no_args_is_help=True)
eval_app = typer.Typer(help="Evaluate a stage on labelled data; prints one JSON object last.", no_args_is_help=True)
train_app = typer.Typer(help="Rebuild a trained model from the data folder.", no_args_is_help=True)
app.add_typer(topics_app, name="topics")
app.add_typer(schemas_app, name="schemas")
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")

err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)
Paths = Annotated[list[Path], typer.Argument(help="Files or directories (.jsonl, .json, .txt, .zip).")]


def _settings(**overrides):
    from marsad.streams.settings import Settings
    return Settings(**{k: v for k, v in overrides.items() if v is not None})


def _print_json_line(result: dict) -> None:
    sys.stdout.write(orjson.dumps(result).decode() + "\n")


@app.command()
def demo(paths: Annotated[Optional[list[Path]], typer.Argument(help="Articles to publish (default: seeds/).")] = None,
         json_out: Annotated[bool, typer.Option("--json", help="Print records as JSON lines.")] = False) -> None:
    """Run Marsad on an embedded broker with one worker and print the results as they arrive."""
    from marsad.streams.commands.demo import SEEDS, run_demo
    from marsad.streams.commands.render import render_record

    started = time.monotonic()
    status = err.status("starting", spinner="dots")
    status.start()

    def show(kind: str, record: dict) -> None:
        if json_out:
            _print_json_line({"topic": kind, "record": record})
        else:
            status.stop()
            render_record(out, kind, record, time.monotonic() - started)
            status.start()

    try:
        counts = run_demo(paths or [SEEDS], show, lambda text: status.update(f"{text} ({time.monotonic() - started:.1f}s)"))
    finally:
        status.stop()
    err.print(f"[green]done[/] in {time.monotonic() - started:.1f}s: {counts['enriched']} enriched, "
              f"{counts['events']} event updates, {counts['stories']} story updates, {counts['deadletter']} dead letters")


@app.command(context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def worker(ctx: typer.Context) -> None:
    """Run a production worker (settings from MARSAD_* variables; extra options go to Faust)."""
    from marsad.streams.admin import ensure_topics
    from marsad.streams.settings import get_settings

    settings = get_settings()
    asyncio.run(ensure_topics(settings))
    from marsad.streams.app import app as faust_app, load_agents

    load_agents()
    sys.argv = ["marsad", "worker", *ctx.args]
    faust_app.main()


@app.command()
def produce(paths: Paths, topic: Annotated[Optional[str], typer.Option(help="Default: <prefix>.articles.raw")] = None,
            limit: Annotated[Optional[int], typer.Option(help="Stop after this many articles.")] = None) -> None:
    """Publish articles from files to the raw topic."""
    from rich.progress import Progress

    from marsad.streams.commands.kafka_io import produce as do_produce

    settings = _settings()
    with Progress(console=err, transient=True) as progress:
        task = progress.add_task("publishing", total=limit)
        sent = asyncio.run(do_produce(paths, settings, topic or settings.topic("articles.raw"), limit=limit,
                                      on_sent=lambda n: progress.update(task, completed=n)))
    err.print(f"published {sent} articles")


@app.command()
def tail(topic: Annotated[str, typer.Argument(help="Topic, with or without the prefix (e.g. events).")],
         json_out: Annotated[bool, typer.Option("--json", help="JSON lines instead of pretty output.")] = False,
         from_end: Annotated[bool, typer.Option(help="Only new records.")] = False,
         max_records: Annotated[Optional[int], typer.Option("--max", help="Stop after N records.")] = None,
         idle: Annotated[Optional[float], typer.Option(help="Stop after this many idle seconds.")] = None) -> None:
    """Print the records of a topic."""
    from marsad.streams.commands.kafka_io import tail as do_tail
    from marsad.streams.commands.render import render_record

    settings = _settings()
    name = topic if topic.startswith(settings.topic_prefix + ".") else settings.topic(topic)
    seen = [0]

    def on_record(_topic: str, key: bytes | None, value: bytes) -> bool:
        seen[0] += 1
        try:
            record = orjson.loads(value)
        except orjson.JSONDecodeError:
            record = {"value": value.decode("utf-8", "replace")}
        if json_out:
            _print_json_line(record)
        else:
            render_record(out, name.removeprefix(settings.topic_prefix + ".").removeprefix("articles."), record, None)
        return max_records is None or seen[0] < max_records

    asyncio.run(do_tail(settings, [name], on_record, from_beginning=not from_end, timeout_s=idle))


@app.command()
def process(paths: Paths,
            output: Annotated[Optional[Path], typer.Option("--out", "-o", help="Enriched JSONL (default stdout).")] = None,
            events: Annotated[Optional[Path], typer.Option(help="Write canonical event updates here.")] = None,
            stories: Annotated[Optional[Path], typer.Option(help="Write story updates here.")] = None,
            deadletters: Annotated[Optional[Path], typer.Option(help="Write dead letters here (default stderr).")] = None,
            limit: Annotated[Optional[int], typer.Option(help="Stop after N articles.")] = None) -> None:
    """Run the whole pipeline in-process (no broker) and print one enriched record per article."""
    from marsad.streams.commands.process import process as do_process

    def opened(path: Optional[Path]):
        return path.open("wb") if path else None

    files = [opened(output), opened(events), opened(stories), opened(deadletters)]
    try:
        report = do_process(paths, _settings(), files[0] or sys.stdout.buffer, events_out=files[1],
                            stories_out=files[2], dead_out=files[3], limit=limit)
    finally:
        for fh in files:
            if fh:
                fh.close()
    sys.stdout.flush()
    err.print(f"{report.articles} articles: {report.enriched} enriched ({report.copies} copies), "
              f"{sum(report.dead.values())} dead letters {dict(report.dead)}, {len(report.stories)} stories, "
              f"{report.events} event updates; {report.per_second:.1f} articles/s "
              f"(models loaded in {report.load_seconds:.1f}s)")


@app.command()
def bench(articles: Annotated[list[Path], typer.Option("--articles", help="JSONL file or SaudiNewsNet folder.")],
          count: Annotated[int, typer.Option(help="Articles to send.")] = 2000,
          workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
          partitions: Annotated[int, typer.Option(help="Partitions of the benchmark topics.")] = 4,
          broker: Annotated[Optional[str], typer.Option(help="Use this broker instead of a local Kafka.")] = None,
          offline: Annotated[bool, typer.Option(help="Measure 'marsad process' (no broker).")] = False) -> None:
    """Benchmark throughput (vs a no-op agent), latency, CPU per stage and memory; JSON last."""
    from marsad.streams.commands.bench import BenchOptions, run_bench, run_offline

    options = BenchOptions(articles, count, workers, partitions, broker)
    if offline:
        _print_json_line(run_offline(options))
        return
    with err.status("benchmark") as status:
        result = run_bench(options, lambda text: status.update(text))
    _print_json_line(result)


@topics_app.command("create")
def topics_create() -> None:
    """Create every Marsad topic that does not exist (partitions and replication from settings)."""
    from marsad.streams.admin import ensure_topics

    created = asyncio.run(ensure_topics(_settings()))
    err.print(f"created {len(created)} topics: {', '.join(created) or '(all existed)'}")


@topics_app.command("describe")
def topics_describe() -> None:
    """Show Marsad's topics and their partitions."""
    from marsad.streams.admin import describe_topics

    for row in asyncio.run(describe_topics(_settings())):
        out.print(f"{row['topic']:<40} {'exists' if row['exists'] else 'missing':<8} partitions={row['partitions']}")


@schemas_app.command("export")
def schemas_export(folder: Annotated[Optional[Path], typer.Argument(help="Default: the package's schemas/.")] = None) -> None:
    """Write the JSON Schema files and the AsyncAPI document."""
    from marsad.streams.contracts import export_all

    for path in export_all(folder):
        err.print(f"wrote {path}")


@eval_app.command("ner")
def eval_ner(paths: Paths, fmt: Annotated[str, typer.Option("--format")] = "conll") -> None:
    """NER precision/recall/F1 (micro, exact span, PER/ORG/LOC) on CoNLL-style files."""
    from marsad.streams.evaluation.ner import evaluate

    _print_json_line(evaluate(paths, fmt))


@eval_app.command("events")
def eval_events(path: Annotated[Path, typer.Argument()], fmt: Annotated[str, typer.Option("--format")]) -> None:
    """Event detection (ar-event-gsr CSV; English attacks per sentence in WikiEvents JSON lines,
    --format wikievents) or PLOVER typing (plover-gsr JSON)."""
    from marsad.streams.evaluation.events import evaluate_events

    _print_json_line(evaluate_events(path, fmt))


@eval_app.command("actors")
def eval_actors(path: Annotated[Path, typer.Argument()],
                fmt: Annotated[str, typer.Option("--format")] = "ar-event-gsr-spans") -> None:
    """Source/target actors against ar-event-gsr span records, or English attackers and targets
    against WikiEvents JSON lines (--format wikievents)."""
    from marsad.streams.evaluation.events import evaluate_actors

    _print_json_line(evaluate_actors(path, fmt))


@eval_app.command("clusters")
def eval_clusters(paths: Paths, fmt: Annotated[str, typer.Option("--format")] = "cdcr-conll",
                  no_datelines: Annotated[bool, typer.Option("--no-datelines", help=(
                      "give every document one fixed time even where all open with a dateline"))] = False) -> None:
    """Story clustering pairwise and B-cubed scores on CoNLL corpora with document ids."""
    from marsad.streams.evaluation.clusters import evaluate_clusters

    _print_json_line(evaluate_clusters(paths, fmt, datelines=not no_datelines))


@eval_app.command("similarity")
def eval_similarity(path: Annotated[Path, typer.Argument()],
                    fmt: Annotated[str, typer.Option("--format")] = "semeval2022") -> None:
    """Pearson correlation of story similarity with SemEval-2022 Task 8 gold."""
    from marsad.streams.evaluation.similarity import evaluate_similarity

    _print_json_line(evaluate_similarity(path, fmt))


@train_app.command("ner")
def train_ner(data: Annotated[Path, typer.Option(help="The NER data folder.")] = Path("../shared/data/ner"),
              out_dir: Annotated[Optional[Path], typer.Option("--out", help="Default: the package's resources.")] = None,
              seed: int = 13,
              heldout_conll: Annotated[Optional[Path], typer.Option(
                  help="Only write the held-out parts as CoNLL files into this folder "
                       "(for marsad eval ner); no training.")] = None) -> None:
    """Rebuild the Arabic NER model from the data folder (reproducible for a given seed)."""
    from marsad.streams.pipeline.entities.ner.train import DEFAULT_OUT, main as train, write_heldout

    if heldout_conll is not None:
        _print_json_line(write_heldout(data, heldout_conll))
        return
    _print_json_line(train(data, out_dir or DEFAULT_OUT, seed=seed))


def main() -> None:
    import logging

    # Client libraries log connection failures as errors; the CLI reports them itself, once.
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)
    try:
        app()
    except MarsadError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        raise SystemExit(130) from None


if __name__ == "__main__":
    main()
