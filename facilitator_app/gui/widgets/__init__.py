"""Widgets the sections share: the capture table, date fields, live item editors."""
