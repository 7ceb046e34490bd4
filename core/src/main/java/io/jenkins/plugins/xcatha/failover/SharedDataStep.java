package io.jenkins.plugins.xcatha.failover;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.platform.OsFamily;
import io.jenkins.plugins.xcatha.platform.Platform;
import io.jenkins.plugins.xcatha.platform.ServiceState;
import io.jenkins.plugins.xcatha.procedure.AbstractStep;
import io.jenkins.plugins.xcatha.procedure.HostScope;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.standby.NodeCommands;
import io.jenkins.plugins.xcatha.standby.SharedDirectories;
import io.jenkins.plugins.xcatha.standby.StandbyFacts;
import io.jenkins.plugins.xcatha.xcat.DatabaseEngine;
import io.jenkins.plugins.xcatha.xcat.MountTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared directories mounted on the standby ({@code mount DIR}: the file systems the OS knows from /etc/fstab,
 * AIX /etc/filesystems, never mounted at boot) and writable; refused while the old primary still has any of them.
 */
final class SharedDataStep extends AbstractStep {
    static final String ID = "shared-data";
    private static final String PROBE = ".xcat-ha-failover-write-test";
    private final FailoverOptions options;

    SharedDataStep(FailoverOptions options) {
        super(ID, "The shared directories mounted on the standby and writable", HostScope.STANDBY, PreflightStep.ID,
                DeactivatePrimaryStep.ID, VirtualIpStep.ID);
        this.options = options;
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        Node standby = context.standby();
        Platform platform = NodeCommands.platform(context, standby);
        DatabaseEngine engine = context.facts().get(Node.Role.STANDBY, StandbyFacts.ENGINE).orElse(null);
        List<String> dirs = SharedDirectories.on(options.standbyOptions(), platform.os(), engine,
                context.facts().get(StandbyFacts.DATABASE_LOCATION).orElse(null));
        MountTable mounts = mounts(context, standby);
        List<String> missing = new ArrayList<>();
        List<String> stoppedFirst = new ArrayList<>();
        String variedOn = "";
        for (String dir : dirs) {
            if (mounts.mountedOn(dir).isEmpty()) {
                missing.add(dir);
            }
        }
        String group = platform.os() == OsFamily.AIX ? options.sharedVolumeGroup().orElse(null) : null;
        boolean varyOn = !missing.isEmpty() && group != null
                && !SharedVolumeGroup.variedOn(context, standby).contains(group);
        if (!missing.isEmpty()) {
            if (context.checkMode()) {
                return Outcome.changed((varyOn ? "would vary on the volume group " + group + " (`"
                        + NodeCommands.shown(SharedVolumeGroup.varyOn(group)) + "`), then " : "")
                        + "would mount " + String.join(", ", missing) + " on standby " + standby.name()
                        + " (`mount DIR` each)" + (options.planned() ? ", once old primary " + context.primary().name()
                        + " has unmounted them" : "") + "; then check that each is writable");
            }
            Outcome refused = OldPrimary.stillActive(context, options, "mount the shared data");
            if (refused != null) {
                return refused;
            }
            // xcatd and a database server that run now use the standby's own files, which the mounts hide.
            List<String> local = new ArrayList<>(List.of("xcatd"));
            local.addAll(DatabaseServer.services(engine == null ? DatabaseEngine.SQLITE : engine));
            for (ServiceState s : platform.services().states(NodeCommands.exec(context, standby), local)) {
                if (s.installed() && s.running()) {
                    for (Command c : platform.services().stopCommands(s)) {
                        CommandResult r = context.run(standby, c);
                        if (r.exitCode() != 0) {
                            return Outcome.failed("standby " + standby.name() + ": " + s.name() + " runs on the standby's own"
                                    + " files and cannot be stopped before the shared data is mounted over them (`"
                                    + NodeCommands.shown(c) + "` exit " + r.exitCode() + ": " + NodeCommands.firstLine(r) + ")");
                        }
                    }
                    stoppedFirst.add(s.name());
                }
            }
            if (engine == DatabaseEngine.DB2) {
                Db2Instance db2 = Db2Instance.read(context, standby);
                if (db2 != null && db2.running()) {
                    CommandResult r = context.run(standby, db2.stop());
                    if (r.exitCode() != 0) {
                        return Outcome.failed("standby " + standby.name() + ": the DB2 instance runs on the standby's own"
                                + " files and cannot be stopped before the shared data is mounted over them (`"
                                + NodeCommands.shown(db2.stop()) + "` exit " + r.exitCode() + ": " + NodeCommands.firstLine(r) + ")");
                    }
                    stoppedFirst.add("the DB2 instance " + db2.instance());
                }
            }
            if (varyOn) {
                Command on = SharedVolumeGroup.varyOn(group);
                CommandResult r = context.run(standby, on);
                if (r.exitCode() != 0) {
                    return Outcome.failed("standby " + standby.name() + ": `" + NodeCommands.shown(on) + "` failed (exit "
                            + r.exitCode() + ": " + NodeCommands.firstLine(r) + "): the old primary may still have it"
                            + " varied on (`lsvg -o` there), or a dead one still reserves its disks (break the"
                            + " reservation as the AIX documentation says); nothing was mounted");
                }
                variedOn = "varied on the volume group " + group + "; ";
            }
            for (String dir : missing) {
                CommandResult r = context.run(standby, NodeCommands.tool("mount", dir));
                if (r.exitCode() != 0) {
                    return Outcome.failed("standby " + standby.name() + ": `mount " + dir + "` failed (exit " + r.exitCode()
                            + ": " + NodeCommands.firstLine(r) + ")" + (dirs.indexOf(dir) > 0 ? "; mounted before: "
                            + String.join(", ", dirs.subList(0, dirs.indexOf(dir))) : "") + ". The standby needs an"
                            + " /etc/fstab entry (AIX: /etc/filesystems stanza) for each shared directory, with noauto;"
                            + (platform.os() == OsFamily.AIX && group == null ? " on AIX, if the shared file systems are"
                            + " on a volume group, give " + options.vocabulary().given("sharedVolumeGroup", "VG")
                            + " so that it is varied on first;" : "")
                            + " fix it and run the failover again: it continues where it stopped");
                }
            }
            mounts = mounts(context, standby);
            for (String dir : missing) {
                if (mounts.mountedOn(dir).isEmpty()) {
                    return Outcome.failed("standby " + standby.name() + ": " + dir + " is not in the mount table after `mount "
                            + dir + "`");
                }
            }
        }
        List<String> readOnly = new ArrayList<>();
        if (!context.checkMode()) {
            for (String dir : dirs) {
                CommandResult w = context.run(standby, Command.shell("f=\"$1/" + PROBE + ".$$\"; : > \"$f\" && rm -f \"$f\"",
                        dir));
                if (w.exitCode() != 0) {
                    readOnly.add(dir + " (" + NodeCommands.firstLine(w) + ")");
                }
            }
        }
        if (!readOnly.isEmpty()) {
            return Outcome.failed("standby " + standby.name() + ": the shared data is mounted but not writable: "
                    + String.join(", ", readOnly) + "; check the mount options and the storage");
        }
        return missing.isEmpty()
                ? Outcome.ok("standby " + standby.name() + " has " + String.join(", ", dirs) + " mounted"
                        + (context.checkMode() ? "" : " and writable"))
                : Outcome.changed(variedOn + (stoppedFirst.isEmpty() ? "" : "stopped " + String.join(", ", stoppedFirst)
                        + " (running on the standby's own files); ") + "mounted " + String.join(", ", missing) + " on standby " + standby.name()
                        + "; all of " + String.join(", ", dirs) + " writable");
    }

    private static MountTable mounts(StepContext context, Node node) throws ShellException, InterruptedException {
        CommandResult r = context.run(node, NodeCommands.tool("mount"));
        if (r.exitCode() != 0) {
            throw new ShellException(node.name(), ShellException.Phase.COMMAND, "could not read the mount table of "
                    + node.label() + " (`mount` exit " + r.exitCode() + ": " + NodeCommands.firstLine(r) + ")");
        }
        return MountTable.parse(r.stdout());
    }
}
