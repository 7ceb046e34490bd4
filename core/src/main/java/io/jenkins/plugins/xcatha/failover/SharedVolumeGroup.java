package io.jenkins.plugins.xcatha.failover;

import io.jenkins.plugins.xcatha.exec.Command;
import io.jenkins.plugins.xcatha.exec.CommandResult;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import io.jenkins.plugins.xcatha.standby.NodeCommands;
import java.util.ArrayList;
import java.util.List;

/**
 * AIX keeps the shared file systems on a volume group that one node at a time has varied on: the old primary varies
 * it off after unmounting them ({@code varyoffvg}), the new one varies it on before mounting them ({@code varyonvg}),
 * as xCAT's deactivate-mn and activate-mn do with SHAREDVG.
 */
final class SharedVolumeGroup {
    private SharedVolumeGroup() {
    }

    /** The volume groups the node has varied on ({@code lsvg -o}: one name per line). */
    static List<String> variedOn(StepContext context, Node node) throws ShellException, InterruptedException {
        return names(context, node, NodeCommands.tool("lsvg", "-o"));
    }

    private static List<String> names(StepContext context, Node node, Command list)
            throws ShellException, InterruptedException {
        CommandResult r = context.run(node, list);
        if (r.exitCode() != 0) {
            throw new ShellException(node.name(), ShellException.Phase.COMMAND, "could not list the volume groups of "
                    + node.label() + " (`" + NodeCommands.shown(list) + "` exit " + r.exitCode() + ": "
                    + NodeCommands.firstLine(r) + ")");
        }
        List<String> groups = new ArrayList<>();
        for (String line : r.stdout().split("\n")) {
            if (!line.isBlank()) {
                groups.add(line.strip());
            }
        }
        return groups;
    }

    /** The volume groups the node knows, varied on or not ({@code lsvg}): an imported shared group among them. */
    static List<String> known(StepContext context, Node node) throws ShellException, InterruptedException {
        return names(context, node, NodeCommands.tool("lsvg"));
    }

    /** The varied-on groups besides rootvg, which every AIX node has. */
    static List<String> dataGroups(StepContext context, Node node) throws ShellException, InterruptedException {
        List<String> groups = variedOn(context, node);
        groups.remove("rootvg");
        return groups;
    }

    static Command varyOn(String group) {
        return NodeCommands.tool("varyonvg", group);
    }

    static Command varyOff(String group) {
        return NodeCommands.tool("varyoffvg", group);
    }
}
