package dev.canopy.solver.polish;

import java.util.ArrayList;
import java.util.List;

/**
 * One substream tree of the plan: its channel, the depth no node may exceed (hops from a
 * source), and the holders that may be a parent in it (the value range of its attachments), all
 * of them and by region and by country, so that a receiver looks only at parents no farther than
 * its input parent. {@code id}: its overlay's position in the plan; {@code index}: its position
 * in the forest.
 */
final class Tree {
    int id;
    int index;
    int channel;
    int depthBound;
    Pool parents = new Pool();
    List<Pool> byRegion = new ArrayList<>();
    List<Pool> byCountry = new ArrayList<>();

    Tree() {}

    Tree(int id, int channel, int depthBound, int regions, int countries) {
        this.id = id;
        this.channel = channel;
        this.depthBound = depthBound;
        for (int r = 0; r < regions; r++) {
            byRegion.add(new Pool());
        }
        for (int c = 0; c < countries; c++) {
            byCountry.add(new Pool());
        }
    }

    /** Adds a possible parent, in its region ({@code region}) and country ({@code country}, -1 if unknown). */
    void add(Holder holder, int country) {
        parents.holders.add(holder);
        byRegion.get(holder.region).holders.add(holder);
        if (country >= 0) {
            byCountry.get(country).holders.add(holder);
        }
    }

    @Override
    public String toString() {
        return "tree " + id;
    }

    /** Some of a tree's possible parents. */
    static final class Pool {
        List<Holder> holders = new ArrayList<>();
    }
}
