"""One module per wizard page; `base.WizardPage` holds what they share (busy state, error panel)."""
