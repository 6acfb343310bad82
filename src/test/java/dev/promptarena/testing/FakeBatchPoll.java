package dev.promptarena.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a poll of one fake batch answers, in the shape of the API that made it: Anthropic's processing status with
 * its request counts and results URL, or OpenAI's status with its counts and output and error files. Kept apart from
 * {@link FakeBatchServer}, which routes requests and scripts failures, because this is the part that must match each
 * provider's documented poll response.
 */
final class FakeBatchPoll {
    private FakeBatchPoll() {}

    /** A batch as the fake holds it; {@code polls} counts the polls and listings that observed it. */
    record Batch(String id, boolean anthropic, List<JsonNode> items, boolean expire, java.util.concurrent.atomic.AtomicInteger polls,
                 JsonNode metadata, long createdAt) {}

    /**
     * @param done       whether the batch has ended at this poll
     * @param failItem   items whose request body fails inside the batch
     * @param answer     the success body a synchronous call with a request body gets (OpenAI)
     * @param store      stores a result file's lines and returns its id (null for no lines)
     * @param resultsUrl where an ended Anthropic batch's results are
     */
    static String answer(ObjectMapper json, Batch b, boolean done, Predicate<JsonNode> failItem, Function<JsonNode, ObjectNode> answer,
                         Function<StringBuilder, String> store, String resultsUrl) {
        ObjectNode out = json.createObjectNode().put("id", b.id());
        int n = b.items().size();
        long failed = done ? (b.expire() ? n : b.items().stream().filter(i -> failItem.test(body(i, b.anthropic()))).count()) : 0;
        if (b.anthropic()) {
            out.put("processing_status", done ? "ended" : "in_progress");
            out.putObject("request_counts").put("processing", done ? 0 : n).put("succeeded", done ? n - failed : 0)
                    .put("errored", b.expire() ? 0 : failed).put("expired", b.expire() ? failed : 0).put("canceled", 0);
            if (done) out.put("results_url", resultsUrl);
            return out.toString();
        }
        out.put("status", !done ? "in_progress" : b.expire() ? "expired" : "completed");
        out.putObject("request_counts").put("total", n).put("completed", done ? n - failed : 0).put("failed", failed);
        if (done) {
            StringBuilder ok = new StringBuilder();
            StringBuilder err = new StringBuilder();
            for (JsonNode i : b.items()) {
                ObjectNode line = json.createObjectNode().put("id", "req").put("custom_id", i.path("custom_id").asText());
                if (b.expire()) {
                    line.putNull("response");
                    line.putObject("error").put("code", "batch_expired").put("message", "This request could not be executed before the completion window expired.");
                    err.append(line).append('\n');
                } else if (failItem.test(i.path("body"))) {
                    line.putObject("response").put("status_code", 500).putObject("body").putObject("error").put("message", "internal");
                    err.append(line).append('\n');
                } else {
                    line.putObject("response").put("status_code", 200).set("body", answer.apply(i.path("body")));
                    ok.append(line).append('\n');
                }
            }
            out.put("output_file_id", store.apply(ok)).put("error_file_id", store.apply(err));
        }
        return out.toString();
    }

    /** An item's request body (Anthropic: params; OpenAI: body). */
    static JsonNode body(JsonNode item, boolean anthropic) { return item.path(anthropic ? "params" : "body"); }
}
