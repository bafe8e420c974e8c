"""Shared fixtures: the real Coder (spaCy model and lexicons) is loaded once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def coder():
    from polybius.pipeline import Coder

    return Coder()


@pytest.fixture(scope="session")
def example_article() -> Path:
    return ROOT / "examples" / "missiles-kursk.txt"
