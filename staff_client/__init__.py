"""The district staff's HTTP client (district mode of the workstation): sign-in, review
queue, case actions, supervision, ratings, reports and "remember me" in the keyring.

Used by the workstation's district mode (`ui/district_*`); the district service itself
lives in `district/`, the station's sync client in `sync/`.
"""
