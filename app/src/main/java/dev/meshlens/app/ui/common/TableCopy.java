package dev.meshlens.app.ui.common;

import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Makes a table's cells copyable: Ctrl+C (Cmd+C) copies the selection as tab-separated text that pastes into
 * a spreadsheet, and the context menu offers Copy, Copy rows and Copy table.
 */
public final class TableCopy {
    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private TableCopy() {
    }

    /**
     * Installs copying on {@code table}.
     *
     * @param cellSelection whether single cells are selected (detail tables) or whole rows (the product table)
     * @param extra         menu items to show above the copy items, e.g. Open; may be empty
     */
    public static void install(TableView<?> table, boolean cellSelection, List<MenuItem> extra) {
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().setCellSelectionEnabled(cellSelection);
        table.setOnKeyPressed(event -> {
            if (COPY.match(event)) {
                putOnClipboard(selectionText(table));
                event.consume();
            }
        });
        MenuItem copy = new MenuItem(cellSelection ? "Copy" : "Copy rows");
        copy.setAccelerator(COPY);
        copy.setOnAction(e -> putOnClipboard(selectionText(table)));
        MenuItem copyRows = new MenuItem("Copy rows");
        copyRows.setOnAction(e -> putOnClipboard(rowsText(table, selectedRows(table), false)));
        MenuItem copyAll = new MenuItem("Copy table");
        copyAll.setOnAction(e -> putOnClipboard(rowsText(table, allRows(table), true)));
        ContextMenu menu = new ContextMenu();
        menu.getItems().addAll(extra);
        if (!extra.isEmpty()) {
            menu.getItems().add(new SeparatorMenuItem());
        }
        menu.getItems().add(copy);
        if (cellSelection) {
            menu.getItems().add(copyRows);
        }
        menu.getItems().add(copyAll);
        table.setContextMenu(menu);
    }

    /** The selected cells (or rows) as tab-separated lines, in table order. */
    public static String selectionText(TableView<?> table) {
        if (!table.getSelectionModel().isCellSelectionEnabled()) {
            return rowsText(table, selectedRows(table), false);
        }
        Map<Integer, Map<Integer, String>> byRow = new TreeMap<>();
        for (TablePosition<?, ?> position : table.getSelectionModel().getSelectedCells()) {
            TableColumn<?, ?> column = position.getTableColumn();
            if (column == null) {
                continue;
            }
            int columnIndex = table.getVisibleLeafColumns().indexOf(column);
            byRow.computeIfAbsent(position.getRow(), r -> new TreeMap<>())
                    .put(columnIndex, cellText(column, position.getRow()));
        }
        return byRow.values().stream().map(cells -> String.join("\t", cells.values()))
                .collect(Collectors.joining("\n"));
    }

    private static List<Integer> selectedRows(TableView<?> table) {
        List<Integer> rows = new ArrayList<>(table.getSelectionModel().getSelectedIndices());
        if (table.getSelectionModel().isCellSelectionEnabled()) {
            rows = table.getSelectionModel().getSelectedCells().stream().map(TablePosition::getRow).distinct()
                    .collect(Collectors.toCollection(ArrayList::new));
        }
        rows.sort(Integer::compare);
        return rows;
    }

    private static List<Integer> allRows(TableView<?> table) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < table.getItems().size(); i++) {
            rows.add(i);
        }
        return rows;
    }

    private static String rowsText(TableView<?> table, List<Integer> rows, boolean header) {
        List<? extends TableColumn<?, ?>> columns = table.getVisibleLeafColumns();
        List<String> lines = new ArrayList<>();
        if (header) {
            lines.add(columns.stream().map(TableColumn::getText).collect(Collectors.joining("\t")));
        }
        for (int row : rows) {
            lines.add(columns.stream().map(c -> cellText(c, row)).collect(Collectors.joining("\t")));
        }
        return String.join("\n", lines);
    }

    private static String cellText(TableColumn<?, ?> column, int row) {
        Object value = column.getCellData(row);
        return Columns.copyTextOf(column, value).replace('\t', ' ').replace('\n', ' ');
    }

    private static void putOnClipboard(String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Puts {@code text} on the system clipboard; call on the JavaFX thread. */
    public static void copyToClipboard(String text) {
        putOnClipboard(text);
    }
}
