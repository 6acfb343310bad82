package dev.promptarena.engine;

/**
 * A call whose outcome could not be journaled (disk full, I/O error). Its case is not complete: the
 * run stops issuing calls, keeps what it journaled, and a resume (after the cause is fixed) makes
 * the call again. Treated like a call not made, because no record of it exists.
 */
public final class JournalFailedException extends CallNotMadeException {
    public JournalFailedException(String reason) { super("the journal could not be written (" + reason + "): the run stops"); }
}
