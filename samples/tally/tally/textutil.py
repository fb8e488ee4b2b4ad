"""Text helpers: slugs, wrapping, truncation and word counts."""

import re
import unicodedata
from collections import Counter

_WORD = re.compile(r"[A-Za-z0-9']+")


def slugify(text, separator="-", max_length=None):
    """Lower-case ASCII slug of *text*, words joined by *separator*.

    Accents are dropped ("Crème" becomes "creme"); any run of other characters becomes one
    separator. With *max_length* the slug is cut and a trailing separator removed.
    """
    normalized = unicodedata.normalize("NFKD", text)
    ascii_text = normalized.encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    slug = separator.join(words)
    if max_length is not None and len(slug) > max_length:
        slug = slug[:max_length].rstrip(separator)
    return slug


def wrap(text, width=70):
    """Split *text* into lines of at most *width* characters, breaking between words.

    Words longer than *width* are split across lines.
    """
    if width < 1:
        raise ValueError(f"width must be at least 1, got {width}")
    lines = []
    current = ""
    for word in text.split():
        while len(word) > width:
            if current:
                lines.append(current)
                current = ""
            lines.append(word[:width])
            word = word[width:]
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current = current + " " + word
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def truncate(text, width, suffix="..."):
    """Shorten *text* to at most *width* characters, ending with *suffix* when cut."""
    if width < 0:
        raise ValueError(f"width must not be negative, got {width}")
    if len(text) <= width:
        return text
    if width <= len(suffix):
        return suffix[:width]
    return text[: width - len(suffix)].rstrip() + suffix


def words(text):
    """The words of *text* (letters, digits and apostrophes)."""
    return _WORD.findall(text)


def word_counts(text, ignore_case=True):
    """A dict from each word of *text* to its number of occurrences."""
    found = words(text)
    if ignore_case:
        found = [word.lower() for word in found]
    return dict(Counter(found))


def most_common_words(text, n=3, ignore_case=True):
    """The *n* most common words as (word, count) pairs, ties in alphabetical order."""
    counts = word_counts(text, ignore_case=ignore_case)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return ordered[:n]
