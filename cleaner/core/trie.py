"""Regexes for long lists of words, shaped as a trie.

An alternation of many words makes the regex engine try each word in turn at every position;
a trie shares their prefixes, so it tries each character once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable


def trie_regex(words: Iterable[str], token: Callable[[str], str] = re.escape) -> str:
    """A regex matching exactly ``words``, longest first; ``token`` writes one character."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = True
    return _node_regex(trie, token)


def _node_regex(node: dict, token: Callable[[str], str]) -> str:
    branches = [token(char) + _node_regex(child, token) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if "" in node else body
