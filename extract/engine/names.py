"""System names: which words of a sentence name a model or method, and the paper's own system."""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Container, Iterable
from typing import NamedTuple

import regex

from .cue_compiler import Cue, case_blind

class Name(NamedTuple):
    """A system name found in a text: where it starts and ends, and as written."""
    start: int
    end: int
    name: str


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
# `own` may be a token that is no system name and that NameTokens leaves out
_OWN_MAY_BE_LEFT_OUT = re.compile(r".[a-z_.+/-]*", re.DOTALL)


class NameTokens:
    """The tokens a system name may be (NAME_TOKEN), as a scan that may leave out tokens that
    can be neither a system name nor the paper's own: on ASCII text, the token pattern runs in
    the runs of token characters with a capital or digit after their first character only
    (see above); on other text it runs everywhere. tests/test_names.py holds the two to the
    same names."""

    pattern = NAME_TOKEN

    def candidates(self, text: str, own: str = "") -> list[tuple[int, int]]:
        """Spans of the NAME_TOKEN matches in `text`, in order, some of those that can be
        neither a system name nor `own` left out."""
        if not text.isascii() or _OWN_MAY_BE_LEFT_OUT.fullmatch(own):
            return [match.span() for match in NAME_TOKEN.finditer(text)]
        # the first and the last run, too, lie between characters that are no token characters
        spaced = f" {text} "
        classes = spaced.encode("ascii").translate(_TOKEN_CHAR_CLASSES).replace(
            _RUN_FIRST_CAPITAL, _RUN_FIRST_LOWER)
        spans = []
        numbers_name_nothing = own[:1] not in _ASCII_DIGITS
        capital = classes.find(_CAPITAL_OR_DIGIT)
        while capital >= 0:
            run_end = classes.find(_NO_TOKEN_CHAR, capital)
            position = classes.rfind(_NO_TOKEN_CHAR, 0, capital)  # where the run's scan starts
            if numbers_name_nothing and _one_number_token(spaced, position + 1, run_end):
                position = run_end
            while position < run_end and \
                    (token := _TOKEN_AFTER_NON_TOKEN_CHAR.search(spaced, position, run_end)):
                position = token.end()
                spans.append((token.start("token") - 1, position - 1))
            capital = classes.find(_CAPITAL_OR_DIGIT, run_end)
        return spans


_ASCII_DIGITS = frozenset("0123456789")


def _one_number_token(text: str, start: int, end: int) -> bool:
    """Whether the run of token characters ``text[start:end]`` (ASCII) is one token that opens
    with a digit ("85.3", "2.9B", "4x"): a size or an amount, never a system name
    (is_system_token), so left out unless the paper's own name opens with a digit. Without a
    hyphen or slash, the token pattern takes the whole run from its first character (but a
    trailing dot, where no other token starts)."""
    return text[start] in _ASCII_DIGITS and text.find("-", start, end) < 0 and text.find("/", start, end) < 0


