"""Small reusable widgets: the error panel, the busy indicator, a checklist row."""
