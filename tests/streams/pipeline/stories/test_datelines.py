import json
from datetime import UTC, date, datetime

import pytest

from marsad.streams.pipeline.stories.datelines import RESOURCE, dateline, dateline_date


@pytest.mark.parametrize("line, expected", [
    ("March 01, 2008", date(2008, 3, 1)),                       # MEANTIME en
    ("25 de enero del 2010", date(2010, 1, 25)),                # es
    ("2010 8 de junio de 2010", date(2010, 6, 8)),              # es, the year written twice
    ("25 gennaio 2010", date(2010, 1, 25)),                     # it
    ("23-Oct-10", date(2010, 10, 23)),                          # nl, two-digit year
    ("13 mrt 2009", date(2009, 3, 13)),
    ("8. März 2010", date(2010, 3, 8)),
    ("1er mars 2010", date(2010, 3, 1)),
    ("Tue Apr 14, 2009 6:35am EDT", date(2009, 4, 14)),         # weekday, clock, zone
    ("Posted: Monday, April 14, 2009", date(2009, 4, 14)),
    ("2019-02-09T10:00:00Z", date(2019, 2, 9)),
    ("2013/04/12", date(2013, 4, 12)),                          # year first: never ambiguous
    ("14th April 2009", date(2009, 4, 14)),
])
def test_a_line_that_holds_only_a_date_is_a_dateline(line, expected):
    assert dateline_date(line) == expected


@pytest.mark.parametrize("line", [
    "The attacks of September 11, 2001 changed the airline industry",  # a date the text is about
    "By Bryan Alexander, USA TODAY Updated 10:38 a.m. EDT May 3, 2013",  # a byline around it
    "February 30, 2009",                                                 # no such day
    "March 3, 1066",                                                     # a year no news is dated
    "Airbus wins Qatar Airways order worth $15bn",
    "04/12/2013",                                                        # April 12 or 4 December?
    "",
])
def test_other_lines_are_not(line):
    assert dateline_date(line) is None


def test_the_first_dateline_of_the_opening_lines_at_noon_utc():
    assert dateline(["Airbus wins order", "June 13, 2005", "May 1, 2006"]) == datetime(2005, 6, 13, 12, tzinfo=UTC)
    assert dateline(["Title", "First paragraph.", "Second paragraph.", "June 13, 2005"]) is None


def test_every_language_names_twelve_months():
    months = json.loads(RESOURCE.read_text(encoding="utf-8"))["months"]
    assert {"en", "es", "it", "nl", "de", "fr", "pt"} <= set(months)
    for names in months.values():
        assert set(names.values()) == set(range(1, 13)) and all(n == n.lower() for n in names)
