"""Cue words that tell what kind of claim a number makes, from the words around it.

Each cue is a named pattern; `kind_from_context` reads them in a fixed order: first the words
right after the number ("15% improvement", "3x faster", "35% fewer parameters"), then the
nearest verb before it ("reduces the FLOPs by 34.7%", "outperforms BM25 by 44%").
"""
from __future__ import annotations

import regex

from .patterns import CaseBlindCue, GatedCue

_I = regex.IGNORECASE | regex.VERBOSE

# What is measured: efficiency nouns split by what they say about a change.
SPEED_NOUN = r"(?:speed(?:[-\s]?up)?s?|throughputs?|acceleration|inference\s+speed|training\s+speed|decoding\s+speed|FPS|tokens?/s|RTFx|wall[-\s]?clock|efficiency)"
RESOURCE_NOUN = r"""(?:memory|(?:T|G|P)?FLOPs?|MACs|compute|computations?|computational\s+(?:cost|overhead)|
    parameters?|params|model\s+size|storage(?:\s+footprint)?|footprint|cost|costs|energy|carbon(?:\s+emissions?)?|
    data|training\s+data|steps|optimization\s+steps|GPUs?|GPU\s+hours|KV\s+cache|cache|latency|
    time|wall\s+time|training\s+time|inference\s+time|execution\s+time|bandwidth|communication|
    size|bits|non-zero\s+parameters|overhead|samples|tokens|power|weights)"""
QUALITY_NOUN = r"""(?:accuracy(?:\s+loss)?|error(?:\s+rate)?|loss|AP|mAP\S*|F1(?:[-\s]score)?|AUC\S*|
    pass@\d+|recall|precision|score|scores|performance|perplexity|PPL|FID|BLEU|NDCG\S*|MRR\S*|R@\d+|
    Dice|IoU|mIoU|win\s+rate|false\s+negatives|quality|variation\s+in\s+accuracy)"""

# Words right after the number (and its unit). Their gates let many texts through: on ASCII text
# the standard engine runs them (patterns.CaseBlindCue), several times cheaper.
RIGHT_SPEEDUP = CaseBlindCue(rf"""^\s*(?:[\w-]+\s+){{0,2}}?(?:faster|speed[-\s]?ups?|acceleration|
    (?:higher|better|more)\s+(?:\w+\s+)?{SPEED_NOUN}|{SPEED_NOUN}\s+(?:improvement|gain|increase|boost)|
    increase\s+in\s+(?:\w+\s+)?(?:throughput|speed|achievable\s+performance|performance)|
    shorter|quicker|better\s+latency|lower\s+latency|in\s+{SPEED_NOUN}|
    (?:\S+\s+){{0,2}}?(?:throughputs?|speed)(?!\s+loss)\b|as\s+fast)""",
    contains=("fast", "speed", "accelera", "throughput", "fps", "token", "rtfx", "wall", "efficien",
              "performance", "shorter", "quicker", "latency"),
    opening=r"""\s*(?:\S+\s+){0,2}(?:(?:in|as)\s+)?(?:fast|speed|accelera|higher|better|more|throughput|
        inference|training|decoding|fps|token|rtfx|wall|efficien|increase|shorter|quicker|lower)
        |\s*(?:\S+\s+){0,4}(?:throughput|speed)""")
# the stems of every word that may open the cue (RESOURCE_NOUN's among them): two texts in three
# after a number hold none, and the pattern costs ten times a plain look
RIGHT_REDUCTION = CaseBlindCue(rf"""^\s*(?:[\w-]+\s+){{0,2}}?(?:fewer|less|smaller|cheaper|reduction|
    savings?|saved|compression|decrease\s+in\s+{RESOURCE_NOUN}|lower\s+{RESOURCE_NOUN}|
    {RESOURCE_NOUN}\s+(?:reduction|savings?|during|while|and)|
    {RESOURCE_NOUN}\b(?=\s*[,.)(])|{RESOURCE_NOUN}(?=\s*$))""",
    contains=("fewer", "less", "smaller", "cheaper", "reduction", "sav", "compression", "decrease", "lower",
              "memory", "flop", "macs", "comput", "param", "model", "storage", "footprint", "cost", "energy",
              "carbon", "data", "step", "gpu", "cache", "latency", "time", "bandwidth", "communication",
              "size", "bits", "overhead", "samples", "tokens", "power", "weights"),
    opening=r"""\s*(?:\S+\s+){0,2}(?:fewer|less|smaller|cheaper|reduction|sav|compression|decrease|lower|
        memory|[tgp]?flop|macs|comput|param|model|storage|footprint|cost|energy|carbon|data|training|step|
        optimization|gpu|kv|cache|latency|time|wall|inference|execution|bandwidth|communication|size|bits|
        non-zero|overhead|samples|tokens|power|weights)""")
