"""Papers from the web: an input given as an ``http(s)://`` URL, fetched once and cached on disk.

Meant for the two APIs that serve today's papers in formats the readers know: the Hugging Face
Daily Papers API (``https://huggingface.co/api/daily_papers?date=2025-03-10``, a JSON array of
items ``{"paper": {"id", "title", "summary", "publishedAt" ...}, ...}``) and the arXiv API
(``https://export.arxiv.org/api/query?search_query=...``, an Atom feed). Any other URL is fetched
the same way and its content judged like a file's.

How a URL is fetched (`fetch`):

- with `requests` and urllib3's `Retry`: a connection that fails, an answer that does not come
  in time, or a server that answers 429 or 5xx is tried again up to `FetchPolicy.retries` times,
  waiting 0, 2, 4 ... times `backoff` seconds between tries (or what a ``Retry-After`` header
  asks), so that an unreachable server is given up on after about 7 s by default;
- `timeout` bounds connecting and each wait for data; `max_bytes` bounds the body;
- the body is kept in the cache directory (`cache_dir`: ``$CLAIMBOARD_CACHE_DIR``, else the
  user's cache directory, ``~/.cache/claimboard/http`` on Linux), one file per URL named by the
  URL's SHA-256, written whole or not at all. A copy younger than `max_age` is used without asking
  the server; an older one is used, with a warning, when the server cannot be reached;
- anything that goes wrong is a `FetchError` (an `InputError`), one line naming the URL:
  "URL: cannot reach huggingface.co (offline?) ...", "URL: HTTP 404 Not Found".
"""
from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
import tempfile
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from .version import __version__
from .reading import read_local_papers
from .reading.errors import InputError

#: Set this to keep fetched responses somewhere else than the user's cache directory.
CACHE_DIR_VARIABLE = "CLAIMBOARD_CACHE_DIR"

#: Answers worth asking again: rate limited, or a server error that may pass.
RETRY_STATUSES = (429, 500, 502, 503, 504)

#: The web sources `claimboard fetch` knows by name: the URL of a day's papers.
DAILY_SOURCES = {
    "hf-daily": "https://huggingface.co/api/daily_papers?{query}",
}

_URL = re.compile(r"https?://", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class FetchError(InputError):
    """A URL that could not be fetched; its text is one line, "URL: reason". `offline` is True
    when the server could not be reached at all (no network, no such host, no answer)."""

    def __init__(self, url: str, reason: str, offline: bool = False):
        super().__init__(url, reason)
        self.offline = offline


class StaleCopyWarning(UserWarning):
    """The server could not be reached and an older cached copy of the URL was used."""


@dataclass(frozen=True)
class FetchPolicy:
    """How patiently a URL is fetched and how long a fetched copy is trusted."""

    timeout: float = 30.0          # seconds to connect, and to wait for each piece of data
    retries: int = 4               # further tries after a failed connection, a 429 or a 5xx
    backoff: float = 0.5           # urllib3's backoff_factor: waits 0, 1, 2, 4 ... s between tries
    max_age: float = 3600.0        # seconds a cached copy is used without asking the server
    max_bytes: int = 256 * 1024 * 1024
    cache: Path | None = None      # None: `cache_dir()`


def is_url(text: object) -> bool:
    """True for an ``http://`` or ``https://`` URL (given as a string).

    >>> is_url("https://huggingface.co/api/daily_papers?date=2025-03-10"), is_url("papers.json")
    (True, False)
    """
    return isinstance(text, str) and _URL.match(text.strip()) is not None


def cache_dir() -> Path:
    """Where fetched responses are kept: ``$CLAIMBOARD_CACHE_DIR``, else the user's cache
    directory for claimboard (``~/.cache/claimboard/http`` on Linux)."""
    chosen = os.environ.get(CACHE_DIR_VARIABLE)
    if chosen:
        return Path(chosen).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("claimboard")) / "http"


