package dev.promptarena.llm.http;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Why an exchange failed below HTTP, in plain words for the journal and the reports ("could not connect", "unknown host
 * api.example.com"), not the Java class name the client's exception carries ("ConnectException"), which says nothing
 * about what to fix.
 */
final class ConnectionReason {
    private ConnectionReason() {}

    static String of(Throwable t) {
        String message = t.getMessage() == null || t.getMessage().isBlank() ? null : t.getMessage().strip();
        if (t instanceof ConnectException) return "could not connect (refused or unreachable)" + (message == null ? "" : ": " + message);
        if (t instanceof UnknownHostException) return "unknown host" + (message == null ? "" : " " + message);
        if (t instanceof SSLHandshakeException) return "TLS handshake failed" + (message == null ? "" : ": " + message);
        if (t instanceof SSLException) return "TLS error" + (message == null ? "" : ": " + message);
        if (t instanceof EOFException) return "the server closed the connection" + (message == null ? "" : ": " + message);
        if (message != null) return message;
        return t instanceof IOException ? "input/output error" : "unexpected error";
    }
}
