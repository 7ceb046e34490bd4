package io.jenkins.plugins.xcatha.xcat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The addresses configured on a node's interfaces, from Linux {@code ip -o addr}, {@code ip addr} or {@code ifconfig -a}
 * (Linux or AIX). Loopback interfaces ({@code lo}, {@code lo0}) are kept apart: every machine has them,
 * so they never tell two machines apart nor make a node the carrier of an address.
 */
public final class InterfaceAddresses {
    private static final Pattern IP_O = Pattern.compile("^\\d+:\\s+(\\S+?)(?:@\\S+)?\\s+inet6?\\s+([0-9A-Fa-f.:]+)(?:/\\d+)?");
    private static final Pattern IP_HEAD = Pattern.compile("^\\d+:\\s+([^:@\\s]+)(?:@\\S+)?:\\s+<");
    private static final Pattern IFCONFIG_HEAD = Pattern.compile("^([A-Za-z0-9_.:-]+?):?\\s+(?:flags=|Link encap)");
    private static final Pattern IFCONFIG_INET = Pattern.compile("^\\s+inet6?\\s+(?:addr:\\s*)?([0-9A-Fa-f.:]+)(?:%\\S+)?(?:/\\d+)?");

    /** An address on an interface. */
    public record Address(String interfaceName, String address) {
        public boolean loopback() {
            return interfaceName.equals("lo") || interfaceName.startsWith("lo0") || interfaceName.startsWith("lo:");
        }
    }

    private final List<Address> addresses;

    private InterfaceAddresses(List<Address> addresses) {
        this.addresses = List.copyOf(addresses);
    }

    public static InterfaceAddresses parse(String stdout) {
        List<Address> found = new ArrayList<>();
        String currentInterface = null;
        for (String line : (stdout == null ? "" : stdout).split("\n")) {
            Matcher ipo = IP_O.matcher(line);
            if (ipo.find()) {
                found.add(new Address(ipo.group(1), ipo.group(2)));
                continue;
            }
            Matcher ipHead = IP_HEAD.matcher(line);
            if (ipHead.find()) {
                currentInterface = ipHead.group(1);
                continue;
            }
            Matcher head = IFCONFIG_HEAD.matcher(line);
            if (head.find()) {
                currentInterface = head.group(1);
                continue;
            }
            Matcher inet = IFCONFIG_INET.matcher(line);
            if (inet.find() && currentInterface != null) {
                found.add(new Address(currentInterface, inet.group(1)));
            }
        }
        return new InterfaceAddresses(found);
    }

    public List<Address> all() {
        return addresses;
    }

    /** Addresses on interfaces other than loopback. */
    public Set<String> external() {
        Set<String> set = new LinkedHashSet<>();
        for (Address a : addresses) {
            if (!a.loopback()) {
                set.add(a.address());
            }
        }
        return set;
    }

    /** The interface that carries {@code address} outside loopback, or null. */
    public String interfaceOf(String address) {
        for (Address a : addresses) {
            if (!a.loopback() && a.address().equalsIgnoreCase(address)) {
                return a.interfaceName();
            }
        }
        return null;
    }
}
