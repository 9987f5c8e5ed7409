"""Benchmarks with their data generators; `python -m bench` prints a table (DESIGN section 13)."""
