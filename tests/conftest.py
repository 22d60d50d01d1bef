"""Test configuration: hypothesis profiles and the zone-data pin for the differential tests.

``HYPOTHESIS_PROFILE=ci`` (what .ci/run sets) keeps the whole suite within the CI budget
on a 2-core machine; ``dev`` is the default for a developer's run; ``thorough`` is for
long searches by hand.
"""

from __future__ import annotations

import os
import zoneinfo

from hypothesis import HealthCheck, settings

# The differential tests compare against stdlib zoneinfo, which must read the same
# tzdata package as the library rather than the host's (older) copy.
zoneinfo.reset_tzpath(to=[])

settings.register_profile(
    "ci",
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile(
    "thorough", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
