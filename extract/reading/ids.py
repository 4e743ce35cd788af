"""Paper ids: arXiv ids normalised from URLs and prefixes; title slugs for papers without one."""
from __future__ import annotations

import itertools
import re

from ..output.schema import slugify


def normalise_paper_id(raw: str) -> str:
    """An arXiv id without URL, "arXiv:" prefix or version; any other id stripped, as given.

    >>> normalise_paper_id("http://arxiv.org/abs/2503.06749v2")
    '2503.06749'
    >>> normalise_paper_id("arXiv:2503.06749v1")
    '2503.06749'
    >>> normalise_paper_id("https://arxiv.org/pdf/hep-th/9901001v3.pdf")
    'hep-th/9901001'
    >>> normalise_paper_id("https://doi.org/10.48550/arXiv.2508.03967")
    '2508.03967'
    >>> normalise_paper_id(" my-paper ")
    'my-paper'
    """
    return arxiv_id(raw) or raw.strip()


def arxiv_id(raw: str) -> str | None:
    """The arXiv id `raw` names (an id, an arXiv or Hugging Face URL, an arXiv DOI), else None.

    >>> arxiv_id("10.48550/ARXIV.2508.03967"), arxiv_id("https://openalex.org/W4385245566")
    ('2508.03967', None)
    """
    match = _ARXIV_ID.match(raw)
    return match["id"] if match else None


_ARXIV_ID = re.compile(r"""
    ^\s*
    (?: (?:https?://)? (?:www\.|export\.)? arxiv\.org/(?:abs|pdf)/   # an arXiv abstract/PDF URL
      | (?:https?://)? huggingface\.co/papers/                        # a Hugging Face paper page
      | (?:https?://(?:dx\.)?doi\.org/)? 10\.48550/arxiv\.               # arXiv's DataCite DOI
      | arxiv: )?                                                     # the "arXiv:" prefix
    (?P<id>
        \d{4}\.\d{4,5}                          # new style (2007 on): YYMM.NNNNN
      | [a-z][a-z-]*(?:\.[a-z]{2})?/\d{7}       # old style: archive(.SUBJECT)/YYMMNNN
    )
    (?:v\d+)?                                   # version
    (?:\.pdf)? /? \s*$
""", re.VERBOSE | re.IGNORECASE)


class PaperIds:
    """Paper ids for one file: given ids normalised; otherwise title slugs, made unique (-2, -3).

    >>> ids = PaperIds()
    >>> ids("arXiv:1706.03762v5", "Attention"), ids(None, "A Title"), ids("", "A Title")
    ('1706.03762', 'a-title', 'a-title-2')
    """

    def __init__(self) -> None:
        self._slugs: set[str] = set()

    def __call__(self, given: object, title: str) -> str:
        if isinstance(given, (str, int, float)) and not isinstance(given, bool):
            given = normalise_paper_id(str(given))
            if given:
                return given
        slug = candidate = slugify(title)
        for number in itertools.count(2):
            if candidate not in self._slugs:
                break
            candidate = f"{slug}-{number}"
        self._slugs.add(candidate)
        return candidate
