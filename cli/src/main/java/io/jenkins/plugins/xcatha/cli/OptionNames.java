package io.jenkins.plugins.xcatha.cli;

import io.jenkins.plugins.xcatha.config.InvalidInputException;
import io.jenkins.plugins.xcatha.config.Vocabulary;
import java.util.Map;

/**
 * The core validates options under their Pipeline parameter names; a CLI user must see the flag they typed.
 * The pairs are the engine's {@link Vocabulary#CLI}; messages of a run already speak it (the options carry it).
 */
final class OptionNames {
    private static final Map<String, String> CLI_FLAG = Vocabulary.cliFlags();

    private OptionNames() {
    }

    static String flag(String field) {
        return CLI_FLAG.getOrDefault(field, field);
    }

    /**
     * The exception's message with Pipeline names replaced by CLI flags: its field, and any other option it
     * mentions as {@code name=value} ({@code allTables=true} becomes {@code --all-tables}).
     */
    static String message(InvalidInputException e) {
        String prefix = e.field() + ": ";
        String message = e.getMessage();
        String rest = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        for (Map.Entry<String, String> name : CLI_FLAG.entrySet()) {
            rest = rest.replaceAll("\\b" + name.getKey() + "=true\\b", name.getValue())
                    .replaceAll("\\b" + name.getKey() + "=", name.getValue() + " ");
        }
        return flag(e.field()) + ": " + rest;
    }
}
