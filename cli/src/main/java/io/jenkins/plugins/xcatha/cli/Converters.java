package io.jenkins.plugins.xcatha.cli;

import io.jenkins.plugins.xcatha.testkit.DbEngine;
import io.jenkins.plugins.xcatha.testkit.Flavour;
import io.jenkins.plugins.xcatha.run.Transport;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option values in the spelling users type (rhel9, aix7, db2), with the accepted values on error. */
final class Converters {
    private Converters() {
    }

    static final class FlavourConverter implements ITypeConverter<Flavour> {
        @Override
        public Flavour convert(String value) {
            try {
                return Flavour.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a flavour; use one of "
                        + names(Flavour.values()));
            }
        }
    }

    static final class EngineConverter implements ITypeConverter<DbEngine> {
        @Override
        public DbEngine convert(String value) {
            for (DbEngine engine : DbEngine.values()) {
                if (engine.name().equalsIgnoreCase(value.strip())) {
                    return engine;
                }
            }
            throw new TypeConversionException("'" + value + "' is not a database engine; use one of "
                    + names(DbEngine.values()));
        }
    }

    static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    static final class TransportConverter implements ITypeConverter<Transport> {
        @Override
        public Transport convert(String value) {
            for (Transport t : Transport.values()) {
                if (t.name().equalsIgnoreCase(value.strip())) {
                    return t;
                }
            }
            throw new TypeConversionException("'" + value + "' is not a transport; use one of "
                    + names(Transport.values()));
        }
    }
}
