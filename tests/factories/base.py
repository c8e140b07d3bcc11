"""What every factory module shares: a fresh uuid primary key."""
from __future__ import annotations

import uuid

import factory


class AvecId(factory.Factory):
    """A model with a uuid primary key, built in memory (the `fabrique` fixture persists it)."""

    class Meta:
        abstract = True

    id = factory.LazyFunction(uuid.uuid4)
