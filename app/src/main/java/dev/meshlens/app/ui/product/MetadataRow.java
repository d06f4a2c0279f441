package dev.meshlens.app.ui.product;

/** One line of a product's metadata: what it is and its value as shown ({@code —} when undeclared). */
public record MetadataRow(String key, String value) {
}
