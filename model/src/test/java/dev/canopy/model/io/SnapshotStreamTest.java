package dev.canopy.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.canopy.fixtures.Fixtures;
import dev.canopy.model.Snapshot;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading a snapshot node by node: a valid one comes out as binding its whole tree gives it;
 * anything wrong, wherever it is, sends the file to the whole read (which words the errors, see
 * {@link DocumentsErrorsTest}).
 */
class SnapshotStreamTest {
    private static final String VALID = "{\"format\": \"canopy/snapshot@1\", \"id\": \"s\","
            + " \"regions\": [{\"id\": \"r\"}],"
            + " \"channels\": [{\"id\": \"c\", \"rateKbps\": 1000, \"substreams\": 2, \"sources\": [\"o\"]}],"
            + " \"nodes\": [{\"id\": \"o\", \"role\": \"origin\", \"region\": \"r\", \"uplinkKbps\": 5000},"
            + " {\"id\": \"p\", \"region\": \"r\", \"uplinkKbps\": 1000, \"wants\": [\"c\"],"
            + " \"accessList\": [\"o\"]}]}";

    static Stream<String> validSnapshots() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.directory("snapshots"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("validSnapshots")
    void aValidSnapshotIsReadNodeByNodeAsItsWholeTreeBindsIt(String name) throws IOException {
        Path file = Fixtures.path("snapshots/" + name);
        byte[] bytes = Files.readAllBytes(file);
        ObjectMapper mapper = name.endsWith(".yaml") ? Mappers.yaml() : Mappers.json();

        assertThat(SnapshotStream.readIfValid(bytes, mapper)).contains(mapper.readValue(bytes, Snapshot.class));
        assertThat(Documents.readSnapshot(file)).isEqualTo(mapper.readValue(bytes, Snapshot.class));
    }

    @Test
    void aGeneratedSnapshotWithEveryKindOfNodeIsReadAsItWasWritten(@TempDir Path dir) {
        Snapshot generated = NetworkGenerator.generate(GeneratorOptions.defaults(300));
        Path file = dir.resolve("generated.json");
        Documents.write(file, generated);

        assertThat(Documents.readSnapshot(file)).isEqualTo(generated);
    }

    @Test
    void everyInvalidSnapshotFixtureIsLeftToTheWholeRead() throws IOException {
        List<String> accepted = new ArrayList<>();
        try (Stream<Path> files = Files.list(Fixtures.directory("invalid/snapshot"))) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                ObjectMapper mapper = name.endsWith(".yaml") ? Mappers.yaml() : Mappers.json();
                if (SnapshotStream.readIfValid(Files.readAllBytes(file), mapper).isPresent()) {
                    accepted.add(name);
                }
            }
        }
        assertThat(accepted).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // a node's schema: unknown field, wrong type, missing field
                "\"uplinkKbps\": 1000, \"wants\"|\"uplinkKbps\": 1000, \"colour\": 1, \"wants\"",
                "\"uplinkKbps\": 1000, \"wants\"|\"uplinkKbps\": \"fast\", \"wants\"",
                "\"region\": \"r\", \"uplinkKbps\": 1000, \"wants\"|\"uplinkKbps\": 1000, \"wants\"",
                // the rules on the fields a node keeps: region, wants, access list, id
                "{\"id\": \"p\", \"region\": \"r\"|{\"id\": \"p\", \"region\": \"nowhere\"",
                "\"wants\": [\"c\"]|\"wants\": [\"other\"]",
                "\"accessList\": [\"o\"]|\"accessList\": [\"nobody\"]",
                "\"accessList\": [\"o\"]|\"accessList\": [\"role:king\"]",
                "{\"id\": \"p\"|{\"id\": \"o\"",
                // the rest of the document: its schema, its rules, the tag, trailing tokens, syntax
                "\"substreams\": 2|\"substreams\": 0",
                "\"sources\": [\"o\"]|\"sources\": [\"x\"]",
                "canopy/snapshot@1|canopy/plan@1",
                "\"accessList\": [\"o\"]}]}|\"accessList\": [\"o\"]}]} {}",
                "\"accessList\": [\"o\"]}]}|\"accessList\": [\"o\"]}, ]}",
                "\"id\": \"s\",|\"id\": \"s\", \"id\": \"t\",",
                "\"nodes\": [|\"nodes\": {\"x\": 1}, \"more\": ["
            })
    void anythingWrongLeavesTheFileToTheWholeRead(String change) throws IOException {
        String[] parts = change.split("\\|", 2);
        assertThat(VALID).contains(parts[0]);
        byte[] bytes = VALID.replace(parts[0], parts[1]).getBytes(StandardCharsets.UTF_8);

        assertThat(SnapshotStream.readIfValid(VALID.getBytes(StandardCharsets.UTF_8), Mappers.json()))
                .isPresent();
        assertThat(SnapshotStream.readIfValid(bytes, Mappers.json())).isEmpty();
    }

    @Test
    void theSchemaGivesNodesATypeAndAnItemSchemaOnly() throws IOException {
        // what makes checking the nodes one by one the same as checking the array
        try (InputStream in = SnapshotStreamTest.class.getResourceAsStream(FileFormat.SNAPSHOT.schemaResource())) {
            JsonNode nodes = Mappers.json().readTree(in).path("properties").path("nodes");
            List<String> keys = new ArrayList<>();
            nodes.fieldNames().forEachRemaining(keys::add);

            assertThat(keys).containsExactlyInAnyOrder("type", "items");
            assertThat(nodes.path("items").path("$ref").asText()).isEqualTo("#/$defs/node");
        }
    }
}
