"""The pipeline: pure, typed stages over :class:`Doc`, runnable with or without Kafka."""

from marsad.streams.pipeline.doc import Doc, FoldedText
from marsad.streams.pipeline.stage import Stage

__all__ = ["Doc", "FoldedText", "Stage"]
