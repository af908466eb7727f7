"""slac: a rules-as-data compiler for service-level agreements (.sla → Python evaluators,
summaries)."""

__version__ = "0.1.0"
