package dev.meshlens.engine.store;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JDBC URL handling: removing secrets before a URL is shown, and H2 settings suited to a catalog file. */
final class JdbcUrls {
    /** A {@code key=value} parameter after {@code ;} (H2, SQL Server) or {@code ?} / {@code &} (PostgreSQL). */
    private static final Pattern PARAMETER = Pattern.compile("([;?&])([^;?&=]*)=([^;?&]*)");
    /** {@code //user:secret@host} */
    private static final Pattern USER_INFO = Pattern.compile("//([^/@:;?&]+):[^/@]*@");
    private static final Pattern SECRET_IN_TEXT =
            Pattern.compile("(?i)\\b([a-z_.\\-]*(?:password|passwd|pwd))(\\s*[=:]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s;,&\"']+)");

    /**
     * Settings for an embedded H2 file catalog, added unless the URL sets them itself: a 64 MB page cache
     * (the default 16 MB makes a million-row import thrash), compressed pages (JSON payloads shrink to less
     * than half, measured: a million ACLs made a 287 MB file instead of 670 MB, and the import ran faster for
     * writing less), a lock timeout long enough for one import to wait for another instead of failing
     * after H2's default second, and {@code AUTO_SERVER=TRUE} so that a second Meshlens can read the catalog
     * through the process holding the file (see {@link H2Sharing}).
     */
    private static final Map<String, String> H2_FILE_DEFAULTS = new LinkedHashMap<>();
    private static final Map<String, String> H2_SESSION_DEFAULTS = Map.of("LOCK_TIMEOUT", "60000");

    static {
        H2_FILE_DEFAULTS.put("CACHE_SIZE", "65536");
        H2_FILE_DEFAULTS.put("COMPRESS", "TRUE");
        H2_FILE_DEFAULTS.putAll(H2_SESSION_DEFAULTS);
        H2_FILE_DEFAULTS.put("AUTO_SERVER", "TRUE");
    }

    private JdbcUrls() {
    }

    /**
     * The URL without credentials: every parameter whose name contains {@code password}, {@code passwd} or is
     * {@code pwd} is removed, and so is the password of a {@code //user:password@host} part.
     */
    static String redact(String url) {
        Matcher m = PARAMETER.matcher(url);
        StringBuilder out = new StringBuilder();
        int last = 0;
        boolean queryStartRemoved = false;
        while (m.find()) {
            out.append(url, last, m.start());
            String separator = m.group(1);
            if (isSecretName(m.group(2))) {
                queryStartRemoved |= separator.equals("?");
            } else {
                // keep the URL well formed: when "?password=x" went, the next "&" parameter opens the query
                out.append(queryStartRemoved && separator.equals("&") ? "?" : separator)
                        .append(m.group(2)).append('=').append(m.group(3));
                queryStartRemoved = false;
            }
            last = m.end();
        }
        out.append(url, last, url.length());
        return USER_INFO.matcher(out).replaceAll("//$1@");
    }

    /**
     * Free text (an import's origin) with the value of every {@code password=...} or {@code password: ...}
     * replaced by {@code ***}. A safety net only: callers must not put secrets in such text at all.
     */
    static String redactText(String text) {
        if (text == null) {
            return null;
        }
        String withoutUserInfo = USER_INFO.matcher(text).replaceAll("//$1@");
        return SECRET_IN_TEXT.matcher(withoutUserInfo).replaceAll("$1$2***");
    }

