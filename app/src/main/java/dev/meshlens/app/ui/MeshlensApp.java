package dev.meshlens.app.ui;

import dev.meshlens.app.cli.MeshlensCli;
import dev.meshlens.app.ui.common.AppIcon;
import dev.meshlens.importers.profile.ConnectionProfile;
import dev.meshlens.importers.profile.ConnectionProfiles;
import dev.meshlens.app.ui.common.TableCopy;
import dev.meshlens.app.ui.main.DialogProductActions;
import dev.meshlens.app.ui.main.MainView;
import dev.meshlens.app.ui.main.MainViewModel;
import dev.meshlens.app.ui.product.SchemaFieldReader;
import dev.meshlens.app.ui.opencatalog.OpenCatalogView;
import dev.meshlens.app.ui.opencatalog.OpenCatalogViewModel;
import dev.meshlens.app.ui.service.CatalogService;
import dev.meshlens.app.ui.service.StoreCatalogService;
import dev.meshlens.engine.store.CatalogStore;
import dev.meshlens.app.ui.settings.SystemTheme;
import dev.meshlens.app.ui.settings.Theme;
import dev.meshlens.app.ui.settings.UiSettings;
import dev.meshlens.app.ui.task.DefaultTaskExecutor;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.util.Objects;

/**
 * The Meshlens desktop application: one window on one catalog. Start it with
 * {@link #launchWindow(String, String[])}; the launcher's main class must not extend {@code Application}, so
 * this class is never the main class itself.
 */
