"""StationDesk domain: catalog, applicants, cases, calendar, local store. No Qt, no HTTP."""
