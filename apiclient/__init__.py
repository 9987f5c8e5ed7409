"""What every client of the district service shares, whoever the user is: HTTP with
timeouts, TLS and the server's worded errors (`apiclient.http`), retries with backoff
(`apiclient.retry`) and the OS keyring check (`apiclient.keyring_backend`).

The station's sync client (`sync`) and the staff client of district mode
(`staff_client`) both build on it; neither depends on the other.
"""
