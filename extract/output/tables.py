"""Claims tables on disk: CSV, Parquet and JSON Lines, written and read back (spec section 2).

A table has a fixed list of typed columns. Claims tables use `CLAIMS_COLUMNS` (the columns of
`schema.COLUMNS` with their types); other tables (a leaderboard, for example) pass their own
column types. The writers are deterministic: the same rows always give the same bytes.

- CSV: UTF-8, ``\\n`` line ends, an empty field for a missing value, floats in their shortest
  round-trip form without a trailing ``.0`` (``73.5``, ``8``), integers as integers.
- JSON Lines: one object per row, keys in column order, ``null`` for a missing value.
- Parquet (pyarrow): ``string``, ``double`` and ``int64`` columns, nullable, written in row
  groups so that memory stays flat however long the stream.

``.csv.gz`` and ``.jsonl.gz`` are gzip-compressed (with a fixed header time, so still
deterministic).

In memory (`read_table`, `claims_frame`) text columns hold ``""`` for a missing value, float
columns ``float64`` with NaN and integer columns the nullable ``Int64``.
"""
from __future__ import annotations

import csv
import gzip
import io
import json
import math
import operator
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .schema import COLUMNS, FLOAT_COLUMNS, INT_COLUMNS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS

if TYPE_CHECKING:
    import pandas as pd

# pandas is imported where frames are made or read, not at the top: writing a table from rows
# (all `claimboard extract` does) does not need it, and importing it takes about half a second.

#: Column name -> type ("str", "float" or "int"), in table order.
ColumnTypes = Mapping[str, str]

CLAIMS_COLUMNS: dict[str, str] = {
    name: "float" if name in FLOAT_COLUMNS else "int" if name in INT_COLUMNS else "str"
    for name in COLUMNS
}

#: Table formats and the file name endings that select them.
TABLE_FORMATS = ("csv", "jsonl", "parquet")
_SUFFIXES = {
    ".csv": "csv", ".csv.gz": "csv",
    ".jsonl": "jsonl", ".jsonl.gz": "jsonl", ".ndjson": "jsonl",
    ".parquet": "parquet", ".pq": "parquet",
}

#: Encodes a JSON Lines row; the same text as ``json.dumps(values, ensure_ascii=False)`` without
#: making an encoder per row.
_JSON_LINE = json.JSONEncoder(ensure_ascii=False)

#: Rows per Parquet row group: big enough for good compression, small enough for flat memory.
PARQUET_ROW_GROUP = 10_000


class TableError(ValueError):
    """A table that cannot be read or written; the message names the file (and line)."""


# ---------------------------------------------------------------------------------------------
# Formats and values


def table_format(path: str | Path) -> str | None:
    """The table format a file name selects, or None when its ending is not a table's.

    >>> table_format("out/claims.parquet"), table_format("claims.CSV.gz"), table_format("a.txt")
    ('parquet', 'csv', None)
    """
    name = Path(path).name.lower()
    for suffix in sorted(_SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix):
            return _SUFFIXES[suffix]
    return None


def _is_gzip(path: str | Path) -> bool:
    return str(path).lower().endswith(".gz")


def format_float(value: float) -> str:
    """A float as CSV text: the shortest form that reads back to the same float, no ``.0``.

    >>> [format_float(v) for v in (73.5, 8.0, 0.1 + 0.2, 3.9e11, 1e-07, -2.0)]
    ['73.5', '8', '0.30000000000000004', '390000000000', '1e-07', '-2']
    """
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def _is_missing(value: Any) -> bool:
    if value is None or _is_pandas_missing(value):
        return True
    return isinstance(value, float) and math.isnan(value)


def _is_pandas_missing(value: Any) -> bool:
    # pd.NA and pd.NaT can only exist once pandas is imported; writing does not import it.
    pandas = sys.modules.get("pandas")
    return pandas is not None and (value is pandas.NA or value is pandas.NaT)


def _coerce(value: Any, kind: str, column: str) -> str | float | int | None:
    """`value` as the Python value a `kind` column holds; None for a missing value."""
    if _is_missing(value):
        return None
    if kind == "str":
        text = str(value)
        return text or None
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
    try:
        if kind == "float":
            return float(value)
        number = float(value)
        if not number.is_integer():
            raise ValueError(f"{value!r} is not a whole number")
        return int(number)
    except (TypeError, ValueError) as error:
        raise TableError(f"column {column}: {error}") from None


