"""Federating a school's domain with its identity provider (graph-facts §15), Qt-free: the IdP's metadata,
the federation reads through Graph, the readiness table of `federate check`, and the home-realm check."""