# "only 27.7% of the data": a fraction of a resource, a reduction only after "only"/"just"
RIGHT_FRACTION_OF = regex.compile(rf"^\s*of\s+(?:the\s+)?(?:\w+\s+)?{RESOURCE_NOUN}\b", _I)
RIGHT_LOSS = CaseBlindCue(rf"""^\s*(?:[\w-]+\s+){{0,2}}?(?:lower|worse|drop|decrease|degradation|
    loss|decline|reduction\s+in\s+(?:\w+\s+)?{QUALITY_NOUN}|relative\s+reduction\s+in\s+(?:\w+\s+)?{QUALITY_NOUN}|
    (?:relative\s+)?(?:error|perplexity|WER|CER|FID)\s+(?:rate\s+)?reduction)\b""",
    contains=("lower", "worse", "drop", "decrease", "degradation", "loss", "decline", "reduction"),
    opening=r"""\s*(?:\S+\s+){0,2}(?:lower|worse|drop|decrease|degradation|loss|decline|reduction|relative|
        error|perplexity|wer|cer|fid)""")
RIGHT_GAIN = CaseBlindCue(r"""^\s*(?:\S+\s+){0,3}?(?:improvements?|gains?|higher|better|
    increase|boost|advantage|increments?|enhancement|more\s+accurate|variation)\b""",
    contains=("improvement", "gain", "higher", "better", "increase", "boost", "advantage", "increment",
              "enhancement", "more", "variation"),
    opening=r"""\s*(?:\S+\s+){0,3}(?:improvement|gain|higher|better|increase|boost|advantage|increment|
        enhancement|more|variation)""")
# Words ending the text before the number: "... by", "... from", "only".
LEFT_REDUCE_VERB = GatedCue(r"""\b(?:reduc\w*|decreas\w*|cut\w*|sav\w*|shrink\w*|compress\w*|
    lower\w*|saving|trim\w*|prun\w*)\b(?P<object>[^;]{0,60}?)\s+by\s*$""", ends_with=("by",))
LEFT_GAIN_VERB = GatedCue(r"""\b(?:improv\w*|increas\w*|boost\w*|rais\w*|outperform\w*|gains|
    surpass\w*|exceed\w*|beat\w*|enhanc\w*|advanc\w*|gain\w*|lead\w*|leads|ahead|
    better|higher|speed\w*\s+up|accelerat\w*)\b(?P<object>[^;]{0,80}?)\s+by\s*$""", ends_with=("by",))
LEFT_CHANGE_OF = GatedCue(r"""\b(?P<change>improvements?|gains?|increase|boost|drop|decrease|
    decline|degradation|loss|reduction)\s+(?:of|by)\s*$""", ends_with=("of", "by"))
SETTING_GLOSS = GatedCue(r"(?:configuration|pruning|sparsity|ratio|setting|\d/\d+)\s*\(\s*$", ends_with=("(",))
LEFT_REDUCE_DIRECT = GatedCue(r"\b(?:reduc\w*|sav\w*|cut\w*|eliminat\w*|prun\w*|remov\w*)\s+(?:\w+\s+){0,1}$",
                              contains=("reduc", "sav", "cut", "eliminat", "prun", "remov"))
