"""The workshop's file in the window: opening, importing, exporting, backups, and its safety."""
