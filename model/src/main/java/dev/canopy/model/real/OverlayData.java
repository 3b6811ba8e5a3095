package dev.canopy.model.real;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The sessions of the deployed streaming overlay ({@value #FILE}): one line per sender to
 * receiver session, {@code pid1} the receiver and {@code pid2} the sender (anonymised UUIDs),
 * with the mean throughput in KB/s, the bytes carried, and the FIPS country, UN sub-region and
 * ISP name of both ends. Peers are numbered in the order of their pid (so the numbering does
 * not depend on the file's row order). A peer's site is the one of the first line it appears
 * on (in this file every peer has one site). Throughputs are converted with 1 KB = 1000 bytes:
 * kbps = KB/s x 8.
 */
final class OverlayData {
    static final String FILE = "p2p-live-streaming-links/links_2020_07_03.csv.gz";

    private static final Pattern UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Where a peer sits: ISO country, continent code, ISP name as the data set spells it. */
    record Site(String country, String continent, String isp) {}

    /** One session between two peers (dense peer numbers). */
    record Session(int sender, int receiver, long bytes, double throughputKbps) {}

    /** A session as read, before peers are numbered. */
    private record Raw(String sender, String receiver, long bytes, double kbps) {}

    final List<String> pids;
    final Site[] sites;
    /** Per peer: the highest mean throughput it sent at over any session, kbps (0 if it never sent). */
    final double[] maxSentKbps;
    /** Per peer: the highest mean throughput it received at over any session, kbps. */
    final double[] maxReceivedKbps;

    final List<Session> sessions;

    private OverlayData(List<String> pids, Site[] sites, List<Session> sessions) {
        this.pids = pids;
        this.sites = sites;
        this.sessions = sessions;
        this.maxSentKbps = new double[pids.size()];
        this.maxReceivedKbps = new double[pids.size()];
        for (Session s : sessions) {
            maxSentKbps[s.sender()] = Math.max(maxSentKbps[s.sender()], s.throughputKbps());
            maxReceivedKbps[s.receiver()] = Math.max(maxReceivedKbps[s.receiver()], s.throughputKbps());
        }
    }

    /** Reads the sessions file of the data directory. */
    static OverlayData load(Path dataDir) {
        Path file = DataFiles.require(dataDir, FILE);
        FipsCountries fips = FipsCountries.table();
        Map<String, Site> siteOf = new HashMap<>();
        List<Raw> rows = new ArrayList<>();
        Csv[] csv = new Csv[1];
        DataFiles.eachLine(file, (line, text) -> {
            if (line == 1) {
                csv[0] = Csv.header(
                        file,
                        line,
                        text,
                        "pid1",
                        "pid2",
                        "throughput_avg",
                        "total_bytes",
                        "fips_code1",
                        "fips_code2",
                        "continent_code1",
                        "continent_code2",
                        "isp1",
                        "isp2");
                return;
            }
            if (text.isBlank()) {
                return;
            }
            Csv c = csv[0];
            List<String> f = c.record(line, text);
            String receiver = pid(c.text(f, c.column("pid1"), line), file, line);
            String sender = pid(c.text(f, c.column("pid2"), line), file, line);
            double kbps = c.number(f, c.column("throughput_avg"), line) * 8;
            if (kbps < 0) {
                throw DataFiles.malformed(file, line, "negative throughput_avg");
            }
            long bytes = c.count(f, c.column("total_bytes"), line);
            for (String end : List.of("1", "2")) {
                String code = c.text(f, c.column("fips_code" + end), line);
                String country = fips.iso(code)
                        .orElseThrow(() -> DataFiles.malformed(
                                file, line, "unknown FIPS 10-4 country code \"" + code + "\" (fips_code" + end + ")"));
                String subregion = c.text(f, c.column("continent_code" + end), line);
                String continent = Continents.ofSubregion(subregion)
                        .orElseThrow(() -> DataFiles.malformed(
                                file, line, "unknown sub-region \"" + subregion + "\" (continent_code" + end + ")"));
                Site site = new Site(country, continent, c.text(f, c.column("isp" + end), line));
                siteOf.putIfAbsent(end.equals("1") ? receiver : sender, site);
            }
            rows.add(new Raw(sender, receiver, bytes, kbps));
        });
        if (rows.isEmpty()) {
            throw DataFiles.malformed(file, 1, "no sessions");
        }
        List<String> pids = siteOf.keySet().stream().sorted().toList();
        Map<String, Integer> number = new HashMap<>();
        Site[] sites = new Site[pids.size()];
        for (int i = 0; i < pids.size(); i++) {
            number.put(pids.get(i), i);
            sites[i] = siteOf.get(pids.get(i));
        }
        List<Session> sessions = new ArrayList<>(rows.size());
        for (Raw r : rows) {
            sessions.add(new Session(number.get(r.sender()), number.get(r.receiver()), r.bytes(), r.kbps()));
        }
        return new OverlayData(pids, sites, sessions);
    }

    private static String pid(String value, Path file, int line) {
        if (!UUID.matcher(value).matches()) {
            throw DataFiles.malformed(file, line, "peer id \"" + value + "\" is not a UUID");
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
