package dev.canopy.solver.reparent;

/**
 * Which tree rules {@link Reparenting} keeps beyond those of every plan (uplinks, links,
 * lightweight pairing, access lists, one parent per substream, no cycles).
 *
 * <p>{@link #ANY} is for {@code exact}, whose objective knows neither depth nor the one-tree
 * rule: a receiver may move under any holder, and trees may grow as deep as the moves make them.
 * {@link #MULTI_TREE} keeps what a multi-tree plan promises, so that a polished multi-tree plan is
 * still one: a peer sends only in the trees where it already has children (or, with none, in the
 * one tree it starts sending in; servers in every tree), and no tree of a channel becomes deeper
 * than the channel's {@code maxDepth}, or than its deepest tree was before the search.
 */
public enum TreeRules {
    /** Every holder with room may adopt; depth is not bounded. */
    ANY,
    /** SplitStream's one-tree rule and the channel's depth as it was (or its maxDepth). */
    MULTI_TREE
}
