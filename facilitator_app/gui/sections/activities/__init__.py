"""The Activities section: blocks, the activity tree and the ranking by votes."""
