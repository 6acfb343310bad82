package dev.promptarena.canary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Both bucketing schemes against vectors from Python's hashlib (src/test/resources/reference/canary.py). */
class AssignerTest {
    private static final String EXP = "model-upgrade-2026-04";

    @Test
    void backgroundDocumentExamplesAreControlAtTenPercent() {
        // background 001: "turn=1..3 conversation=return-ticket-48291 variant=control", "new conversation variant=control"
        Assigner conv = new Assigner(BucketingScheme.CONVERSATION, "", 0.10, "control", "treatment");
        for (int turn = 1; turn <= 3; turn++) assertEquals("control", conv.assign("return-ticket-48291").variant());
        assertEquals("control", conv.assign("delivery-ticket-48292").variant());
    }

    // canary.py "vector" lines: id, user bucket (salt model-upgrade-2026-04), user variant at 0.10, conversation bucket,
    // conversation variant at 0.10 and 0.50. Exact integers: no tolerance.
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "return-ticket-48291|372|challenger|1617624561|control|treatment",
            "delivery-ticket-48292|328|challenger|2975489564|control|control",
            "user-1|8980|control|3334638052|control|control",
            "user-2|747|challenger|3643501007|control|control",
            "user-42|6566|control|1837714083|control|treatment",
            "u-été|294|challenger|2346240661|control|control",
            "a:b|2027|control|1736680222|control|treatment",
            "1|2798|control|1803989619|control|treatment",
            "10|5363|control|1246026773|control|treatment",
            "100|8172|control|2908173928|control|control",
            "customer-000017|6698|control|3188415167|control|control",
            "customer-000018|2487|control|1181135798|control|treatment",
            "conv-7f3a|1262|control|2537612652|control|control"})
    void matchesHashlibVectors(String id, long userBucket, String user10, long convBucket, String conv10, String conv50) {
        Assigner user = new Assigner(BucketingScheme.USER, EXP, 0.10, "control", "challenger");
        assertEquals(userBucket, user.assign(id).bucket());
        assertEquals(user10, user.assign(id).variant());
        Assigner c10 = new Assigner(BucketingScheme.CONVERSATION, "", 0.10, "control", "treatment");
        Assigner c50 = new Assigner(BucketingScheme.CONVERSATION, "", 0.50, "control", "treatment");
        assertEquals(convBucket, c10.assign(id).bucket());
        assertEquals(conv10, c10.assign(id).variant());
        assertEquals(conv50, c50.assign(id).variant());
    }

    @Test
    void longIdAndSharesMatchPython() {
        assertEquals(3269, BucketingScheme.USER.bucket(EXP, "x".repeat(200)));
        assertEquals(2854273598L, BucketingScheme.CONVERSATION.bucket("", "x".repeat(200)));
        // canary.py "share 503 2050": treated among customer-0..9999
        int user = 0, conv = 0;
        for (int k = 0; k < 10_000; k++) {
            if (BucketingScheme.USER.treated("e1", "customer-" + k, 0.05)) user++;
            if (BucketingScheme.CONVERSATION.treated("", "customer-" + k, 0.20)) conv++;
        }
        assertEquals(503, user);
        assertEquals(2050, conv);
    }

    @Test
    void saltChangesConversationBucketsAndBadArgumentsAreRefused() {
        assertEquals(BucketingScheme.CONVERSATION.bucket("", "s:id"), BucketingScheme.CONVERSATION.bucket("s", "id"));
        assertThrows(IllegalArgumentException.class, () -> new Assigner(BucketingScheme.USER, "e", 1.5, "a", "b"));
        assertThrows(IllegalArgumentException.class, () -> new Assigner(BucketingScheme.USER, "e", 0.5, "a", "a"));
    }
}