DATA_AMOUNT_AFTER = regex.compile(
    r"^\s*of\s+(?:\w+\s+){0,2}?(?:speech|audio|video|data|recordings?|footage|transcribed|labeled|gameplay)\b", _I)
BEFORE_SETTING = GatedCue(r"""\b(?:ratio|sparsity|rate|threshold|dropout|temperature|budget|
    context\s+length|learning\s+rate)\s+(?:of\s+)?$""",
    ends_with=("of", "ratio", "sparsity", "rate", "threshold", "dropout", "temperature", "budget", "length"))
# "retains 98% of the original accuracy": a score stated as a fraction of a baseline's
FRACTION_OF_BASELINE = regex.compile(
    r"\b(?:retain\w*|recover\w*|preserv\w*|maintain\w*|achiev\w*|reach\w*|match\w*)\s+(?:over\s+|about\s+|nearly\s+|up\s+to\s+)?$", _I)
OF_A_BASELINE_AFTER = regex.compile(
    r"^\s*of\s+(?:the\s+)?(?:\S+\s+){0,2}?(?:original|baseline|full|dense|teacher|uncompressed|unpruned|\w+'s)\b", _I)
LEFT_ONLY = GatedCue(r"\b(?:only|just|merely|mere)\s*$", ends_with=("only", "just", "mere", "merely"))
LEFT_SCORE_WORD = GatedCue(r"\bscores?\s+(?:of|from)\s*$|\bscore\s+(?:is|was|of)\s*$",
                           ends_with=("of", "from", "is", "was"))
# "gains 2.1%", "lost 3 points": a verb right before the number tells the sign
LEFT_MOVE_VERB = GatedCue(r"\b(?P<verb>gains|gained|loses|lost)\s*$",
                          ends_with=("gains", "gained", "loses", "lost"))
# "improves the score of X from 45.1": a score, not a delta
LEFT_SCORE_FROM = GatedCue(r"\bscore\w*\b[^.]{0,40}\bfrom\s*$", ends_with=("from",))
SPEED_OBJECT = regex.compile(SPEED_NOUN, _I)
RESOURCE_OBJECT = regex.compile(RESOURCE_NOUN, _I)
QUALITY_OBJECT = regex.compile(QUALITY_NOUN, _I)
SPEED_WORDS = regex.compile(r"\b(?:faster|speed[-\s]?ups?|accelerat\w+|throughputs?)\b", _I)

# A number that states a limit or a setting, not a result ("under 50ms TPOT SLA"). Read after
# every number: on ASCII text the standard engine's anchored match over the lower-cased text
# costs less than a gate of its stems would.
CONSTRAINT_AFTER = CaseBlindCue(r"""^\s*(?:\w+\s+){0,1}?(?:SLA|SLO|constraints?|budget|limit|deadline|
    context|window|sparsity|sparse|of\s+peak|outliers|of\s+(?:the\s+)?
    (?:training|pre-?training)\s+(?:set|data)|of\s+data\b|epochs?|iterations?|through\b|bits?|precision)""")
# An amount of memory stated as background, not used by the system: "GPUs peaking at 80GB",
# "grown by 5x (16 GB to 80 GB)", "a GPU with 24 GB".
MEMORY_BACKGROUND_BEFORE = regex.compile(
    r"(?:peaking\s+at|capacity\s+of|grown\s+by|\bto|\bfrom|\bwith)\s*$", _I)
MEMORY_BACKGROUND_AFTER = regex.compile(r"\s*(?:of\s+(?:data|text|\w+\s+artifacts)|to\s+\d)", _I)

# Canonical names in data/metrics.txt that measure efficiency, not quality: a number beside them
# is never a score.
EFFICIENCY_MEASURES = frozenset({
    "latency", "TPOT", "TTFT", "ITL", "inference time", "training time", "execution time",
    "GPU hours", "throughput", "decode throughput", "prefill throughput", "training throughput",
    "inference throughput", "speedup", "speed", "inference speed", "training speed", "memory",
    "KV cache", "storage", "model size", "FLOPs", "MACs", "computation", "training compute",
    "parameters", "cost", "energy", "carbon emission", "energy efficiency",
})
