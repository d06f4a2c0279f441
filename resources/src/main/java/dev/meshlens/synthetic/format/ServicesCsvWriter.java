package dev.meshlens.synthetic.format;

import dev.meshlens.engine.model.ServiceInfo;

/**
 * Writes the service sheet ({@code services.csv}): the header {@value #HEADER}, then one RFC 4180 record per
 * service, the tier as a number (empty when undeclared) and production as {@code true}/{@code false}.
 */
public final class ServicesCsvWriter {
    /** The header line, without its line end. */
    public static final String HEADER = "Principal,Name,Owner,Tier,Production";

    private final CsvWriter csv;

    /**
     * Starts the sheet by writing its header.
     *
     * @throws java.io.UncheckedIOException when writing fails
     */
    public ServicesCsvWriter(Appendable out) {
        csv = new CsvWriter(out);
        csv.record(HEADER.split(","));
    }

    /**
     * Writes one service.
     *
     * @throws java.io.UncheckedIOException when writing fails
     */
    public void service(ServiceInfo service) {
        csv.record(service.principal(), service.name(), service.owner(),
                service.tier() == null ? "" : service.tier().toString(), Boolean.toString(service.production()));
    }

    /** Services written so far. */
    public long services() {
        return csv.records() - 1;
    }
}
