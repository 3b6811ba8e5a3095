package dev.canopy.model.real;

import java.util.Objects;

/**
 * One sender-to-receiver session of the deployed overlay, as measured: node ids of the
 * snapshot built by {@link RealOverlay#load}, the bytes carried and the session's mean
 * throughput in kbps (the data set's KB/s x 8, 1 KB = 1000 bytes).
 */
public record DeployedLink(String sender, String receiver, long bytes, double throughputKbps) {
    public DeployedLink {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(receiver, "receiver");
    }
}
