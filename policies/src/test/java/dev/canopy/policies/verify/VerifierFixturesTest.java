package dev.canopy.policies.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.canopy.fixtures.Fixtures;
import dev.canopy.model.Snapshot;
import dev.canopy.model.io.Documents;
import dev.canopy.model.plan.Plan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the verifier on every folder of {@code fixtures/verifier/}: a folder named after a rule
 * holds a {@code plan.json} that breaks exactly that rule and an {@code ok-plan.json} that
 * breaks nothing; {@code valid/} holds a richer plan that breaks nothing. A folder of an operator
 * policy's rule also holds the {@code policies.yaml} both plans are verified against.
 */
class VerifierFixturesTest {
    private static final String ROOT = "verifier";
    private static final String VALID = "valid";

    static List<String> ruleFolders() {
        return folders().stream().filter(f -> !f.equals(VALID)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleFolders")
    void planBreaksExactlyTheFoldersRule(String folder) {
        Verification verification = verify(folder, "plan.json");

        assertThat(verification.violations())
                .as("violations of %s/plan.json", folder)
                .isNotEmpty();
        assertThat(verification.violations())
                .as("violations of %s/plan.json", folder)
                .allSatisfy(v -> assertThat(v.rule().code()).isEqualTo(folder));
        assertThat(verification.ok()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleFolders")
    void nearestPlanBreaksNothing(String folder) {
        Verification verification = verify(folder, "ok-plan.json");

        assertThat(verification.violations())
                .as("violations of %s/ok-plan.json", folder)
                .isEmpty();
        assertThat(verification.ok()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleFolders")
    void snapshotIsTiny(String folder) {
        assertThat(snapshot(folder).nodes()).hasSizeBetween(3, 6);
    }

    @Test
    void everyRuleHasAFolder() {
        List<String> codes = Arrays.stream(Rule.values()).map(Rule::code).toList();

        assertThat(ruleFolders()).containsExactlyInAnyOrderElementsOf(codes);
    }

    @Test
    void richValidPlanBreaksNothing() {
        Verification verification = PlanVerifier.verify(snapshot(VALID), plan(VALID, "plan.json"));

        assertThat(verification.violations()).isEmpty();
        PlanMetrics metrics = verification.metrics();
        ChannelMetrics soccer = metrics.channels().get("soccer");
        // cdn1, p1, p2, l1, l2 get 4 of the 5 substreams (or all 5); p3 gets 2; p4 none.
        assertThat(soccer.receivers()).isEqualTo(7);
        assertThat(soccer.served()).isEqualTo(5);
        assertThat(soccer.degraded()).isEqualTo(1);
        assertThat(soccer.maxDepth()).isEqualTo(2);
        assertThat(metrics.channels().get("radio").servedFraction()).isEqualTo(1.0);
        assertThat(metrics.channels().get("concert").served()).isEqualTo(3);
        assertThat(metrics.links()).singleElement().satisfies(link -> {
            assertThat(link.link()).isEqualTo("dt-orange");
            assertThat(link.aToBKbps()).isEqualTo(1500);
            assertThat(link.bToAKbps()).isZero();
            assertThat(link.utilisation()).isCloseTo(0.95, within(1e-9));
        });
        assertThat(metrics.unserved()).isEqualTo(2);
    }

    /** Verifies a plan of a folder, with the folder's {@code policies.yaml} when it has one. */
    private static Verification verify(String folder, String file) {
        Snapshot snapshot = snapshot(folder);
        Plan plan = plan(folder, file);
        String policies = ROOT + "/" + folder + "/policies.yaml";
        if (Fixtures.class.getClassLoader().getResource("canopy-fixtures/" + policies) == null) {
            return PlanVerifier.verify(snapshot, plan);
        }
        return PlanVerifier.verify(
                snapshot, plan, Documents.readPolicies(Fixtures.path(policies)).value());
    }

    private static Snapshot snapshot(String folder) {
        return Documents.readSnapshot(Fixtures.path(ROOT + "/" + folder + "/snapshot.json"));
    }

    private static Plan plan(String folder, String file) {
        return Documents.readPlan(Fixtures.path(ROOT + "/" + folder + "/" + file));
    }

    /** The sub-folders of fixtures/verifier, whether the fixtures sit in a folder or in a jar. */
    private static List<String> folders() {
        URL readme = Fixtures.class.getClassLoader().getResource("canopy-fixtures/" + ROOT + "/README.md");
        assertThat(readme)
                .as("fixtures/verifier/README.md on the test classpath")
                .isNotNull();
        try {
            URI uri = readme.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem jar;
                try {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    jar = FileSystems.getFileSystem(uri);
                }
                return list(jar.getPath("canopy-fixtures", ROOT));
            }
            return list(Path.of(uri).getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad fixture location " + readme, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString().replace("/", ""))
                    .sorted()
                    .toList();
        }
    }
}
