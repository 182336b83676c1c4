"""The Tasks section (úkoly)."""
