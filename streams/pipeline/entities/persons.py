"""Person names without a trained model: given-name gazetteer + titles/roles as evidence.

A candidate starts at a known given name (``resources/kb/given_names.txt``) and extends over
up to three name-like tokens (``بن``/``أبو``/``عبد`` join the next token), stopping at
punctuation, function words, verbs of saying, role words and anything the KB/gazetteer already
matched. A title or role in the few tokens before (اللواء، العميد، الناشط، المسؤول الإعلامي...)
raises confidence and licenses given names that are also common words (أمل، نور...).

Names are looked up with a *light* fold that keeps ى and ة apart from ي and ه, so the
preposition على never reads as the name علي.

NER spans (when the tagger exists) are accepted as persons unless they start with a word that
cannot begin a name (بيان، تصريح، مصدر...) or overlap a KB/gazetteer entity.

Unknown names get ``canonical_id = "name:<romanised-slug>"`` via ``arabic-name-romanizer``
(rules only, no ONNX model: sub-millisecond and deterministic).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_GIVEN_FILE = Path(__file__).resolve().parents[2] / "resources" / "kb" / "given_names.txt"

_LIGHT = {
    **{ord(c): "ا" for c in "أإآٱ"},
    **{cp: None for cp in (0x0640, 0x0670, *range(0x064B, 0x0660))},
}

#: Arabic word tokens (letters plus diacritics/tatweel) in the original text.
TOKEN_RE = re.compile(r"[\u0621-\u064A\u0671-\u06D3]+|[^\W\d_]+|\d+|\S")

PARTICLES = frozenset({"بن", "ابن", "ابو", "أبو", "أبي", "ابي", "عبد", "آل", "ال", "بنت", "ام"})

TITLES = frozenset(light for light in (w.translate(_LIGHT) for w in """
اللواء العميد العقيد المقدم الرائد النقيب الملازم الفريق المشير العماد الجنرال الأدميرال الأميرال
الرئيس الوزير الشيخ الدكتور الدكتورة المسؤول المسؤولة الناشط الناشطة المتحدث المتحدثة الناطق
الناطقة القيادي القيادية القائد المحلل المحللة الصحافي الصحافية الصحفي الصحفية المراسل المراسلة
الكاتب الكاتبة السفير السفيرة المبعوث المبعوثة النائب النائبة المدير المديرة الباحث الباحثة
الخبير الخبيرة المحامي المحامية الأستاذ الأستاذة السيد السيدة الملك الأمير الأميرة الإمام المرشد
الأمين المستشار المستشارة الحاكم المحافظ العاهل الزعيم الجنرال الرقيب المفتي القاضي الطبيب
الطبيبة المصور المصورة المواطن المواطنة المعارض المعارضة المقاتل الضابط الداعية الشاعر الفنان
اللاعب المدرب رئيس وزير مدير قائد نائب الممثل الممثلة المفوض المفوضة العضو عضو ولي
مركز
""".split()))

#: Words that never continue (or start) a person name.
STOP = frozenset(light for light in (w.translate(_LIGHT) for w in """
إن أن إنه أنه إنها أنها لأن كان كانت قال قالت وقال وقالت أعلن أعلنت أكد أكدت أضاف أضافت أشار
أشارت أوضح أوضحت تابع تابعت لفت ذكر ذكرت صرح صرحت رأى رأت اعتبر اعتبرت يقول تقول في من على
إلى الى عن مع هو هي هم الذي التي الذين اللذين عبر خلال بعد قبل منذ حتى لدى لـ ضد دون بين عند
حول نحو أمام وراء فيما بينما كما إذ إذا لكن بل ثم أو أم قد لقد لم لن لا ما هذا هذه ذلك تلك
هناك هنا اليوم أمس غدا الليلة مساء صباح يوم الأحد الاثنين الإثنين الثلاثاء الأربعاء الخميس
الجمعة السبت بيان تصريح تصريحات مصدر مصادر تقرير وكالة صحيفة موقع قناة بحسب وفق وفقا حسب
نقلا عبر أيضا كذلك جدا فقط الذى فى ان انه انها واصفا مشيرا مؤكدا مضيفا لافتا معتبرا
""".split()))

#: Words that cannot start a person name even when an NER model says so.
NOT_PERSON_START = frozenset(light for light in (w.translate(_LIGHT) for w in """
بيان البيان تصريح تصريحات مصدر مصادر تقرير وكالة صحيفة موقع قناة شبكة مكتب وزارة قوات جيش
تنظيم حركة حزب جماعة منظمة مجلس هيئة لجنة مرصد اتحاد تحالف التحالف الحكومة حكومة مليشيا
ميليشيا مليشيات ميليشيات
فيروس الفيروس كورونا كوفيد وباء الوباء جائحة الجائحة مرض لقاح سوبر ماركت
""".split()))


#: Role nouns and verbs after which the given name باسم is the phrase "in the name of"
#: (المتحدث باسم الجيش: the army's spokesman), never a person called Basim.
SPEAKS_FOR = frozenset(light for light in (w.translate(_LIGHT) for w in """
المتحدث المتحدثة الناطق الناطقة متحدث متحدثة ناطق ناطقة متحدثا ناطقا متحدثون ناطقون الرسمي
الرسمية رسمي رسميا تحدث يتحدث تتحدث تحدثت المتكلم
""".split()))
_IN_THE_NAME_OF = "باسم"


def light(word: str) -> str:
    return word.translate(_LIGHT)


@lru_cache(maxsize=1)
def given_names() -> tuple[frozenset[str], frozenset[str]]:
    """(strong, weak) given names, light-folded. Weak ones need a title nearby."""
    strong: set[str] = set()
    weak: set[str] = set()
    with _GIVEN_FILE.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("!"):
                weak.add(light(line[1:]))
            else:
                strong.add(light(line))
    return frozenset(strong), frozenset(weak)


@dataclass(frozen=True, slots=True)
class PersonSpan:
    start: int
    end: int
    confidence: float
    titled: bool


def _strip_conj(word: str) -> str:
    if len(word) > 3 and word[0] in "وف":
        return word[1:]
    return word


def find_persons(light_text: str, tokens: list[tuple[int, int, str]],
                 blocked: bytearray | None = None,
                 origin: list[int] | None = None) -> list[PersonSpan]:
    """Person spans (offsets of ``light_text``) from :func:`tokenize` tokens.

    ``blocked[origin[i]]`` non-zero marks characters already claimed by another entity.
    """
    strong, weak = given_names()

    def is_blocked(i: int) -> bool:
        if blocked is None:
            return False
        return bool(blocked[origin[i] if origin is not None else i])

    out: list[PersonSpan] = []
    n = len(tokens)
    i = 0
    while i < n:
        s, e, w = tokens[i]
        base = _strip_conj(w)
        compound = (base in ("عبد", "ابو") and i + 1 < n
                    and (tokens[i + 1][2].startswith("ال") or tokens[i + 1][2] in strong))
        if (base not in strong and base not in weak and not compound) or is_blocked(s):
            i += 1
            continue
        if base == _IN_THE_NAME_OF and ((i and _speaks_for(tokens[i - 1][2]))
                                        or (i + 1 < n and _is_title(tokens[i + 1][2]))):
            i += 1
            continue
        lead_cut = len(w) - len(base)
        titled = _titled(tokens, i)
        if base in weak and not titled:
            i += 1
            continue
        # extend over name-like tokens separated by a single space
        j = i
        count = 1
        while j + 1 < n and count < 4:
            ns, ne, nw = tokens[j + 1]
            if light_text[tokens[j][1]:ns] != " " or is_blocked(ns):
                break
            if not _arabic(nw) or nw in STOP or nw in TITLES or len(nw) < 2:
                break
            if nw.startswith("ال") and nw.endswith("ة") and nw not in strong:
                break  # الأمنية، التابعة: a feminine adjective, not a family name
            prev = tokens[j][2]
            j += 1
            count += 1
            if prev in PARTICLES or nw in PARTICLES:
                continue
            if count >= 3 and not (nw.startswith("ال") or nw in strong):
                j -= 1  # a third plain token is more often a following noun than a name
                count -= 1
                break
        if j > i and tokens[j][2] in PARTICLES:  # never end on a particle
            j -= 1
        if j == i and (not titled or compound):
            i += 1
            continue
        conf = 0.85 if titled else 0.7
        if j == i:
            conf = 0.6
        out.append(PersonSpan(s + lead_cut, tokens[j][1], conf, titled))
        i = j + 1
    return out


def _arabic(word: str) -> bool:
    return "\u0621" <= word[0] <= "\u064a"


def _is_title(word: str) -> bool:
    word = light(word)
    return word in TITLES or _strip_conj(word) in TITLES


def _titled(tokens: list[tuple[int, int, str]], i: int) -> bool:
    return any(_is_title(tokens[k][2]) for k in range(max(0, i - 8), i))


@lru_cache(maxsize=1)
def _name_automaton():
    import ahocorasick

    strong, weak = given_names()
    automaton = ahocorasick.Automaton()
    for name in (*strong, *weak, "عبد", "ابو"):
        automaton.add_word(name, len(name))
    automaton.make_automaton()
    return automaton


def find_persons_in(light_text: str, blocked: bytearray | None = None,
                    origin: list[int] | None = None) -> list[PersonSpan]:
    """:func:`find_persons` over windows around given-name hits only (fast path)."""
    n = len(light_text)
    hits: list[int] = []
    for end, length in _name_automaton().iter(light_text):
        start = end - length + 1
        if end + 1 < n and light_text[end + 1].isalnum():
            continue
        if start > 0 and light_text[start - 1].isalnum():
            if not (light_text[start - 1] in "وف" and (start < 2
                                                    or not light_text[start - 2].isalnum())):
                continue
        hits.append(start)
    if not hits:
        return []
    windows: list[list[int]] = []
    for h in hits:
        ws, we = max(0, h - 120), min(n, h + 90)
        if windows and ws <= windows[-1][1]:
            windows[-1][1] = we
        else:
            windows.append([ws, we])
    out: list[PersonSpan] = []
    last_end = -1
    for ws, we in windows:
        # snap the window to whitespace so no token is cut
        while ws > 0 and not light_text[ws - 1].isspace():
            ws -= 1
        while we < n and not light_text[we].isspace():
            we += 1
        tokens = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(light_text, ws, we)]
        for span in find_persons(light_text, tokens, blocked, origin):
            if span.start >= last_end:
                out.append(span)
                last_end = span.end
    return out


def tokenize(light_text: str) -> list[tuple[int, int, str]]:
    """Tokens ``(start, end, word)`` of a light-folded text (:func:`arabic.light_fold`)."""
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(light_text)]


def _speaks_for(word: str) -> bool:
    word = _strip_conj(light(word))
    return word in SPEAKS_FOR or (word[:1] == "ل" and ("ا" + word[1:] in SPEAKS_FOR
                                                       or word[1:] in SPEAKS_FOR))


def ner_span_ok(text: str, start: int, end: int) -> bool:
    """Whether the NER person span ``text[start:end]`` can be a person: no word of it is a
    body or document noun (بيان، وزارة...) and it is not "in the name of" (المتحدث باسم الجيش،
    باسم رئيس الجمهورية)."""
    words = text[start:end].split()
    if not words:
        return False
    first = light(words[0])
    if first in NOT_PERSON_START or _strip_conj(first) in NOT_PERSON_START:
        return False
    if first == _IN_THE_NAME_OF:
        before = text[max(0, start - 40):start].split()
        after = (words[1:2] or text[end:end + 40].split())[:1]
        if (before and _speaks_for(before[-1])) or (after and _is_title(after[0])):
            return False
    return not any(light(w) in NOT_PERSON_START for w in words)


def trim_titles(text: str, start: int, end: int) -> int:
    """Start of the name once leading titles and roles are cut off a person span
    (``اللواء السعيد شنقريحة`` -> ``السعيد شنقريحة``): a title is evidence of a person, not part
    of the name, and kept in the span it would split one person over several ids. A title
    without the article governs the definite words after it (``وزير الخارجية سامح شكري``,
    ``رئيس الوزراء العراقي``): they belong to the role and go with it. Returns ``end`` when only
    the role remains (``رئيس الجمهورية`` names a role, not a person)."""
    governs = False
    for m in re.finditer(r"\S+", text[start:end]):
        word = _strip_conj(light(m.group()))
        if _is_title(m.group()):
            governs = not word.startswith("ال")
        elif not (governs and word.startswith("ال")):
            return start + m.start()
    return end


@lru_cache(maxsize=1)
def _transliterator():
    try:
        import arabic_name_romanizer as anr

        tr = anr.Transliterator(auto_load_model=False)
    except Exception:  # pragma: no cover - optional dependency missing
        return None
    if tr.index is not None:
        tr.index = _MemoNameIndex(tr.index)
    return tr


class _MemoNameIndex:
    """The romanizer's read-only SQLite name index with its answers kept per process.

    Why: news names are new combinations of a few thousand common units (محمد، عبد، الله...),
    and the romanizer looks every unit up in SQLite again for every name: a large share of the
    cost of a new name. The index never changes while a worker runs, so a remembered answer is the
    answer; each call gets its own list, as from the index.
    """

    MAX_ENTRIES = 100_000

    def __init__(self, index) -> None:
        self._index = index
        self._memo: dict[tuple, tuple] = {}

    def __getattr__(self, name: str):
        return getattr(self._index, name)

    def lookup_full(self, key: str, country: str | None = None, script: str = "arabic") -> list:
        return self._remember(("full", key, country, script),
                              lambda: self._index.lookup_full(key, country, script))

    def lookup_unit(self, key: str, country: str | None = None, role: str | None = None,
                    script: str = "arabic") -> list:
        return self._remember(("unit", key, country, role, script),
                              lambda: self._index.lookup_unit(key, country, role, script))

    def _remember(self, memo_key: tuple, ask) -> list:
        hit = self._memo.get(memo_key)
        if hit is None:
            hit = tuple(ask())
            if len(self._memo) < self.MAX_ENTRIES:
                self._memo[memo_key] = hit
        return list(hit)


_SLUG_RE = re.compile(r"[^a-z0-9]+")


#: Arabic spellings of non-Arabic given names: the romanizer would transliterate them
#: letter by letter (كرستوفر -> "Karasatoufar"); use the name's own Latin form instead.
FOREIGN_NAMES = {light(k): v for k, v in {
    "كريستوفر": "Christopher", "كرستوفر": "Christopher", "كريستوف": "Christophe",
    "جون": "John", "جورج": "George", "جوزيف": "Joseph", "جيمس": "James", "دونالد": "Donald",
    "ديفيد": "David", "مايكل": "Michael", "مايك": "Mike", "روبرت": "Robert",
    "ريتشارد": "Richard", "ويليام": "William", "وليم": "William", "توماس": "Thomas",
    "بيتر": "Peter", "بول": "Paul", "فرانسوا": "François", "إيمانويل": "Emmanuel",
    "مارك": "Mark", "أنطونيو": "António", "أنتوني": "Anthony", "سيرغي": "Sergei",
    "فلاديمير": "Vladimir", "ستيفان": "Stefan", "ستافان": "Staffan", "ماريا": "Maria",
    "آنا": "Anna", "أنجيلا": "Angela", "ميشال": "Michel", "ميشيل": "Michel", "آلان": "Alan",
    "ألان": "Alain", "بنيامين": "Benjamin", "يوآف": "Yoav", "إسحاق": "Isaac",
    "أفيخاي": "Avichay",
}.items()}


@lru_cache(maxsize=4096)
def romanize(name: str) -> str:
    """Latin form of an Arabic person name (``"Mustafa Bali"``); the input when not Arabic."""
    if not any("\u0600" <= ch <= "\u06ff" for ch in name):
        return " ".join(name.split())
    words = [light(w) for w in name.split()]
    if any(w in FOREIGN_NAMES for w in words):
        return " ".join(FOREIGN_NAMES.get(w) or _romanize_one(w) for w in words)
    return _romanize_one(light(name))


def _romanize_one(name: str) -> str:
    tr = _transliterator()
    if tr is not None:
        try:
            out = tr.transliterate(name)
            text = out if isinstance(out, str) else str(out[0] if out else "")
            if text.strip():
                return text.strip()
        except Exception:  # pragma: no cover - defensive: never fail the stage on a name
            pass
    return name


def slug(name: str) -> str:
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _SLUG_RE.sub("-", ascii_name.lower()).strip("-") or "unknown"
