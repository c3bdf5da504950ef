"""Stage registry: stage names in settings map to factories, so the stage list is data.

Factories import lazily, so a deployment pays only for the models of the stages it runs.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from marsad.streams.errors import MarsadError
from marsad.streams.pipeline.stage import Stage
from marsad.streams.settings import Settings


def _normalize(settings: Settings) -> Stage:
    from marsad.streams.pipeline.normalize import Normalize
    return Normalize()


def _language(settings: Settings) -> Stage:
    from marsad.streams.pipeline.language import DetectLanguage
    return DetectLanguage(settings.languages, settings.min_language_confidence)


def _sentences(settings: Settings) -> Stage:
    from marsad.streams.pipeline.sentences import SplitSentences
    return SplitSentences()


def _by_path(path: str) -> Callable[[Settings], Stage]:
    def factory(settings: Settings) -> Stage:
        module, _, attr = path.partition(":")
        cls = getattr(import_module(module), attr)
        return cls.from_settings(settings) if hasattr(cls, "from_settings") else cls()
    return factory


STAGES: dict[str, Callable[[Settings], Stage]] = {
    "normalize": _normalize,
    "language": _language,
    "sentences": _sentences,
    "entities": _by_path("marsad.streams.pipeline.entities:EntityStage"),
    "events": _by_path("marsad.streams.pipeline.events:EventStage"),
}


def build_stages(settings: Settings) -> list[Stage]:
    """Stages named in settings, in order. A name of the form ``package.module:Class`` loads a
    plug-in stage (a class with ``name`` and ``__call__``, optionally ``from_settings``)."""
    unknown = [name for name in settings.stages if name not in STAGES and ":" not in name]
    if unknown:
        raise MarsadError(f"unknown stage(s) {unknown} in MARSAD_STAGES; known: {sorted(STAGES)} "
                          "or a plug-in 'package.module:Class'")
    if tuple(settings.stages[:2]) != ("normalize", "language"):
        raise MarsadError("MARSAD_STAGES must start with normalize,language: later stages read their output")
    stages = []
    for name in settings.stages:
        factory = STAGES.get(name) or _by_path(name)
        try:
            stages.append(factory(settings))
        except (ImportError, AttributeError) as exc:
            raise MarsadError(f"cannot load stage '{name}': {exc}") from exc
    return stages
