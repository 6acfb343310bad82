package dev.promptarena.testing;

/**
 * A kill point that does not depend on timing: a fake server's fallback answers requests until {@code limit} have
 * been answered; a request past it waits until the limit changes (its process is killed meanwhile, so no answer is
 * ever read) and is then refused. Raising the limit admits only requests that arrive afterwards, so a held request
 * of a killed process never uses up a later stage's quota. A run therefore journals exactly {@code limit} calls and
 * then stops making progress until the test kills it.
 */
public final class AnswerLimit {
    private long limit;
    private long answered;

    public synchronized boolean admit() {
        if (answered < limit) {
            answered++;
            return true;
        }
        long heldAt = limit;
        try {
            while (limit == heldAt) wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // server closing
        }
        return false;
    }

    public synchronized long allow(long newLimit) {
        limit = newLimit;
        notifyAll();
        return newLimit;
    }

    public synchronized long answered() { return answered; }
}

