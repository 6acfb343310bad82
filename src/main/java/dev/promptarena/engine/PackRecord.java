package dev.promptarena.engine;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * One record of a response-cache pack: {@code magic, key length, value length, CRC-32C} (four big-endian
 * ints), then the key's UTF-8 bytes and the value. The checksum covers both lengths, the key and the
 * value, so a record cut short by a killed writer, or bytes another process is still writing, never
 * decode as an entry: {@link #read} returns null and the scan stops there.
 */
record PackRecord(String key, byte[] value, int size) {
    static final int MAGIC = 0x50414b31; // "PAK1"
    static final int HEADER = 16;
    /** Sanity bounds: a length beyond them is damage, not a record (keys are 64 hex characters). */
    static final int MAX_KEY = 1024;
    static final int MAX_VALUE = 256 << 20;

    /** The encoded record, ready to append. */
    static ByteBuffer encode(String key, byte[] value) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        if (k.length == 0 || k.length > MAX_KEY || value.length > MAX_VALUE) {
            throw new IllegalArgumentException("cache entry out of bounds: key " + k.length + " bytes, value " + value.length);
        }
        ByteBuffer b = ByteBuffer.allocate(HEADER + k.length + value.length);
        b.putInt(MAGIC).putInt(k.length).putInt(value.length).putInt(crc(k.length, value.length, k, value));
        b.put(k).put(value).flip();
        return b;
    }

    /**
     * The next record of {@code in}, or null where the bytes end or are not a whole, intact record
     * (torn tail, a write in progress, damage): a scan stops at the first such place.
     */
    static PackRecord read(DataInputStream in) throws IOException {
        try {
            if (in.readInt() != MAGIC) return null;
            int keyLength = in.readInt();
            int valueLength = in.readInt();
            int crc = in.readInt();
            if (keyLength <= 0 || keyLength > MAX_KEY || valueLength < 0 || valueLength > MAX_VALUE) return null;
            byte[] k = new byte[keyLength];
            byte[] v = new byte[valueLength];
            in.readFully(k);
            in.readFully(v);
            if (crc(keyLength, valueLength, k, v) != crc) return null;
            return new PackRecord(new String(k, StandardCharsets.UTF_8), v, HEADER + keyLength + valueLength);
        } catch (EOFException incomplete) {
            return null;
        }
    }

    /** The value of the record at {@code offset}, or null if it is damaged or not {@code key}'s. */
    static byte[] readAt(FileChannel ch, long offset, String key) throws IOException {
        // One read covers a typical record (~1 KB); the index keeps no sizes, to stay small.
        ByteBuffer first = fill(ch, offset, ByteBuffer.allocate(4096));
        if (first.position() < HEADER) return null;
        long size = HEADER + (long) first.getInt(4) + first.getInt(8);
        if (size < HEADER || size > HEADER + MAX_KEY + MAX_VALUE) return null;
        ByteBuffer record;
        if (size <= first.position()) {
            record = first.flip().limit((int) size);
        } else {
            record = ByteBuffer.allocate((int) size).put(first.flip());
            fill(ch, offset + record.position(), record);
            if (record.hasRemaining()) return null;
            record.flip();
        }
        return value(record, key);
    }

    /** Fills {@code b} from {@code position} on, or up to the end of the file. */
    private static ByteBuffer fill(FileChannel ch, long position, ByteBuffer b) throws IOException {
        long at = position;
        while (b.hasRemaining()) {
            int n = ch.read(b, at);
            if (n < 0) break;
            at += n;
        }
        return b;
    }

    /** Decodes one whole record read by offset; null if it is damaged or is not {@code expectedKey}'s. */
    private static byte[] value(ByteBuffer b, String expectedKey) {
        if (b.remaining() < HEADER || b.getInt() != MAGIC) return null;
        int keyLength = b.getInt();
        int valueLength = b.getInt();
        int crc = b.getInt();
        if (keyLength <= 0 || valueLength < 0 || b.remaining() != keyLength + valueLength) return null;
        byte[] k = new byte[keyLength];
        byte[] v = new byte[valueLength];
        b.get(k).get(v);
        if (crc(keyLength, valueLength, k, v) != crc) return null;
        return Arrays.equals(k, expectedKey.getBytes(StandardCharsets.UTF_8)) ? v : null;
    }

    private static int crc(int keyLength, int valueLength, byte[] k, byte[] v) {
        CRC32C c = new CRC32C();
        c.update(ByteBuffer.allocate(8).putInt(keyLength).putInt(valueLength).flip());
        c.update(k);
        c.update(v);
        return (int) c.getValue();
    }
}
