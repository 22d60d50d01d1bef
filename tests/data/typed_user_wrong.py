"""A user's mistakes that ``mypy --strict`` must catch (tests/test_public.py): not run."""

from __future__ import annotations

import chronoreconcile as cr


def wrong(policy: str) -> cr.Event:
    """A plain str where the Disambiguation alias is required, and a number for an event."""
    cr.Before(7, "declaration")
    return cr.Event("declaration", "1945-08-08T23:00", "Europe/Moscow", disambiguation=policy)
