package io.jenkins.plugins.xcatha.cli;

import io.jenkins.plugins.xcatha.config.InvalidInputException;
import java.util.Map;

/**
 * The core validates options under their Pipeline parameter names; a CLI user must see the flag they typed.
 * The pairs are DESIGN.md's "One vocabulary" table.
 */
final class OptionNames {
    private static final Map<String, String> CLI_FLAG = Map.ofEntries(
            Map.entry("primary", "--primary"),
            Map.entry("standby", "--standby"),
            Map.entry("host", "--host"),
            Map.entry("user", "--user"),
            Map.entry("credentialsId", "--identity"),
            Map.entry("hostKeyVerification", "--host-key"),
            Map.entry("local", "--local"),
            Map.entry("checkMode", "--check"),
            Map.entry("sharedDirs", "--shared-dir"),
            Map.entry("hpcDaemons", "--hpc-daemons"),
            Map.entry("maxClockSkewSeconds", "--max-clock-skew"),
            Map.entry("backupRoot", "--backup-root"),
            Map.entry("keep", "--keep"),
            Map.entry("maxAgeDays", "--max-age"),
            Map.entry("allTables", "--all-tables"),
            Map.entry("nativeBackup", "--native"),
            Map.entry("collect", "--collect"),
            Map.entry("useBypass", "--bypass"),
            Map.entry("dumpTimeoutSeconds", "--dump-timeout"),
            Map.entry("commandTimeoutSeconds", "--command-timeout"),
            Map.entry("connectTimeoutSeconds", "--connect-timeout"),
            Map.entry("failOnWarning", "--fail-on-warning"),
            Map.entry("ntpServer", "--ntp-server"),
            Map.entry("generateKeys", "--generate-keys"),
            Map.entry("backupDatabase", "--backup-database"),
            Map.entry("initSystem", "--init-system"));

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