def daily_url(source: str, date: str) -> str:
    """The URL of the papers of `date` (YYYY-MM-DD) from a source of `DAILY_SOURCES`.

    >>> daily_url("hf-daily", "2025-03-10")
    'https://huggingface.co/api/daily_papers?date=2025-03-10'
    """
    if not _ISO_DATE.fullmatch(date):
        raise ValueError(f"not a date of the form YYYY-MM-DD: {date!r}")
    datetime.date.fromisoformat(date)  # 2025-02-30 raises ValueError
    return DAILY_SOURCES[source].format(query=urlencode({"date": date}))


def fetch(url: str, policy: FetchPolicy = FetchPolicy()) -> Path:
    """The cached copy of `url`'s body, fetched first unless a copy younger than
    `policy.max_age` is there. Raises `FetchError`."""
    url = url.strip()
    if not is_url(url):
        raise FetchError(url, "not an http:// or https:// URL")
    body, meta = _cache_paths(url, policy)
    age = _age(meta)
    if age is not None and age < policy.max_age and body.is_file():
        return body
    try:
        _download(url, body, meta, policy)
    except FetchError as error:
        if error.offline and age is not None and body.is_file():
            warnings.warn(f"{url}: {error.reason}; using the copy fetched "
                          f"{_age_text(age)} ago", StaleCopyWarning, stacklevel=2)
            return body
        raise
    return body


def read_url(url: str, format: str | None = None, on_skip=None,
             policy: FetchPolicy = FetchPolicy()):
    """`extract.read_papers` of a URL: its papers, fetched or taken from the cache, named by the
    URL. A response that cannot be read at all (an HTML page, not text) is dropped from the
    cache, so that the next try asks the server again."""
    local = fetch(url, policy)
    try:
        return read_local_papers(local, url.strip(), format, on_skip)
    except InputError as error:
        forget(url, policy)
        raise FetchError(url.strip(), error.reason) from None


@dataclass
class Saved:
    """What `save` wrote: the URL asked, the file written, and the papers it holds."""

    url: str
    path: Path
    papers: int
    skipped: list = field(default_factory=list)


def save(source: str, dest: str | Path | None = None, date: str | None = None,
         policy: FetchPolicy = FetchPolicy(), on_skip=None) -> Saved:
    """Fetch a day's papers (`source` a name of `DAILY_SOURCES`, with `date`, default today in
    UTC) or any URL, check that the response holds papers the readers can read, and write it
    as it came to `dest` (default for a named source: ``SOURCE-DATE.json``).

    Raises `FetchError` (nothing is written) when the URL cannot be fetched or its content
    cannot be read; records that cannot be read are passed to `on_skip` and kept in `skipped`.
    """
    if is_url(source):
        url = source.strip()
        if dest is None:
            raise ValueError("a URL needs an output file name")
    else:
        if source not in DAILY_SOURCES:
            raise ValueError(f"unknown source {source!r} (expected one of "
                             f"{', '.join(DAILY_SOURCES)}, or an http(s):// URL)")
        date = date or datetime.datetime.now(datetime.timezone.utc).date().isoformat()
        url = daily_url(source, date)
        dest = dest if dest is not None else f"{source}-{date}.json"
    skipped: list = []

    def report(record) -> None:
        skipped.append(record)
        if on_skip is not None:
            on_skip(record)

    papers = sum(1 for _ in read_url(url, None, report, policy))
    body, _ = _cache_paths(url, policy)
    dest = Path(dest)
    with open(body, "rb") as stream:
        _write_atomically(dest, iter(lambda: stream.read(1 << 16), b""))
    return Saved(url, dest, papers, skipped)


def forget(url: str, policy: FetchPolicy = FetchPolicy()) -> None:
    """Drop the cached copy of `url`, if there is one."""
    for path in _cache_paths(url.strip(), policy):
        path.unlink(missing_ok=True)


