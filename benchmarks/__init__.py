"""Benchmarks: measured figures, not tests (`make bench`)."""
