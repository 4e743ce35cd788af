"""Tests of extract.engine.units: canonical unit spellings and conversions through pint."""
from __future__ import annotations

import logging
import math
import warnings
from pathlib import Path

import pint
import pytest
from hypothesis import given, strategies as st

from extract.engine import units
from extract.engine.units import DISPLAY_UNITS, canonical_unit, compatible_units, convert, to_si

UNITS_FILE = Path(units.__file__).parents[1] / "data" / "units.txt"

# --- canonical_unit ---------------------------------------------------------------------------

# The unit as written -> its canonical spelling. "spec" rows are from docs/claim-spec.md
# (sections 1-3) and golden/README.md; "corpus" rows are written so in the sample corpus.
CANONICAL_UNIT = [
    ("spec", "%", "%"),
    ("spec", "\\%", "%"),                      # "97.2\%"
    ("spec", "percent", "%"),
    ("spec", "percentage points", "pp"),
    ("corpus", "p.p.", "pp"),                  # "by 1.1p.p."
    ("spec", "pp", "pp"),                      # pint: printer's point
    ("corpus", "points", "points"),            # "by 6 points"; pint: printer's points
    ("spec", "x", "x"),
    ("spec", "X", "x"),                        # "2.5X faster"
    ("spec", "×", "x"),
    ("corpus", "times", "x"),                  # "1.2 times inference speedup"
    ("corpus", "GB", "GB"),                    # "390GB memory"
    ("spec", "gigabytes", "GB"),
    ("spec", "GiB", "GiB"),
    ("corpus", "MB", "MB"),                    # "1MB model size"
    ("spec", "TB", "TB"),
    ("spec", "KB", "KB"),
    ("spec", "kB", "KB"),
    ("corpus", "ms", "ms"),                    # "50ms TPOT"
    ("spec", "milliseconds", "ms"),
    ("corpus", "s", "s"),                      # "less than 30s"
    ("spec", "sec", "s"),
    ("spec", "seconds", "s"),
    ("spec", "minutes", "min"),
    ("corpus", "hours", "h"),                  # "in under 48 hours"
    ("spec", "hrs", "h"),
    ("spec", "days", "d"),
    ("corpus", "tokens/s", "token/s"),         # "6,688 tokens/s per NPU"
    ("corpus", "tokens per second", "token/s"),
    ("spec", "tok/s", "token/s"),
    ("corpus", "FPS", "frame/s"),              # "108 / 74 FPS on T4 GPU"
    ("corpus", "fps", "frame/s"),              # "178 fps"; pint: foot per second
    ("spec", "frames per second", "frame/s"),
    ("spec", "samples/s", "sample/s"),
    ("spec", "images/s", "image/s"),
    ("corpus", "TFLOPS", "TFLOP/s"),           # "156 TFLOPS"
    ("spec", "TFLOP/s", "TFLOP/s"),
    ("spec", "PFLOPS", "PFLOP/s"),
    ("corpus", "petaflops", "PFLOP/s"),        # "25 petaflops"
    ("corpus", "Petaflops", "PFLOP/s"),        # "15 Petaflops"
    ("spec", "GFLOPS", "GFLOP/s"),
    ("spec", "GFLOPs", "GFLOP"),               # lower-case s: a count, not a rate
    ("spec", "queries per second", "query/s"),
    ("spec", "QPS", "query/s"),
    ("spec", "ms/token", "ms/token"),
    ("corpus", "ms per query", "ms/query"),    # "64ms per query"
    ("spec", "GPU hours", "GPU*h"),
    ("spec", "GPU-hours", "GPU*h"),
    ("corpus", "cm", "cm"),                    # "a prediction error of 1.591 cm"
    ("clash", "B", "B"),                       # a byte; "7B" is read by the number reader
    ("clash", "K", None),                      # pint: kelvin; "4K context" is a count
    ("clash", "M", None),                      # pint: molar
    ("clash", "in", None),                     # pint: inch
    ("clash", "a", None),                      # pint: year
    ("clash", "Mb", None),                     # pint: megabarn
    ("none", "", None),
    ("none", "  ", None),
    ("none", "papers", None),
    ("none", "tokens/", None),                 # pint cannot parse it
]


@pytest.mark.parametrize("source, written, expected", CANONICAL_UNIT)
def test_canonical_unit(source, written, expected):
    assert canonical_unit(written) == expected


@pytest.mark.parametrize("unit", DISPLAY_UNITS)
def test_every_display_unit_is_canonical(unit):
    assert canonical_unit(unit) == unit


# --- to_si ------------------------------------------------------------------------------------

