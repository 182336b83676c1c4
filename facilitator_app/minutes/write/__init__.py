"""Writing the minutes: Word, Markdown and PDF, each from the same format-neutral blocks."""
