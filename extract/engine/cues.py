"""The cue words around a number that tell what kind of claim it makes: every cue declared once.

A cue is a pattern (a shape and its word lists) compiled by cue_compiler into the one object the
rules call (`cue.match(text)`, `cue.search(text)`, `cue.search_ending(text, ending)`); its
standard-engine twin and its gate are built from the declaration, never written by hand. The word
lists shared by several cues (nouns of speed, resources and quality; verbs of reduction, gain and
scoring) are written once, below, and the cues name them.

Shapes (cue_compiler): `opens(...)`: the text after a number opens with one of the phrases, after
at most `skip` words; `ends(...)`: the text before a number ends with one of them; `verb_by(...)`:
it ends with one of the verbs, its object, then "by". In a phrase a space stands for any white
space. The rule table (rules.py) says which cue decides what.
"""
from __future__ import annotations

from .cue_compiler import Cue, phrases


def opens(*alternatives: str, skip: int = 0, skip_word: str = r"[\w-]+", then: str = "") -> str:
    """A text that opens (white space first) with one of the phrases, after at most `skip`
    words (`skip_word`, then white space), then `then`."""
    gap = rf"(?:{skip_word}\s+){{0,{skip}}}?" if skip else ""
    return rf"^\s*{gap}{phrases(*alternatives)}{then}"


def ends(*alternatives: str, before: str = r"\b") -> str:
    """A text that ends with one of the phrases (`before` them), then perhaps white space."""
    return rf"{before}{phrases(*alternatives)}\s*$"


def verb_by(verbs: tuple[str, ...], reach: int) -> str:
    """A text that ends with one of the verbs, what it acts on (`object`, at most `reach`
    characters), then "by": "reduces the memory footprint by"."""
    return rf"\b{phrases(*verbs)}\b(?P<object>[^;]{{0,{reach}}}?)\s+by\s*$"


# --- the word lists --------------------------------------------------------------------------------
# What is measured: efficiency nouns split by what they say about a change.
SPEED_NOUNS = (r"speed(?:[-\s]?up)?s?", "throughputs?", "acceleration", "inference speed", "training speed",
               "decoding speed", "FPS", "tokens?/s", "RTFx", r"wall[-\s]?clock", "efficiency")
RESOURCE_NOUNS = ("memory", "(?:T|G|P)?FLOPs?", "MACs", "compute", "computations?",
                  "computational (?:cost|overhead)", "parameters?", "params", "model size",
                  "storage(?: footprint)?", "footprint", "cost", "costs", "energy", "carbon(?: emissions?)?",
                  "data", "training data", "steps", "optimization steps", "GPUs?", "GPU hours", "KV cache",
                  "cache", "latency", "time", "wall time", "training time", "inference time", "execution time",
                  "bandwidth", "communication", "size", "bits", "non-zero parameters", "overhead", "samples",
                  "tokens", "power", "weights")
QUALITY_NOUNS = ("accuracy(?: loss)?", "error(?: rate)?", "loss", "AP", r"mAP\S*", r"F1(?:[-\s]score)?",
                 r"AUC\S*", r"pass@\d+", "recall", "precision", "score", "scores", "performance", "perplexity",
                 "PPL", "FID", "BLEU", r"NDCG\S*", r"MRR\S*", r"R@\d+", "Dice", "IoU", "mIoU", "win rate",
                 "false negatives", "quality", "variation in accuracy",
                 # what a system makes fewer of is a quality too ("cut hallucinations by 80%")
                 r"\b(?:WER|CER|RMSE|MSE|MAE)\b", r"errors\b", r"hallucinat\w*", "false positives",
                 r"inconsisten\w*", "leakage", "divergence")
SPEED = phrases(*SPEED_NOUNS)
RESOURCE = phrases(*RESOURCE_NOUNS)
QUALITY = phrases(*QUALITY_NOUNS)

# Verbs that change an amount; each cue below names the lists it takes.
REDUCE_VERBS = (r"reduc\w*", r"decreas\w*", r"cut\w*", r"sav\w*", r"shrink\w*", r"compress\w*", r"lower\w*",
                r"trim\w*", r"prun\w*")
