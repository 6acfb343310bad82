package dev.promptarena.run;

import dev.promptarena.config.VariantConfig;
import dev.promptarena.dataset.GoldenCase;
import dev.promptarena.dataset.UserTemplate;
import dev.promptarena.llm.ChatMessage;
import dev.promptarena.llm.LlmRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * How a case becomes requests: each variant's generation request, and the request text the judge
 * is shown. One place, so the runner and the dry-run estimate build exactly the same requests.
 */
public final class CaseRequests {
    private final VariantConfig a;
    private final VariantConfig b;
    private final UserTemplate templateA;
    private final UserTemplate templateB;

    public CaseRequests(VariantConfig a, VariantConfig b) {
        this.a = a;
        this.b = b;
        this.templateA = new UserTemplate(a.userTemplate());
        this.templateB = new UserTemplate(b.userTemplate());
    }

    /** The generation request of variant {@code v} (A or B) for one (case, repeat). */
    public LlmRequest generation(VariantConfig v, GoldenCase c, int repeat) {
        UserTemplate template = v == a ? templateA : templateB;
        List<ChatMessage> messages = new ArrayList<>(c.messages());
        messages.add(ChatMessage.user(template.render(c)));
        return new LlmRequest(v.model(), v.system(), messages, v.decoding(), null, repeat);
    }

    /**
     * What the judge is shown as the request: the conversation so far and A's rendering of the case
     * (B's when A is recorded without a template; the case's fields when neither has one).
     */
    public String question(GoldenCase c) {
        StringBuilder sb = new StringBuilder();
        for (ChatMessage m : c.messages()) sb.append('[').append(m.role()).append("] ").append(m.content()).append("\n\n");
        if (!c.messages().isEmpty()) sb.append("[user] ");
        if (!a.userTemplate().isBlank()) return sb.append(templateA.render(c)).toString();
        if (!b.userTemplate().isBlank()) return sb.append(templateB.render(c)).toString();
        c.fields().forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        return sb.toString().stripTrailing();
    }
}
