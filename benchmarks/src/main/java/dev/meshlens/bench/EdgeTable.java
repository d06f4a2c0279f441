package dev.meshlens.bench;

import dev.meshlens.engine.lineage.LineageEdge;
import dev.meshlens.engine.lineage.LineageIndex;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * The lineage graph as plain SQL tables, the way a web catalog keeps lineage (Marquez: an edge table walked with
 * {@code WITH RECURSIVE}): {@code bench_node(id, kind, name)} and {@code bench_edge(from_id, to_id)} with an index
 * each way. Node ids are the engine index's ids, so roots and answers can be compared one to one. Portable SQL:
 * H2 and PostgreSQL.
 */
final class EdgeTable {
    private static final int BATCH = 5000;

    /** Edges read back: {@code from[i] -> to[i]} over {@code nodes} nodes. */
    record Edges(int nodes, int[] from, int[] to) {
    }

    private EdgeTable() {
    }

    /**
     * Replaces the tables in {@code connection}'s database with the nodes and edges of {@code index}, in one
     * transaction, and analyses them so the planner knows their size.
     */
    static void write(Connection connection, LineageIndex index) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS bench_edge");
            ddl.execute("DROP TABLE IF EXISTS bench_node");
            ddl.execute("CREATE TABLE bench_node (id INT NOT NULL PRIMARY KEY, kind VARCHAR(16) NOT NULL,"
                    + " name VARCHAR(4000) NOT NULL)");
            ddl.execute("CREATE TABLE bench_edge (from_id INT NOT NULL, to_id INT NOT NULL,"
                    + " PRIMARY KEY (from_id, to_id))");
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO bench_node (id, kind, name) VALUES (?, ?, ?)")) {
                for (int id = 0; id < index.nodeCount(); id++) {
                    insert.setInt(1, id);
                    insert.setString(2, index.node(id).kind());
                    insert.setString(3, index.node(id).name());
                    insert.addBatch();
                    if (id % BATCH == BATCH - 1) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO bench_edge (from_id, to_id) VALUES (?, ?)")) {
                for (int e = 0; e < index.edgeCount(); e++) {
                    LineageEdge edge = index.edge(e).edge();
                    insert.setInt(1, index.id(edge.from()));
                    insert.setInt(2, index.id(edge.to()));
                    insert.addBatch();
                    if (e % BATCH == BATCH - 1) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            // the reverse direction of the upstream query
            ddl.execute("CREATE INDEX bench_edge_to ON bench_edge (to_id, from_id)");
            connection.commit();
            ddl.execute("ANALYZE");
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Copies the tables from {@code source} into {@code target} (for PostgreSQL), replacing them there. */
    static void copy(Connection source, Connection target) throws SQLException {
        boolean autoCommit = target.getAutoCommit();
        target.setAutoCommit(false);
        try (Statement ddl = target.createStatement(); Statement read = source.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS bench_edge");
            ddl.execute("DROP TABLE IF EXISTS bench_node");
            ddl.execute("CREATE TABLE bench_node (id INT NOT NULL PRIMARY KEY, kind VARCHAR(16) NOT NULL,"
                    + " name VARCHAR(4000) NOT NULL)");
            ddl.execute("CREATE TABLE bench_edge (from_id INT NOT NULL, to_id INT NOT NULL,"
                    + " PRIMARY KEY (from_id, to_id))");
            try (ResultSet rows = read.executeQuery("SELECT id, kind, name FROM bench_node");
                 PreparedStatement insert = target.prepareStatement(
                         "INSERT INTO bench_node (id, kind, name) VALUES (?, ?, ?)")) {
                int n = 0;
                while (rows.next()) {
                    insert.setInt(1, rows.getInt(1));
                    insert.setString(2, rows.getString(2));
                    insert.setString(3, rows.getString(3));
                    insert.addBatch();
                    if (++n % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (ResultSet rows = read.executeQuery("SELECT from_id, to_id FROM bench_edge");
                 PreparedStatement insert = target.prepareStatement(
                         "INSERT INTO bench_edge (from_id, to_id) VALUES (?, ?)")) {
                int n = 0;
                while (rows.next()) {
                    insert.setInt(1, rows.getInt(1));
                    insert.setInt(2, rows.getInt(2));
                    insert.addBatch();
                    if (++n % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            ddl.execute("CREATE INDEX bench_edge_to ON bench_edge (to_id, from_id)");
            target.commit();
            target.setAutoCommit(true);
            ddl.execute("ANALYZE bench_node");
            ddl.execute("ANALYZE bench_edge");
        } catch (SQLException | RuntimeException e) {
            if (!target.getAutoCommit()) {
                target.rollback();
            }
            throw e;
        } finally {
            target.setAutoCommit(autoCommit);
        }
    }

    /** Reads the edge table back. */
    static Edges read(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            int nodes;
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM bench_node")) {
                rs.next();
                nodes = rs.getInt(1);
            }
            int[] from = new int[1024];
            int[] to = new int[1024];
            int m = 0;
            try (ResultSet rs = s.executeQuery("SELECT from_id, to_id FROM bench_edge")) {
                while (rs.next()) {
                    if (m == from.length) {
                        from = Arrays.copyOf(from, m * 2);
                        to = Arrays.copyOf(to, m * 2);
                    }
                    from[m] = rs.getInt(1);
                    to[m] = rs.getInt(2);
                    m++;
                }
            }
            return new Edges(nodes, Arrays.copyOf(from, m), Arrays.copyOf(to, m));
        }
    }

    /** The two ways of writing the reach query. */
    enum Form {
        /**
         * The textbook reachability query: {@code UNION}, which by the SQL standard drops rows already produced,
         * so each node comes once and cycles end. PostgreSQL implements it so; H2 2.x does not (it keeps
         * duplicates and never ends on a cycle: h2database issues 3706 and 4173).
         */
        UNION("UNION"),
        /**
         * Marquez's way: {@code UNION ALL} with a depth column and a depth bound, {@code SELECT DISTINCT} at the
         * end. Ends on cycles in any database, but follows every walk up to the bound. The bound given is the
         * depth of the root's farthest node as the engine found it, so the answer is exact.
         */
        DEPTH_BOUNDED("UNION ALL, depth-bounded");

        private final String label;

        Form(String label) {
            this.label = label;
        }

        /** How results name the form. */
        String label() {
            return label;
        }
    }

    /**
     * The recursive reach query over the edge table; every row is one node id. Parameters: the root id, then,
     * for {@link Form#DEPTH_BOUNDED}, the depth bound.
     *
     * @param downstream follow edges forwards, else backwards
     */
    static String reachQuery(boolean downstream, Form form) {
        String next = downstream ? "e.to_id" : "e.from_id";
        String join = downstream ? "e.from_id" : "e.to_id";
        if (form == Form.UNION) {
            return "WITH RECURSIVE reach(id) AS ("
                    + " SELECT id FROM bench_node WHERE id = ?"
                    + " UNION"
                    + " SELECT " + next + " FROM bench_edge e JOIN reach r ON " + join + " = r.id"
                    + ") SELECT id FROM reach";
        }
        return "WITH RECURSIVE reach(id, depth) AS ("
                + " SELECT id, 0 FROM bench_node WHERE id = ?"
                + " UNION ALL"
                + " SELECT " + next + ", r.depth + 1 FROM bench_edge e JOIN reach r ON " + join + " = r.id"
                + " WHERE r.depth < ?"
                + ") SELECT DISTINCT id FROM reach";
    }
}