public final class MeshlensApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(MeshlensApp.class);

    /** How the window gets its catalog: the JDBC URL to show, and how to open it. */
    record Launch(String catalogUrl, MainViewModel.ServiceOpener opener) {
    }

    // Application.launch instantiates this class itself, so the catalog reaches it through a static field
    private static volatile Launch launch;

    private UiSettings settings;
    private DefaultTaskExecutor executor;
    private MainViewModel viewModel;
    private boolean systemDark;
    private String catalogUrl;

    /**
     * Opens the Meshlens window on the catalog at {@code jdbcUrl} and returns when the window is closed.
     *
     * @param jdbcUrl the catalog, e.g. {@code jdbc:h2:~/.meshlens/catalog}; null opens the catalog used last, or
     *                the default {@code ~/.meshlens/catalog}
     * @param args    JavaFX arguments (none are needed)
     * @throws IllegalStateException when called twice in one JVM (JavaFX allows one launch)
     */
    public static void launchWindow(String jdbcUrl, String[] args) {
        String url = jdbcUrl != null ? jdbcUrl
                : UiSettings.load(UiSettings.defaultFile()).lastCatalog().orElse(CatalogStore.defaultJdbcUrl());
        launch(new Launch(url, opener(url)), args);
    }

    /** Opens the catalog at {@code url} read-write, or read-only when another Meshlens holds it. */
    static MainViewModel.ServiceOpener opener(String url) {
        return new MainViewModel.ServiceOpener() {
            @Override
            public CatalogService open() {
                return StoreCatalogService.open(url);
            }

            @Override
            public CatalogService openReadOnly() {
                return StoreCatalogService.openReadOnly(url);
            }
        };
    }

    /** Starts JavaFX with {@code how}; the single entry point, also used by the development harness. */
    static void launch(Launch how, String[] args) {
        launch = Objects.requireNonNull(how);
        Application.launch(MeshlensApp.class, args == null ? new String[0] : args);
    }

    @Override
    public void start(Stage stage) {
        Launch how = Objects.requireNonNull(launch, "use MeshlensApp.launchWindow to start the window");
        catalogUrl = how.catalogUrl();
        // no settings yet means Meshlens never ran here: an empty catalog then gets the demo mesh
        boolean firstStart = !java.nio.file.Files.exists(UiSettings.defaultFile());
        settings = UiSettings.load(UiSettings.defaultFile());
        executor = new DefaultTaskExecutor();
        DialogProductActions actions = new DialogProductActions(() -> stage);
        viewModel = new MainViewModel(how.opener(), executor, new SchemaFieldReader(), ZoneId.systemDefault(),
                settings.lastCluster().orElse(null), TableCopy::copyToClipboard, actions);
        actions.setOpener(viewModel::openProduct);
        actions.setCatalogService(() -> viewModel.serviceProperty().get());
        viewModel.setProfiles(MeshlensApp::connectionProfiles);
        viewModel.setLoadDemoIfEmpty(firstStart);
        systemDark = settings.theme() == Theme.SYSTEM && SystemTheme.prefersDark();

        MainView[] view = new MainView[1];
        view[0] = new MainView(viewModel, settings.theme(), settings.timelineVisible(), new MainView.Listener() {
            @Override
            public void themeChosen(Theme theme) {
                settings.rememberTheme(theme);
                if (theme == Theme.SYSTEM) {
                    systemDark = SystemTheme.prefersDark();
                }
                boolean dark = theme.isDark(systemDark);
                view[0].applyTheme(stage.getScene(), dark);
                actions.setDark(dark);
                settings.save();
            }

            @Override
            public void timelineToggled(boolean visible) {
                settings.rememberTimelineVisible(visible);
            }

            @Override
            public void openCatalogRequested() {
                OpenCatalogViewModel dialog = new OpenCatalogViewModel(executor, StoreCatalogService::probe,
                        settings.recentCatalogs(), url -> switchTo(url));
                OpenCatalogView.show(stage, dialog, stage.getScene().getStylesheets());
            }

            @Override
            public void catalogChosen(String jdbcUrl) {
                switchTo(jdbcUrl);
            }

            @Override
            public java.util.List<String> recentCatalogs() {
                return settings.recentCatalogs();
            }
        });
        Scene scene = new Scene(view[0], settings.width(), settings.height());
        boolean dark = settings.theme().isDark(systemDark);
        view[0].applyTheme(scene, dark);
        actions.setDark(dark);
        view[0].installAccelerators(scene);

        stage.setScene(scene);
        stage.getIcons().setAll(AppIcon.images());
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        settings.position().filter(MeshlensApp::onSomeScreen).ifPresent(p -> {
            stage.setX(p[0]);
            stage.setY(p[1]);
        });
        stage.setMaximized(settings.maximized());
        stage.setOnHidden(e -> shutdown(stage, catalogUrl));
        stage.show();
        view[0].focusSearch();
        viewModel.start();
        LOG.info("Meshlens window opened on {}", how.catalogUrl());
    }

    /** The profiles of {@code meshlens profile} ({@code $MESHLENS_PROFILES} or the default file); none if unreadable. */
    private static java.util.List<ConnectionProfile> connectionProfiles() {
        String file = System.getenv(MeshlensCli.PROFILES_ENV);
        try {
            return new ConnectionProfiles(file == null || file.isBlank() ? ConnectionProfiles.defaultFile()
                    : java.nio.file.Path.of(file)).list();
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the connection profiles: {}", e.getMessage());
            return java.util.List.of();
        }
    }

    /** Shows the catalog at {@code url} in this window from now on, and remembers it for the next start. */
    private void switchTo(String url) {
        catalogUrl = url;
        settings.rememberCatalog(url);
        settings.save();
        LOG.info("Switching the window to catalog {}", url);
        viewModel.reopen(opener(url));
    }

    private void shutdown(Stage stage, String catalogUrl) {
        settings.rememberWindow(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized());
        settings.rememberCatalog(catalogUrl);
        String cluster = viewModel.clusterProperty().get();
        if (cluster != null) {
            settings.rememberCluster(cluster);
        }
        settings.save();
        viewModel.shutdown();
        executor.shutdown();
    }

    private static boolean onSomeScreen(double[] position) {
        // a window remembered on a monitor that is gone would open out of reach
        return Screen.getScreens().stream().map(Screen::getVisualBounds)
                .anyMatch((Rectangle2D b) -> b.contains(position[0] + 40, position[1] + 20));
    }
}
