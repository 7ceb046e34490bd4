package io.jenkins.plugins.xcatha.failover;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.platform.Platform;
import io.jenkins.plugins.xcatha.platform.ServiceState;
import io.jenkins.plugins.xcatha.procedure.AbstractStep;
import io.jenkins.plugins.xcatha.procedure.HostScope;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.standby.NodeCommands;
import io.jenkins.plugins.xcatha.xcat.DatabaseEngine;
import java.util.List;

/**
 * The database engine that the now-visible /etc/xcat/cfgloc names (only its prefix leaves the node) is one the
 * standby has a server for; that server is started (not enabled at boot) and answers ({@code XCATBYPASS=1 tabdump
 * site}, as activate-mn checks it); SQLite needs no server. Refused while the old primary runs its server.
 */
final class DatabaseStep extends AbstractStep {
    static final String ID = "database";
    static final String CFGLOC_PREFIX = "if [ -f /etc/xcat/cfgloc ]; then sed -n '1s/^\\([A-Za-z0-9]*\\):.*$/\\1/p'"
            + " /etc/xcat/cfgloc; else echo SQLite; fi";
    private static final int ANSWER_ATTEMPTS = 10;
    private final FailoverOptions options;

    DatabaseStep(FailoverOptions options) {
        super(ID, "The xCAT database server started on the standby and answering", HostScope.STANDBY, PreflightStep.ID,
                VirtualIpStep.ID, SharedDataStep.ID);
        this.options = options;
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        Node standby = context.standby();
        Platform platform = NodeCommands.platform(context, standby);
        DatabaseEngine engine = DatabaseEngine.fromCfglocPrefix(context.run(standby, Command.shell(CFGLOC_PREFIX)).stdout());
        if (engine == DatabaseEngine.SQLITE) {
            return answers(context, standby, "SQLite (no /etc/xcat/cfgloc on the shared data): no server to start", false);
        }
        if (engine == DatabaseEngine.DB2) {
            Db2Instance db2 = Db2Instance.read(context, standby);
            return db2 == null ? lacking(standby, engine, DatabaseServer.NO_DB2) : db2(context, standby, db2);
        }
        List<ServiceState> installed = DatabaseServer.installed(context, standby, engine);
        if (installed.isEmpty()) {
            return lacking(standby, engine, DatabaseServer.noService(engine));
        }
        ServiceState server = installed.stream().filter(ServiceState::running).findFirst().orElse(installed.get(0));
        if (server.running()) {
            return answers(context, standby, engine.displayName() + ": " + server.name() + " already runs", false);
        }
        List<Command> start = platform.services().startCommands(server);
        if (context.checkMode()) {
            return Outcome.changed("would start " + server.name() + " (" + engine.displayName() + ") on standby "
                    + standby.name() + " (`" + NodeCommands.shown(start.get(0)) + "`, not enabled at boot) and check"
                    + " that `XCATBYPASS=1 tabdump site` answers");
        }
        Outcome refused = OldPrimary.stillActive(context, options, "start the database server");
        if (refused != null) {
            return refused;
        }
        for (Command c : start) {
            CommandResult r = context.run(standby, c);
            if (r.exitCode() != 0) {
                return Outcome.failed("standby " + standby.name() + ": " + server.name() + " cannot start (`"
                        + NodeCommands.shown(c) + "` exit " + r.exitCode() + ": " + NodeCommands.firstLine(r) + "). "
                        + platform.services().hint(server.name()) + " The shared data stays mounted and the virtual IP"
                        + " configured; run the failover again once it starts");
            }
        }
        return answers(context, standby, "started " + server.name() + " (" + engine.displayName() + ", not enabled at"
                + " boot)", true);
    }

    private static Outcome lacking(Node standby, DatabaseEngine engine, String missing) {
        return Outcome.failed("the shared /etc/xcat/cfgloc names " + engine.displayName() + " but standby "
                + standby.name() + " " + missing + ": the standby must run the primary's database engine (set it up"
                + " as the HA docs say, then run again)");
    }

    private Outcome db2(StepContext context, Node standby, Db2Instance db2) throws ShellException, InterruptedException {
        if (db2.running()) {
            return answers(context, standby, "the DB2 instance " + db2.instance() + " is already available", false);
        }
        if (context.checkMode()) {
            return Outcome.changed("would start the DB2 instance " + db2.instance() + " on standby " + standby.name()
                    + " (`" + NodeCommands.shown(db2.start()) + "`, not started at boot) and check that"
                    + " `XCATBYPASS=1 tabdump site` answers");
        }
        Outcome refused = OldPrimary.stillActive(context, options, "start the database server");
        if (refused != null) {
            return refused;
        }
        CommandResult r = context.run(standby, db2.start());
        if (r.exitCode() != 0) {
            return Outcome.failed("standby " + standby.name() + ": the DB2 instance " + db2.instance() + " cannot start (`"
                    + NodeCommands.shown(db2.start()) + "` exit " + r.exitCode() + ": " + NodeCommands.firstLine(r)
                    + "). Check the instance with `db2gcf -s -i " + db2.instance() + "` and its db2diag.log; the shared"
                    + " data stays mounted and the virtual IP configured; run the failover again once it starts");
        }
        return answers(context, standby, "started the DB2 instance " + db2.instance() + " (not started at boot)", true);
    }

    private static Outcome answers(StepContext context, Node standby, String what, boolean changed)
            throws ShellException, InterruptedException {
        if (context.checkMode() && !changed) {
            CommandResult r = context.run(standby, NodeCommands.bypassingXcatd("tabdump", "site"));
            return r.exitCode() == 0 ? Outcome.ok(what + "; the database answers")
                    : Outcome.ok(what + "; the database does not answer yet (`XCATBYPASS=1 tabdump site` exit "
                            + r.exitCode() + ")");
        }
        CommandResult r = null;
        for (int attempt = 1; attempt <= ANSWER_ATTEMPTS; attempt++) {
            r = context.run(standby, NodeCommands.bypassingXcatd("tabdump", "site"));
            if (r.exitCode() == 0 || !changed) {
                break;
            }
            Thread.sleep(500);
        }
        if (r.exitCode() != 0) {
            return Outcome.failed("standby " + standby.name() + ": " + what + ", but the database does not answer"
                    + " (`XCATBYPASS=1 tabdump site` exit " + r.exitCode() + ": " + NodeCommands.firstLine(r) + ")");
        }
        String message = "standby " + standby.name() + ": " + what + "; the database answers (`XCATBYPASS=1 tabdump site`)";
        return changed ? Outcome.changed(message) : Outcome.ok(message);
    }
}
