package dev.meshlens.app.cli;

import dev.meshlens.importers.kafka.KafkaClientConfig;
import dev.meshlens.importers.profile.ConnectionProfile;
import dev.meshlens.importers.profile.ConnectionProfiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code meshlens profile add|list|remove}: connection profiles remembered by name, each pointing at a Kafka client
 * properties file (and optionally a Schema Registry URL and its credentials file). Only paths and URLs are stored.
 */
@Command(name = "profile", description = {
        "Remember how to reach a cluster under a name, for 'meshlens import --kafka NAME'.",
        "A profile points at a Kafka client properties file (as Kafka's tools take with --command-config) and "
                + "optionally a Schema Registry URL and a file with its credentials; it stores paths and URLs only, "
                + "never a secret. Profiles live in ~/.meshlens/profiles.json (or $MESHLENS_PROFILES)."},
        subcommands = {ProfileCommand.Add.class, ProfileCommand.ListProfiles.class, ProfileCommand.Remove.class})
final class ProfileCommand implements Runnable {
    @ParentCommand
    MeshlensCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code meshlens profile add NAME --kafka FILE [--registry URL] [--registry-credentials FILE]}. */
    @Command(name = "add", description = "Add a profile (checks that the Kafka file names bootstrap.servers).")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        ProfileCommand profile;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The profile name, e.g. prod.")
        String name;

        @Option(names = "--kafka", paramLabel = "FILE", required = true,
                description = "The Kafka client properties file: bootstrap.servers, security.protocol, SASL/SSL.")
        Path kafka;

        @Option(names = "--registry", paramLabel = "URL", description = "The Schema Registry base URL.")
        String registry;

        @Option(names = "--registry-credentials", paramLabel = "FILE",
                description = "A file with the Schema Registry's credentials.")
        Path registryCredentials;

        @Option(names = "--replace", description = "Replace a profile of the same name.")
        boolean replace;

        @Override
        public Integer call() {
            ConnectionProfiles profiles = profile.root.profiles();
            ConnectionProfile stored;
            try {
                stored = profiles.add(new ConnectionProfile(name, kafka, registry, registryCredentials), replace);
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage());
            }
            spec.commandLine().getOut().println("profile " + stored.name() + " saved in " + profiles.file()
                    + " (" + KafkaClientConfig.load(stored.kafka()).origin() + ")");
            return MeshlensCli.EXIT_OK;
        }
    }

    /** {@code meshlens profile list}. */
    @Command(name = "list", description = "List the profiles.")
    static final class ListProfiles implements Callable<Integer> {
        @ParentCommand
        ProfileCommand profile;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Option(names = "--format", defaultValue = "table", description = "table or json")
        OutputFormat format;

        @Override
        public Integer call() {
            List<ConnectionProfile> all = profile.root.profiles().list();
            var out = spec.commandLine().getOut();
            if (format == OutputFormat.json) {
                out.println(Json.write(all.stream().map(ListProfiles::toJson).toList()));
            } else {
                Table table = new Table("NAME", "KAFKA", "REGISTRY", "REGISTRY CREDENTIALS");
                all.forEach(p -> table.row(p.name(), p.kafka(), p.registry(), p.registryCredentials()));
                table.print(out);
            }
            return MeshlensCli.EXIT_OK;
        }

        private static Map<String, Object> toJson(ConnectionProfile p) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", p.name());
            json.put("kafka", p.kafka().toString());
            json.put("registry", p.registry());
            json.put("registryCredentials", p.registryCredentials() == null ? null : p.registryCredentials().toString());
            return json;
        }
    }

    /** {@code meshlens profile remove NAME}. */
    @Command(name = "remove", description = "Forget a profile (its files are left as they are).")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        ProfileCommand profile;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "The profile to forget.")
        String name;

        @Override
        public Integer call() {
            ConnectionProfiles profiles = profile.root.profiles();
            if (!profiles.remove(name)) {
                throw new CliException("no profile '" + name + "' in " + profiles.file());
            }
            spec.commandLine().getOut().println("profile " + name + " removed");
            return MeshlensCli.EXIT_OK;
        }
    }
}
