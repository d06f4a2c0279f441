package dev.meshlens.app.ui.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class UiSettingsTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileGivesTheDefaults() {
        UiSettings settings = UiSettings.load(dir.resolve("ui.properties"));

        assertThat(settings.width()).isEqualTo(UiSettings.DEFAULT_WIDTH);
        assertThat(settings.position()).isEmpty();
        assertThat(settings.lastCatalog()).isEmpty();
        assertThat(settings.theme()).isEqualTo(Theme.SYSTEM);
        assertThat(settings.timelineVisible()).isTrue();
    }

    @Test
    void whatIsSavedIsReadBack() {
        Path file = dir.resolve("nested").resolve("ui.properties");
        UiSettings settings = UiSettings.load(file);
        settings.rememberWindow(20, 30, 1400, 900, false);
        settings.rememberCatalog("jdbc:h2:file:/data/catalog");
        settings.rememberCluster("prod");
        settings.rememberTheme(Theme.DARK);
        settings.rememberTimelineVisible(false);
        settings.save();

        UiSettings read = UiSettings.load(file);

        assertThat(read.width()).isEqualTo(1400);
        assertThat(read.height()).isEqualTo(900);
        assertThat(read.position()).hasValueSatisfying(p -> assertThat(p).containsExactly(20, 30));
        assertThat(read.lastCatalog()).contains("jdbc:h2:file:/data/catalog");
        assertThat(read.lastCluster()).contains("prod");
        assertThat(read.theme()).isEqualTo(Theme.DARK);
        assertThat(read.timelineVisible()).isFalse();
    }

    @Test
    void aMaximizedWindowKeepsItsEarlierSize() {
        Path file = dir.resolve("ui.properties");
        UiSettings settings = UiSettings.load(file);
        settings.rememberWindow(0, 0, 1100, 700, false);
        settings.rememberWindow(0, 0, 2560, 1400, true);
        settings.save();

        UiSettings read = UiSettings.load(file);

        assertThat(read.maximized()).isTrue();
        assertThat(read.width()).isEqualTo(1100);
    }

    @Test
    void damagedValuesFallBackToDefaults() throws IOException {
        Path file = Files.writeString(dir.resolve("ui.properties"),
                "window.width=wide\nwindow.height=-5\ntheme=PURPLE\n");

        UiSettings read = UiSettings.load(file);

        assertThat(read.width()).isEqualTo(UiSettings.DEFAULT_WIDTH);
        assertThat(read.height()).isEqualTo(400);
        assertThat(read.theme()).isEqualTo(Theme.SYSTEM);
    }

    @Test
    void savingIntoAnUnwritablePlaceDoesNotThrow() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-dir"), "x");
        UiSettings settings = UiSettings.load(blocker.resolve("ui.properties"));
        settings.rememberTheme(Theme.LIGHT);

        settings.save();

        assertThat(Files.isRegularFile(blocker)).isTrue();
    }
}
