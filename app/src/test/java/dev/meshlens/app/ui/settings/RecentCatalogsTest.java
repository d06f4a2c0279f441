package dev.meshlens.app.ui.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RecentCatalogsTest {
    @TempDir
    Path dir;

    @Test
    void recentCatalogsAreNewestFirstWithoutRepeats() {
        UiSettings settings = UiSettings.load(dir.resolve("ui.properties"));

        settings.rememberCatalog("jdbc:h2:file:/a");
        settings.rememberCatalog("jdbc:h2:file:/b");
        settings.rememberCatalog("jdbc:h2:file:/a");

        assertThat(settings.recentCatalogs()).containsExactly("jdbc:h2:file:/a", "jdbc:h2:file:/b");
        assertThat(settings.lastCatalog()).contains("jdbc:h2:file:/a");
    }

    @Test
    void recentListKeepsTheNewestEight() {
        UiSettings settings = UiSettings.load(dir.resolve("ui.properties"));

        for (int i = 0; i < 10; i++) {
            settings.rememberCatalog("jdbc:h2:file:/c" + i);
        }

        assertThat(settings.recentCatalogs()).hasSize(UiSettings.MAX_RECENT)
                .startsWith("jdbc:h2:file:/c9").endsWith("jdbc:h2:file:/c2");
    }

    @Test
    void recentCatalogsSurviveARestart() {
        Path file = dir.resolve("ui.properties");
        UiSettings settings = UiSettings.load(file);
        settings.rememberCatalog("jdbc:postgresql://db/catalog");
        settings.save();

        assertThat(UiSettings.load(file).recentCatalogs()).containsExactly("jdbc:postgresql://db/catalog");
    }
}
