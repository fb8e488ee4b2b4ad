"""Descriptive statistics for small sequences of numbers."""

import math
from collections import Counter


class StatisticsError(ValueError):
    """Raised when a statistic is undefined for the given data."""


def _require_data(data, minimum=1):
    """Return *data* as a list, raising StatisticsError if it has fewer than *minimum* values."""
    values = list(data)
    if len(values) < minimum:
        raise StatisticsError(f"need at least {minimum} value(s), got {len(values)}")
    return values


def mean(data):
    """Arithmetic mean of *data*."""
    values = _require_data(data)
    return sum(values) / len(values)


def median(data):
    """Middle value of *data*; the mean of the two middle values for an even count."""
    values = sorted(_require_data(data))
    n = len(values)
    middle = n // 2
    if n % 2 == 1:
        return values[middle]
    return (values[middle - 1] + values[middle]) / 2


def mode(data, default=None):
    """Most common value of *data* (the smallest one on a tie).

    Returns *default* for empty data instead of raising.
    """
    counts = Counter(data)
    if not counts:
        return default
    best_count = max(counts.values())
    candidates = [value for value, count in counts.items() if count == best_count]
    return min(candidates)


def percentile(data, p, method="linear"):
    """The *p*-th percentile (0 to 100) of *data*.

    *method* is one of ``linear`` (interpolate), ``lower``, ``higher`` or ``nearest``.
    """
    if not 0 <= p <= 100:
        raise ValueError(f"percentile must be between 0 and 100, got {p}")
    values = sorted(_require_data(data))
    position = (len(values) - 1) * p / 100
    low = math.floor(position)
    high = math.ceil(position)
    if method == "lower":
        return values[low]
    if method == "higher":
        return values[high]
    if method == "nearest":
        return values[low] if position - low <= high - position else values[high]
    if method != "linear":
        raise ValueError(f"unknown method: {method!r}")
    fraction = position - low
    return values[low] + (values[high] - values[low]) * fraction


def _sum_of_squares(values, center):
    """Sum of the squared deviations of *values* from *center*."""
    return math.fsum((value - center) ** 2 for value in values)


def variance(data, sample=True):
    """Variance of *data*: the sample variance by default, the population variance otherwise."""
    values = _require_data(data, 2 if sample else 1)
    divisor = len(values) - 1 if sample else len(values)
    return _sum_of_squares(values, mean(values)) / divisor


def stdev(data, sample=True):
    """Standard deviation of *data* (square root of :func:`variance`)."""
    return math.sqrt(variance(data, sample=sample))


def summary(data):
    """A dict with count, min, max, mean and median of *data*."""
    values = _require_data(data)
    return {
        "count": len(values),
        "min": min(values),
        "max": max(values),
        "mean": mean(values),
        "median": median(values),
    }
