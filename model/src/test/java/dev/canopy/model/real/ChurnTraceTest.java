package dev.canopy.model.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.canopy.model.Node;
import dev.canopy.model.Snapshot;
import dev.canopy.model.SnapshotBuilder;
import dev.canopy.model.event.Event;
import dev.canopy.model.event.Events;
import dev.canopy.model.generate.GeneratorOptions;
import dev.canopy.model.generate.NetworkGenerator;
import dev.canopy.model.io.Documents;
import dev.canopy.model.io.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChurnTraceTest {
    private static final Instant START = Instant.parse("2026-11-21T20:00:00Z");

    @TempDir
    Path dir;

    @Test
    void parsesOneUserWeekLine() {
        UserWeek week = UserWeek.parse("user_py/00HKi 1 1402358400000 2 1769049 10067 11050680");

        assertThat(week.user()).isEqualTo("user_py/00HKi");
        assertThat(week.firstOnline()).isTrue();
        assertThat(week.startMs()).isEqualTo(1_402_358_400_000L);
        assertThat(week.timezoneHours()).isEqualTo(2.0);
        assertThat(week.periodsMs()).containsExactly(1_769_049, 10_067, 11_050_680);
        assertThat(week.online(0)).isTrue();
        assertThat(week.online(1)).isFalse();
        assertThat(week.onlineMs()).isEqualTo(1_769_049 + 11_050_680);
    }

    @Test
    void aLineThatStartsOfflineAlternatesTheOtherWay() {
        UserWeek week = UserWeek.parse("u 0 0 -5.5 100 200 300");

        assertThat(week.online(0)).isFalse();
        assertThat(week.onlineMs()).isEqualTo(200);
        assertThat(week.timezoneHours()).isEqualTo(-5.5);
    }

    @Test
    void aMalformedLineIsReportedWithFileAndLine() throws Exception {
        Path file = dir.resolve(ChurnTrace.FILE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "u 1 0 2 100 200\nu 2 0 2 100\n");

        assertThatThrownBy(() -> ChurnTrace.load(dir))
                .isInstanceOf(InputException.class)
                .hasMessage(file + ":2: first state \"2\" is neither 1 (online) nor 0 (offline)");
    }

    @Test
    void aMissingTraceIsOneLine() {
        assertThatThrownBy(() -> ChurnTrace.load(dir))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(dir.resolve(ChurnTrace.FILE) + ": no such file")
                .hasMessageNotContaining("\n");
    }

    @Test
    void replaysTransitionsInTimeOrderFromAnOnlineInstant() {
        // one week: online 100 ms, offline 50, online 30, offline 20; the replay starts online
        ChurnTrace trace = new ChurnTrace(List.of(UserWeek.parse("u 1 0 0 100 50 30 20")));
        Snapshot snapshot = SnapshotBuilder.create("one-peer")
                .region("r")
                .channel("ch1", 1200, 4, "o1")
                .origin("o1", "r", 10_000)
                .peer("p1", "r", 600, "ch1")
                .build();

        List<Event> events = trace.events(snapshot, new ChurnOptions(10, START, 3));

        assertThat(events).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(events.get(0)).isInstanceOf(Events.Leave.class);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).at()).isAfter(events.get(i - 1).at());
            assertThat(events.get(i).getClass()).isNotEqualTo(events.get(i - 1).getClass());
        }
        if (events.size() >= 2) {
            assertThat(events.get(1).at()).isEqualTo(events.get(0).at().plusMillis(50));
            assertThat(((Events.Join) events.get(1)).node())
                    .isEqualTo(snapshot.nodes().get(1));
        }
    }

    @Test
    void realTraceGivesExactlyTheEventsAskedForEachValidAndConsistent() {
        assumeTrue(DataDirectory.locate().isPresent(), DataDirectory.missingMessage());
        ChurnTrace trace = ChurnTrace.load(DataDirectory.locate().orElseThrow());
        Snapshot snapshot = NetworkGenerator.generate(GeneratorOptions.defaults(2000));
        ChurnOptions options = new ChurnOptions(5000, START, 7);

        List<Event> events = trace.events(snapshot, options);
        Path file = dir.resolve("churn.jsonl");
        Documents.writeEvents(file, events);

        assertThat(trace.userWeeks()).isEqualTo(4334);
        assertThat(events).hasSize(5000);
        assertThat(Documents.readEvents(file)).isEqualTo(events);
        assertThat(trace.events(snapshot, options)).isEqualTo(events);
        Set<String> online = new HashSet<>();
        snapshot.nodes().forEach(n -> online.add(n.id()));
        Map<String, Node> byId = new HashMap<>();
        snapshot.nodes().forEach(n -> byId.put(n.id(), n));
        Instant previous = START;
        for (Event e : events) {
            assertThat(e.at()).isAfterOrEqualTo(previous);
            previous = e.at();
            if (e instanceof Events.Leave leave) {
                assertThat(online.remove(leave.node()))
                        .as("leave of an online peer")
                        .isTrue();
                assertThat(byId.get(leave.node()).role().code()).isEqualTo("peer");
            } else {
                Events.Join join = (Events.Join) e;
                assertThat(online.add(join.node().id()))
                        .as("join of an offline peer")
                        .isTrue();
                assertThat(join.node()).isEqualTo(byId.get(join.node().id()));
            }
        }
    }
}
