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

from ..reading.records import without_surrogates
from .atomic import AtomicFile, OutputError, check_destination
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


def check_output(path: str | Path, inputs: Iterable[str | Path] = ()) -> None:
    """Raise `TableError` unless a table can be written to `path` by a run reading `inputs`:
    a known ending, not a directory, an existing directory, none of the inputs
    (`atomic.check_destination`). Made before anything is read."""
    try:
        check_destination(path, inputs)
    except OutputError as error:
        raise TableError(str(error)) from None
    if table_format(path) is None:
        raise TableError(f"{path}: unknown table format; end the file name in "
                         f"{', '.join(_SUFFIXES)}")


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
        number = float(value)
        if number != number:  # "nan" written out: a missing value, as NaN is
            return None
        if not -_MAX_FLOAT <= number <= _MAX_FLOAT:
            raise ValueError(f"{value!r} is not a finite number")
        if kind == "float":
            return number
        if not number.is_integer():
            raise ValueError(f"{value!r} is not a whole number")
        if not _MIN_INT64 <= number < -_MIN_INT64:
            raise ValueError(f"{value!r} is out of range for a 64-bit integer")
        return int(number)
    except (TypeError, ValueError, OverflowError) as error:
        raise TableError(f"column {column}: {error}") from None


_MAX_FLOAT = sys.float_info.max
#: Integer columns are 64-bit (Parquet int64, pandas Int64).
_MIN_INT64 = -(2 ** 63)


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
            if type(value) is float and -_MAX_FLOAT <= value <= _MAX_FLOAT:  # not NaN or inf
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
            if type(value) is float and -_MAX_FLOAT <= value <= _MAX_FLOAT:  # as `format_float`
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


def _text_stream(raw: IO[bytes], gzipped: bool) -> IO[str]:
    """A text stream writing to the binary file `raw`; closing it closes `raw` too."""
    if gzipped:
        # mtime=0 and no file name in the header: the same rows give the same bytes. GzipFile
        # does not close a file it is given: TableWriter closes `raw` after it.
        binary = gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0)
    else:
        binary = raw
    return io.TextIOWrapper(binary, encoding="utf-8", newline="")


#: What makes a spreadsheet read a CSV cell as a formula (OWASP, "CSV Injection"): its first
#: character is one of these.
FORMULA_STARTS = frozenset("=+-@\t\r")
_FORMULA_OR_QUOTE = FORMULA_STARTS | {"'"}


def neutralise_formula(text: str) -> str:
    """`text` as a spreadsheet shows it as text: a cell that would start a formula (or that
    starts with quotes before such a character) gets a leading ``'``, which `restore_formula`
    takes off again, so a table read back holds the text as written.

    >>> neutralise_formula("=HYPERLINK(1)"), neutralise_formula("'+1"), neutralise_formula("a=b")
    ("'=HYPERLINK(1)", "''+1", 'a=b')
    >>> neutralise_formula("'quoted'")
    "'quoted'"
    """
    if text[:1] in FORMULA_STARTS or (text[:1] == "'" and text.lstrip("'")[:1] in FORMULA_STARTS):
        return "'" + text
    return text


def restore_formula(text: str) -> str:
    """The text `neutralise_formula` was given.

    >>> restore_formula("'=HYPERLINK(1)"), restore_formula("''+1"), restore_formula("'quoted'")
    ('=HYPERLINK(1)', "'+1", "'quoted'")
    """
    if text[:1] == "'" and text.lstrip("'")[:1] in FORMULA_STARTS:
        return text[1:]
    return text


#: The types of text cell the csv module writes as `_csv_formatter` would (`_CSV_AS_IS`).
_PLAIN_TEXT_TYPES = _CSV_AS_IS["str"]
_FIRST_CHARACTER = operator.itemgetter(0)


def _picker(positions: tuple[int, ...]) -> Callable[[Sequence[Any]], tuple]:
    """The values at `positions` of a sequence, always as a tuple (`itemgetter` of one
    position gives the value alone)."""
    if len(positions) > 1:
        return operator.itemgetter(*positions)
    return lambda values: tuple(values[position] for position in positions)


