package io.jenkins.plugins.xcatha.platform;

import java.util.Locale;

/** The operating system family as {@code uname -s} names it. Root's home differs: AIX keeps it at {@code /}. */
public enum OsFamily {
    LINUX("/root"),
    AIX("/");

    private final String rootHome;

    OsFamily(String rootHome) {
        this.rootHome = rootHome;
    }

    public String rootHome() {
        return rootHome;
    }

    /** {@code ~} or {@code ~/x} for root on this OS; other paths unchanged. */
    public String expandHome(String path) {
        if (path.equals("~")) {
            return rootHome;
        }
        if (path.startsWith("~/")) {
            return (rootHome.equals("/") ? "" : rootHome) + path.substring(1);
        }
        return path;
    }

    /** A file in root's home: {@code .ssh/id_rsa.pub} becomes {@code /root/.ssh/id_rsa.pub} or {@code /.ssh/id_rsa.pub}. */
    public String inRootHome(String relative) {
        return expandHome("~/" + relative);
    }

    public static OsFamily fromUname(String unameS) {
        String s = unameS == null ? "" : unameS.strip().toUpperCase(Locale.ROOT);
        if (s.equals("AIX")) {
            return AIX;
        }
        if (s.equals("LINUX")) {
            return LINUX;
        }
        throw new IllegalArgumentException("unsupported operating system '" + unameS
                + "' (uname -s): xCAT management nodes run Linux or AIX");
    }
}
