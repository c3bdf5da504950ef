"""Site chrome: the lexicon, what is dropped from a page, and pages that are not articles."""

from __future__ import annotations

import math

import numpy as np

from marsad.streams.pipeline.sentences import split_sentences
from marsad.streams.pipeline.stories import StoryClusterer
from marsad.streams.pipeline.stories.chrome import (
    SHORT_SENTENCE_CHARS,
    WALL_KINDS,
    is_chrome,
    load_phrases,
    normalise,
    readable,
)
from marsad.streams.pipeline.stories.similarity import (
    FEATURES,
    default_model,
    doc_entities,
    doc_signature,
    doc_words,
    features,
)
from tests.streams.pipeline.stories.conftest import entity, make_doc, unit

KINDS = {"cookie", "login", "blocked", "donate", "subscribe", "social", "disclaimer", "rights", "navigation"}


def _page(aid: str, title: str, body: str, lang: str = "en", **kw):
    doc = make_doc(aid, title, body, lang, **kw)
    return doc.evolve(sentences=tuple(split_sentences(doc.text)))


def test_the_lexicon_names_a_known_kind_and_no_phrase_twice():
    rows = load_phrases()
    assert {r["kind"] for r in rows} <= KINDS and WALL_KINDS <= KINDS
    forms = [(r["language"], normalise(r["phrase"])) for r in rows]
    assert len(forms) == len(set(forms))
    assert {"ar", "en", "de", "fr", "es", "zh"} <= {lang for lang, _ in forms}


def test_phrases_match_whole_words_after_folding():
    assert is_chrome("We use cookies to improve your experience.")
    assert not is_chrome("The bakery sold cookies to refugees.")  # no phrase, only a word
    assert is_chrome("جميع الحقوق محفوظة")  # ta marbuta folded
    assert is_chrome("التبرع للموقع - ادعمونا")
    assert not is_chrome("قال إن المتظاهرين ادعموا الحكومة")  # another word of the same root
    assert is_chrome("版权所有 2020")  # Chinese as a plain substring
    assert not is_chrome("")


def test_chrome_sentences_are_dropped_and_the_article_kept():
    news = ("A storm killed 12 people in Gaza on Monday, officials said, and left hundreds of families "
            "without shelter as rain flooded the camps.")
    body = f"We use cookies to ensure the best experience on our website. {news} Read more: other news."
    page = readable(_page("a", "Storm kills 12 in Gaza", body))
    assert page.is_article and page.title == "Storm kills 12 in Gaza"
    assert page.body == news
    assert len(page.chrome) == 2


def test_in_a_long_run_on_sentence_only_the_phrase_and_what_follows_it_go():
    story = "Justin Bieber sold tacos from a truck in Los Angeles on Tuesday " * 6
    text = story + "Please log in to continue reading our archive"
    assert len(text) > SHORT_SENTENCE_CHARS
    page = readable(_page("a", "", text))
    assert page.body == story.strip() and page.is_article


def test_a_wall_in_place_of_the_article_is_not_an_article():
    blocked = _page("p", "We are sorry, but we recorded many connections from your IP address.",
                    "We suspect that someone misused the address. Please try again later.")
    donation = _page("d", "الحوار المتمدن", "التبرع للموقع - ادعمونا\nالموقع الرئيسي للمؤسسة، يسارية وعلمانية وديمقراطية.", "ar")
    mostly_chrome = _page("m", "Storm kills 12", "All rights reserved. We use cookies on this site. Storm hit.")
    assert not readable(blocked).is_article and readable(blocked).title == ""
    assert not readable(donation).is_article
    assert not readable(mostly_chrome).is_article
    # walls have no story at all; a real headline over a chrome body still names its story
    assert not (readable(blocked).title_only or readable(donation).title_only)
    assert readable(mostly_chrome).title_only
    # a cookie banner before a real article is dropped, the page stays an article
    banner = _page("b", "Storm kills 12", "We use cookies on this site. A storm killed 12 people in Gaza on Monday, "
                   "officials said, and hundreds of families were left without shelter.")
    assert readable(banner).is_article and not readable(banner).title_only


