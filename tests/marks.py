"""Test marks shared by several test modules (not strategies: those are public)."""

import pytest

# For properties that draw any zone at any date: a merged zone before 1970 warns
# (HistoryWarning), which is the behaviour under test elsewhere, not here.
any_zone_history = pytest.mark.filterwarnings("ignore::chronoreconcile.HistoryWarning")
