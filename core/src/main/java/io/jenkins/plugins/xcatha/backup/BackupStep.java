package io.jenkins.plugins.xcatha.backup;

import io.jenkins.plugins.xcatha.procedure.Cluster;
import io.jenkins.plugins.xcatha.procedure.ProcedureStep;
import java.util.Set;

/** What every db-backup step shares: it runs on the primary node, under a stable id. */
abstract class BackupStep implements ProcedureStep {
    private final String id;
    private final String title;
    private final Set<String> dependsOn;
    protected final DbBackupOptions options;

    BackupStep(String id, String title, DbBackupOptions options, String... dependsOn) {
        this.id = id;
        this.title = title;
        this.options = options;
        this.dependsOn = Set.of(dependsOn);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public String host(Cluster cluster) {
        return cluster.primary().name();
    }

    @Override
    public Set<String> dependsOn() {
        return dependsOn;
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