#: Integers this large or smaller in magnitude survive `_coerce`'s trip through float unchanged.
_EXACT_INT = 2 ** 53


def _coercer(kind: str, column: str) -> Callable[[Any], str | float | int | None]:
    """`_coerce` for one column, with a shortcut for the values the extractor writes (None, a
    str, a float that is not NaN, an int): most rows then skip the general checks."""
    def general(value: Any) -> str | float | int | None:
        return _coerce(value, kind, column)

    if kind == "str":
        def coerce(value: Any) -> str | None:
            if type(value) is str:
                return value or None
            return None if value is None else general(value)
    elif kind == "float":
        def coerce(value: Any) -> float | None:
            if type(value) is float and value == value:  # NaN != NaN: missing
                return value
            return None if value is None else general(value)
    else:
        def coerce(value: Any) -> int | None:
            if type(value) is int and -_EXACT_INT <= value <= _EXACT_INT:
                return value
            return None if value is None else general(value)
    return coerce


def _csv_formatter(kind: str, column: str) -> Callable[[Any], str]:
    """`_csv_field(_coerce(value))` for one column, with the shortcut of `_coercer`."""
    coerce = _coercer(kind, column)

    if kind == "float":
        def text(value: Any) -> str:
            if type(value) is float and value == value:  # as `format_float`, two calls fewer
                return repr(value).removesuffix(".0")
            return _csv_field(coerce(value))
    elif kind == "int":
        def text(value: Any) -> str:
            if type(value) is int and -_EXACT_INT <= value <= _EXACT_INT:
                return str(value)
            return _csv_field(coerce(value))
    else:
        def text(value: Any) -> str:
            return _csv_field(coerce(value))
    return text


#: Per column kind, the types of value the csv module writes as `_csv_formatter` would, so they
#: are handed to it as they are: None as an empty field, a str as itself ("" as an empty field).
_CSV_AS_IS = {"str": frozenset({str, type(None)}), "float": frozenset({type(None)}),
              "int": frozenset({type(None)})}


def _csv_field(value: str | float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return format_float(value)
    return str(value)


def coerce_row(row: Mapping[str, Any], columns: ColumnTypes = CLAIMS_COLUMNS) -> dict:
    """`row` reduced to `columns`, in their order, each value of its column's type or None.

    >>> coerce_row({"value": "8", "char_start": 3.0, "kind": ""}, {"kind": "str", "value": "float",
    ...                                                               "char_start": "int"})
    {'kind': None, 'value': 8.0, 'char_start': 3}
    """
    return {name: _coerce(row.get(name), kind, name) for name, kind in columns.items()}


# ---------------------------------------------------------------------------------------------
# Writing


def _open_text(path: Path, gzipped: bool) -> tuple[IO[str], IO[bytes]]:
    """A text stream writing to `path`, and the file under it (which gzip does not close)."""
    raw = open(path, "wb")
    if gzipped:
        # mtime=0 and no file name in the header: the same rows give the same bytes.
        binary = gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0)
    else:
        binary = raw
    return io.TextIOWrapper(binary, encoding="utf-8", newline=""), raw


