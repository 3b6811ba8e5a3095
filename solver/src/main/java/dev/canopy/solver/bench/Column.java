package dev.canopy.solver.bench;

import java.util.Locale;
import java.util.function.Function;

/**
 * The columns of {@code results.csv}, in order, each with its header and meaning. Empty cells
 * are figures not measured; {@code inf} is a ratio over zero.
 */
public enum Column {
    INSTANCE("instance", "instance name", r -> r.key().instance()),
    FAMILY("family", "capacity mix or real data set", r -> r.key().family()),
    PEERS("peers", "nominal N (peers)", r -> Integer.toString(r.key().peers())),
    K("k", "substreams", r -> Integer.toString(r.key().substreams())),
    PARITY("parity", "parity substreams", r -> Integer.toString(r.key().parity())),
    SEED(
            "seed",
            "instance, strategy and failure seed",
            r -> Long.toString(r.key().seed())),
    STRATEGY("strategy", "strategy name, or deployed for a reference plan", r -> r.key()
            .strategy()),
    RECEIVERS("receivers", "wanted (node, channel) pairs, sources excluded", r -> Integer.toString(r.receivers())),
    RATE("rate_kbps", "nominal channel rate", r -> fixed(r.rate().nominalKbps(), 0)),
    LIMIT("limit_kbps", "physical limit min(S, (S+R)/N)", r -> fixed(r.rate().limitKbps(), 1)),
    MAX_SERVED(
            "max_served_kbps",
            "highest probed rate served to every non-excused receiver",
            r -> fixed(r.rate().maxServedKbps(), 0)),
    EFFICIENCY(
            "rate_efficiency",
            "max_served_kbps / limit_kbps",
            r -> fixed(r.rate().efficiency(), 4)),
    SLOT_LIMIT(
            "slot_limit_kbps",
            "highest rate at which whole substream slots and pairing rules allow serving every non-excused receiver",
            r -> fixed(r.rate().slotLimitKbps(), 0)),
    SLOT_EFFICIENCY(
            "slot_efficiency",
            "max_served_kbps / slot_limit_kbps",
            r -> fixed(r.rate().slotEfficiency(), 4)),
    PROBES(
            "probes",
            "plans made by the bisection",
            r -> Integer.toString(r.rate().probes())),
    EXCUSED(
            "excused",
            "receivers unserved at the nominal rate for rate-independent reasons",
            r -> Integer.toString(r.rate().excused())),
    SERVED("served", "served share at the nominal rate", r -> fixed(r.traffic().served(), 4)),
    STRANDED(
            "stranded",
            "server rate beyond server-only demand + max(0, rest of N x rate - peer uplinks), over N x rate",
            r -> fixed(r.traffic().stranded(), 4)),
    STRANDED_SERVERS(
            "stranded_servers",
            "server rate to servers that want the channel (CDN receivers), over N x rate",
            r -> fixed(r.traffic().strandedParts().toServers(), 4)),
    STRANDED_ENTRIES(
            "stranded_entries",
            "server rate to relaying peers outside the server-only floor (root fan-out), over N x rate",
            r -> fixed(r.traffic().strandedParts().toEntries(), 4)),
    OFFLOAD(
            "offload",
            "peer-sent share of all sent rate",
            r -> fixed(r.traffic().offload(), 4)),
    CROSS_ISP(
            "cross_isp",
            "share of sent rate crossing leaf regions",
            r -> fixed(r.traffic().crossIsp(), 4)),
    CROSS_COUNTRY(
            "cross_country",
            "share of sent rate crossing countries",
            r -> fixed(r.traffic().crossCountry(), 4)),
    CROSS_ISP_VS_RANDOM(
            "cross_isp_vs_random",
            "cross_isp over random's on the same instance and seed",
            r -> fixed(r.traffic().crossIspVsRandom(), 4)),
    CROSS_COUNTRY_VS_RANDOM(
            "cross_country_vs_random",
            "cross_country over random's",
            r -> fixed(r.traffic().crossCountryVsRandom(), 4)),
    LOCALITY(
            "locality_cost",
            "Locality.planCost (kbps x region distance)",
            r -> fixed(r.traffic().localityCost(), 0)),
    LOCALITY_BOUND(
            "locality_bound",
            "lower bound on locality_cost",
            r -> fixed(r.traffic().localityBound(), 0)),
    LOCALITY_VS_BOUND(
            "locality_vs_bound",
            "locality_cost / locality_bound",
            r -> fixed(r.traffic().localityOverBound(), 4)),
    DEPTH_MAX("depth_max", "most hops from a tree root", r -> fixed(r.shape().maxDepth(), 0)),
    DEPTH_MEDIAN(
            "depth_median",
            "median hops over (node, tree) memberships",
            r -> fixed(r.shape().medianDepth(), 1)),
    FAN_OUT(
            "fanout_median",
            "d: median children of interior (node, tree) pairs",
            r -> fixed(r.shape().medianFanOut(), 1)),
    DEPTH_BOUND("depth_log_bound", "ceil(log_d N) + 1", r -> fixed(r.shape().logBound(), 0)),
    PLAN_MS("plan_ms", "wall clock of strategy.plan", r -> fixed(r.cost().planMs(), 1)),
    PEAK_MB(
            "peak_heap_mb",
            "peak heap during the plan above the heap before it",
            r -> fixed(r.cost().peakHeapMb(), 1)),
    BOUND_MS(
            "bound_ms",
            "time to compute the instance's locality bound",
            r -> fixed(r.cost().boundMs(), 1)),
    RES_P0_Q1(
            "res_p0_q1",
            "resilience, parity 0, 1 % of peers failed",
            r -> fixed(r.survival().p0q1(), 4)),
    RES_P0_Q5("res_p0_q5", "resilience, parity 0, 5 %", r -> fixed(r.survival().p0q5(), 4)),
    RES_P0_Q10(
            "res_p0_q10", "resilience, parity 0, 10 %", r -> fixed(r.survival().p0q10(), 4)),
    RES_P2_Q1("res_p2_q1", "resilience, parity 2, 1 %", r -> fixed(r.survival().p2q1(), 4)),
    RES_P2_Q5("res_p2_q5", "resilience, parity 2, 5 %", r -> fixed(r.survival().p2q5(), 4)),
    RES_P2_Q10(
            "res_p2_q10", "resilience, parity 2, 10 %", r -> fixed(r.survival().p2q10(), 4)),
    VIOLATIONS("violations", "rules the nominal plan breaks", r -> Integer.toString(r.violations())),
    OTHER_VIOLATIONS(
            "other_violations",
            "rules broken by the probes' and parity variant's plans",
            r -> Integer.toString(r.otherViolations())),
    NOTE("note", "what failed or was left out", RunResult::note);

    private final String header;
    private final String meaning;
    private final Function<RunResult, String> cell;

    Column(String header, String meaning, Function<RunResult, String> cell) {
        this.header = header;
        this.meaning = meaning;
        this.cell = cell;
    }

    /** The CSV header. */
    public String header() {
        return header;
    }

    /** One line saying what the column holds. */
    public String meaning() {
        return meaning;
    }

    /** The unquoted cell of a row. */
    public String cell(RunResult row) {
        return cell.apply(row);
    }

    /** A figure with the given decimals; empty for NaN, {@code inf} for infinity. */
    static String fixed(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
