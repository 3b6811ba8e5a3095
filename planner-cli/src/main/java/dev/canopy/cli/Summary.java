package dev.canopy.cli;

import dev.canopy.model.plan.Plan;
import dev.canopy.model.plan.Unserved;
import dev.canopy.policies.verify.ChannelMetrics;
import dev.canopy.policies.verify.PlanMetrics;
import dev.canopy.policies.verify.Verification;
import dev.canopy.policies.verify.Violation;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The one-screen report of a plan and its verification, shared by {@code plan} and {@code verify}. */
final class Summary {
    private Summary() {}

    /** Per-channel table, then served, unserved, offload, locality, depth and the verdict. */
    static void print(PrintWriter out, Plan plan, Verification verification) {
        PlanMetrics m = verification.metrics();
        out.printf(
                Locale.ROOT,
                "  %-16s %8s %10s %16s %8s %6s %6s%n",
                "channel",
                "rate",
                "limit",
                "served",
                "degraded",
                "depth",
                "mean");
        for (Map.Entry<String, ChannelMetrics> e : m.channels().entrySet()) {
            ChannelMetrics c = e.getValue();
            out.printf(
                    Locale.ROOT,
                    "  %-16s %8d %10.0f %16s %8d %6d %6.2f%n",
                    clip(e.getKey(), 16),
                    c.rateKbps(),
                    c.physicalLimitKbps(),
                    c.served() + "/" + c.receivers() + " (" + percent(c.servedFraction()) + ")",
                    c.degraded(),
                    c.maxDepth(),
                    c.meanDepth());
        }
        out.printf(
                Locale.ROOT,
                "served     %s of wanted (node, channel) pairs%s%n",
                percent(m.servedFraction()),
                tiers(m.servedByTier()));
        out.printf(Locale.ROOT, "unserved   %s%n", unserved(plan.unserved()));
        long sent = m.serverUplinkKbps() + m.peerUplinkKbps();
        out.printf(
                Locale.ROOT,
                "offload    %s of %,d kbps sent by peers; servers sent %,d kbps%n",
                percent(m.offload()),
                sent,
                m.serverUplinkKbps());
        out.printf(
                Locale.ROOT,
                "locality   %s of traffic crosses regions, %s crosses countries%n",
                percent(m.crossRegionShare()),
                percent(m.crossCountryShare()));
        out.printf(
                Locale.ROOT,
                "depth      max %d, mean %.2f hops over %,d edges%n",
                m.maxDepth(),
                m.meanDepth(),
                m.edges());
    }

    /** The verdict line and up to {@code limit} violations, grouped counts first. */
    static void violations(PrintWriter out, Verification verification, int limit) {
        List<Violation> violations = verification.violations();
        if (violations.isEmpty()) {
            out.println("verifier   ok: no hard rule broken");
            return;
        }
        Map<String, Long> byRule = violations.stream()
                .collect(Collectors.groupingBy(v -> v.rule().code(), TreeMap::new, Collectors.counting()));
        out.println("verifier   " + violations.size() + " violation(s): " + byRule);
        violations.stream().limit(limit).forEach(v -> out.println("  " + v));
        if (violations.size() > limit) {
            out.println("  ... and " + (violations.size() - limit) + " more (--max-violations to see them)");
        }
    }

    private static String unserved(List<Unserved> unserved) {
        if (unserved.isEmpty()) {
            return "none";
        }
        Map<String, Long> byReason = unserved.stream()
                .collect(Collectors.groupingBy(u -> u.reason().code(), TreeMap::new, Collectors.counting()));
        return unserved.size() + " ("
                + byReason.entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", "))
                + ")";
    }

    private static String tiers(Map<String, Double> byTier) {
        if (byTier.isEmpty()) {
            return "";
        }
        return byTier.entrySet().stream()
                .map(e -> e.getKey() + " " + percent(e.getValue()))
                .collect(Collectors.joining(", ", " (", ")"));
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String clip(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "~";
    }
}
