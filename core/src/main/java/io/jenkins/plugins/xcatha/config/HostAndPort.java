package io.jenkins.plugins.xcatha.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A node as the user names it: {@code HOST}, {@code HOST:PORT}, {@code [IPv6]:PORT}. */
public record HostAndPort(String host, int port) {
    public static final int SSH_PORT = 22;

    // RFC 1123 host names (labels of letters, digits and inner hyphens) and IPv4 addresses.
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?");
    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]+)](?::(.*))?");

    public HostAndPort {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
        }
    }

    /**
     * Parses {@code value} for the named field; {@code defaultPort} applies when none is given.
     *
     * @throws InvalidInputException naming the field and the value
     */
    public static HostAndPort parse(String field, String value, int defaultPort) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "a host name or address is required");
        }
        String trimmed = value.trim();
        String host;
        String port = null;
        Matcher bracketed = BRACKETED.matcher(trimmed);
        if (bracketed.matches()) {
            host = bracketed.group(1);
            port = bracketed.group(2);
            if (!IPV6.matcher(host).matches()) {
                throw new InvalidInputException(field, "'" + value + "' is not a valid IPv6 address in brackets");
            }
        } else {
            int colon = trimmed.indexOf(':');
            if (colon >= 0 && trimmed.indexOf(':', colon + 1) >= 0) {
                if (!IPV6.matcher(trimmed).matches()) {
                    throw new InvalidInputException(field, "'" + value + "' is not a valid host name or address");
                }
                return new HostAndPort(trimmed, defaultPort);
            }
            host = colon >= 0 ? trimmed.substring(0, colon) : trimmed;
            port = colon >= 0 ? trimmed.substring(colon + 1) : null;
            if (!HOSTNAME.matcher(host).matches()) {
                throw new InvalidInputException(field, "'" + value + "' is not a valid host name or address"
                        + " (letters, digits, '-' and '.' only)");
            }
        }
        return new HostAndPort(host, port == null ? defaultPort : parsePort(field, value, port));
    }

    private static int parsePort(String field, String value, String port) {
        try {
            int p = Integer.parseInt(port);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInputException(field, "'" + value + "' has an invalid port '" + port
                + "' (expected 1 to 65535)");
    }

    public boolean isDefaultPort() {
        return port == SSH_PORT;
    }

    /** How a shell names its node in messages and reports: {@code user@host:port}, always with the port. */
    public String sshTarget(String user) {
        return user + "@" + bracketedHost() + ":" + port;
    }

    @Override
    public String toString() {
        return isDefaultPort() ? bracketedHost() : bracketedHost() + ":" + port;
    }

    private String bracketedHost() {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }
}
