package io.jenkins.plugins.xcatha.plugin;

import hudson.Util;
import io.jenkins.plugins.xcatha.backup.DbBackupOptions;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The freestyle build steps that take a database backup, with the same backup settings as the Pipeline steps
 * ({@link XcatBackupStep}).
 */
public abstract class XcatBackupBuilder extends XcatBuilder implements BackupSettings {
    private String backupRoot = DbBackupOptions.DEFAULT_BACKUP_ROOT;
    private int keep = DbBackupOptions.DEFAULT_KEEP;
    private int maxAgeDays;
    private boolean allTables;
    private boolean nativeBackup;
    private boolean collect;
    private boolean useBypass;
    private int dumpTimeoutSeconds = DbBackupOptions.DEFAULT_DUMP_TIMEOUT_SECONDS;
    private String essentialTables = "";
    private String acceptRowLoss = "";

    @Override
    public String getBackupRoot() {
        return backupRoot;
    }

    @DataBoundSetter
    public void setBackupRoot(String root) {
        this.backupRoot = Util.fixNull(root).trim();
    }

    @Override
    public int getKeep() {
        return keep;
    }

    @DataBoundSetter
    public void setKeep(int keep) {
        this.keep = keep;
    }

    @Override
    public int getMaxAgeDays() {
        return maxAgeDays;
    }

    @DataBoundSetter
    public void setMaxAgeDays(int days) {
        this.maxAgeDays = days;
    }

    @Override
    public boolean isAllTables() {
        return allTables;
    }

    @DataBoundSetter
    public void setAllTables(boolean allTables) {
        this.allTables = allTables;
    }

    @Override
    public boolean isNativeBackup() {
        return nativeBackup;
    }

    @DataBoundSetter
    public void setNativeBackup(boolean nativeBackup) {
        this.nativeBackup = nativeBackup;
    }

    @Override
    public boolean isCollect() {
        return collect;
    }

    @DataBoundSetter
    public void setCollect(boolean collect) {
        this.collect = collect;
    }

    @Override
    public boolean isUseBypass() {
        return useBypass;
    }

    @DataBoundSetter
    public void setUseBypass(boolean useBypass) {
        this.useBypass = useBypass;
    }

    @Override
    public int getDumpTimeoutSeconds() {
        return dumpTimeoutSeconds;
    }

    @DataBoundSetter
    public void setDumpTimeoutSeconds(int s) {
        this.dumpTimeoutSeconds = s;
    }

    @Override
    public String getEssentialTables() {
        return essentialTables;
    }

    @DataBoundSetter
    public void setEssentialTables(String tables) {
        this.essentialTables = Util.fixNull(tables).trim();
    }

    @Override
    public String getAcceptRowLoss() {
        return acceptRowLoss;
    }

    @DataBoundSetter
    public void setAcceptRowLoss(String tables) {
        this.acceptRowLoss = Util.fixNull(tables).trim();
    }
}