NAME_TOKENS = NameTokens()


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
bfloat16 float16 float32 fp16 fp32 bf16 int8 int4 FP4 FP6 TLS CLS AUC_ROC SoTA SOTA GFLOPs GFLOPS MFLOPs PFLOPs
PFLOPS IoT
""".split())

#: The letters that open names of models: a name whose letters before its first digit, hyphen,
#: dot or space are one of these ("Llama-3-8B", "Qwen2.5", "GPT-4o", "OpenVLA") is a model's,
#: never a benchmark's (benchmark_names), and with a version after it ("Claude 3.7", "Gemini 2.5
#: Pro", "o3") it is a system name even without a capital or digit inside (model_names).
MODEL_FAMILIES = frozenset("""
gpt chatgpt o claude gemini gemma llama llava mistral mixtral qwen deepseek phi falcon vicuna
alpaca bert roberta deberta albert electra t flan bart clip siglip dino dinov sam vit resnet
yolo yolov whisper wav hubert sdxl flux dall midjourney sora internvl minicpm grok kimi glm
chatglm baichuan olmo pythia opt bloom starcoder codellama openvla octo unet transformer mamba
efficientnet mobilenet mobilenetv convnext swin deit xgboost svm gcn gat graphsage lstm gru cnn
rnn mlp vae gan detr segformer nerf sd wan hunyuan cogvideox smollm tinyllama granite nemotron
inception squeezenet squeezenext densenet vgg alexnet shufflenet regnet
""".split())

#: Endings of model names built on a family's name ("SpeechGPT", "Video-LLaMA", "BioBERT").
MODEL_ENDINGS = ("gpt", "llama", "llava", "bert", "clip")

#: Words that may follow a model's version in its name: "Gemini 2.5 Pro", "Claude 4 Sonnet".
MODEL_VARIANTS = ("Pro", "Flash", "Sonnet", "Opus", "Haiku", "Mini", "mini", "Turbo", "Ultra", "Nano",
                  "Instruct", "Chat", "Base", "Plus", "Max", "Lite", "Thinking", "Preview", "Coder", "VL")

# "Claude 3.7", "Gemini 2.5 Pro", "Llama 3 8B", "o3-mini": a family written as a word (a capital
# first; "o" only glued to its digit), its version, then variant words or a size. Found from the
# version's first digit (digits are few), the family read backwards from there.
MODEL_NAME = regex.compile(
    r"(?<![\w-])(?:(?P<family>[A-Z][A-Za-z]+)[-\s]?|o(?=\d))(?P<version>\d+(?:\.\d+)?[a-z]?)"
    rf"(?:[-\s](?:{'|'.join(MODEL_VARIANTS)}|\d+(?:\.\d+)?[BM])(?![\w.]))*(?![\w-])")
_VERSION_START = re.compile(r"\d(?<![\d.]\d)")
_FAMILY_BEFORE = regex.compile(r"(?<![\w-])(?:(?P<family>[A-Z][A-Za-z]+)\s?|o)$", regex.REVERSE)
_VERSION_TAIL = regex.compile(
    rf"\d+(?:\.\d+)?[a-z]?(?:[-\s](?:{'|'.join(MODEL_VARIANTS)}|\d+(?:\.\d+)?[BM])(?![\w.]))*(?![\w-])")
_LONGEST_FAMILY = max(map(len, MODEL_FAMILIES)) + 1


def model_names(text: str) -> list[Name]:
    """Names of models written as a family word and a version ("Claude 3.7", "Gemini 2.5 Pro",
    "o3"), which the token scan of find_names does not read as names: the matches of MODEL_NAME
    whose family is one of MODEL_FAMILIES and whose version is not hyphened to it.

    >>> [n for _, _, n in model_names("GPT-4o and Claude 3.7 beat Gemini 2.5 Pro and o3")]
    ['Claude 3.7', 'Gemini 2.5 Pro', 'o3']
    """
    found: list[Name] = []
    for digit in _VERSION_START.finditer(text):
        at = digit.start()
        if (found and at < found[-1].end) or not _may_follow_a_family(text, at):
            continue
        family = _FAMILY_BEFORE.search(text, max(0, at - _LONGEST_FAMILY), at)
        if family is None or (family["family"] is not None and family["family"].lower() not in MODEL_FAMILIES):
            continue
        tail = _VERSION_TAIL.match(text, at)
        if tail is not None:
            found.append(Name(family.start(), tail.end(), text[family.start():tail.end()]))
    return found


_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _may_follow_a_family(text: str, at: int) -> bool:
    """A cheap first look before _FAMILY_BEFORE (most numbers follow a word such as "of" in "of
    73.5%"): whether the run of ASCII letters right before `at`, or before one white space
    there, is one of MODEL_FAMILIES or "o" (str.isspace holds all that `regex` reads as \\s)."""
    end = at
    if at > 0 and text[at - 1] not in _ASCII_LETTERS and text[at - 1].isspace():
        end = at - 1
    start = end
    while start > 0 and text[start - 1] in _ASCII_LETTERS:
        start -= 1
    run = text[start:end]
    return run == "o" or run.lower() in MODEL_FAMILIES


_DIGIT = re.compile(r"\d")
_DEFINITION = regex.compile(r"\s\((?P<acronym>\p{L}[\p{L}\d-]*)\)")
_WORD = re.compile(r"\S+")
_SMALL_WORDS = frozenset("of and the for in on to a an with by from".split())


def defined_terms(text: str) -> frozenset[str]:
    """Acronyms an abstract defines for terms of its field ("Change detection (CD)", "automatic
    speech recognition (ASR)", "Vision-language-action (VLA) models"): never a system's or a
    benchmark's name. A name is written in capitals ("Hessian AWare Quantization (HAWQ)", "Aria
    Navigation Dataset (AND)"); a term has a lower-case word among the words it stands for."""
    if "(" not in text:
        return frozenset()
    terms = set()
    at = text.find("(")
    while at >= 0:
        match = _DEFINITION.match(text, at - 1) if at > 0 else None
        at = text.find("(", at + 1)
        if match is not None and is_defined_term(text, match["acronym"], match.start()):
            terms.add(match["acronym"])
    return frozenset(terms)


def is_defined_term(text: str, name: str, at: int | None = None) -> bool:
    """Whether `text` defines `name` as a term (see defined_terms): where "(name)" stands, at
    `at` if given, else anywhere."""
    if at is None:
        bracketed = f"({name})"
        found = text.find(bracketed)
        while found >= 0:
            if found > 0 and text[found - 1].isspace() and is_defined_term(text, name, found - 1):
                return True
            found = text.find(bracketed, found + 1)
        return False
    spelled = _spelled_out(name, _WORD.findall(text, max(0, at - 80), at))
    return bool(spelled) and any(part[0].islower() for part in spelled)


class NotSystems:
    """The names that are no system in an abstract: its benchmarks, and the terms it defines,
    looked up when asked for (most names asked about are neither)."""

    def __init__(self, text: str, benchmarks: Iterable[str] = ()) -> None:
        self.text = text
        self.benchmarks = frozenset(benchmarks)
        self._terms: dict[str, bool] = {}

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        if name in self.benchmarks:
            return True
        if name not in self._terms:
            self._terms[name] = "(" in self.text and is_defined_term(self.text, name)
        return self._terms[name]


def _spelled_out(acronym: str, words: list[str]) -> list[str]:
    """The words (hyphen parts) before an acronym whose initials spell it, last word first; []
    when they do not ("the Qwen3 (Q3)")."""
    letters = [c.lower() for c in acronym if c.isupper() or c.isdigit()] or [acronym[0].lower()]
    spelled = []
    for part in _parts_last_first(words):
        if not letters:
            break
        if part.lower() in _SMALL_WORDS:
            continue
        capitals = _capitals(part)
        if len(capitals) > 1 and letters[-len(capitals):] == capitals:
            del letters[-len(capitals):]  # "AWare" spells A and W
        elif part[0].lower() == letters[-1]:
            letters.pop()
        else:
            return []
        spelled.append(part)
    return spelled if not letters else []


def _parts_last_first(words: list[str]) -> list[str]:
    """The hyphen parts of `words`, the last part of the last word first."""
    return [part for word in reversed(words) for part in reversed(word.split("-")) if part]


def _capitals(part: str) -> list[str]:
    """The initials a word may spell, lower-cased: its capitals ("AWare": a, w), or its first letter."""
    return [c.lower() for c in part if c.isupper()] if part[0].isupper() else [part[0]]


# "we propose X", "dubbed X": where an abstract names its own system.
_WE_PROPOSE = (r"we\s+(?:\w+ly\s+|then\s+|also\s+|further\s+|here\s+)?(?:propose|introduce|present|"
               r"develop|design|build|call|name)")
_NAMING_WORDS = ("dubbed", "called", "named", "termed", "coined")
# Two cues, the words after the proposal the same: "we" is a literal the scan skips to, the
# naming words are rare and their gate spares most abstracts the look (one cue of both would
# try the alternation at every "w", "d", "c", "n" and "t"). No gate before "we propose": its
# words stand in nearly every abstract (94% of the synthetic ones).
_WE_PROPOSE_CUE = Cue(rf"\b{_WE_PROPOSE}\b(?P<after>[^.]{{0,160}})", gate=False)
_NAMED_CUE = Cue(rf"\b(?:{'|'.join(_NAMING_WORDS)})\b(?P<after>[^.]{{0,160}})")
# no gate: the twin skips to the literal "our" at less cost than a look for it
_OUR_NAME = Cue(rf"\bour\s+(?:proposed\s+|new\s+)?(?P<name>{_TOKEN})", case_blind=False, gate=False)

# "we present Fuyou, a low-cost training framework": a capitalised word set off by a comma
_APPOSITION = regex.compile(r"^\s*(?:(?:a|an|the)\s+)?(?:[a-z-]+\s+){0,2}?(?P<name>[A-Z][\w.+-]*\w)\s*[,(:]")
_PARENTHESISED = regex.compile(rf"\((?P<name>{_TOKEN})\)")
_TITLE_HEAD_STOP = ("a ", "an ", "the ", "on ", "towards ", "toward ", "insights ", "how ", "why ",
                    "what ", "when ", "is ", "do ", "does ", "can ", "are ", "exploring ",
                    "understanding ", "benchmarking ", "revisiting ", "rethinking ")


_TITLE_CASE_COMPOUND = regex.compile(r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)+$")
_DESCRIPTIVE_SUFFIX = regex.compile(
    r"-(?:based|like|style|free|aware|specific|level|wise|scale|sized|driven|only|centric|friendly|"
    r"[Gg]enerated|[Gg]uided|[Ee]licited|[Cc]onditioned|[Aa]ugmented|[Aa]ssisted|[Ii]nformed|"
    r"[Ii]nduced|[Pp]owered|[Tt]rained|[Tt]uned|[Pp]retrained)$")
# "GNNs", "LLMs", "BiLMs": a plural names a kind of system, not one
_PLURAL_ACRONYM = regex.compile(r"[A-Z][A-Za-z0-9]*[A-Z]s$")


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
    if _DESCRIPTIVE_SUFFIX.search(token) or _TITLE_CASE_COMPOUND.match(token) or len(token) < 3 or \
            _PLURAL_ACRONYM.match(token):
        return False  # "DL-based", "LLM-Generated", "Zero-Shot", "GNNs": describe, do not name
    inner_capital = any(c.isupper() for c in token[1:])
    has_digit = any(c.isdigit() for c in token)
    return inner_capital or (has_digit and any(c.isalpha() for c in token))


# A title's head set before a colon with no space after it, where the rest opens a word.
_TIGHT_COLON_HEAD = re.compile(r"([^:]+):(?=[A-Z][a-z])")  # not a ratio: "N:M Sparse"


def system_name(title: str, abstract: str, not_systems: Container[str] = frozenset()) -> str:
    """The paper's own system: the name the first of _OWN_NAME_RULES finds, else the title's own
    label (the title before the colon, or the whole title). Names in `not_systems` (the
    abstract's benchmarks, the terms it defines) are never taken.

    >>> system_name("Vision-R1: Incentivizing Reasoning Capability in MLLMs", "")
    'Vision-R1'
    >>> system_name("DETRs Beat YOLOs on Real-time Object Detection",
    ...             "we propose the Real-Time DEtection TRansformer (RT-DETR), the first ...")
    'RT-DETR'
    """
    for rule in _OWN_NAME_RULES:
        name = rule.find(title, abstract, not_systems)
        if name is not None:
            return name
    head, colon = _title_head(title)
    return head if colon and not _names_a_benchmark(head) else title


def _title_head(title: str) -> tuple[str, bool]:
    """The title before ": ", and whether it has one."""
    head, colon, _ = title.partition(": ")
    if not colon and (tight := _TIGHT_COLON_HEAD.match(title)):
        head, colon = tight[1], ":"  # "ECMNet:Lightweight Semantic Segmentation ..."
    return head.strip(), bool(colon)


def _named_title_head(title: str, abstract: str, not_systems: Container[str]) -> str | None:
    head, colon = _title_head(title)
    if colon and len(head.split()) <= 3 and not head.lower().startswith(_TITLE_HEAD_STOP) and \
            head not in not_systems and not _names_a_benchmark(head):
        return head
    return None


def _proposed_name(title: str, abstract: str, not_systems: Container[str]) -> str | None:
    for match in proposals(abstract):
        name = _name_proposed_in(abstract[match.start("after"):match.end("after")], not_systems)
        if name is not None:
            return name
    return None


#: The two proposal cues ("we propose X", "dubbed X"), in the order a tie between them is broken.
PROPOSAL_CUES = (_WE_PROPOSE_CUE, _NAMED_CUE)
_LONGEST_NAMING_WORD = max(map(len, _NAMING_WORDS))


def proposals(abstract: str):
    """The matches of either proposal cue (PROPOSAL_CUES), in order, none inside another: what
    one cue of both would find. Each is the first match of either cue from where the last ended.
    The naming cue is searched only where a naming word stands before the next "we propose": a
    cheap look at the text up to there (most abstracts have "we propose" early and no naming
    word before it), where its own look would read the whole abstract."""
    end = 0
    while True:
        proposal = _WE_PROPOSE_CUE.search(abstract, end)
        if proposal is None or _naming_word_before(abstract, end, proposal.start()):
            named = _NAMED_CUE.search(abstract, end)
            if named is not None and (proposal is None or named.start() < proposal.start()):
                proposal = named
        if proposal is None:
            return
        yield proposal
        end = proposal.end()


def _naming_word_before(text: str, start: int, before: int) -> bool:
    """Whether a naming word may start in ``text[start:before]`` (case-blind): a match of the
    naming cue starting there holds it."""
    folded = case_blind(text[start:before + _LONGEST_NAMING_WORD - 1])
    return any(word in folded for word in _NAMING_WORDS)


def _name_proposed_in(after: str, not_systems: Container[str]) -> str | None:
    """The name after "we propose": in brackets ("the Real-Time DEtection TRansformer
    (RT-DETR)"), set off by a comma ("Fuyou, a low-cost ..."), or the first name-like token."""
    bracketed = _PARENTHESISED.search(after) if "(" in after else None  # a cheap first look
    if bracketed and is_system_token(bracketed["name"]) and bracketed["name"] not in not_systems:
        return bracketed["name"]
    apposition = _APPOSITION.match(after)
    if apposition and apposition["name"] not in NOT_SYSTEM and apposition["name"] not in not_systems:
        return apposition["name"]
    return _first_system_token(after[:80], not_systems)


def _our_name(title: str, abstract: str, not_systems: Container[str]) -> str | None:
    for match in _OUR_NAME.finditer(abstract):
        if is_system_token(match["name"]) and match["name"] not in not_systems:
            return match["name"]
    return None


def _title_token(title: str, abstract: str, not_systems: Container[str]) -> str | None:
    return _first_system_token(title, not_systems)


def _first_system_token(text: str, not_systems: Container[str]) -> str | None:
    for start, end in NAME_TOKENS.candidates(text):
        if is_system_token(text[start:end]) and text[start:end] not in not_systems:
            return text[start:end]
    return None


class _OwnNameRule(NamedTuple):
    """Where an abstract names its own system; `find` gives the name, or None."""
    name: str
    find: Callable[[str, str, Container[str]], str | None]


# In order: the first that finds a name gives it.
_OWN_NAME_RULES = (
    _OwnNameRule("the title before its colon, a name of at most three words (\"Vision-R1: ...\")", _named_title_head),
    _OwnNameRule("the name after \"we propose\", \"dubbed\" (\"we present Fuyou, a ...\")", _proposed_name),
    _OwnNameRule("\"our X\" (\"our new Foo-1\")", _our_name),
    _OwnNameRule("the title's first name-like token (\"DETRs Beat YOLOs ...\")", _title_token),
)


_BENCHMARK_WORD = regex.compile(r"\b(?:benchmark|dataset|corpus|suite)s?$", regex.IGNORECASE)


def _names_a_benchmark(head: str) -> bool:
    """ "StoryReasoning Dataset: ..." names a dataset, not a system."""
    return _BENCHMARK_WORD.search(head) is not None


_SIZE_AFTER_NAME = regex.compile(r"\s(\d+(?:\.\d+)?[BMK])\b")


def find_names(text: str, own: str = "") -> list[Name]:
    """System names in `text` as (start, end, name); neighbouring size tokens join the name
    ("DeepSeek-R1 671B", "LLaMA2 7B").

    >>> [n for _, _, n in find_names("Pangu-Ultra-MoE 718B beats DeepSeek-R1 and GShard 2.9B")]
    ['Pangu-Ultra-MoE 718B', 'DeepSeek-R1', 'GShard 2.9B']
    """
    names: list[Name] = []
    for start, end in NAME_TOKENS.candidates(text, own):
        token = text[start:end]
        if not (is_system_token(token) or token == own):
            continue
        # a cheap first look: a size starts with a digit after one white space (most names have none)
        size = _SIZE_AFTER_NAME.match(text, end) if text[end + 1:end + 2].isdigit() else None
        if size:
            end = size.end()
        if names and names[-1].end == start - 1 and text[start - 1] == " ":
            start = names.pop().start  # "OpenAI O1": two name tokens in a row are one name
        names.append(Name(start, end, text[start:end]))
    return _with_model_names(names, model_names(text))


def _with_model_names(names: list[Name], models: list[Name]) -> list[Name]:
    """`names` and the model names that overlap none of them, in order; a model name that holds
    a name ("Qwen2.5-VL 7B" holds "Qwen2.5-VL") replaces it."""
    for model in models:
        kept = []  # one pass over the names: those outside the model, unless one overlaps it
        for name in names:
            if model.start <= name.start and name.end <= model.end:
                continue  # inside: the model replaces it
            if name.start < model.end and model.start < name.end:
                break
            kept.append(name)
        else:
            kept.append(model)
            kept.sort()
            names = kept
    return names