GAIN_VERBS = (r"improv\w*", r"increas\w*", r"boost\w*", r"rais\w*", r"outperform\w*", "gains", r"surpass\w*",
              r"exceed\w*", r"beat\w*", r"enhanc\w*", r"advanc\w*", r"gain\w*", r"lead\w*", "leads", "ahead",
              "better", "higher", r"speed\w* up", r"accelerat\w*")
# Verbs that state a score reached ("achieves 63.9 mAP"), and those that state one kept.
SCORE_VERBS = (r"achiev\w*", r"attain\w*", r"reach\w*", r"obtain\w*", r"scor\w*", r"record\w*", "get", "gets", "got")
KEEP_VERBS = (r"maintain\w*", r"preserv\w*", r"retain\w*")

# --- words right after the number (and its unit) ---------------------------------------------------
# "3x faster", "2x shorter wall time" ("48.4% shorter" alone, "10x shorter than that" speak of a
# length: a sequence, an answer, a slogan)
FASTER_WORDS = ("faster", "quicker", "snappier", r"shorter (?:\S+ ){0,2}?(?:time|times|runtime|latency|latencies|duration)",
                "as fast")
RIGHT_SPEEDUP = Cue(opens(
    *FASTER_WORDS, r"speed[-\s]?ups?", "acceleration",
    rf"(?:higher|better|more) (?:\w+ )?{SPEED}", rf"{SPEED} (?:improvement|gain|increase|boost)",
    r"increase in (?:\w+ )?(?:throughput|speed|achievable performance|performance)",
    "better latency", "lower latency", f"in {SPEED}",
    r"(?:\S+ ){0,2}?(?:throughputs?|speed)(?!\s+loss)\b", skip=2))
RIGHT_REDUCTION = Cue(opens(
    "fewer", "less", "smaller", "cheaper", "reduction", "savings?", "saved", "compression",
    f"decrease in {RESOURCE}", f"lower {RESOURCE}", f"{RESOURCE} (?:reduction|savings?|during|while|and)",
    rf"{RESOURCE}\b(?=\s*[,.)(])", rf"{RESOURCE}(?=\s*$)", skip=2))
# "only 27.7% of the data": a fraction of a resource, a reduction only after "only"/"just"
RIGHT_FRACTION_OF = Cue(opens(rf"of (?:the )?(?:\w+ )?{RESOURCE}", then=r"\b"))
RIGHT_LOSS = Cue(opens(
    "lower", "worse", "drop", "decrease", "degradation", "loss", "decline",
    rf"reduction in (?:\w+ )?{QUALITY}", rf"relative reduction in (?:\w+ )?{QUALITY}",
    "(?:relative )?(?:error|perplexity|WER|CER|FID) (?:rate )?reduction", skip=2, then=r"\b"))
# "30% lower memory usage", "an 82% decrease in computational cost": a fall of a resource is a
# reduction, not a delta (RIGHT_LOSS reads the same words before a quality)
RESOURCE_LOSS_AFTER = Cue(opens(rf"(?:lower|(?:decrease|drop|decline) in) (?:the )?{RESOURCE}", then=r"\b"))
# "a 0.159 BPB reduction": a bare number, a metric's name, then its fall (rules.py asks for the metric)
METRIC_FALL_AFTER = Cue(opens("reduction", "decrease", "drop", skip=2, skip_word=r"\S+", then=r"\b"))
RIGHT_GAIN = Cue(opens(
    "improvements?", "gains?", "higher", "better", "increase", "boost", "advantage", "increments?",
    "enhancement", "more accurate", "variation", skip=3, skip_word=r"\S+", then=r"\b"))
