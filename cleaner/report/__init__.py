"""Human-facing output: run summaries and progress, always on stderr."""
