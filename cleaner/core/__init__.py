"""The model every layer shares: documents, findings and fixes, frozen settings, the stage an
engine runs, check's modes, the version. Imports nothing else of cleaner."""
