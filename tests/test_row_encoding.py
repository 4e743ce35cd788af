"""Rows encoded where they are extracted (`tables.RowEncoder`, `pipeline.write_extracted`) give
the bytes of the plain path: each row written by `TableWriter.write`."""
from __future__ import annotations

import csv
import io
import pickle
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

import extract.engine.claims
from extract.pipeline import RunStats, extract_files, write_extracted
from extract.output.tables import CLAIMS_COLUMNS, RowEncoder, TableError, TableWriter, write_table
from tests.test_tables import ANY_VALUE, ODD_VALUES

SAMPLE = Path(extract.__file__).parent / "data" / "sample" / "hf-daily-papers.txt"
COLUMNS = {"a": "str", "b": "float", "c": "int"}


def _plain(rows, format, tmp_path=None):
    buffer = io.StringIO()
    write_table(rows, buffer, format, columns=COLUMNS)
    return buffer.getvalue()


@given(rows=st.lists(st.lists(ANY_VALUE, min_size=3, max_size=3), max_size=4),
       format=st.sampled_from(["csv", "jsonl"]))
def test_encoded_rows_are_the_rows_written_one_by_one(rows, format):
    rows = [dict(zip(COLUMNS, row)) for row in rows]
    try:
        expected = _plain(rows, format)
    except TableError:
        with pytest.raises(TableError):
            TableWriter(io.StringIO(), format, columns=COLUMNS).encoder.encode(rows)
        return
    writer = TableWriter(io.StringIO(), format, columns=COLUMNS)
    encoder = pickle.loads(pickle.dumps(writer.encoder))  # as a worker has it
    encoded = io.StringIO()
    with TableWriter(encoded, format, columns=COLUMNS) as target:
        for start in range(0, len(rows), 2):  # in blocks, as papers come
            target.write_encoded(encoder.encode(rows[start:start + 2]), len(rows[start:start + 2]))
    assert encoded.getvalue() == expected
    assert target.rows == len(rows)


def test_a_failed_encoding_leaves_the_next_block_clean():
    encoder = TableWriter(io.StringIO(), "csv", columns=COLUMNS).encoder
    with pytest.raises(TableError):
        encoder.encode([{"a": "x", "b": 1.5}, {"c": "not a number"}])
    assert encoder.encode([{"a": "y"}]) == "y,,\n"


def test_parquet_blocks_keep_the_row_groups(tmp_path):
    rows = [{"a": f"r{i}", "b": i / 2, "c": i} for i in range(25)]
    plain, encoded = tmp_path / "plain.parquet", tmp_path / "encoded.parquet"
    with TableWriter(plain, columns=COLUMNS, row_group=10) as writer:
        writer.write_many(rows)
    with TableWriter(encoded, columns=COLUMNS, row_group=10) as writer:
        for start in range(0, 25, 7):
            block = rows[start:start + 7]
            writer.write_encoded(writer.encoder.encode(block), len(block))
    assert encoded.read_bytes() == plain.read_bytes()
    assert pq.ParquetFile(encoded).metadata.num_row_groups == 3


@pytest.mark.parametrize("name", ["claims.csv", "claims.jsonl", "claims.parquet", "claims.csv.gz"])
def test_write_extracted_is_the_plain_table_for_any_jobs(tmp_path, name):
    plain = tmp_path / f"plain-{name}"
    inputs = [SAMPLE] * 3  # 309 papers: enough chunks for a pool of two workers
    write_table(extract_files(inputs), plain)
    for jobs in (1, 2):
        stats = RunStats()
        out = tmp_path / f"j{jobs}-{name}"
        write_extracted(inputs, out, jobs=jobs, stats=stats)
        assert out.read_bytes() == plain.read_bytes()
        assert stats.papers == 309 and stats.skipped == []


# Claims-table rows with text cells that open with a formula character or a quote, str
# subclasses and numbers of every kind, mostly of their column's type (an odd value now and
# then): `encode` (its shortcut for plain rows) must write each row as `values`, the per-column
# reference, gives its fields.
_CELLS = {
    # no "\r": a block with one is written again by the reference (`test_tables`)
    "str": st.one_of(st.none(), st.text(st.sampled_from("=+-@'\ta ,8.é\"\n"), max_size=4)),
    "float": st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=True)),
    "int": st.one_of(st.none(), st.integers(-(2 ** 60), 2 ** 60)),
}
_CLAIMS_ROW = st.fixed_dictionaries({
    name: st.one_of(_CELLS[kind], st.sampled_from(ODD_VALUES))
    if name in ("subject", "value", "char_start") else _CELLS[kind]
    for name, kind in CLAIMS_COLUMNS.items()})


@given(rows=st.lists(_CLAIMS_ROW, max_size=3), raw_text=st.booleans())
def test_csv_encoding_is_the_per_column_reference(rows, raw_text):
    encoder = RowEncoder("csv", raw_text=raw_text)
    try:
        expected_fields = [encoder.values(row) for row in rows]
    except TableError:
        with pytest.raises(TableError):
            encoder.encode(rows)
        return
    expected = io.StringIO()
    for fields in expected_fields:
        quoting = csv.QUOTE_ALL if any(type(field) is str and "\r" in field
                                       for field in fields) else csv.QUOTE_MINIMAL
        csv.writer(expected, lineterminator="\n", quoting=quoting).writerow(fields)
    assert encoder.encode(rows) == expected.getvalue()
