"""PySide6 widgets and Qt models: a thin layer over clerk, printing and sync."""

from ui.common.import_scan import spare_source_scan

spare_source_scan()  # before the pages, the store and SQLAlchemy are imported
