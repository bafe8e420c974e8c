"""The place stage: toponyms resolved to a compact gazetteer shipped in the package (data/)."""
from polybius.place.toponyms import Gazetteer, GazetteerEntry, Toponym, find_toponyms, toponym_at

__all__ = ["Gazetteer", "GazetteerEntry", "Toponym", "find_toponyms", "toponym_at"]
