"""The printed documents of an exercise: PDFs with reportlab in the official format (no Qt)."""
