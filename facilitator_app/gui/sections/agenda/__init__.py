"""The Agenda section and the meeting clock."""
