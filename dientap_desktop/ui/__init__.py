"""The desktop window: panels, item models and dialogs; the only package that imports PySide6."""
