package dev.promptarena.recorded;

/**
 * Which variants are evaluated from recorded outputs instead of being generated.
 *
 * @param a variant A's recorded outputs, or null when A is generated
 * @param b variant B's recorded outputs, or null when B is generated
 */
public record Recorded(RecordedResponses a, RecordedResponses b) {
    /** Both variants are generated. */
    public static final Recorded NONE = new Recorded(null, null);

    /** The recorded outputs of a slot ("A" or "B"), or null. */
    public RecordedResponses forSlot(String slot) { return "A".equals(slot) ? a : b; }
}
