package dev.canopy.model.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.canopy.model.io.FieldPath;
import dev.canopy.model.io.Problem;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Rules of a policy document that need no snapshot: unique policy ids, valid time zones, hours
 * and IP prefixes, and the either-or parameters (a geo-ban names countries or nodes, a
 * single-ingress an enterprise or nodes). References to links and regions are checked when the
 * policies are compiled against a snapshot.
 */
final class PolicyRules {
    /** The form the schema requires of an IP prefix. */
    private static final Pattern PREFIX_FORM = Pattern.compile("[0-9A-Fa-f:.]+(/[0-9]{1,3})?");

    private PolicyRules() {}

    static List<Problem> check(JsonNode document) {
        return check(document, FieldPath.ROOT);
    }

    /** Every problem of a document found at {@code at} inside another (a policies event). */
    static List<Problem> check(JsonNode document, FieldPath at) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> ids = new HashMap<>();
        List<JsonNode> policies = Tree.array(document, "policies");
        for (int i = 0; i < policies.size(); i++) {
            JsonNode policy = policies.get(i);
            FieldPath here = at.field("policies").index(i);
            String id = Tree.text(policy, "id").orElse(null);
            if (id != null) {
                Integer first = ids.putIfAbsent(id, i);
                if (first != null) {
                    problems.add(new Problem(
                            here.field("id"), "duplicate policy id \"" + id + "\" (first at policies[" + first + "])"));
                }
            }
            String kind = Tree.text(policy, "kind").orElse("");
            if (kind.equals("geo-ban") && !policy.has("countries") && !policy.has("nodes")) {
                problems.add(new Problem(here, "a geo-ban needs \"countries\" or \"nodes\""));
            }
            if (kind.equals("single-ingress") && !policy.has("enterprise") && !policy.has("nodes")) {
                problems.add(new Problem(here, "a single-ingress policy needs \"enterprise\" or \"nodes\""));
            }
            Tree.text(policy, "tz").ifPresent(zone -> {
                try {
                    ZoneId.of(zone);
                } catch (DateTimeException e) {
                    problems.add(new Problem(
                            here.field("tz"), "unknown time zone \"" + zone + "\" (expected e.g. \"Europe/Berlin\")"));
                }
            });
            Tree.text(policy, "hours").ifPresent(hours -> {
                if (hours.matches("\\d{2}:\\d{2}-\\d{2}:\\d{2}")) {
                    try {
                        dev.canopy.model.policy.Hours.parse(hours);
                    } catch (IllegalArgumentException e) {
                        problems.add(new Problem(here.field("hours"), e.getMessage()));
                    }
                }
            });
            for (String field : List.of("nodes", "only")) {
                JsonNode selector = policy.get(field);
                if (selector != null && selector.isObject()) {
                    prefixes(selector, here.field(field), problems);
                }
            }
        }
        return problems;
    }

    private static void prefixes(JsonNode selector, FieldPath at, List<Problem> problems) {
        List<String> prefixes = Tree.texts(selector, "ipPrefixes");
        for (int i = 0; i < prefixes.size(); i++) {
            String prefix = prefixes.get(i);
            // a prefix that is not even written like one is the schema's to report
            if (prefix != null
                    && PREFIX_FORM.matcher(prefix).matches()
                    && IpPrefix.parse(prefix).isEmpty()) {
                FieldPath path = selector.get("ipPrefixes").isArray()
                        ? at.field("ipPrefixes").index(i)
                        : at.field("ipPrefixes");
                problems.add(new Problem(
                        path, "bad IP prefix \"" + prefix + "\": expected CIDR such as 10.0.0.0/8 or 2001:db8::/32"));
            }
        }
    }
}
