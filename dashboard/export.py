"""Download bytes for the dashboard's tables, written by `extract.output.tables.write_table`.

The CLI writes its tables with the same function, so a download equals what the matching
`claimboard` command prints: ``claimboard leaderboard ... --benchmark B`` writes the board as CSV
to stdout, which is exactly `csv_bytes(board, LEADERBOARD_COLUMNS)`.
"""
from __future__ import annotations

import io
import tempfile
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from extract.output.tables import CLAIMS_COLUMNS, write_table


def csv_bytes(frame: pd.DataFrame, columns: Mapping[str, str] = CLAIMS_COLUMNS) -> bytes:
    """`frame` as the CSV `write_table` writes to a text stream, encoded as UTF-8.

    >>> csv_bytes(pd.DataFrame({"subject": ["PreMoe"], "value": [97.2]}),
    ...           {"subject": "str", "value": "float"})
    b'subject,value\\nPreMoe,97.2\\n'
    """
    buffer = io.StringIO(newline="")
    write_table(frame, buffer, "csv", columns=columns)
    return buffer.getvalue().encode("utf-8")


def parquet_bytes(frame: pd.DataFrame, columns: Mapping[str, str] = CLAIMS_COLUMNS) -> bytes:
    """`frame` as the Parquet file `write_table` writes (it needs a file name, so a temporary
    file is written and read back)."""
    with tempfile.TemporaryDirectory(prefix="claimboard-export-") as directory:
        path = Path(directory) / "table.parquet"
        write_table(frame, path, columns=columns)
        return path.read_bytes()
