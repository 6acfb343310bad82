package dev.promptarena.engine;

/** A call that was not sent because the run is stopping (Ctrl-C): calls already sent finish, queued ones do not start. */
public final class RunStoppedException extends CallNotMadeException {
    public RunStoppedException() { super("the run is stopping: call not sent"); }
}
