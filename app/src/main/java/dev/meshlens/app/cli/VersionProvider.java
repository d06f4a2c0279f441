package dev.meshlens.app.cli;

import picocli.CommandLine;

/** Reports the version written into the jar's manifest at build time. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"meshlens " + version()};
    }

    /** The build's version, or {@code dev} when running from classes rather than the jar. */
    public static String version() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
