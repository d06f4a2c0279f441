package dev.meshlens.app.ui.opencatalog;

import dev.meshlens.app.cli.CatalogLocation;
import dev.meshlens.app.ui.task.BackgroundTask;
import dev.meshlens.app.ui.task.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The File ▸ Open catalog dialog's state: a catalog typed as an H2 file path or a JDBC URL (or picked from the
 * recent ones), a connection test on a background task, and Open, which hands the JDBC URL to the window.
 * Credentials are never typed here: a server's come from the environment or the credentials file, as on the
 * command line, so a URL with a password is refused (it would be remembered in the settings).
 */
public final class OpenCatalogViewModel {
    private static final Pattern PASSWORD_IN_URL =
            Pattern.compile("(?i)([;?&][^;?&=]*(password|passwd|pwd)[^;?&=]*=)|(//[^/@:;?&]+:[^/@]*@)");

    /** Tries a catalog without changing it. */
    @FunctionalInterface
    public interface ConnectionTester {
        /**
         * Opens the catalog at {@code jdbcUrl} read-only and closes it again.
         *
         * @return what was found, e.g. {@code 12 snapshots of clusters prod, staging}
         * @throws Exception with a message for the user when the catalog cannot be reached
         */
        String test(String jdbcUrl) throws Exception;
    }

    private final TaskExecutor executor;
    private final ConnectionTester tester;
    private final Consumer<String> opener;
    private final StringProperty location = new SimpleStringProperty(this, "location", "");
    private final ReadOnlyStringWrapper jdbcUrl = new ReadOnlyStringWrapper(this, "jdbcUrl", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result", "");
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(this, "testing");
    private final ReadOnlyBooleanWrapper reachable = new ReadOnlyBooleanWrapper(this, "reachable");
    private final ObservableList<String> recent;
    private BackgroundTask<String> running;

    /**
     * @param recent the catalogs opened lately, newest first
     * @param opener receives the JDBC URL the user chose to open
     */
    public OpenCatalogViewModel(TaskExecutor executor, ConnectionTester tester, List<String> recent,
                                Consumer<String> opener) {
        this.executor = Objects.requireNonNull(executor);
        this.tester = Objects.requireNonNull(tester);
        this.opener = Objects.requireNonNull(opener);
        this.recent = FXCollections.observableArrayList(recent);
        location.addListener((obs, old, now) -> resolve(now));
    }

    private void resolve(String text) {
        if (running != null) {
            running.cancel();
        }
        result.set("");
        reachable.set(false);
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            jdbcUrl.set("");
            problem.set("");
        } else if (PASSWORD_IN_URL.matcher(typed).find()) {
            jdbcUrl.set("");
            problem.set("Leave the password out of the URL: Meshlens reads it from MESHLENS_DB_PASSWORD or "
                    + "~/.meshlens/db-credentials and never stores it.");
        } else {
            jdbcUrl.set(CatalogLocation.resolve(typed, Map.of()));
            problem.set("");
        }
    }

    /** Tests the connection to the chosen catalog in the background; the outcome lands in {@link #resultProperty()}. */
    public void test() {
        String url = jdbcUrl.get();
        if (url.isEmpty()) {
            return;
        }
        if (running != null) {
            running.cancel();
        }
        testing.set(true);
        result.set("Connecting to " + url + "\u2026");
        BackgroundTask<String> task = BackgroundTask.<String>of("Testing the connection", context -> tester.test(url))
                .onSuccess(found -> {
                    reachable.set(true);
                    result.set("Connected: " + found);
                })
                .onFailure(failure -> {
                    reachable.set(false);
                    result.set("Cannot read it: " + (failure.getMessage() == null
                            ? failure.getClass().getSimpleName() : failure.getMessage()));
                })
                .onFinished(() -> testing.set(false));
        running = task;
        executor.execute(task);
    }

    /**
     * Opens the chosen catalog in the window (a catalog that does not exist yet is created there).
     *
     * @return whether a catalog was chosen; false while the text names none or is refused
     */
    public boolean open() {
        String url = jdbcUrl.get();
        if (url.isEmpty()) {
            return false;
        }
        if (running != null) {
            running.cancel();
        }
        opener.accept(url);
        return true;
    }

    /** What the user typed: an H2 file path or a JDBC URL. */
    public StringProperty locationProperty() {
        return location;
    }

    /** The JDBC URL the typed location means; empty when none or refused. */
    public ReadOnlyStringProperty jdbcUrlProperty() {
        return jdbcUrl.getReadOnlyProperty();
    }

    /** Why the typed location is refused; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The outcome of the last connection test; empty before one. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Whether a connection test runs. */
    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }

    /** Whether the last test reached a catalog. */
    public ReadOnlyBooleanProperty reachableProperty() {
        return reachable.getReadOnlyProperty();
    }

    /** The catalogs opened lately, newest first. */
    public ObservableList<String> recent() {
        return recent;
    }
}
