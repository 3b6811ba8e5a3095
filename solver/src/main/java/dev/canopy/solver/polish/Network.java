package dev.canopy.solver.polish;

import dev.canopy.model.SnapshotIndex;
import dev.canopy.model.routing.Route;
import dev.canopy.model.routing.Routing;
import dev.canopy.solver.Locality;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an edge costs between two regions: its {@link Locality} cost per kbps (from a country
 * number per region, so that a move is priced without a lookup by name) and the capped link
 * directions on its route. Routes are looked up once per region pair and kept. Not thread-safe:
 * one per polish.
 */
final class Network {
    private static final int UNKNOWN = -1;

    private final int[] country;
    private final int countryCount;
    private final Routing routing;
    private final LinkDirection[][] capped;
    private final boolean anyCapped;
    private final Map<Long, List<LinkDirection>> routes = new HashMap<>();

    /**
     * @param capped per link, whether it has a capacity
     * @param spare per capped link, per direction (0: a to b, 1: b to a), the kbps left for the
     *     polished trees
     */
    Network(Routing routing, boolean[] capped, long[][] spare) {
        this.routing = routing;
        SnapshotIndex index = routing.index();
        country = new int[index.regionCount()];
        Map<String, Integer> countries = new HashMap<>();
        for (int r = 0; r < country.length; r++) {
            country[r] = index.regionCountry(r)
                    .map(c -> countries.computeIfAbsent(c, k -> countries.size()))
                    .orElse(UNKNOWN);
        }
        countryCount = countries.size();
        this.capped = new LinkDirection[capped.length][];
        boolean any = false;
        for (int l = 0; l < capped.length; l++) {
            if (capped[l]) {
                String id = index.link(l).id();
                this.capped[l] = new LinkDirection[] {
                    new LinkDirection(id, true, spare[l][0]), new LinkDirection(id, false, spare[l][1])
                };
                any = true;
            }
        }
        anyCapped = any;
    }

    /** Number of known countries. */
    int countries() {
        return countryCount;
    }

    /** A region's country number, -1 if unknown. */
    int country(int region) {
        return country[region];
    }

    /** The same as {@link Locality#regionCost}. */
    int regionCost(int from, int to) {
        if (from == to) {
            return 0;
        }
        return country[from] != UNKNOWN && country[from] == country[to]
                ? Locality.CROSS_REGION
                : Locality.CROSS_COUNTRY;
    }

    /** The loads an edge of {@code kbps} from one region to another puts on capped links. */
    List<LinkLoad> loads(int from, int to, long kbps) {
        if (!anyCapped || from == to) {
            return List.of();
        }
        List<LinkDirection> directions =
                routes.computeIfAbsent((long) from * country.length + to, k -> cappedOn(from, to));
        if (directions.isEmpty()) {
            return List.of();
        }
        List<LinkLoad> out = new ArrayList<>(directions.size());
        for (LinkDirection d : directions) {
            out.add(new LinkLoad(d, kbps));
        }
        return out;
    }

    private List<LinkDirection> cappedOn(int from, int to) {
        Route route = routing.route(from, to);
        List<LinkDirection> out = new ArrayList<>();
        for (int i = 0; i < route.hops(); i++) {
            LinkDirection[] link = capped[route.link(i)];
            if (link != null) {
                out.add(link[route.aToB(i) ? 0 : 1]);
            }
        }
        return List.copyOf(out);
    }
}
