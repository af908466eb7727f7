"""Runtime of the generated evaluators, copied from slac: standard library only; do not edit."""
