package dev.canopy.model.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.canopy.model.Node;
import dev.canopy.model.policy.PolicyDocument;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The event types of {@code canopy/event@1}. */
public final class Events {
    private Events() {}

    /** A node joins the network. */
    public record Join(Instant at, Node node) implements Event {
        public Join {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(node, "node");
        }

        @Override
        @JsonIgnore
        public String type() {
            return "join";
        }
    }

    /** A node leaves gracefully. */
    public record Leave(Instant at, String node) implements Event {
        public Leave {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(node, "node");
        }

        @Override
        @JsonIgnore
        public String type() {
            return "leave";
        }
    }

    /** A node stops answering. */
    public record Fail(Instant at, String node) implements Event {
        public Fail {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(node, "node");
        }

        @Override
        @JsonIgnore
        public String type() {
            return "fail";
        }
    }

    /**
     * A child receives less than expected from a parent.
     *
     * @param substream the substream concerned, when known (an addition to the format)
     */
    public record Congestion(
            Instant at, String parent, String child, String channel, long observedKbps, OptionalInt substream)
            implements Event {
        public Congestion {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(parent, "parent");
            Objects.requireNonNull(child, "child");
            Objects.requireNonNull(channel, "channel");
            substream = substream == null ? OptionalInt.empty() : substream;
        }

        @Override
        @JsonIgnore
        public String type() {
            return "congestion";
        }
    }

    /**
     * A node's capacity changes.
     *
     * @param downlinkKbps the new downlink, when it changes too (an addition to the format)
     */
    public record Capacity(Instant at, String node, long uplinkKbps, OptionalLong downlinkKbps) implements Event {
        public Capacity {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(node, "node");
            downlinkKbps = downlinkKbps == null ? OptionalLong.empty() : downlinkKbps;
        }

        @Override
        @JsonIgnore
        public String type() {
            return "capacity";
        }
    }

    /**
     * A link's capacity changes; 0 takes the link down, absent makes it unbounded.
     *
     * @param loadKbps new outside load on the link, when it changes (an addition to the format)
     */
    public record LinkChange(Instant at, String link, OptionalLong capacityKbps, OptionalLong loadKbps)
            implements Event {
        public LinkChange {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(link, "link");
            capacityKbps = capacityKbps == null ? OptionalLong.empty() : capacityKbps;
            loadKbps = loadKbps == null ? OptionalLong.empty() : loadKbps;
        }

        @Override
        @JsonIgnore
        public String type() {
            return "link";
        }
    }

    /** A node subscribes to ({@code on}) or unsubscribes from a channel. */
    public record Want(Instant at, String node, String channel, boolean on) implements Event {
        public Want {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(channel, "channel");
        }

        @Override
        @JsonIgnore
        public String type() {
            return "want";
        }
    }

    /** A new policy document replaces the current one. */
    public record PolicyChange(Instant at, PolicyDocument policies) implements Event {
        public PolicyChange {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(policies, "policies");
        }

        @Override
        @JsonIgnore
        public String type() {
            return "policies";
        }
    }

    /** Time passes: hours-based policies are evaluated again. */
    public record Tick(Instant at) implements Event {
        public Tick {
            Objects.requireNonNull(at, "at");
        }

        @Override
        @JsonIgnore
        public String type() {
            return "tick";
        }
    }
}
