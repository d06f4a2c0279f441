package dev.meshlens.synthetic;

import dev.meshlens.engine.model.AclBinding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticAclListingTest {

    @ParameterizedTest
    @ValueSource(longs = {3, 4, 5, 997, 5_000, 5_001, 5_002, 20_003})
    void listingHasExactlyTheRequestedNumberOfKafkaShapedLines(long lines) {
        StringBuilder out = new StringBuilder();

        SyntheticAclListing.Stats stats = SyntheticAclListing.write(out, lines, 42);

        List<String> written = out.toString().lines().toList();
        assertThat(written).hasSize((int) lines);
        assertThat(stats.lines()).isEqualTo(lines);
        List<AclBinding> bindings = KafkaAclText.parse(written);
        assertThat(bindings).hasSize((int) stats.bindings()).doesNotHaveDuplicates();
        assertThat(stats.bindings() + 2 * stats.resources()).isEqualTo(lines);
    }

    @Test
    void listingIsTheMeshListingCutAtTheRequestedLength() {
        StringBuilder listing = new StringBuilder();
        StringBuilder whole = new StringBuilder();

        SyntheticAclListing.Stats stats = SyntheticAclListing.write(listing, 5_000, 42);
        SyntheticMesh.generate(stats.meshSpec(), 42).writeAcls(whole);

        List<String> cut = listing.toString().lines().toList();
        List<String> all = whole.toString().lines().toList();
        int lastBlock = cut.subList(0, cut.size() - 1).lastIndexOf("") + 1;
        assertThat(all.subList(0, lastBlock)).isEqualTo(cut.subList(0, lastBlock));
        assertThat(all.size()).isGreaterThan(cut.size());
    }

    @Test
    void sameSeedWritesTheSameListing() {
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        StringBuilder other = new StringBuilder();

        SyntheticAclListing.write(first, 2_000, 1);
        SyntheticAclListing.write(second, 2_000, 1);
        SyntheticAclListing.write(other, 2_000, 2);

        assertThat(first.toString()).isEqualTo(second.toString()).isNotEqualTo(other.toString());
    }

    @Test
    void fewerThanThreeLinesIsRejected() {
        assertThatThrownBy(() -> SyntheticAclListing.write(new StringBuilder(), 2, 42))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 3 lines");
    }
}
