"""The dedup pipeline on Ray Data: the same stage functions as ``cleaner.duplicates``, on datasets.

Input: a dataset of passages (``index``, ordering them as the input does; ``compare``, the
normalized text; ``date``, "" when unknown). Every step is a batch map or a group-by, and
whatever depends on the whole corpus is a shuffle on the cluster, never a list on the driver:

1. sign: word keys and shingle sets (:func:`cleaner.duplicates.corpus.sign`), a batch at a time;
2. exact copies: a group-by on the word key names each text's first copy
   (:func:`~cleaner.duplicates.grouping.distinct_texts`); the distinct texts go on;
3. common words: shingle counts summed by a group-by (:func:`~cleaner.duplicates.lsh.common_of_counts`),
   the one aggregate the driver sees (a few hundred words at most);
4. band keys (:func:`~cleaner.duplicates.lsh.without`, MinHash, :func:`~cleaner.duplicates.lsh.band_keys`),
   then a group-by on the bucket to candidate pairs (:func:`~cleaner.duplicates.lsh.bucket_pairs`);
5. verification: each pair meets the shingle sets of its two texts in two group-bys and is
   kept at the threshold (:func:`~cleaner.duplicates.similarity.jaccard`);
6. connected components: large-star and small-star rounds (:mod:`cleaner.duplicates.components`);
7. clusters: each text takes its component's label, and a group-by on the label picks the
   canonical copy and each member's similarity to it.

Only the clusters come back: the groups of :func:`cleaner.duplicates.corpus.find_groups`, with
passage indices. A group-by goes through a hash of its key into a few partitions, so each
call of a stage function sees whole buckets (or nodes, or labels) and many of them at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import ray.data
from ray.data.expressions import col

from cleaner.core.settings import DedupSettings
from cleaner.duplicates import canonical, components, corpus, grouping, lsh
from cleaner.duplicates.corpus import Group
from cleaner.duplicates.shingles import ShingleSets, concatenate
from cleaner.duplicates.signatures import permutations, signatures
from cleaner.duplicates.similarity import jaccard
from cleaner.duplicates.words import fmix

MAX_NEIGHBOURS = 64  # as lsh.candidate_pairs: the same pairs from the same buckets
SETS, ROWS = 0, 1  # the two sides of a group-by that brings shingle sets to rows


def find_groups(
    passages: ray.data.Dataset, settings: DedupSettings, partitions: int, stats: Counter | None = None
) -> list[Group]:
    """The groups of :func:`cleaner.duplicates.corpus.find_groups` for the passages of a dataset."""
    stats = Counter() if stats is None else stats
    signed = passages.map_batches(_signed, fn_args=(settings, partitions), batch_format="pyarrow")  # type: ignore[arg-type]  # Ray's stub: fn(batch) alone, fn_args not counted
    texts = _by(signed, partitions, _exact_copies).materialize()
    sets = (
        texts.filter(expr=col("index") == col("first"))
        .map_batches(_tagged_sets, fn_args=(partitions,), batch_format="pyarrow")
        .materialize()
    )
    stats["passages"] += passages.count()
    stats["exact_copies"] += texts.count() - sets.count()
    buckets = sets.map_batches(
        _bucket_rows, fn_args=(_common(sets, settings, partitions), settings, partitions), batch_format="pyarrow"
    )
    pairs = _with_set(_by(buckets, partitions, _bucket_pairs), "left", sets, partitions, unique=True).materialize()
    stats["candidates"] += pairs.count()
    stats["compared"] += pairs.count()
    verified = _with_set(pairs, "right", sets, partitions)
    edges = verified.map_batches(_similar, fn_args=(settings.threshold,), batch_format="pyarrow")
    return _groups(_clustered(texts, _stars(edges.materialize(), partitions), partitions))


def _by(dataset: ray.data.Dataset, partitions: int, function, *args) -> ray.data.Dataset:
    """``function`` over the rows of each partition (the ``part`` column) of ``dataset``."""
    grouped = dataset.groupby("part", num_partitions=partitions)
    return grouped.map_groups(function, fn_args=args, batch_format="pyarrow")


def _part(values: np.ndarray, partitions: int) -> np.ndarray:
    return (fmix(values.astype(np.uint64)) % np.uint64(partitions)).astype(np.int64)


def _routed(batch: pa.Table, key: str, side: int, partitions: int) -> pa.Table:
    """The rows, to the partition of their ``key``, marked as coming from ``side``."""
    keys = _column(batch, key)
    batch = batch.append_column("side", pa.array(np.full(len(keys), side, dtype=np.int8)))
    return batch.append_column("part", pa.array(_part(keys, partitions)))


def _side(batch: pa.Table, side: int) -> pa.Table:
    rows = batch.filter(pc.equal(batch.column("side"), side))
    return rows.drop_columns(["side", "part"])


def _sets(column: pa.ChunkedArray | pa.Array) -> ShingleSets:
    array = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    offsets = array.offsets.to_numpy().astype(np.int64)
    hashes = array.values.to_numpy()[offsets[0] : offsets[-1]]
    return ShingleSets(offsets - offsets[0], hashes.astype(np.uint32))


def _list(sets: ShingleSets) -> pa.Array:
    return pa.ListArray.from_arrays(pa.array(sets.offsets.astype(np.int32)), pa.array(sets.hashes, pa.uint32()))


def _column(table: pa.Table, name: str) -> np.ndarray:
    return table.column(name).to_numpy()


def _signed(batch: pa.Table, settings: DedupSettings, partitions: int) -> pa.Table:
    """Stage 1: each text's word key and shingle set; texts without words go no further."""
    signed = corpus.sign(batch.column("compare").to_pylist(), settings)
    rows = pa.table(
        {
            "index": batch.column("index"),
            "key": pa.array(signed.keys, pa.uint64()),
            "date": batch.column("date"),
            "set": _list(signed.sets),
            "part": _part(signed.keys, partitions),
        }
    )
    return rows.filter(pa.array(signed.sizes > 0))