# "Qwen3-32B's 80.9 average score": a bare number that the word "score" follows is one
SCORE_WORD_AFTER = Cue(opens(r"(?:(?:average|overall|mean) )?scores?", then=r"\b"))
# "26.7% improved accuracy", "53% improved robustness": right after the number only (RIGHT_GAIN
# skips words, and "wav2vec 2.0 performance is improved" is no gain of 2.0)
IMPROVED_AFTER = Cue(opens("improved", then=r"\b"))
# "1.6x fewer generation length", "74.47% response length compression", "response length decreases
# by 71%": a difference in response length is no claim (golden/README.md), unlike tokens saved
_RESPONSE_LENGTH = r"(?:generation|response|output|reasoning|answer) lengths?"
RESPONSE_LENGTH_AFTER = Cue(opens(_RESPONSE_LENGTH, skip=2, then=r"\b"))
RESPONSE_LENGTH_BEFORE = Cue(ends(rf"{_RESPONSE_LENGTH} (?:\w+ ){{0,2}}by(?: up to| about| over)?"))
# "2x larger", "3x the number of": a size, not a gain
LARGER_AFTER = Cue(opens(
    "larger", "longer", "more", "bigger", "increase in (?:model )?size", "its size", "the size", "the number",
    skip=1, skip_word=r"\w+"))
# "1.5 times the parameters" (of another model): a share of a resource
RESOURCE_SHARE_AFTER = Cue(opens(r"the (?:\w+ ){0,2}(?:parameters|computation)"))
# "500 hours of speech": an amount of data, not a time taken
DATA_AMOUNT_AFTER = Cue(opens(
    r"of (?:\w+ ){0,2}?(?:speech|audio|video|data|recordings?|footage|transcribed|labeled|gameplay)", then=r"\b"))
OF_A_BASELINE_AFTER = Cue(opens(
    r"of (?:the )?(?:\S+ ){0,2}?(?:original|baseline|full|dense|teacher|uncompressed|unpruned|\w+'s)", then=r"\b"))
# "75.2% on MMLU": a score reported on something
ON_AFTER = Cue(opens("on "), case_blind=False)
# A number that states a limit or a setting, not a result ("under 50ms TPOT SLA"). Read after
# every number: the standard engine's anchored match costs less than any look before it.
CONSTRAINT_AFTER = Cue(opens(
    "SLA", "SLO", "constraints?", "budget", "limit", "deadline", "context", "window", "sparsity", "sparse",
    "of peak", "outliers", "of (?:the )?(?:training|pre-?training) (?:set|data)", r"of data\b", "epochs?",
    "iterations?", r"through\b", "bits?", skip=1, skip_word=r"\w+"), gate=False)
# An amount of memory stated as background, not used by the system: "grown by 5x (16 GB to 80 GB)".
MEMORY_BACKGROUND_AFTER = Cue(opens(r"of (?:data|text|\w+ artifacts)", r"to \d"))

# --- words ending the text before the number --------------------------------------------------------
LEFT_REDUCE_VERB = Cue(verb_by(REDUCE_VERBS, reach=60))
LEFT_GAIN_VERB = Cue(verb_by(GAIN_VERBS, reach=80))
# "a gain of", "a drop of": a change, its sign from the noun
# "speedups of over 13x": a speed-up named before the factor, whatever resource follows it
LEFT_SPEEDUP_OF = Cue(ends(r"speed[-\s]?ups? (?:of|by)"))
LEFT_GAIN_OF = Cue(ends(r"(?:improvements?|gains?|increase|boost) (?:of|by)"))
LEFT_DROP_OF = Cue(ends(r"(?:drop|decrease|decline|degradation|loss|reduction) (?:of|by)"))
# "gains 2.1%", "lost 3 points": a verb right before the number tells the sign
LEFT_GAIN_MOVE = Cue(ends("gains", "gained"))
LEFT_LOSS_MOVE = Cue(ends("loses", "lost"))
SETTING_GLOSS = Cue(ends(r"(?:configuration|pruning|sparsity|ratio|setting|\d/\d+)\s*\(", before=""))
LEFT_REDUCE_DIRECT = Cue(r"\b" + phrases(*REDUCE_VERBS, r"eliminat\w*", r"remov\w*") + r"\s+(?:\w+\s+){0,1}$")
BEFORE_SETTING = Cue(ends(r"(?:ratio|sparsity|rate|threshold|dropout|temperature|budget|context length|"
                          r"learning rate) (?:of )?"))
# "retains 98% of the original accuracy": a score stated as a fraction of a baseline's
FRACTION_OF_BASELINE = Cue(r"\b" + phrases(*KEEP_VERBS, r"recover\w*", r"achiev\w*", r"reach\w*", r"match\w*")
                           + r"\s+(?:over\s+|about\s+|nearly\s+|up\s+to\s+)?$")
