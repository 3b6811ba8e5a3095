package dev.canopy.model.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.canopy.fixtures.Fixtures;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every invalid fixture under {@code fixtures/invalid/<format>/} breaks one rule (or, for the
 * {@code many-errors} files, several): reading it with its format's reader reports exactly the
 * listed errors, in file order, each as one line {@code file:line:col: path: message}.
 *
 * <p>An expected error is written {@code "line:col path | message"}, where the message part is
 * a substring of the actual message and the path {@code (root)} means the error is about the
 * document as a whole (it is then left out of the printed line).
 */
class DocumentsErrorsTest {
    private static final String ID_RULE = "ids are 1 to 128 letters, digits, '.', '_', '-' or ':'";

    static Stream<Arguments> invalidFixtures() {
        return Stream.of(
                // snapshot: unknown, missing, mistyped fields
                snapshot(
                        "unknown-field.json",
                        "4:13 colour | unknown field \"colour\"",
                        "7:68 nodes[0].upLinkKbps | unknown field \"upLinkKbps\""),
                snapshot(
                        "unknown-field.yaml",
                        "5:13 regions[0].colour | unknown field \"colour\"",
                        "10:17 nodes[0].upLinkKbps | unknown field \"upLinkKbps\""),
                snapshot(
                        "missing-required.json",
                        "1:1 id | missing required field \"id\"",
                        "5:5 channels[0].sources | missing required field \"sources\"",
                        "8:5 nodes[0].uplinkKbps | missing required field \"uplinkKbps\""),
                snapshot(
                        "wrong-type.json",
                        "5:66 links[0].latencyMs | wrong type: expected number, found string",
                        "6:47 channels[0].rateKbps | wrong type: expected integer, found number",
                        "6:66 channels[0].sources | wrong type: expected array, found string",
                        "8:49 nodes[0].uplinkKbps | wrong type: expected integer, found string"),
                // snapshot: duplicate ids of each kind
                snapshot(
                        "duplicate-region-id.json",
                        "7:13 regions[2].id | duplicate region id \"de\" (first at regions[0])"),
                snapshot("duplicate-link-id.json", "7:13 links[1].id | duplicate link id \"l1\" (first at links[0])"),
                snapshot(
                        "duplicate-channel-id.json",
                        "7:13 channels[1].id | duplicate channel id \"soccer\" (first at channels[0])"),
                snapshot(
                        "duplicate-node-id.json",
                        "8:13 nodes[2].id | duplicate node id \"p1\" (first at nodes[0])",
                        "9:13 nodes[3].id | duplicate node id \"p2\" (first at nodes[1])"),
                // snapshot: references that do not resolve
                snapshot(
                        "dangling-node-region.json",
                        "7:29 nodes[1].region | unknown region \"atlantis\" (node \"p2\")"),
                snapshot(
                        "dangling-channel-source.json",
                        "6:59 channels[0].sources[1] | unknown node \"o2\" (source of channel \"soccer\")"),
                snapshot(
                        "dangling-link-end.json",
                        "6:38 links[0].b | unknown region \"xx\" (end b of link \"de-xx\")",
                        "7:27 links[1].a | unknown region \"yy\" (end a of link \"yy-fr\")"),
                snapshot(
                        "dangling-access-list.json",
                        "8:55 nodes[1].accessList[1] | unknown node \"ghost\" in access list of node \"p1\"",
                        "8:64 nodes[1].accessList[2] | unknown role \"server\" in access list of node \"p1\": "
                                + "expected one of [cdn, origin, peer, waypoint]"),
                snapshot(
                        "dangling-wants.json",
                        "8:74 nodes[1].wants[1] | unknown channel \"tennis\" (wanted by node \"p1\")"),
                snapshot(
                        "dangling-region-parent.json",
                        "7:29 regions[2].parent | unknown region \"europe\" (parent of region \"fr\")"),
                snapshot(
                        "dangling-references.yaml",
                        "4:23 regions[0].parent | unknown region \"eu\" (parent of region \"de\")",
                        "6:28 links[0].b | unknown region \"fr\" (end b of link \"de-fr\")",
                        "10:15 channels[0].sources[0] | unknown node \"o9\" (source of channel \"soccer\")",
                        "13:13 nodes[0].region | unknown region \"atlantis\" (node \"p1\")",
                        "15:13 nodes[0].wants[0] | unknown channel \"tennis\" (wanted by node \"p1\")"),
                snapshot("link-to-itself.json", "5:46 links[0].b | link \"loop\" joins region \"de\" to itself"),
                snapshot(
                        "region-cycle.json",
                        "6:29 regions[1].parent | region parents form a cycle: eu -> de -> dt -> eu"),
                snapshot("region-own-parent.json", "6:29 regions[1].parent | region parents form a cycle: de -> de"),
                // snapshot: values out of range or badly written
                snapshot(
                        "bad-id.json",
                        "3:9 id | bad id \"bad id\": " + ID_RULE,
                        "5:13 regions[0].id | bad id \"\": " + ID_RULE,
                        "6:13 regions[1].id | bad id \"de/berlin\": " + ID_RULE,
                        "7:13 regions[2].id | bad id \"r-aaaa"),
                snapshot(
                        "negative-capacity.json",
                        "6:60 links[0].capacityKbps | must be at least 0, found -1",
                        "6:76 links[0].loadKbps | must be at least 0, found -50",
                        "9:49 nodes[0].uplinkKbps | must be at least 0, found -600",
                        "9:71 nodes[0].downlinkKbps | must be at least 0, found -16000"),
                snapshot("substreams-below-one.json", "6:55 channels[0].substreams | must be at least 1, found 0"),
                snapshot("negative-parity.json", "6:68 channels[0].parity | must be at least 0, found -1"),
                snapshot(
                        "bad-country.json",
                        "4:41 regions[0].country | bad country code \"de\": expected ISO 3166-1 alpha-2",
                        "5:74 nodes[0].country | bad country code \"DEU\": expected ISO 3166-1 alpha-2"),
                snapshot("bad-instant.json", "4:14 takenAt | bad instant \"2026-11-21 20:00:00\": expected ISO-8601"),
                snapshot("impossible-instant.json", "4:14 takenAt | bad value 2026-13-41T20:00:00Z"),
                // snapshot: the format tag
                snapshot(
                        "format-missing.json",
                        "1:1 format | missing required field \"format\" (expected \"canopy/snapshot@1\")"),
                snapshot(
                        "format-wrong.json",
                        "2:13 format | expected format \"canopy/snapshot@1\", found \"canopy/plan@1\" "
                                + "(this is a plan file)"),
                snapshot(
                        "format-unknown.json",
                        "2:13 format | expected format \"canopy/snapshot@1\", found \"canopy/snapshot@2\""),
                // snapshot: syntax and empty files
                snapshot(
                        "syntax-error.json",
                        "6:5 (root) | syntax error: Unexpected character ('{' (code 123)): "
                                + "was expecting comma to separate Array entries"),
                snapshot(
                        "syntax-error.yaml",
                        "6:7 (root) | syntax error: while parsing a flow sequence: expected ',' or ']'"),
                snapshot("duplicate-key.json", "4:7 (root) | syntax error: Duplicate field 'id'"),
                snapshot("empty.json", "0:0 (root) | the file is empty"),
                snapshot("empty.yaml", "0:0 (root) | the file is empty"),
                // snapshot: one file breaking many rules reports every error
                snapshot(
                        "many-errors.json",
                        "5:29 regions[0].parent | unknown region \"eu\" (parent of region \"de\")",
                        "6:13 regions[1].id | duplicate region id \"de\" (first at regions[0])",
                        "8:47 links[0].b | unknown region \"fr\" (end b of link \"de-fr\")",
                        "8:69 links[0].capacityKbps | must be at least 0, found -5",
                        "9:67 channels[0].substreams | must be at least 1, found 0",
                        "9:82 channels[0].sources[0] | unknown node \"o9\" (source of channel \"soccer\")",
                        "11:64 nodes[0].wants[0] | unknown channel \"tennis\" (wanted by node \"p1\")",
                        "11:85 nodes[0].colour | unknown field \"colour\"",
                        "12:5 nodes[1].uplinkKbps | missing required field \"uplinkKbps\"",
                        "12:13 nodes[1].id | duplicate node id \"p1\" (first at nodes[0])"),

                // policies
                policies(
                        "unknown-kind.yaml",
                        "8:11 policies[1].kind | \"max-depth\", \"redundancy\"], found \"throttle\""),
                policies("missing-kind.yaml", "3:5 policies[0].kind | missing required field \"kind\""),
                policies(
                        "missing-kind-field.yaml",
                        "3:5 policies[0].maxKbps | missing required field \"maxKbps\"",
                        "6:5 policies[1].flow | missing required field \"flow\""),
                policies(
                        "bad-hours.yaml",
                        "6:12 policies[0].hours | hours out of range in \"25:00-06:00\"",
                        "10:12 policies[1].hours | bad hours \"9-17\": expected HH:MM-HH:MM"),
                policies("bad-tz.yaml", "8:9 policies[0].tz | unknown time zone \"Europe/Atlantis\""),
                policies(
                        "bad-ip-prefix.yaml",
                        "7:32 policies[0].nodes.ipPrefixes[1] | bad IP prefix \"10.0.0.0/33\": expected CIDR",
                        "7:45 policies[0].nodes.ipPrefixes[2] | bad IP prefix \"2001:db8::/129\": expected CIDR",
                        "7:63 policies[0].nodes.ipPrefixes[3] | bad IP prefix \"example.com/8\": expected CIDR",
                        "11:25 policies[1].only.ipPrefixes | bad IP prefix \"300.1.1.1\": expected CIDR"),
                policies(
                        "duplicate-id.yaml",
                        "11:9 policies[2].id | duplicate policy id \"cap\" (first at policies[0])"),
                policies(
                        "unknown-field.yaml",
                        "7:14 policies[0].maxKpbs | unknown field \"maxKpbs\"",
                        "10:40 policies[1].channels.colour | unknown field \"colour\""),
                policies("geo-ban-without-target.yaml", "3:5 policies[0] | a geo-ban needs \"countries\" or \"nodes\""),
                policies(
                        "bad-values.yaml",
                        "6:16 policies[0].direction | must be one of [\"a-to-b\", \"b-to-a\", \"both\"], "
                                + "found \"sideways\"",
                        "7:14 policies[0].maxKbps | must be at least 0, found -1",
                        "8:14 policies[0].enforce | must be one of [\"hard\", \"soft\"], found \"maybe\"",
                        "12:12 policies[1].quota.maxMonthGb | missing required field \"maxMonthGb\""),
                policies(
                        "syntax-error.yaml",
                        "5:1 (root) | syntax error: while scanning for the next token: "
                                + "found character '\\t(TAB)' that cannot start any token"),

                // plan
                plan("tree-without-substream.json", "8:5 overlays[1].substream | missing required field \"substream\""),
                plan(
                        "bad-reason.json",
                        "7:52 unserved[1].reason | must be one of [\"geo-ban\", \"deny\", \"capacity\", "
                                + "\"ejected\", \"no-compatible-source\", \"policy\", \"access-list\", \"degraded\"], "
                                + "found \"bad-luck\""),
                plan("self-edge.json", "9:36 overlays[0].edges[1].child | edge from node \"p2\" to itself"),
                plan(
                        "duplicate-unserved.json",
                        "8:5 unserved[2] | node \"p1\" is listed unserved for channel \"soccer\" twice "
                                + "(first at unserved[0])"),
                plan(
                        "unknown-field.json",
                        "7:61 overlays[0].edges[0].weight | unknown field \"weight\"",
                        "9:14 comment | unknown field \"comment\""),
                plan(
                        "wrong-format.json",
                        "2:13 format | expected format \"canopy/plan@1\", found \"canopy/snapshot@1\" "
                                + "(this is a snapshot file)"),

                // events: each error on the line of its event, counted across blank lines
                events(
                        "bad-lines.jsonl",
                        "3:1 node | missing required field \"node\"",
                        "5:73 uplinkKbps | must be at least 0, found -800",
                        "7:21 at | bad instant \"yesterday\""),
                events(
                        "unknown-type.jsonl",
                        "2:9 type | must be one of [\"join\", \"leave\", \"fail\", \"congestion\", \"capacity\", "
                                + "\"link\", \"want\", \"policies\", \"tick\"], found \"reboot\""),
                events(
                        "missing-field.jsonl",
                        "1:1 channel | missing required field \"channel\"",
                        "2:1 at | missing required field \"at\""),
                events(
                        "unknown-field.jsonl",
                        "1:102 node.colour | unknown field \"colour\"",
                        "2:66 reason | unknown field \"reason\""),
                events(
                        "invalid-policies.jsonl",
                        "2:146 policies.policies[0].tz | unknown time zone \"Mars/Olympus\"",
                        "2:168 policies.policies[1].id | duplicate policy id \"a\" (first at policies[0])",
                        "2:199 policies.policies[1].depth | must be at least 1, found 0"),
                events(
                        "syntax-error.jsonl",
                        "2:56 (root) | syntax error: Unexpected end-of-input: expected close marker for Object",
                        "4:56 (root) | syntax error: Unexpected character ('}' (code 125)): "
                                + "was expecting double-quote to start field name"),

                // diff
                diff("to-not-after-from.json", "5:9 to | a diff must go forward: \"to\" (7) is not after \"from\" (7)"),
                diff("to-before-from.json", "5:9 to | a diff must go forward: \"to\" (6) is not after \"from\" (7)"),
                diff(
                        "duplicate-change.json",
                        "9:5 changes[2] | substream 2 of channel \"soccer\" for node \"p7\" changes twice "
                                + "(first at changes[0])"),
                diff(
                        "change-that-stays.json",
                        "7:5 changes[0] | a change whose parent stays \"p3\"",
                        "8:5 changes[1] | a change whose parent stays null"),
                diff(
                        "missing-required.json",
                        "1:1 snapshot | missing required field \"snapshot\"",
                        "5:20 meshChanges[0].op | missing required field \"op\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidFixtures")
    void reportsEveryErrorOfTheFileOnItsOwnLine(String fixture, Consumer<Path> reader, List<String> expected) {
        Path file = Fixtures.path("invalid/" + fixture);
        assertThat(file.getFileName().toString())
                .endsWith(Path.of(fixture).getFileName().toString());

        InputException thrown = catchThrowableOfType(InputException.class, () -> reader.accept(file));

        assertThat(thrown).as("reading %s must fail", fixture).isNotNull();
        List<InputError> errors = thrown.errors();
        assertThat(errors)
                .as("every error of %s, no more:%n%s", fixture, thrown.getMessage())
                .hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertMatches(errors.get(i), file.toString(), expected.get(i));
        }
        assertThat(thrown.getMessage().split("\n")).hasSameSizeAs(expected);
    }

    @Test
    void aMissingFileIsOneErrorNamingTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("nowhere.json");
        for (Consumer<Path> reader : List.of(
                (Consumer<Path>) Documents::readSnapshot,
                Documents::readPolicies,
                Documents::readPlan,
                Documents::readDiff,
                Documents::readEvents,
                Documents::validate)) {
            assertThatThrownBy(() -> reader.accept(missing))
                    .isInstanceOf(InputException.class)
                    .hasMessage(missing + ": no such file");
        }
    }

