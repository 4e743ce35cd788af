"""Claims tables: writing, reading back, determinism, column order, nulls, streaming."""
from __future__ import annotations

import csv
import io
import json
import re
from types import MappingProxyType

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from extract.output.schema import COLUMNS
from extract.output.tables import (CLAIMS_COLUMNS, TableError, TableWriter, claims_frame,
                            coerce_row, format_float, is_claims_table, neutralise_formula, read_table,
                            table_format, write_table)

# Two rows as the extractor writes them: a full one and a sparse one (most fields missing).
FULL_ROW = {
    "paper_id": "2503.06749", "title": "Vision-R1: Incentivizing Reasoning, in MLLMs",
    "kind": "score", "subject": "Vision-R1-7B", "benchmark": "MathVista", "metric": "accuracy",
    "value": 73.5, "value_low": 2.97, "value_high": 25.22, "unit": "%", "value_si": 3.9e11,
    "unit_si": "B", "qualifier": "up_to", "baseline": "OpenAI o1", "hardware": "H800",
    "hardware_count": 512, "condition": "zero-shot, 4K context",
    "sentence": 'It reaches "73.5%" on MathVista.\nSecond line.', "char_start": 12,
    "char_end": 16, "rule": "score.value_on_benchmark", "date": "2025-03-09",
}
SPARSE_ROW = {"paper_id": "p-2", "title": "Ünïcode ✓ title", "kind": "delta", "value": -2.0}

FORMAT_NAMES = ["claims.csv", "claims.csv.gz", "claims.jsonl", "claims.jsonl.gz",
                "claims.parquet"]


@pytest.mark.parametrize("name, expected", [
    ("claims.csv", "csv"), ("CLAIMS.CSV", "csv"), ("claims.csv.gz", "csv"),
    ("claims.jsonl", "jsonl"), ("claims.jsonl.gz", "jsonl"), ("claims.ndjson", "jsonl"),
    ("claims.parquet", "parquet"), ("claims.pq", "parquet"),
    ("papers.json", None), ("page.txt", None), ("claims", None),
])
def test_table_format_from_file_name(name, expected):
    assert table_format(name) == expected


@pytest.mark.parametrize("value, text", [
    (73.5, "73.5"), (8.0, "8"), (-2.0, "-2"), (0.1 + 0.2, "0.30000000000000004"),
    (3.9e11, "390000000000"), (1e-07, "1e-07"), (1e22, "1e+22"), (85.67, "85.67"),
])
def test_format_float_is_shortest_round_trip(value, text):
    assert format_float(value) == text
    assert float(text) == value


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_round_trip_keeps_every_value(tmp_path, name):
    path = tmp_path / name
    assert write_table([FULL_ROW, SPARSE_ROW], path) == 2
    table = read_table(path)
    assert list(table.columns) == list(COLUMNS)
    assert table.iloc[0].to_dict() == FULL_ROW
    sparse = table.iloc[1]
    assert (sparse["paper_id"], sparse["title"], sparse["value"]) == ("p-2", "Ünïcode ✓ title",
                                                                     -2.0)
    # Missing values: "" in text columns, NaN / <NA> in number columns, whatever the format.
    assert sparse["subject"] == "" and sparse["rule"] == ""
    assert pd.isna(sparse["value_low"]) and pd.isna(sparse["char_start"])


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_read_table_dtypes(tmp_path, name):
    path = tmp_path / name
    write_table([FULL_ROW, SPARSE_ROW], path)
    dtypes = read_table(path).dtypes
    for column, kind in CLAIMS_COLUMNS.items():
        expected = {"float": "float64", "int": "Int64", "str": "str"}[kind]
        assert str(dtypes[column]) == expected, column


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_same_rows_give_same_bytes(tmp_path, name):
    first, second = tmp_path / "a" / name, tmp_path / "b" / name
    first.parent.mkdir()
    second.parent.mkdir()
    write_table([FULL_ROW, SPARSE_ROW], first)
    write_table(claims_frame([FULL_ROW, SPARSE_ROW]), second)  # rows or a frame: same bytes
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_read_back_and_write_again_is_byte_identical(tmp_path, name):
    path, again = tmp_path / name, tmp_path / f"again-{name}"
    write_table([FULL_ROW, SPARSE_ROW], path)
    write_table(read_table(path), again)
    assert path.read_bytes() == again.read_bytes()


def test_csv_text_layout():
    buffer = io.StringIO()
    write_table([SPARSE_ROW, {"paper_id": "p-3", "value": 12, "char_start": 4.0}], buffer)
    lines = buffer.getvalue().split("\n")
    assert lines[0] == ",".join(COLUMNS)
    # Empty fields for nulls, floats without ".0", integer columns as integers.
    assert lines[1] == "p-2,Ünïcode ✓ title,delta,,,,-2" + "," * 15
    assert lines[2] == "p-3,,,,,,12" + "," * 12 + "4" + "," * 3
    assert lines[3] == ""


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_a_table_written_before_the_date_column_still_reads(tmp_path, name):
    """Spec v1.1 added `date` last; a v1.0 table (golden files among them) reads with it empty."""
    path = tmp_path / name
    v1_0 = {name: kind for name, kind in CLAIMS_COLUMNS.items() if name != "date"}
    write_table([FULL_ROW, SPARSE_ROW], path, columns=v1_0)
    assert is_claims_table(path)
    table = read_table(path)
    assert list(table.columns) == list(COLUMNS)
    assert list(table["date"]) == ["", ""]
    assert table.iloc[0].drop("date").to_dict() == {k: v for k, v in FULL_ROW.items()
                                                    if k != "date"}


