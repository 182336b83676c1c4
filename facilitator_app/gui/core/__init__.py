"""What every part of the window shares: the session, undo commands, settings, text, icons."""
