"""Connected components of a graph spread over partitions: large-star and small-star steps.

Union-find (:mod:`.clusters`) needs every pair in one process. An engine that keeps the pairs
on many machines runs these steps instead (Kiveris et al., "Connected Components in MapReduce
and Beyond", 2014). Edges are ``(child, parent)`` with ``child > parent``; a step is given,
for each node in its partition, every edge of that node (``node``, ``other``: both directions),
and sends edges towards smaller nodes:

- large-star: each node's larger neighbours move under the smallest node it sees;
- small-star: each node and its smaller neighbours move under the smallest of them.

Alternated until neither step changes anything, every component is a star around its
smallest node: the root union-find gives it. Each step flags the edges of the nodes it
changed, so an engine stops when a large-star and the small-star after it flag none.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from cleaner.duplicates.clusters import union_find


class Edges(NamedTuple):
    """Edges ``child -> parent`` (``child > parent``), and which a changed node sent."""

    child: np.ndarray  # int64
    parent: np.ndarray  # int64
    changed: np.ndarray  # bool


def both_ways(child: np.ndarray, parent: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each edge seen from each of its ends: ``(node, other)`` rows."""
    return np.concatenate((child, parent)), np.concatenate((parent, child))


def large_star(node: np.ndarray, other: np.ndarray) -> Edges:
    """Every neighbour larger than a node goes under the smallest of the node's neighbourhood
    (the node included). A node changes when it has a larger neighbour and a smaller one."""
    node, other, starts = _by_node(node, other)
    smallest = np.minimum(np.repeat(other[starts], np.diff(np.append(starts, len(node)))), node)
    larger = other > node
    changed = larger & (smallest < node)
    return Edges(other[larger], smallest[larger], changed[larger])


def small_star(node: np.ndarray, other: np.ndarray) -> Edges:
    """A node and its smaller neighbours go under the smallest of them. A node changes when
    it has two smaller neighbours or more."""
    smaller = other < node
    node, other, starts = _by_node(node[smaller], other[smaller])
    counts = np.diff(np.append(starts, len(node)))
    smallest = np.repeat(other[starts], counts)
    changed = np.repeat(counts > 1, counts)
    moved = other != smallest  # the smallest stays the parent, not its own child
    child = np.concatenate((other[moved], node[starts]))
    parent = np.concatenate((smallest[moved], other[starts]))
    return Edges(child, parent, np.concatenate((changed[moved], counts > 1)))


def _by_node(node: np.ndarray, other: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The rows sorted by node then neighbour, each once, and where each node's rows start."""
    order = np.lexsort((other, node))
    node, other = node[order], other[order]
    if not len(node):
        return node, other, node[:0]
    fresh = np.concatenate(([True], (node[1:] != node[:-1]) | (other[1:] != other[:-1])))
    node, other = node[fresh], other[fresh]
    return node, other, np.flatnonzero(np.concatenate(([True], node[1:] != node[:-1])))


def contract(left: np.ndarray, right: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The components of some edges as stars: ``(child, parent)`` for every node but the
    smallest of its component, which is every other's parent. The same components, fewer
    steps for the star rounds."""
    nodes, inverse = np.unique(np.concatenate((left, right)), return_inverse=True)
    roots = union_find(len(nodes), inverse[: len(left)], inverse[len(left) :])
    moved = roots != np.arange(len(nodes))
    return nodes[moved], nodes[roots[moved]]
