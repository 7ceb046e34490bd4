package io.jenkins.plugins.xcatha.plugin;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.xcatha.jenkins.FieldCheck;
import io.jenkins.plugins.xcatha.jenkins.Invocation;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code xcatStandbyPrepare primary: 'mn1', standby: 'mn2', credentialsId: 'xcat-root'}: checks and prepares
 * the standby management node of an xCAT HA pair (same xCAT and database engine, shared data not mounted,
 * name resolution, root SSH trust both ways, clock sync, xcatd, DHCP and HPC daemons stopped and disabled on
 * the standby). Returns a map with {@code result}, {@code steps} and {@code artifacts}. The connection and
 * reporting settings are those of every step ({@link XcatStep}).
 */
public final class XcatStandbyPrepareStep extends XcatBackupStep {
    private final String primary;
    private final String standby;
    private String sharedDirs = "";
    private String hpcDaemons = "";
    private int maxClockSkewSeconds = Invocation.DEFAULT_MAX_CLOCK_SKEW_SECONDS;
    private boolean backupDatabase;
    private String ntpServer = "";
    private boolean generateKeys;

    @DataBoundConstructor
    public XcatStandbyPrepareStep(String primary, String standby) {
        this.primary = Util.fixNull(primary).trim();
        this.standby = Util.fixNull(standby).trim();
    }

    public String getPrimary() {
        return primary;
    }

    public String getStandby() {
        return standby;
    }
    /** Paths separated by commas or line breaks; blank: /etc/xcat, /install, ~/.xcat, /tftpboot, the DB dir. */
    public String getSharedDirs() {
        return sharedDirs;
    }

    @DataBoundSetter
    public void setSharedDirs(String dirs) {
        this.sharedDirs = Util.fixNull(dirs).trim();
    }
    /** Names separated by commas; blank: teal, cnm, loadl, gpfs. */
    public String getHpcDaemons() {
        return hpcDaemons;
    }

    @DataBoundSetter
    public void setHpcDaemons(String names) {
        this.hpcDaemons = Util.fixNull(names).trim();
    }

    public int getMaxClockSkewSeconds() {
        return maxClockSkewSeconds;
    }

    @DataBoundSetter
    public void setMaxClockSkewSeconds(int s) {
        this.maxClockSkewSeconds = s;
    }
    /** Also take a verified backup of the xCAT database on the primary (the backup-database step). */
    public boolean isBackupDatabase() {
        return backupDatabase;
    }

    @DataBoundSetter
    public void setBackupDatabase(boolean backupDatabase) {
        this.backupDatabase = backupDatabase;
    }
    /** Point both nodes' NTP/chrony at this server; blank: leave their time configuration. */
    public String getNtpServer() {
        return ntpServer;
    }

    @DataBoundSetter
    public void setNtpServer(String server) {
        this.ntpServer = Util.fixNull(server).trim();
    }
    /** Create a root SSH key pair on a node that has none (otherwise ssh-trust fails there). */
    public boolean isGenerateKeys() {
        return generateKeys;
    }

    @DataBoundSetter
    public void setGenerateKeys(boolean generateKeys) {
        this.generateKeys = generateKeys;
    }

    @Override
    Invocation.Builder request() {
        return invocation(Invocation.Procedure.STANDBY_PREPARE)
                .primary(primary)
                .standby(standby)
                .sharedDirs(sharedDirs)
                .hpcDaemons(hpcDaemons)
                .maxClockSkewSeconds(maxClockSkewSeconds)
                .backupDatabase(backupDatabase)
                .ntpServer(ntpServer)
                .generateKeys(generateKeys);
    }

    @Extension
    @Symbol("xcatStandbyPrepare")
    public static final class DescriptorImpl extends XcatStepDescriptor {
        @Override
        public String getFunctionName() {
            return "xcatStandbyPrepare";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.XcatStandbyPrepareStep_DisplayName();
        }

        @POST
        public FormValidation doCheckPrimary(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.host("primary", value));
        }

        @POST
        public FormValidation doCheckStandby(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.host("standby", value));
        }

        @POST
        public FormValidation doCheckSharedDirs(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.paths("sharedDirs", value));
        }

        @POST
        public FormValidation doCheckHpcDaemons(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.names("hpcDaemons", value));
        }

        @POST
        public FormValidation doCheckMaxClockSkewSeconds(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.number("maxClockSkewSeconds", value, 0, 3_600, true));
        }

        @POST
        public FormValidation doCheckNtpServer(@AncestorInPath Item item, @QueryParameter String value) {
            Forms.checkConfigure(item);
            return Forms.toValidation(FieldCheck.ntpServer(value));
        }
    }
}