class RowEncoder:
    """Rows as a table of `format` puts them out: CSV or JSON Lines text, Parquet's tuples of
    values in column order. It pickles, so that worker processes encode their own rows and the
    process that writes the table only writes them.

    >>> RowEncoder("csv", {"subject": "str", "value": "float"}).encode(
    ...     [{"subject": "Vision-R1", "value": 73.5}, {"subject": None, "value": 2.0}])
    'Vision-R1,73.5\\n,2\\n'
    """

    def __init__(self, format: str, columns: ColumnTypes = CLAIMS_COLUMNS) -> None:
        self.format = format
        self.columns = dict(columns)
        self._prepare()

    def __getstate__(self) -> tuple[str, dict]:
        return self.format, self.columns

    def __setstate__(self, state: tuple[str, dict]) -> None:
        self.format, self.columns = state
        self._prepare()

    def _prepare(self) -> None:
        # Built once per table: the per-value work is most of the cost of writing.
        columns = self.columns
        self._coercers = [_coercer(kind, name) for name, kind in columns.items()]
        self._csv_formatters = [_csv_formatter(kind, name) for name, kind in columns.items()]
        self._csv_as_is = [_CSV_AS_IS[kind] for kind in columns.values()]
        self._pick_all = operator.itemgetter(*columns) if len(columns) > 1 else None
        self._buffer = io.StringIO()
        self._csv = csv.writer(self._buffer, lineterminator="\n")

    def values(self, row: Mapping[str, Any]) -> list[str] | dict | tuple:
        """The row's CSV fields (CSV), its values by column as `coerce_row` gives them (JSON
        Lines), or those values in column order (Parquet). Raises `TableError`."""
        values = self._values_of(row)
        if self.format == "csv":
            # most values go to the csv module as they are: no call per field
            return [value if type(value) in as_is else text(value)
                    for text, as_is, value in zip(self._csv_formatters, self._csv_as_is, values)]
        if self.format == "jsonl":
            return {name: coerce(value) for name, coerce, value in zip(self.columns,
                                                                       self._coercers, values)}
        return tuple([coerce(value) for coerce, value in zip(self._coercers, values)])

    def _values_of(self, row: Mapping[str, Any]) -> Sequence[Any]:
        """The row's values in column order, None for a column the row lacks."""
        if self._pick_all is not None and type(row) is dict:  # not a subclass: no __missing__
            try:
                return self._pick_all(row)  # one C call for a complete row, as the extractor's
            except KeyError:
                pass
        return [row.get(name) for name in self.columns]

    def encode(self, rows: Iterable[Mapping[str, Any]]) -> str | list[tuple]:
        """`rows` as `TableWriter.write_encoded` takes them. Raises `TableError`."""
        if self.format == "csv":
            try:
                self._csv.writerows(map(self.values, rows))
                return self._buffer.getvalue()
            finally:
                self._buffer.seek(0)
                self._buffer.truncate()
        if self.format == "jsonl":
            return "".join([_JSON_LINE.encode(self.values(row)) + "\n" for row in rows])
        return [self.values(row) for row in rows]


class TableWriter:
    """Writes rows to a table one at a time (a context manager).

    CSV and JSON Lines rows go out as they come; Parquet rows are written in row groups of
    `row_group` rows. `dest` is a path or an open text stream (CSV and JSON Lines only; a stream
    is not closed). `format` is taken from the file name when not given; a stream defaults to CSV.
    A file is written under a ``.partial`` name and moved into place by `close` (and removed by
    `abort`, or when the ``with`` block raises).

    >>> buffer = io.StringIO()
    >>> with TableWriter(buffer, columns={"subject": "str", "value": "float"}) as writer:
    ...     writer.write({"subject": "Vision-R1", "value": 73.5})
    ...     writer.write({"subject": None, "value": 2.0})
    >>> print(buffer.getvalue(), end="")
    subject,value
    Vision-R1,73.5
    ,2
    """

    def __init__(self, dest: str | Path | IO[str], format: str | None = None, *,
                 columns: ColumnTypes = CLAIMS_COLUMNS, row_group: int = PARQUET_ROW_GROUP):
        self.columns = dict(columns)
        self.rows = 0
        self._is_stream = hasattr(dest, "write")
        self._name = "<stream>" if self._is_stream else str(dest)
        self._dest = None if self._is_stream else Path(dest)
        if format is None:
            format = "csv" if self._is_stream else table_format(dest)
        self.format = format
        if self.format not in TABLE_FORMATS:
            raise TableError(f"{self._name}: unknown table format; end the file name in "
                             f"{', '.join(_SUFFIXES)}")
        self.encoder = RowEncoder(self.format, self.columns)
        self._row_group = row_group
        self._batch: list[tuple] = []
        self._parquet = None
        if self.format == "parquet":
            if self._is_stream:
                raise TableError("Parquet output needs a file name (-o FILE.parquet)")
            self._open_parquet()
            self._stream = self._raw = None
        elif self._is_stream:
            self._stream, self._raw = dest, None
        else:
            self._stream, self._raw = _open_text(self._partial, _is_gzip(self._dest))
        if self.format == "csv":
            csv.writer(self._stream, lineterminator="\n").writerow(self.columns)

    @property
    def _partial(self) -> Path:
        """Where a file is written until it is complete; `close` renames it into place, so a
        failed run never leaves a half-written table under the asked name."""
        return self._dest.with_name(self._dest.name + ".partial")

    def _open_parquet(self) -> None:
        import pyarrow.parquet as pq

        self._arrow_schema = arrow_schema(self.columns)
        self._parquet = pq.ParquetWriter(self._partial, self._arrow_schema)

    def write(self, row: Mapping[str, Any]) -> None:
        """Write one row (a mapping; keys outside the columns are ignored)."""
        try:
            block = self.encoder.encode([row])
        except TableError as error:
            raise TableError(f"{self._name}: row {self.rows + 1}: {error}") from None
        self.write_encoded(block, 1)

    def write_encoded(self, block: str | list[tuple], rows: int) -> None:
        """Write `rows` rows as `self.encoder.encode` gave them (perhaps in another process)."""
        self.rows += rows
        if self.format != "parquet":
            self._stream.write(block)
            return
        # row groups of exactly `row_group` rows, as `write` makes them
        for value_tuple in block:
            self._batch.append(value_tuple)
            if len(self._batch) >= self._row_group:
                self._flush_parquet()

    def write_many(self, rows: Iterable[Mapping[str, Any]]) -> int:
        """Write every row of `rows`; return how many."""
        count = 0
        for row in rows:
            self.write(row)
            count += 1
        return count

    def _flush_parquet(self) -> None:
        import pyarrow as pa

        if self._batch:
            columns = {name: list(values) for name, values in zip(self.columns, zip(*self._batch))}
            self._parquet.write_table(pa.table(columns, schema=self._arrow_schema))
            self._batch = []

    def close(self) -> None:
        """Finish the table: flush the last Parquet row group, move a file into place."""
        self._release(complete=True)

    def abort(self) -> None:
        """Stop writing and remove the unfinished file (a stream is left as it is)."""
        self._release(complete=False)

    def _release(self, complete: bool) -> None:
        if self._parquet is not None:
            if complete:
                self._flush_parquet()
            self._parquet.close()
            self._parquet = None
        elif self._stream is not None:
            if self._raw is not None:
                self._stream.close()
                self._raw.close()
            elif complete:
                self._stream.flush()  # a stream we were given stays open
            self._stream = None
        else:
            return  # already released
        if self._dest is not None:
            if complete:
                os.replace(self._partial, self._dest)
            else:
                self._partial.unlink(missing_ok=True)

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(self, exc_type, exc, traceback) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


