"""`readers.records.paper_from_record` against the plain reading of a record it shortcuts."""
from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.reading.dates import paper_date
from extract.reading.errors import BadRecord
from extract.reading.ids import PaperIds
from extract.reading.records import (ABSTRACT_FIELDS, DATE_FIELDS, ID_FIELDS, TITLE_FIELDS,
                                     json_type, may_hold_surrogates, paper_from_record)
from extract.output.schema import Paper


def _plain_text_field(record: Mapping, names: tuple[str, ...], label: str) -> str:
    key = next((name for name in names if name in record), None)
    if key is None:
        raise BadRecord(f"no {label}")
    value = record[key]
    if value is None:
        raise BadRecord(f"{label} is null")
    if not isinstance(value, str):
        raise BadRecord(f"{label} is {json_type(value)}, not a string")
    if not value.strip():
        raise BadRecord(f"{label} is empty")
    return value


def _plain_paper_from_record(record: object, source: str, line: int, ids: PaperIds) -> Paper:
    if not isinstance(record, Mapping):
        raise BadRecord(f"record is {json_type(record)}, not an object")
    written = [record.get(name) for name in DATE_FIELDS]
    if isinstance(record.get("paper"), Mapping):
        record = record["paper"]
        written += [record.get(name) for name in DATE_FIELDS]
    versions = record.get("versions")
    if isinstance(versions, list):
        written += [v.get("created") for v in versions if isinstance(v, Mapping)]
    title = " ".join(_plain_text_field(record, TITLE_FIELDS, "title").split())
    abstract = _plain_text_field(record, ABSTRACT_FIELDS, "abstract").strip()
    given_id = next((record[name] for name in ID_FIELDS if record.get(name) is not None), None)
    paper_id = ids(given_id, title)
    return Paper(paper_id, title, abstract, source, line, paper_date(paper_id, written))


_VALUES = st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.floats(allow_nan=False),
                    st.sampled_from(["", "  ", "x y"]), st.lists(st.none(), max_size=1))
_TEXTS = st.sampled_from(["T", " A  title\n", "An abstract. "]) | _VALUES
_IDS = st.sampled_from(["2503.06749v2", "arXiv:1706.03762", " mine "]) | _VALUES
_DATES = st.sampled_from(["2025-03-18", "2025-09-01T17:59:58.000Z", "Sep 2, 2025", "Sep 2",
                          "Mon, 2 Apr 2007 19:18:42 GMT", "2025-02-30"]) | _VALUES
_VERSIONS = st.lists(st.fixed_dictionaries({}, optional={"created": _DATES}) | _VALUES,
                     max_size=2) | _VALUES
# Mostly records with a title and an abstract, each field sometimes missing or of a wrong type.
_OPTIONAL = {"summary": _TEXTS, "other": _VALUES, "versions": _VERSIONS,
             **{name: _IDS for name in ID_FIELDS}, **{name: _DATES for name in DATE_FIELDS}}
_FIELDS = (st.fixed_dictionaries({}, optional={"title": _TEXTS, "abstract": _TEXTS, **_OPTIONAL})
           | st.fixed_dictionaries({"title": _TEXTS, "abstract": _TEXTS}, optional=_OPTIONAL))
_MAPPINGS = _FIELDS | _FIELDS.map(MappingProxyType)
_RECORDS = _MAPPINGS | _VALUES | st.tuples(_FIELDS, _MAPPINGS | _VALUES).map(
    lambda pair: {**pair[0], "paper": pair[1]})


def _reading(read, record: object) -> Paper | str:
    try:
        return read(record, "in.json", 3, PaperIds())
    except BadRecord as bad:
        return f"BadRecord: {bad}"


@settings(max_examples=300)
@given(record=_RECORDS)
def test_paper_from_record_is_the_plain_reading(record: object) -> None:
    assert _reading(paper_from_record, record) == _reading(_plain_paper_from_record, record)


@given(text=st.text(st.sampled_from('\\udDx"0'), max_size=12), start=st.integers(0, 12),
       end=st.one_of(st.none(), st.integers(0, 12)))
def test_may_hold_surrogates_finds_every_surrogate_escape(text, start, end):
    """One search for "\\u" then "d" or "D" says what the two plain searches say."""
    stop = len(text) if end is None else end
    plain = text.find("\\ud", start, stop) >= 0 or text.find("\\uD", start, stop) >= 0
    assert may_hold_surrogates(text, start, end) == plain
