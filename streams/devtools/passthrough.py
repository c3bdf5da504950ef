"""A no-op Faust worker for the benchmark: it forwards raw articles unchanged.

Its throughput is the ceiling of this machine, broker and client stack; the benchmark reports
the full pipeline's throughput against it. Run: ``python -m marsad.streams.devtools.passthrough worker``.
"""

from __future__ import annotations

from marsad.streams.app import create_app
from marsad.streams.settings import get_settings

settings = get_settings()
app = create_app(settings.model_copy(update={"consumer_group": settings.consumer_group + "-passthrough"}))
source = app.topic(settings.topic("articles.raw"), key_serializer="raw", value_serializer="raw")
sink = app.topic(settings.topic("bench.passthrough"), key_serializer="raw", value_serializer="raw",
                 partitions=settings.partitions)


@app.agent(source)
async def forward(stream):
    async for event in stream.events():
        await sink.send(key=event.key, value=event.value)


@app.page("/ready")
async def ready(web, request):
    return web.json({"ready": not app.rebalancing}, status=503 if app.rebalancing else 200)


if __name__ == "__main__":
    app.main()
