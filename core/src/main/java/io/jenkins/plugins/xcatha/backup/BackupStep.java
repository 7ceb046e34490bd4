package io.jenkins.plugins.xcatha.backup;

import io.jenkins.plugins.xcatha.procedure.AbstractStep;
import io.jenkins.plugins.xcatha.procedure.HostScope;

/** What every db-backup step shares: it runs on the primary node, under a stable id. */
abstract class BackupStep extends AbstractStep {
    protected final DbBackupOptions options;

    BackupStep(String id, String title, DbBackupOptions options, String... dependsOn) {
        super(id, title, HostScope.PRIMARY, dependsOn);
        this.options = options;
    }

    static String firstLines(String text, int lines) {
        String[] all = text.strip().split("\n");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(lines, all.length); i++) {
            if (i > 0) {
                b.append(" / ");
            }
            b.append(all[i].strip());
        }
        if (all.length > lines) {
            b.append(" / ...");
        }
        return b.toString();
    }

    static String megabytes(long kb) {
        if (kb < 1024) {
            return kb + " KB";
        }
        return kb >= 10 * 1024 ? (kb / 1024) + " MB" : String.format(java.util.Locale.ROOT, "%.1f MB", kb / 1024.0);
    }
}
