"""Units of claim values: canonical spellings and conversion, through pint (spec sections 2, 3).

One pint ``UnitRegistry`` holds pint's defaults plus ``data/units.txt`` (tokens, frames, FLOP,
FLOPS ...). Around it this module adds what pint cannot know about abstracts:

* the units that are not physical (``%``, ``pp``, ``points``, ``x``): spelled canonically,
  never converted;
* the few written forms pint reads otherwise ("fps" is foot per second to pint);
* the canonical spellings of the spec (``token/s``, ``TFLOP/s``, ``GB``), :data:`DISPLAY_UNITS`;
* a guard: pint parses many English words as units ("in" is an inch), so only the units of
  ``units.txt`` and a short list of pint's are accepted.

>>> canonical_unit("tokens per second"), canonical_unit("TFLOPS"), canonical_unit("p.p.")
('token/s', 'TFLOP/s', 'pp')
>>> to_si(390, "GB")
(390000000000.0, 'B')
"""
from __future__ import annotations

import functools
import math
import unicodedata
from importlib import resources

import pint
import regex

__all__ = ["DISPLAY_UNITS", "canonical_unit", "compatible_units", "convert", "registry", "to_si"]

#: The canonical unit strings (spec section 2, golden README): what canonical_unit returns for a
#: unit pint knows, and what the dashboard offers to convert to. First of equals wins.
DISPLAY_UNITS: tuple[str, ...] = (
    # memory and storage
    "B", "KB", "MB", "GB", "TB", "PB", "KiB", "MiB", "GiB", "TiB",
    # time
    "ns", "us", "ms", "s", "min", "h", "d",
    # throughput
    "token/s", "ktoken/s", "Mtoken/s", "frame/s", "sample/s", "image/s", "query/s",
    "request/s", "step/s", "it/s",
    "FLOP/s", "GFLOP/s", "TFLOP/s", "PFLOP/s", "EFLOP/s",
    # time per item
    "ms/token", "s/token", "ms/query", "ms/image", "ms/frame", "ms/sample", "ms/step", "s/step",
    "s/it",
    # amounts of compute and of accelerator time
    "FLOP", "MFLOP", "GFLOP", "TFLOP", "PFLOP", "EFLOP", "GPU*h", "GPU*d",
    # energy and power
    "J", "kJ", "Wh", "kWh", "MWh", "W", "kW",
    # length (a score may be an error in cm)
    "mm", "cm", "m",
)

#: Written forms that are not physical units (spec section 3): a percent, percentage points,
#: score points and factors. They never reach pint, which reads "pp" and "points" as
#: printer's points. Keys are lower case with single spaces.
_NOT_PHYSICAL = {
    "%": "%", "percent": "%", "per cent": "%", "pct": "%",
    "pp": "pp", "p.p.": "pp", "p.p": "pp", "pp.": "pp", "percentage point": "pp",
    "percentage points": "pp", "percent point": "pp", "percent points": "pp", "% points": "pp",
    "point": "points", "points": "points", "pts": "points", "pts.": "points",
    "x": "x", "×": "x", "times": "x", "fold": "x", "-fold": "x",
}
#: Canonical units that convert to no base unit; a percent converts to itself.
_UNCONVERTED = frozenset({"pp", "points", "x"})

#: Written forms pint reads as something else (default_en.txt), mapped before parsing.
_PINT_CLASHES = {"fps": "FPS"}          # pint: foot per second
_CLASH = regex.compile(r"\b(?:" + "|".join(map(regex.escape, _PINT_CLASHES)) + r")\b")

#: pint's own units (besides units.txt) that abstracts use: memory, time, length, energy, power.
_PINT_UNITS_ACCEPTED = frozenset({
    "bit", "byte", "second", "minute", "hour", "day", "week", "meter", "joule", "watt",
    "watt_hour", "hertz",
})
#: Units whose base unit is printed under another name: bytes, not pint's bits; W and J, not
#: kg*m**2/s**3. The first whose base unit matches is the SI unit of to_si.
_PREFERRED_SI = ("B", "W", "J")

# Rewrites of written units into pint's expression syntax, in order.
_PER = regex.compile(r"\s+per\s+", regex.IGNORECASE)                # "tokens per second"
_HYPHEN_IN_WORDS = regex.compile(r"(?<=[^\W\d])-(?=[^\W\d])")        # "GPU-hours"
_SPACES = regex.compile(r"\s+")


@functools.cache
def registry() -> pint.UnitRegistry:
    """The unit registry: pint's defaults plus ``data/units.txt``, built once per process."""
    units = pint.UnitRegistry(on_redefinition="raise", cache_folder=None)
    with resources.as_file(resources.files("extract") / "data" / "units.txt") as path:
        units.load_definitions(path)
    return units


@functools.cache
def _accepted_units() -> frozenset[str]:
    return _PINT_UNITS_ACCEPTED | registry().get_group("claimboard").members


def _normalise(text: str) -> str:
    """Unit text with LaTeX escapes, outer dots and runs of spaces removed ("\\%" -> "%")."""
    text = unicodedata.normalize("NFKC", text).replace("\\", "")
    return _SPACES.sub(" ", text).strip()


