package dev.promptarena.dataset;

import java.util.List;
import java.util.Map;

/**
 * Where a {@link GoldenSet}'s cases are: what every case needs to be found and ordered (its id and tags, without
 * parsing it again), and the case itself on demand. {@link JsonlGoldenStore} reads each case back from the file;
 * {@link CsvGoldenStore} each CSV record; {@link Memory} holds the cases (lists built in code).
 */
interface GoldenStore {
    int size();

    String id(int i);

    Map<String, String> tags(int i);

    /**
     * Every input field name of the cases (not id, reference, context, tags, messages), gathered when the file was
     * scanned; null when not gathered (cases built in code): then read the cases.
     */
    default java.util.Set<String> fieldNames() { return null; }

    /** Reads cases one after another; the golden set's iterator holds one for a pass over the cases. */
    Cursor cursor(boolean ascending);

    /** Reads cases, possibly from an open file: close it after the last read. */
    interface Cursor extends AutoCloseable {
        GoldenCase read(int i);

        @Override
        void close();
    }

    /** Cases held in memory. */
    record Memory(List<GoldenCase> cases) implements GoldenStore, Cursor {
        public Memory {
            cases = List.copyOf(cases);
        }

        @Override public int size() { return cases.size(); }

        @Override public String id(int i) { return cases.get(i).id(); }

        @Override public Map<String, String> tags(int i) { return cases.get(i).tags(); }

        @Override public Cursor cursor(boolean ascending) { return this; }

        @Override public GoldenCase read(int i) { return cases.get(i); }

        @Override public void close() { }
    }
}
