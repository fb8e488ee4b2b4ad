import math

import pytest

from tally.stats import StatisticsError, mean, median, mode, percentile, stdev, summary, variance


def test_mean_of_integers():
    assert mean([1, 2, 3, 4]) == 2.5


def test_mean_accepts_generator():
    assert mean(x for x in range(5)) == 2


def test_mean_empty_raises():
    with pytest.raises(StatisticsError):
        mean([])


def test_median_odd():
    assert median([3, 1, 2]) == 2


def test_median_single_value():
    assert median([7]) == 7


def test_median_empty_raises():
    with pytest.raises(StatisticsError):
        median([])


def test_median_even():
    assert median([4, 1, 3, 2]) == 2.5
    assert median([10, 20]) == 15


def test_mode_most_common():
    assert mode([1, 2, 2, 3]) == 2


def test_mode_tie_takes_smallest():
    assert mode([5, 1, 5, 1, 3]) == 1


def test_mode_empty_returns_default():
    assert mode([]) is None
    assert mode([], default=0) == 0


def test_percentile_linear():
    assert percentile([1, 2, 3, 4, 5], 50) == 3
    assert percentile([1, 2, 3, 4], 25) == pytest.approx(1.75)


def test_percentile_bounds():
    data = [9, 3, 5]
    assert percentile(data, 0) == 3
    assert percentile(data, 100) == 9


def test_percentile_methods():
    data = [10, 20, 30, 40]
    assert percentile(data, 50, method="lower") == 20
    assert percentile(data, 50, method="higher") == 30
    assert percentile(data, 40, method="nearest") == 20


def test_percentile_out_of_range_raises():
    with pytest.raises(ValueError):
        percentile([1, 2], 101)


def test_percentile_unknown_method_raises():
    with pytest.raises(ValueError, match="unknown method"):
        percentile([1, 2], 50, method="cubic")


def test_variance_sample():
    assert variance([2, 4, 4, 4, 5, 5, 7, 9]) == pytest.approx(32 / 7)


def test_variance_population():
    assert variance([2, 4, 4, 4, 5, 5, 7, 9], sample=False) == pytest.approx(4)
    assert variance([5], sample=False) == 0


def test_variance_sample_needs_two_values():
    with pytest.raises(StatisticsError):
        variance([1])


def test_stdev_population():
    assert stdev([2, 4, 4, 4, 5, 5, 7, 9], sample=False) == pytest.approx(2)


def test_summary():
    result = summary([3, 1, 2])
    assert result == {"count": 3, "min": 1, "max": 3, "mean": 2, "median": 2}
    assert not math.isnan(result["mean"])
