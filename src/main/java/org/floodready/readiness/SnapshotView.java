package org.floodready.readiness;

import org.floodready.access.Scope;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.floodready.units.Unit;

/**
 * The snapshot as GET /api/readiness shows it, built once per change of the mirror: every entry ranked
 * and in tree order, and each answer (scope, level, format) encoded the first time it is asked. The
 * entries are shared by every request: nothing may modify them.
 */
final class SnapshotView {
  /** Answers kept per view; more distinct scopes than this are encoded per request. */
  static final int MAX_BODIES = 512;

  record BodyKey(Scope scope, String level, boolean csv) {
  }

  /**
   * An encoded answer: the JSON's head up to {@code "at":"}, written per request with the request's
   * time, then the shared rest, kept off the Java heap so every response sends the same bytes without
   * copying them; a CSV sheet is all rest.
   */
  record Body(String head, Buffer rest) {
    Answer with(String atIso) {
      return new Answer(head == null ? null : Buffer.buffer(head + atIso), rest);
    }
  }

  /** What one response writes: {@code first} (null for a CSV) then {@code rest}. */
  record Answer(Buffer first, Buffer rest) {
    int length() {
      return (first == null ? 0 : first.length()) + rest.length();
    }

    Buffer joined() {
      return first == null ? rest.copy() : Buffer.buffer(length()).appendBuffer(first).appendBuffer(rest);
    }
  }

  final long generation;
  final long version;
  final long seq;
  private final String node;
  private final List<JsonObject> ordered;
  private final Map<Long, JsonObject> byId;
  private final Map<BodyKey, Body> bodies = new ConcurrentHashMap<>();

  private SnapshotView(long generation, long version, long seq, String node, List<JsonObject> ordered,
      Map<Long, JsonObject> byId) {
    this.generation = generation;
    this.version = version;
    this.seq = seq;
    this.node = node;
    this.ordered = ordered;
    this.byId = byId;
  }

  /** Ranks the entries (city → district → street → community, then by code). */
  static SnapshotView build(long generation, List<UnitSnapshot> entries, String node) {
    List<JsonObject> list = new ArrayList<>(entries.size());
    Map<Long, JsonObject> byId = new HashMap<>();
    long version = 0;
    long seq = 0;
    for (UnitSnapshot s : entries) {
      JsonObject json = s.toJson();
      list.add(json);
      byId.put(s.unitId(), json);
      version += s.version();
      seq = Math.max(seq, s.seq());
    }
    Ranking.apply(list);
    list.sort(Comparator.<JsonObject>comparingInt(e -> Unit.LEVELS.indexOf(e.getString("level")))
        .thenComparing(e -> e.getString("code")));
    return new SnapshotView(generation, version, seq, node, Collections.unmodifiableList(list), byId);
  }

  /** The ranked entry of one unit (shared: read only). */
  JsonObject entry(long unitId) {
    return byId.get(unitId);
  }

  Map<Long, JsonObject> entries() {
    return Collections.unmodifiableMap(byId);
  }

  int size() {
    return ordered.size();
  }

  /** The answer for a scope, one level (null = all) and format, with {@code at} the request's time. */
  Answer body(Scope scope, String level, boolean csv, String atIso) {
    BodyKey key = new BodyKey(scope, level, csv);
    Body body = bodies.get(key);
    if (body == null) {
      body = encode(scope, level, csv);
      if (bodies.size() < MAX_BODIES) {
        bodies.putIfAbsent(key, body);
      }
    }
    return body.with(atIso);
  }

  /** A fresh JSON object of the answer (its own copy, free to modify). */
  JsonObject json(Scope scope, String atIso) {
    return new JsonObject(body(scope, null, false, atIso).joined());
  }

  private Body encode(Scope scope, String level, boolean csv) {
    JsonArray units = new JsonArray();
    for (JsonObject e : ordered) {
      if (scope.allows(e.getLong("unitId")) && (level == null || level.equals(e.getString("level")))) {
        units.add(e);
      }
    }
    if (csv) {
      return new Body(null, offHeap("\uFEFF" + ReadinessCsv.render(units)));
    }
    String head = new JsonObject().put("version", version).put("seq", seq).put("node", node).encode();
    return new Body(head.substring(0, head.length() - 1) + ",\"at\":\"",
        offHeap("\",\"units\":" + units.encode() + "}"));
  }

  /**
   * A direct buffer the socket writes from as it is (a heap buffer would be copied for every response).
   * A JDK direct buffer: freed by the garbage collector once the view is dropped, never by a release.
   */
  private static Buffer offHeap(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    return BufferInternal.buffer(Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct)));
  }
}
