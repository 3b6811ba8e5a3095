package dev.canopy.policies.compile;

import dev.canopy.model.Node;
import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.policy.ChannelSelector;
import dev.canopy.model.policy.Hours;
import dev.canopy.model.policy.NodeSelector;
import dev.canopy.model.routing.Routing;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * What compiling one document needs: the snapshot's index and routing, the node facts, the
 * instant hours are evaluated at, the local time of day in each zone met so far, and every node
 * matcher built (so that {@link #learn} can teach them a node). Used by one thread during
 * {@link CompiledPolicies#compile}, and afterwards only by the {@link JoinablePolicies} that owns
 * it, if any.
 */
final class Compilation {
    final SnapshotIndex index;
    final Routing routing;
    final NodeTable table;
    private final Instant at;
    private final List<NodeMatcher> matchers = new ArrayList<>();
    private final Map<ZoneId, LocalTime> localTimes = new HashMap<>();
    private final Map<String, ZoneId> countryZones = new HashMap<>();
    private DelayTable delays;

    Compilation(Routing routing, Instant at) {
        this.routing = routing;
        this.index = routing.index();
        this.at = at;
        this.table = new NodeTable(index);
    }

    Instant at() {
        return at;
    }

    NodeMatcher nodes(NodeSelector selector) {
        return remember(NodeMatcher.of(selector, table));
    }

    /** A matcher of the nodes that pass a test over node numbers of the {@link #table}. */
    NodeMatcher nodes(IntPredicate test) {
        return remember(NodeMatcher.of(test, table));
    }

    private NodeMatcher remember(NodeMatcher matcher) {
        matchers.add(matcher);
        return matcher;
    }

    /**
     * Sets node {@code number}'s facts in the table and teaches every matcher, the delay table
     * and then every unit about it.
     */
    void learn(int number, Node node, int region, List<Unit> units) {
        table.put(number, node, region);
        for (NodeMatcher matcher : matchers) {
            matcher.learn(number);
        }
        if (delays != null) {
            delays.reset(number);
        }
        for (Unit unit : units) {
            unit.learn(number);
        }
    }

    boolean[] channels(ChannelSelector selector) {
        return ChannelMatcher.of(selector).over(index);
    }

    /**
     * The nodes for which a window holds at the compile instant: all when there are no hours;
     * else evaluated in {@code tz}, or in each node's country's main zone.
     */
    BitSet withinHours(Optional<Hours> hours, Optional<String> tz) {
        BitSet out = new BitSet(table.count());
        for (int i = 0; i < table.count(); i++) {
            out.set(i, withinHours(hours, tz, i));
        }
        return out;
    }

    /** Whether a window holds for one node of the {@link #table} at the compile instant. */
    boolean withinHours(Optional<Hours> hours, Optional<String> tz, int node) {
        if (hours.isEmpty()) {
            return true;
        }
        ZoneId zone = tz.map(ZoneId::of).orElseGet(() -> {
            Optional<String> country = table.countryOf(node);
            return country.isEmpty()
                    ? utc()
                    : countryZones.computeIfAbsent(country.get(), c -> CountryZones.zoneOf(Optional.of(c)));
        });
        return hours.get().contains(localTime(zone));
    }

    private ZoneId utc() {
        return CountryZones.zoneOf(Optional.empty());
    }

    /** The local time of day at the compile instant in a zone. */
    LocalTime localTime(ZoneId zone) {
        return localTimes.computeIfAbsent(zone, z -> LocalTime.ofInstant(at, z));
    }

    /** The delays every delayed-feed policy of the document gives, shared by their rules. */
    DelayTable delays() {
        if (delays == null) {
            delays = new DelayTable(index.channelCount(), table.count());
        }
        return delays;
    }
}
