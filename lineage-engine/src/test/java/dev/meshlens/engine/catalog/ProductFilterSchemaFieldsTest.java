package dev.meshlens.engine.catalog;

import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.model.Lifecycle;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProductFilterSchemaFieldsTest {

    private static final DataProduct PAYMENTS = new DataProduct("Payment captures", "payments.captures", "demo",
            null, "payments", "payments-team@shop.example", "Captured funds", 1, "gold", List.of("financial"), null,
            Lifecycle.ACTIVE);

    @Test
    void searchWordMatchesSchemaFieldName() {
        ProductFilter filter = new ProductFilter("iban", null, null, null, true);

        assertThat(filter.test(PAYMENTS, List.of("order_id", "payer.iban"))).isTrue();
    }

    @Test
    void searchWordAbsentFromMetadataAndFieldsDoesNotMatch() {
        ProductFilter filter = new ProductFilter("iban", null, null, null, true);

        assertThat(filter.test(PAYMENTS, List.of("order_id", "amount"))).isFalse();
    }

    @Test
    void plainTestIgnoresSchemaFields() {
        ProductFilter filter = new ProductFilter("iban", null, null, null, true);

        assertThat(filter.test(PAYMENTS)).isFalse();
    }

    @Test
    void everyWordMustMatchSomewhereAcrossMetadataAndFields() {
        ProductFilter filter = new ProductFilter("financial IBAN", null, null, null, true);

        assertThat(filter.test(PAYMENTS, List.of("payer.iban"))).isTrue();
    }
}
