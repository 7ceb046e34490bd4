package io.jenkins.plugins.xcatha.config;

import java.util.Map;

/**
 * How the front end showing a message names its options: a Jenkins user reads Pipeline parameters
 * ({@code useBypass: true}), a terminal user CLI flags ({@code --bypass}). The engine names an option by its
 * Pipeline parameter and asks the vocabulary of the run how to say it. The pairs are DESIGN.md's
 * "One vocabulary" table.
 */
public enum Vocabulary {
    /** Pipeline parameters, as in a Jenkinsfile (and the build step forms, which use the same names). */
    PIPELINE {
        @Override
        public String name(String parameter) {
            return parameter;
        }

        @Override
        public String enabled(String parameter) {
            return parameter + ": true";
        }

        @Override
        public String given(String parameter, String value) {
            return parameter + ": " + (value.matches("-?[0-9]+") ? value : "'" + value + "'");
        }

        @Override
        public String disabled(String parameter) {
            return parameter + ": false";
        }
    },
    /** The flags of {@code xcat-ha}. */
    CLI {
        @Override
        public String name(String parameter) {
            return CLI_FLAGS.getOrDefault(parameter, parameter);
        }

        @Override
        public String enabled(String parameter) {
            return name(parameter);
        }

        @Override
        public String given(String parameter, String value) {
            return name(parameter) + " " + value;
        }

        @Override
        public String disabled(String parameter) {
            return CLI_NEGATIONS.getOrDefault(parameter, name(parameter) + " off");
        }
    };

    /** Options that are on by default and switched off with a flag of their own. */
    private static final Map<String, String> CLI_NEGATIONS = Map.of("safetyBackup", "--no-safety-backup",
            "planned", "no --planned");

    private static final Map<String, String> CLI_FLAGS = Map.ofEntries(
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
            Map.entry("essentialTables", "--essential-tables"),
            Map.entry("acceptRowLoss", "--accept-row-loss"),
            Map.entry("commandTimeoutSeconds", "--command-timeout"),
            Map.entry("connectTimeoutSeconds", "--connect-timeout"),
            Map.entry("failOnWarning", "--fail-on-warning"),
            Map.entry("ntpServer", "--ntp-server"),
            Map.entry("generateKeys", "--generate-keys"),
            Map.entry("backupDatabase", "--backup-database"),
            Map.entry("initSystem", "--init-system"),
            Map.entry("backup", "--backup"),
            Map.entry("archive", "--archive"),
            Map.entry("safetyBackup", "--no-safety-backup"),
            Map.entry("restoreOnStandby", "--restore-on-standby"),
            Map.entry("restoreTimeoutSeconds", "--restore-timeout"),
            Map.entry("virtualIp", "--virtual-ip"),
            Map.entry("interface", "--interface"),
            Map.entry("planned", "--planned"),
            Map.entry("primaryDown", "--primary-down"),
            Map.entry("sharedVolumeGroup", "--shared-vg"));

    /** The option itself: {@code useBypass} / {@code --bypass}. */
    public abstract String name(String parameter);

    /** How to switch a yes/no option on: {@code useBypass: true} / {@code --bypass}. */
    public abstract String enabled(String parameter);

    /** How to switch off a yes/no option that is on by default: {@code safetyBackup: false} / {@code --no-safety-backup}. */
    public abstract String disabled(String parameter);

    /** How to give an option a value: {@code acceptRowLoss: 'hosts'} / {@code --accept-row-loss hosts}. */
    public abstract String given(String parameter, String value);

    /** Every option that has a CLI flag, by Pipeline parameter. */
    public static Map<String, String> cliFlags() {
        return CLI_FLAGS;
    }
}
