package io.jenkins.plugins.xcatha.exec.trilead;

/** Recognizes a private key's format from its text, so an unreadable one fails before connecting. */
enum PrivateKeyFormat {
    PEM_RSA("-----BEGIN RSA PRIVATE KEY-----", "PEM RSA", true),
    PEM_DSA("-----BEGIN DSA PRIVATE KEY-----", "PEM DSA", true),
    PEM_EC("-----BEGIN EC PRIVATE KEY-----", "PEM EC", false),
    OPENSSH("-----BEGIN OPENSSH PRIVATE KEY-----", "OpenSSH", false),
    PKCS8("-----BEGIN PRIVATE KEY-----", "PKCS#8", false),
    PKCS8_ENCRYPTED("-----BEGIN ENCRYPTED PRIVATE KEY-----", "encrypted PKCS#8", false),
    PUTTY("PuTTY-User-Key-File", "PuTTY", false),
    UNKNOWN("", "unrecognized", false);

    private final String header;
    private final String label;
    private final boolean readByEveryTrilead;

    PrivateKeyFormat(String header, String label, boolean readByEveryTrilead) {
        this.header = header;
        this.label = label;
        this.readByEveryTrilead = readByEveryTrilead;
    }

    static PrivateKeyFormat of(char[] key) {
        String head = new String(key, 0, Math.min(key.length, 200)).stripLeading();
        for (PrivateKeyFormat f : values()) {
            if (f != UNKNOWN && head.startsWith(f.header)) {
                return f;
            }
        }
        return UNKNOWN;
    }

    boolean readableBy(boolean modernFork) {
        return readByEveryTrilead || modernFork && (this == PEM_EC || this == OPENSSH);
    }

    String label() {
        return label;
    }
}
