"""The window's sections, one package each: a page and what only it uses."""
