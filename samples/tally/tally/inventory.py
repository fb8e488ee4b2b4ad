"""A small stock ledger with reservations."""


class InventoryError(Exception):
    """Base class for inventory errors."""


class UnknownItem(InventoryError):
    """The SKU is not in the inventory."""

    def __init__(self, sku):
        super().__init__(f"unknown item: {sku}")
        self.sku = sku


class InsufficientStock(InventoryError):
    """More units were asked for than are available."""

    def __init__(self, sku, requested, available):
        super().__init__(f"{sku}: requested {requested}, only {available} available")
        self.sku = sku
        self.requested = requested
        self.available = available


class Inventory:
    """Units in stock per SKU; reserved units stay in stock but are not available."""

    def __init__(self, items=None):
        self._stock = {}
        self._reserved = {}
        for sku, quantity in (items or {}).items():
            self.add(sku, quantity)

    @staticmethod
    def _check_quantity(quantity):
        if not isinstance(quantity, int) or isinstance(quantity, bool):
            raise TypeError(f"quantity must be an int, got {quantity!r}")
        if quantity <= 0:
            raise ValueError(f"quantity must be positive, got {quantity}")

    def _stock_of(self, sku):
        try:
            return self._stock[sku]
        except KeyError:
            raise UnknownItem(sku) from None

    def add(self, sku, quantity=1):
        """Add *quantity* units of *sku*; returns the new stock."""
        self._check_quantity(quantity)
        self._stock[sku] = self._stock.get(sku, 0) + quantity
        return self._stock[sku]

    def quantity(self, sku):
        """Units of *sku* in stock, reserved ones included (0 for an unknown SKU)."""
        return self._stock.get(sku, 0)

    def reserved(self, sku):
        """Units of *sku* currently reserved."""
        return self._reserved.get(sku, 0)

    def available(self, sku):
        """Units of *sku* that can still be removed or reserved."""
        return self.quantity(sku) - self.reserved(sku)

    def remove(self, sku, quantity=1):
        """Remove *quantity* available units of *sku*; returns the new stock."""
        self._check_quantity(quantity)
        current = self._stock_of(sku)
        if quantity > self.available(sku):
            raise InsufficientStock(sku, quantity, self.available(sku))
        self._stock[sku] = current - quantity
        return self._stock[sku]

    def reserve(self, sku, quantity=1):
        """Reserve *quantity* available units of *sku*."""
        self._check_quantity(quantity)
        self._stock_of(sku)
        if quantity > self.available(sku):
            raise InsufficientStock(sku, quantity, self.available(sku))
        self._reserved[sku] = self.reserved(sku) + quantity

    def release(self, sku, quantity=1):
        """Give back *quantity* reserved units of *sku* (at most what is reserved)."""
        self._check_quantity(quantity)
        held = self.reserved(sku)
        if quantity > held:
            raise InsufficientStock(sku, quantity, held)
        if held == quantity:
            del self._reserved[sku]
        else:
            self._reserved[sku] = held - quantity

    def skus(self):
        """The SKUs with stock, sorted."""
        return sorted(sku for sku, count in self._stock.items() if count > 0)

    def total_units(self):
        """All units in stock."""
        return sum(self._stock.values())

    def __contains__(self, sku):
        return self.quantity(sku) > 0

    def __len__(self):
        return len(self.skus())
