"""Engines run the same pure stage functions in different places: in this process, or on Ray
(:mod:`cleaner.engines.ray`). A stage never knows which engine runs it."""
