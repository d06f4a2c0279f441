package dev.meshlens.synthetic.format;

import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.GroupMapping;
import dev.meshlens.engine.model.Lifecycle;
import dev.meshlens.engine.model.ServiceInfo;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvWritersTest {
    private final StringBuilder out = new StringBuilder();

    @Test
    void plainFieldsAreWrittenAsTheyAre() {
        assertThat(CsvWriter.field("sales.orders.placed")).isEqualTo("sales.orders.placed");
        assertThat(CsvWriter.field("Tier 1")).isEqualTo("Tier 1");
    }

    @Test
    void fieldsWithCommaQuoteOrLineBreakAreQuotedWithQuotesDoubled() {
        assertThat(CsvWriter.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvWriter.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvWriter.field("cr\r")).isEqualTo("\"cr\r\"");
    }

    @Test
    void nullAndEmptyFieldsAreEmpty() {
        new CsvWriter(out).record("a", null, "", "b");

        assertThat(out.toString()).isEqualTo("a,,,b\n");
    }

    @Test
    void catalogRowJoinsTagsWithSemicolonsAndWritesTheLifecycleInLowerCase() {
        CatalogCsvWriter writer = new CatalogCsvWriter(out);
        writer.product(new DataProduct("Orders, placed", "sales.orders.placed", "c", "kafka://b:9092", "sales",
                "sales-team@x", "All orders.", 1, "gold", List.of("pii", "orders"), null, Lifecycle.DEPRECATED));

        assertThat(out.toString()).isEqualTo(CatalogCsvWriter.HEADER + "\n"
                + "\"Orders, placed\",sales.orders.placed,kafka://b:9092,sales-team@x,Tier 1,gold,,All orders.,sales,"
                + "pii;orders,deprecated\n");
        assertThat(writer.products()).isEqualTo(1);
    }

    @Test
    void catalogRowKeepsTheSlaSpellingItIsGiven() {
        CatalogCsvWriter writer = new CatalogCsvWriter(out);
        writer.product(new DataProduct("n", "t", null, null, null, null, null, 2, null, List.of(), null, null), "T2");

        assertThat(out.toString()).endsWith("\nn,t,,,T2,,,,,,active\n");
    }

    @Test
    void servicesRowWritesTierAsNumberOrEmpty() {
        ServicesCsvWriter writer = new ServicesCsvWriter(out);
        writer.service(new ServiceInfo("User:kpi-svc", "KPI feed", "exec@x", 1, true));
        writer.service(new ServiceInfo("User:ltv-batch", "Lifetime value, batch", "a@x", null, false));

        assertThat(out.toString()).isEqualTo(ServicesCsvWriter.HEADER + "\n"
                + "User:kpi-svc,KPI feed,exec@x,1,true\n"
                + "User:ltv-batch,\"Lifetime value, batch\",a@x,,false\n");
        assertThat(writer.services()).isEqualTo(2);
    }

    @Test
    void groupMappingRowNamesGroupAndPrincipal() {
        new GroupMappingCsvWriter(out).mapping(new GroupMapping("ltv-nightly", "User:ltv-batch"));

        assertThat(out.toString()).isEqualTo("Group,Principal\nltv-nightly,User:ltv-batch\n");
    }
}