def _exact_copies(batch: pa.Table) -> pa.Table:
    """Stage 2: each text's first copy (``first``) and whether it has other copies."""
    batch = batch.sort_by("index")
    index = _column(batch, "index")
    firsts, copy_of = grouping.distinct_texts(_column(batch, "key"), np.ones(len(index), dtype=bool))
    return pa.table(
        {
            "index": index,
            "first": index[firsts][copy_of],
            "copied": np.bincount(copy_of, minlength=len(firsts))[copy_of] > 1,
            "date": batch.column("date"),
            "set": batch.column("set"),
        }
    )


def _tagged_sets(batch: pa.Table, partitions: int) -> pa.Table:
    """The distinct texts' sets, to meet the rows that name them in the partition of ``id``."""
    return _routed(batch.select(["index", "set"]).rename_columns(["id", "set"]), "id", SETS, partitions)


def _with_set(rows: ray.data.Dataset, key: str, sets: ray.data.Dataset, partitions: int, unique: bool = False):
    """``rows`` with ``<key>_set``: the set of the distinct text their ``key`` names, brought
    together in the partition of that text; ``unique`` drops repeated rows on the way."""
    routed = rows.map_batches(_routed, fn_args=(key, ROWS, partitions), batch_format="pyarrow")  # type: ignore[arg-type]  # Ray's stub: fn(batch) alone, fn_args not counted
    return _by(sets.union(routed), partitions, _meet, key, unique)


def _meet(batch: pa.Table, key: str, unique: bool) -> Iterator[pa.Table]:
    if key not in batch.column_names:  # sets, but no row to meet them here
        return
    table = _side(batch, SETS).select(["id", "set"]).sort_by("id")
    rows = _side(batch, ROWS).drop_columns(["id", "set"])
    if unique:
        rows = rows.group_by(rows.column_names).aggregate([])
    where = np.searchsorted(_column(table, "id"), _column(rows, key))
    yield rows.append_column(f"{key}_set", _list(_sets(table.column("set")).select(where)))


