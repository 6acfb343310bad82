package dev.promptarena.canary;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The two stable bucketing schemes of the background documents, reproduced bit for bit so that a
 * Python router and this tool put every id in the same variant.
 */
public enum BucketingScheme {
    /**
     * Per user, salted by the experiment: {@code int(sha256(f"{experiment_id}:{user_id}").hexdigest(), 16) % 10_000},
     * treatment when the bucket is below {@code int(fraction * 10_000)}. The salt decorrelates experiments:
     * the same user lands in unrelated buckets in two experiments.
     */
    USER {
        @Override
        public double unit(String salt, String id) {
            return bucket(salt, id) / 10_000.0;
        }

        @Override
        public long bucket(String salt, String id) {
            byte[] d = sha256(salt + ":" + id);
            return new BigInteger(1, d).mod(BigInteger.valueOf(10_000)).longValue();
        }

        @Override
        public boolean treated(String salt, String id, double fraction) {
            // Python's int(fraction * 10_000) truncates toward zero; (long) does the same for non-negative values.
            return bucket(salt, id) < (long) (fraction * 10_000);
        }
    },
    /**
     * Per conversation: the first 4 bytes of {@code sha256(conversation_id)}, big-endian, divided by 2^32,
     * treatment when below the fraction. Unsalted in the document; a non-empty salt is prefixed as
     * {@code salt:id} (the document's numbers hold with the empty salt).
     */
    CONVERSATION {
        @Override
        public double unit(String salt, String id) {
            return bucket(salt, id) / 4294967296.0;
        }

        @Override
        public long bucket(String salt, String id) {
            byte[] d = sha256(salt.isEmpty() ? id : salt + ":" + id);
            return ((d[0] & 0xFFL) << 24) | ((d[1] & 0xFFL) << 16) | ((d[2] & 0xFFL) << 8) | (d[3] & 0xFFL);
        }

        @Override
        public boolean treated(String salt, String id, double fraction) {
            return unit(salt, id) < fraction;
        }
    };

    /** The bucket as a number in [0, 1), for reports. */
    public abstract double unit(String salt, String id);

    /** The raw bucket: 0..9,999 for {@link #USER}, 0..2^32−1 for {@link #CONVERSATION}. */
    public abstract long bucket(String salt, String id);

    /** Whether the id goes to the treatment (challenger) at the given treatment fraction. */
    public abstract boolean treated(String salt, String id, double fraction);

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
