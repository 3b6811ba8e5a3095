package dev.canopy.model.io;

import dev.canopy.model.Snapshot;
import dev.canopy.model.diff.Diff;
import dev.canopy.model.event.Event;
import dev.canopy.model.plan.Plan;
import dev.canopy.model.policy.PolicyDocument;
import dev.canopy.model.policytest.PolicyTestFile;
import java.util.Arrays;
import java.util.Optional;

/**
 * The five formats of the contract, and the policy test file format, each with its tag, record
 * type and JSON Schema.
 */
public enum FileFormat {
    SNAPSHOT(Snapshot.FORMAT, Snapshot.class, "snapshot"),
    POLICIES(PolicyDocument.FORMAT, PolicyDocument.class, "policies"),
    PLAN(Plan.FORMAT, Plan.class, "plan"),
    EVENTS(Event.FORMAT, Event.class, "event"),
    DIFF(Diff.FORMAT, Diff.class, "diff"),
    /** Not one of the five exchanged formats: policy authors' test cases ({@code docs/policy-tests.md}). */
    POLICY_TEST(PolicyTestFile.FORMAT, PolicyTestFile.class, "policy-test");

    private final String tag;
    private final Class<?> type;
    private final String name;

    FileFormat(String tag, Class<?> type, String name) {
        this.tag = tag;
        this.type = type;
        this.name = name;
    }

    /** The {@code format} tag, e.g. {@code canopy/snapshot@1}. */
    public String tag() {
        return tag;
    }

    /** The record a document (or, for events, a line) binds to. */
    public Class<?> type() {
        return type;
    }

    /** Short name, also the schema's file name ({@code schemas/<name>.schema.json}). */
    public String shortName() {
        return name;
    }

    /** Classpath resource of the format's JSON Schema. */
    public String schemaResource() {
        return "/canopy/schemas/" + name + ".schema.json";
    }

    /** The format with the given tag. */
    public static Optional<FileFormat> ofTag(String tag) {
        return Arrays.stream(values()).filter(f -> f.tag.equals(tag)).findFirst();
    }
}
