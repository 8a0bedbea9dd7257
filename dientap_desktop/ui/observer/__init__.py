"""The observer's window: scoring sheets and notes in one observer kit, offline."""
