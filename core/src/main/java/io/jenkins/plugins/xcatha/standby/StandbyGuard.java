package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import java.util.HashSet;
import java.util.Set;

/**
 * The last line of defence before a step stops anything: the node it acts on must be the standby that
 * preflight cleared, never the primary and never a node carrying the management address.
 */
final class StandbyGuard {
    private StandbyGuard() {
    }

    static Node standbyOnly(StepContext context) {
        Node standby = context.standby();
        NodeIdentity s = NodeCommands.identity(context, standby);
        NodeIdentity p = NodeCommands.identity(context, context.primary());
        Set<String> shared = new HashSet<>(s.addresses());
        shared.retainAll(p.addresses());
        boolean samePrimary = s.hostname().equalsIgnoreCase(p.hostname()) || !shared.isEmpty()
                || s.sameHostKeys(p);
        String vip = context.facts().get(StandbyFacts.MANAGEMENT_ADDRESS).orElse(null);
        if (samePrimary || vip == null || s.addresses().contains(vip)) {
            throw new IllegalStateException("refused to stop services on " + standby.label()
                    + ": it is not a standby cleared by preflight");
        }
        return standby;
    }
}
