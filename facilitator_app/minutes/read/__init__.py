"""Reading Word minutes back into a workshop."""