def test_jsonl_writes_null_and_keeps_column_order(tmp_path):
    path = tmp_path / "claims.jsonl"
    write_table([SPARSE_ROW], path)
    record = json.loads(path.read_text(encoding="utf-8"))
    assert list(record) == list(COLUMNS)
    assert record["subject"] is None and record["char_start"] is None
    assert record["value"] == -2.0


def test_parquet_schema_is_fixed(tmp_path):
    path = tmp_path / "claims.parquet"
    write_table([], path)  # even an empty table has the full, typed schema
    schema = pq.read_schema(path)
    assert schema.names == list(COLUMNS)
    expected = {"str": pa.string(), "float": pa.float64(), "int": pa.int64()}
    assert [field.type for field in schema] == [expected[k] for k in CLAIMS_COLUMNS.values()]


def test_streaming_parquet_writes_row_groups(tmp_path):
    path = tmp_path / "claims.parquet"
    with TableWriter(path, row_group=4) as writer:
        for number in range(10):
            writer.write({**SPARSE_ROW, "paper_id": f"p{number}", "char_start": number})
        assert writer.rows == 10
    metadata = pq.ParquetFile(path).metadata
    assert (metadata.num_row_groups, metadata.num_rows) == (3, 10)
    assert list(read_table(path)["char_start"]) == list(range(10))


def test_streaming_csv_writes_rows_as_they_come():
    buffer = io.StringIO()
    with TableWriter(buffer) as writer:
        writer.write(SPARSE_ROW)
        assert buffer.getvalue().count("\n") == 2  # header and the row, before the end
    assert not buffer.closed  # a stream we were given is left open


def test_failed_write_leaves_no_file(tmp_path):
    path = tmp_path / "claims.csv"
    with pytest.raises(RuntimeError):
        with TableWriter(path) as writer:
            writer.write(SPARSE_ROW)
            raise RuntimeError("the run broke")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("dest, format, message", [
    ("claims.txt", None, "unknown table format"),
    ("claims.csv", "xlsx", "unknown table format"),
])
def test_unknown_output_format(tmp_path, dest, format, message):
    with pytest.raises(TableError, match=message):
        write_table([], tmp_path / dest, format)


def test_parquet_needs_a_file():
    with pytest.raises(TableError, match="Parquet output needs a file name"):
        write_table([], io.StringIO(), "parquet")


@pytest.mark.parametrize("row, message", [
    ({"value": "seventy"}, "row 1: column value: could not convert"),
    ({"char_start": 3.5}, "row 1: column char_start: 3.5 is not a whole number"),
])
def test_bad_value_is_named(row, message):
    with pytest.raises(TableError, match=message):
        write_table([row], io.StringIO())


