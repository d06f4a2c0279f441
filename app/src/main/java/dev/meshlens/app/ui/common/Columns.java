package dev.meshlens.app.ui.common;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

import java.util.Comparator;
import java.util.function.Function;

/**
 * Table columns that know how to write their value as text, so that sorting uses the value (numbers, times)
 * while copying and display use the same words. The text function is kept as the column's user data, where
 * {@link TableCopy} finds it.
 */
public final class Columns {
    private Columns() {
    }

    /** A column of plain text, sorted case-insensitively. */
    public static <S> TableColumn<S, String> text(String title, Function<S, String> text, double prefWidth) {
        TableColumn<S, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(text.apply(c.getValue())));
        column.setComparator(Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER));
        column.setPrefWidth(prefWidth);
        Function<Object, String> copy = value -> value == null ? "" : value.toString();
        column.setUserData(copy);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item);
                setTooltip(empty || item == null || item.length() < 40 ? null : new Tooltip(item));
            }
        });
        return column;
    }

    /**
     * A column sorted by {@code value} and shown and copied as {@code format(value)}; nulls sort last.
     *
     * @param styleClass an extra style class for the cells (e.g. {@code numeric} to right-align), or null
     */
    public static <S, V extends Comparable<? super V>> TableColumn<S, V> valued(String title, Function<S, V> value,
                                                                                Function<V, String> format,
                                                                                double prefWidth, String styleClass) {
        TableColumn<S, V> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        column.setPrefWidth(prefWidth);
        column.setUserData(copyText(format));
        column.setCellFactory(c -> new TableCell<>() {
            {
                if (styleClass != null) {
                    getStyleClass().add(styleClass);
                }
            }

            @Override
            protected void updateItem(V item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : format.apply(item));
            }
        });
        return column;
    }

    /** The text a cell of {@code column} shows for {@code value}, as {@link TableCopy} copies it. */
    @SuppressWarnings("unchecked")
    public static String copyTextOf(TableColumn<?, ?> column, Object value) {
        if (column.getUserData() instanceof Function<?, ?> f) {
            return ((Function<Object, String>) f).apply(value);
        }
        return value == null ? "" : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static <V> Function<Object, String> copyText(Function<V, String> format) {
        return value -> format.apply((V) value);
    }
}
