package dev.canopy.cli;

/** The exit codes of every {@code canopy} command. */
public final class ExitCodes {
    /** Everything went well. */
    public static final int OK = 0;
    /** The verifier found violations (or a check failed). */
    public static final int VIOLATIONS = 1;
    /** The command line was wrong (unknown option, missing parameter). */
    public static final int USAGE = 2;
    /** An input file was wrong (unreadable, invalid); the errors name file, line and field. */
    public static final int BAD_INPUT = 3;
    /** Canopy itself failed: a bug, reported with its stack trace. */
    public static final int INTERNAL = 4;

    private ExitCodes() {}
}
