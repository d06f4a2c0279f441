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
     *                         {@link CatalogStore#openReadOnly} can read it now. It does not while it
     *                         imports from the command line (H2 cannot share a file whose database the
     *                         process closes itself after Ctrl-C), nor when it is an older Meshlens or its
     *                         URL sets {@code AUTO_SERVER=FALSE}
     */
    public CatalogInUseException(String location, boolean readableReadOnly) {
        super(readableReadOnly
                ? "catalog " + location + " is in use by another Meshlens (the window?)"
                : "catalog " + location + " is in use by another process (another Meshlens?) that does not share"
                + " it; try again once it is closed");
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
