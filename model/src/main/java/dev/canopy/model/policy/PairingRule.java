package dev.canopy.model.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.util.Optional;

/**
 * Who a paired node may exchange content with: a relation ({@code same-owner},
 * {@code same-group}, {@code same-enterprise}) or the partners a node selector matches. In
 * files it is either the relation's name or a selector object.
 */
@JsonDeserialize(using = PairingRule.Reader.class)
public record PairingRule(Optional<Relation> relation, Optional<NodeSelector> partners) {

    /** A relation between two nodes. */
    public enum Relation {
        @JsonProperty("same-owner")
        SAME_OWNER,
        @JsonProperty("same-group")
        SAME_GROUP,
        @JsonProperty("same-enterprise")
        SAME_ENTERPRISE
    }

    public PairingRule {
        relation = relation == null ? Optional.empty() : relation;
        partners = partners == null ? Optional.empty() : partners;
        if (relation.isPresent() == partners.isPresent()) {
            throw new IllegalArgumentException("a pairing rule is either a relation or a node selector");
        }
    }

    /** Partners related to the node. */
    public static PairingRule of(Relation relation) {
        return new PairingRule(Optional.of(relation), Optional.empty());
    }

    /** Partners matching a selector. */
    public static PairingRule of(NodeSelector partners) {
        return new PairingRule(Optional.empty(), Optional.of(partners));
    }

    /** The form used in files: the relation's name or the selector. */
    @JsonValue
    public Object json() {
        return relation.<Object>map(r -> r).orElseGet(partners::orElseThrow);
    }

    /** Reads either form. */
    static final class Reader extends JsonDeserializer<PairingRule> {
        @Override
        public PairingRule deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = context.readTree(parser);
            if (tree.isTextual()) {
                return of(context.readTreeAsValue(tree, Relation.class));
            }
            if (tree.isObject()) {
                return of(context.readTreeAsValue(tree, NodeSelector.class));
            }
            return context.reportInputMismatch(
                    PairingRule.class,
                    "pairing 'only' must be same-owner, same-group, same-enterprise or a node selector");
        }
    }
}
