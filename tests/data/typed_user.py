"""A user's file that must pass ``mypy --strict``: tests/test_public.py checks it, then runs it.

It passes a policy read as plain text through the exported ``Disambiguation`` alias (by a
checked function), and Event objects where claims name events, as the reference allows.
"""

from __future__ import annotations

import datetime as dt
from typing import cast

import chronoreconcile as cr

POLICIES: tuple[cr.Disambiguation, ...] = ("raise", "earlier", "later", "compatible")


def policy_from(text: str) -> cr.Disambiguation:
    """A disambiguation word from a user's setting, refused unless it is one of the four.

    The ``in`` test narrows ``text`` to the alias's words, so no cast is needed here.
    """
    if text not in POLICIES:
        raise ValueError(f"unknown policy {text!r}")
    return text


def policy_of(settings: dict[str, str]) -> cr.Disambiguation:
    """The same through a cast, for a value checked elsewhere (by the library, here)."""
    return cast(cr.Disambiguation, settings.get("policy", "raise"))


def manchuria(policy: str) -> cr.Reconciliation:
    """The invasion of Manchuria against the Soviet declaration, with Event objects in claims."""
    chosen = policy_from(policy)
    invasion = cr.Event("invasion")
    declaration = cr.Event(
        "declaration", "1945-08-08T23:00", "Europe/Moscow", disambiguation=chosen
    )
    tolerance: cr.Tolerance = dt.timedelta(minutes=1)
    later = cr.Event("later", "1945-08-09T08:00", "+10:00", disambiguation=policy_of({}))
    claims: list[cr.Claim] = [
        cr.At(invasion, "1945-08-09T00:01", "+10:00", tolerance=tolerance, disambiguation=chosen),
        cr.OnDate(invasion, dt.date(1945, 8, 9), "+10:00"),
        cr.Before(invasion, declaration),
        cr.Gap(invasion, declaration, "5h30m", dt.timedelta(hours=6)),
    ]
    return cr.Chronology([invasion, declaration, later], claims).reconcile()


def summary(result: cr.Reconciliation) -> dict[str, cr.Status]:
    """Each claim's status, by claim id."""
    verdicts: dict[str, cr.Verdict] = dict(result.verdicts)
    conflicts: tuple[cr.Conflict, ...] = result.conflicts
    assert not conflicts or not result.consistent
    return {cid: v.status for cid, v in verdicts.items()}


def sides(a: cr.Event, b: cr.Event) -> cr.Relation:
    """How two events stand, and where the first fell on the calendar."""
    zone: cr.Zone = cr.get_zone("Europe/London")
    dates: cr.WhereDates = cr.where_dates(a, [zone])
    span: cr.Span | None = a.span
    assert span is None or dates.event == a.id
    return cr.relation(a, b)


VERSION: str = cr.__version__
OFFSET_RULE: cr.OffsetOption = "reject"
