package dev.meshlens.engine.store;

/**
 * The catalog is an H2 file that another process (another Meshlens window or command) holds open. Raised by
 * {@link CatalogStore#open} instead of H2's raw lock error, so that the window can offer to open the catalog
 * read-only and the command line can suggest {@code --read-only}.
 */
public class CatalogInUseException extends StoreException {
    private final String location;
    private final boolean readableReadOnly;

    /**
     * @param location         the catalog, without credentials
     * @param readableReadOnly whether the process holding the file shares it, so that
     *                         {@link CatalogStore#openReadOnly} can read it now
     */
    public CatalogInUseException(String location, boolean readableReadOnly) {
        super(readableReadOnly
                ? "catalog " + location + " is in use by another Meshlens (the window?)"
                : "catalog " + location + " is in use by another program that does not share it (an older"
                + " Meshlens, or a URL with AUTO_SERVER=FALSE); close that program first");
        this.location = location;
        this.readableReadOnly = readableReadOnly;
    }

    /** The catalog that is in use, without credentials. */
    public String location() {
        return location;
    }

    /**
     * Whether the catalog can be opened read-only right now: true when the other process shares the file
     * (every Meshlens of this version does), false when it holds the file exclusively.
     */
    public boolean readableReadOnly() {
        return readableReadOnly;
    }
}
