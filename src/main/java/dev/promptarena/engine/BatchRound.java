package dev.promptarena.engine;

import dev.promptarena.config.BatchSettings;
import dev.promptarena.engine.BatchLane.Pending;
import dev.promptarena.llm.BatchApi;
import dev.promptarena.llm.LlmRequest;
import dev.promptarena.llm.LlmResponse;
import dev.promptarena.llm.ProviderException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;

/**
 * One round of batch mode: the calls the collecting pass queued are submitted as batches (chunked to each
 * provider's limits, budget reserved first, each batch journaled in {@link BatchLog} before anything else
 * happens), the live batches (this round's and any a killed session left) are polled until they end, and
 * every answer is landed. Failed or expired items are retried once, synchronously or in a follow-up batch
 * ({@code engine.batch_retry}); what still fails is recorded under its own reason. Never pays twice: an item
 * already answered is not queued, and one inside a live batch is waited for, not resubmitted.
 */
final class BatchRound {
    /** A queued call its batch did not answer, and why. */
    record Failed(Pending item, ProviderException failure) {}

    private final BatchLane lane;
    private final BatchLookup lookup;
    private final BatchSubmit submitter;
    private final BooleanSupplier stopping;
    private final Map<String, Double> reserved = new HashMap<>();
    /** Journal appends of landed answers: waited for together, so one fsync covers a batch's answers. */
    private final List<CompletableFuture<Void>> landing = new ArrayList<>();

    /** Waits until every landed answer is on disk (a journal failure surfaces here and stops the run). */
    private void awaitLanding() {
        landing.forEach(CompletableFuture::join);
        landing.clear();
    }

    BatchRound(BatchLane lane, BooleanSupplier stopping) {
        this.lane = lane;
        this.lookup = new BatchLookup(lane);
        this.submitter = new BatchSubmit(lane, reserved);
        this.stopping = stopping;
    }

    /** Runs the round; false when the collecting pass queued nothing (batch mode is done). */
    boolean run() throws InterruptedException {
        if (lane.pending.isEmpty()) return false;
        List<Pending> items = lane.takeQueued();
        items.sort(Comparator.comparing(Pending::customId)); // byte-stable batches, whatever order the cases finished in
        List<Failed> failed = submitAndWait(items);
        if (lane.options.retry() == BatchSettings.Retry.BATCH) {
            List<Pending> again = retryable(failed);
            failed = submitAndWait(again);
            for (Failed f : failed) landing.add(lane.landFailure(f.item(), lane.request(f.item()), CallFailure.of(f.failure()), 0.0, false));
            awaitLanding();
        } else {
            retrySync(retryable(failed));
        }
        awaitLanding();
        lane.spool.clear(); // every queued call has landed: its request is in the journal now
        return true;
    }

    /** Lands a FATAL failure now (sending it again cannot help, as the retry layer says) and returns the rest. */
    private List<Pending> retryable(List<Failed> failed) {
        List<Pending> out = new ArrayList<>();
        for (Failed f : failed) {
            if (f.failure().kind() == ProviderException.Kind.FATAL) {
                landing.add(lane.landFailure(f.item(), lane.request(f.item()), CallFailure.of(f.failure()), 0, false));
            }
            else out.add(f.item());
        }
        return out;
    }

    private List<Failed> submitAndWait(List<Pending> items) throws InterruptedException {
        Map<String, Pending> waiting = new LinkedHashMap<>();
        List<Failed> failed = new ArrayList<>();
        List<BatchLog.Entry> live = new ArrayList<>(lane.log.live());
        Set<String> inLive = new HashSet<>();
        live.forEach(b -> inLive.addAll(b.customIds()));
        Map<String, List<Pending>> fresh = new LinkedHashMap<>();
        for (Pending p : items) {
            double estimate = lane.estimate(p, lane.factor(p.provider()));
            if (inLive.contains(p.customId())) {
                lane.budget.commit(estimate); // already submitted by an earlier session: it will be paid whatever the cap says
            } else if (!lane.budget.tryReserve(estimate)) {
                lane.refused.add(p.customId());
                continue;
            } else {
                fresh.computeIfAbsent(p.provider(), k -> new ArrayList<>()).add(p);
            }
            reserved.put(p.customId(), estimate);
            waiting.put(p.customId(), p);
        }
        for (Map.Entry<String, List<Pending>> e : fresh.entrySet()) submitter.submit(e.getKey(), e.getValue(), live, failed, waiting);
        if (lane.options.haltAfterSubmit()) throw new RunStoppedException();
        while (!live.isEmpty()) {
            if (stopping.getAsBoolean()) throw new RunStoppedException();
            for (int i = 0; i < live.size(); i++) {
                BatchLog.Entry b = live.get(i);
                if (b.id() == null) {
                    BatchLog.Entry r = lookup.resolve(b);
                    if (r == null) continue;
                    if (r.state().terminal()) {
                        collect(r, new BatchApi.Status(BatchApi.State.FAILED, 0, 0, r.customIds().size(), "the create never arrived"), waiting, failed);
                        live.remove(i--);
                        continue;
                    }
                    live.set(i, b = r);
                }
                BatchApi.Status s = poll(b);
                if (s == null) continue;
                if (s.state() != b.state()) {
                    b = b.in(s.state(), lane.clock.millis());
                    lane.log.append(b);
                    live.set(i, b);
                }
                say(b, s);
                if (s.state().terminal()) {
                    collect(b, s, waiting, failed);
                    live.remove(i--);
                }
            }
            if (!live.isEmpty()) lane.polls.await(stopping);
        }
        return failed;
    }

