"""The .workshop file on disk: its tables, storage, journal guard, lock and backups (no Qt)."""
