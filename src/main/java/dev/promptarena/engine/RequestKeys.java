package dev.promptarena.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** The normalized request as JSON (what the journal records and the key hashes). */
    public ObjectNode normalized(LlmRequest request) { return canonical.valueToTree(request); }

    /** SHA-256 hex of version, client identity and normalized request. */
    public String key(String clientIdentity, LlmRequest request) { return key(clientIdentity, normalized(request)); }

    /** The key of an already normalized request (saves normalizing twice on the hot path). */
    public String key(String clientIdentity, ObjectNode normalized) {
        try {
            return Hashing.sha256(VERSION + "\n" + clientIdentity + "\n" + canonical.writeValueAsString(normalized));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request cannot be serialized", e);
        }
    }
}