    /** The batch's status, or null after a poll that failed transiently (the next poll asks again). */
    private BatchApi.Status poll(BatchLog.Entry b) {
        try {
            return lane.apis.get(b.provider()).poll(b.id());
        } catch (ProviderException e) {
            if (e.kind() != ProviderException.Kind.FATAL) return null;
            return new BatchApi.Status(BatchApi.State.FAILED, 0, 0, b.customIds().size(), e.getMessage());
        }
    }

    private void say(BatchLog.Entry b, BatchApi.Status s) {
        lane.options.log().accept(String.format(Locale.ROOT, "batch %s %s: %s %d/%d done, %d failed (%s)", b.provider(), b.id(),
                s.state().name().toLowerCase(Locale.ROOT), s.done(), s.total(), s.failed(), s.detail()));
    }

    /** Lands a terminal batch's answers as its results file is read, and fails each of its items left without one. */
    private void collect(BatchLog.Entry b, BatchApi.Status s, Map<String, Pending> waiting, List<Failed> failed) {
        String why = s.detail();
        if (s.state() != BatchApi.State.FAILED) {
            try {
                lane.apis.get(b.provider()).results(b.id(), o -> take(b, o, waiting, failed));
            } catch (ProviderException e) {
                why = "results could not be downloaded: " + e.getMessage();
            }
        }
        String reason = "batch " + s.state().name().toLowerCase(Locale.ROOT) + " without an answer for this request (" + why + ")";
        for (String id : b.customIds()) {
            Pending p = waiting.remove(id);
            if (p == null) continue;
            lane.budget.settle(reserved.getOrDefault(id, 0.0), 0);
            failed.add(new Failed(p, new ProviderException(ProviderException.Kind.TRANSIENT, 0, reason, null)));
        }
    }

    private void take(BatchLog.Entry b, BatchApi.Outcome o, Map<String, Pending> waiting, List<Failed> failed) {
        Pending p = waiting.remove(o.customId());
        if (p == null) {
            if (b.customIds().contains(o.customId())) lane.unclaimed.put(o.customId(), o);
            return;
        }
        if (o.response() != null) {
            landing.add(lane.land(p, lane.request(p), o.response(), lane.factor(p.provider()), reserved.getOrDefault(p.customId(), 0.0), true));
        } else {
            lane.budget.settle(reserved.getOrDefault(p.customId(), 0.0), 0);
            failed.add(new Failed(p, o.failure()));
        }
    }

    /**
     * {@code batch_retry: sync}: each failed item once more through the one retry layer, at the synchronous price. Its
     * attempts are paid like a synchronous call's ({@link CallSpend}): one the provider billed without an answer counts,
     * and is settled before the next attempt's worst case is reserved (or refused).
     */
    private void retrySync(List<Pending> items) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (Pending p : items) {
            double estimate = lane.estimate(p, 1.0);
            if (!lane.budget.tryReserve(estimate)) {
                lane.refused.add(p.customId());
                continue;
            }
            lane.counters.inFlight.increment();
            LlmRequest request = lane.request(p);
            CallSpend spend = new CallSpend(lane.budget, lane.costs, request, estimate);
            all.add(lane.endpoints.client(p.provider()).send(request, spend).handle((LlmResponse r, Throwable e) -> {
                lane.counters.inFlight.decrement();
                if (r != null) return lane.landSettled(p, request, r, null, spend.finish(lane.costs.of(request, r)), spend.billedUsage());
                return lane.landSettled(p, request, null, CallFailure.ofError(e), spend.finish(0), spend.billedUsage());
            }).thenCompose(f -> f));
        }
        all.forEach(CompletableFuture::join);
    }
}
