"""A paper's date (claims-table column `date`, spec v1.1): when the paper first appeared.

Inputs give dates in several places and forms: the arXiv snapshot's ``update_date``
("2025-03-18") and ``versions`` ("Mon, 2 Apr 2007 19:18:42 GMT"), the Daily Papers API's
``publishedAt`` and Atom's ``<published>`` ("2025-09-01T17:59:58Z"), a Daily Papers page's date
line ("Sep 2, 2025"), and the arXiv id itself ("2503.06749" was submitted in March 2025).

`paper_date` reads them all and keeps the earliest: a later one is a revision (arXiv's
``update_date`` is the date of the last version). Dates are compared by month first, so that a
full date wins over a month-only one (the id's) of the same month. A value that is not a date
is ignored: a bad date never costs a paper. The result is ISO ``YYYY-MM-DD`` or ``YYYY-MM``, or
"" when the input gives no date.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from email.utils import parsedate

#: Years a paper's date may fall in; anything else is not taken for a date.
FIRST_YEAR, LAST_YEAR = 1900, 2100

_MONTHS = {name: number for number, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december")), start=1) for name in names}
_MONTH = "(?P<month_name>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

# The written forms, each a pattern with named parts (year, month or month_name, day).
_FORMS = tuple(re.compile(form, re.IGNORECASE | re.VERBOSE) for form in (
    r"(?P<year>\d{4})-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?(?:[T\s].*)?",  # ISO, a time after
    r"(?P<year>\d{4})/(?P<month>\d{1,2})(?:/(?P<day>\d{1,2}))?",             # 2025/03/18
    rf"(?:published\s+on\s+)?{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})",
    rf"(?P<day>\d{{1,2}})\s+{_MONTH},?\s+(?P<year>\d{{4}})",                  # 2 Sep 2025
    rf"{_MONTH}\s+(?P<year>\d{{4}})",                                          # September 2025
))

# arXiv ids: new style YYMM.NNNNN (2007 on), old style archive(.SUBJECT)/YYMMNNN.
_ARXIV_NEW = re.compile(r"(?P<yy>\d{2})(?P<mm>\d{2})\.\d{4,5}")
_ARXIV_OLD = re.compile(r"[a-z][a-z-]*(?:\.[A-Za-z]{2})?/(?P<yy>\d{2})(?P<mm>\d{2})\d{3}")


def parse_date(text: object) -> str:
    """`text` as an ISO date (``YYYY-MM-DD`` or ``YYYY-MM``), or "" when it is not a date.

    >>> parse_date("2025-03-18"), parse_date("2025-09-01T17:59:58.000Z")
    ('2025-03-18', '2025-09-01')
    >>> parse_date("Mon, 2 Apr 2007 19:18:42 GMT"), parse_date("Sep 2, 2025")
    ('2007-04-02', '2025-09-02')
    >>> parse_date("2 September 2025"), parse_date("March 2025"), parse_date("2025-02")
    ('2025-09-02', '2025-03', '2025-02')
    >>> parse_date("Sep 2"), parse_date("2025-02-30"), parse_date(""), parse_date(42)
    ('', '', '', '')
    """
    if not isinstance(text, str) or not text.strip():
        return ""
    text = text.strip()
    found = _iso_date_in_c(text)  # the common form, alone: most dates are read here
    if found is not None:
        return found
    for read in _OTHER_DATE_READERS:
        found = read(text)
        if found is not None:
            return found
    return ""


def _iso_date_in_c(text: str) -> str | None:
    """The common form, read in C: "2025-03-18", with or without a time after it (None for
    another form)."""
    if len(text) >= 10 and text[4] == "-" and text[7] == "-" and (
            len(text) == 10 or text[10] in "T "):
        try:
            found = date.fromisoformat(text[:10])
        except ValueError:
            return None
        return found.isoformat() if FIRST_YEAR <= found.year <= LAST_YEAR else ""
    return None


def _written_form(text: str) -> str | None:
    """A date in one of `_FORMS` (None for another form)."""
    for form in _FORMS:
        match = form.fullmatch(text)
        if match:
            parts = match.groupdict()
            month = (_MONTHS[parts["month_name"].lower()] if parts.get("month_name")
                     else int(parts["month"]))
            return _iso(int(parts["year"]), month, int(parts["day"]) if parts.get("day") else None)
    return None


def _email_date(text: str) -> str | None:
    """An RFC 2822 date, as in the arXiv snapshot's `versions` (None for another form)."""
    email = parsedate(text)
    if email is not None and email[0] and email[1] and email[2]:
        return _iso(email[0], email[1], email[2])
    return None


#: The readers `parse_date` tries in turn after `_iso_date_in_c`; the first that knows the
#: form decides.
_OTHER_DATE_READERS = (_written_form, _email_date)


def _iso(year: int, month: int, day: int | None) -> str:
    if not FIRST_YEAR <= year <= LAST_YEAR or not 1 <= month <= 12:
        return ""
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:  # 30 February
        return ""


def arxiv_id_month(paper_id: str) -> str:
    """The year and month an arXiv id was given out, or "" for another id.

    >>> arxiv_id_month("2503.06749"), arxiv_id_month("hep-th/9901001"), arxiv_id_month("a-slug")
    ('2025-03', '1999-01', '')
    """
    if len(paper_id) >= 10 and paper_id[4] == "." and paper_id[:4].isdigit():
        match = _ARXIV_NEW.fullmatch(paper_id)  # the common case, tried alone
    else:
        match = _ARXIV_NEW.fullmatch(paper_id) or _ARXIV_OLD.fullmatch(paper_id)
    if not match:
        return ""
    year = int(match["yy"])
    year += 1900 if year >= 91 else 2000  # arXiv began in 1991
    return _iso(year, int(match["mm"]), None)


def paper_date(paper_id: str, written: Iterable[object] = ()) -> str:
    """The earliest of the dates `written` in a record and the month of its arXiv id.

    >>> paper_date("2503.06749", ["2025-03-18"]), paper_date("2503.06749", ["2025-06-01"])
    ('2025-03-18', '2025-03')
    >>> paper_date("a-slug", ["not a date", "Sep 2, 2025"]), paper_date("a-slug")
    ('2025-09-02', '')
    """
    found = arxiv_id_month(paper_id)
    for text in written:
        parsed = parse_date(text)
        if parsed and (not found or _sooner(parsed, found)):
            found = parsed
    return found


def _sooner(iso: str, than: str) -> bool:
    """Whether ISO date `iso` comes first: by month, then a full date before a month alone."""
    if iso[:7] != than[:7]:
        return iso[:7] < than[:7]
    return len(than) == 7 and len(iso) > 7 or (len(iso) > 7 and iso < than)


def version_dates(versions: object) -> list[object]:
    """The `created` dates of an arXiv snapshot's `versions` list; nothing for another value.

    >>> version_dates([{"version": "v1", "created": "Mon, 2 Apr 2007 19:18:42 GMT"}, "junk"])
    ['Mon, 2 Apr 2007 19:18:42 GMT']
    """
    if not isinstance(versions, list):
        return []
    return [version.get("created") for version in versions if isinstance(version, dict)]
