"""The Workshop details section."""
