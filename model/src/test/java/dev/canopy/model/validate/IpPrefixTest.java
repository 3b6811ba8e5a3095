package dev.canopy.model.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpPrefixTest {
    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "10.0.0.0/8, 10.0.0.1, true",
        "10.0.0.0/8, 10.255.255.255, true",
        "10.0.0.0/8, 11.0.0.1, false",
        "10.0.0.0/8, 9.255.255.255, false",
        "192.168.1.0/23, 192.168.0.5, true",
        "192.168.1.0/23, 192.168.1.200, true",
        "192.168.1.0/23, 192.168.2.1, false",
        "172.16.0.0/12, 172.31.255.1, true",
        "172.16.0.0/12, 172.32.0.1, false",
        "0.0.0.0/0, 203.0.113.9, true",
        "203.0.113.9, 203.0.113.9, true",
        "203.0.113.9, 203.0.113.8, false",
        "2001:db8::/32, 2001:db8::1, true",
        "2001:db8::/32, 2001:db8:ffff:1::42, true",
        "2001:db8::/32, 2001:db9::1, false",
        "2001:db8::/33, 2001:db8:8000::1, false",
        "::/0, fe80::1, true",
        "10.0.0.0/8, ::1, false",
        "::/0, 10.0.0.1, false",
        "10.0.0.0/8, example.com, false",
        "10.0.0.0/8, 10.0.0, false"
    })
    void containsTheAddressesItsLeadingBitsCover(String prefix, String address, boolean inside) {
        assertThat(IpPrefix.parse(prefix))
                .hasValueSatisfying(p -> assertThat(p.contains(address)).isEqualTo(inside));
    }

    @Test
    void aBareAddressIsAFullLengthPrefix() {
        assertThat(IpPrefix.parse("10.1.2.3"))
                .hasValueSatisfying(p -> assertThat(p.length()).isEqualTo(32));
        assertThat(IpPrefix.parse("2001:db8::7"))
                .hasValueSatisfying(p -> assertThat(p.length()).isEqualTo(128));
    }

    @Test
    void parsesIpv4AndIpv6Networks() {
        assertThat(IpPrefix.parse("10.0.0.0/8")).hasValueSatisfying(p -> {
            assertThat(p.network()).containsExactly(10, 0, 0, 0);
            assertThat(p.length()).isEqualTo(8);
        });
        assertThat(IpPrefix.parse("2001:db8::/32")).hasValueSatisfying(p -> {
            assertThat(p.network()).hasSize(16);
            assertThat(p.length()).isEqualTo(32);
        });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.0.0.0/33",
                "2001:db8::/129",
                "10.0.0.0/-1",
                "10.0.0.0/x",
                "10.0.0.0/8/8",
                "10.0.0/8",
                "300.1.1.1",
                "example.com/8",
                "localhost",
                "",
                "10.0.0.0/"
            })
    void rejectsWhatIsNotACidrPrefix(String text) {
        assertThat(IpPrefix.parse(text)).isEmpty();
    }

    @Test
    void addressesAreLiteralsNeverNames() {
        assertThat(IpPrefix.address("10.0.0.1")).isPresent();
        assertThat(IpPrefix.address("::1")).isPresent();
        assertThat(IpPrefix.address("localhost")).isEmpty();
        assertThat(IpPrefix.address("1.2.3")).isEmpty();
    }
}
