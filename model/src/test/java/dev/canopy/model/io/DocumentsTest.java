package dev.canopy.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.canopy.fixtures.Fixtures;
import dev.canopy.model.Snapshot;
import dev.canopy.model.event.Event;
import dev.canopy.model.event.Events;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Choosing the format of a file, and reading what is not tied to one invalid fixture. */
class DocumentsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} is a {1} file")
    @CsvSource({
        "fixtures:snapshots/model-full.json, SNAPSHOT",
        "fixtures:snapshots/model-full.yaml, SNAPSHOT",
        "valid/policies.yaml, POLICIES",
        "valid/plan.json, PLAN",
        "valid/diff.json, DIFF",
        "valid/events.jsonl, EVENTS"
    })
    void detectAndValidateChooseTheFormatOfAValidFile(String name, FileFormat format) {
        Path file = ValidFiles.path(name);

        assertThat(Documents.detect(file)).isEqualTo(format);
        assertThat(Documents.validate(file)).isEqualTo(format);
    }

    @Test
    void theTagDecidesTheFormatWhateverTheFileIsCalled() throws IOException {
        Path planNamedLikeASnapshot =
                write("snapshot.json", "{ \"format\": \"canopy/plan@1\", \"snapshot\": \"s1\", \"version\": 2 }");
        Path diffInYaml = write("whatever.yml", "format: canopy/diff@1\nsnapshot: s1\nfrom: 1\nto: 2\n");
        Path policiesWithoutExtension = write("policies", "format: canopy/policies@1\npolicies: []\n");

        assertThat(Documents.detect(planNamedLikeASnapshot)).isEqualTo(FileFormat.PLAN);
        assertThat(Documents.validate(planNamedLikeASnapshot)).isEqualTo(FileFormat.PLAN);
        assertThat(Documents.detect(diffInYaml)).isEqualTo(FileFormat.DIFF);
        assertThat(Documents.validate(policiesWithoutExtension)).isEqualTo(FileFormat.POLICIES);
    }

    @Test
    void validateChecksAFileAgainstTheFormatItsTagNames() {
        // tagged as a plan, so it is checked as a plan: the snapshot's fields are unknown there
        Path file = Fixtures.path("invalid/snapshot/format-wrong.json");

        InputException thrown = catchThrowableOfType(InputException.class, () -> Documents.validate(file));

        assertThat(thrown.errors())
                .extracting(e -> e.path() + ": " + e.message())
                .containsExactly(
                        "snapshot: missing required field \"snapshot\"",
                        "version: missing required field \"version\"",
                        "id: unknown field \"id\"");
    }

    @Test
    void eventsAreRecognisedByTheirExtensionOrByTypedLines() throws IOException {
        String tick = "{\"type\":\"tick\",\"at\":\"2026-11-21T20:00:00Z\"}\n";
        Path jsonl = write("stream.jsonl", "\n" + tick);
        Path ndjson = write("stream.ndjson", tick);
        Path unnamed = write("stream.log", tick + tick);

        assertThat(Documents.detect(jsonl)).isEqualTo(FileFormat.EVENTS);
        assertThat(Documents.detect(ndjson)).isEqualTo(FileFormat.EVENTS);
        assertThat(Documents.detect(unnamed)).isEqualTo(FileFormat.EVENTS);
        assertThat(Documents.validate(unnamed)).isEqualTo(FileFormat.EVENTS);
    }

    @Test
    void aFileWithoutATagCannotBeDetected() {
        Path file = Fixtures.path("invalid/snapshot/format-missing.json");

        assertThatThrownBy(() -> Documents.detect(file))
                .isInstanceOf(InputException.class)
                .hasMessage(
                        file + ":1:1: missing required field \"format\": " + "cannot tell which Canopy format this is");
    }

    @Test
    void anUnknownTagIsReportedWithTheKnownOnes() {
        Path file = Fixtures.path("invalid/snapshot/format-unknown.json");

        assertThatThrownBy(() -> Documents.validate(file))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ":2:13: format: unknown format \"canopy/snapshot@2\": expected one of "
                        + "[canopy/snapshot@1, canopy/policies@1, canopy/plan@1, canopy/event@1, canopy/diff@1,"
                        + " canopy/policy-test@1]");
    }

    @Test
    void detectReportsSyntaxErrorsWithLineAndColumn() {
        Path file = Fixtures.path("invalid/snapshot/syntax-error.yaml");

        InputException thrown = catchThrowableOfType(InputException.class, () -> Documents.detect(file));

        assertThat(thrown.errors()).singleElement().satisfies(error -> {
            assertThat(error.line()).isEqualTo(6);
            assertThat(error.column()).isEqualTo(7);
            assertThat(error.message()).startsWith("syntax error: ");
        });
    }

    @Test
    void aDocumentThatIsNotAnObjectIsReportedAsSuch() throws IOException {
        Path file = write("list.json", "[1, 2]");

        assertThatThrownBy(() -> Documents.readSnapshot(file))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ":1:1: expected a canopy/snapshot@1 object, found array");
    }

    @Test
    void blankLinesOfAnEventStreamAreSkippedAndCountedForLineNumbers() throws IOException {
        Path file = write(
                "events.jsonl",
                "{\"type\":\"tick\",\"at\":\"2026-11-21T20:00:00Z\"}\r\n"
                        + "\r\n"
                        + "   \n"
                        + "{\"type\":\"leave\",\"at\":\"2026-11-21T20:00:01Z\",\"node\":\"p7\"}\n"
                        + "{\"type\":\"leave\",\"at\":\"2026-11-21T20:00:02Z\"}\n");

        InputException thrown = catchThrowableOfType(InputException.class, () -> Documents.readEvents(file));
        assertThat(thrown.errors()).extracting(InputError::line).containsExactly(5);

        Files.writeString(file, "\n\n");
        assertThat(Documents.readEvents(file)).isEmpty();
    }

    @Test
    void eventsAreReadInFileOrderWithTheirTypes() {
        List<Event> events = Documents.readEvents(ValidFiles.path("valid/events.jsonl"));

        assertThat(events)
                .extracting(Event::type)
                .containsExactly(
                        "join",
                        "leave",
                        "fail",
                        "congestion",
                        "congestion",
                        "capacity",
                        "capacity",
                        "link",
                        "link",
                        "want",
                        "policies",
                        "tick");
        assertThat(events.get(1)).isEqualTo(new Events.Leave(Instant.parse("2026-11-21T20:00:01Z"), "p1"));
    }

    @Test
    void yamlNeedsQuotesForValuesItWouldReadAsBooleans() throws IOException {
        // YAML 1.1 reads an unquoted NO (Norway) as false; quoted it is a country code
        Path unquoted =
                write("no.yaml", "format: canopy/snapshot@1\nid: norway\nregions:\n  - { id: oslo, country: NO }\n");
        Path quoted = write(
                "no-quoted.yaml",
                "format: canopy/snapshot@1\nid: norway\nregions:\n  - { id: oslo, country: \"NO\" }\n");

        assertThatThrownBy(() -> Documents.readSnapshot(unquoted))
                .hasMessage(unquoted + ":4:26: regions[0].country: wrong type: expected string, found boolean");
        Snapshot snapshot = Documents.readSnapshot(quoted);
        assertThat(snapshot.regions().get(0).country()).contains("NO");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