    private static boolean isSecretName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.contains("password") || n.contains("passwd") || n.equals("pwd");
    }

    /** Whether {@code url} opens an H2 database file inside this process (not a server, not in memory). */
    static boolean isEmbeddedH2File(String url) {
        if (!isH2(url)) {
            return false;
        }
        String rest = url.substring("jdbc:h2:".length()).toLowerCase(Locale.ROOT);
        return !(rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:"));
    }

    private static boolean isH2(String url) {
        return url.regionMatches(true, 0, "jdbc:h2:", 0, "jdbc:h2:".length());
    }

    /**
     * {@code url} with the catalog's H2 defaults added where the URL does not set them: cache size,
     * compression, lock timeout and {@code AUTO_SERVER} for an embedded file database, the lock timeout alone for an H2 server or
     * in-memory database. Other databases' URLs are returned unchanged.
     */
    static String withH2Defaults(String url) {
        if (!isH2(url)) {
            return url;
        }
        if (!isEmbeddedH2File(url)) {
            return withMissing(url, H2_SESSION_DEFAULTS);
        }
        Map<String, String> defaults = new LinkedHashMap<>(H2_FILE_DEFAULTS);
        if (excludesAutoServer(url)) {
            defaults.remove("AUTO_SERVER");
        }
        return withMissing(url, defaults);
    }

    /**
     * Whether closing the catalog may compact its H2 file completely. H2's {@code SHUTDOWN COMPACT} always
     * writes compressed pages, so a URL that turns compression off ({@code COMPRESS=FALSE}, e.g. to inspect
     * the file) must not be compacted, or the file would end up compressed after all.
     */
    static boolean compactsOnClose(String url) {
        return isEmbeddedH2File(url) && !"FALSE".equals(h2Settings(url).get("COMPRESS"));
    }

    /**
     * Whether the URL sets something H2 refuses together with {@code AUTO_SERVER=TRUE}: {@code
     * DB_CLOSE_ON_EXIT=FALSE} (the command line's import closes the database itself after a Ctrl-C), {@code
     * FILE_LOCK=NO} or {@code FS}, or read-only data. Such a process then holds the file without sharing it.
     */
    private static boolean excludesAutoServer(String url) {
        Map<String, String> settings = h2Settings(url);
        String fileLock = settings.getOrDefault("FILE_LOCK", "");
        return "FALSE".equals(settings.get("DB_CLOSE_ON_EXIT")) || fileLock.startsWith("NO")
                || fileLock.startsWith("FS") || settings.getOrDefault("ACCESS_MODE_DATA", "").startsWith("R");
    }

    /**
     * {@code url} for a catalog opened read-only. An embedded H2 file URL gets {@code IFEXISTS=TRUE}, so that a
     * missing file is reported instead of created, and {@code MAX_COMPACT_TIME=0}, so that H2 does not compact
     * the file when this process, holding it, closes it (by default H2 spends up to 200 ms rewriting chunks on
     * close). Other URLs are returned unchanged.
     *
     * <p>{@code ACCESS_MODE_DATA=r} is not used on purpose: H2 then takes no lock at all, so a Meshlens opening
     * the file afterwards would write it under the reader (tried with two JVMs). Holding the file normally,
     * and serving it with {@code AUTO_SERVER}, makes any later Meshlens a client of this one instead.
     */
    static String readOnly(String url) {
        if (!isEmbeddedH2File(url)) {
            return url;
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("IFEXISTS", "TRUE");
        settings.put("MAX_COMPACT_TIME", "0");
        return withMissing(url, settings);
    }

    /** {@code url} with each of {@code settings} appended as {@code ;KEY=VALUE} unless the URL sets the key. */
    private static String withMissing(String url, Map<String, String> settings) {
        Set<String> present = h2Settings(url).keySet();
        StringBuilder out = new StringBuilder(url);
        settings.forEach((key, value) -> {
            if (!present.contains(key)) {
                out.append(';').append(key).append('=').append(value);
            }
        });
        return out.toString();
    }

    /**
     * The {@code ;KEY=VALUE} settings after an H2 URL's path, keys and values trimmed and upper-cased (H2 reads
     * both without regard to case); a setting without {@code =} has the value "".
     */
    private static Map<String, String> h2Settings(String url) {
        Map<String, String> settings = new HashMap<>();
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            String key = eq < 0 ? parts[i] : parts[i].substring(0, eq);
            String value = eq < 0 ? "" : parts[i].substring(eq + 1);
            settings.put(key.trim().toUpperCase(Locale.ROOT), value.trim().toUpperCase(Locale.ROOT));
        }
        return settings;
    }
}
