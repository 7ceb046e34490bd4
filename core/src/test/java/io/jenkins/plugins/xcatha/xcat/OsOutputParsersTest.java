package io.jenkins.plugins.xcatha.xcat;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import java.util.Optional;
import org.junit.Test;

public class OsOutputParsersTest {

    @Test
    public void lssrcActiveInoperativeAndNotOnFile() {
        String header = "Subsystem         Group            PID          Status\n";
        assertThat(LssrcOutput.parse("xcatd", header + " xcatd                             4587         active\n")
                .active(), is(true));
        LssrcOutput dhcp = LssrcOutput.parse("dhcpsd", header + " dhcpsd           tcpip                         inoperative\n");
        assertThat(dhcp.defined(), is(true));
        assertThat(dhcp.active(), is(false));
        assertThat(LssrcOutput.parse("teal", "0513-085 The teal Subsystem is not on file.\n").defined(), is(false));
    }

    @Test
    public void mountTableReadsLinuxAixAndProcMounts() {
        MountTable linux = MountTable.parse("/dev/sda1 on / type xfs (rw,relatime)\n"
                + "/dev/sdb1 on /install type ext4 (rw,relatime)\n");
        assertThat(linux.mountedOn("/install").map(MountTable.Mount::device), is(Optional.of("/dev/sdb1")));
        assertThat(linux.mountedOn("/etc/xcat"), is(Optional.empty()));

        MountTable aix = MountTable.parse("  node       mounted        mounted over    vfs       date        options\n"
                + "-------- ---------------  ---------------  ------ ------------ ---------------\n"
                + "         /dev/hd4         /                jfs2   Nov 25 10:00 rw,log=/dev/hd8\n"
                + "         /dev/sharedlv    /etc/xcat        jfs2   Nov 25 10:01 rw,log=INLINE\n"
                + "nfssrv   /export/install  /install         nfs3   Nov 25 10:02 rw\n");
        assertThat(aix.mountedOn("/etc/xcat").isPresent(), is(true));
        assertThat(aix.mountedOn("/install").map(MountTable.Mount::device),
                is(Optional.of("nfssrv:/export/install")));
        assertThat(aix.mountedOn("/tftpboot").isPresent(), is(false));

        MountTable proc = MountTable.parse("/dev/sdc1 /shared\\040data ext4 rw 0 0\n");
        assertThat(proc.mountedOn("/shared data").isPresent(), is(true));
    }

    @Test
    public void interfaceAddressesFromIpAndIfconfigLeaveLoopbackAside() {
        InterfaceAddresses ip = InterfaceAddresses.parse(
                "1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever\n"
                        + "2: eth0    inet 10.1.0.1/24 brd 10.1.0.255 scope global eth0\\       valid_lft forever\n"
                        + "2: eth0    inet 10.1.0.100/24 scope global secondary eth0:0\\       valid_lft forever\n"
                        + "2: eth0    inet6 fe80::1/64 scope link \\       valid_lft forever\n");
        assertThat(ip.external(), contains("10.1.0.1", "10.1.0.100", "fe80::1"));
        assertThat(ip.interfaceOf("10.1.0.100"), is("eth0"));
        assertThat(ip.interfaceOf("127.0.0.1"), is((String) null));

        InterfaceAddresses aix = InterfaceAddresses.parse(
                "en0: flags=1e080863,480<UP,BROADCAST,NOTRAILERS,RUNNING>\n"
                        + "        inet 10.1.0.100 netmask 0xffffff00 broadcast 10.1.0.255\n"
                        + "        inet 10.1.0.2 netmask 0xffffff00 broadcast 10.1.0.255\n"
                        + "lo0: flags=e08084b,c0<UP,BROADCAST,LOOPBACK,RUNNING>\n"
                        + "        inet 127.0.0.1 netmask 0xff000000 broadcast 127.255.255.255\n");
        assertThat(aix.external(), contains("10.1.0.100", "10.1.0.2"));
    }

    @Test
    public void interfaceAddressesFromMultiLineIpAddr() {
        InterfaceAddresses ip = InterfaceAddresses.parse(
                "1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n"
                        + "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n"
                        + "    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n"
                        + "2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP\n"
                        + "    link/ether 52:54:00:3a:7e:11 brd ff:ff:ff:ff:ff:ff\n"
                        + "    inet 127.0.4.2/8 brd 127.255.255.255 scope global eth0\n"
                        + "    inet 127.0.4.100/8 brd 127.255.255.255 scope global secondary eth0:0\n");
        assertThat(ip.external(), contains("127.0.4.2", "127.0.4.100"));
    }

    @Test
    public void hostLookupFromGetentAndHost() {
        assertThat(HostLookup.parse("10.1.0.2        mn2.cluster mn2\n"), contains("10.1.0.2"));
        assertThat(HostLookup.parse("mn2.cluster has address 10.1.0.2\n"), contains("10.1.0.2"));
        assertThat(HostLookup.parse("mn2 is 10.1.0.2\n"), contains("10.1.0.2"));
        assertThat(HostLookup.parse("Host mn9 not found: 3(NXDOMAIN)\n").isEmpty(), is(true));
    }

    @Test
    public void publicKeysCompareByTypeAndBodyWhateverTheOptionsAndComment() {
        PublicKeyLine plain = PublicKeyLine.find("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 root@mn1").orElseThrow();
        PublicKeyLine withOptions = PublicKeyLine.find(
                "from=\"10.1.0.0/24,mn1\",no-pty ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 other comment").orElseThrow();
        assertThat(withOptions, is(plain));
        assertThat(PublicKeyLine.find("# ssh-rsa AAAA commented"), is(Optional.empty()));
        assertThat(PublicKeyLine.find("|1|abc=|def= ecdsa-sha2-nistp256 AAAAE2VjZHNh").map(PublicKeyLine::type),
                is(Optional.of("ecdsa-sha2-nistp256")));
    }

    @Test
    public void hostKeyFingerprint() {
        assertThat(HostKeyFingerprint.parse("3072 SHA256:n3Zq2d+7Xy/AbC root@mn1 (RSA)\n"),
                is(Optional.of("SHA256:n3Zq2d+7Xy/AbC")));
        assertThat(HostKeyFingerprint.parse("garbage"), is(Optional.empty()));
    }
}
