package io.jenkins.plugins.xcatha.cli;

import io.jenkins.plugins.xcatha.config.InvalidInputException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code xcat-ha}: the command-line front end of the xCAT HA procedures. */
@Command(name = "xcat-ha", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
            "Prepares an xCAT standby management node, fails over to it, and takes verified xCAT database backups over SSH, with"
                    + " the same steps, reports and exit codes as the Jenkins plugin.",
            ""},
        subcommands = {StandbyPrepareCommand.class, FailoverCommand.class, DbBackupCommand.class, DbRestoreCommand.class, SimulateCommand.class,
            DemoCommand.class, CommandLine.HelpCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  SUCCESS",
            "  1  FAILURE (or UNSTABLE with --fail-on-warning)",
            "  2  bad usage: the message names the option and the value",
            "  3  UNSTABLE: a step ended with WARNING",
            "  4  this machine cannot run simulated nodes (demo, simulate): the message says what to install",
            "",
            "Start with: xcat-ha demo"})
public final class XcatHa implements Runnable {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** The configured command line, writing to {@code out} and {@code err}: what main and the tests run. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cmd = new CommandLine(new XcatHa());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setUsageHelpWidth(100);
        cmd.setUsageHelpLongOptionsMaxWidth(34);
        cmd.setParameterExceptionHandler(XcatHa::badUsage);
        cmd.setExecutionExceptionHandler(XcatHa::failed);
        return cmd;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "a command is required: standby-prepare, failover, db-backup, db-restore, simulate or demo");
    }

    private static int badUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("xcat-ha: " + e.getMessage());
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options and examples.");
        return ExitCode.USAGE;
    }

    private static int failed(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (e instanceof InvalidInputException invalid) {
            err.println("xcat-ha " + cmd.getCommandName() + ": " + OptionNames.message(invalid));
            return ExitCode.USAGE;
        }
        if (e instanceof UsageException) {
            err.println("xcat-ha " + cmd.getCommandName() + ": " + e.getMessage());
            return ExitCode.USAGE;
        }
        if (e instanceof EnvironmentException) {
            err.println("xcat-ha " + cmd.getCommandName() + ": " + e.getMessage());
            return ExitCode.ENVIRONMENT;
        }
        err.println("xcat-ha " + cmd.getCommandName() + ": " + e);
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            err.println("  caused by: " + cause);
        }
        return ExitCode.FAILURE;
    }
}
