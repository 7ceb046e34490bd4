package io.jenkins.plugins.xcatha.exec.trilead;

import com.trilead.ssh2.Connection;
import com.trilead.ssh2.Session;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Trilead versions we run against differ in, and the one way out of a hung connection.
 * Compiled against Debian's build217-jenkins-8 and valid with the fork that trilead-api brings.
 */
final class TrileadSupport {
    private static final Field TRANSPORT = transportField();
    private static final boolean LATIN1_COMMANDS = encodesCommandsAsLatin1();

    private TrileadSupport() {
    }

    private static Field transportField() {
        try {
            Field f = Connection.class.getDeclaredField("tm");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The fork declares InterruptedException here and build222 does not; catching Exception compiles
     * against both and lets an interrupt through.
     */
    static int waitForCondition(Session session, int conditions, long millis) throws InterruptedException {
        try {
            return session.waitForCondition(conditions, millis);
        } catch (Exception e) {
            if (e instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw new IllegalStateException(e);
        }
    }

    /**
     * Closes the transport under a Connection whose monitor is held by a blocked call: openSession()
     * and close() are synchronized and wait forever on a dead network, the transport's close is not.
     * Returns false when the field is missing (another Trilead build); the caller then closes the
     * Connection from a thread that may stay blocked.
     */
    static boolean closeTransport(Connection connection, String why) {
        if (TRANSPORT == null) {
            return false;
        }
        try {
            Object tm = TRANSPORT.get(connection);
            if (tm == null) {
                return true;
            }
            Method close = tm.getClass().getMethod("close", Throwable.class, boolean.class);
            close.invoke(tm, new IOException(why), false);
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Session.execCommand(String) encodes with ISO-8859-1 in build217 (a non-Latin-1 character becomes
     * '?'), so the UTF-8 bytes are handed over as Latin-1 characters and arrive unchanged. Where the
     * library encodes differently, the line is passed as it is.
     */
    static String commandForWire(String line) {
        return LATIN1_COMMANDS
                ? new String(line.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1) : line;
    }

    private static boolean encodesCommandsAsLatin1() {
        try {
            Class<?> packet = Class.forName("com.trilead.ssh2.packets.PacketSessionExecCommand");
            Object p = packet.getConstructor(int.class, boolean.class, String.class).newInstance(0, false, "\u00fc");
            byte[] payload = (byte[]) packet.getMethod("getPayload").invoke(p);
            return payload.length > 2 && payload[payload.length - 1] == (byte) 0xFC && payload[payload.length - 2] == 1;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    static List<String> availableHostKeyAlgorithms() {
        return Arrays.asList(Connection.getAvailableServerHostKeyAlgorithms());
    }

    /**
     * The algorithms grouped by the type of key they verify, in the library's order: an RSA key is shown
     * through rsa-sha2-512, rsa-sha2-256 or ssh-rsa alike.
     */
    static List<List<String>> hostKeyFamilies(List<String> available) {
        Map<String, List<String>> families = new LinkedHashMap<>();
        for (String a : available) {
            String type = a.startsWith("rsa-sha2-") ? "ssh-rsa" : a;
            families.computeIfAbsent(type, t -> new ArrayList<>()).add(a);
        }
        return new ArrayList<>(families.values());
    }

    /** True for the current fork (rsa-sha2, ed25519, OpenSSH key files); false for build217/222. */
    static boolean isModernFork() {
        return availableHostKeyAlgorithms().contains("ssh-ed25519");
    }

    /**
     * Host key algorithms, those the strategy can check first; null to keep the library's order. An
     * ssh-rsa key is asked for as rsa-sha2-512/256 first where the library knows them, since OpenSSH
     * 8.8 and later no longer offers ssh-rsa signatures and negotiation would fall to another key type.
     */
    static String[] preferredHostKeyAlgorithms(List<String> knownTypes, List<String> available) {
        List<String> order = new ArrayList<>();
        for (String type : knownTypes) {
            List<String> algorithms = type.equals("ssh-rsa")
                    ? List.of("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa") : List.of(type);
            for (String a : algorithms) {
                if (available.contains(a) && !order.contains(a)) {
                    order.add(a);
                }
            }
        }
        if (order.isEmpty()) {
            return null;
        }
        for (String a : available) {
            if (!order.contains(a)) {
                order.add(a);
            }
        }
        return order.toArray(new String[0]);
    }
}
