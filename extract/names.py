"""System names: which words of a sentence name a model or method, and the paper's own system."""
from __future__ import annotations

import functools

import regex

# One token of a system name: "Vision-R1-7B", "RT-DETR-R50", "GPT-4o", "p-MoD", "docT5query".
_TOKEN = r"[A-Za-z0-9][\w.+]*(?:[-/][\w.+]+)*(?<![.])"
NAME_TOKEN = regex.compile(rf"(?<![\w-]){_TOKEN}(?![\w-])")

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
_PROPOSAL = regex.compile(
    r"\b(?:we\s+(?:\w+ly\s+|then\s+|also\s+|further\s+|here\s+)?(?:propose|introduce|present|develop|"
    r"design|build|call|name)|dubbed|called|named|"
    r"termed|coined)\b(?P<after>[^.]{0,160})", regex.IGNORECASE)
_OUR_NAME = regex.compile(rf"\bour\s+(?:proposed\s+|new\s+)?(?P<name>{_TOKEN})")
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
    for match in _PROPOSAL.finditer(abstract):
        after = match["after"]
        bracketed = _PARENTHESISED.search(after)
        if bracketed and is_system_token(bracketed["name"]):
            return bracketed["name"]
        apposition = _APPOSITION.match(after)
        if apposition and apposition["name"] not in NOT_SYSTEM:
            return apposition["name"]
        for token in NAME_TOKEN.finditer(after[:80]):
            if is_system_token(token[0]):
                return token[0]
    for ours in _OUR_NAME.finditer(abstract):
        if is_system_token(ours["name"]):
            return ours["name"]
    for token in NAME_TOKEN.finditer(title):
        if is_system_token(token[0]):
            return token[0]
    return head if colon else title


_SIZE_AFTER_NAME = regex.compile(r"\s(\d+(?:\.\d+)?[BMK])\b")


def find_names(text: str, own: str = "") -> list[tuple[int, int, str]]:
    """System names in `text` as (start, end, name); neighbouring size tokens join the name
    ("DeepSeek-R1 671B", "LLaMA2 7B").

    >>> [n for _, _, n in find_names("Pangu-Ultra-MoE 718B beats DeepSeek-R1 and GShard 2.9B")]
    ['Pangu-Ultra-MoE 718B', 'DeepSeek-R1', 'GShard 2.9B']
    """
    names: list[tuple[int, int, str]] = []
    for match in NAME_TOKEN.finditer(text):
        token = match[0]
        if not (is_system_token(token) or token == own):
            continue
        start, end = match.span()
        size = _SIZE_AFTER_NAME.match(text, end)
        if size:
            end = size.end()
        if names and names[-1][1] == start - 1 and text[start - 1] == " ":
            previous = names.pop()  # "OpenAI O1": two name tokens in a row are one name
            start = previous[0]
        names.append((start, end, text[start:end]))
    return names
