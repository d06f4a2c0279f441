package dev.meshlens.engine.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void h2PasswordSettingIsRemoved() {
        assertThat(JdbcUrls.redact("jdbc:h2:file:/x/catalog;USER=sa;PASSWORD=s3cret;CACHE_SIZE=1"))
                .isEqualTo("jdbc:h2:file:/x/catalog;USER=sa;CACHE_SIZE=1");
    }

    @Test
    void firstQueryParameterPasswordIsRemovedAndTheQueryStaysWellFormed() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/catalog?password=s3cret&user=meshlens&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/catalog?user=meshlens&ssl=true");
    }

    @Test
    void laterQueryParameterPasswordIsRemoved() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://db/catalog?user=meshlens&password=s3cret"))
                .isEqualTo("jdbc:postgresql://db/catalog?user=meshlens");
    }

    @Test
    void everyPasswordLikeParameterIsRemovedWhateverItsCase() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://db/c?sslpassword=a&Password=b&PWD=c&sslmode=require"))
                .isEqualTo("jdbc:postgresql://db/c?sslmode=require");
    }

    @Test
    void userInfoPasswordIsRemoved() {
        assertThat(JdbcUrls.redact("jdbc:mysql://meshlens:s3cret@db:3306/catalog"))
                .isEqualTo("jdbc:mysql://meshlens@db:3306/catalog");
    }

    @Test
    void urlWithoutCredentialsIsUnchanged() {
        assertThat(JdbcUrls.redact("jdbc:h2:file:/home/a/.meshlens/catalog"))
                .isEqualTo("jdbc:h2:file:/home/a/.meshlens/catalog");
    }

    @Test
    void passwordValuesInFreeTextAreMasked() {
        assertThat(JdbcUrls.redactText("kafka:b:9092 sasl.jaas.config password=\"hunter2\" ssl.key.password: abc"))
                .isEqualTo("kafka:b:9092 sasl.jaas.config password=*** ssl.key.password: ***");
    }

    @Test
    void fileUrlGetsCatalogSettings() {
        assertThat(JdbcUrls.withH2Defaults("jdbc:h2:file:/x/catalog"))
                .isEqualTo("jdbc:h2:file:/x/catalog;CACHE_SIZE=65536;COMPRESS=TRUE;LOCK_TIMEOUT=60000;AUTO_SERVER=TRUE");
    }

    @Test
    void settingsOfTheUrlWin() {
        assertThat(JdbcUrls.withH2Defaults("jdbc:h2:file:/x/catalog;cache_size=1024"))
                .isEqualTo("jdbc:h2:file:/x/catalog;cache_size=1024;COMPRESS=TRUE;LOCK_TIMEOUT=60000;AUTO_SERVER=TRUE");
    }

    @Test
    void serverUrlGetsOnlyTheLockTimeout() {
        assertThat(JdbcUrls.withH2Defaults("jdbc:h2:tcp://host/catalog"))
                .isEqualTo("jdbc:h2:tcp://host/catalog;LOCK_TIMEOUT=60000");
    }

    @Test
    void onlyLocalH2FilesAreEmbeddedH2Files() {
        assertThat(JdbcUrls.isEmbeddedH2File("jdbc:h2:file:/x/catalog")).isTrue();
        assertThat(JdbcUrls.isEmbeddedH2File("jdbc:h2:~/catalog")).isTrue();
        assertThat(JdbcUrls.isEmbeddedH2File("jdbc:h2:mem:catalog")).isFalse();
        assertThat(JdbcUrls.isEmbeddedH2File("jdbc:h2:tcp://host/catalog")).isFalse();
        assertThat(JdbcUrls.isEmbeddedH2File("jdbc:postgresql://db/catalog")).isFalse();
    }

    @Test
    void otherDatabasesAreLeftAlone() {
        assertThat(JdbcUrls.withH2Defaults("jdbc:postgresql://db/catalog"))
                .isEqualTo("jdbc:postgresql://db/catalog");
    }

    @Test
    void fileUrlThatRefusesSharingKeepsItsSetting() {
        assertThat(JdbcUrls.withH2Defaults("jdbc:h2:file:/x/catalog;AUTO_SERVER=FALSE"))
                .isEqualTo("jdbc:h2:file:/x/catalog;AUTO_SERVER=FALSE;CACHE_SIZE=65536;COMPRESS=TRUE;LOCK_TIMEOUT=60000");
    }

    @Test
    void readOnlyFileUrlNeitherCreatesNorCompactsTheFile() {
        assertThat(JdbcUrls.readOnly("jdbc:h2:file:/x/catalog"))
                .isEqualTo("jdbc:h2:file:/x/catalog;IFEXISTS=TRUE;MAX_COMPACT_TIME=0");
        assertThat(JdbcUrls.readOnly("jdbc:postgresql://db/catalog")).isEqualTo("jdbc:postgresql://db/catalog");
    }

    @Test
    void fileUrlThatClosesTheDatabaseItselfIsNotShared() {
        assertThat(JdbcUrls.withH2Defaults("jdbc:h2:file:/x/catalog;DB_CLOSE_ON_EXIT=FALSE"))
                .isEqualTo("jdbc:h2:file:/x/catalog;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=65536;COMPRESS=TRUE;LOCK_TIMEOUT=60000");
    }

    @org.junit.jupiter.api.Test
    void anH2FileIsCompactedOnCloseUnlessItsUrlTurnsCompressionOff() {
        // H2's SHUTDOWN COMPACT always writes compressed pages
        assertThat(JdbcUrls.compactsOnClose("jdbc:h2:file:/tmp/catalog")).isTrue();
        assertThat(JdbcUrls.compactsOnClose("jdbc:h2:file:/tmp/catalog;compress=false")).isFalse();
        assertThat(JdbcUrls.compactsOnClose("jdbc:h2:mem:catalog")).isFalse();
        assertThat(JdbcUrls.compactsOnClose("jdbc:postgresql://127.0.0.1/meshlens")).isFalse();
    }
}
