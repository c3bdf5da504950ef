"""The stage interface every pipeline step implements.

A stage is a small object with a versioned ``name`` (``"language.v1"``) and
``__call__(doc) -> doc``. It must not mutate its input. A stage that cannot read a document
raises :class:`marsad.streams.errors.RejectedInput` with a dead-letter reason; any other
exception becomes a ``stage_error`` dead letter naming the stage.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from marsad.streams.pipeline.doc import Doc


@runtime_checkable
class Stage(Protocol):
    name: str

    def __call__(self, doc: Doc) -> Doc: ...
