package org.floodready.readiness;

import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.Serial;
import java.util.Map;
import java.util.TreeMap;

/**
 * The serialized form of a {@link UnitSnapshot} (its JSON and its totals) written field by field: the
 * default form of records and maps took most of a rebuild's time at province scale (every entry is
 * read and written once, and its listener event read again) and several times the bytes.
 */
public final class SnapshotWire implements Externalizable {
  @Serial
  private static final long serialVersionUID = 1L;

  private UnitSnapshot snapshot;

  /** For deserialization. */
  public SnapshotWire() {
  }

  SnapshotWire(UnitSnapshot snapshot) {
    this.snapshot = snapshot;
  }

  @Override
  public void writeExternal(ObjectOutput out) throws IOException {
    writeEntry(out, snapshot);
  }

  @Override
  public void readExternal(ObjectInput in) throws IOException {
    snapshot = readEntry(in);
  }

  @Serial
  private Object readResolve() {
    return snapshot;
  }

  /** An entry: ids, its JSON as UTF-8, and its totals as one block of bytes (see {@link UnitTree}). */
  static void writeEntry(DataOutput out, UnitSnapshot snapshot) throws IOException {
    out.writeLong(snapshot.unitId());
    out.writeLong(snapshot.version());
    out.writeLong(snapshot.seq());
    byte[] json = snapshot.utf8();
    out.writeInt(json.length);
    out.write(json);
    UnitTree tree = snapshot.tree();
    out.writeBoolean(tree != null);
    if (tree != null) {
      out.writeLong(tree.stamp());
      byte[] totals = encodeTotals(tree);
      out.writeInt(totals.length);
      out.write(totals);
    }
  }

  /** An entry as {@link #writeEntry} wrote it; its totals are decoded only when read. */
  static UnitSnapshot readEntry(DataInput in) throws IOException {
    long unitId = in.readLong();
    long version = in.readLong();
    long seq = in.readLong();
    byte[] json = new byte[in.readInt()];
    in.readFully(json);
    UnitTree tree = null;
    if (in.readBoolean()) {
      long stamp = in.readLong();
      byte[] totals = new byte[in.readInt()];
      in.readFully(totals);
      tree = UnitTree.decodedLater(stamp, totals);
    }
    return new UnitSnapshot(unitId, version, seq, json, tree);
  }

  /** The tree's totals as bytes: as they were read when nothing decoded them since. */
  static byte[] encodeTotals(UnitTree tree) throws IOException {
    byte[] unread = tree.encodedIfUnread();
    if (unread != null) {
      return unread;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    DataOutputStream out = new DataOutputStream(bytes);
    write(out, tree.subtree());
    out.writeInt(tree.parts().size());
    for (Map.Entry<String, UnitTree.Part> p : tree.parts().entrySet()) {
      out.writeUTF(p.getKey());
      out.writeLong(p.getValue().seq());
      write(out, p.getValue().totals());
    }
    out.writeInt(tree.children().size());
    for (Map.Entry<Long, UnitTree.Slot> c : tree.children().entrySet()) {
      out.writeLong(c.getKey());
      out.writeLong(c.getValue().stamp());
      write(out, c.getValue().totals());
    }
    out.flush();
    return bytes.toByteArray();
  }

  /** The totals {@link #encodeTotals} wrote, as a tree with {@code stamp}. */
  static UnitTree readTotals(DataInput in, long stamp) throws IOException {
    UnitTotals subtree = read(in);
    TreeMap<String, UnitTree.Part> parts = new TreeMap<>();
    for (int i = in.readInt(); i > 0; i--) {
      String key = in.readUTF();
      long partSeq = in.readLong();
      parts.put(key, new UnitTree.Part(partSeq, read(in)));
    }
    TreeMap<Long, UnitTree.Slot> children = new TreeMap<>();
    for (int i = in.readInt(); i > 0; i--) {
      long child = in.readLong();
      long childStamp = in.readLong();
      children.put(child, new UnitTree.Slot(childStamp, read(in)));
    }
    return new UnitTree(parts, children, stamp, subtree);
  }

  private static void write(DataOutput out, UnitTotals t) throws IOException {
    out.writeDouble(t.weight);
    out.writeDouble(t.weighted);
    for (int n : new int[] {t.shortItems, t.activeAlerts, t.checkpoints, t.silent, t.reaches, t.compliant,
        t.openHazards, t.overdueHazards, t.teamsStandby, t.teamsRequired, t.teamsCounted}) {
      out.writeInt(n);
    }
    out.writeInt(t.categories.size());
    for (Map.Entry<String, double[]> c : t.categories.entrySet()) {
      out.writeUTF(c.getKey());
      out.writeDouble(c.getValue()[0]);
      out.writeDouble(c.getValue()[1]);
    }
    out.writeInt(t.kinds.size());
    for (Map.Entry<String, double[]> k : t.kinds.entrySet()) {
      out.writeUTF(k.getKey());
      for (double v : k.getValue()) {
        out.writeDouble(v);
      }
    }
    out.writeInt(t.alerts.size());
    for (Map.Entry<String, Integer> a : t.alerts.entrySet()) {
      out.writeUTF(a.getKey());
      out.writeInt(a.getValue());
    }
  }

  private static UnitTotals read(DataInput in) throws IOException {
    UnitTotals t = new UnitTotals();
    t.weight = in.readDouble();
    t.weighted = in.readDouble();
    t.shortItems = in.readInt();
    t.activeAlerts = in.readInt();
    t.checkpoints = in.readInt();
    t.silent = in.readInt();
    t.reaches = in.readInt();
    t.compliant = in.readInt();
    t.openHazards = in.readInt();
    t.overdueHazards = in.readInt();
    t.teamsStandby = in.readInt();
    t.teamsRequired = in.readInt();
    t.teamsCounted = in.readInt();
    for (int i = in.readInt(); i > 0; i--) {
      t.categories.put(in.readUTF(), new double[] {in.readDouble(), in.readDouble()});
    }
    t.kinds.clear();
    for (int i = in.readInt(); i > 0; i--) {
      t.kinds.put(in.readUTF(), new double[] {in.readDouble(), in.readDouble(), in.readDouble()});
    }
    t.alerts.clear();
    for (int i = in.readInt(); i > 0; i--) {
      t.alerts.put(in.readUTF(), in.readInt());
    }
    return t;
  }
}
