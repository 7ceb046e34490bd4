package io.jenkins.plugins.xcatha.procedure;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Masks known secret values (a database password read from cfgloc, a passphrase) in everything a report
 * records. The first defence is never to read secrets into output at all; this is the second.
 */
public final class Redactor {
    static final String MASK = "****";
    private static final int SHORTEST_SECRET = 3;
    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    public void add(String secret) {
        if (secret != null && secret.length() >= SHORTEST_SECRET) {
            secrets.add(secret);
        }
    }

    public String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }
}
