"""Synthetic data for the demo (`main.py --demo`, `python -m district demo`), the tests and
the benchmarks, in one place: stations, valid resident IDs of nobody, demo cases played
through the real services, and bulk cases written the way CaseService would write them.

Never real people: every resident ID is generated (valid check digit, made-up person).
"""
