"""tally: small, dependency-free helpers for numbers, text, ranges, money and stock."""

__version__ = "0.3.0"

__all__ = ["intervals", "inventory", "money", "stats", "textutil"]
