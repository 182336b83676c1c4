"""The window's dialogs: export, restore from backup, preferences, keyboard shortcuts."""
