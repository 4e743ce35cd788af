"""System names: which words of a sentence name a model or method, and the paper's own system."""
from __future__ import annotations

import functools
import re

import regex

from .patterns import ASCII_SPACE

# One token of a system name: "Vision-R1-7B", "RT-DETR-R50", "GPT-4o", "p-MoD", "docT5query".
_TOKEN = r"[A-Za-z0-9][\w.+]*(?:[-/][\w.+]+)*(?<![.])"
NAME_TOKEN = regex.compile(rf"(?<![\w-]){_TOKEN}(?![\w-])")

# ASCII text, the usual case, is scanned for the tokens that can be a system name only: a token
# is one only if a capital or a digit follows its first character (see is_system_token). Tokens
# lie in runs of token characters, and a token starting inside a run has no character the run
# lacks after its own first one: the token pattern is needed in the runs with a capital or
# digit after their first character only. These are found with bytes.find on the text's
# characters reduced to their classes; the token pattern, which the engine would try at every
# position, runs inside them.
_CAPITAL_OR_DIGIT, _LOWER_TOKEN_CHAR, _NO_TOKEN_CHAR = b"A", b"a", b" "
_TOKEN_CHAR_CLASSES = bytes.maketrans(
    bytes(range(128)),
    bytes(_CAPITAL_OR_DIGIT[0] if chr(code) in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789" else
          _LOWER_TOKEN_CHAR[0] if chr(code) in "abcdefghijklmnopqrstuvwxyz_.+/-" else
          _NO_TOKEN_CHAR[0] for code in range(128)))
# A capital or digit first in its run makes no token a name: it is classed as lower-case
_RUN_FIRST_CAPITAL, _RUN_FIRST_LOWER = _NO_TOKEN_CHAR + _CAPITAL_OR_DIGIT, _NO_TOKEN_CHAR + _LOWER_TOKEN_CHAR
# NAME_TOKEN after a character that is not a token character, the look-behind's condition: the
# standard engine skips to such characters at C speed. It reads \w as `regex` does on ASCII text.
_TOKEN_AFTER_NON_TOKEN_CHAR = re.compile(rf"[^\w-](?P<token>{_TOKEN})(?![\w-])")
# `own` may be a token that is no system name and that _candidate_tokens leaves out
_OWN_MAY_BE_LEFT_OUT = re.compile(r".[a-z_.+/-]*", re.DOTALL)


def _candidate_tokens(text: str, own: str = "") -> list[tuple[int, int]]:
    """Spans of the NAME_TOKEN matches in `text`, in order, some of those that can be neither a
    system name nor `own` left out."""
    if not text.isascii() or _OWN_MAY_BE_LEFT_OUT.fullmatch(own):
        return [match.span() for match in NAME_TOKEN.finditer(text)]
    # the first and the last run, too, lie between characters that are no token characters
    spaced = f" {text} "
    classes = spaced.encode("ascii").translate(_TOKEN_CHAR_CLASSES).replace(
        _RUN_FIRST_CAPITAL, _RUN_FIRST_LOWER)
    spans = []
    capital = classes.find(_CAPITAL_OR_DIGIT)
    while capital >= 0:
        run_end = classes.find(_NO_TOKEN_CHAR, capital)
        position = classes.rfind(_NO_TOKEN_CHAR, 0, capital)  # where the run's scan starts
        while position < run_end and \
                (token := _TOKEN_AFTER_NON_TOKEN_CHAR.search(spaced, position, run_end)):
            position = token.end()
            spans.append((token.start("token") - 1, position - 1))
        capital = classes.find(_CAPITAL_OR_DIGIT, run_end)
    return spans


