package org.floodready.readiness;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a unit's snapshot entry keeps to update its figures without reading its subtree again: the
 * totals of its own lines in parts (one per base, its checkpoints, its reaches and hazards), each with
 * the live-log sequence value read before it; each child's subtree totals as that child last reported
 * them; and its own subtree totals with their {@code stamp}. A stamp only grows (and starts above any
 * earlier one when an entry is recreated), so a parent takes a child's totals only when newer.
 *
 * <p>A tree read from the map stays in its serialized form until one of its totals is asked for: every
 * listener event and projection of an entry deserializes it, and only the entry processors on the key's
 * owner read the totals (a rebuild at province scale decoded 50,000 trees per node only to drop them).
 */
final class UnitTree implements Serializable {
  @Serial
  private static final long serialVersionUID = 3L;

  static final UnitTree EMPTY = new UnitTree(new TreeMap<>(), new TreeMap<>(), 0, new UnitTotals());

  /** The totals of one part of the unit's own lines, read at {@code seq}. */
  record Part(long seq, UnitTotals totals) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
  }

  /** A child's subtree totals and the child's stamp when it computed them. */
  record Slot(long stamp, UnitTotals totals) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
  }

  private final long stamp;
  private TreeMap<String, Part> parts;
  private TreeMap<Long, Slot> children;
  private UnitTotals subtree;
  /** The serialized parts, children and subtree ({@link SnapshotWire#encodeTotals}) until first read. */
  private byte[] encoded;

  UnitTree(TreeMap<String, Part> parts, TreeMap<Long, Slot> children, long stamp, UnitTotals subtree) {
    this.parts = parts;
    this.children = children;
    this.stamp = stamp;
    this.subtree = subtree;
  }

  private UnitTree(long stamp, byte[] encoded) {
    this.stamp = stamp;
    this.encoded = encoded;
  }

  /** A tree decoded from {@code encoded} ({@link SnapshotWire#encodeTotals}) when first read. */
  static UnitTree decodedLater(long stamp, byte[] encoded) {
    return new UnitTree(stamp, encoded);
  }

  long stamp() {
    return stamp;
  }

  TreeMap<String, Part> parts() {
    decode();
    return parts;
  }

  TreeMap<Long, Slot> children() {
    decode();
    return children;
  }

  UnitTotals subtree() {
    decode();
    return subtree;
  }

  /** The serialized form when the tree was never decoded (written back as it was read), else null. */
  synchronized byte[] encodedIfUnread() {
    return encoded;
  }

  private synchronized void decode() {
    if (encoded == null) {
      return;
    }
    try {
      UnitTree t = SnapshotWire.readTotals(new DataInputStream(new ByteArrayInputStream(encoded)), stamp);
      parts = t.parts;
      children = t.children;
      subtree = t.subtree;
      encoded = null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Java serialization (inside {@link ApplyFigures.Result} and the like): decoded, field by field. */
  @Serial
  private Object writeReplace() {
    decode();
    return this;
  }

  /** The parts, then every child, in the order {@link ReadinessCalculator#compute} adds them. */
  static UnitTotals sum(Map<String, Part> parts, Map<Long, Slot> children) {
    TreeMap<String, UnitTotals> own = new TreeMap<>();
    parts.forEach((key, part) -> own.put(key, part.totals()));
    TreeMap<Long, UnitTotals> below = new TreeMap<>();
    children.forEach((id, slot) -> below.put(id, slot.totals()));
    return UnitTotals.subtree(UnitTotals.own(own), below);
  }

  /** Greater than the previous stamp and than any stamp given out before now (hybrid logical clock). */
  static long nextStamp(long previous) {
    return Math.max(previous + 1, System.currentTimeMillis() * 1000);
  }
}
