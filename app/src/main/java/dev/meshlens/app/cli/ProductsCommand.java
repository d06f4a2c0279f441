package dev.meshlens.app.cli;

import dev.meshlens.engine.catalog.ProductFilter;
import dev.meshlens.engine.model.CatalogState;
import dev.meshlens.engine.model.DataProduct;
import dev.meshlens.engine.store.CatalogStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code meshlens products}: the catalog's data products, filtered. */
@Command(name = "products", mixinStandardHelpOptions = true, description = "List data products, optionally filtered.")
final class ProductsCommand implements Callable<Integer> {
    @ParentCommand
    MeshlensCli root;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Mixin
    AsOfOptions asOf;

    @Option(names = "--search", paramLabel = "TEXT",
            description = "Words that must all appear in the name, topic, domain, owner, description or tags.")
    String search;

    @Option(names = "--domain", paramLabel = "D", description = "Only products of this domain.")
    String domain;

    @Option(names = "--tier", paramLabel = "N", description = "Only products of this SLA tier (1-4).")
    Integer tier;

    @Option(names = "--tag", paramLabel = "T", description = "Only products with this tag.")
    String tag;

    @Option(names = "--format", defaultValue = "table", description = "table or json")
    OutputFormat format;

    @Override
    public Integer call() {
        try (CatalogStore store = root.openStore()) {
            CatalogState state = asOf.resolve(store);
            List<DataProduct> products = state.content().products().stream()
                    .filter(filter())
                    .sorted(Comparator.comparing(DataProduct::name))
                    .toList();
            var out = spec.commandLine().getOut();
            if (format == OutputFormat.json) {
                out.println(Json.write(products));
            } else {
                Table table = new Table("NAME", "TOPIC", "DOMAIN", "OWNER", "TIER", "QUALITY", "TAGS", "LIFECYCLE");
                products.forEach(p -> table.row(p.name(), p.topic(), p.domain(), p.owner(), p.slaTier(),
                        p.quality(), String.join(",", p.tags()), p.lifecycle().name().toLowerCase(Locale.ROOT)));
                table.print(out);
            }
            return MeshlensCli.EXIT_OK;
        }
    }

    private ProductFilter filter() {
        return new ProductFilter(search, domain, tier, tag, true);
    }
}
