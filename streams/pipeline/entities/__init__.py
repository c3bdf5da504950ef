"""Entity stage (issue 3): KB/gazetteer linking, geocoding, persons, dates and quantities.

``EntityStage`` is the pipeline stage (``entities.v1``); the trained NER taggers live in the
``ner`` subpackage and are optional (the stage degrades to KB/gazetteer/rule matches).
"""

from marsad.streams.pipeline.entities.stage import EntityStage

__all__ = ["EntityStage"]
