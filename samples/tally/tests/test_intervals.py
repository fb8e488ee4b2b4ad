import pytest

from tally.intervals import contains, intersection, merge, normalize, overlaps, total_length


def test_normalize_accepts_list():
    assert normalize([1, 2]) == (1, 2)


def test_normalize_rejects_reversed():
    with pytest.raises(ValueError):
        normalize((3, 1))


def test_normalize_rejects_non_pairs():
    with pytest.raises(ValueError):
        normalize((1, 2, 3))
    with pytest.raises(ValueError):
        normalize(5)


def test_contains_includes_ends():
    assert contains((1, 5), 1)
    assert contains((1, 5), 5)
    assert not contains((1, 5), 6)


def test_overlaps_disjoint():
    assert not overlaps((1, 2), (3, 4))


def test_overlaps_nested():
    assert overlaps((1, 10), (3, 4))


def test_overlaps_touching_endpoints():
    assert overlaps((1, 3), (3, 5))
    assert overlaps((3, 5), (1, 3))


def test_intersection():
    assert intersection((1, 5), (3, 8)) == (3, 5)
    assert intersection((1, 2), (4, 5)) is None


def test_merge_overlapping():
    assert merge([(5, 8), (1, 3), (2, 4)]) == [(1, 4), (5, 8)]


def test_merge_touching():
    assert merge([(1, 2), (2, 3)]) == [(1, 3)]


def test_merge_empty():
    assert merge([]) == []


def test_total_length_counts_overlap_once():
    assert total_length([(0, 2), (1, 3), (10, 11)]) == 4
