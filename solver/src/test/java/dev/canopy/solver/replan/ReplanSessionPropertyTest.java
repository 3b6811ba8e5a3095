package dev.canopy.solver.replan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.canopy.model.Snapshot;
import dev.canopy.model.diff.PlanDiff;
import dev.canopy.model.event.Event;
import dev.canopy.model.event.Events;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.model.plan.Plan;
import dev.canopy.policies.verify.PlanVerifier;
import dev.canopy.solver.PlanningProblem;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ReplanSessionPropertyTest {

    private static ReplanSession session(long seed, int peers, int channels) {
        Snapshot snapshot = NetworkGenerator.generate(GeneratorOptions.defaults(peers)
                .withSeed(seed)
                .withChannels(channels)
                .withContinents(2)
                .withId("prop"));
        return ReplanSession.start(PlanningProblem.of(snapshot), ReplanOptions.defaults());
    }

    @Property(tries = 25)
    void everyPlanVerifiesAndEveryDiffAppliesExactly(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 2) int channels) {
        ReplanSession session = session(seed, 120, channels);
        RandomEvents events = new RandomEvents(seed);
        Instant at = session.now();
        Plan previous = session.plan();
        for (int step = 0; step < 40; step++) {
            at = at.plusSeconds(7);
            Event event = events.next(session.snapshot(), previous, at);

            var outcome = session.apply(event);

            Plan plan = session.plan();
            assertThat(PlanVerifier.verify(session.snapshot(), plan).violations())
                    .as("after %s", event)
                    .isEmpty();
            assertThat(outcome.version()).isEqualTo(previous.version() + 1);
            assertThat(outcome.diff().applyTo(previous)).as("after %s", event).isEqualTo(plan);
            assertThat(outcome.diff()).as("after %s", event).isEqualTo(PlanDiff.between(previous, plan));
            assertThat(PlanDiff.canonical(plan)).isEqualTo(plan);
            previous = plan;
        }
    }

    /** Batches of several events: the diff built from the journal equals the diff of the whole plans. */
    @Property(tries = 15)
    void batchDiffsEqualWholePlanDiffs(@ForAll long seed, @ForAll @IntRange(min = 1, max = 2) int channels) {
        ReplanSession session = session(seed, 150, channels);
        RandomEvents events = new RandomEvents(seed);
        Instant at = session.now();
        Plan previous = session.plan();
        for (int step = 0; step < 15; step++) {
            at = at.plusSeconds(11);
            java.util.List<Event> batch = events.batch(session.snapshot(), previous, at, 12);

            var outcome = session.applyAll(batch);

            Plan plan = session.plan();
            assertThat(PlanVerifier.verify(session.snapshot(), plan).violations())
                    .as("after %s", batch)
                    .isEmpty();
            assertThat(outcome.diff()).as("after %s", batch).isEqualTo(PlanDiff.between(previous, plan));
            assertThat(outcome.diff().applyTo(previous)).as("after %s", batch).isEqualTo(plan);
            previous = plan;
        }
    }

    @Property(tries = 15)
    void rejectedEventsChangeNothing(@ForAll long seed) {
        ReplanSession session = session(seed, 80, 1);
        Plan before = session.plan();
        Instant at = session.now().plusSeconds(60);
        String peer = session.snapshot().nodes().stream()
                .filter(n -> n.role() == dev.canopy.model.Role.PEER)
                .findFirst()
                .orElseThrow()
                .id();

        assertThatThrownBy(() -> session.apply(new Events.Leave(at, "nobody")))
                .isInstanceOf(ReplanException.class)
                .hasMessageContaining("unknown node \"nobody\"");
        assertThatThrownBy(() -> session.apply(new Events.Join(
                        at,
                        session.snapshot().nodes().stream()
                                .filter(n -> n.id().equals(peer))
                                .findFirst()
                                .orElseThrow())))
                .isInstanceOf(ReplanException.class)
                .hasMessageContaining("has already joined");
        assertThatThrownBy(() -> session.applyAll(java.util.List.of(
                        new Events.Leave(at, peer), new Events.Fail(at.minus(Duration.ofSeconds(1)), "x"))))
                .isInstanceOf(ReplanException.class)
                .hasMessageContaining("out of order");
        assertThatThrownBy(() ->
                        session.applyAll(java.util.List.of(new Events.Leave(at, peer), new Events.Leave(at, peer))))
                .isInstanceOf(ReplanException.class)
                .hasMessageContaining("not in the network");

        assertThat(session.plan()).isEqualTo(before);
        assertThat(session.version()).isEqualTo(before.version());
    }
}
