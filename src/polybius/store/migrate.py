"""Schema versions: schema.sql creates version 1; each later version adds one migration here."""
from __future__ import annotations

from importlib import resources

import duckdb

SCHEMA_VERSION = 1
MIGRATIONS: dict[int, list[str]] = {}  # version → statements that bring the previous version to it


def migrate(db: duckdb.DuckDBPyConnection) -> int:
    """Create the schema if absent, then apply pending migrations; returns the version now in force."""
    db.execute(resources.files("polybius.store").joinpath("schema.sql").read_text(encoding="utf-8"))
    row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    version = int(row[0]) if row else SCHEMA_VERSION
    if row is None:
        db.execute("INSERT INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
    for target in sorted(v for v in MIGRATIONS if v > version):
        for statement in MIGRATIONS[target]:
            db.execute(statement)
        db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(target)])
        version = target
    return version
