package io.jenkins.plugins.xcatha.cli;

import io.jenkins.plugins.xcatha.backup.DbBackup;
import io.jenkins.plugins.xcatha.failover.Failover;
import io.jenkins.plugins.xcatha.failover.FailoverOptions;
import io.jenkins.plugins.xcatha.procedure.Procedure;
import io.jenkins.plugins.xcatha.standby.StandbyPrepare;
import io.jenkins.plugins.xcatha.standby.StandbyPrepareOptions;
import java.nio.file.Path;
import io.jenkins.plugins.xcatha.config.Vocabulary;
import java.util.List;
import java.util.Locale;

/** The CLI's options as the core procedures' options (the plugin maps its step parameters the same way). */
final class Procedures {
    private Procedures() {
    }

    static Procedure standbyPrepare(StandbyPrepareCommand c, boolean checkMode, Path artifactDirectory) {
        StandbyPrepareOptions options = StandbyPrepareOptions.builder()
                .sharedDirs(c.sharedDirs.isEmpty() ? null : c.sharedDirs)
                .hpcDaemons(hpcDaemons(c.hpcDaemons))
                .maxClockSkewSeconds(c.maxClockSkewSeconds)
                .ntpServer(c.ntpServer)
                .generateKeys(c.generateKeys)
                .backupDatabase(c.backupDatabase)
                .backup(c.backup.options(artifactDirectory, StandbyPrepare.ID))
                .initSystem(c.initSystem)
                .checkMode(checkMode)
                .vocabulary(Vocabulary.CLI)
                .build();
        return StandbyPrepare.procedure(options);
    }

    /** Unset: all four; {@code none}: no HPC daemon is touched. */
    private static List<String> hpcDaemons(List<String> given) {
        if (given.isEmpty()) {
            return null;
        }
        if (given.size() == 1 && given.get(0).strip().toLowerCase(Locale.ROOT).equals("none")) {
            return List.of();
        }
        return given.stream().map(String::strip).toList();
    }

    static Procedure failover(FailoverCommand c, boolean checkMode) {
        return Failover.procedure(FailoverOptions.builder()
                .virtualIp(c.virtualIp)
                .interfaceName(c.interfaceName)
                .planned(c.planned)
                .primaryDown(c.primaryDown)
                .sharedVolumeGroup(c.sharedVolumeGroup)
                .sharedDirs(c.sharedDirs.isEmpty() ? null : c.sharedDirs)
                .hpcDaemons(hpcDaemons(c.hpcDaemons))
                .initSystem(c.initSystem)
                .checkMode(checkMode)
                .vocabulary(Vocabulary.CLI)
                .build());
    }

    static Procedure dbBackup(DbBackupCommand c, Path artifactDirectory) {
        return DbBackup.procedure(c.backup.options(artifactDirectory, DbBackup.PROCEDURE_ID));
    }
}