LEFT_ONLY = Cue(ends("only", "just", "merely", "mere"))
# "using only 0.4% of the original contexts": a share of whatever the system uses is a reduction
LEFT_USING_ONLY = Cue(ends(r"(?:us\w*|requir\w*|need\w*|consum\w*) (?:only|just|merely)"))
LEFT_SCORE_WORD = Cue(r"\bscores?\s+(?:of|from)\s*$|\bscore\s+(?:is|was|of)\s*$")
# "improves the score of X from 45.1": a score, not a delta
LEFT_SCORE_FROM = Cue(r"\bscore\w*\b[^.]{0,40}\bfrom\s*$")
# "from 78% to 86%": the first number of a before/after pair
LEFT_FROM = Cue(ends("from"))
# "at 35% of the training FLOPs"
LEFT_AT = Cue(ends("at"), case_blind=False)
# "GShard, which has 1.5 times the parameters"
LEFT_HAS = Cue(ends("has"), case_blind=False)
# "within 5 hours", "every 10 s", "after 2 days": a span of time, not one taken
TIME_SPAN_BEFORE = Cue(ends("within", "every", "per", "after", "for"), case_blind=False)
# "pruning half of", "using a quarter of": a number word that is a share of what remains
SHARE_WORD_BEFORE = Cue(r"\b" + phrases(r"prun\w*", "only", r"reduc\w*", r"us\w+", "with") + r"\s+(?:\w+\s+){0,4}$")
# "(WeTok: 0.12 vs. FLUX-VAE: 0.18)": a value labelled with a name
LABEL_BEFORE = Cue(r"\b[A-Z][\w.-]*(?:\s[\w.]+)?\s*:\s*$", case_blind=False)
SCORE_VERB = Cue(r"\b" + phrases(*SCORE_VERBS, *KEEP_VERBS, r"yield\w*", "led with", r"resolv\w*", r"solv\w*",
                                  r"succeed\w* in", r"pass\w*", "(?:up|down) from", "=", r"scores? (?:of|with)") + r"\s*(?:an?\s+)?$")
SCORING_WORD = Cue(r"\b" + phrases(*SCORE_VERBS) + r"\s+(?:an?\s+)?$")
SCORE_MENTIONED = Cue("score")
# What may stand between a metric's name and its number: "accuracy of 98.8%", "AUC = 0.955"
METRIC_LINK = Cue(r"^\)?\s*(?:of|=|:|is|was|reaches|reaching|at|to|by|with)?\s*$")
MEMORY_BACKGROUND_BEFORE = Cue(ends("peaking at", "capacity of", "grown by", r"\bto", r"\bfrom", r"\bwith", before=""))

# --- words anywhere near the number -------------------------------------------------------------------
# read on the few words a verb acts on: a look for their many stems costs more than the twin
SPEED_OBJECT = Cue(SPEED, gate=False)
RESOURCE_OBJECT = Cue(RESOURCE, gate=False)
QUALITY_OBJECT = Cue(QUALITY, gate=False)
SPEED_WORDS = Cue(r"\b(?:faster|speed[-\s]?ups?|accelerat\w+|throughputs?)\b")
REDUCE_WORD = Cue(r"\b" + phrases(*REDUCE_VERBS, "cheaper"))
# in what "improves X by" acts on: "energy efficiency" is a resource's, "speed" a speed-up
EFFICIENCY_WORD = Cue("efficien")
SPEED_VERB_WORD = Cue(r"speed|accelerat")

# Canonical names in data/metrics.txt that measure efficiency, not quality: a number beside them
# is never a score.
EFFICIENCY_MEASURES = frozenset({
    "latency", "TPOT", "TTFT", "ITL", "inference time", "training time", "execution time",
    "GPU hours", "throughput", "decode throughput", "prefill throughput", "training throughput",
    "inference throughput", "speedup", "speed", "inference speed", "training speed", "memory",
    "KV cache", "storage", "model size", "FLOPs", "MACs", "computation", "training compute",
    "parameters", "cost", "energy", "carbon emission", "energy efficiency",
})
