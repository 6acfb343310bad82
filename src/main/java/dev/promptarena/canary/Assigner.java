package dev.promptarena.canary;

/**
 * Stable assignment of ids to a control and a treatment variant: the same id, salt and fraction give the
 * same variant on every call, in every process, and in the Python routers of the background documents.
 *
 * <pre>{@code
 * Assigner a = new Assigner(BucketingScheme.CONVERSATION, "", 0.10, "control", "treatment");
 * a.assign("return-ticket-48291").variant();   // "control"
 * }</pre>
 *
 * @param scheme    how ids are hashed into buckets
 * @param salt      the experiment id for {@link BucketingScheme#USER}; usually empty for {@link BucketingScheme#CONVERSATION}
 * @param fraction  share of ids routed to the treatment, in [0, 1]
 * @param control   the control variant's name
 * @param treatment the treatment variant's name
 */
public record Assigner(BucketingScheme scheme, String salt, double fraction, String control, String treatment) {
    public Assigner {
        if (scheme == null) throw new IllegalArgumentException("scheme is required");
        if (salt == null) salt = "";
        if (!(fraction >= 0 && fraction <= 1)) throw new IllegalArgumentException("fraction must be in [0, 1], got: " + fraction);
        if (control == null || treatment == null || control.equals(treatment)) {
            throw new IllegalArgumentException("two distinct variant names are required, got: " + control + ", " + treatment);
        }
    }

    /** One id's assignment. */
    public record Assignment(String id, String variant, long bucket) {}

    public Assignment assign(String id) {
        if (id == null || id.isEmpty()) throw new IllegalArgumentException("id must not be empty");
        return new Assignment(id, scheme.treated(salt, id, fraction) ? treatment : control, scheme.bucket(salt, id));
    }
}
