package dev.canopy.model.real;

import dev.canopy.model.Node;
import dev.canopy.model.Role;
import dev.canopy.model.Snapshot;
import dev.canopy.model.event.Event;
import dev.canopy.model.event.Events;
import dev.canopy.model.generate.Draws;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * The STUNner smartphone churn trace ({@value #FILE}: 4,334 user-weeks of online and offline
 * periods) replayed as join and leave events on a snapshot's peers.
 *
 * <p>{@link #events} gives each peer (role {@code peer}, in snapshot order) a user-week: the
 * weeks with some online time are shuffled with the seed and dealt out in turn, so that peers
 * share weeks only when there are more peers than weeks. Every peer is online in the snapshot,
 * so its replay starts at an instant of its week drawn uniformly among the week's online time
 * (with the seed), which is how a peer seen online at a random moment sits in its session.
 * From there the week's transitions follow: the end of an online period is a {@code leave},
 * the end of an offline one a {@code join} carrying the peer's node as the snapshot has it.
 * The end of the week is the end of the observation, not a transition, so a peer's events stop
 * there: a replay gives fewer events than asked for only when every week has run out. Events
 * are in time order (ties by snapshot order), at {@code start} plus the offset in ms.
 *
 * <p>No {@code fail} events: the trace does not tell a phone that lost its connection from one
 * that was switched off or left the app. Immutable and thread-safe.
 */
public final class ChurnTrace {
    static final String FILE = "stunner-smartphone-churn/peersim_session_100.txt";

    private final List<UserWeek> weeks;

    ChurnTrace(List<UserWeek> weeks) {
        this.weeks = List.copyOf(weeks);
    }

    /**
     * Reads the trace from the data directory.
     *
     * @throws dev.canopy.model.io.InputException naming the file (and line) when it is missing
     *     or malformed
     */
    public static ChurnTrace load(Path dataDir) {
        Path file = DataFiles.require(dataDir, FILE);
        List<UserWeek> weeks = new ArrayList<>();
        DataFiles.eachLine(file, (line, text) -> {
            if (text.isBlank()) {
                return;
            }
            try {
                weeks.add(UserWeek.parse(text));
            } catch (IllegalArgumentException e) {
                throw DataFiles.malformed(file, line, e.getMessage());
            }
        });
        if (weeks.isEmpty()) {
            throw DataFiles.malformed(file, 1, "no user-weeks");
        }
        return new ChurnTrace(weeks);
    }

    /** How many user-weeks the trace holds. */
    public int userWeeks() {
        return weeks.size();
    }

    /**
     * Up to {@code options.events()} join and leave events of the snapshot's peers, in time
     * order; empty when the snapshot has no peer.
     */
    public List<Event> events(Snapshot snapshot, ChurnOptions options) {
        List<Node> peers =
                snapshot.nodes().stream().filter(n -> n.role() == Role.PEER).toList();
        List<UserWeek> usable = weeks.stream().filter(w -> w.onlineMs() > 0).toList();
        List<Event> events = new ArrayList<>(Math.min(options.events(), 1 << 20));
        if (peers.isEmpty() || usable.isEmpty() || options.events() == 0) {
            return events;
        }
        SplittableRandom rng = new SplittableRandom(options.seed());
        int[] deal = Draws.permutation(rng, usable.size());
        PriorityQueue<Replay> queue = new PriorityQueue<>();
        for (int p = 0; p < peers.size(); p++) {
            Replay replay = Replay.start(p, usable.get(deal[p % deal.length]), rng);
            if (replay.hasNext()) {
                queue.add(replay);
            }
        }
        long startMs = options.start().toEpochMilli();
        while (events.size() < options.events() && !queue.isEmpty()) {
            Replay replay = queue.poll();
            Node peer = peers.get(replay.peer);
            Instant at = Instant.ofEpochMilli(startMs + replay.atMs);
            events.add(replay.online ? new Events.Leave(at, peer.id()) : new Events.Join(at, peer));
            replay.advance();
            if (replay.hasNext()) {
                queue.add(replay);
            }
        }
        return events;
    }

    /** One peer's walk through its week: the next transition's offset and kind. */
    private static final class Replay implements Comparable<Replay> {
        final int peer;
        final UserWeek week;
        /** The period that the next transition ends. */
        int period;
        /** Offset of the next transition from the replay's start, ms. */
        long atMs;
        /** Whether the peer is online until the next transition. */
        boolean online = true;

        private Replay(int peer, UserWeek week, int period, long atMs) {
            this.peer = peer;
            this.week = week;
            this.period = period;
            this.atMs = atMs;
        }

        /** Starts at an instant drawn uniformly over the week's online time. */
        static Replay start(int peer, UserWeek week, SplittableRandom rng) {
            long at = (long) Math.floor(rng.nextDouble() * week.onlineMs());
            long[] d = week.periodsMs();
            for (int i = 0; i < d.length; i++) {
                if (!week.online(i)) {
                    continue;
                }
                if (at < d[i]) {
                    return new Replay(peer, week, i, d[i] - at);
                }
                at -= d[i];
            }
            throw new IllegalStateException("no online instant in " + week);
        }

        /** Whether the current period ends in a transition (it is not the week's last). */
        boolean hasNext() {
            return period + 1 < week.periodsMs().length;
        }

        void advance() {
            period++;
            online = !online;
            atMs += week.periodsMs()[period];
        }

        @Override
        public int compareTo(Replay other) {
            int byTime = Long.compare(atMs, other.atMs);
            return byTime != 0 ? byTime : Integer.compare(peer, other.peer);
        }
    }
}