def _is_frame(rows: object) -> bool:
    pandas = sys.modules.get("pandas")  # no frame exists before pandas is imported
    return pandas is not None and isinstance(rows, pandas.DataFrame)


def _records(rows: Iterable[Mapping[str, Any]] | pd.DataFrame) -> Iterable[Mapping[str, Any]]:
    if _is_frame(rows):
        names = list(rows.columns)
        return (dict(zip(names, values)) for values in rows.itertuples(index=False, name=None))
    return rows


def write_table(rows: Iterable[Mapping[str, Any]] | pd.DataFrame, dest: str | Path | IO[str],
                format: str | None = None, *, columns: ColumnTypes = CLAIMS_COLUMNS) -> int:
    """Write `rows` (row dicts or a DataFrame) to `dest` (a path or a text stream); return the
    number of rows. The format comes from the file name unless given; a stream gets CSV."""
    with TableWriter(dest, format, columns=columns) as writer:
        return writer.write_many(_records(rows))


def arrow_schema(columns: ColumnTypes = CLAIMS_COLUMNS):
    """The pyarrow schema of a table with `columns` (string, float64, int64; all nullable)."""
    import pyarrow as pa

    arrow_types = {"str": pa.string(), "float": pa.float64(), "int": pa.int64()}
    return pa.schema([(name, arrow_types[kind]) for name, kind in columns.items()])


# ---------------------------------------------------------------------------------------------
# Reading


def typed_frame(frame: pd.DataFrame, columns: ColumnTypes = CLAIMS_COLUMNS,
                keep_extra: bool = False) -> pd.DataFrame:
    """`frame` with `columns` in order and typed: text ``""`` for missing, float64, Int64.

    Missing columns are added empty; other columns are dropped unless `keep_extra`.
    """
    import pandas as pd

    out = {}
    for name, kind in columns.items():
        series = frame[name] if name in frame.columns else pd.Series([None] * len(frame))
        series = series.reset_index(drop=True)
        if _already_typed(series, kind):
            # a table read back or typed before: converting 100k rows again costs seconds
            out[name] = series.fillna("") if kind == "str" else series
            continue
        present = series.notna() & series.astype(object).ne("")
        if kind == "str":
            out[name] = series.astype(object).where(present, "").astype(str)
        else:
            numbers = pd.to_numeric(series.astype(object).where(present, None), errors="raise")
            out[name] = numbers.astype("float64" if kind == "float" else "Int64")
    typed = pd.DataFrame(out, columns=list(columns))
    if keep_extra:
        for name in frame.columns:
            if name not in columns:
                typed[name] = frame[name].reset_index(drop=True)
    return typed