class RowEncoder:
    """Rows as a table of `format` puts them out: CSV or JSON Lines text, Parquet's tuples of
    values in column order. It pickles, so that worker processes encode their own rows and the
    process that writes the table only writes them.

    >>> RowEncoder("csv", {"subject": "str", "value": "float"}).encode(
    ...     [{"subject": "Vision-R1", "value": 73.5}, {"subject": None, "value": 2.0}])
    'Vision-R1,73.5\\n,2\\n'
    """

    def __init__(self, format: str, columns: ColumnTypes = CLAIMS_COLUMNS, *,
                 raw_text: bool = False) -> None:
        self.format = format
        self.columns = dict(columns)
        self.raw_text = raw_text
        self._prepare()

    def __getstate__(self) -> tuple[str, dict, bool]:
        return self.format, self.columns, self.raw_text

    def __setstate__(self, state: tuple[str, dict, bool]) -> None:
        self.format, self.columns, self.raw_text = state
        self._prepare()

    def _prepare(self) -> None:
        # Built once per table: the per-value work is most of the cost of writing.
        columns = self.columns
        self._coercers = [_coercer(kind, name) for name, kind in columns.items()]
        self._csv_formatters = [_csv_formatter(kind, name) for name, kind in columns.items()]
        self._csv_as_is = [_CSV_AS_IS[kind] for kind in columns.values()]
        self._pick_all = operator.itemgetter(*columns) if len(columns) > 1 else None
        # CSV text cells a spreadsheet would run as a formula are neutralised unless raw_text
        self._text_positions = () if self.raw_text else tuple(
            position for position, kind in enumerate(columns.values()) if kind == "str")
        # `_csv_fields`: the text cells picked in one C call, the number columns formatted
        self._texts_of = _picker(tuple(
            position for position, kind in enumerate(columns.values()) if kind == "str"))
        self._number_formatters = tuple(
            (position, text) for position, (kind, text)
            in enumerate(zip(columns.values(), self._csv_formatters)) if kind != "str")
        self._buffer = io.StringIO()
        self._csv = csv.writer(self._buffer, lineterminator="\n")

    def values(self, row: Mapping[str, Any]) -> list[str] | dict | tuple:
        """The row's CSV fields (CSV), its values by column as `coerce_row` gives them (JSON
        Lines), or those values in column order (Parquet). Raises `TableError`."""
        values = self._values_of(row)
        if self.format == "csv":
            # most values go to the csv module as they are: no call per field
            fields = [value if type(value) in as_is else text(value)
                      for text, as_is, value in zip(self._csv_formatters, self._csv_as_is, values)]
            for position in self._text_positions:
                field = fields[position]
                if field and field[0] in _FORMULA_OR_QUOTE:  # one set lookup for most cells
                    fields[position] = neutralise_formula(field)
            return fields
        if self.format == "jsonl":
            return {name: coerce(value) for name, coerce, value in zip(self.columns,
                                                                       self._coercers, values)}
        return tuple([coerce(value) for coerce, value in zip(self._coercers, values)])

    def _csv_fields(self, row: Mapping[str, Any]) -> list:
        """`values(row)` for CSV, with fewer Python steps for the rows the extractor makes:
        when every text cell is a str or None and none opens with a formula character or a
        quote (each looked at in one C pass), the text cells go to the csv module as they are
        and only the number columns are formatted; any other row is left to `values`."""
        values = self._values_of(row)
        texts = self._texts_of(values)
        if not _PLAIN_TEXT_TYPES.issuperset(map(type, texts)) or (
                self._text_positions
                and not _FORMULA_OR_QUOTE.isdisjoint(map(_FIRST_CHARACTER, filter(None, texts)))):
            return self.values(row)
        fields = list(values)
        for position, text in self._number_formatters:
            value = fields[position]
            if value is not None:
                fields[position] = text(value)
        return fields

    def _encode_quoting_all(self, rows: list[Mapping[str, Any]]) -> str:
        """`rows` as CSV, those with a carriage return in a field with every field quoted."""
        quoting_all = csv.writer(self._buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
        try:
            for row in rows:
                fields = self.values(row)
                has_return = any(type(field) is str and "\r" in field for field in fields)
                (quoting_all if has_return else self._csv).writerow(fields)
            return self._buffer.getvalue()
        finally:
            self._buffer.seek(0)
            self._buffer.truncate()

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
            rows = rows if type(rows) is list else list(rows)
            try:
                self._csv.writerows(map(self._csv_fields, rows))
                block = self._buffer.getvalue()
            finally:
                self._buffer.seek(0)
                self._buffer.truncate()
            # The csv module quotes a field holding "\n" (the line end) but not a lone "\r",
            # which every CSV reader takes for a line end: such rows are written again with
            # every field quoted. One search of the block for nearly every block.
            return self._encode_quoting_all(rows) if "\r" in block else block
        if self.format == "jsonl":
            return "".join([_JSON_LINE.encode(self.values(row)) + "\n" for row in rows])
        return [self.values(row) for row in rows]


class TableWriter:
    """Writes rows to a table one at a time (a context manager).

    CSV and JSON Lines rows go out as they come; Parquet rows are written in row groups of
    `row_group` rows. `dest` is a path or an open text stream (CSV and JSON Lines only; a stream
    is not closed). `format` is taken from the file name when not given; a stream defaults to CSV.
    A file is written to a temporary file of its own in the same directory and renamed into place
    by `close`; `abort` (or a ``with`` block that raises) removes it (`atomic.AtomicFile`). The CSV
    header is written with the first row (or at `close`), so a run that fails before its first
    row leaves even a stream untouched. CSV text cells that would start a spreadsheet formula are
    neutralised (`neutralise_formula`) unless `raw_text`.

    >>> buffer = io.StringIO()
    >>> with TableWriter(buffer, columns={"subject": "str", "value": "float"}) as writer:
    ...     writer.write({"subject": "Vision-R1", "value": 73.5})
    ...     writer.write({"subject": "=1+2", "value": 2.0})
    >>> print(buffer.getvalue(), end="")
    subject,value
    Vision-R1,73.5
    '=1+2,2
    """

    def __init__(self, dest: str | Path | IO[str], format: str | None = None, *,
                 columns: ColumnTypes = CLAIMS_COLUMNS, row_group: int = PARQUET_ROW_GROUP,
                 raw_text: bool = False):
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
        if self.format == "parquet" and self._is_stream:
            raise TableError("Parquet output needs a file name (-o FILE.parquet)")
        self.encoder = RowEncoder(self.format, self.columns, raw_text=raw_text)
        self._row_group = row_group
        self._batch: list[tuple] = []
        self._parquet = None
        self._file: AtomicFile | None = None
        self._header_pending = self.format == "csv"
        if self._is_stream:
            self._stream = dest
            return
        try:
            self._file = AtomicFile(self._dest)
        except OutputError as error:
            raise TableError(str(error)) from None
        try:
            if self.format == "parquet":
                self._open_parquet()
                self._stream = None
            else:
                self._stream = _text_stream(self._file.stream, _is_gzip(self._dest))
        except BaseException:
            self._file.discard()
            raise

    def _open_parquet(self) -> None:
        import pyarrow.parquet as pq

        self._arrow_schema = arrow_schema(self.columns)
        self._parquet = pq.ParquetWriter(self._file.stream, self._arrow_schema)

    def _write_error(self, error: OSError) -> TableError:
        return TableError(f"{self._name}: cannot write: {error.strerror or error}")

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
            if self._header_pending:
                self._write_header()
            try:
                self._stream.write(block)
            except OSError as error:
                if self._file is None:
                    raise  # a stream we were given: its errors are the caller's (a closed pipe)
                raise self._write_error(error) from None
            return
        # row groups of exactly `row_group` rows, as `write` makes them
        for value_tuple in block:
            self._batch.append(value_tuple)
            if len(self._batch) >= self._row_group:
                self._flush_parquet()

    def _write_header(self) -> None:
        self._header_pending = False
        csv.writer(self._stream, lineterminator="\n").writerow(self.columns)

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
            try:
                self._parquet.write_table(pa.table(columns, schema=self._arrow_schema))
            except OSError as error:
                raise self._write_error(error) from None
            self._batch = []

    def close(self) -> None:
        """Finish the table: write what is pending and move a file into place."""
        if self._stream is None and self._parquet is None:
            return  # already released
        try:
            if self._header_pending:
                self._write_header()
            if self._parquet is not None:
                self._flush_parquet()
                self._parquet.close()
                self._parquet = None
            elif self._file is not None:
                self._stream.close()
            else:
                self._stream.flush()  # a stream we were given stays open
            self._stream = None
            if self._file is not None:
                self._file.commit()
        except OSError as error:
            self.abort()
            if self._file is None:
                raise
            raise self._write_error(error) from None
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        """Stop writing and remove the unfinished file (a stream is left as it is)."""
        layers = [self._parquet, self._stream if self._file is not None else None]
        self._parquet = self._stream = None
        for layer in layers:
            if layer is not None:
                try:
                    layer.close()
                except (OSError, ValueError):
                    pass  # a full disk fails the flush again: the file is removed all the same
        if self._file is not None:
            self._file.discard()

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
                format: str | None = None, *, columns: ColumnTypes = CLAIMS_COLUMNS,
                raw_text: bool = False) -> int:
    """Write `rows` (row dicts or a DataFrame) to `dest` (a path or a text stream); return the
    number of rows. The format comes from the file name unless given; a stream gets CSV. CSV
    text cells that would start a formula are neutralised unless `raw_text` (`TableWriter`)."""
    with TableWriter(dest, format, columns=columns, raw_text=raw_text) as writer:
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
    # bytes that are not UTF-8 read as U+FFFD, as the input readers read them
    if _is_gzip(path):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace", newline="")
    return open(path, encoding="utf-8", errors="replace", newline="")


