package dev.meshlens.app.cli;

import dev.meshlens.app.cli.AnalysisCli.MeshDoc;
import dev.meshlens.app.cli.AnalysisCli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.meshlens.app.cli.AnalysisCli.json;
import static org.assertj.core.api.Assertions.assertThat;

class AccessCommandTest {
    @TempDir
    Path folder;

    /** customers (pii) read by etl, which writes profiles, read by bi (no group, not in services.csv). */
    private static MeshDoc derivation() {
        return new MeshDoc().topics("customers", "profiles")
                .product("Customers", "customers", 1, "ACTIVE", "pii").product("Profiles", "profiles", 2, "ACTIVE")
                .service("User:etl", 1, true)
                .writes("User:src", "customers").reads("User:etl", "customers").writes("User:etl", "profiles")
                .reads("User:bi", "profiles")
                .group("etl-g", "User:etl", "STABLE", "customers", 5, 5);
    }

    @Test
    void readersAreListedAsJsonWithPathsAndFlags() throws Exception {
        Run run = AnalysisCli.withMesh(folder, derivation()).run("access", "--tag", "PII", "--format", "json");

        assertThat(run.exit()).isEqualTo(MeshlensCli.EXIT_OK);
        assertThat(run.json()).isEqualTo(json("{'tag':'pii','products':['customers'],'readers':["
                + "{'principal':'User:bi','product':'customers','readsTopic':'profiles','direct':false,"
                + "'path':['customers','User:etl','profiles','User:bi'],'hasGroup':false,'registered':false,"
                + "'authorized':true},"
                + "{'principal':'User:etl','product':'customers','readsTopic':'customers','direct':true,"
                + "'path':['customers','User:etl'],'hasGroup':true,'registered':true,'authorized':true}]}"));
    }

    @Test
    void tableShowsOneRowPerReaderWithFlagsAndPath() throws Exception {
        Run run = AnalysisCli.withMesh(folder, derivation()).run("access", "--tag", "pii");

        assertThat(run.out()).isEqualTo("""
                PRODUCT    READER    READS      DIRECT  HAS GROUP  REGISTERED  AUTHORIZED  PATH
                customers  User:bi   profiles   no      no         no          yes         customers -> User:etl -> profiles -> User:bi
                customers  User:etl  customers  yes     yes        yes         yes         customers -> User:etl
                """);
    }

    @Test
    void consumerWithoutReadAclIsListedAsUnauthorized() throws Exception {
        MeshDoc mesh = derivation().group("sneaky-g", "User:sneaky", "STABLE", "customers", 1, 1);

        Run run = AnalysisCli.withMesh(folder, mesh).run("access", "--tag", "pii", "--format", "json");

        assertThat(run.json().get("readers").get(2)).isEqualTo(json("{'principal':'User:sneaky',"
                + "'product':'customers','readsTopic':'customers','direct':true,'path':['customers','User:sneaky'],"
                + "'hasGroup':true,'registered':false,'authorized':false}"));
    }

    @Test
    void tagNoProductCarriesIsSaidOnStderrAndExitsZero() throws Exception {
        Run run = AnalysisCli.withMesh(folder, derivation()).run("access", "--tag", "financial", "--format", "json");

        assertThat(run.exit()).isEqualTo(MeshlensCli.EXIT_OK);
        assertThat(run.json()).isEqualTo(json("{'tag':'financial','products':[],'readers':[]}"));
        assertThat(run.err()).isEqualTo("meshlens: no catalog product of cluster default is tagged 'financial'"
                + System.lineSeparator());
    }

    @Test
    void missingTagIsAUsageError() throws Exception {
        Run run = AnalysisCli.withMesh(folder, derivation()).run("access");

        assertThat(run.exit()).isEqualTo(MeshlensCli.EXIT_USAGE);
        assertThat(run.err()).startsWith("meshlens: Missing required option: '--tag=TAG'");
    }
}
