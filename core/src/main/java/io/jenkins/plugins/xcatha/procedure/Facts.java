package io.jenkins.plugins.xcatha.procedure;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What earlier steps learned (OS family, xCAT version, DB engine, each node's address), for later steps,
 * so that a node is asked once. Keys are typed so that a reader cannot mistake what it gets.
 */
public final class Facts {

    /** A typed key; {@code name} also appears in messages. */
    public record Key<T>(String name, Class<T> type) {
        public static <T> Key<T> of(String name, Class<T> type) {
            return new Key<>(name, type);
        }
    }

    private final Map<String, Object> values = new ConcurrentHashMap<>();

    private static String slot(Key<?> key, Node.Role role) {
        return (role == null ? "*" : role.id()) + "/" + key.name();
    }

    public <T> void put(Node.Role role, Key<T> key, T value) {
        values.put(slot(key, role), Objects.requireNonNull(value, key.name()));
    }

    public <T> Optional<T> get(Node.Role role, Key<T> key) {
        return Optional.ofNullable(values.get(slot(key, role))).map(key.type()::cast);
    }

    public <T> void put(Key<T> key, T value) {
        put(null, key, value);
    }

    public <T> Optional<T> get(Key<T> key) {
        return get(null, key);
    }
}