# Capitalised words and acronyms that name no system: field jargon, hardware classes, metrics.
NOT_SYSTEM = frozenset("""
AI ML DL RL RLHF RLVR SFT DPO PPO GRPO LLM LLMs MLLM MLLMs VLM VLMs LM LMs NLP CV CNN CNNs RNN
RNNs GAN GANs ViT ViTs MLP MLPs MoE MoEs GPU GPUs TPU TPUs NPU NPUs CPU CPUs SOTA SoTA CoT QA
KV FLOPs FLOP TFLOPs MACs API APIs URL FP8 FP16 FP32 BF16 INT8 INT4 OOD NAS DNN DNNs DST CL UOT
ROI RAG ESG TTS LoRA I II III IV We Our It This These Our Its The A An In On For With By To
Experimental Experiments Results Extensive Comprehensive Code Notably However Moreover Furthermore
Additionally Specifically Finally Overall Further Also Compared Despite When While Using After
Evaluated Evaluation Training Inference Empirically Impressively Importantly Thus Therefore Here
Among Across Unlike Like Such As First Second Third Last TFLOPS FPS Transformer Transformers MRAs
bfloat16 float16 float32 fp16 fp32 bf16 int8 int4 FP4 FP6 TLS CLS AUC_ROC SoTA SOTA
""".split())

# "we propose X", "dubbed X": where an abstract names its own system.
_WE_PROPOSE = (r"we\s+(?:\w+ly\s+|then\s+|also\s+|further\s+|here\s+)?(?:propose|introduce|present|"
               r"develop|design|build|call|name)")
_NAMING_WORDS = ("dubbed", "called", "named", "termed", "coined")
_PROPOSAL = regex.compile(rf"\b(?:{'|'.join((_WE_PROPOSE, *_NAMING_WORDS))})\b(?P<after>[^.]{{0,160}})",
                          regex.IGNORECASE)
_OUR_NAME = regex.compile(rf"\bour\s+(?:proposed\s+|new\s+)?(?P<name>{_TOKEN})")

# Their twins for ASCII text, the usual case, on the standard engine, which tries a pattern
# starting with \b at every position but skips at C speed to a literal start: the look-behind
# that stands for \b follows each word's first two letters. The proposal twins run on the
# lower-cased text (the same offsets), a case-sensitive search being cheaper, and without the
# naming words where the text has none, as then they cannot match: two literal letters skip
# faster than an alternation's first letters. \w means the same to both engines on ASCII text,
# \s does not: it is spelled out.
_ASCII_SPACE = f"[{ASCII_SPACE}]"


def _at_word_start(*words: str) -> str:
    r"""`\b(?:word|...)` for the standard engine, \s spelled out as `regex` reads it in ASCII."""
    return "|".join(rf"{word[:2]}(?<!\w..){word[2:]}".replace(r"\s", _ASCII_SPACE) for word in words)


_PROPOSAL_ASCII = re.compile(rf"(?:{_at_word_start(_WE_PROPOSE, *_NAMING_WORDS)})\b(?P<after>[^.]{{0,160}})")
_WE_PROPOSE_ASCII = re.compile(rf"(?:{_at_word_start(_WE_PROPOSE)})\b(?P<after>[^.]{{0,160}})")
_OUR = _at_word_start(r"our\s+")
_OUR_NAME_ASCII = re.compile(rf"{_OUR}(?:proposed{_ASCII_SPACE}+|new{_ASCII_SPACE}+)?(?P<name>{_TOKEN})")

# "we present Fuyou, a low-cost training framework": a capitalised word set off by a comma
_APPOSITION = regex.compile(r"^\s*(?:(?:a|an|the)\s+)?(?:[a-z-]+\s+){0,2}?(?P<name>[A-Z][\w.+-]*\w)\s*[,(:]")
_PARENTHESISED = regex.compile(rf"\((?P<name>{_TOKEN})\)")
_TITLE_HEAD_STOP = ("a ", "an ", "the ", "on ", "towards ", "toward ", "insights ", "how ", "why ",
                    "what ", "when ", "is ", "do ", "does ", "can ", "are ", "exploring ",
                    "understanding ", "benchmarking ", "revisiting ", "rethinking ")


_TITLE_CASE_COMPOUND = regex.compile(r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)+$")
_DESCRIPTIVE_SUFFIX = regex.compile(
    r"-(?:based|like|style|free|aware|specific|level|wise|scale|sized|driven|only|centric|friendly)$")


