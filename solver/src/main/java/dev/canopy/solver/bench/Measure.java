package dev.canopy.solver.bench;

/**
 * The measurements of a run that cost more than the plan itself, chosen per instance: a scaling
 * instance may be measured for time only.
 */
public enum Measure {
    /** Bisection over the channel rate for the highest rate served to every receiver. */
    RATE_EFFICIENCY,
    /** Surviving receivers after peers fail, on the parity 0 and parity 2 variants. */
    RESILIENCE
}