def _common(sets: ray.data.Dataset, settings: DedupSettings, partitions: int) -> np.ndarray:
    """Stage 3: the shingles too common for the LSH keys, counted across the distinct texts."""
    total = sets.count()
    if total <= settings.common_min:  # no shingle can be in more sets than there are
        return np.empty(0, dtype=np.uint32)
    counts = sets.map_batches(_shingle_counts, fn_args=(partitions,), batch_format="pyarrow")  # type: ignore[arg-type]  # Ray's stub: fn(batch) alone, fn_args not counted
    limits = (total, settings.common_share, settings.common_min)
    found = _by(counts, partitions, _common_in_part, *limits).take_all()
    return np.sort(np.array([row["shingle"] for row in found], dtype=np.uint32))


def _shingle_counts(batch: pa.Table, partitions: int) -> pa.Table:
    values, counts = np.unique(_sets(batch.column("set")).hashes, return_counts=True)
    return pa.table({"shingle": values, "count": counts, "part": _part(values, partitions)})


def _common_in_part(batch: pa.Table, total: int, share: float, minimum: int) -> pa.Table:
    values, inverse = np.unique(_column(batch, "shingle"), return_inverse=True)
    counts = np.bincount(inverse, weights=_column(batch, "count")).astype(np.int64)
    return pa.table({"shingle": pa.array(lsh.common_of_counts(values, counts, total, share, minimum), pa.uint32())})


def _bucket_rows(batch: pa.Table, common: np.ndarray, settings: DedupSettings, partitions: int) -> pa.Table:
    """Stage 4: each distinct text's LSH keys, one row per band, for the bucket's partition."""
    keyed = lsh.without(_sets(batch.column("set")), common)
    signed = signatures(keyed, permutations(settings.num_perm, settings.seed))
    keys = lsh.band_keys(signed, settings.bands, settings.rows)
    bands = np.arange(settings.bands, dtype=np.uint64) << np.uint64(32)
    buckets = (keys.astype(np.uint64) | bands).ravel()
    items = np.repeat(_column(batch, "id"), settings.bands)
    return pa.table({"item": items, "bucket": buckets, "part": _part(buckets, partitions)})


def _bucket_pairs(batch: pa.Table) -> pa.Table:
    """The candidate pairs of whole buckets (as ``lsh.candidate_pairs`` finds them)."""
    batch = batch.sort_by("item")
    left, right = lsh.bucket_pairs(_column(batch, "bucket"), _column(batch, "item"), MAX_NEIGHBOURS)
    return pa.table({"left": left, "right": right})


def _similar(batch: pa.Table, threshold: float) -> pa.Table:
    """Stage 5: the pairs similar enough, joined into stars (the same components)."""
    left, right = _sets(batch.column("left_set")), _sets(batch.column("right_set"))
    count = len(left)
    similar = jaccard(concatenate([left, right]), np.arange(count), np.arange(count, 2 * count)) >= threshold
    child, parent = components.contract(_column(batch, "left")[similar], _column(batch, "right")[similar])
    return pa.table({"child": child, "parent": parent})


def _stars(edges: ray.data.Dataset, partitions: int) -> ray.data.Dataset:
    """Stage 6: large-star and small-star rounds until neither changes anything: then every
    edge goes from a text to the first text of its component."""
    if not edges.count():
        return edges
    while True:
        changed = 0
        for step in (components.large_star, components.small_star):
            routed = edges.map_batches(_both_ways, fn_args=(partitions,), batch_format="pyarrow")  # type: ignore[arg-type]  # Ray's stub: fn(batch) alone, fn_args not counted
            edges = _by(routed, partitions, _star_step, step).materialize()
            changed += edges.sum("changed") or 0  # type: ignore[operator]  # Ray's stub: value or dict; one column gives a value
        if not changed:
            return edges


def _both_ways(batch: pa.Table, partitions: int) -> pa.Table:
    node, other = components.both_ways(_column(batch, "child"), _column(batch, "parent"))
    return pa.table({"node": node, "other": other, "part": _part(node, partitions)})


