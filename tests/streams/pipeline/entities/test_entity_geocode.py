import json

import pytest

from marsad.streams.pipeline.entities.geocode import GAZ_DIR, geocode, haversine_km

TRUE = {  # name -> (lat, lon, admin1)
    "الباغوز": (34.46, 40.94, "Deir ez-Zor"),
    "دير الزور": (35.336, 40.141, "Deir ez-Zor"),
    "هجين": (34.696, 40.833, "Deir ez-Zor"),
    "حمص": (34.727, 36.723, "Homs"),
    "Baghuz": (34.46, 40.94, "Deir ez-Zor"),
    "Homs": (34.727, 36.723, "Homs"),
}


@pytest.mark.parametrize("name", list(TRUE))
def test_geocode_within_10_km(name):
    lat, lon, admin1 = TRUE[name]
    e = geocode(name, ("SY",))
    assert e is not None
    assert haversine_km(lat, lon, e.lat, e.lon) < 10
    assert e.country == "SY" and e.admin1 == admin1


def test_stage_places_have_full_place_records(run):
    ents = run("قصف على الباغوز وهجين في ريف دير الزور، وقرب حمص شرقي سورية ونهر الفرات.")
    locs = {e.surface: e for e in ents if e.type == "location"}
    for surface in ("الباغوز", "هجين", "ريف دير الزور", "حمص", "سورية", "نهر الفرات"):
        p = locs[surface].place
        assert p is not None and -90 <= p.lat <= 90 and p.feature_kind and p.precision
    assert locs["الباغوز"].place.precision == "exact"
    assert locs["سورية"].place.feature_kind == "country" and locs["سورية"].place.country == "SY"
    assert locs["نهر الفرات"].place.feature_kind == "river"
    assert locs["ريف دير الزور"].place.admin1 == "Deir ez-Zor"


def test_country_context_disambiguates(run):
    ents = run("وصل الوفد إلى طرابلس عاصمة ليبيا.")
    trip = [e for e in ents if e.surface == "طرابلس"]
    assert trip and trip[0].place.country == "LY"
    ents = run("وصل الوفد إلى طرابلس في شمال لبنان.")
    trip = [e for e in ents if e.surface == "طرابلس"]
    assert trip and trip[0].place.country == "LB"


def test_gazetteer_files_are_well_formed():
    seen = set()
    with (GAZ_DIR / "places.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            assert row["id"] not in seen
            seen.add(row["id"])
            assert row["name_en"] and row["name_ar"]
            assert -90 <= row["lat"] <= 90 and -180 <= row["lon"] <= 180
            assert row["feature_kind"] in {"country", "region", "city", "town", "village",
                                           "district", "river", "desert", "mountain", "sea",
                                           "border", "other"}
    with (GAZ_DIR / "countries.jsonl").open(encoding="utf-8") as fh:
        isos = [json.loads(line)["iso"] for line in fh]
    assert len(isos) == len(set(isos))
    with (GAZ_DIR / "admin1.tsv").open(encoding="utf-8") as fh:
        rows = [line.split("\t") for line in fh if not line.startswith("#")]
    assert all(len(r) == 3 for r in rows)


def test_a_country_code_glued_to_a_dollar_sign_is_a_currency_not_a_place(run):
    ents = run("The deal is worth US$2 billion, and the United States approved it.", language="en")
    surfaces = {e.surface for e in ents if e.type == "location" or (e.canonical_id or "").endswith(":us")}
    assert "US" not in surfaces and "United States" in surfaces
