package dev.etlkit.transform;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * An exact set of byte-string keys, stored compactly for deduplicating millions of records in a small
 * heap.
 *
 * <p>Strategy: every new key is appended once to an arena of byte pages as {@code varint length +
 * bytes}; an open-addressing table of {@code long}s (linear probing, at most 3/4 full) holds for each
 * key its arena address (36 bits, up to 64 GB of keys) and the top 28 bits of its 64-bit hash. A key's
 * slot is taken from the top bits of its hash, so that growing the table up to 2^28 slots moves each
 * entry by its stored bits alone, in table order, without reading its key back from the arena (that
 * random read per key was most of the cost of growing). A lookup compares the full key bytes whenever
 * the stored bits match, so the set is exact: two keys with the same hash are still two keys. Pages
 * and table segments are kept below half a G1 region of a small heap, so that none of them is a
 * humongous object needing contiguous free regions. For 2,000,000 ids of up to seven digits that is
 * 19 MB of arena and a 32 MB table (the old 16 MB one too, while it grows).
 *
 * <p>The arena is in insertion order, so the keys added since the last checkpoint are simply its tail:
 * {@link #takeDelta()} copies that tail and {@link #addAll(byte[])} reads one back. Not thread-safe.
 */
final class KeySet {

  /** Pages stay below half a G1 region of a small heap, so they are never humongous objects. */
  private static final int PAGE_BITS = 18;
  private static final int PAGE_SIZE = 1 << PAGE_BITS;
  private static final int ADDRESS_BITS = 36;
  private static final long ADDRESS_MASK = (1L << ADDRESS_BITS) - 1;
  /** The hash bits a slot keeps: its top 28. */
  private static final int STORED_BITS = 64 - ADDRESS_BITS;
  private static final int SEGMENT_BITS = 15;
  private static final int SEGMENT_MASK = (1 << SEGMENT_BITS) - 1;

  private byte[][] pages = new byte[8][];
  private int[] used = new int[8];
  private int lastPage = -1;
  /** The table in segments of 2^15 slots; slot i is {@code table[i >>> 15][i & 0x7FFF]}. */
  private long[][] table = {new long[1 << 10]};
  private int capacity = 1 << 10;
  /** log2 of the capacity: a key's first slot is the top {@code bits} of its hash. */
  private int bits = 10;
  private int size;
  private int deltaPage;
  private int deltaPos;

  /** Adds {@code key[0, len)}; true when it was not in the set. */
  boolean add(byte[] key, int len) {
    long h = hash(key, 0, len);
    long fingerprint = h >>> ADDRESS_BITS;
    int mask = capacity - 1;
    for (int i = (int) (h >>> (64 - bits)); ; i = (i + 1) & mask) {
      long slot = table[i >>> SEGMENT_BITS][i & SEGMENT_MASK];
      if (slot == 0) {
        table[i >>> SEGMENT_BITS][i & SEGMENT_MASK] = fingerprint << ADDRESS_BITS | (append(key, len) + 1);
        if (++size > capacity - (capacity >>> 2)) {
          grow();
        }
        return true;
      }
      if (slot >>> ADDRESS_BITS == fingerprint && equalsAt((slot & ADDRESS_MASK) - 1, key, len)) {
        return false;
      }
    }
  }

  int size() {
    return size;
  }

  /** The entries added since the last call (or since {@link #addAll}), as {@code varint length + bytes} each. */
  byte[] takeDelta() {
    if (lastPage < 0) {
      return new byte[0];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int p = deltaPage; p <= lastPage; p++) {
      int from = p == deltaPage ? deltaPos : 0;
      out.write(pages[p], from, used[p] - from);
    }
    markDelta();
    return out.toByteArray();
  }

  /** Adds every entry of a {@link #takeDelta()} result; they count as already taken. */
  void addAll(byte[] delta) {
    byte[] key = new byte[64];
    int pos = 0;
    while (pos < delta.length) {
      int len = 0;
      int shift = 0;
      byte b;
      do {
        if (pos >= delta.length || shift > 28) {
          throw new IllegalArgumentException("deduplication state is corrupt at byte " + pos);
        }
        b = delta[pos++];
        len |= (b & 0x7F) << shift;
        shift += 7;
      } while (b < 0);
      if (len < 0 || pos + len > delta.length) {
        throw new IllegalArgumentException("deduplication state is corrupt at byte " + pos);
      }
      if (key.length < len) {
        key = new byte[len];
      }
      System.arraycopy(delta, pos, key, 0, len);
      add(key, len);
      pos += len;
    }
    markDelta();
  }

  private void markDelta() {
    deltaPage = Math.max(lastPage, 0);
    deltaPos = lastPage < 0 ? 0 : used[lastPage];
  }

  private long append(byte[] key, int len) {
    int needed = varintSize(len) + len;
    if (lastPage < 0 || used[lastPage] + needed > PAGE_SIZE) {
      newPage(needed);
    }
    byte[] page = pages[lastPage];
    int pos = used[lastPage];
    if (pos + needed > page.length) {
      page = Arrays.copyOf(page, Math.max(page.length * 2, pos + needed));
      pages[lastPage] = page;
    }
    int at = pos;
    for (int v = len; ; v >>>= 7) {
      if (v < 0x80) {
        page[at++] = (byte) v;
        break;
      }
      page[at++] = (byte) (v & 0x7F | 0x80);
    }
    System.arraycopy(key, 0, page, at, len);
    used[lastPage] = at + len;
    long address = (long) lastPage << PAGE_BITS | pos;
    if (address + 1 > ADDRESS_MASK) {
      throw new IllegalStateException("deduplication keys exceed " + (ADDRESS_MASK >> 30) + " GB");
    }
    return address;
  }

  private void newPage(int needed) {
    lastPage++;
    if (lastPage == pages.length) {
      pages = Arrays.copyOf(pages, pages.length * 2);
      used = Arrays.copyOf(used, used.length * 2);
    }
    // the first page starts small so that a short run does not pay for a full one
    pages[lastPage] = new byte[Math.max(needed, lastPage == 0 ? 4096 : PAGE_SIZE)];
  }

  private boolean equalsAt(long address, byte[] key, int len) {
    byte[] page = pages[(int) (address >>> PAGE_BITS)];
    long stored = keyAt(page, address);
    int from = (int) (stored >>> 32);
    return (int) stored == len && Arrays.equals(page, from, from + len, key, 0, len);
  }

  /** Where the key at {@code address} starts in its page and how long it is, as {@code start << 32 | length}. */
  private static long keyAt(byte[] page, long address) {
    int pos = (int) (address & (PAGE_SIZE - 1));
    int len = 0;
    int shift = 0;
    byte b;
    do {
      b = page[pos++];
      len |= (b & 0x7F) << shift;
      shift += 7;
    } while (b < 0);
    return (long) pos << 32 | len;
  }

  private void grow() {
    int biggerBits = bits + 1;
    long[][] grown = newTable(1 << biggerBits);
    int mask = (1 << biggerBits) - 1;
    for (long[] segment : table) {
      for (long slot : segment) {
        if (slot == 0) {
          continue;
        }
        int i = (int) (biggerBits <= STORED_BITS ? slot >>> (64 - biggerBits) : firstSlot(slot, biggerBits));
        while (grown[i >>> SEGMENT_BITS][i & SEGMENT_MASK] != 0) {
          i = (i + 1) & mask;
        }
        grown[i >>> SEGMENT_BITS][i & SEGMENT_MASK] = slot;
      }
    }
    table = grown;
    bits = biggerBits;
    capacity = 1 << biggerBits;
  }

  /** The first slot of an entry in a table of 2^bits slots, from its key's full hash (beyond the stored bits). */
  private long firstSlot(long slot, int tableBits) {
    long address = (slot & ADDRESS_MASK) - 1;
    byte[] page = pages[(int) (address >>> PAGE_BITS)];
    long key = keyAt(page, address);
    return hash(page, (int) (key >>> 32), (int) key) >>> (64 - tableBits);
  }

  private static long[][] newTable(int capacity) {
    int segmentSize = Math.min(capacity, 1 << SEGMENT_BITS);
    long[][] t = new long[capacity / segmentSize][];
    for (int i = 0; i < t.length; i++) {
      t[i] = new long[segmentSize];
    }
    return t;
  }

  private static int varintSize(int v) {
    int n = 1;
    while ((v >>>= 7) != 0) {
      n++;
    }
    return n;
  }

  /** FNV-1a over the bytes, then MurmurHash3's finalizer so that low and high bits are both well mixed. */
  static long hash(byte[] b, int off, int len) {
    long h = 0xcbf29ce484222325L;
    for (int i = off; i < off + len; i++) {
      h = (h ^ (b[i] & 0xFF)) * 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
