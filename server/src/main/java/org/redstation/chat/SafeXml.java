package org.redstation.chat;

import java.util.regex.Pattern;

/**
 * WeChat never sends a DTD; a body with one (external entities, entity expansion) is refused before any
 * parser sees it. This guards both the outer XML and, in safe mode, WxJava's parsing of the decrypted XML.
 */
final class SafeXml {
    private static final Pattern DTD = Pattern.compile("<!\\s*(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);

    private SafeXml() {
    }

    static boolean hasDoctype(String xml) {
        return xml != null && DTD.matcher(xml).find();
    }
}
