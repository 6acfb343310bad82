package dev.promptarena.testing;

import dev.promptarena.testing.FakeOpenAiServer.Reply;
import java.util.List;

/**
 * Replies for the fake server that depend only on the request, for the ArenaFixture rubric: a variant
 * answers a hash of its prompt, the judge ({@code judge-model}) a verdict and scores drawn from a hash of
 * the request. Runs that are killed, resumed or repeated must end with the same numbers.
 */
public final class DeterministicReplies {
    private DeterministicReplies() {}

    public static Reply reply(FakeOpenAiServer.Recorded r) {
        String model = r.json().path("model").asText();
        if (!model.equals("judge-model")) return Reply.ok(model + " says: " + Math.abs(r.lastUserText().hashCode() % 97));
        int h = Math.abs(r.body().hashCode());
        String winner = List.of("A", "B", "B", "tie").get(h % 4);
        return Reply.ok("{\"winner\": \"" + winner + "\", \"scores\": {\"A\": {\"Clarity\": " + (1 + h % 5) + ", \"Policy citation\": 3},"
                + " \"B\": {\"Clarity\": " + (1 + (h / 5) % 5) + ", \"Policy citation\": 4}}, \"reason\": \"r\"}");
    }
}