def _already_typed(series: pd.Series, kind: str) -> bool:
    import pandas as pd

    if kind == "str":
        return pd.api.types.is_string_dtype(series.dtype) and series.dtype != object
    return str(series.dtype) == ("float64" if kind == "float" else "Int64")


def claims_frame(rows: Iterable[Mapping[str, Any]] | pd.DataFrame) -> pd.DataFrame:
    """A typed claims DataFrame (columns exactly `schema.COLUMNS`) from rows or a frame."""
    import pandas as pd

    if isinstance(rows, pd.DataFrame):
        return typed_frame(rows)
    return typed_frame(pd.DataFrame([coerce_row(row) for row in rows], columns=list(COLUMNS)))


def _open_read(path: Path) -> IO[str]:
    if _is_gzip(path):
        return gzip.open(path, "rt", encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


def _csv_rows(path: Path) -> Iterator[tuple[int, dict]]:
    with _open_read(path) as stream:
        reader = csv.DictReader(stream)
        for record in reader:
            yield reader.line_num, record


def _jsonl_rows(path: Path) -> Iterator[tuple[int, dict]]:
    with _open_read(path) as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise TableError(f"{path}:{number}: not JSON: {error.msg}") from None
            if not isinstance(record, dict):
                raise TableError(f"{path}:{number}: not a JSON object")
            yield number, record


def table_columns(path: str | Path) -> list[str] | None:
    """The column names of a CSV, JSON Lines or Parquet table, or None when `path` is not one
    (another ending, an unreadable file, an empty file)."""
    path = Path(path)
    fmt = table_format(path)
    try:
        if fmt == "parquet":
            import pyarrow.parquet as pq

            return list(pq.read_schema(path).names)
        if fmt == "csv":
            with _open_read(path) as stream:
                return next(csv.reader(stream), None)
        if fmt == "jsonl":
            for _, record in _jsonl_rows(path):
                return list(record)
    except (OSError, ValueError, UnicodeDecodeError, EOFError):
        return None
    return None


def is_claims_table(path: str | Path) -> bool:
    """True when `path` is a CSV, JSON Lines or Parquet file with every claims column.

    This tells a claims table from an input corpus: a CSV of papers has title/abstract columns
    but not `kind`, `value`, `char_start` and the rest.
    """
    names = table_columns(path)
    return names is not None and set(REQUIRED_COLUMNS) <= set(names)


def read_table(path: str | Path, *, columns: ColumnTypes = CLAIMS_COLUMNS,
               keep_extra: bool = False) -> pd.DataFrame:
    """Read a table written by `write_table` (or by hand) back into a typed DataFrame.

    A column of `schema.OPTIONAL_COLUMNS` the file lacks is read as empty. Raises `TableError` naming the file (and line) when a column is missing or a value is not
    of its column's type.
    """
    import pandas as pd

    path = Path(path)
    fmt = table_format(path)
    if fmt is None:
        raise TableError(f"{path}: not a table (name it .csv, .parquet or .jsonl)")
    if not path.is_file():
        raise TableError(f"{path}: no such file")
    names = table_columns(path)
    if names is None:
        raise TableError(f"{path}: cannot read a {fmt} table header")
    # a table written before an optional column (spec v1.1's `date`) reads with it empty
    missing = [name for name in columns if name not in names and name not in OPTIONAL_COLUMNS]
    if missing:
        raise TableError(f"{path}: not a claims table: missing columns {', '.join(missing)}")
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return typed_frame(pq.read_table(path).to_pandas(), columns, keep_extra)
    numbered = _csv_rows(path) if fmt == "csv" else _jsonl_rows(path)
    records = []
    for line, record in numbered:
        try:
            typed = coerce_row(record, columns)
        except TableError as error:
            raise TableError(f"{path}:{line}: {error}") from None
        if keep_extra:
            typed.update((k, v) for k, v in record.items() if k not in columns)
        records.append(typed)
    frame = pd.DataFrame(records, columns=list(columns) + (
        [n for n in names if n not in columns] if keep_extra else []))
    return typed_frame(frame, columns, keep_extra)
