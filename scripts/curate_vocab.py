#!/usr/bin/env python3
"""Curate the benchmark and metric vocabularies from the Papers with Code name lists.

    python scripts/curate_vocab.py [--sources DIR] [--check] [--report FILE]

Reads ``pwc-benchmarks.txt`` and ``pwc-metrics.txt`` from ``--sources`` (default: the
``CLAIMBOARD_VOCAB_SOURCES`` environment variable, else ``shared/vocab-sources`` beside the
repository) and writes ``extract/data/benchmarks-pwc.txt`` and ``extract/data/metrics-pwc.txt``
in the grammar of ``benchmarks.txt`` and ``metrics.txt``. ``--check`` writes nothing and exits 1
if the files in the repository differ from what the rules make now; ``--report FILE`` writes
every decision (raw name, outcome, canonical name, rule) as tab-separated lines, for review.

The raw lists are noisy (their README): spam and injected SQL, task splits ("COCO test-dev"),
settings ("F1 (5% Few-Shot)"), ordinary words ("Cell"). Every rule that decides what a raw name
becomes is declared as data below, in the order the curation applies it; the functions only run
them. The output is deterministic: the same lists and the same word list give the same files.

**Ordinary English words** are told by the English word list of the ``wordfreq`` package
(``pip install wordfreq==3.1.1``; it is in the ``test`` extra): a word is ordinary if English
uses it at least once per million words (Zipf frequency >= 3). Its frequencies come from
subtitles, news, books, Wikipedia and the web, so ordinary technical words ("segmentation",
"sql", "mri") count too, which a list of common words alone would miss; its data is frozen
(the project announced no further updates), so the curation reproduces. A benchmark name made
only of ordinary words is left out ("Cell", "Weather", "Hate Speech and Offensive Language"),
except one word written as an acronym ("SCOPE"), which is kept quoted (case-sensitive). A metric
that is one ordinary word is left out ("Kitchen"); metric names are mostly English phrases
("mean reward"), so longer ones stay.

**The hand-kept files win.** A raw name that ``benchmarks.txt`` or ``metrics.txt`` already knows,
as written or in any of its folded forms, is left out here; so is a spelling of another
vocabulary (a metric or an accelerator is never a benchmark).

Papers with Code data is licensed CC BY-SA 4.0; the generated files say so in their header.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extract.engine import vocab  # noqa: E402  (the repository's own package)
from extract.engine.vocab import Vocabulary, fold  # noqa: E402

DATA = ROOT / "extract" / "data"
SOURCES_VARIABLE = "CLAIMBOARD_VOCAB_SOURCES"
DEFAULT_SOURCES = ROOT.parent / "shared" / "vocab-sources"

# =============================================================================================
# The rules, as data
# =============================================================================================

# --- the English word list -------------------------------------------------------------------

WORDLIST_PACKAGE = "wordfreq"
WORDLIST_VERSION = "3.1.1"
#: From this Zipf frequency on (once per million words) a word is ordinary English.
ORDINARY_ZIPF = 3.0
#: From this one on (once per hundred million words) a word is English, if rare: a single-word
#: benchmark name that is one ("Meshes", "BotNet", "Haystack") is kept only quoted, in the case
#: it is written, since technical text uses many rarer words in lower case ("meshes", "botnet").
ENGLISH_ZIPF = 2.0
#: Endings of plurals and verb forms: a word is as ordinary as its stem ("Datasets", "Scenes").
INFLECTIONS = ("es", "s")

# --- rules for both lists --------------------------------------------------------------------

#: Typographic characters, written as text more often writes them.
PLAIN_FORMS = {"\u2019": "'", "\u2018": "'", "\u2013": " - ", "\u2014": " - ", "\u2212": "-",
               "\u00a0": " "}

#: Raw lines that are no names at all, and why: a raw name that one of these finds is left out.
JUNK: tuple[tuple[str, str], ...] = (
    ("spam", r"(?i)expedia|quickbooks|refund|customer service|\bfaqs?\b|^how\b|\?"),
    ("injected SQL", r"(?i)'\s*(?:and|or)\s|\d\s*\*\s*\d|'\s*=\s*'|/\*"),
    ("markup", r"^[^\w(]|[\[\]{}~|^<>]|!!|\*"),
    ("no letter", r"^[\W\d_]*$"),
    ("a sentence", r"(?i)\b(?:et al|a new|we|our|you|your|how to)\b|\.$|^(?:\S+\s+){8,}\S"),
    ("a file name or address", r"(?i)\.(?:com|org|net|csv|json|txt)\b|https?:|\w/\w+/"),
)

#: Letters of other scripts in these lists are spam; names are written in Latin or Greek.
LETTER_SCRIPTS = ("LATIN", "GREEK")

#: Characters a kept name may hold besides letters and digits.
NAME_PUNCTUATION = " -_.+'&/,:@"

# --- benchmarks ------------------------------------------------------------------------------

#: Folds that cut a setting, a split or a subtitle off a benchmark name, in this order and again
#: until none changes it. What they cut names one leaderboard of the benchmark ("COCO test-dev",
#: "CIFAR-10 (partial ratio 0.3)"), so the benchmark is the name without it.
BENCHMARK_SETTINGS: tuple[tuple[str, str], ...] = (
    # "The BioScope": running text writes its own article, and "a" would join a name ("A-acc")
    ("article", r"^(?:[Tt]he|[Aa]n?)[\s_-]+(?=\w)"),
    # "BSD100 - 2x upscaling", "TXL-PBC: a freely accessible ...", "COCO-20i -> Pascal VOC"
    ("subtitle", r"\s*(?:\s[-:]+\s|:\s|->|--).*$|:$"),
    # "DAVIS 2017 (val)", "VTAB-1k(Natural<7>)", "Obstacle Tower (No Gen) fixed"
    ("setting in parentheses", r"\s*\(.*$"),
    # "BSD68 CS=50%", "CIFAR-100 alpha=0.5"
    ("setting with a value", r"\s+\S*=.*$"),
    # "COCO test-dev", "DUTS-test", "ImageNet val", "Flickr30k Entities Dev", "mini-dev"
    ("split", r"(?i)[\s_-]+(?:(?:mini|public|private|official|count)[\s_-]?)?"
              r"(?:test|val|dev|train|valid|validation|testing|training|minival|minitest"
              r"|test[\s_-]?dev|test[\s_-]?std|test[\s_-]?challenge|test[\s_-]?[ab]|val\d{4}"
              r"|test\d{4}|minval|test[\s_-]?(?:clean|other)|dev[\s_-]?(?:clean|other)|te|tr)"
              r"(?:[\s_-]?(?:set|split|subset|data))?$"),
    # "CLINC150 10-shot", "Set5 4x upscaling", "BSD68 sigma30", "KITTI Cars Hard"
    ("setting", r"(?i)[\s_]+(?:\d+[\s-]?shot|zero[\s-]?shot|few[\s-]?shot|\d+[\s-]?way"
                r"|\d+x(?:\s*upscaling)?|x\d+|sigma\s?\d+|\d+(?:\.\d+)?%|\d+p|\d+x\d+"
                r"|\d+\s?(?:classes|tasks|steps|hops|clients|labels|frames|scenes)"
                r"|multivariate|univariate|easy|moderate|medium|hard|overall|full)$"),
)

#: Parts a benchmark is written with or without: the word "dataset" and the like, or a year of
#: one benchmark ("COCO 2017"). The shortest form that makes a usable name becomes the
#: canonical one; "ACE 2005" stays whole, since "ACE" alone is too short. Versions are not
#: folded: "OpenLane-V2" and "SQuAD 2.0" are leaderboards of their own.
BENCHMARK_SHORTENINGS: tuple[tuple[str, str], ...] = (
    ("a generic word", r"(?i)[\s_-]+(?:dataset|data\s?set|benchmark|corpus|database|data"
                       r"|challenge|competition|collection|suite)$"),
    ("a year", r"[\s_-]+(?:19[89]\d|20[0-3]\d)$"),
)

#: Never a benchmark although the list has it: companies, platforms and models (spec section 4:
#: a model, a metric, a method or a company is never a benchmark).
NOT_BENCHMARKS = frozenset("""
amazon apple baidu bing facebook flickr github google instagram linkedin meta microsoft netflix
openai pinterest quora reddit spotify stackoverflow tiktok tumblr twitter weibo wikipedia yahoo
youtube yelp chatgpt bert llama
sota llm llms vlm vlms mllm mllms lvlm nlp gpt gpts api apis gpu gpus cpu cpus tpu cnn cnns rnn
lstm gan gans vae mlp gnn gnns vit vits rag moe lora rlhf dpo ppo grpo sft asr tts ocr vqa ner
""".split())

#: Spellings that mark a name as a made-up one although its words are ordinary: a number or
#: version joined to a word by a hyphen ("Office-31", "Humanoid-v2"), a version after a word
#: ("Speech Commands v2"). Not "COVID-19", which ordinary text writes.
NAMED_BY_NUMBER = r"(?i)(?<!covid)[a-z]-v?\d+\b|\bv\d+(?:\.\d+)*\b"

#: A word written as an acronym: two capitals or more, or a capital after a small letter
#: ("SUN RGB-D", "rounD"). A name of ordinary words with one is quoted rather than left out.
ACRONYM_WORD = r"\b(?:[A-Z]{2,}[a-z]*|[a-z]+[A-Z]\w*)\b"

#: A description rather than a name: it opens with a generic word ("Dataset for Post-OCR Text
#: Correction in Sanskrit") or runs to six words or more; no abstract writes it as a name.
DESCRIPTION = r"(?i)^(?:dataset|data|benchmark|corpus|database|collection)\b|^(?:\S+\s+){5,}\S"

#: A name with fewer letters and digits than this is left out: short acronyms stand for too
#: many things ("CTC", "PD", "SRD"; "O3" is a model, "R1" too).
SHORTEST_NAME = 4

# --- metrics ---------------------------------------------------------------------------------

#: Folds that cut a unit, a setting, a split or a subset off a metric name, in this order and
#: again until none changes it ("Test Accuracy (%)" -> Accuracy, "F1 (5% Few-Shot)" -> F1).
METRIC_SETTINGS: tuple[tuple[str, str], ...] = (
    ("article", r"^(?:[Tt]he|[Aa]n?)[\s_-]+(?=\w)"),
    ("setting in parentheses", r"\s*\(.*$"),
    ("subtitle", r"\s*(?:\s[-:]+\s|:\s).*$"),
    ("a percent sign", r"^%\s*|\s*%$"),
    ("dangling word", r"(?i)\s+(?:in|on|of|at|for|with|by|per|over|and|or|w/o|vs\.?)$"),
    ("split", r"(?i)^(?:test|val|validation|dev|train|training|eval|overall|final|avg\.?|best"
              r"|average|seen|unseen|zero[\s-]?shot|few[\s-]?shot|\d+[\s-]?shot)[\s_-]+"
              r"|[\s_-]+(?:test|val|validation|dev|train|all|overall|avg|average)$"),
)

#: Direction rules, tried in this order on the metric's own words (what follows "@" or "at" is
#: a condition, not the metric: "Recall @ 1% FPR" is a recall): the first rule with a word in
#: the name decides. Words in capitals match in capitals only ("PER" is an error rate, "per"
#: a preposition). A metric that no rule decides is left out, and so is one an "undecided"
#: rule names: a bias, a gap or a count is better higher for some and lower for others.
METRIC_DIRECTIONS: tuple[tuple[str, str], ...] = (
    ("undecided", r"bias|gap|difference|diff|delta|ratio|number|count|epochs?|steps?|length"
                  r"|temperature|1-nna|motp|params?|parameters|size|flops?|macs|speed|variance"
                  r"|std|stdev|learning rate|bit[\s-]?rate|bd[\s-]?rate|bsq[\s-]?rate|coverage"
                  r"|GPT-\S+|sparsity|(?<!mean )(?<!median )rank(?![\s-]?\d)"),
    ("lower", r"errors?|err|loss|distance|dist|divergence|discrepancy|perplexity|ppl|latency"
              r"|time|runtime|seconds|wer|cer|mae|mse|rmse|nrmse|mape|smape|nll|bpc|bpd|bpb"
              r"|bits[\s-]per[\s-]\w+|eer|min[\s-]?dcf|t-dcf|dcf|fid|fvd|kid|sfid|lpips|dists"
              r"|niqe|brisque|mpjpe|pa[\s-]mpjpe|mpvpe|pve|fde|ate|aepe|epe|nme|hd95|assd"
              r"|emd|miss[\s-]rate|fnmr|fmr|frr|fpr|fnr|false|regret|cost|memory"
              r"|absrel|abs[\s-]rel|sqrel|sq[\s-]rel|ece|brier|violations?|collisions?"
              r"|infractions?|deviation|mate|mase|maoe|mave|maae|noc|mcd|p[\s-]?value|drop"
              r"|forgetting|hamming|one[\s-]error|medr|log[\s-]?loss|hallucinations?"
              r"|mean rank|median rank|levenshtein|kld|kl|mmd|jsd|(?:min)?ade|(?:min)?fde"
              r"|PER|TER|MR|CD|HD|FAR|ADE|APE|RPE|RRE|RTE|ASD|MDE"),
    ("higher", r"acc|accuracy|accuracies|precision|prec|recall|f1|f[\s-]?score|f[\s-]?measure"
               r"|f0\.5|f2|fbeta|ap\d*|map\d*|ar\d*|auc|auroc|aupr|auprc|roc[\s-]auc|iou|miou"
               r"|dice|dsc|bleu[\s-]?\d?|rouge\S*|meteor|cider\S*|spice|chrf\S*|gleu|bleurt"
               r"|comet|bertscore|psnr|ssim|ms[\s-]ssim|score|success|spl|reward|rewards"
               r"|return|correlation|coefficient|kappa|mcc|r2|r²|spearman|pearson|kendall"
               r"|ndcg\S*|mrr\S*|hits?\S*|recall@\S*|r@\S*|precision@\S*|p@\S*|pass@\S*"
               r"|top[\s-]?\d+|rank[\s-]?\d+|minp|mota|idf1|hota|assa|deta|sdr\S*|si[\s-]sdr\S*"
               r"|si[\s-]snr\S*|snr|pesq|stoi|mos|utmos|exact[\s-]match|win|elo|completion"
               r"|agreement|quality|fidelity|throughput|fps|speedup|efficiency|sensitivity"
               r"|specificity|tpr|tnr|pck\S*|pdj\S*|maph|nds|rate|jaccard|purity|nmi|ari"
               r"|modularity|overlap|similarity|coherence|diversity|fluency|relevance"
               r"|faithfulness|gain|utility|c[\s-]index|concordance|consistency|plcc|srcc|srocc"
               r"|krcc|[sev][\s-]measure|corloc|smatch|clipsim|ndtw|infap"
               r"|PQ|SQ|RQ|SR|EM|IS|SIR|SAR"),
)

#: Not metrics although they are no ordinary words: subsets and datasets named in a metric
#: column of the evaluation tables.
NOT_METRICS = frozenset("hico".split())

#: A bare rank with no measure after it ("top-1", "rank-5"): in running text it is as often
#: "the top 1% of samples" or "a rank-1 update" (the hand file says so for top-1).
BARE_RANK = r"(?i)^(?:top|rank)[\s-]?\d+$"

#: A metric column of one subset or condition, in words ("accuracy of Extraversion", "1-of-100
#: accuracy", "accuracy after last sequence"): the measure is another metric's, or unclear.
METRIC_OF_A_SUBSET = r"(?i)[\s_-](?:of|on|in|for|after|with|without|to|at|by|from|under|over)[\s_-]"

#: A metric name with fewer letters and digits than this is left out: two-letter acronyms
#: stand for too much ("PQ" is product quantization in retrieval, "SR" super-resolution).
SHORTEST_METRIC = 3

# =============================================================================================
# The curation
# =============================================================================================


@dataclass(frozen=True, slots=True)
class Decision:
    """What became of one raw name."""

    raw: str
    outcome: str        # "kept" (as or into `name`), "known" (the hand file has `name`), "out"
    name: str
    rule: str


def _compiled(rules: Iterable[tuple[str, str]]) -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((name, re.compile(pattern)) for name, pattern in rules)


#: What may stand glued before a metric's word: mean, weighted, instance, minimum ("mDice",
#: "wAcc", "iRMSE", "minADE").
METRIC_PREFIX = r"(?:m|w|i|min)?"


def _word_rule(words: str) -> re.Pattern:
    """A direction rule's words as a pattern: whole words, perhaps after METRIC_PREFIX; words
    in capitals match in capitals only."""
    alternatives = [w if w.isupper() else f"(?i:{METRIC_PREFIX}(?:{w}))" for w in words.split("|")]
    return re.compile(rf"(?<![\w@])(?:{'|'.join(alternatives)})(?![\w@])")


_JUNK = _compiled(JUNK)
_BENCHMARK_SETTINGS = _compiled(BENCHMARK_SETTINGS)
_BENCHMARK_SHORTENINGS = _compiled(BENCHMARK_SHORTENINGS)
_METRIC_SETTINGS = _compiled(METRIC_SETTINGS)
_METRIC_DIRECTIONS = tuple((direction, _word_rule(words)) for direction, words in METRIC_DIRECTIONS)
_TOKEN = re.compile(r"[^\W_]+")
_YEAR = re.compile(r"19[89]\d|20[0-3]\d")
_NAMED_BY_NUMBER = re.compile(NAMED_BY_NUMBER)
_ACRONYM_WORD = re.compile(ACRONYM_WORD)
_CONDITION = re.compile(r"\s*@\s.*$|\s+at\s.*$")
_EDGE = " -_,:"


def plain(raw: str) -> str:
    """A raw name with typographic characters in their plain form, spaces collapsed and a
    trailing "!" or "*" dropped ("CausalChaos!")."""
    text = unicodedata.normalize("NFC", raw)
    for typographic, plain_form in PLAIN_FORMS.items():
        text = text.replace(typographic, plain_form)
    return " ".join(text.split()).rstrip("!* ")


def junk_reason(name: str) -> str | None:
    """Why `name` is no name at all (spam, injected SQL, a sentence ...), or None."""
    for reason, pattern in _JUNK:
        if pattern.search(name):
            return reason
    if any(char.isalpha() and not unicodedata.name(char, "").startswith(LETTER_SCRIPTS)
           for char in name):
        return "a script other than Latin or Greek"
    return None


def unusable_reason(name: str) -> str | None:
    """Why `name` cannot stand in a data file as a name found in running text, or None."""
    if not name or not name[0].isalnum():
        return "does not start with a letter or a digit"
    if any(not (char.isalnum() or char in NAME_PUNCTUATION) for char in name):
        return "holds characters no name here is written with"
    if not (name[-1].isalnum() or name[-1] in "+'"):
        return "ends with punctuation"
    if re.search(r"[\s_-]{2}", name):
        return "two separators in a row, which find_all reads as one at most"
    return None


def folded(name: str, rules: Sequence[tuple[str, re.Pattern]]) -> str:
    """`name` with every rule applied, in order and again until none changes it."""
    changed = True
    while changed:
        changed = False
        for _, pattern in rules:
            shorter = pattern.sub("", name).strip(_EDGE)
            if shorter and shorter != name:
                name, changed = shorter, True
    return name


def shortenings(name: str) -> list[str]:
    """`name` and its shorter forms by BENCHMARK_SHORTENINGS, longest first."""
    forms = [name]
    while True:
        for _, pattern in _BENCHMARK_SHORTENINGS:
            shorter = pattern.sub("", forms[-1]).strip(_EDGE)
            if shorter and shorter != forms[-1]:
                forms.append(shorter)
                break
        else:
            return forms


class Words:
    """Ordinary English words (and rarer English ones), and the tests of names built on them."""

    def __init__(self, ordinary: Iterable[str], rare: Iterable[str] = ()) -> None:
        self.ordinary = frozenset(word.lower() for word in ordinary)
        self.english = self.ordinary | frozenset(word.lower() for word in rare)

    @classmethod
    def from_wordlist(cls) -> "Words":
        """The ordinary words of the pinned word list (see the module's docstring)."""
        try:
            import wordfreq
            from importlib.metadata import version
        except ImportError:
            sys.exit(f"curate_vocab: needs {WORDLIST_PACKAGE}=={WORDLIST_VERSION} "
                     f"(pip install '{WORDLIST_PACKAGE}=={WORDLIST_VERSION}')")
        if (found := version(WORDLIST_PACKAGE)) != WORDLIST_VERSION:
            sys.exit(f"curate_vocab: needs {WORDLIST_PACKAGE}=={WORDLIST_VERSION}, found "
                     f"{found}: another word list makes other files")
        frequency = {word: wordfreq.zipf_frequency(word, "en", "best")
                     for word in wordfreq.iter_wordlist("en", "best")}
        return cls((word for word, zipf in frequency.items() if zipf >= ORDINARY_ZIPF),
                   (word for word, zipf in frequency.items() if ENGLISH_ZIPF <= zipf < ORDINARY_ZIPF))

    def is_distinctive(self, token: str) -> bool:
        """Whether ordinary English does not use `token`: a made-up word, a code, a year
        (other numbers are ordinary: "12 Scenes")."""
        if token.isdigit():
            return _YEAR.fullmatch(token) is not None
        return not self._in(token.lower(), self.ordinary)

    def is_english(self, token: str) -> bool:
        """Whether `token` is an English word, ordinary or rare."""
        return not token.isdigit() and self._in(token.lower(), self.english)

    @staticmethod
    def _in(word: str, words: frozenset[str]) -> bool:
        return word in words or any(word.endswith(ending) and word[:-len(ending)] in words
                                    for ending in INFLECTIONS)

    def all_ordinary(self, name: str) -> bool:
        """Whether `name` is made of ordinary words only, and not numbered like a name; or
        is one ordinary word with its separators left out, as text may write it ("e-ViL"
        finds "evil")."""
        joined = _TOKEN.fullmatch(fold(name))
        return (joined is not None and not self.is_distinctive(joined[0])) or (
            _NAMED_BY_NUMBER.search(name) is None
            and not any(map(self.is_distinctive, _TOKEN.findall(name))))


def _letters_and_digits(name: str) -> str:
    return "".join(char for char in name if char.isalnum())


def written_as_acronym(name: str) -> bool:
    """Whether `name` has a word written as an acronym ("SCOPE", "SUN RGB-D", "CoLA")."""
    return _ACRONYM_WORD.search(name) is not None


class Curation:
    """One raw list curated against the hand-kept file of its kind: entries and decisions."""

    def __init__(self, words: Words, hand: Vocabulary, others: Iterable[Vocabulary]) -> None:
        self.words = words
        self.hand = hand
        self.others = tuple(others)
        self._hand_keys = {fold(alias.text): entry.canonical
                           for entry in hand.entries for alias in entry.aliases}
        self.decisions: list[Decision] = []
        #: folded canonical key -> spellings (as written), whether quoted, direction
        self.spellings: dict[str, dict[str, int]] = defaultdict(dict)
        self.quoted: dict[str, bool] = {}
        self.direction: dict[str, str] = {}
        #: folded alias key -> folded canonical keys that claim it
        self.alias_claims: dict[str, dict[str, str]] = defaultdict(dict)

    def known_by_hand(self, name: str) -> str | None:
        """The hand file's canonical name for `name`, in any case and spelling, or None."""
        # as the loader's merge rule tells it: any case, any separators, a template's instance
        return (self.hand.canonical(name) or self.hand.canonical(fold(name))
                or self._hand_keys.get(fold(name)))

    def known_elsewhere(self, name: str) -> bool:
        """Whether another vocabulary (metrics for benchmarks ...) knows `name`."""
        return any(other.canonical(name) for other in self.others)

    def decide(self, raw: str, outcome: str, name: str, rule: str) -> None:
        self.decisions.append(Decision(raw, outcome, name, rule))

    def keep(self, raw: str, canonical: str, quoted: bool, aliases: Iterable[str] = (),
             direction: str | None = None, exact: bool = False, rule: str = "kept") -> None:
        key = fold(canonical)
        # a spelling met as a raw name of its own is preferred as the canonical one
        self.spellings[key][canonical] = self.spellings[key].get(canonical, 0) + (2 if exact else 1)
        self.quoted[key] = self.quoted.get(key, False) or quoted
        if direction:
            self.direction.setdefault(key, direction)
        for alias in aliases:
            self.alias_claims[fold(alias)].setdefault(key, alias)
        self.decide(raw, "kept", canonical, rule)

    def lines(self) -> list[str]:
        """The entries as data-file lines, sorted by canonical name (case ignored)."""
        lines = []
        for key, spellings in self.spellings.items():
            ranked = sorted(spellings, key=lambda s: (-spellings[s], s.islower(),
                                                      -_separator_count(s), s))
            quoted = self.quoted[key]
            names = _distinct(ranked, quoted)
            names += sorted(_distinct(
                [alias for alias_key, claims in sorted(self.alias_claims.items())
                 if list(claims) == [key] and alias_key not in self.spellings
                 and not self.known_by_hand(alias := claims[key])], quoted))
            head, *aliases = (f'"{n}"' if quoted else n for n in names)
            if key in self.direction:
                head += f" [{self.direction[key]}]"
            lines.append(" = ".join([head, *aliases]))
        return sorted(lines, key=lambda line: (line.strip('"').casefold(), line))


def _separator_count(name: str) -> int:
    return sum(char in " -_" for char in name)


def _distinct(names: Iterable[str], quoted: bool) -> list[str]:
    """`names` less repeats: spellings equal but for case, unless quoted."""
    seen: set[str] = set()
    kept = []
    for name in names:
        key = name if quoted else name.casefold()
        if key not in seen:
            seen.add(key)
            kept.append(name)
    return kept


# --- benchmarks ------------------------------------------------------------------------------

def benchmark_verdict(name: str, curation: Curation) -> tuple[str, str]:
    """("kept" | "quoted" | "out", rule) for one spelling of a benchmark name."""
    if (reason := unusable_reason(name)) is not None:
        return "out", reason
    if len(_letters_and_digits(name)) < SHORTEST_NAME:
        return "out", f"fewer than {SHORTEST_NAME} letters"
    if not any(char.isalpha() for char in name):
        return "out", "no letter"
    if re.search(DESCRIPTION, name):
        return "out", "a description"
    if name.casefold() in NOT_BENCHMARKS:
        return "out", "a company, a platform or a model"
    if curation.known_elsewhere(name):
        return "out", "a metric or an accelerator"
    if curation.words.all_ordinary(name):
        if written_as_acronym(name):
            return "quoted", "an ordinary word written as an acronym"
        return "out", "ordinary English words"
    if _TOKEN.fullmatch(name) and curation.words.is_english(name):
        return "quoted", "a rare English word"
    return "kept", "kept"


def curate_benchmarks(raw_names: Iterable[str], words: Words, hand: Vocabulary,
                      others: Iterable[Vocabulary]) -> Curation:
    """Junk out; settings and splits folded; the shortest usable form as canonical name;
    names the hand file knows, and ordinary words, left out."""
    curation = Curation(words, hand, others)
    for raw in raw_names:
        name = plain(raw)
        if (reason := junk_reason(name)) is not None:
            curation.decide(raw, "out", "", reason)
            continue
        forms = shortenings(folded(name, _BENCHMARK_SETTINGS))
        known = next(filter(None, map(curation.known_by_hand, (name, *forms))), None)
        if known is not None:
            curation.decide(raw, "known", known, "the hand file has it")
            continue
        verdicts = {form: benchmark_verdict(form, curation) for form in forms}
        usable = [form for form in reversed(forms) if verdicts[form][0] != "out"]
        if not usable:
            curation.decide(raw, "out", "", verdicts[forms[-1]][1])
            continue
        canonical = usable[0]
        aliases = [spelling for spelling in dict.fromkeys((name, *forms))
                   if needs_alias(spelling, canonical)
                   and benchmark_verdict(spelling, curation)[0] != "out"]
        curation.keep(raw, canonical, verdicts[canonical][0] == "quoted", aliases,
                      exact=canonical == name, rule=verdicts[canonical][1])
    return curation


def needs_alias(spelling: str, canonical: str) -> bool:
    """Whether text that writes `spelling` needs it as an alias to find `canonical`: not where
    `canonical` stands at its start as a whole word ("COCO test-dev" finds COCO), nor where it
    is `canonical` in other case or separators; nor where it holds a subtitle or a setting."""
    if fold(spelling) == fold(canonical) or re.search(r"[:,(/]|^(?i:the|an?)\s", spelling) \
            or len(spelling.split()) > len(canonical.split()) + 1:
        return False                # a subtitle or setting, not a spelling of the name
    return re.match(re.escape(canonical) + r"(?:\s|$)", spelling, re.IGNORECASE) is None


# --- metrics ---------------------------------------------------------------------------------

def metric_direction(name: str) -> tuple[str | None, str]:
    """The direction METRIC_DIRECTIONS gives the metric `name`, and the rule that gave it."""
    own_words = _CONDITION.sub("", name) or name
    for direction, pattern in _METRIC_DIRECTIONS:
        if (found := pattern.search(own_words)) is not None:
            if direction == "undecided":
                return None, f"direction undecided ({found[0]})"
            return direction, f"{direction} ({found[0]})"
    return None, "no direction rule names it"


def metric_spelling(name: str, words: Words) -> str:
    """The canonical spelling of a metric: lower case except acronyms and proper names
    (golden/README.md); a capitalised word keeps its capital unless it is an English word."""
    def word_case(match: re.Match) -> str:
        token = match[0]
        if token[0].isupper() and token[1:].islower() and words.is_english(token):
            return token.lower()
        return token
    return _TOKEN.sub(word_case, name)


def hand_metric_qualified(name: str, curation: Curation) -> str | None:
    """The hand file's metric that `name` is with ordinary words before it ("classification
    accuracy", "mean F1"), or None. Such a name is left out: the hand file's metric is found
    in it, and rows keep one metric name for leaderboards to group by."""
    words = name.split()
    for cut in range(1, len(words)):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if (known := curation.known_by_hand(tail)) and curation.words.all_ordinary(head):
            return known
    return None


def metric_verdict(name: str, curation: Curation) -> tuple[str, str]:
    """("kept" | "out", rule) for a metric name."""
    if (reason := unusable_reason(name)) is not None:
        return "out", reason
    tokens = _TOKEN.findall(name)
    if len(tokens) == 1 and not tokens[0].isdigit() and not curation.words.is_distinctive(tokens[0]) \
            and len(tokens[0]) == len(name):
        return "out", "an ordinary English word"
    if name.casefold() in NOT_METRICS:
        return "out", "not a metric"
    if re.match(BARE_RANK, name):
        return "out", "a bare rank"
    if re.search(METRIC_OF_A_SUBSET, name):
        return "out", "a subset or condition in words"
    if len(_letters_and_digits(name)) < SHORTEST_METRIC:
        return "out", f"fewer than {SHORTEST_METRIC} letters"
    if curation.known_elsewhere(name):
        return "out", "a benchmark or an accelerator"
    return "kept", "kept"


def curate_metrics(raw_names: Iterable[str], words: Words, hand: Vocabulary,
                   others: Iterable[Vocabulary]) -> Curation:
    """Junk out; units, settings and splits folded; names the hand file knows left out; the
    direction decided by METRIC_DIRECTIONS, or the metric left out."""
    curation = Curation(words, hand, others)
    for raw in raw_names:
        name = plain(raw)
        if (reason := junk_reason(name)) is not None:
            curation.decide(raw, "out", "", reason)
            continue
        stem = folded(name, _METRIC_SETTINGS)
        known = next(filter(None, map(curation.known_by_hand, (name, stem))), None)
        if known is not None:
            curation.decide(raw, "known", known, "the hand file has it")
            continue
        if (qualified := hand_metric_qualified(stem, curation)) is not None:
            curation.decide(raw, "known", qualified, "the hand file's metric, qualified")
            continue
        verdict, rule = metric_verdict(stem, curation)
        direction, direction_rule = metric_direction(stem)
        if verdict == "out" or direction is None:
            curation.decide(raw, "out", "", rule if verdict == "out" else direction_rule)
            continue
        curation.keep(raw, metric_spelling(stem, words), False, (), direction, exact=stem == name,
                      rule=direction_rule)
    return curation


# =============================================================================================
# Files
# =============================================================================================

HEADER = """\
# {what}: GENERATED by scripts/curate_vocab.py from {raw} -- do not edit by hand.
#
# Hand entries go into {hand}, which wins over this file: a name it knows is left out here
# when the curation runs, and left out when the two are loaded together. To change what this
# file holds, change a rule of the curation (each is declared as data in the script) and run
#     python scripts/curate_vocab.py
# The grammar is that of {hand}{direction_note}.
#
# Source: the Papers with Code archive (World-Snapshot/papers-with-code on GitHub, commit
# c50b88e), files results/*/*_tasks_detailed.csv and results/hierarchical/*_hierarchy.json,
# as listed in the project's shared/vocab-sources/{raw}.
# Licence: Papers with Code data is licensed CC BY-SA 4.0
# (https://creativecommons.org/licenses/by-sa/4.0/); this file, derived from it (names chosen,
# folded and quoted{derived_note}), is licensed CC BY-SA 4.0 too.
# Ordinary English words were told by the word list of {wordlist}=={wordlist_version}.
#
# {count} {unit}.
"""


@dataclass(frozen=True)
class Output:
    """One generated file: what it holds and where from."""

    what: str
    raw: str
    hand: str
    generated: str
    unit: str
    direction_note: str = ""
    derived_note: str = ""


BENCHMARKS = Output("Benchmarks and datasets", "pwc-benchmarks.txt", "benchmarks.txt",
                    "benchmarks-pwc.txt", "benchmarks")
METRICS = Output("Metrics with their directions", "pwc-metrics.txt", "metrics.txt",
                 "metrics-pwc.txt", "metrics",
                 direction_note="; every direction was decided by a rule of the script",
                 derived_note=", directions added")


def render(output: Output, curation: Curation) -> str:
    lines = curation.lines()
    header = HEADER.format(what=output.what, raw=output.raw, hand=output.hand,
                           direction_note=output.direction_note,
                           derived_note=output.derived_note, wordlist=WORDLIST_PACKAGE,
                           wordlist_version=WORDLIST_VERSION, count=f"{len(lines):,}",
                           unit=output.unit)
    return header + "\n" + "\n".join(lines) + "\n"


def read_raw(path: Path) -> list[str]:
    """The raw names of a list: one a line, blank lines skipped, each once, in file order."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return list(dict.fromkeys(line for line in lines if line.strip()))


def hand_file(name: str) -> Path:
    return DATA / name


def curate(sources: Path, words: Words) -> dict[Output, Curation]:
    """Both curations, each against its hand-kept file and the other vocabularies."""
    hand_benchmarks = Vocabulary.from_file(hand_file(BENCHMARKS.hand))
    hand_metrics = vocab.MetricVocabulary.from_file(hand_file(METRICS.hand))
    hardware = vocab.hardware()
    metrics = curate_metrics(read_raw(sources / METRICS.raw), words, hand_metrics,
                             [hand_benchmarks, hardware])
    benchmarks = curate_benchmarks(read_raw(sources / BENCHMARKS.raw), words, hand_benchmarks,
                                   [hand_metrics, hardware,
                                    vocab.MetricVocabulary.from_text(render(METRICS, metrics))])
    return {BENCHMARKS: benchmarks, METRICS: metrics}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", type=Path,
                        default=Path(os.environ.get(SOURCES_VARIABLE, DEFAULT_SOURCES)),
                        help="folder of pwc-benchmarks.txt and pwc-metrics.txt")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 if the data files are not what the rules make")
    parser.add_argument("--report", type=Path, help="write every decision to this TSV file")
    args = parser.parse_args(argv)
    if not (args.sources / BENCHMARKS.raw).is_file():
        parser.error(f"no {BENCHMARKS.raw} in {args.sources} (--sources or ${SOURCES_VARIABLE})")

    curations = curate(args.sources, Words.from_wordlist())
    stale = []
    for output, curation in curations.items():
        text = render(output, curation)
        path = DATA / output.generated
        counts = Counter(decision.outcome for decision in curation.decisions)
        print(f"{output.generated}: {len(curation.spellings):,} {output.unit} from "
              f"{len(curation.decisions):,} raw names ({counts['kept']:,} kept or folded in, "
              f"{counts['known']:,} known to {output.hand}, {counts['out']:,} left out)")
        if args.check:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(output.generated)
        else:
            path.write_text(text, encoding="utf-8")
    if args.report:
        with args.report.open("w", encoding="utf-8") as report:
            report.write("list\traw\toutcome\tname\trule\n")
            for output, curation in curations.items():
                for d in curation.decisions:
                    report.write(f"{output.raw}\t{d.raw}\t{d.outcome}\t{d.name}\t{d.rule}\n")
    if stale:
        print(f"out of date: {', '.join(stale)} (run python scripts/curate_vocab.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
