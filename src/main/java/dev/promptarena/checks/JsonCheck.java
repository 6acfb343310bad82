package dev.promptarena.checks;

/**
 * {@code type: json}: the whole output is one valid JSON value (RFC 8259, no trailing text).
 * With {@code allow_fence: true} a single Markdown code fence around the JSON is accepted.
 *
 * @param name       check name
 * @param allowFence accept {@code ```json ... ```} around the value
 */
public record JsonCheck(String name, boolean allowFence) implements TextCheck {
    public JsonCheck {
        Check.requireName(name);
    }

    @Override
    public String type() { return "json"; }

    @Override
    public CheckResult evaluate(String output) {
        JsonText.Parsed parsed = new JsonText(allowFence).parse(output);
        return parsed.ok() ? CheckResult.pass(name, "valid JSON " + parsed.value().getNodeType().name().toLowerCase(java.util.Locale.ROOT))
                : CheckResult.fail(name, parsed.error());
    }
}
