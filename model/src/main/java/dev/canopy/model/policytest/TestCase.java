package dev.canopy.model.policytest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.canopy.model.Lists;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One case of a policy test file: plan {@code snapshot} under the file's policies (with the
 * named strategy, else the runner's default) and check every expectation on the plan.
 *
 * @param snapshot path of the snapshot, relative to the test file (shared fixtures allowed)
 * @param at the instant at which policy hours are evaluated, instead of the snapshot's
 *     {@code takenAt}
 * @param expect the expectations, all of which must hold
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record TestCase(
        String name, String snapshot, Optional<String> strategy, Optional<Instant> at, List<Expectation> expect) {

    public TestCase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(snapshot, "snapshot");
        strategy = Lists.opt(strategy);
        at = Lists.opt(at);
        expect = Lists.of(expect);
    }
}
