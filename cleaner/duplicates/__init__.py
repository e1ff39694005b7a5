"""Exact and near-duplicate passages (paragraphs or whole articles) across a corpus.

The stages are plain functions over lists and arrays, with no state between calls, so that an
engine can run them in any process: normalize and shingle (:mod:`.shingles`), MinHash
signatures (:mod:`.signatures`), LSH bands and candidate pairs (:mod:`.lsh`), verification by
actual Jaccard similarity (:mod:`.similarity`), and union-find clustering (:mod:`.clusters`).
:mod:`.corpus` chains them.
"""

from cleaner.duplicates.corpus import (
    Cluster,
    Deduplicated,
    Group,
    Member,
    Passage,
    cluster_passages,
    find_groups,
)

__all__ = ["Cluster", "Deduplicated", "Group", "Member", "Passage", "cluster_passages", "find_groups"]
