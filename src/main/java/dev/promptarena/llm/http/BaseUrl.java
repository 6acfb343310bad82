package dev.promptarena.llm.http;

/** A provider's base URL as the clients join paths to it. */
public final class BaseUrl {
    private BaseUrl() {}

    /** {@code url} without one trailing slash: paths are appended with their own ({@code base + "/v1/..."}). */
    public static String trimSlash(String url) { return url.endsWith("/") ? url.substring(0, url.length() - 1) : url; }

    /**
     * {@code url} as shown and recorded (validate's table, manifests): credentials in its user-info part (a proxy's
     * {@code user:password@}, or a key put there through {@code ${VAR}}) become {@code ***}, so no secret reaches a
     * terminal or a run folder; null stays null.
     */
    public static String withoutCredentials(String url) {
        return url == null ? null : url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#@]*@", "$1***@");
    }
}