@functools.lru_cache(maxsize=65536)
def is_system_token(token: str) -> bool:
    """Whether a token looks like the name of a model or method.

    >>> [is_system_token(t) for t in ["Vision-R1-7B", "SIFT", "accuracy", "GPUs", "PoolFormer"]]
    [True, True, False, False, True]
    """
    if token in NOT_SYSTEM or len(token) < 2:
        return False
    if token[0].isdigit():
        return False  # "7B", "390GB", "2.9B": a size or an amount, not a name
    if _DESCRIPTIVE_SUFFIX.search(token) or _TITLE_CASE_COMPOUND.match(token) or len(token) < 3:
        return False  # "DL-based", "Zero-Shot", "Encoder-Decoder": describe, do not name
    inner_capital = any(c.isupper() for c in token[1:])
    has_digit = any(c.isdigit() for c in token)
    return inner_capital or (has_digit and any(c.isalpha() for c in token))


def system_name(title: str, abstract: str) -> str:
    """The paper's own system: the title before the colon when it is a name, else the name the
    abstract introduces ("we propose X"), else the title's first name-like word.

    >>> system_name("Vision-R1: Incentivizing Reasoning Capability in MLLMs", "")
    'Vision-R1'
    >>> system_name("DETRs Beat YOLOs on Real-time Object Detection",
    ...             "we propose the Real-Time DEtection TRansformer (RT-DETR), the first ...")
    'RT-DETR'
    """
    head, colon, _ = title.partition(": ")
    head = head.strip()
    if colon and len(head.split()) <= 3 and not head.lower().startswith(_TITLE_HEAD_STOP):
        return head
    if abstract.isascii():
        lower = abstract.lower()
        naming_word = any(word in lower for word in _NAMING_WORDS)
        proposals = (_PROPOSAL_ASCII if naming_word else _WE_PROPOSE_ASCII).finditer(lower)
        ours = _OUR_NAME_ASCII.finditer(abstract)
    else:
        proposals = _PROPOSAL.finditer(abstract)
        ours = _OUR_NAME.finditer(abstract)
    for match in proposals:
        after = abstract[match.start("after"):match.end("after")]
        bracketed = _PARENTHESISED.search(after)
        if bracketed and is_system_token(bracketed["name"]):
            return bracketed["name"]
        apposition = _APPOSITION.match(after)
        if apposition and apposition["name"] not in NOT_SYSTEM:
            return apposition["name"]
        for start, end in _candidate_tokens(after[:80]):
            if is_system_token(after[start:end]):
                return after[start:end]
    for match in ours:
        if is_system_token(match["name"]):
            return match["name"]
    for start, end in _candidate_tokens(title):
        if is_system_token(title[start:end]):
            return title[start:end]
    return head if colon else title


_SIZE_AFTER_NAME = regex.compile(r"\s(\d+(?:\.\d+)?[BMK])\b")


def find_names(text: str, own: str = "") -> list[tuple[int, int, str]]:
    """System names in `text` as (start, end, name); neighbouring size tokens join the name
    ("DeepSeek-R1 671B", "LLaMA2 7B").

    >>> [n for _, _, n in find_names("Pangu-Ultra-MoE 718B beats DeepSeek-R1 and GShard 2.9B")]
    ['Pangu-Ultra-MoE 718B', 'DeepSeek-R1', 'GShard 2.9B']
    """
    names: list[tuple[int, int, str]] = []
    for start, end in _candidate_tokens(text, own):
        token = text[start:end]
        if not (is_system_token(token) or token == own):
            continue
        size = _SIZE_AFTER_NAME.match(text, end)
        if size:
            end = size.end()
        if names and names[-1][1] == start - 1 and text[start - 1] == " ":
            previous = names.pop()  # "OpenAI O1": two name tokens in a row are one name
            start = previous[0]
        names.append((start, end, text[start:end]))
    return names