def _star_step(batch: pa.Table, step) -> pa.Table:
    found = step(_column(batch, "node"), _column(batch, "other"))
    return pa.table({"child": found.child, "parent": found.parent, "changed": found.changed.astype(np.int64)})


def _clustered(texts: ray.data.Dataset, stars: ray.data.Dataset, partitions: int) -> ray.data.Dataset:
    """Stage 7: each text in a cluster with its label (the first text of its component), then
    per label the canonical copy and each member's similarity to it."""
    roots = stars.map_batches(_roots, batch_format="pyarrow")
    routed = roots.map_batches(_routed, fn_args=("first", SETS, partitions), batch_format="pyarrow")  # type: ignore[arg-type]  # Ray's stub: fn(batch) alone, fn_args not counted
    texts = texts.map_batches(_routed, fn_args=("first", ROWS, partitions), batch_format="pyarrow")  # type: ignore[arg-type]  # Ray's stub: fn(batch) alone, fn_args not counted
    labelled = _by(texts.union(routed), partitions, _labels, partitions)
    return _by(labelled, partitions, _canonical)


def _roots(batch: pa.Table) -> pa.Table:
    """Each node of a star and its root (the root too), under the names texts use."""
    child, parent = _column(batch, "child"), _column(batch, "parent")
    return pa.table({"first": np.concatenate((child, parent)), "label": np.concatenate((parent, parent))})


def _labels(batch: pa.Table, partitions: int) -> pa.Table:
    """The texts in a cluster (in a component, or with exact copies) with their label, to the
    partition of the label."""
    texts = _side(batch, ROWS)
    first = _column(texts, "first")
    label = first.copy()
    linked = np.zeros(len(first), dtype=bool)
    if "label" in texts.column_names:  # some components: the partition has their roots
        roots = _side(batch, SETS).select(["first", "label"]).group_by(["first", "label"]).aggregate([])
        ids, found = _column(roots, "first"), _column(roots, "label")
        order = np.argsort(ids)
        where = order[np.minimum(np.searchsorted(ids[order], first), max(len(ids) - 1, 0))] if len(ids) else first[:0]
        linked = ids[where] == first if len(ids) else linked
        label[linked] = found[where[linked]]
        texts = texts.drop_columns(["label"])
    keep = pa.array(linked | _column(texts, "copied"))
    texts = texts.append_column("label", pa.array(label)).filter(keep)
    return texts.append_column("part", pa.array(_part(_column(texts, "label"), partitions)))


def _canonical(batch: pa.Table) -> pa.Table:
    """Per label, the canonical copy (earliest date, then input order), and each text's
    similarity to it: 1 for an exact copy, else the Jaccard similarity of their sets."""
    label, index, first = (_column(batch, name) for name in ("label", "index", "first"))
    head = canonical.heads(label, np.array(batch.column("date").to_pylist(), dtype=str), index)
    order = np.argsort(index)
    at_head = order[np.searchsorted(index[order], head)]
    sets = _sets(batch.column("set"))
    similarity = np.where(first[at_head] == first, 1.0, jaccard(sets, at_head, np.arange(len(index))))
    return pa.table({"label": label, "index": index, "head": head, "similarity": similarity})


def _groups(clustered: ray.data.Dataset) -> list[Group]:
    """The clusters on the driver, as ``find_groups`` returns them: ordered by their first
    text, members in input order, the canonical copy apart."""
    tables = [table for table in (ray.get(ref) for ref in clustered.to_arrow_refs()) if table.num_rows]
    if not tables:
        return []
    table = pa.concat_tables(tables).sort_by([("label", "ascending"), ("index", "ascending")])
    label, index, head, similarity = (table.column(n).to_numpy() for n in ("label", "index", "head", "similarity"))
    cuts = np.flatnonzero(label[1:] != label[:-1]) + 1
    groups = []
    for members, heads, sims in zip(np.split(index, cuts), np.split(head, cuts), np.split(similarity, cuts)):
        if len(members):
            others = members != heads[0]
            groups.append(Group(int(heads[0]), members[others], sims[others]))
    return groups