# (source, value, unit, value_si, unit_si): spec section 2 ("3.9e11, B"), the task brief, and
# numbers of the sample corpus with their unit.
TO_SI = [
    ("spec", 390, "GB", 3.9e11, "B"),
    ("corpus", 4039, "token/s", 4039.0, "token/s"),       # "4,039 tokens per second"
    ("corpus", 6688, "tokens/s", 6688.0, "token/s"),
    ("corpus", 156, "TFLOPS", 1.56e14, "FLOP/s"),
    ("spec", 2, "TFLOP/s", 2e12, "FLOP/s"),
    ("corpus", 15, "PFLOP/s", 1.5e16, "FLOP/s"),          # "15 Petaflops"
    ("corpus", 108, "frame/s", 108.0, "frame/s"),
    ("corpus", 15, "ms", 0.015, "s"),
    ("spec", 1.5, "h", 5400.0, "s"),
    ("corpus", 48, "h", 172800.0, "s"),
    ("golden", 1, "d", 86400.0, "s"),
    ("corpus", 30, "s", 30.0, "s"),
    ("corpus", 1, "MB", 1e6, "B"),
    ("spec", 1, "GiB", 2.0 ** 30, "B"),
    ("corpus", 1.591, "cm", 0.01591, "m"),
    ("spec", 73.5, "%", 73.5, "%"),                       # a percent stays a percent
    ("spec", 0.7, "pp", None, None),
    ("corpus", 6, "points", None, None),
    ("spec", 1.75, "x", None, None),
    ("spec", 74.0, "", None, None),                       # a bare number
    ("spec", 74.0, None, None, None),
    ("none", 3, "papers", None, None),
]


@pytest.mark.parametrize("source, value, unit, value_si, unit_si", TO_SI)
def test_to_si(source, value, unit, value_si, unit_si):
    converted, converted_unit = to_si(value, unit)
    assert converted_unit == unit_si
    if value_si is None:
        assert converted is None
    else:
        assert converted == pytest.approx(value_si, rel=1e-12)


def test_to_si_of_no_value_is_nothing():
    assert to_si(None, "GB") == (None, None)


# --- convert ----------------------------------------------------------------------------------

# (value, from, to, expected): the dashboard's unit selector.
CONVERT = [
    (1, "GiB", "GB", 1.073741824),
    (390, "GB", "GiB", 390e9 / 2 ** 30),
    (4039, "token/s", "ktoken/s", 4.039),
    (15, "ms", "s", 0.015),
    (1, "h", "min", 60.0),
    (2, "TFLOP/s", "GFLOP/s", 2000.0),
    (25, "PFLOP/s", "TFLOP/s", 25000.0),
    (1, "d", "h", 24.0),
    (73.5, "%", "%", 73.5),
    (2.5, "x", "x", 2.5),
]


@pytest.mark.parametrize("value, from_unit, to_unit, expected", CONVERT)
def test_convert(value, from_unit, to_unit, expected):
    assert convert(value, from_unit, to_unit) == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("value, from_unit, to_unit, expected", CONVERT)
def test_convert_round_trip(value, from_unit, to_unit, expected):
    there = convert(value, from_unit, to_unit)
    assert convert(there, to_unit, from_unit) == pytest.approx(value, rel=1e-12)


@given(value=st.floats(min_value=1e-6, max_value=1e15),
       pair=st.sampled_from([("GB", "GiB"), ("ms", "h"), ("token/s", "Mtoken/s"),
                             ("TFLOP/s", "EFLOP/s"), ("GPU*h", "GPU*d"), ("KB", "TiB")]))
def test_convert_round_trip_any_value(value, pair):
    there = convert(value, *pair)
    assert math.isclose(convert(there, pair[1], pair[0]), value, rel_tol=1e-9)


INCOMPATIBLE = [
    ("GB", "%"),          # pint's bytes are dimensionless: this must still fail
    ("GB", "s"),
    ("token/s", "frame/s"),
    ("TFLOP/s", "TFLOP"),
    ("pp", "%"),
    ("x", "%"),
    ("points", "pp"),
    ("ms", "x"),
    ("GB", "papers"),     # unknown unit
    ("inches", "cm"),     # a unit this module does not accept
]


@pytest.mark.parametrize("from_unit, to_unit", INCOMPATIBLE)
def test_convert_refuses_incompatible_units(from_unit, to_unit):
    with pytest.raises(ValueError):
        convert(1.0, from_unit, to_unit)


COMPATIBLE = [
    ("GB", ["B", "KB", "MB", "GB", "TB", "PB", "KiB", "MiB", "GiB", "TiB"]),
    ("tokens per second", ["token/s", "ktoken/s", "Mtoken/s"]),
    ("ms", ["ns", "us", "ms", "s", "min", "h", "d"]),
    ("%", ["%"]),
    ("pp", ["pp"]),
    ("tokens/s per GPU", ["token/GPU/s"]),       # no display unit: its own spelling only
    ("papers", []),
]


@pytest.mark.parametrize("unit, expected", COMPATIBLE)
def test_compatible_units(unit, expected):
    assert compatible_units(unit) == expected


# --- the definitions file ---------------------------------------------------------------------

def test_units_file_loads_without_redefinitions_or_warnings(caplog):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with caplog.at_level(logging.WARNING):
            fresh = pint.UnitRegistry(on_redefinition="raise", cache_folder=None)
            fresh.load_definitions(UNITS_FILE)
    assert not caplog.records
    assert {"token", "frame", "FLOP", "FLOPS"} <= fresh.get_group("claimboard").members


def test_the_registry_is_built_once():
    assert units.registry() is units.registry()
