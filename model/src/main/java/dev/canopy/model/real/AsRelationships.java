package dev.canopy.model.real;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * CAIDA's inferred AS relationships, serial-1 ({@value #FILE}): lines {@code
 * <provider>|<customer>|-1} and {@code <peer>|<peer>|0} (a fourth field, as serial-2 has, is
 * ignored), and comment lines, of which {@code # input clique:} lists the tier-1 ASes. ASes are
 * numbered densely in ASN order; relationships keep the file's order. Immutable once loaded.
 */
final class AsRelationships {
    static final String FILE = "caida-asrel/20240801.as-rel.txt.bz2";

    private static final String CLIQUE = "# input clique:";

    /** ASN of each AS, ascending. */
    final long[] asn;
    /** Per relationship: the provider (or first peer) and the customer (or second peer). */
    final int[] a;

    final int[] b;
    /** Per relationship: peer-to-peer (true) or provider-to-customer. */
    final boolean[] peering;
    /** Per AS: how many customers it has. */
    final int[] customers;
    /** Per AS: its providers. */
    final int[][] providers;
    /** The tier-1 clique the inference started from, ascending. */
    final int[] clique;

    private AsRelationships(long[] asn, long[] rawA, long[] rawB, boolean[] peering, long[] rawClique) {
        this.asn = asn;
        int n = rawA.length;
        this.a = new int[n];
        this.b = new int[n];
        this.peering = peering;
        this.customers = new int[asn.length];
        int[] providerCount = new int[asn.length];
        for (int l = 0; l < n; l++) {
            a[l] = index(rawA[l]);
            b[l] = index(rawB[l]);
            if (!peering[l]) {
                customers[a[l]]++;
                providerCount[b[l]]++;
            }
        }
        this.providers = new int[asn.length][];
        for (int v = 0; v < asn.length; v++) {
            providers[v] = new int[providerCount[v]];
        }
        int[] filled = new int[asn.length];
        for (int l = 0; l < n; l++) {
            if (!peering[l]) {
                providers[b[l]][filled[b[l]]++] = a[l];
            }
        }
        this.clique = Arrays.stream(rawClique)
                .filter(x -> Arrays.binarySearch(asn, x) >= 0)
                .mapToInt(this::index)
                .sorted()
                .toArray();
    }

    /** Reads the relationships file of the data directory. */
    static AsRelationships load(Path dataDir) {
        Path file = DataFiles.require(dataDir, FILE);
        Longs rawA = new Longs();
        Longs rawB = new Longs();
        Longs kinds = new Longs();
        Longs lines = new Longs();
        Longs clique = new Longs();
        DataFiles.eachLine(file, (line, text) -> {
            if (text.startsWith(CLIQUE)) {
                for (String token : text.substring(CLIQUE.length()).trim().split("\\s+")) {
                    if (!token.isEmpty()) {
                        clique.add(number(token, file, line));
                    }
                }
                return;
            }
            if (text.startsWith("#") || text.isBlank()) {
                return;
            }
            String[] f = text.split("\\|");
            if (f.length < 3) {
                throw DataFiles.malformed(file, line, "expected <as>|<as>|<-1 or 0>, found \"" + text + "\"");
            }
            long x = number(f[0], file, line);
            long y = number(f[1], file, line);
            String rel = f[2].strip();
            if (!rel.equals("-1") && !rel.equals("0")) {
                throw DataFiles.malformed(
                        file, line, "relationship \"" + rel + "\" is neither -1 (provider-customer) nor 0 (peers)");
            }
            if (x == y) {
                throw DataFiles.malformed(file, line, "AS" + x + " related to itself");
            }
            rawA.add(x);
            rawB.add(y);
            kinds.add(rel.equals("0") ? 1 : 0);
            lines.add(line);
        });
        long[] a = rawA.toArray();
        long[] b = rawB.toArray();
        if (a.length == 0) {
            throw DataFiles.malformed(file, 1, "no relationships");
        }
        rejectRepeatedPairs(file, a, b, lines.toArray());
        long[] asn = LongStream.concat(LongStream.of(a), LongStream.of(b))
                .sorted()
                .distinct()
                .toArray();
        long[] k = kinds.toArray();
        boolean[] peering = new boolean[k.length];
        for (int l = 0; l < peering.length; l++) {
            peering[l] = k[l] == 1;
        }
        return new AsRelationships(asn, a, b, peering, clique.toArray());
    }

    /** A pair of ASes with two relationships would give two links of one id: an error at the second. */
    private static void rejectRepeatedPairs(Path file, long[] a, long[] b, long[] lines) {
        long[] keys = new long[a.length];
        for (int l = 0; l < a.length; l++) {
            keys[l] = pair(a[l], b[l]);
        }
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                long key = sorted[i];
                int[] at = IntStream.range(0, keys.length)
                        .filter(l -> keys[l] == key)
                        .limit(2)
                        .toArray();
                throw DataFiles.malformed(
                        file,
                        (int) lines[at[1]],
                        "second relationship between AS" + (key >>> 32) + " and AS" + (key & 0xFFFF_FFFFL)
                                + " (first on line " + lines[at[0]] + ")");
            }
        }
    }

    private static long pair(long x, long y) {
        return Math.min(x, y) << 32 | Math.max(x, y);
    }

    /** Number of ASes. */
    int size() {
        return asn.length;
    }

    /** Number of relationships. */
    int relationships() {
        return a.length;
    }

    /** Dense index of an ASN that is in the graph. */
    int index(long number) {
        return Arrays.binarySearch(asn, number);
    }

    /** The ASes with no customer and at least one provider (leaf networks), ascending. */
    int[] leaves() {
        int[] out = new int[asn.length];
        int n = 0;
        for (int v = 0; v < asn.length; v++) {
            if (customers[v] == 0 && providers[v].length > 0) {
                out[n++] = v;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The given ASes and every AS above them over provider links, as a membership array. */
    boolean[] providerClosure(int[] start) {
        boolean[] in = new boolean[asn.length];
        int[] stack = new int[asn.length];
        int top = 0;
        for (int v : start) {
            if (!in[v]) {
                in[v] = true;
                stack[top++] = v;
            }
        }
        while (top > 0) {
            int v = stack[--top];
            for (int p : providers[v]) {
                if (!in[p]) {
                    in[p] = true;
                    stack[top++] = p;
                }
            }
        }
        return in;
    }

    private static long number(String token, Path file, int line) {
        try {
            long x = Long.parseLong(token.strip());
            if (x < 0 || x > 0xFFFF_FFFFL) {
                throw new NumberFormatException();
            }
            return x;
        } catch (NumberFormatException e) {
            throw DataFiles.malformed(file, line, "\"" + token.strip() + "\" is not an AS number");
        }
    }

    /** A growable array of longs. */
    private static final class Longs {
        private long[] values = new long[1024];
        private int size;

        void add(long x) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = x;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
