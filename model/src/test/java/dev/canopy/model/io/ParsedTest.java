package dev.canopy.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.policy.PolicyDocument;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Later stages report errors about a document read earlier at its place in the file. */
class ParsedTest {
    @Test
    void anErrorAboutAReadDocumentHasTheLineAndColumnOfTheValue() {
        Path file = ValidFiles.path("valid/policies.yaml");
        Parsed<PolicyDocument> policies = Documents.readPolicies(file);

        InputError error = policies.error(FieldPath.of("policies", 0, "link"), "unknown link \"dt-orange\"");

        assertThat(policies.file()).isEqualTo(file.toString());
        assertThat(error).hasToString(file + ":6:11: policies[0].link: unknown link \"dt-orange\"");
    }

    @Test
    void anErrorAboutAMissingValueIsPlacedAtTheNearestEnclosingOne() {
        Parsed<PolicyDocument> policies = Documents.readPolicies(ValidFiles.path("valid/policies.yaml"));

        InputError error = policies.error(FieldPath.of("policies", 0, "tz"), "no tz");

        assertThat(error.line()).isEqualTo(4);
        assertThat(error.column()).isEqualTo(5);
        assertThat(error.path()).isEqualTo(FieldPath.of("policies", 0, "tz"));
    }

    @Test
    void aDocumentBuiltInCodeReportsErrorsWithoutAPlace() {
        Parsed<PolicyDocument> policies = Parsed.inMemory(PolicyDocument.EMPTY, "built-in");

        InputError error = policies.error(FieldPath.of("policies", 0), "bad");

        assertThat(error).hasToString("built-in: policies[0]: bad");
        assertThat(policies.value()).isSameAs(PolicyDocument.EMPTY);
    }
}
