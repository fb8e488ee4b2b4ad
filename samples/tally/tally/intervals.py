"""Closed numeric intervals given as ``(start, end)`` pairs with ``start <= end``."""


def normalize(interval):
    """Return *interval* as a tuple, raising ValueError if it is not a valid pair."""
    try:
        start, end = interval
    except (TypeError, ValueError):
        raise ValueError(f"not an interval: {interval!r}") from None
    if start > end:
        raise ValueError(f"interval start {start} is after its end {end}")
    return (start, end)


def contains(interval, point):
    """True if *point* lies in *interval*, both ends included."""
    start, end = normalize(interval)
    return start <= point <= end


def overlaps(a, b):
    """True if the intervals *a* and *b* share at least one point."""
    a_start, a_end = normalize(a)
    b_start, b_end = normalize(b)
    return a_start <= b_end and b_start <= a_end


def intersection(a, b):
    """The interval common to *a* and *b*, or None if they do not overlap."""
    if not overlaps(a, b):
        return None
    return (max(a[0], b[0]), min(a[1], b[1]))


def merge(intervals):
    """Merge overlapping or touching intervals; the result is sorted by start."""
    ordered = sorted(normalize(interval) for interval in intervals)
    merged = []
    for start, end in ordered:
        if merged and start <= merged[-1][1]:
            last_start, last_end = merged[-1]
            merged[-1] = (last_start, max(last_end, end))
        else:
            merged.append((start, end))
    return merged


def total_length(intervals):
    """Total length covered by *intervals*, counting shared parts once."""
    return sum(end - start for start, end in merge(intervals))


def gaps(intervals, within=None):
    """The uncovered stretches between *intervals*, sorted.

    With *within* (an interval) the gaps before the first and after the last interval inside
    it are included too, and everything is clipped to it.
    """
    merged = merge(intervals)
    if within is not None:
        low, high = normalize(within)
        merged = [(max(start, low), min(end, high)) for start, end in merged if start <= high and end >= low]
        if not merged:
            return [(low, high)]
    result = []
    for (_, previous_end), (next_start, _) in zip(merged, merged[1:]):
        result.append((previous_end, next_start))
    if within is not None:
        if merged[0][0] > low:
            result.insert(0, (low, merged[0][0]))
        if merged[-1][1] < high:
            result.append((merged[-1][1], high))
    return result
