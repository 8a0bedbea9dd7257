"""The exercise domain: scenarios, the run of an exercise, decisions and scoring; no Qt, no SQL."""
