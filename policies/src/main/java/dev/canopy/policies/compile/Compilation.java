package dev.canopy.policies.compile;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.policy.ChannelSelector;
import dev.canopy.model.policy.Hours;
import dev.canopy.model.policy.NodeSelector;
import dev.canopy.model.routing.Routing;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What compiling one document needs: the snapshot's index and routing, the instant hours are
 * evaluated at, and the local time of day in each zone met so far. Used by one thread during
 * {@link CompiledPolicies#compile}.
 */
final class Compilation {
    final SnapshotIndex index;
    final Routing routing;
    private final Instant at;
    private final Map<ZoneId, LocalTime> localTimes = new HashMap<>();
    private final Map<String, ZoneId> countryZones = new HashMap<>();
    private DelayTable delays;

    Compilation(Routing routing, Instant at) {
        this.routing = routing;
        this.index = routing.index();
        this.at = at;
    }

    NodeMatcher nodes(NodeSelector selector) {
        return NodeMatcher.of(selector, index);
    }

    boolean[] channels(ChannelSelector selector) {
        return ChannelMatcher.of(selector).over(index);
    }

    /**
     * The nodes for which a window holds at the compile instant: all when there are no hours;
     * else evaluated in {@code tz}, or in each node's country's main zone.
     */
    BitSet withinHours(Optional<Hours> hours, Optional<String> tz) {
        BitSet out = new BitSet(index.nodeCount());
        if (hours.isEmpty()) {
            out.set(0, index.nodeCount());
            return out;
        }
        Optional<ZoneId> fixed = tz.map(ZoneId::of);
        for (int i = 0; i < index.nodeCount(); i++) {
            ZoneId zone = fixed.orElseGet(this::utc);
            if (fixed.isEmpty()) {
                Optional<String> country = index.countryOf(i);
                zone = country.isEmpty()
                        ? zone
                        : countryZones.computeIfAbsent(country.get(), c -> CountryZones.zoneOf(Optional.of(c)));
            }
            if (hours.get().contains(localTime(zone))) {
                out.set(i);
            }
        }
        return out;
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
            delays = new DelayTable(index.channelCount(), index.nodeCount());
        }
        return delays;
    }
}
