"""Benchmarks of slac: build throughput, no-op rebuild, and the generated evaluators against
hand-written pandas implementations of the same rules. Run with `python -m bench`."""
