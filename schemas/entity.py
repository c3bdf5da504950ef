"""Entity mentions and their link to a canonical entity."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EntityType = Literal[
    "person",
    "organisation",
    "armed_group",
    "government",  # government or military body (ministries, armies, security forces)
    "location",
    "facility",
    "date",
    "quantity",
]

FeatureKind = Literal[
    "country", "region", "city", "town", "village", "district", "river", "desert",
    "mountain", "sea", "border", "other",
]

#: How exactly a place was matched: an exact gazetteer name in a known country context,
#: a name alone, a region only, or a country only.
GeoPrecision = Literal["exact", "name_only", "region", "country"]


class Place(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    country: str | None = Field(description="ISO 3166-1 alpha-2 code.")
    admin1: str | None = Field(default=None, description="First-level region name (English).")
    feature_kind: FeatureKind
    precision: GeoPrecision
    geonames_id: int | None = None


class Entity(BaseModel):
    """One mention of an entity in ``EnrichedArticle.text``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: EntityType
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    surface: str = Field(description="text[start:end], exactly.")
    normalized: str = Field(description="Folded form used for matching.")
    canonical_id: str | None = Field(
        default=None,
        description="Stable id of the canonical entity (knowledge-base id, 'geo:<geonames id>', "
        "or 'name:<romanised>' for unknown names). Equal ids mean the same entity.",
    )
    name_en: str | None = None
    name_ar: str | None = None
    wikidata: str | None = None
    confidence: float = Field(ge=0.0, le=1.0)
    place: Place | None = None
    value: str | None = Field(
        default=None, description="Normalised value for dates (ISO 8601) and quantities."
    )
