"""Inputs and outputs: finding files, one module per input format (formats/), HTML extraction,
a document's language, writers, write-back and atomic files."""
