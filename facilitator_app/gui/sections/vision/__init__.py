"""The Vision section: themes, the wording, the draft, remarks and the comparison."""
