"""One name per system across papers: the `subject` of each claim folded to a system.

`resolve_systems(subjects)` gives each subject a key (what boards group by) and a name (what
they show):

1. A phrase that names no system ("our method", `board_vocab.systems`' '~' lines) is no
   system: key and name are empty, and boards group such claims per paper, as claims without a
   subject.
2. An alias in systems.txt is its canonical name ("o1" -> "OpenAI o1").
3. Case, spaces and punctuation are ignored ("DeepSeek R1" is "deepseek-r1").
4. A size suffix ("671B", "-7B", "1.5B") is dropped where the table names that system in one
   size only and also without a size: "DeepSeek-R1 671B" joins "DeepSeek-R1"; "Qwen2.5-7B" and
   "Qwen2.5-32B" stay two systems, and "Pangu-Ultra-MoE 718B" alone keeps its size.
5. The name shown is the canonical name of systems.txt, else the spelling the table uses most
   (of the unsized spellings where a size was dropped), ties to the first written.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

import regex

from .board_vocab import Systems, name_key, systems

#: A model size at the end of a name: "671B", "-7B", " 1.5B", "_340M", "1T".
SIZE_SUFFIX = regex.compile(r"[\s\-_]*\d+(?:\.\d+)?\s?[BMT]$", regex.IGNORECASE)


def resolve_systems(subjects: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Each distinct subject -> (system key, system name); ("", "") for no system.

    >>> found = resolve_systems(["DeepSeek-R1 671B", "DeepSeek R1", "Qwen2.5-7B", "Qwen2.5-32B",
    ...                          "Qwen2.5", "our method", "", "o1", "Pangu-Ultra-MoE 718B"])
    >>> found["DeepSeek R1"] == found["DeepSeek-R1 671B"], found["DeepSeek R1"][1]
    (True, 'DeepSeek-R1')
    >>> found["Qwen2.5-7B"][1], found["Qwen2.5-32B"][1], found["Qwen2.5"][1]
    ('Qwen2.5-7B', 'Qwen2.5-32B', 'Qwen2.5')
    >>> found["our method"], found[""], found["o1"][1], found["Pangu-Ultra-MoE 718B"][1]
    (('', ''), ('', ''), 'OpenAI o1', 'Pangu-Ultra-MoE 718B')
    """
    listed = systems()
    spellings: Counter[str] = Counter(subjects)
    key_of, sized = _subject_keys(spellings, listed)
    joins = _size_joins(key_of, sized)
    key_of = {subject: joins.get(key, key) for subject, key in key_of.items()}
    names = _shown_names(key_of, sized, set(joins.values()), spellings, listed)
    return {subject: (key, names[key]) if key else ("", "") for subject, key in key_of.items()}


def _subject_keys(spellings: Counter[str], listed: Systems
                  ) -> tuple[dict[str, str], dict[str, str]]:
    """Steps 1-3: each subject's key ("" for no system), and for each subject with a size
    suffix and no canonical name, the key of its name without the size."""
    key_of: dict[str, str] = {}
    sized: dict[str, str] = {}  # subject -> the key of its name without the size
    for subject in spellings:
        own = name_key(subject)
        if not own or listed.key_names_no_system(own):
            key_of[subject] = ""
            continue
        canonical = listed.canonical_of_key(own)
        key_of[subject] = name_key(canonical) if canonical else own
        size = SIZE_SUFFIX.search(subject) if canonical is None else None
        if size:
            sized[subject] = name_key(subject[:size.start()])
    return key_of, sized


def _size_joins(key_of: dict[str, str], sized: dict[str, str]) -> dict[str, str]:
    """Step 4: sized key -> the key it joins. A sized key whose base (the name without its
    size) is also named unsized, and which is the only size of that base, joins the base."""
    unsized = {key for subject, key in key_of.items() if key and subject not in sized}
    sizes_of_base: dict[str, set[str]] = {}
    for subject, base in sized.items():
        if base:
            sizes_of_base.setdefault(base, set()).add(key_of[subject])
    return {next(iter(keys)): base for base, keys in sizes_of_base.items()
            if len(keys) == 1 and base in unsized and next(iter(keys)) != base}


def _shown_names(key_of: dict[str, str], sized: dict[str, str], joined: set[str],
                 spellings: Counter[str], listed: Systems) -> dict[str, str]:
    """Step 5: key -> the name shown: the listed canonical name, else the most used spelling
    (a joined size's spellings do not count: the unsized name is shown)."""
    candidates: dict[str, Counter[str]] = {}
    for subject, key in key_of.items():
        if key:
            weight = 0 if subject in sized and key in joined else spellings[subject]
            candidates.setdefault(key, Counter())[subject] += weight
    return {key: listed.canonical_of_key(key) or max(counted, key=counted.__getitem__)
            for key, counted in candidates.items()}  # ties: first written
