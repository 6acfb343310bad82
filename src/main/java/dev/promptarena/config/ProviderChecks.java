package dev.promptarena.config;

import dev.promptarena.input.InputException;
import dev.promptarena.input.YamlNode;
import dev.promptarena.llm.ProviderConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Provider mistakes that used to pass {@code validate} and then fail the run with a stray run folder:
 * an {@code api_key_env} variable that is not set, and a {@code base_url} that is not a URL. Both are
 * found before anything is created and named by file, line and key.
 */
public final class ProviderChecks {
    private ProviderChecks() {}

    /** Throws when {@code url} is not an absolute http(s) URL with a host. */
    static void requireUrl(YamlNode node, String url) {
        String why;
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            why = !scheme.equals("http") && !scheme.equals("https") ? "it must start with http:// or https://"
                    : uri.getHost() == null ? "it has no host name" : null;
        } catch (URISyntaxException e) {
            why = e.getReason().toLowerCase(java.util.Locale.ROOT) + " at character " + (e.getIndex() + 1);
        }
        if (why != null) throw node.error("'" + url + "' is not a valid URL: " + why);
    }

    /**
     * The providers among {@code used} whose API-key variable is not set in {@code env}, each as an error
     * naming the config line of its {@code api_key_env} (or of the provider, when a preset supplies the name).
     */
    public static List<InputException> missingKeys(ArenaConfig config, Collection<String> used, Map<String, String> env) {
        List<InputException> out = new ArrayList<>();
        YamlNode providers = null;
        for (String key : used) {
            ProviderConfig p = config.provider(key);
            if (p == null || p.apiKeyEnv() == null || p.apiKeyEnv().isBlank()) continue;
            String value = env.get(p.apiKeyEnv());
            if (value != null && !value.isBlank()) continue;
            if (providers == null) providers = YamlNode.load(config.file(), env).require("providers");
            YamlNode node = providers.require(key);
            YamlNode at = node.get("api_key_env") != null ? node.get("api_key_env") : node;
            out.add(at.error("environment variable " + p.apiKeyEnv() + " is not set (provider '" + key
                    + "' is used by this run); export it, or name the right variable"));
        }
        return out;
    }
}
