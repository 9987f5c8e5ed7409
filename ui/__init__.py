"""PySide6 widgets and Qt models: a thin layer over clerk, printing and sync."""
