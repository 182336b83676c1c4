"""The workshop document: data model, SQLite storage, operations and JSON interchange (no Qt)."""
