"""How the extraction benchmark scores a system's text on a page: each data set's own metric,
written as its README states it, so that the figures compare with the published ones.

- aeb: 4-token shingles of ``\\w+`` tokens (case kept) against the hand-written article
  body; tp, fp and fn divided by their sum on each page; precision and recall averaged over
  the pages where they are defined, and the F1 of the two averages.
- wcxb-dev: the multiset of lower-cased ``\\w+`` tokens; precision, recall and F1 per page,
  each averaged over all pages; and the shares of the page's ``with`` snippets (which a
  correct extraction contains) and ``without`` snippets (boilerplate) found in the text,
  case-insensitive, averaged over the pages that have such snippets.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

TOKEN = re.compile(r"\w+")
SHINGLE = 4


@dataclass(frozen=True)
class PageScore:
    """One system's score on one page; None where the metric leaves the page out of an average."""

    f1: float
    precision: float | None
    recall: float | None
    found: float | None = None  # share of the page's `with` snippets in the text
    leaked: float | None = None  # share of its `without` snippets in the text


@dataclass(frozen=True)
class Summary:
    f1: float
    precision: float
    recall: float
    found: float | None
    leaked: float | None


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def ngrams(words: list[str], size: int) -> Counter:
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


def shingles(words: list[str]) -> Counter:
    """The multiset of 4-token windows; fewer than 4 tokens give one shorter shingle."""
    return ngrams(words, min(SHINGLE, len(words))) if words else Counter()


def page_counts(truth: str, prediction: str) -> tuple[float, float, float]:
    """tp, fp, fn of one page, divided by tp+fp+fn so that every page weighs the same."""
    true, pred = shingles(tokens(truth)), shingles(tokens(prediction))
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def ratio(tp: float, other: float, third: float) -> float:
    """tp/(tp+other): 1.0 when other and third are 0, 0.0 when tp and other are 0."""
    if other == 0 and third == 0:
        return 1.0
    if tp == 0 and other == 0:
        return 0.0
    return tp / (tp + other)


def harmonic(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def shingle_score(truth: str, text: str, with_: Sequence[str] = (), without: Sequence[str] = ()) -> PageScore:
    """aeb's metric on one page; the page F1 (which the metric itself never averages) is what
    pages are compared by."""
    tp, fp, fn = page_counts(truth, text)
    precision, recall = ratio(tp, fp, fn), ratio(tp, fn, fp)
    return PageScore(harmonic(precision, recall), precision if tp + fp > 0 else None, recall if tp + fn > 0 else None)


def token_score(truth: str, text: str, with_: Sequence[str] = (), without: Sequence[str] = ()) -> PageScore:
    """wcxb-dev's metric on one page: token overlap and the snippets found."""
    true, pred = Counter(tokens(truth.lower())), Counter(tokens(text.lower()))
    true_total, pred_total = sum(true.values()), sum(pred.values())
    if not pred_total:
        # an empty prediction scores 0, or 1 when the truth is empty too
        precision = recall = 0.0 if true_total else 1.0
    else:
        overlap = sum((true & pred).values())
        precision = overlap / pred_total
        recall = overlap / true_total if true_total else 0.0
    lowered = text.lower()
    return PageScore(
        harmonic(precision, recall), precision, recall, share_in(with_, lowered), share_in(without, lowered)
    )


def share_in(snippets: Sequence[str], lowered: str) -> float | None:
    if not snippets:
        return None
    return sum(snippet.lower() in lowered for snippet in snippets) / len(snippets)


def summarise(scores: Sequence[PageScore], f1_of_averages: bool) -> Summary:
    """The averages over pages; F1 is that of the averages (aeb) or the average F1 (wcxb-dev)."""
    precision = mean(s.precision for s in scores)
    recall = mean(s.recall for s in scores)
    f1 = harmonic(precision, recall) if f1_of_averages else mean(s.f1 for s in scores)
    found, leaked = [s.found for s in scores], [s.leaked for s in scores]
    has_snippets = any(x is not None for x in found + leaked)
    return Summary(f1, precision, recall, mean(found) if has_snippets else None, mean(leaked) if has_snippets else None)


def mean(values) -> float:
    kept = [v for v in values if v is not None]
    return sum(kept) / len(kept) if kept else 0.0
