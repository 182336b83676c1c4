"""Generated from forms/*.ui by packaging/build_resources.py (at build time, never committed)."""
