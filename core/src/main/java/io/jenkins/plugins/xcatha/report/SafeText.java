package io.jenkins.plugins.xcatha.report;

import java.util.function.IntPredicate;

/**
 * Makes command output safe to put where it would otherwise break something. Output can hold terminal
 * escapes, NULs or broken UTF-16: no XML parser accepts those, and on a terminal they recolour or clear
 * the screen. Each such character becomes a visible {@code \x1B}-style token, so a reader still sees that
 * something was there.
 */
public final class SafeText {
    private SafeText() {
    }

    /** Legal XML 1.0 character data (tab, newline and carriage return stay). */
    public static String xml(String text) {
        return replace(text, SafeText::legalInXml);
    }

    /** Text for a terminal or a .txt file: no control characters but tab and newline. */
    public static String terminal(String text) {
        return replace(text, cp -> cp == '\t' || cp == '\n' || (legalInXml(cp) && !Character.isISOControl(cp)));
    }

    private static String replace(String text, IntPredicate allowed) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            // codePointAt returns a lone surrogate as itself: never valid on its own.
            boolean ok = allowed.test(cp) && !(width == 1 && Character.isSurrogate((char) cp));
            if (!ok && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (ok) {
                    out.appendCodePoint(cp);
                } else {
                    out.append(cp <= 0xFF ? String.format("\\x%02X", cp) : String.format("\\u%04X", cp));
                }
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }

    private static boolean legalInXml(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD
                || (cp >= 0x20 && cp <= 0xD7FF)
                || (cp >= 0xE000 && cp <= 0xFFFD)
                || (cp >= 0x10000 && cp <= 0x10FFFF);
    }
}
