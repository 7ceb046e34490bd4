package io.jenkins.plugins.xcatha.config;

/** Bad input, found before anything touches a host. The message names the field and the value. */
public class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
