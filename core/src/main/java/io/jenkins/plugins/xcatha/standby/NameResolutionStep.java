package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.procedure.AbstractStep;
import io.jenkins.plugins.xcatha.procedure.HostScope;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * "Make sure the primary management node can resolve the hostname of the standby management node, and
 * vice versa": each node looks up the other's host name, and the answer must be an address the other node
 * really has on an interface.
 */
final class NameResolutionStep extends AbstractStep {
    static final String ID = "name-resolution";

    NameResolutionStep() {
        super(ID, "Each node resolves the other's host name to its real address", HostScope.BOTH, PreflightStep.ID);
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        List<String> problems = new ArrayList<>();
        List<String> fine = new ArrayList<>();
        for (Node from : List.of(context.primary(), context.standby())) {
            Node to = NodeCommands.other(context, from);
            NodeIdentity target = NodeCommands.identity(context, to);
            String name = target.hostname();
            Set<String> resolved = NodeCommands.resolve(context, from, NodeCommands.platform(context, from).os(), name);
            if (resolved.isEmpty()) {
                problems.add(from.label() + " cannot resolve " + name + " (the host name of " + to.label()
                        + "): add it to /etc/hosts or DNS");
                continue;
            }
            Set<String> real = new HashSet<>(resolved);
            real.retainAll(target.addresses());
            if (real.isEmpty()) {
                problems.add(from.label() + " resolves " + name + " to " + String.join(", ", resolved) + ", but "
                        + to.label() + " has " + String.join(", ", target.addresses()) + ": fix /etc/hosts or DNS");
            } else {
                fine.add(from.label() + " resolves " + name + " to " + String.join(", ", real));
            }
        }
        return problems.isEmpty() ? Outcome.ok(String.join("; ", fine)) : Outcome.failed(String.join("; ", problems));
    }
}
