"""The station mode: the counter, cases, applicants, catalog, reports, settings, sync."""
