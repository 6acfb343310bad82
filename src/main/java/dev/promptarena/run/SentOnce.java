package dev.promptarena.run;

import dev.promptarena.config.ArenaConfig;
import dev.promptarena.engine.Calls;
import dev.promptarena.engine.RequestKeys;
import dev.promptarena.input.Hashing;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.WireProtocols;
import java.util.HashSet;
import java.util.Set;

/**
 * Which planned generations a run sends, for {@code --dry-run}: identical requests go out once, as the engine sends
 * them. With the cache, identical requests of any role (A and B sending one case the same request, two cases rendering
 * the same prompt) are one call, synchronously (the others wait for it and are served as cache hits) and in batch mode
 * (one item, the lowest role's). Without the cache, batch mode still folds identical requests of one role into one item,
 * and a synchronous run sends each. The simulator is never cached: each of its calls is sent. The estimate counted every
 * planned call, so an A/A arena's dry run priced B's generations the run never pays for.
 */
final class SentOnce {
    private final ArenaConfig config;
    private final boolean cache;
    private final boolean batch;
    private final RequestKeys keys = new RequestKeys();
    private final Set<String> seen = new HashSet<>(); // SHA-256 of each slot: 64 chars a request, not the whole prompt
    private long served;

    SentOnce(ArenaConfig config, RunOptions options) {
        this.config = config;
        this.cache = options.engine().cacheDir() != null;
        this.batch = options.engine().batch() != null;
    }

    /** Whether the run sends this generation; false when an identical one planned before serves it. */
    boolean sends(Calls.Role role, String provider, LlmRequest request) {
        if (!WireProtocols.isRemote(config.provider(provider).type())) return true;
        String slot;
        if (cache) slot = provider; // the cache key holds no role: any role is served the answer
        else if (batch) slot = role + "\n" + provider; // a batch item's id holds the role
        else return true;
        if (seen.add(Hashing.sha256(slot + "\n" + keys.normalized(request)))) return true;
        served++;
        return false;
    }

    /** Planned generations served by an identical one instead of sent. */
    long served() { return served; }
}
