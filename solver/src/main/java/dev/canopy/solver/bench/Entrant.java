package dev.canopy.solver.bench;

import dev.canopy.solver.Strategies;
import dev.canopy.solver.Strategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A strategy taking part in a benchmark, with how the suite runs it. */
public record Entrant(Strategy strategy, SuiteStrategy spec) {

    public Entrant {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(spec, "spec");
    }

    /** The name results are reported under. */
    public String name() {
        return strategy.name();
    }

    /**
     * The suite's strategies that are registered in {@link Strategies}, in the suite's order,
     * and the names that are not.
     */
    public static Resolution resolve(List<SuiteStrategy> wanted) {
        List<Entrant> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (SuiteStrategy s : wanted) {
            Strategies.byName(s.name())
                    .ifPresentOrElse(strategy -> found.add(new Entrant(strategy, s)), () -> missing.add(s.name()));
        }
        return new Resolution(found, missing);
    }

    /** The outcome of {@link #resolve}. */
    public record Resolution(List<Entrant> entrants, List<String> unregistered) {
        public Resolution {
            entrants = List.copyOf(entrants);
            unregistered = List.copyOf(unregistered);
        }
    }
}
