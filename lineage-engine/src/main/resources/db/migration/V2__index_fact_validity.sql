-- Reading a catalog as of an older snapshot asks for the facts whose range [valid_from, valid_to) holds it.
-- With valid_from only in the rows, that question fetched every row a (cluster, source) ever had, in valid_to
-- order (random pages): 10-18 s for a 10,000-product mesh with a year of daily snapshots. With valid_from in
-- the index, the ids of the facts that hold are found from the index alone, and only those rows are read, in
-- id order. New facts (valid_to NULL, the newest valid_from, growing ids) still append at the end of their
-- range, and an import still reads the current hashes from the index alone.
DROP INDEX ix_fact_current;
CREATE INDEX ix_fact_current ON fact (cluster, source, valid_to, valid_from, id, content_hash);
