"""The one exception type evaluators raise for bad inputs."""

from __future__ import annotations


class SlaInputError(ValueError):
    """An evaluator was given an input it cannot use; the message names the bad value."""


class UnspecifiedError(LookupError):
    """The contract leaves this question undecided, so no answer can be computed."""
