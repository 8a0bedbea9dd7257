"""Benchmarks of dientap-desktop, each printed beside a baseline measured in the same run."""
