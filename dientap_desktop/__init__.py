"""dientap-desktop: run a Vietnamese defence exercise from the director's laptop."""

__version__ = "0.1.0"
