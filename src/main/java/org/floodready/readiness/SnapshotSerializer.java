package org.floodready.readiness;

import com.hazelcast.config.Config;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import java.io.IOException;

/**
 * How Hazelcast writes a snapshot entry (stored value, listener event, backup, projection, result): the
 * fields of {@link SnapshotWire} straight into Hazelcast's buffer. Java serialization wrapped every entry in
 * an ObjectOutputStream and its class descriptors, most of a province rebuild's allocation. Every member
 * must register it ({@link #register}), as every node's start does.
 */
public final class SnapshotSerializer implements StreamSerializer<UnitSnapshot> {
  /** Hazelcast's type id of the entries (custom serializers take ids above 0). */
  static final int TYPE_ID = 1901;

  /** Adds the serializer to a member's configuration. */
  public static Config register(Config config) {
    config.getSerializationConfig().addSerializerConfig(
        new SerializerConfig().setTypeClass(UnitSnapshot.class).setImplementation(new SnapshotSerializer()));
    return config;
  }

  @Override
  public int getTypeId() {
    return TYPE_ID;
  }

  @Override
  public void write(ObjectDataOutput out, UnitSnapshot snapshot) throws IOException {
    SnapshotWire.writeEntry(out, snapshot);
  }

  @Override
  public UnitSnapshot read(ObjectDataInput in) throws IOException {
    return SnapshotWire.readEntry(in);
  }
}