# Files that are, and are not, claims tables (an input corpus CSV has title/abstract columns).
@pytest.mark.parametrize("name, content, expected", [
    ("claims.csv", ",".join(COLUMNS) + "\n", True),
    ("golden.csv", ",".join(COLUMNS) + ",note\n", True),
    ("papers.csv", "id,title,abstract\n1,T,A\n", False),
    ("papers.jsonl", '{"id": "1", "title": "T", "abstract": "A"}\n', False),
    ("claims.jsonl", json.dumps(dict.fromkeys(COLUMNS)) + "\n", True),
    ("empty.csv", "", False),
    ("page.txt", ",".join(COLUMNS) + "\n", False),
    ("broken.jsonl", "{not json\n", False),
])
def test_is_claims_table(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert is_claims_table(path) is expected


def test_is_claims_table_parquet_and_missing_file(tmp_path):
    path = tmp_path / "claims.parquet"
    write_table([], path)
    assert is_claims_table(path)
    assert not is_claims_table(tmp_path / "absent.csv")


def test_read_table_keeps_extra_columns_on_request(tmp_path):
    path = tmp_path / "golden.csv"
    path.write_text(",".join(COLUMNS) + ",note\n" + "p1" + "," * (len(COLUMNS) - 1) + ",unsure\n",
                    encoding="utf-8")
    assert list(read_table(path).columns) == list(COLUMNS)
    assert read_table(path, keep_extra=True)["note"].tolist() == ["unsure"]


@pytest.mark.parametrize("name, content, message", [
    ("papers.csv", "id,title,abstract\n", "missing columns paper_id, kind"),
    ("claims.csv", ",".join(COLUMNS) + "\n" + "p1,,,,,,7x.5" + "," * 14 + "\n",
     r"claims.csv:2: column value: could not convert"),
    ("claims.jsonl", json.dumps(dict.fromkeys(COLUMNS)) + "\n{oops\n", r"claims.jsonl:2: not JSON"),
    ("claims.txt", "", "not a table"),
    ("absent.csv", None, "no such file"),
])
def test_read_table_errors_name_file_and_line(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(TableError, match=message):
        read_table(path)


# The writer converts the values the extractor makes (None, str, float, int) by a shortcut;
# every other value takes the general path. Both must give what `coerce_row` defines.
class _Opaque:
    def __str__(self) -> str:
        return "opaque"

    def __repr__(self) -> str:
        return "_Opaque()"


class _Text(str):
    pass


ODD_VALUES = [None, "", "  ", "x", "8", " 8.0 ", _Text("sub"), 0.0, -0.0, 73.5, 8.0, 1e22,
              float("nan"), float("inf"), 0, 7, -3, 2 ** 53, 2 ** 53 + 1, -(2 ** 53) - 1,
              10 ** 30, True, False, pd.NA, pd.NaT, _Opaque()]


def _expected_csv_field(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format_float(value)
    return neutralise_formula(value) if isinstance(value, str) else str(value)


@pytest.mark.parametrize("kind", ["str", "float", "int"])
@pytest.mark.parametrize("value", ODD_VALUES, ids=repr)
def test_writers_agree_with_coerce_row_on_any_value(kind, value):
    columns = {"a": kind, "b": "str"}
    row = {"a": value, "b": "kept"}
    try:
        expected = coerce_row(row, columns)
    except TableError as error:
        for format in ("csv", "jsonl"):
            with pytest.raises(TableError, match=re.escape(f"<stream>: row 1: {error}")):
                write_table([row], io.StringIO(), format, columns=columns)
        return
    text, lines = io.StringIO(), io.StringIO()
    write_table([row], text, "csv", columns=columns)
    write_table([row], lines, "jsonl", columns=columns)
    assert text.getvalue().splitlines()[1] == f"{_expected_csv_field(expected['a'])},kept"
    assert lines.getvalue() == json.dumps(expected, ensure_ascii=False) + "\n"


def test_absent_columns_are_missing_whatever_the_mapping():
    class Inventive(dict):
        def __missing__(self, key):  # would invent a value for every absent column
            return "invented"

    rows = [{"value": 1.5}, Inventive(value=2.5), MappingProxyType({"value": 3.0, "kind": "score"})]
    buffer = io.StringIO()
    write_table(rows, buffer)
    assert buffer.getvalue().splitlines()[1:] == [
        ",,,,,,1.5" + "," * 15, ",,,,,,2.5" + "," * 15, ",,score,,,,3" + "," * 15]



# The CSV writer hands most values to the csv module as they are; every row must still come out
# as the plain per-column path writes it: each value coerced (`coerce_row`), then written as
# one CSV field (`_expected_csv_field`).
ANY_VALUE = st.one_of(
    st.none(), st.text(st.sampled_from('a ,"\n\r8.é\t'), max_size=4),
    st.floats(allow_nan=True, allow_infinity=True), st.integers(-(2 ** 60), 2 ** 60),
    st.booleans(), st.sampled_from(ODD_VALUES))


@given(row=st.lists(ANY_VALUE, min_size=3, max_size=3), single=st.sampled_from("sfi"))
@example(row=["\r", None, None], single="s")
def test_csv_rows_are_the_plain_per_column_fields(row, single):
    several = {"a": "str", "b": "float", "c": "int"}
    one = {"a": {"s": "str", "f": "float", "i": "int"}[single]}
    for columns in (several, one):
        values = dict(zip(columns, row))
        try:
            plain = list(map(_expected_csv_field, coerce_row(values, columns).values()))
        except TableError:
            with pytest.raises(TableError):
                write_table([values], io.StringIO(), "csv", columns=columns)
            continue
        expected = io.StringIO()
        csv.writer(expected, lineterminator="\n").writerow(list(columns))
        # a lone carriage return is not quoted by the csv module: such a row is quoted whole
        quoting = csv.QUOTE_ALL if any("\r" in field for field in plain) else csv.QUOTE_MINIMAL
        csv.writer(expected, lineterminator="\n", quoting=quoting).writerow(plain)
        written = io.StringIO()
        write_table([values], written, "csv", columns=columns)
        assert written.getvalue() == expected.getvalue()


@pytest.mark.parametrize("text", [
    pytest.param("a\rb", id="hostile-property-lone-carriage-return"),
    pytest.param("\r", id="carriage-return-alone"),
    pytest.param("a\r\nb", id="crlf-inside-a-field"),
])
def test_a_carriage_return_in_a_field_reads_back_as_one_row(tmp_path, text):
    path = tmp_path / "claims.csv"
    write_table([{**SPARSE_ROW, "sentence": text}, SPARSE_ROW], path)
    table = read_table(path)
    assert list(table["sentence"]) == [text, ""]
