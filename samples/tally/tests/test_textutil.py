import pytest

from tally.textutil import most_common_words, slugify, truncate, word_counts, words, wrap


def test_slugify_simple():
    assert slugify("Hello World") == "hello-world"


def test_slugify_punctuation():
    assert slugify("Hello, World!") == "hello-world"


def test_slugify_accents():
    assert slugify("Crème brûlée") == "creme-brulee"


def test_slugify_custom_separator():
    assert slugify("a b c", separator="_") == "a_b_c"


def test_slugify_max_length():
    assert slugify("The quick brown fox", max_length=10) == "the-quick"


def test_wrap_short_text_is_one_line():
    assert wrap("one two three", width=20) == ["one two three"]


def test_wrap_breaks_between_words():
    assert wrap("one two three four", width=9) == ["one two", "three", "four"]


def test_wrap_splits_long_words():
    assert wrap("abcdefghij", width=4) == ["abcd", "efgh", "ij"]


def test_wrap_empty_text():
    assert wrap("   ") == []


def test_wrap_invalid_width_raises():
    with pytest.raises(ValueError):
        wrap("text", width=0)


def test_truncate_short_text_unchanged():
    assert truncate("short", 10) == "short"


def test_truncate_negative_width_raises():
    with pytest.raises(ValueError):
        truncate("text", -1)


def test_truncate_respects_width():
    assert truncate("abcdefghijkl", 8) == "abcde..."
    assert len(truncate("The quick brown fox", 10)) <= 10


def test_truncate_tiny_width_keeps_part_of_suffix():
    assert truncate("abcdef", 2) == ".."


def test_words_keeps_apostrophes():
    assert words("Don't stop, won't stop") == ["Don't", "stop", "won't", "stop"]


def test_word_counts_ignores_case():
    assert word_counts("The cat and the hat") == {"the": 2, "cat": 1, "and": 1, "hat": 1}


def test_word_counts_case_sensitive():
    assert word_counts("A a", ignore_case=False) == {"A": 1, "a": 1}


def test_most_common_words_orders_ties_alphabetically():
    assert most_common_words("b a c a b d", n=2) == [("a", 2), ("b", 2)]
