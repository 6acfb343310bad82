package dev.promptarena.checks;

/**
 * A read-only view of a string that counts character reads and aborts once a budget is spent.
 * java.util.regex backtracks, so a pattern such as {@code (a+)+b} takes exponential time on some
 * inputs; every step of the matcher reads through {@link #charAt}, so counting reads bounds the work
 * deterministically (same input, same outcome) without timers or threads.
 */
final class BoundedCharSequence implements CharSequence {
    private final String text;
    private final int offset;
    private final int length;
    private final long[] remaining;

    BoundedCharSequence(String text, long budget) {
        this(text, 0, text.length(), new long[] {budget});
    }

    private BoundedCharSequence(String text, int offset, int length, long[] remaining) {
        this.text = text;
        this.offset = offset;
        this.length = length;
        this.remaining = remaining;
    }

    @Override
    public char charAt(int index) {
        if (--remaining[0] < 0) throw new RegexBudgetExceededException();
        return text.charAt(offset + index);
    }

    @Override
    public int length() { return length; }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BoundedCharSequence(text, offset + start, end - start, remaining);
    }

    @Override
    public String toString() { return text.substring(offset, offset + length); }
}
