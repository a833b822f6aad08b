package org.floodready.live;

import java.util.ArrayList;
import java.util.List;

/**
 * The newest messages the node's feed handed to its clients, in id order, so a client that fell behind or
 * reconnects reads them from memory. Two thousand streams falling behind together (a province's boards,
 * each first taking a snapshot of several hundred kB) each read the log page by page: from PostgreSQL that
 * took every connection of the pool, and the node's writes timed out behind them. Bounded: the oldest go
 * first, and a client further back reads the table as before. Thread-safe (the feed adds on its context,
 * clients read on theirs).
 */
final class RecentMessages {
  private final LiveMessage[] ring;
  private int head;
  private int size;
  /** Every message the feed handed over with an id above this one is held; -1 before the feed started. */
  private long floor = -1;

  RecentMessages(int capacity) {
    this.ring = new LiveMessage[capacity];
  }

  /** The feed starts at {@code cursor}: what it hands over from now on follows it. */
  synchronized void startAt(long cursor) {
    floor = cursor;
  }

  /** A batch the feed hands over, in id order, each above the last. */
  synchronized void add(List<LiveMessage> batch) {
    for (LiveMessage m : batch) {
      if (size == ring.length) {
        floor = ring[head].id();
        ring[head] = null;
        head = (head + 1) % ring.length;
        size--;
      }
      ring[(head + size) % ring.length] = m;
      size++;
    }
  }

  /** Up to {@code limit} messages after {@code id}, in order; null when memory does not reach back to it. */
  synchronized List<LiveMessage> after(long id, int limit) {
    if (floor < 0 || id < floor) {
      return null;
    }
    int low = 0;
    int high = size;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (at(mid).id() <= id) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    int n = Math.min(limit, size - low);
    List<LiveMessage> out = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      out.add(at(low + k));
    }
    return out;
  }

  private LiveMessage at(int index) {
    return ring[(head + index) % ring.length];
  }
}
