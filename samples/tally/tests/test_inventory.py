import pytest

from tally.inventory import InsufficientStock, Inventory, UnknownItem


def test_add_creates_item():
    inventory = Inventory()
    assert inventory.add("apple", 3) == 3
    assert inventory.quantity("apple") == 3


def test_add_accumulates():
    inventory = Inventory({"apple": 2})
    inventory.add("apple")
    assert inventory.quantity("apple") == 3


def test_add_rejects_non_positive():
    with pytest.raises(ValueError):
        Inventory().add("apple", 0)


def test_add_rejects_non_int():
    with pytest.raises(TypeError):
        Inventory().add("apple", 1.5)


def test_remove_decreases_stock():
    inventory = Inventory({"pear": 5})
    assert inventory.remove("pear", 2) == 3


def test_remove_unknown_item_raises():
    with pytest.raises(UnknownItem):
        Inventory().remove("plum")


def test_remove_more_than_stock_raises():
    inventory = Inventory({"pear": 2})
    with pytest.raises(InsufficientStock):
        inventory.remove("pear", 3)
    assert inventory.quantity("pear") == 2


def test_reserve_reduces_available():
    inventory = Inventory({"fig": 4})
    inventory.reserve("fig", 3)
    assert inventory.available("fig") == 1
    assert inventory.quantity("fig") == 4


def test_reserve_too_many_raises():
    inventory = Inventory({"fig": 1})
    with pytest.raises(InsufficientStock) as raised:
        inventory.reserve("fig", 2)
    assert raised.value.available == 1


def test_release_returns_units():
    inventory = Inventory({"fig": 4})
    inventory.reserve("fig", 3)
    inventory.release("fig", 3)
    assert inventory.available("fig") == 4
    assert inventory.reserved("fig") == 0


def test_release_more_than_reserved_raises():
    inventory = Inventory({"fig": 4})
    with pytest.raises(InsufficientStock):
        inventory.release("fig")


def test_skus_and_len_skip_empty_items():
    inventory = Inventory({"b": 1, "a": 2})
    inventory.remove("b")
    assert inventory.skus() == ["a"]
    assert len(inventory) == 1
    assert "b" not in inventory
    assert inventory.total_units() == 2