@functools.lru_cache(maxsize=1024)
def _parse(text: str) -> pint.Unit | None:
    """The pint unit of written unit text, or None when it is no unit this module accepts."""
    expression = _HYPHEN_IN_WORDS.sub(" ", _PER.sub("/", text.rstrip(".")))
    expression = _CLASH.sub(lambda m: _PINT_CLASHES[m[0]], expression).replace("·", "*")
    unit = _pint_parse(expression)
    if unit is None and expression[:1].isupper() and expression[1:2].islower():
        unit = _pint_parse(expression[0].lower() + expression[1:])   # "Petaflops", "Seconds"
    # `_units` holds the unit's names ("teraFLOPS": 1); pint has no public accessor for them.
    if unit is None or not unit._units:
        return None
    if not all(_unit_name(name) in _accepted_units() for name in unit._units):
        return None                         # "in" (inch), "K" (kelvin), "M" (molar) ...
    return unit


def _pint_parse(expression: str) -> pint.Unit | None:
    try:
        return registry().parse_units(expression)
    except Exception:  # noqa: BLE001 - pint's parser raises many kinds on garbage input
        return None


def _unit_name(name: str) -> str:
    """A pint unit name without its prefix: "teraFLOPS" -> "FLOPS"."""
    return registry().parse_unit_name(name)[0][1]


def _root(unit: pint.Unit) -> tuple[float, pint.Unit]:
    """(factor, root unit): two units convert into each other exactly when their root units
    are equal. Their dimensions are not enough: pint's bytes are dimensionless, like %."""
    factor, root = registry().get_root_units(unit)
    return float(factor), root


@functools.cache
def _display_units() -> tuple[tuple[str, float, pint.Unit], ...]:
    return tuple((name, *_root(registry().parse_units(name))) for name in DISPLAY_UNITS)


@functools.lru_cache(maxsize=1024)
def canonical_unit(text: str | None) -> str | None:
    """The canonical spelling of a unit as written in an abstract, or None if it is none.

    Canonical spellings are those of :data:`DISPLAY_UNITS` and ``%``, ``pp``, ``points``,
    ``x``; another unit pint knows is spelled with pint's symbols ("token/GPU/s").

    >>> canonical_unit("milliseconds"), canonical_unit("fps"), canonical_unit("GiB")
    ('ms', 'frame/s', 'GiB')
    >>> canonical_unit("inches") is None
    True
    """
    if not text:
        return None
    written = _normalise(text)
    if (non_physical := _NOT_PHYSICAL.get(written.lower())) is not None:
        return non_physical
    unit = _parse(written)
    if unit is None:
        return None
    factor, root = _root(unit)
    for name, display_factor, display_root in _display_units():
        if display_root == root and math.isclose(factor, display_factor, rel_tol=1e-9):
            return name
    return f"{unit:~C}"


@functools.lru_cache(maxsize=1024)
def _si_conversion(unit: str) -> tuple[float, str] | None:
    """(factor, SI unit) that turns a value in `unit` into its base unit, or None."""
    canonical = canonical_unit(unit)
    if canonical == "%":
        return 1.0, "%"
    if canonical is None or canonical in _UNCONVERTED:
        return None
    units = registry()
    parsed = _parse(_normalise(unit)) or units.parse_units(canonical)
    base = units.get_base_units(parsed)[1]
    target = next((units.parse_units(name) for name in _PREFERRED_SI
                   if units.get_base_units(name)[1] == base), base)
    factor = units.Quantity(1.0, parsed).to(target).magnitude
    return float(factor), f"{target:~C}"


def to_si(value: float | None, unit: str | None) -> tuple[float | None, str | None]:
    """`value` in `unit` converted to its base unit: bytes (``B``), seconds (``s``),
    ``FLOP/s``, ``token/s`` ...; a percent stays a percent; ``(None, None)`` for a bare
    number, ``pp``, ``points``, a factor ``x`` or a unit this module does not know.

    >>> to_si(15, "ms"), to_si(2, "TFLOP/s"), to_si(3.5, "pp")
    ((0.015, 's'), (2000000000000.0, 'FLOP/s'), (None, None))
    """
    if value is None or not unit:
        return None, None
    conversion = _si_conversion(unit)
    if conversion is None:
        return None, None
    factor, si_unit = conversion
    return value * factor, si_unit


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """`value` in `from_unit` expressed in `to_unit` (GB -> GiB, token/s -> ktoken/s ...).

    Raises ValueError for an unknown unit or units that do not convert into each other.

    >>> convert(1, "GiB", "GB")
    1.073741824
    """
    source, target = canonical_unit(from_unit), canonical_unit(to_unit)
    for written, canonical in ((from_unit, source), (to_unit, target)):
        if canonical is None:
            raise ValueError(f"unknown unit {written!r}")
    if source in _NOT_PHYSICAL.values() or target in _NOT_PHYSICAL.values():
        if source != target:
            raise ValueError(f"cannot convert {from_unit!r} to {to_unit!r}")
        return float(value)
    source_unit, target_unit = _parse(_normalise(from_unit)), _parse(_normalise(to_unit))
    if _root(source_unit)[1] != _root(target_unit)[1]:
        raise ValueError(f"cannot convert {from_unit!r} to {to_unit!r}: incompatible units")
    return float(registry().Quantity(value, source_unit).to(target_unit).magnitude)


def compatible_units(unit: str) -> list[str]:
    """The display units `unit` converts to (its own canonical spelling included), for the
    dashboard's unit selector; ``[]`` for an unknown unit.

    >>> compatible_units("ms")
    ['ns', 'us', 'ms', 's', 'min', 'h', 'd']
    """
    canonical = canonical_unit(unit)
    if canonical is None:
        return []
    if canonical in _NOT_PHYSICAL.values():
        return [canonical]
    root = _root(_parse(_normalise(unit)))[1]
    names = [name for name, _, display_root in _display_units() if display_root == root]
    return names if canonical in names else [canonical, *names]
