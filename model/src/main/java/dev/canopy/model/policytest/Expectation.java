package dev.canopy.model.policytest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.canopy.model.Lists;
import dev.canopy.model.plan.UnservedReason;
import dev.canopy.model.policy.NodeSelector;
import dev.canopy.model.policy.PolicyParams;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What a policy test case expects of its plan. In files each expectation is an object with one
 * key naming its type ({@link #key()}): {@code served}, {@code unserved}, {@code edge}, {@code
 * linkLoad}, {@code regionLoad}, {@code parents}, {@code relaxed} or {@code verifies}. Checking
 * them is the policy test runner's business; these records only hold what the file says.
 */
@JsonDeserialize(using = Expectation.Reader.class)
public sealed interface Expectation
        permits Expectation.Served,
                Expectation.NotServed,
                Expectation.EdgePresence,
                Expectation.LinkLoad,
                Expectation.RegionLoad,
                Expectation.Parents,
                Expectation.Relaxed,
                Expectation.Verifies {

    /** The key that names this type in files. */
    String key();

    /** The node receives the channel (at least k of its substreams, or over a mesh). */
    @JsonDeserialize(using = JsonDeserializer.None.class) // not the interface's reader
    record Served(String node, String channel) implements Expectation {
        public Served {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(channel, "channel");
        }

        @Override
        public String key() {
            return "served";
        }
    }

    /** The node is listed unserved for the channel, with that reason and policy where given. */
    @JsonDeserialize(using = JsonDeserializer.None.class) // not the interface's reader
    record NotServed(String node, String channel, Optional<UnservedReason> reason, Optional<String> policy)
            implements Expectation {
        public NotServed {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(channel, "channel");
            reason = Lists.opt(reason);
            policy = Lists.opt(policy);
        }

        @Override
        public String key() {
            return "unserved";
        }
    }

    /**
     * An edge from parent to child carries the channel (in the given substream's tree, else in
     * any of its overlays), or with {@code present: false} none does.
     */
    @JsonDeserialize(using = JsonDeserializer.None.class) // not the interface's reader
    record EdgePresence(String parent, String child, String channel, OptionalInt substream, Boolean present)
            implements Expectation {
        public EdgePresence {
            Objects.requireNonNull(parent, "parent");
            Objects.requireNonNull(child, "child");
            Objects.requireNonNull(channel, "channel");
            substream = substream == null ? OptionalInt.empty() : substream;
            present = present == null ? Boolean.TRUE : present;
        }

        @Override
        public String key() {
            return "edge";
        }
    }

    /**
     * A link's load in a direction ({@code both}: each direction) stays within the bounds: the
     * plan's traffic (of {@code channel} only, where given) plus the link's outside {@code
     * loadKbps}, the quantity a link-cap bounds.
     */
    @JsonDeserialize(using = JsonDeserializer.None.class) // not the interface's reader
    record LinkLoad(
            String link,
            PolicyParams.Direction direction,
            Optional<String> channel,
            OptionalLong minKbps,
            OptionalLong maxKbps)
            implements Expectation {
        public LinkLoad {
            Objects.requireNonNull(link, "link");
            direction = direction == null ? PolicyParams.Direction.BOTH : direction;
            channel = Lists.opt(channel);
            minKbps = minKbps == null ? OptionalLong.empty() : minKbps;
            maxKbps = maxKbps == null ? OptionalLong.empty() : maxKbps;
        }

        @Override
        public String key() {
            return "linkLoad";
        }
    }

    /** The plan's traffic into, out of or inside a region (of {@code channel} only, where given) stays within the bounds. */
    @JsonDeserialize(using = JsonDeserializer.None.class) // not the interface's reader
    record RegionLoad(
            String region, PolicyParams.Flow flow, Optional<String> channel, OptionalLong minKbps, OptionalLong maxKbps)
            implements Expectation {
        public RegionLoad {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(flow, "flow");
            channel = Lists.opt(channel);
            minKbps = minKbps == null ? OptionalLong.empty() : minKbps;
            maxKbps = maxKbps == null ? OptionalLong.empty() : maxKbps;
        }

        @Override
        public String key() {
            return "regionLoad";
        }
    }

    /** Every parent the node has for the channel (in any overlay) matches the selector; it has at least one. */
    @JsonDeserialize(using = JsonDeserializer.None.class) // not the interface's reader
    record Parents(String node, String channel, NodeSelector match) implements Expectation {
        public Parents {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(match, "match");
        }

        @Override
        public String key() {
            return "parents";
        }
    }

    /** The plan's relaxed list sets the policy aside for the node (for the channel, where given). */
    @JsonDeserialize(using = JsonDeserializer.None.class) // not the interface's reader
    record Relaxed(String node, String policy, Optional<String> channel) implements Expectation {
        public Relaxed {
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(policy, "policy");
            channel = Lists.opt(channel);
        }

        @Override
        public String key() {
            return "relaxed";
        }
    }

    /** The plan passes the verifier under the case's policies ({@code true}) or breaks a rule ({@code false}). */
    record Verifies(boolean ok) implements Expectation {
        @Override
        public String key() {
            return "verifies";
        }
    }

    /** The types by their keys. */
    Map<String, Class<? extends Expectation>> TYPES = Map.of(
            "served", Served.class,
            "unserved", NotServed.class,
            "edge", EdgePresence.class,
            "linkLoad", LinkLoad.class,
            "regionLoad", RegionLoad.class,
            "parents", Parents.class,
            "relaxed", Relaxed.class,
            "verifies", Verifies.class);

    /** Reads the one-key form. */
    final class Reader extends JsonDeserializer<Expectation> {
        @Override
        public Expectation deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = context.readTree(parser);
            if (!tree.isObject() || tree.size() != 1) {
                return context.reportInputMismatch(
                        Expectation.class,
                        "an expectation is an object with exactly one key, one of " + TYPES.keySet());
            }
            Iterator<Map.Entry<String, JsonNode>> fields = tree.fields();
            Map.Entry<String, JsonNode> only = fields.next();
            Class<? extends Expectation> type = TYPES.get(only.getKey());
            if (type == null) {
                return context.reportInputMismatch(Expectation.class, "unknown expectation \"" + only.getKey() + "\"");
            }
            if (type == Verifies.class) {
                return new Verifies(only.getValue().asBoolean());
            }
            return context.readTreeAsValue(only.getValue(), type);
        }
    }
}
