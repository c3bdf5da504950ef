from datetime import UTC, datetime, timedelta

from marsad.streams.pipeline.copies import CopyDetector, content_hash, estimated_jaccard, signature

T0 = datetime(2019, 2, 9, tzinfo=UTC)
BODY = ("the syrian democratic forces said on saturday they would begin an offensive tonight against the last "
        "pocket held by islamic state in eastern syria near the iraqi border reuters reported on saturday evening")


def check(detector, article_id, body, when=T0):
    return detector.check(article_id, when, content_hash(body), signature(body))


def test_signature_is_deterministic_and_similar_texts_have_similar_signatures():
    assert signature(BODY) == signature(BODY)
    edited = BODY.replace("reuters reported", "the agency reported")
    assert estimated_jaccard(signature(BODY), signature(edited)) > 0.5
    assert estimated_jaccard(signature(BODY), signature("an unrelated text about a film festival in berlin")) < 0.2


def test_exact_and_near_copies_point_to_the_first_seen_article():
    detector = CopyDetector({}, threshold=0.8)
    assert check(detector, "a", BODY).copy_of is None
    assert check(detector, "b", BODY).copy_of == "a"
    near = BODY + " the article was republished"
    decision = check(detector, "c", near)
    assert decision.copy_of == "a" and decision.similarity >= 0.8
    assert check(detector, "d", "a completely different story about elections in another country today").copy_of is None


def test_decisions_are_idempotent_and_survive_a_new_detector_on_the_same_store():
    store: dict = {}
    first = CopyDetector(store)
    check(first, "a", BODY)
    check(first, "b", BODY)
    again = CopyDetector(store)
    assert check(again, "b", BODY).copy_of == "a"
    assert check(again, "a", BODY).copy_of is None  # re-processing the original keeps it original


def test_eviction_forgets_old_articles_and_bounds_the_store():
    store: dict = {}
    detector = CopyDetector(store)
    check(detector, "old", BODY, T0)
    check(detector, "new", "another text entirely about a trade agreement signed this week in geneva", T0 + timedelta(days=4))
    assert detector.evict(T0 + timedelta(days=1)) == 1
    assert list(store) == ["a:new"]
    assert check(detector, "later", BODY, T0 + timedelta(days=4)).copy_of is None


def _fingerprinted(title: str, body: str):
    from marsad.streams.pipeline.copies import Fingerprint
    from tests.streams.pipeline.stories.test_chrome import _page

    return Fingerprint()(_page(title[:8], title, body))


def test_site_chrome_is_left_out_of_the_fingerprint():
    disclaimer = ("The information is provided as is, without any warranties of any kind. For any inquiries "
                  "about the use of this material please contact the provider of the article named above.")
    story = ("The Syrian Democratic Forces said on Saturday they would begin an offensive tonight against the "
             "last pocket held by Islamic State in eastern Syria, near the Iraqi border.")
    plain = _fingerprinted("SDF offensive", story)
    wrapped = _fingerprinted("SDF begins offensive", f"We use cookies on this site. {story}")
    assert wrapped.content_hash == plain.content_hash  # a wire story in a banner is still a copy
    # two short stories of one site under the same long disclaimer are not copies
    a = _fingerprinted("Groom with coronavirus writes to Jordanians", f"He wrote from hospital. {disclaimer}")
    b = _fingerprinted("Gaza closes its mosques for two weeks", f"The ministry decided it. {disclaimer}")
    assert estimated_jaccard(a.scratch["minhash"], b.scratch["minhash"]) < 0.5
    # a body that is all chrome: only the title tells two such pages apart
    c = _fingerprinted("Groom with coronavirus writes to Jordanians", disclaimer)
    d = _fingerprinted("Gaza closes its mosques for two weeks", disclaimer)
    assert c.content_hash != d.content_hash
