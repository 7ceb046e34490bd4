package io.jenkins.plugins.xcatha.testkit;

/** How a simulated node starts services at boot, and so which tools stop and disable them. */
public enum InitSystem {
    /** systemctl start/stop/enable/disable; {@code service} and {@code chkconfig} forward to it where the distribution does. */
    SYSTEMD,
    /** {@code service NAME stop}, {@code chkconfig --level 345 NAME off}; no systemctl at all. */
    SYSV,
    /** AIX System Resource Controller: stopsrc/startsrc/lssrc, boot start from /etc/inittab and /etc/rc.tcpip. */
    SRC
}
