package dev.canopy.model.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.canopy.model.io.Documents;
import dev.canopy.model.plan.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class PlanDiffPropertyTest {

    @Property(tries = 300)
    void applyingTheDiffGivesTheCanonicalTarget(@ForAll long seedA, @ForAll long seedB) {
        Plan a = RandomPlans.plan(seedA, 4);
        Plan b = RandomPlans.plan(seedB, 5);

        Diff diff = PlanDiff.between(a, b);

        assertThat(diff.applyTo(a)).isEqualTo(PlanDiff.canonical(b));
        assertThat(diff.from()).isEqualTo(4);
        assertThat(diff.to()).isEqualTo(5);
    }

    @Property(tries = 100)
    void aPlanAgainstItselfOrItsCanonicalFormIsAnEmptyDiff(@ForAll long seed) {
        Plan a = RandomPlans.plan(seed, 4);

        assertThat(PlanDiff.between(a, a).isEmpty()).isTrue();
        assertThat(PlanDiff.between(a, PlanDiff.canonical(a)).isEmpty()).isTrue();
        assertThat(PlanDiff.canonical(PlanDiff.canonical(a))).isEqualTo(PlanDiff.canonical(a));
    }

    @Property(tries = 60)
    void aDiffSurvivesWritingAndReadingBack(@ForAll long seedA, @ForAll long seedB) throws IOException {
        Plan a = RandomPlans.plan(seedA, 4);
        Plan b = RandomPlans.plan(seedB, 5);
        Diff diff = PlanDiff.between(a, b);
        Path file = Files.createTempFile("diff", ".json");
        try {
            Documents.write(file, diff);

            Diff read = Documents.readDiff(file);

            assertThat(read).isEqualTo(diff);
            assertThat(read.applyTo(a)).isEqualTo(PlanDiff.canonical(b));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
