"""The Attendees section."""
