package dev.canopy.solver.explain;

import java.util.Locale;

/** Renders an {@link Explanation} as text for people: a summary line, parents, candidates, lift. */
public final class ExplanationText {
    private ExplanationText() {}

    /** The explanation as lines of text, ending in a newline. */
    public static String render(Explanation e) {
        StringBuilder out = new StringBuilder();
        out.append(e.summary()).append('\n');
        e.unserved().ifPresent(u -> out.append("unserved   ")
                .append(u.reason().code())
                .append(u.policy().map(p -> ", policy " + p).orElse(""))
                .append(", ")
                .append(u.receivedSubstreams())
                .append(" substream(s) received\n"));
        if (e.parents().isEmpty()) {
            out.append("parents    none\n");
        }
        for (Explanation.ParentLink link : e.parents()) {
            out.append("parent     ")
                    .append(link.substream() < 0 ? "mesh" : "substream " + link.substream())
                    .append(": ")
                    .append(link.parent())
                    .append(" (")
                    .append(link.why())
                    .append(", ")
                    .append(link.spareKbps())
                    .append(" kbps uplink left)\n");
        }
        if (e.candidates().isEmpty()) {
            out.append("candidates none: no other node holds the channel\n");
        }
        for (Explanation.Candidate c : e.candidates()) {
            out.append(String.format(
                    Locale.ROOT,
                    "candidate  %-12s %s: %s%n",
                    c.verdict().name().toLowerCase(Locale.ROOT),
                    c.node(),
                    c.detail()));
        }
        e.lift().ifPresent(l -> {
            out.append("lift       ")
                    .append(String.join(", ", l.policies()))
                    .append(" (re-planned with ")
                    .append(l.strategy())
                    .append("): ")
                    .append(l.change())
                    .append('\n');
            l.unserved().ifPresent(u -> out.append("           still unserved: ")
                    .append(u.reason().code())
                    .append(u.policy().map(p -> ", policy " + p).orElse(""))
                    .append('\n'));
        });
        return out.toString();
    }
}
