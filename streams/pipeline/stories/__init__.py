"""Stories and canonical events: the stateful, per-blocking-key part of deduplication.

Call order per article (after the lead's copy detector has set ``doc.copy_of``):

1. ``embed(doc)`` (or ``EmbedStage``) in the stateless step, result in ``doc.scratch["embedding"]``;
2. ``blocking_key(doc)`` routes the document (repartition topic);
3. ``StoryClusterer.assign(doc)`` -> ``StoryUpdate`` (story id, new or not, full Story);
4. ``EventMerger.merge(doc, story_id)`` -> created/updated ``CanonicalEvent`` records;
5. ``StoryClusterer.attach_events(story_id, event_ids)`` -> the Story to publish;
6. periodically ``evict(now_published)`` on both (closed stories are published once more).
"""

from marsad.streams.pipeline.stories.blocking import blocking_key
from marsad.streams.pipeline.stories.clusterer import StoryClusterer, StoryUpdate
from marsad.streams.pipeline.stories.embed import EmbedStage, embed, embed_batch
from marsad.streams.pipeline.stories.events import EventMerger
from marsad.streams.pipeline.stories.similarity import JoinRule, SimilarityModel

__all__ = ["EmbedStage", "EventMerger", "JoinRule", "SimilarityModel", "StoryClusterer", "StoryUpdate", "blocking_key",
           "embed", "embed_batch"]
