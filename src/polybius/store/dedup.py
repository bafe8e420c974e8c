"""Near-duplicate articles (syndicated wire copies) by MinHash over 5-word shingles, with LSH lookup."""
from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
THRESHOLD = 0.8
SHINGLE = 5
WORDS = re.compile(r"\w+")


def signature(text: str) -> MinHash:
    """The MinHash of a text's 5-word shingles (lower-cased), stable across runs."""
    words = WORDS.findall(text.lower())
    minhash = MinHash(num_perm=NUM_PERM, seed=1)
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash


class DuplicateFinder:
    """Finds, for each new article, an earlier stored article it nearly copies."""

    def __init__(self) -> None:
        self.index = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)

    def add(self, key: str, minhash: MinHash) -> None:
        if key not in self.index:
            self.index.insert(key, minhash)

    def original_of(self, minhash: MinHash) -> str | None:
        found = self.index.query(minhash)
        return min(found) if found else None

    @staticmethod
    def to_bytes(minhash: MinHash) -> bytes:
        return minhash.hashvalues.tobytes()

    @staticmethod
    def from_bytes(data: bytes) -> MinHash:
        """A stored signature, in the dtype datasketch uses now (LSH bands hash the raw bytes)."""
        minhash = MinHash(num_perm=NUM_PERM, seed=1)
        minhash.hashvalues = np.frombuffer(data, dtype=minhash.hashvalues.dtype).copy()
        return minhash