    private static void assertMatches(InputError error, String file, String expected) {
        String[] halves = expected.split(" \\| ", 2);
        String[] place = halves[0].split(" ", 2);
        String[] lineColumn = place[0].split(":");
        int line = Integer.parseInt(lineColumn[0]);
        int column = Integer.parseInt(lineColumn[1]);
        String path = place[1];
        String message = halves[1];

        assertThat(error.file()).isEqualTo(file);
        assertThat(error.line() + ":" + error.column() + " " + error.path())
                .as("place of %s", error)
                .isEqualTo(place[0] + " " + path);
        assertThat(error.message()).as("message of %s", error).contains(message);

        String printed =
                file + (line > 0 ? ":" + line + ":" + column : "") + ": " + ("(root)".equals(path) ? "" : path + ": ");
        assertThat(error.toString()).startsWith(printed).contains(message).doesNotContain("\n");
    }

    private static Arguments snapshot(String name, String... errors) {
        return fixture("snapshot/" + name, Documents::readSnapshot, errors);
    }

    private static Arguments policies(String name, String... errors) {
        return fixture("policies/" + name, Documents::readPolicies, errors);
    }

    private static Arguments plan(String name, String... errors) {
        return fixture("plan/" + name, Documents::readPlan, errors);
    }

    private static Arguments events(String name, String... errors) {
        return fixture("events/" + name, Documents::readEvents, errors);
    }

    private static Arguments diff(String name, String... errors) {
        return fixture("diff/" + name, Documents::readDiff, errors);
    }

    private static Arguments fixture(String fixture, Consumer<Path> reader, String... errors) {
        return Arguments.of(fixture, reader, Arrays.asList(errors));
    }
}
