"""Jinja2 templates of the backends (package data)."""
