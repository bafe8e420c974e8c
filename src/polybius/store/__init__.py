"""The corpus store: articles, event mentions, merged events and errors in one DuckDB file."""
from polybius.store.writer import Store

__all__ = ["Store"]
