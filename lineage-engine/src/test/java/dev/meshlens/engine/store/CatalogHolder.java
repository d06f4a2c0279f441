package dev.meshlens.engine.store;

import dev.meshlens.engine.model.SourceKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A second Meshlens process for the sharing tests: opens the catalog given as the first argument read-write
 * (a window would), prints {@code ready}, then obeys lines on stdin: {@code import N} lands a snapshot of N
 * ACLs dated N days after {@link Facts#T0} and prints {@code imported ID}; {@code exit} (or the end of stdin)
 * closes the store and ends the process. Any failure is printed as {@code failed MESSAGE}.
 */
public final class CatalogHolder {
    private CatalogHolder() {
    }

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (CatalogStore store = CatalogStore.open(args[0])) {
            reply("ready");
            for (String line = in.readLine(); line != null && !line.equals("exit"); line = in.readLine()) {
                if (line.startsWith("import ")) {
                    int count = Integer.parseInt(line.substring("import ".length()));
                    Instant at = Facts.T0.plusSeconds(86_400L * count);
                    try (ImportSession session = store.beginImport("prod", "holder", at)) {
                        session.cover(SourceKind.ACLS);
                        for (int i = 0; i < count; i++) {
                            session.acl(Facts.acl(i));
                        }
                        reply("imported " + session.commit().id());
                    }
                }
            }
        } catch (RuntimeException e) {
            reply("failed " + e.getMessage());
        }
    }

    private static void reply(String line) {
        // the test reads these lines: the only output of this process
        System.out.println(line);
        System.out.flush();
    }
}
