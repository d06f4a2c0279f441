package dev.meshlens.engine.schema;

import dev.meshlens.engine.model.InputException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProtobufSchemaFieldsTest {

    private static final String DELIVERY = """
            syntax = "proto3";
            package shop.logistics;
            import "google/protobuf/timestamp.proto";
            option java_multiple_files = true;

            // A parcel handed to the customer.
            message DeliveryCompleted {
              string shipment_id = 1; // Shipment number
              // When the carrier scanned the delivery
              google.protobuf.Timestamp delivered_at = 2;
              repeated Parcel parcels = 3 [packed = false];
              map<string, string> carrier_attributes = 4;
              oneof proof {
                string signature_name = 5;
                bytes photo = 6;
              }
              Address address = 7;
              reserved 8, 9;
              enum Outcome { OUTCOME_UNSPECIFIED = 0; HANDED_OVER = 1; }
              Outcome outcome = 10;
              message Parcel { string parcel_id = 1; int32 weight_grams = 2; }
            }

            message Address { string city = 1; string postal_code = 2; }
            """;

    private static List<SchemaField> fields(String proto) {
        return SchemaFields.of(SchemaType.PROTOBUF, "delivery.proto", proto);
    }

    private static SchemaField field(String proto, String path) {
        return fields(proto).stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow(
                () -> new AssertionError("no field " + path + " in " + fields(proto)));
    }

    @Test
    void firstTopLevelMessageFieldsAreListedWithNestedMessagesFlattened() {
        assertThat(fields(DELIVERY)).extracting(SchemaField::path).containsExactly(
                "shipment_id", "delivered_at", "parcels", "parcels[].parcel_id", "parcels[].weight_grams",
                "carrier_attributes", "signature_name", "photo", "address", "address.city",
                "address.postal_code", "outcome");
    }

    @Test
    void labelsAndMapsShowInTheType() {
        assertThat(field(DELIVERY, "parcels").type()).isEqualTo("repeated Parcel");
        assertThat(field(DELIVERY, "carrier_attributes").type()).isEqualTo("map<string, string>");
        assertThat(field(DELIVERY, "delivered_at").type()).isEqualTo("google.protobuf.Timestamp");
    }

    @Test
    void commentsBeforeOrAfterAFieldAreItsDoc() {
        assertThat(field(DELIVERY, "shipment_id").doc()).isEqualTo("Shipment number");
        assertThat(field(DELIVERY, "delivered_at").doc()).isEqualTo("When the carrier scanned the delivery");
    }

    @Test
    void oneofMembersSaySoInTheirDoc() {
        assertThat(field(DELIVERY, "photo").doc()).isEqualTo("(oneof proof)");
    }

    @Test
    void onlyProto2RequiredFieldsAreRequired() {
        String proto2 = "syntax = \"proto2\"; message A { required string id = 1; optional string note = 2; }";

        assertThat(fields(proto2)).extracting(SchemaField::required).containsExactly(true, false);
        assertThat(field(DELIVERY, "shipment_id").required()).isFalse();
    }

    @Test
    void unclosedMessageIsReportedAtItsLastLine() {
        String broken = "message A {\n  string id = 1;\n";

        assertThatThrownBy(() -> fields(broken)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("delivery.proto:2: unexpected end of file");
    }

    @Test
    void fieldWithoutNumberIsReportedAtItsLine() {
        String broken = "message A {\n  string id = 1;\n  string name;\n}";

        assertThatThrownBy(() -> fields(broken)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("delivery.proto:3: expected '='");
    }

    @Test
    void fileWithoutMessagesHasNoFields() {
        assertThat(fields("syntax = \"proto3\"; enum Color { RED = 0; }")).isEmpty();
    }
}
