package dev.meshlens.app.ui.settings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThemeTest {

    @Test
    void systemFollowsTheDesktop() {
        assertThat(Theme.SYSTEM.isDark(true)).isTrue();
        assertThat(Theme.SYSTEM.isDark(false)).isFalse();
    }

    @Test
    void anExplicitChoiceIgnoresTheDesktop() {
        assertThat(Theme.DARK.isDark(false)).isTrue();
        assertThat(Theme.LIGHT.isDark(true)).isFalse();
    }

    @Test
    void gnomePreferDarkColourSchemeMeansDark() {
        assertThat(SystemTheme.linuxPrefersDark(null, "'prefer-dark'", "'Adwaita'")).isTrue();
    }

    @Test
    void aDarkGtkThemeMeansDark() {
        assertThat(SystemTheme.linuxPrefersDark(null, "'default'", "'Adwaita-dark'")).isTrue();
        assertThat(SystemTheme.linuxPrefersDark("Adwaita:dark", "", "")).isTrue();
    }

    @Test
    void noAnswerMeansLight() {
        assertThat(SystemTheme.linuxPrefersDark(null, "", "")).isFalse();
        assertThat(SystemTheme.linuxPrefersDark(null, "'default'", "'Adwaita'")).isFalse();
    }
}
