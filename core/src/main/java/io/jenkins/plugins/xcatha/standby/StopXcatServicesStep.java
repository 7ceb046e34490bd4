package io.jenkins.plugins.xcatha.standby;

import io.jenkins.plugins.xcatha.exec.CommandRunner;
import io.jenkins.plugins.xcatha.exec.ShellException;
import io.jenkins.plugins.xcatha.platform.OsFamily;
import io.jenkins.plugins.xcatha.platform.Platform;
import io.jenkins.plugins.xcatha.platform.ServiceState;
import io.jenkins.plugins.xcatha.procedure.AbstractStep;
import io.jenkins.plugins.xcatha.procedure.HostScope;
import io.jenkins.plugins.xcatha.procedure.Node;
import io.jenkins.plugins.xcatha.procedure.Outcome;
import io.jenkins.plugins.xcatha.procedure.StepContext;
import java.util.ArrayList;
import java.util.List;

/**
 * "Stop the xcatd daemon and DHCP service ... You also need to modify the system configuration to prevent
 * the xcatd and DHCP from being started automatically after reboots": on the standby only, per platform
 * (systemctl stop + disable; service stop + chkconfig off; stopsrc + chitab off + rc.tcpip), for xcatd and
 * whichever DHCP server the node has (dhcpd, isc-dhcp-server, Kea, AIX dhcpsd).
 */
final class StopXcatServicesStep extends AbstractStep {
    static final String ID = "stop-xcat-services";
    static final List<String> LINUX_DHCP = List.of("dhcpd", "isc-dhcp-server", "dhcp3-server", "kea-dhcp4",
            "kea-dhcp6", "kea-dhcp4-server", "kea-dhcp6-server", "isc-kea-dhcp4-server", "isc-kea-dhcp6-server");
    static final List<String> AIX_DHCP = List.of("dhcpsd");

    StopXcatServicesStep() {
        // Never without the active-MN guard, and only once xcatd was verified (or found already stopped).
        super(ID, "xcatd and DHCP stopped on the standby and kept from starting at boot",
                HostScope.STANDBY, PreflightStep.ID, DatabaseEngineStep.ID, SharedDataStep.ID, XcatdVerifyStep.ID);
    }

    @Override
    public Outcome run(StepContext context) throws ShellException, InterruptedException {
        Node standby = StandbyGuard.standbyOnly(context);
        Platform platform = NodeCommands.platform(context, standby);
        CommandRunner exec = NodeCommands.exec(context, standby);
        List<String> names = new ArrayList<>(List.of(XcatdVerifyStep.XCATD));
        names.addAll(platform.os() == OsFamily.AIX ? AIX_DHCP : LINUX_DHCP);
        List<ServiceState> targets = new ArrayList<>();
        for (ServiceState s : platform.services().states(exec, names)) {
            if (s.installed() || s.name().equals(XcatdVerifyStep.XCATD)) {
                targets.add(s);
            }
        }
        List<String> changes = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        if (targets.size() == 1) {
            unchanged.add("no DHCP server installed");
        }
        for (ServiceState s : targets) {
            if (!s.installed()) {
                unchanged.add(s.name() + " not installed");
                continue;
            }
            ServiceShutdown.Result r = ServiceShutdown.stopAndDisable(context, standby, platform.services(), s);
            if (r.failed()) {
                List<String> all = new ArrayList<>(changes);
                all.add(r.failure());
                return Outcome.failed(String.join("; ", all));
            }
            if (r.change() != null) {
                changes.add(r.change());
            } else {
                unchanged.add(r.unchanged());
            }
        }
        String where = "standby " + standby.name() + " (" + platform.services().id() + "): ";
        if (changes.isEmpty()) {
            return Outcome.ok(where + String.join("; ", unchanged));
        }
        List<String> all = new ArrayList<>(changes);
        all.addAll(unchanged);
        return Outcome.changed(where + String.join("; ", all));
    }
}
