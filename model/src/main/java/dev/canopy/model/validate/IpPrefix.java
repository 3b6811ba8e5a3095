package dev.canopy.model.validate;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** A CIDR prefix (IPv4 or IPv6) and the test whether an address falls inside it. */
public record IpPrefix(byte[] network, int length) {
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    /** Parses {@code address/length}; a bare address is a full-length prefix. Never resolves names. */
    public static Optional<IpPrefix> parse(String text) {
        String[] parts = text.trim().split("/", -1);
        if (parts.length > 2 || !LITERAL.matcher(parts[0]).matches()) {
            return Optional.empty();
        }
        Optional<byte[]> address = address(parts[0]);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int max = address.get().length * 8;
        int length = max;
        if (parts.length == 2) {
            try {
                length = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
            if (length < 0 || length > max) {
                return Optional.empty();
            }
        }
        return Optional.of(new IpPrefix(address.get(), length));
    }

    /** The bytes of an IP literal, or empty when it is not one. */
    public static Optional<byte[]> address(String literal) {
        if (!LITERAL.matcher(literal).matches() || (!literal.contains(":") && literal.split("\\.", -1).length != 4)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal).getAddress());
        } catch (UnknownHostException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** Whether the address (an IP literal) lies inside the prefix. */
    public boolean contains(String literal) {
        Optional<byte[]> address = address(literal);
        if (address.isEmpty() || address.get().length != network.length) {
            return false;
        }
        byte[] bytes = address.get();
        int full = length / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = length % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (bytes[full] & mask) == (network[full] & mask);
    }
}
