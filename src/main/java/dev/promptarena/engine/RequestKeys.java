package dev.promptarena.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.promptarena.input.Hashing;
import dev.promptarena.llm.LlmRequest;

/**
 * Content addresses of calls. The key covers everything that can change the answer — the
 * client's identity (type and endpoint URL), the model and the full normalized request with its
 * sample index — and nothing that cannot: never the API key or header values, which could
 * carry secrets and do not change what the model says.
 */
public final class RequestKeys {
    /** Bump when the normalization changes, so old cache entries are simply not found. */
    static final String VERSION = "v1";

    private final ObjectMapper canonical = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    /**
     * The normalized request as JSON text: properties sorted, map entries by key. The key hashes this text and the
     * journal line embeds it as it is, so a call's request is written once (issue 21 item 4: building a tree and
     * writing it twice took ~9 % of the calls phase's CPU at C=256). Byte for byte what the tree of earlier versions
     * wrote ({@code CanonicalRequestTest}): cache keys and journal lines do not change.
     */
    public String normalized(LlmRequest request) {
        try {
            return canonical.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request cannot be serialized", e);
        }
    }

    /** SHA-256 hex of version, client identity and normalized request. */
    public String key(String clientIdentity, LlmRequest request) { return key(clientIdentity, normalized(request)); }

    /** The key of an already normalized request (saves normalizing twice on the hot path). */
    public String key(String clientIdentity, String normalized) {
        return Hashing.sha256(VERSION + "\n" + clientIdentity + "\n" + normalized);
    }
}