# ---------------------------------------------------------------------------------------------
# The cache


def _cache_paths(url: str, policy: FetchPolicy) -> tuple[Path, Path]:
    """(body, metadata) files of `url` in the cache."""
    key = hashlib.sha256(url.encode("utf-8")).hexdigest()
    directory = policy.cache or cache_dir()
    return directory / f"{key}.body", directory / f"{key}.json"


def _age(meta: Path) -> float | None:
    """Seconds since the cached copy was fetched; None when there is none (or it is unreadable)."""
    try:
        fetched = json.loads(meta.read_text(encoding="utf-8"))["fetched"]
        return max(0.0, time.time() - float(fetched))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _age_text(seconds: float) -> str:
    """
    >>> _age_text(42), _age_text(7200), _age_text(3 * 86400)
    ('42 s', '2.0 h', '3.0 days')
    """
    if seconds < 3600:
        return f"{seconds:.0f} s"
    if seconds < 86400:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} days"


def _write_atomically(path: Path, chunks) -> None:
    """Write `chunks` (bytes) to `path` whole or not at all (a temporary file, then a rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".partial")
    try:
        with os.fdopen(handle, "wb") as stream:
            for chunk in chunks:
                stream.write(chunk)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# ---------------------------------------------------------------------------------------------
# The download


def _session(policy: FetchPolicy):
    import requests
    from requests.adapters import HTTPAdapter
    from urllib3.util.retry import Retry

    retry = Retry(total=policy.retries, connect=policy.retries, read=policy.retries,
                  status=policy.retries, backoff_factor=policy.backoff,
                  status_forcelist=RETRY_STATUSES, allowed_methods=frozenset({"GET"}),
                  respect_retry_after_header=True, raise_on_status=False)
    session = requests.Session()
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = f"claimboard/{__version__}"
    return session


def _download(url: str, body: Path, meta: Path, policy: FetchPolicy) -> None:
    import requests

    host = urlsplit(url).hostname or url
    try:
        with _session(policy) as session, session.get(url, timeout=policy.timeout,
                                                      stream=True) as response:
            if response.status_code != 200:
                tries = f" after {policy.retries + 1} tries" if (
                    response.status_code in RETRY_STATUSES) else ""
                raise FetchError(url, f"HTTP {response.status_code} {response.reason or ''}"
                                    f"{tries}".strip())
            _write_atomically(body, _limited(response.iter_content(1 << 16), url, policy))
    except (requests.exceptions.ConnectionError, requests.exceptions.Timeout) as error:
        if isinstance(error, requests.exceptions.Timeout) or "timed out" in str(error).lower():
            reason = (f"{host} did not answer within {policy.timeout:g} s "
                      f"({policy.retries + 1} tries)")
        else:
            reason = f"cannot reach {host} (offline, or the server is down): {_cause(error)}"
        raise FetchError(url, reason, offline=True) from None
    except requests.exceptions.RequestException as error:
        raise FetchError(url, _first_line(error)) from None
    meta_text = json.dumps({"url": url, "fetched": time.time()})
    _write_atomically(meta, [meta_text.encode("utf-8")])


def _limited(chunks, url: str, policy: FetchPolicy):
    total = 0
    for chunk in chunks:
        total += len(chunk)
        if total > policy.max_bytes:
            raise FetchError(url, f"response larger than {policy.max_bytes} bytes")
        yield chunk


_ERRNO = re.compile(r"\[Errno -?\d+\][^'\")]*")


def _cause(error: BaseException) -> str:
    """The system's words for a failed connection ("[Errno 111] Connection refused"), without
    the layers of wrapping requests and urllib3 put around them."""
    found = _ERRNO.search(str(error))
    return found[0].strip() if found else _first_line(error)


def _first_line(error: BaseException) -> str:
    text = str(error) or type(error).__name__
    return text.splitlines()[0][:300]
