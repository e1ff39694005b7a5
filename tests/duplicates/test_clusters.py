"""Union-find and groups."""

from __future__ import annotations

import numpy as np
import pytest

from cleaner.duplicates.clusters import groups, union_find


@pytest.mark.parametrize(
    ("count", "pairs", "roots"),
    [
        pytest.param(3, [], [0, 1, 2], id="no pairs"),
        pytest.param(4, [(2, 3)], [0, 1, 2, 2], id="one pair"),
        pytest.param(5, [(3, 4), (1, 4), (0, 2)], [0, 1, 0, 1, 1], id="chains join"),
        pytest.param(6, [(4, 5), (3, 4), (2, 3), (1, 2), (0, 1)], [0] * 6, id="a long path"),
        pytest.param(4, [(3, 2), (2, 1)], [0, 1, 1, 1], id="pairs in any order"),
    ],
)
def test_union_find(count, pairs, roots):
    left = np.array([p[0] for p in pairs], dtype=np.int64)
    right = np.array([p[1] for p in pairs], dtype=np.int64)
    assert union_find(count, left, right).tolist() == roots


def test_groups_keep_input_order_and_drop_singletons():
    assert [g.tolist() for g in groups(np.array([5, 0, 5, 9, 0]))] == [[1, 4], [0, 2]]
