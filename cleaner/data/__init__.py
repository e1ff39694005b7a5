"""Package data: the phrase lists of the rules and the entity gazetteer (TOML files)."""
