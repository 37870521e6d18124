package io.itinera.events.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.itinera.events.SampleEvents;
import io.itinera.events.TopicSpec;
import io.itinera.events.Topics;
import io.itinera.events.serde.EventJson;
import io.itinera.events.trip.CancelTrip;
import io.itinera.events.trip.EraseTrip;
import io.itinera.events.trip.SubmitTrip;
import io.itinera.events.trip.TripCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON Schemas under {@code src/main/resources/schemas/} are the contract for consumers outside Java. They must
 * match the records (regenerate with {@code -Dschemas.update=true}) and every sample event must validate.
 */
class EventSchemasTests {

    static final Path SCHEMAS = Path.of("src/main/resources/schemas");

    /** Every record type written to a topic. */
    static Stream<Class<?>> eventTypes() {
        Set<Class<?>> types = new LinkedHashSet<>();
        for (Class<?> type : Topics.all().stream().map(TopicSpec::type).toList()) {
            if (type == TripCommand.class) {
                types.addAll(List.of(SubmitTrip.class, CancelTrip.class, EraseTrip.class));
            } else {
                types.add(type);
            }
        }
        return types.stream();
    }

    static String fileName(Class<?> type) {
        return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase() + ".schema.json";
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void checkedInSchemaMatchesTheRecord(Class<?> type) throws IOException {
        Path file = SCHEMAS.resolve(fileName(type));
        String generated = RecordSchemas.render(RecordSchemas.schemaOf(type, fileName(type)));
        if (Boolean.getBoolean("schemas.update")) {
            Files.createDirectories(SCHEMAS);
            Files.writeString(file, generated, StandardCharsets.UTF_8);
        }
        assertThat(file)
                .as("schema of %s; regenerate with -Dschemas.update=true", type.getSimpleName())
                .exists();
        assertThat(Files.readString(file)).isEqualTo(generated);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void everySampleValidatesAgainstItsSchema(Class<?> type) throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(SCHEMAS.resolve(fileName(type))));
        List<Object> samples = SampleEvents.samplesOf(type);
        assertThat(samples).isNotEmpty();
        for (Object sample : samples) {
            JsonNode json = EventJson.mapper().readTree(EventJson.mapper().writeValueAsBytes(sample));
            List<Error> errors = schema.validate(json);
            assertThat(errors).as("%s against %s", json, fileName(type)).isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void schemaRejectsAFieldItDoesNotKnow(Class<?> type) throws IOException {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(Files.readString(SCHEMAS.resolve(fileName(type))));
        Object sample = SampleEvents.samplesOf(type).get(0);
        ObjectNode json =
                (ObjectNode) EventJson.mapper().readTree(EventJson.mapper().writeValueAsBytes(sample));
        json.put("surprise", 1);

        assertThat(schema.validate(json)).isNotEmpty();
    }
}