def test_signature_reads_the_article_part_only():
    body = "Like us on Facebook. A storm killed 12 people in Gaza on Monday, officials said."
    text = _page("a", "Storm in Gaza", body).text
    doc = _page("a", "Storm in Gaza", body, entities=[
        entity("Facebook", "org:facebook", "organisation", start=text.index("Facebook")),
        entity("Gaza", "geo:gaza", start=text.index("Gaza", text.index("storm")))])
    assert set(doc_entities(doc)) == {"geo:gaza"}
    assert "facebook" not in doc_words(doc) and "storm" in doc_words(doc)


def test_against_a_page_that_is_not_an_article_every_content_feature_is_missing():
    article = doc_signature(_page("a", "Storm kills 12", "A storm killed 12 people in Gaza on Monday."), unit(1))
    wall = doc_signature(_page("w", "Access denied", "Please enable JavaScript."), unit(1))
    assert article.article and not wall.article
    row = dict(zip(FEATURES, features(article, wall)))
    assert row["time"] == 1.0
    assert all(math.isnan(v) for k, v in row.items() if k != "time")
    assert not np.isnan(features(article, article)).any()


DISCLAIMER = ("تعمل شركة شبكة الشرق الأوسط وشمال أفريقيا للخدمات المالية على توفير المعلومات كما هي دون أي "
              "تعهدات أو ضمانات سواء صريحة أو ضمنية، إذ أن هذا يعد إخلاء لمسؤوليتنا من دقة المحتوى.")


def test_a_headline_over_a_disclaimer_body_is_compared_by_its_title_only():
    title = "إغلاق المساجد في غزة أسبوعين للوقاية من تفشي كورونا"
    syndicated = doc_signature(_page("s", title, DISCLAIMER, "ar"), unit(1), unit(1))
    report = doc_signature(_page("r", "غزة تغلق المساجد أسبوعين للوقاية من كورونا",
                                 "قررت وزارة الأوقاف في غزة إغلاق المساجد أسبوعين للوقاية من تفشي كورونا.", "ar"),
                           unit(1), unit(2))
    assert not syndicated.article and syndicated.title_only
    row = dict(zip(FEATURES, features(syndicated, report)))
    assert row["cos"] == 1.0 and row["title_words"] > 0.5 and row["title_in_text"] > 0.5
    assert all(math.isnan(row[k]) for k in ("cos_body", "words", "ent", "place", "ctry", "num"))
    # scored by its headline, not as an average pair (its only story is the title)
    other = doc_signature(_page("o", "أسعار الذهب ترتفع في الأسواق المصرية", "ارتفعت أسعار الذهب اليوم في مصر.", "ar"),
                          unit(3), unit(3))
    model = default_model()
    assert model.score(syndicated, report) > model.score(other, report)
    assert model.score(syndicated, report) > model.score_features(np.full(len(FEATURES), math.nan))


def test_a_wall_page_opens_its_own_story_and_nothing_joins_it():
    v = unit(7)
    walls = [_page(f"w{i}", "Access denied", "Please enable JavaScript.", embedding=v, hours=i) for i in range(2)]
    story = _page("s", "Storm kills 12", "A storm killed 12 people in Gaza on Monday.", embedding=v, hours=3)
    c = StoryClusterer({})
    first, second = c.assign(walls[0]), c.assign(walls[1].evolve(copy_of="w0"))
    assert first.is_new and second.is_new and first.story_id != second.story_id
    assert c.assign(story).is_new  # the same embedding, but a wall is not its story


def test_a_disclaimer_or_rights_line_opens_a_footer_dropped_with_it():
    news = ("A storm killed 12 people in Gaza on Monday, officials said, and left hundreds of families "
            "without shelter as rain flooded the camps along the coast for a second day.")
    page = readable(_page("a", "Storm kills 12", f"{news} All rights reserved. Contact the newsroom at the "
                          "address below. Terms of use apply."))
    assert page.body == news and page.is_article
