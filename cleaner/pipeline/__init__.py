"""The per-document stages that engines run: cleaning a document, checking and fixing a file,
and what duplicate detection compares."""
