package dev.canopy.model.policy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.NameTransformer;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;

/**
 * One operator rule: the fields every policy has and its kind's parameters. In files the two
 * are written flat in one object ({@code id, kind, enforce, ..., link, maxKbps}).
 *
 * @param weight cost per unit of breach of a soft policy (default 1)
 * @param rank relaxation order: when a node cannot be served, relaxable policies are set aside
 *     for it lowest rank first
 */
@JsonDeserialize(using = Policy.Reader.class)
@JsonSerialize(using = Policy.Writer.class)
public record Policy(String id, Enforcement enforce, double weight, int rank, boolean relaxable, PolicyParams params) {

    private static final Set<String> COMMON = Set.of("id", "kind", "enforce", "weight", "rank", "relaxable");

    public Policy {
        Objects.requireNonNull(id, "id");
        enforce = enforce == null ? Enforcement.HARD : enforce;
        Objects.requireNonNull(params, "params");
    }

    /** A hard, non-relaxable policy of rank 0. */
    public static Policy hard(String id, PolicyParams params) {
        return new Policy(id, Enforcement.HARD, 1, 0, false, params);
    }

    /** The kind, derived from the parameters. */
    public PolicyKind kind() {
        return PolicyKind.of(params);
    }

    /** Whether the policy must hold. */
    public boolean isHard() {
        return enforce == Enforcement.HARD;
    }

    /** Reads the flat form: common fields, then the rest bound to the kind's parameter record. */
    static final class Reader extends JsonDeserializer<Policy> {
        @Override
        public Policy deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = context.readTree(parser);
            if (!tree.isObject()) {
                return context.reportInputMismatch(Policy.class, "a policy must be an object");
            }
            ObjectNode rest = ((ObjectNode) tree).deepCopy();
            rest.remove(COMMON);
            String kindName = tree.path("kind").asText("");
            PolicyKind kind = PolicyKind.fromCode(kindName)
                    .orElseThrow(() -> context.weirdStringException(kindName, PolicyKind.class, "unknown policy kind"));
            PolicyParams params = context.readTreeAsValue(rest, kind.paramsType());
            Enforcement enforce =
                    tree.has("enforce") ? context.readTreeAsValue(tree.get("enforce"), Enforcement.class) : null;
            return new Policy(
                    tree.path("id").asText(),
                    enforce,
                    tree.path("weight").asDouble(1),
                    tree.path("rank").asInt(0),
                    tree.path("relaxable").asBoolean(false),
                    params);
        }
    }

    /** Writes the flat form. */
    static final class Writer extends JsonSerializer<Policy> {
        @Override
        public void serialize(Policy policy, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartObject();
            out.writeStringField("id", policy.id());
            out.writeStringField("kind", policy.kind().code());
            if (policy.enforce() != Enforcement.HARD) {
                out.writeStringField("enforce", "soft");
            }
            if (policy.weight() != 1) {
                out.writeNumberField("weight", policy.weight());
            }
            if (policy.rank() != 0) {
                out.writeNumberField("rank", policy.rank());
            }
            if (policy.relaxable()) {
                out.writeBooleanField("relaxable", true);
            }
            JsonSerializer<Object> params =
                    provider.findValueSerializer(policy.params().getClass()).unwrappingSerializer(NameTransformer.NOP);
            params.serialize(policy.params(), out, provider);
            out.writeEndObject();
        }
    }
}
