package dev.meshlens.app.ui.product;

import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.schema.SubjectNaming;

/** Which registry subject holds a product's value schema. */
public final class SchemaSubjects {
    private SchemaSubjects() {
    }

    /**
     * The subject named by the product's schema URI ({@code registry:orders-value}, or a registry URL containing
     * {@code /subjects/orders-value}), else the topic name strategy's {@code <topic>-value}.
     */
    public static String subjectOf(DataProduct product) {
        String uri = product.schemaUri();
        if (uri != null && !uri.isBlank()) {
            String text = uri.trim();
            int subjects = text.indexOf("/subjects/");
            if (subjects >= 0) {
                String rest = text.substring(subjects + "/subjects/".length());
                int slash = rest.indexOf('/');
                return slash >= 0 ? rest.substring(0, slash) : rest;
            }
            if (text.startsWith("registry:")) {
                return text.substring("registry:".length());
            }
        }
        return SubjectNaming.valueSubject(product.topic());
    }
}
