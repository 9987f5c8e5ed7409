"""What both modes share: background operations, widgets, row models, i18n, print preview."""
