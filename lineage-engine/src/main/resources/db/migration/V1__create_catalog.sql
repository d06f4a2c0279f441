-- The catalog store (see dev.meshlens.engine.store.CatalogStore).
-- Portable SQL: runs unchanged on H2 2.x and PostgreSQL. Identifiers are never quoted, so H2 folds them to
-- upper case and PostgreSQL to lower case, and both find them. No identity columns or sequences: ids are
-- assigned by the store under store_lock, so a rolled-back import leaves no trace, not even a counter.

-- One row per landed import. Ids grow with taken_at; "as of snapshot X" is a comparison of ids.
CREATE TABLE snapshot (
    id       BIGINT                      NOT NULL,
    taken_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    cluster  VARCHAR(255)                NOT NULL,
    origin   VARCHAR(4000),
    CONSTRAINT pk_snapshot PRIMARY KEY (id)
);
CREATE INDEX ix_snapshot_taken_at ON snapshot (taken_at);
CREATE INDEX ix_snapshot_cluster ON snapshot (cluster, id);

-- The sources (SourceKind labels) an import covered completely.
CREATE TABLE snapshot_source (
    snapshot_id BIGINT      NOT NULL,
    source      VARCHAR(32) NOT NULL,
    CONSTRAINT pk_snapshot_source PRIMARY KEY (snapshot_id, source),
    CONSTRAINT fk_snapshot_source_snapshot FOREIGN KEY (snapshot_id) REFERENCES snapshot (id)
);

-- Facts with the range of snapshots in which they hold: from valid_from (inclusive) to valid_to (exclusive,
-- the import of the same cluster and source that no longer saw the fact), valid_to NULL while current.
-- An unchanged fact is one row however many snapshots see it. valid_from and valid_to are snapshot ids but
-- deliberately carry no foreign keys: each would add an index to the largest table (H2 indexes every foreign
-- key), costing import speed and file size, and only the store's commit writes them, under store_lock.
-- payload is the fact as JSON (FactSerializer); content_hash is 128 bits of SHA-256 over kind and payload, hex.
CREATE TABLE fact (
    id           BIGINT       NOT NULL,
    cluster      VARCHAR(255) NOT NULL,
    source       VARCHAR(32)  NOT NULL,
    kind         VARCHAR(32)  NOT NULL,
    fact_key     VARCHAR      NOT NULL,
    content_hash VARCHAR(32)  NOT NULL,
    payload      VARCHAR      NOT NULL,
    valid_from   BIGINT       NOT NULL,
    valid_to     BIGINT,
    CONSTRAINT pk_fact PRIMARY KEY (id)
);
-- One index serves the three access paths: the current facts of a cluster and source (valid_to IS NULL),
-- "is this content already current?" (all four columns), and the history of a cluster and source (prefix).
-- content_hash comes last on purpose: with it in front of the others, or in an index of its own, H2's planner
-- (which has no statistics on a new database) may pick the cluster/source index for the hash lookup and turn
-- every commit quadratic.
CREATE INDEX ix_fact_current ON fact (cluster, source, valid_to, content_hash);

-- Facts of imports in progress. Rows live only inside the import's own transaction: the commit moves them
-- into fact and deletes them. id is import_id * 2^32 + seq, with a random 31-bit import id per import, so
-- that imports sharing a database never mix, and so that one import's rows are one primary-key range in
-- arrival order (H2 keeps a table in the order of a single BIGINT primary key: the commit reads and deletes
-- them sequentially, with no second index to maintain for that).
CREATE TABLE fact_stage (
    id           BIGINT      NOT NULL,
    source       VARCHAR(32) NOT NULL,
    kind         VARCHAR(32) NOT NULL,
    fact_key     VARCHAR     NOT NULL,
    content_hash VARCHAR(32) NOT NULL,
    payload      VARCHAR     NOT NULL,
    CONSTRAINT pk_fact_stage PRIMARY KEY (id)
);
-- For "has this import staged this content (before this row)?", at commit.
CREATE INDEX ix_fact_stage_hash ON fact_stage (content_hash, id);

-- A single row that commits lock (SELECT ... FOR UPDATE) so that snapshot and fact ids are assigned in order.
CREATE TABLE store_lock (
    id INT NOT NULL,
    CONSTRAINT pk_store_lock PRIMARY KEY (id)
);
INSERT INTO store_lock (id) VALUES (1);
