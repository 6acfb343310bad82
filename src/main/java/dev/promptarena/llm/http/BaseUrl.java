package dev.promptarena.llm.http;

/** A provider's base URL as the clients join paths to it. */
public final class BaseUrl {
    private BaseUrl() {}

    /** {@code url} without one trailing slash: paths are appended with their own ({@code base + "/v1/..."}). */
    public static String trimSlash(String url) { return url.endsWith("/") ? url.substring(0, url.length() - 1) : url; }
}
