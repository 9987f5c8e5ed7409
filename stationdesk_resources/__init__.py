"""The files StationDesk ships with: the catalog, the calendar seed, translations, the icon.

A package (not a loose folder) so that a wheel, a .deb bundle and a git checkout all find
them the same way, through importlib.resources; see clerk.paths.resources_dir.
"""
