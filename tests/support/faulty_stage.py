"""A plug-in stage that fails on purpose, to prove a stage exception becomes a dead letter."""

from marsad.streams.pipeline.doc import Doc

TRIGGER = "MARSAD-TEST-STAGE-FAILURE"


class FailOnMarker:
    name = "test-failure.v1"

    def __call__(self, doc: Doc) -> Doc:
        if TRIGGER in doc.text:
            raise RuntimeError("this stage fails on purpose on the test marker")
        return doc