def _csv_rows(path: Path) -> Iterator[tuple[int, dict]]:
    """(line, record) of each CSV row, text cells as they were before `neutralise_formula`."""
    with _open_read(path) as stream:
        reader = csv.DictReader(stream)
        try:
            for record in reader:
                yield reader.line_num, {name: restore_formula(value) if type(value) is str
                                        and value[:1] == "'" else value
                                        for name, value in record.items()}
        except csv.Error as error:
            raise TableError(f"{path}:{reader.line_num}: {error}") from None


def _jsonl_rows(path: Path) -> Iterator[tuple[int, dict]]:
    with _open_read(path) as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                raise TableError(f"{path}:{number}: not JSON: {error.msg}") from None
            except RecursionError:
                raise TableError(f"{path}:{number}: JSON nested too deeply") from None
            if not isinstance(record, dict):
                raise TableError(f"{path}:{number}: not a JSON object")
            # a lone surrogate ("\ud800") could be read but never written again
            yield number, {name: without_surrogates(value) if type(value) is str else value
                           for name, value in record.items()}


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
    return _TABLE_READERS[fmt](path, names, columns, keep_extra)


def _read_parquet(path: Path, names: list[str], columns: ColumnTypes,
                  keep_extra: bool) -> pd.DataFrame:
    import pyarrow.parquet as pq

    return typed_frame(pq.read_table(path).to_pandas(), columns, keep_extra)


def _read_records(numbered: Iterator[tuple[int, dict]], path: Path, names: list[str],
                  columns: ColumnTypes, keep_extra: bool) -> pd.DataFrame:
    """A table from its (line, record) pairs, each record typed; a value not of its column's
    type is a TableError naming the line."""
    import pandas as pd

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


#: How a table of each format is read, once its header is checked: (path, its column names,
#: the columns wanted, keep_extra) -> typed frame.
_TABLE_READERS: dict[str, Callable[[Path, list[str], ColumnTypes, bool], pd.DataFrame]] = {
    "parquet": _read_parquet,
    "csv": lambda path, *rest: _read_records(_csv_rows(path), path, *rest),
    "jsonl": lambda path, *rest: _read_records(_jsonl_rows(path), path, *rest),
}
