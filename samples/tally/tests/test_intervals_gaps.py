from tally.intervals import gaps


def test_gaps_between_intervals():
    assert gaps([(1, 2), (5, 6), (3, 4)]) == [(2, 3), (4, 5)]


def test_gaps_none_when_covered():
    assert gaps([(1, 3), (2, 5)]) == []


def test_gaps_within_adds_edges():
    assert gaps([(2, 3)], within=(0, 5)) == [(0, 2), (3, 5)]


def test_gaps_within_clips():
    assert gaps([(-5, 1), (4, 20)], within=(0, 10)) == [(1, 4)]


def test_gaps_within_empty_is_whole_range():
    assert gaps([], within=(0, 10)) == [(0, 10)]
    assert gaps([(20, 30)], within=(0, 10)) == [(0, 10)]
