package dev.canopy.solver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.fixtures.Fixtures;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.io.Documents;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TreeGraphCheckTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({"cycle, has a cycle", "two-parents, parents", "source-has-parent, has a parent"})
    void catchesWhatTheVerifierFixturesBreakAndPassesTheirRepairs(String folder, String problem) {
        SnapshotIndex index =
                SnapshotIndex.of(Documents.readSnapshot(Fixtures.path("verifier/" + folder + "/snapshot.json")));

        List<String> broken =
                TreeGraphCheck.problems(index, Documents.readPlan(Fixtures.path("verifier/" + folder + "/plan.json")));
        List<String> repaired = TreeGraphCheck.problems(
                index, Documents.readPlan(Fixtures.path("verifier/" + folder + "/ok-plan.json")));

        assertThat(broken).anySatisfy(line -> assertThat(line).contains(problem));
        assertThat(repaired).isEmpty();
    }
}
