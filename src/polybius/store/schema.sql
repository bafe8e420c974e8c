-- polybius store, schema version 1. The only DDL of the project; migrations live in migrate.py.
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

-- One row per article coded; article_key is the input id, or a hash of the text when it has none.
CREATE TABLE IF NOT EXISTS articles (
    article_key VARCHAR PRIMARY KEY,
    doc_id VARCHAR,
    origin VARCHAR,
    published DATE,
    outlet VARCHAR,
    title VARCHAR,
    url VARCHAR,
    text_hash VARCHAR,
    minhash BLOB,               -- MinHash signature, to find syndicated copies again after a restart
    duplicate_of VARCHAR,       -- the article this one is a near-copy of (its events are not counted twice)
    n_events INTEGER,
    ingested_at TIMESTAMP
);

-- One row per event record (the contract's record, flattened, plus the record as JSON).
CREATE TABLE IF NOT EXISTS mentions (
    event_id VARCHAR PRIMARY KEY,
    article_key VARCHAR,
    event_key VARCHAR,          -- the merged event it belongs to (NULL for commentary and duplicates)
    type VARCHAR, mode VARCHAR,
    source_code VARCHAR, source_sector VARCHAR, source_name VARCHAR,
    target_code VARCHAR, target_sector VARCHAR, target_name VARCHAR,
    country VARCHAR, admin1 VARCHAR, place VARCHAR, lat DOUBLE, lon DOUBLE,
    date DATE, date_precision VARCHAR, modality VARCHAR, confirmation VARCHAR, segment VARCHAR,
    outlet VARCHAR, confidence DOUBLE,
    record JSON
);

-- Mentions merged across articles: same type, source and target, dates within a day, same region.
CREATE TABLE IF NOT EXISTS events (
    event_key VARCHAR PRIMARY KEY,
    type VARCHAR, source_code VARCHAR, target_code VARCHAR,
    country VARCHAR, admin1 VARCHAR,
    date_first DATE, date_last DATE,
    n_mentions INTEGER, n_articles INTEGER, n_outlets INTEGER,
    first_seen TIMESTAMP, last_seen TIMESTAMP,
    outlets JSON, attributions JSON, confirmations JSON
);

-- Inputs that could not be coded: where, and what was wrong.
CREATE TABLE IF NOT EXISTS errors (origin VARCHAR, doc_id VARCHAR, message VARCHAR, recorded_at TIMESTAMP);
