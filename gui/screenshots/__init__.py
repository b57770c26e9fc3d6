"""A PNG of every page and error state (`python -m gui.screenshots.walk OUT`)."""
