"""Tools for people working on the project (benchmarks, a local server for tests); not in the wheel."""
