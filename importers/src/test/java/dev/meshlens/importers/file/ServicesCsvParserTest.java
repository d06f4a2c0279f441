package dev.meshlens.importers.file;

import dev.meshlens.engine.model.InputException;
import dev.meshlens.engine.model.MeshContent;
import dev.meshlens.engine.model.ServiceInfo;
import dev.meshlens.engine.model.SourceKind;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServicesCsvParserTest {
    private static final String HEADER = "Principal,Name,Owner,Tier,Production\n";

    private final ServicesCsvParser parser = new ServicesCsvParser();

    private List<ServiceInfo> services(String csv) throws IOException {
        return Fixtures.parse(parser, "services.csv", csv).services();
    }

    @Test
    void readsEveryServiceOfTheSheet() throws IOException {
        MeshContent content = Fixtures.parseFixture(parser, "services.csv");

        assertThat(content.sources()).containsExactly(SourceKind.SERVICES);
        assertThat(content.services()).containsExactly(
                new ServiceInfo("User:CN=billing,OU=apps,O=Acme", "Billing", "team-billing@acme.example", 3, false),
                new ServiceInfo("User:analytics-etl", "Analytics ETL", "team-data@acme.example", null, false),
                new ServiceInfo("User:order-service", "Order service", "team-orders@acme.example", 1, true),
                new ServiceInfo("User:payment-service", "Payment service", "team-payments@acme.example", 2, true));
    }

    @Test
    void headerMatchesColumnsInAnyOrderIgnoringCase() throws IOException {
        String csv = "production,TIER,owner,name,PRINCIPAL\nyes,1,team-orders,Order service,User:order-service\n";

        assertThat(services(csv)).containsExactly(
                new ServiceInfo("User:order-service", "Order service", "team-orders", 1, true));
    }

    @Test
    void productionAcceptsTrueFalseYesNoOneZeroAndBlank() throws IOException {
        String csv = HEADER + "User:a,,,,TRUE\nUser:b,,,,false\nUser:c,,,,Yes\nUser:d,,,,no\nUser:e,,,,1\n"
                + "User:f,,,,0\nUser:g,,,,\n";

        assertThat(services(csv)).extracting(ServiceInfo::production)
                .containsExactly(true, false, true, false, true, false, false);
    }

    @Test
    void unknownProductionValueIsAnError() {
        assertThatThrownBy(() -> services(HEADER + "User:a,,,,maybe\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("services.csv:2: column Production: 'maybe' is not one of true, false, yes, no, 1, 0 "
                        + "(blank means false)");
    }

    @Test
    void spacesAroundThePrincipalColonAreDropped() throws IOException {
        assertThat(services(HEADER + "User : order-service,,,,\n")).extracting(ServiceInfo::principal)
                .containsExactly("User:order-service");
    }

    @Test
    void principalWithoutTypeIsAnError() {
        assertThatThrownBy(() -> services(HEADER + "User:a,,,,\norder-service,Order service,,,\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("services.csv:3: column Principal: principal 'order-service' is not of the form "
                        + "Type:name, e.g. User:alice");
    }

    @Test
    void principalWithoutNameIsAnError() {
        assertThatThrownBy(() -> services(HEADER + "User:,Order service,,,\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("services.csv:2: column Principal: principal 'User:' has no name");
    }

    @Test
    void blankPrincipalIsAnError() {
        assertThatThrownBy(() -> services(HEADER + ",Order service,team-orders,1,yes\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("services.csv:2: column Principal is empty; every service is named by the Kafka "
                        + "principal it connects as");
    }

    @Test
    void tierThatIsNoTierIsAnError() {
        assertThatThrownBy(() -> services(HEADER + "User:a,,,gold,\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("services.csv:2: column Tier: SLA tier 'gold' is not a tier from 1 to 4");
    }

    @Test
    void missingColumnIsNamedAtTheHeaderLine() {
        assertThatThrownBy(() -> services("Principal,Name,Owner,Production\nUser:a,,,\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("services.csv:1: missing column 'Tier'; a services CSV header names the "
                        + "columns Principal,Name,Owner,Tier,Production in any order");
    }

    @Test
    void headerOnlySheetCoversServicesWithNone() throws IOException {
        MeshContent content = Fixtures.parse(parser, "services.csv", HEADER);

        assertThat(content.sources()).containsExactly(SourceKind.SERVICES);
        assertThat(content.services()).isEmpty();
    }
}
