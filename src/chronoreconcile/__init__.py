"""chronoreconcile: event times from local records, across zones, calendars and precisions."""
