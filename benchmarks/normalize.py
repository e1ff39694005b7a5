"""Entity normalization speed: megabytes of news text per second on one core.

Run as ``python benchmarks/normalize.py [--data PATH] [--repeat N]``.

The text is the article bodies of the extraction benchmark (``../shared/data/aeb`` seen from
the repository root, read in place), or the articles in ``seeds/`` when that is absent. It
prints, side by side for the same text and the full default gazetteer:

- ``cleaner matcher``: the ``entity-variant`` rule's matcher (one trie-shaped pattern for
  every variant, exceptions, article and spacing handling), with every substitution applied;
- ``cleaner N001 rule``: the same through the rule engine, as ``cleaner clean`` runs it
  (findings, fixes, a second pass to check that nothing is left), one document per article;
- ``re.sub per variant``: the usual glue code, one ``re.sub`` per variant over each line.

and the target of 5 MB/s per core.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from _common import AEB, ROOT, best_of

from cleaner import clean_document
from cleaner.core.model import Document, lines_from_text
from cleaner.core.settings import Settings
from cleaner.entities import Matcher, load_gazetteer
from cleaner.rules import make_context

TARGET_MB_S = 5.0


def corpus(data: Path) -> tuple[list[str], str]:
    """The articles to normalize, and where they come from."""
    truth = data / "ground-truth.json"
    if truth.is_file():
        bodies = json.loads(truth.read_text(encoding="utf-8"))
        return [v["articleBody"] for v in bodies.values()], f"{len(bodies)} article bodies of {data}"
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in seeds], f"{len(seeds)} seed articles ({data} is absent)"


def with_cleaner(matcher: Matcher, lines: list[str]) -> int:
    changed = 0
    for line in lines:
        subs = list(matcher.substitutions(line))
        for sub in reversed(subs):
            line = line[: sub.start] + sub.new + line[sub.end :]
        changed += len(subs)
    return changed


def with_rule(context, documents: list[Document]) -> int:
    return sum(len(clean_document(document, context).applied) for document in documents)


def naive_rules(entities) -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(r"(?<!\w)" + re.escape(v) + r"(?!\w)"), e.canonical) for e in entities for v in e.variants]


def with_naive(rules: list[tuple[re.Pattern[str], str]], lines: list[str]) -> int:
    changed = 0
    for line in lines:
        for pattern, canonical in rules:
            line, count = pattern.subn(canonical, line)
            changed += count
    return changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=AEB)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    articles, described = corpus(args.data)
    lines = "\n".join(articles).splitlines()
    megabytes = sum(len(line.encode("utf-8")) + 1 for line in lines) / 1e6
    entities = load_gazetteer()
    matcher, naive = Matcher(entities), naive_rules(entities)
    print(f"text: {described}: {megabytes:.2f} MB, {len(lines)} lines; {len(entities)} entities")
    print(f"{'system':<22}{'MB/s':>8}{'substitutions':>15}")
    context = make_context(Settings(select=("N",)))
    documents = [Document(str(n), "-", lines_from_text(text)) for n, text in enumerate(articles)]
    verdicts = []
    for name, run in (
        ("cleaner matcher", lambda: with_cleaner(matcher, lines)),
        ("cleaner N001 rule", lambda: with_rule(context, documents)),
        ("re.sub per variant", lambda: with_naive(naive, lines)),
    ):
        seconds, changed = best_of(run, args.repeat, warm_up=True)
        print(f"{name:<22}{megabytes / seconds:>8.1f}{changed:>15}")
        if name.startswith("cleaner"):
            verdicts.append(megabytes / seconds >= TARGET_MB_S)
    verdict = "PASS" if all(verdicts) else "FAIL"
    print(f"target: {TARGET_MB_S:.0f} MB/s per core with the full default gazetteer: {verdict}")


if __name__ == "__main__":
    main()
