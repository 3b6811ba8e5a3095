package dev.canopy.cli;

import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code canopy --version}. */
final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Canopy.class.getPackage().getImplementationVersion();
        return new String[] {
            "canopy " + (version == null ? "(development build)" : version),
            "formats: canopy/snapshot@1 canopy/policies@1 canopy/plan@1 canopy/event@1 canopy/diff@1"
        };
    }
}
