import zipfile

import orjson

from marsad.streams.sources import iter_messages


def test_reads_jsonl_json_lists_text_and_directories(tmp_path):
    (tmp_path / "a.jsonl").write_bytes(b'{"id": "1"}\n\n{"id": "2"}\nnot json\n')
    (tmp_path / "b.json").write_bytes(orjson.dumps([{"id": "3"}, {"id": "4"}]))
    (tmp_path / "c.txt").write_text("plain text article", encoding="utf-8")
    (tmp_path / "ignored.csv").write_text("x")
    messages = list(iter_messages([tmp_path]))
    keys = [k for k, _ in messages]
    assert keys == [b"1", b"2", None, b"3", b"4", b"c"]
    assert orjson.loads(messages[-1][1])["body"] == "plain text article"
    assert messages[2][1] == b"not json"  # passed through so the pipeline dead-letters it


def test_reads_saudinewsnet_zip_layout(tmp_path):
    item = {"source": "sabq", "url": "http://sabq.org/x", "date_extracted": "2015-07-21 02:51:32",
            "title": "عنوان", "author": "", "content": "نص الخبر"}
    with zipfile.ZipFile(tmp_path / "2015-07-21.zip", "w") as archive:
        archive.writestr("2015-07-21.json", orjson.dumps([item]))
    [(key, value)] = list(iter_messages([tmp_path]))
    article = orjson.loads(value)
    assert article["outlet"] == "sabq" and article["body"] == "نص الخبر"
    assert article["published_at"] == "2015-07-21T02:51:32+03:00" and key.startswith(b"snn-")


def test_limit_stops_early(tmp_path):
    (tmp_path / "a.jsonl").write_bytes(b"\n".join(b'{"id": "%d"}' % i for i in range(10)))
    assert len(list(iter_messages([tmp_path], limit=3))) == 3
