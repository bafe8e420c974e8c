"""Errors polybius raises: each names the input, what was wrong, and what to do."""
from __future__ import annotations


class PolybiusError(Exception):
    """Base class: the message is meant for the user, complete and actionable."""


class InputError(PolybiusError):
    """An input (file, line, stream) could not be read as an article."""

    def __init__(self, origin: str, problem: str, fix: str) -> None:
        self.origin = origin
        self.problem = problem
        self.fix = fix
        super().__init__(f"{origin}: {problem}. {fix}")


class LexiconError(PolybiusError):
    """A lexicon file (shipped or the user's) is malformed."""

    def __init__(self, path: str, line: int, problem: str, fix: str) -> None:
        where = f"{path}:{line}" if line else path  # line 0: the path already says where
        super().__init__(f"{where}: {problem}. {fix}")


class UsageError(PolybiusError):
    """Options that cannot be used together or have invalid values."""
