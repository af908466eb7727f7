"""The .sla grammar, shipped as package data (slac.grammar)."""
