package io.jenkins.plugins.xcatha.plugin;

import io.jenkins.plugins.xcatha.jenkins.Invocation;

/**
 * What xcatFailover and its build step hold besides the common settings: the pair, the virtual IP and where it
 * goes, the kind of failover, and the shared directories and HPC daemons.
 */
interface FailoverSettings extends XcatSettings {
    String getPrimary();

    String getStandby();

    /** ADDRESS/PREFIX, the address site.master names. */
    String getVirtualIp();

    /** The standby's network interface; the Pipeline parameter is {@code interface}, a Java keyword. */
    String getInterface();

    boolean isPlanned();

    boolean isPrimaryDown();

    /** AIX: the volume group of the shared file systems; blank: none. */
    String getSharedVolumeGroup();

    String getSharedDirs();

    String getHpcDaemons();

    /** The failover request with every field, unchecked: building it checks them. */
    default Invocation.Builder failoverRequest() {
        return invocation(Invocation.Procedure.FAILOVER)
                .primary(getPrimary())
                .standby(getStandby())
                .virtualIp(getVirtualIp())
                .interfaceName(getInterface())
                .planned(isPlanned())
                .primaryDown(isPrimaryDown())
                .sharedVolumeGroup(getSharedVolumeGroup())
                .sharedDirs(getSharedDirs())
                .hpcDaemons(getHpcDaemons());
    }
}
