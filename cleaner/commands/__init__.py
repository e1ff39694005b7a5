"""The library behind each command, one module each (clean, check, dedup, entities), and the
configuration file that settings come from. The CLI calls only these."""
