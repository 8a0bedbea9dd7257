"""The files of the program: exercise files and observer kits, in SQLite through sqlite-utils."""
