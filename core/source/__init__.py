"""Where values come from: the IdP's CSV export, user attributes, transforms, validation."""
