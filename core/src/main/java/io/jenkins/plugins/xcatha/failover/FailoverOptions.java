package io.jenkins.plugins.xcatha.failover;

import io.jenkins.plugins.xcatha.config.InvalidInputException;
import io.jenkins.plugins.xcatha.config.Vocabulary;
import io.jenkins.plugins.xcatha.platform.InitSystem;
import io.jenkins.plugins.xcatha.standby.StandbyPrepareOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What failover is asked to do, in the one vocabulary of the Pipeline step and the CLI: the management virtual IP
 * and the interface it goes on, the kind of failover ({@code planned}: deactivate the reachable old primary first;
 * {@code primaryDown}: the operator states the unreachable old primary is powered off or disconnected), the shared
 * directories and HPC daemons as standby-prepare has them. Build with {@link #builder()}; {@link #validate()} runs
 * before any host is touched (the factory does it).
 */
public final class FailoverOptions {
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
            + "(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    /** Linux interface names (at most 15 characters) and AIX ones (en0); no alias suffix. */
    private static final Pattern INTERFACE = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,14}");
    /** AIX volume group names: at most 15 characters. */
    private static final Pattern VOLUME_GROUP = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,14}");

    private final String virtualIp;
    private final String interfaceName;
    private final boolean planned;
    private final boolean primaryDown;
    private final String sharedVolumeGroup;
    private final List<String> sharedDirs;
    private final List<String> hpcDaemons;
    private final boolean checkMode;
    private final String initSystem;
    private final Vocabulary vocabulary;

    private FailoverOptions(Builder b) {
        this.virtualIp = b.virtualIp;
        this.interfaceName = b.interfaceName;
        this.planned = b.planned;
        this.primaryDown = b.primaryDown;
        this.sharedVolumeGroup = b.sharedVolumeGroup == null || b.sharedVolumeGroup.isBlank() ? null
                : b.sharedVolumeGroup.strip();
        this.sharedDirs = b.sharedDirs == null ? null : List.copyOf(b.sharedDirs);
        this.hpcDaemons = b.hpcDaemons == null ? null : List.copyOf(b.hpcDaemons);
        this.checkMode = b.checkMode;
        this.initSystem = b.initSystem;
        this.vocabulary = Objects.requireNonNull(b.vocabulary, "vocabulary");
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks every field; the first bad one is reported with its name and value.
     *
     * @throws InvalidInputException naming the field and the value
     */
    public FailoverOptions validate() {
        checkVirtualIp(virtualIp);
        checkInterface(interfaceName);
        checkKind(planned, primaryDown);
        checkVolumeGroup(sharedVolumeGroup);
        standbyOptions();
        return this;
    }

    /**
     * The management virtual IP as ADDRESS/PREFIX, alone (the form checks it field by field).
     *
     * @throws InvalidInputException naming {@code virtualIp} and the value
     */
    public static void checkVirtualIp(String virtualIp) {
        if (virtualIp == null || virtualIp.isBlank()) {
            throw new InvalidInputException("virtualIp", "is required: the management virtual IP as ADDRESS/PREFIX,"
                    + " e.g. 10.0.0.1/24 (the address site.master names)");
        }
        int slash = virtualIp.indexOf('/');
        if (slash < 0) {
            throw new InvalidInputException("virtualIp", "'" + virtualIp + "' has no prefix length: give"
                    + " ADDRESS/PREFIX, e.g. " + virtualIp + "/24");
        }
        if (!IPV4.matcher(virtualIp.substring(0, slash)).matches()) {
            throw new InvalidInputException("virtualIp", "'" + virtualIp + "' is not an IPv4 address with a prefix");
        }
        String prefix = virtualIp.substring(slash + 1);
        if (!prefix.matches("[0-9]{1,2}") || Integer.parseInt(prefix) < 1 || Integer.parseInt(prefix) > 32) {
            throw new InvalidInputException("virtualIp", "'" + virtualIp + "': the prefix length must be 1 to 32");
        }
    }

    /**
     * The standby's interface that gets the virtual IP, alone.
     *
     * @throws InvalidInputException naming {@code interface} and the value
     */
    public static void checkInterface(String interfaceName) {
        if (interfaceName == null || interfaceName.isBlank()) {
            throw new InvalidInputException("interface", "is required: the network interface of the standby that"
                    + " gets the virtual IP, e.g. eth0 (AIX: en0)");
        }
        if (!INTERFACE.matcher(interfaceName).matches()) {
            throw new InvalidInputException("interface", "'" + interfaceName.replace("\n", "\\n") + "' is not an"
                    + " interface name (eth0, ens3, bond0, en0; no alias suffix such as :0)");
        }
    }

    /**
     * The kind of failover: planned (the old primary answers) and primaryDown (it is off) exclude each other.
     *
     * @throws InvalidInputException naming {@code primaryDown}
     */
    public static void checkKind(boolean planned, boolean primaryDown) {
        if (planned && primaryDown) {
            throw new InvalidInputException("primaryDown", "cannot go with planned: a planned failover deactivates the"
                    + " old primary, which must answer; primaryDown states that it is powered off. Give one of them");
        }
    }

    /**
     * The AIX volume group of the shared file systems, when given: a name {@code varyonvg} takes.
     *
     * @throws InvalidInputException naming {@code sharedVolumeGroup} and the value
     */
    public static void checkVolumeGroup(String name) {
        if (name != null && !name.isBlank() && !VOLUME_GROUP.matcher(name.strip()).matches()) {
            throw new InvalidInputException("sharedVolumeGroup", "'" + name.strip().replace("\n", "\\n") + "' is not"
                    + " an AIX volume group name (letters, digits, _ . -; at most 15 characters, e.g. xcatvg)");
        }
    }

    /** The shared directories and HPC daemons checked and expanded exactly as standby-prepare does it. */
    StandbyPrepareOptions standbyOptions() {
        return StandbyPrepareOptions.builder()
                .sharedDirs(sharedDirs)
                .hpcDaemons(hpcDaemons)
                .initSystem(initSystem)
                .vocabulary(vocabulary)
                .build()
                .validate();
    }

    /** The VIP as given: ADDRESS/PREFIX. */
    public String virtualIp() {
        return virtualIp;
    }

    /** The VIP's address, without the prefix. */
    public String virtualAddress() {
        return virtualIp.substring(0, virtualIp.indexOf('/'));
    }

    public int prefixLength() {
        return Integer.parseInt(virtualIp.substring(virtualIp.indexOf('/') + 1));
    }

    /** The dotted netmask of the prefix (AIX ifconfig). */
    public String netmask() {
        long mask = prefixLength() == 0 ? 0 : (0xffffffffL << (32 - prefixLength())) & 0xffffffffL;
        return (mask >> 24 & 255) + "." + (mask >> 16 & 255) + "." + (mask >> 8 & 255) + "." + (mask & 255);
    }

    public String interfaceName() {
        return interfaceName;
    }

    public boolean planned() {
        return planned;
    }

    public boolean primaryDown() {
        return primaryDown;
    }

    /** AIX: the volume group that holds the shared file systems, varied off and on with them; empty: none. */
    public Optional<String> sharedVolumeGroup() {
        return Optional.ofNullable(sharedVolumeGroup);
    }

    /** The HPC daemons to start on the new primary: only those given (none when not given). */
    public List<String> hpcDaemonsToStart() {
        return hpcDaemons == null ? List.of() : standbyOptions().hpcDaemons();
    }

    public boolean hpcDaemonsGiven() {
        return hpcDaemons != null;
    }

    public boolean checkMode() {
        return checkMode;
    }

    public Optional<InitSystem> initSystem() {
        return Optional.ofNullable(initSystem).map(InitSystem::parse);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public String toString() {
        return "FailoverOptions{virtualIp=" + virtualIp + ", interface=" + interfaceName + ", planned=" + planned
                + ", primaryDown=" + primaryDown + ", sharedVolumeGroup=" + sharedVolumeGroup + ", sharedDirs=" + sharedDirs + ", hpcDaemons=" + hpcDaemons
                + ", checkMode=" + checkMode + "}";
    }

    /** Builds options; every setter takes the Pipeline parameter's name. */
    public static final class Builder {
        private String virtualIp;
        private String interfaceName;
        private boolean planned;
        private boolean primaryDown;
        private String sharedVolumeGroup;
        private List<String> sharedDirs;
        private List<String> hpcDaemons;
        private boolean checkMode;
        private String initSystem;
        private Vocabulary vocabulary = Vocabulary.PIPELINE;

        private Builder() {
        }

        public Builder virtualIp(String value) {
            this.virtualIp = value == null ? null : value.strip();
            return this;
        }

        public Builder interfaceName(String value) {
            this.interfaceName = value == null ? null : value.strip();
            return this;
        }

        public Builder planned(boolean value) {
            this.planned = value;
            return this;
        }

        public Builder primaryDown(boolean value) {
            this.primaryDown = value;
            return this;
        }

        /** AIX: the volume group of the shared file systems (the sample scripts' SHAREDVG); null: none. */
        public Builder sharedVolumeGroup(String value) {
            this.sharedVolumeGroup = value;
            return this;
        }

        /** Null: the defaults of standby-prepare (/etc/xcat, /install, ~/.xcat, /tftpboot and the DB directory). */
        public Builder sharedDirs(Collection<String> dirs) {
            this.sharedDirs = dirs == null ? null : new ArrayList<>(dirs);
            return this;
        }

        /** Stopped on a planned failover's old primary: null means all four; started on the new primary: only these. */
        public Builder hpcDaemons(Collection<String> daemons) {
            this.hpcDaemons = daemons == null ? null : new ArrayList<>(daemons);
            return this;
        }

        public Builder checkMode(boolean value) {
            this.checkMode = value;
            return this;
        }

        public Builder initSystem(String value) {
            this.initSystem = value == null || value.isBlank() ? null : value.strip();
            return this;
        }

        public Builder vocabulary(Vocabulary value) {
            this.vocabulary = value;
            return this;
        }

        public FailoverOptions build() {
            return new FailoverOptions(this);
        }
    }
}
