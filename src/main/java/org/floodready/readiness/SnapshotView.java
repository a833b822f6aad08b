package org.floodready.readiness;

import org.floodready.access.Scope;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.Future;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.OffsetDateTime;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.floodready.units.Unit;

/**
 * The snapshot as GET /api/readiness shows it, built once per change of the mirror: every entry ranked
 * and in tree order, and each answer (scope, filter, format) encoded the first time it is asked. An entry
 * stays the JSON text it arrived as; its rank, peers and flag are written after it when an answer is
 * encoded (a province's 50,000 entries parsed into objects on every change took seconds and hundreds of MB).
 */
final class SnapshotView {
  /** Answers kept per view; more distinct scopes than this are encoded per request. */
  static final int MAX_BODIES = 512;
  /**
   * Entries the default answer holds at most: every level from the top while they fit (all of a city's;
   * a province's 18 cities and 150 districts, not its 2,400 streets at 1.8 kB each, nor its 47,000
   * communities, which {@code parent} or {@code level} asks for).
   */
  static final int DEFAULT_MAX_ENTRIES = 1_000;
  /** Entries one answer holds at most (a page): 47,000 communities in one answer took 90 MB to encode. */
  static final int MAX_PAGE = 5_000;
  /** Encoded answers bigger than this are not kept for the next request. */
  static final int MAX_KEPT_BODY_BYTES = 16 << 20;

  /**
   * What an answer holds: one level, the children of one unit, the top {@code depth} levels (each null
   * when not asked; all null: the default, the levels from the top that fit {@link #DEFAULT_MAX_ENTRIES}),
   * and of those the page {@code page} (from 1) of {@code size} entries (at most {@link #MAX_PAGE}).
   */
  record Filter(String level, Long parent, Integer depth, int page, int size) {
    static final Filter DEFAULT = new Filter(null, null, null);

    Filter(String level, Long parent, Integer depth) {
      this(level, parent, depth, 1, MAX_PAGE);
    }

    static Filter level(String level) {
      return new Filter(level, null, null);
    }

    boolean isDefault() {
      return level == null && parent == null && depth == null;
    }

    boolean keeps(Ranked e, int levelsShown) {
      int index = Unit.LEVELS.indexOf(e.level());
      return (level == null || level.equals(e.level())) && (parent == null || parent.equals(e.parentId()))
          && (depth == null || index < depth) && (!isDefault() || index < levelsShown);
    }
  }

  record BodyKey(Scope scope, Filter filter, boolean csv) {
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

  /** One entry (its JSON as UTF-8) with its standing among its peers. */
  record Ranked(long unitId, String level, String code, Long parentId, byte[] json, Integer rank, int peers,
      String flag) {
    /** What follows the entry's own fields: rank, peers and flag (as {@link Ranking#apply} puts them, last). */
    byte[] tail() {
      return ((json.length > 2 ? "," : "") + "\"rank\":" + rank + ",\"peers\":" + peers + ",\"flag\":"
          + (flag == null ? "null" : Json.encode(flag)) + "}").getBytes(StandardCharsets.UTF_8);
    }

    int encodedLength(byte[] tail) {
      return json.length - 1 + tail.length;
    }

    void writeTo(ByteBuffer out, byte[] tail) {
      out.put(json, 0, json.length - 1).put(tail);
    }

    String encoded() {
      byte[] tail = tail();
      ByteBuffer out = ByteBuffer.allocate(encodedLength(tail));
      writeTo(out, tail);
      return new String(out.array(), StandardCharsets.UTF_8);
    }

  }

  final long generation;
  final long version;
  final long seq;
  private final String node;
  private final List<Ranked> ordered;
  private final Map<Long, Ranked> byId;
  /** Entries per level of {@link Unit#LEVELS}: the default answer's levels for the whole tree, without a pass. */
  private final int[] perLevel = new int[Unit.LEVELS.size()];
  private final Map<BodyKey, Body> bodies = new ConcurrentHashMap<>();
  private final Map<BodyKey, Gzipped> gzipped = new ConcurrentHashMap<>();

  /** A gzipped JSON answer and the second it was made in. */
  private record Gzipped(long second, Future<Buffer> body) {
    boolean usableAt(long now) {
      return second == now && !body.failed();
    }
  }

  private SnapshotView(long generation, long version, long seq, String node, List<Ranked> ordered,
      Map<Long, Ranked> byId) {
    this.generation = generation;
    this.version = version;
    this.seq = seq;
    this.node = node;
    this.ordered = ordered;
    this.byId = byId;
    for (Ranked e : ordered) {
      int index = Unit.LEVELS.indexOf(e.level());
      if (index >= 0) {
        perLevel[index]++;
      }
    }
  }

  /** Tree order: city → district → street → community (an unknown level first), then by code. */
  private static final Comparator<Ranked> TREE_ORDER = Comparator.<Ranked>comparingInt(r -> Unit.LEVELS.indexOf(r.level()))
      .thenComparing(Ranked::code, Comparator.nullsFirst(Comparator.naturalOrder()));

  static SnapshotView build(long generation, List<UnitSnapshot> entries, String node) {
    return ranked(generation, entries.stream().map(SnapshotMirror.Held::of).toList(), node);
  }

  /**
   * Ranks the entries (city → district → street → community, then by code) with {@link Standings}, the
   * refresh's own per-level ranking (the same ranks, peers and flags as {@link Ranking#apply}, which built a
   * JSON object per entry: most of the first answer's time after a change at province scale).
   */
  static SnapshotView ranked(long generation, List<SnapshotMirror.Held> entries, String node) {
    Map<Long, Standings.Place> places = new HashMap<>(entries.size() * 2);
    long version = 0;
    long seq = 0;
    for (SnapshotMirror.Held h : entries) {
      places.put(h.unitId(), new Standings.Place(h.level(), h.score()));
      version += h.version();
      seq = Math.max(seq, h.seq());
    }
    Standings standings = Standings.of(places);
    List<Ranked> list = new ArrayList<>(entries.size());
    Map<Long, Ranked> byId = new HashMap<>(entries.size() * 2);
    for (SnapshotMirror.Held h : entries) {
      Standings.Standing s = standings.standing(h.unitId());
      if (s == null) {
        s = Standings.Standing.UNSCORED;
      }
      Ranked r = new Ranked(h.unitId(), h.level(), h.code(), h.parentId(), h.json(), s.rank(), s.peers(), s.flag());
      list.add(r);
      byId.put(r.unitId(), r);
    }
    list.sort(TREE_ORDER);
    return new SnapshotView(generation, version, seq, node, Collections.unmodifiableList(list), byId);
  }

  /** The ranked entry of one unit, a fresh object (null when the snapshot lacks it). */
  JsonObject entry(long unitId) {
    Ranked r = byId.get(unitId);
    return r == null ? null : new JsonObject(r.encoded());
  }

  /** One unit's entry with the standing given, as {@link #entry} shows it (a fresh object). */
  static JsonObject entry(SnapshotMirror.Held h, Standings.Standing s) {
    return new JsonObject(new Ranked(h.unitId(), h.level(), h.code(), h.parentId(), h.json(), s.rank(), s.peers(),
        s.flag()).encoded());
  }

  int size() {
    return ordered.size();
  }

  /** The answer for a scope, one level (null = all) and format, with {@code at} the request's time. */
  Answer body(Scope scope, String level, boolean csv, String atIso) {
    return body(scope, level == null ? Filter.DEFAULT : Filter.level(level), csv, atIso);
  }

  /** The answer for a scope, a filter and format, with {@code at} the request's time. */
  Answer body(Scope scope, Filter filter, boolean csv, String atIso) {
    BodyKey key = new BodyKey(scope, filter, csv);
    Body body = bodies.get(key);
    if (body == null) {
      body = encode(scope, filter, csv);
      if (bodies.size() < MAX_BODIES && body.rest().length() <= MAX_KEPT_BODY_BYTES) {
        bodies.putIfAbsent(key, body);
      }
    }
    return body.with(atIso);
  }

  /**
   * The JSON answer gzipped, for a client that accepts it (every browser does): made on a worker at most once a
   * second per scope and filter, so its {@code at} is when it was made, up to a second before the request.
   * Deflating a province's 300 kB default answer for every request (the server's own compression) cost more
   * than all the rest of the request.
   */
  Future<Buffer> gzipped(Scope scope, Filter filter, OffsetDateTime now, Function<OffsetDateTime, String> iso,
      Function<Callable<Buffer>, Future<Buffer>> worker) {
    long second = now.toEpochSecond();
    BodyKey key = new BodyKey(scope, filter, false);
    Callable<Buffer> make = () -> gzip(body(scope, filter, false, iso.apply(now)).joined());
    Gzipped kept = gzipped.get(key);
    if (kept != null && kept.usableAt(second)) {
      return kept.body();
    }
    if (kept == null && gzipped.size() >= MAX_BODIES) {
      return worker.apply(make);
    }
    return gzipped.compute(key, (k, old) -> old != null && old.usableAt(second) ? old
        : new Gzipped(second, worker.apply(make))).body();
  }

  private static Buffer gzip(Buffer json) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(json.length() / 8 + 64);
    try (GZIPOutputStream zip = new GZIPOutputStream(out, 64 << 10)) {
      zip.write(json.getBytes());
    }
    return offHeap(out.toByteArray());
  }

  /** A fresh JSON object of the default answer (its own copy, free to modify). */
  JsonObject json(Scope scope, String atIso) {
    return json(scope, Filter.DEFAULT, atIso);
  }

  JsonObject json(Scope scope, Filter filter, String atIso) {
    return new JsonObject(body(scope, filter, false, atIso).joined());
  }

  /** How many levels from the top the default answer of {@code scope} holds (at least one). */
  private int defaultLevels(Scope scope, List<Ranked> inScope) {
    if (scope.everything()) {
      return levelsThatFit(perLevel);
    }
    int[] counts = new int[Unit.LEVELS.size()];
    for (Ranked e : inScope) {
      int index = Unit.LEVELS.indexOf(e.level());
      if (index >= 0) {
        counts[index]++;
      }
    }
    return levelsThatFit(counts);
  }

  /**
   * The entries a scope sees, in tree order: all of them, or the scope's own units looked up one by one (a
   * province's 50,000 entries were walked twice for each answer encoded after a change, on the event loop).
   */
  private List<Ranked> inScope(Scope scope) {
    if (scope.everything()) {
      return ordered;
    }
    List<Ranked> mine = new ArrayList<>(scope.units().size());
    for (Long id : scope.units()) {
      Ranked e = byId.get(id);
      if (e != null) {
        mine.add(e);
      }
    }
    mine.sort(TREE_ORDER);
    return mine;
  }

  /** The levels from the top that fit {@link #DEFAULT_MAX_ENTRIES} together (at least one), given units per level. */
  static int levelsThatFit(int[] perLevel) {
    int levels = 0;
    int total = 0;
    while (levels < perLevel.length && (levels == 0 || total + perLevel[levels] <= DEFAULT_MAX_ENTRIES)) {
      total += perLevel[levels];
      levels++;
    }
    return levels;
  }

  private Body encode(Scope scope, Filter filter, boolean csv) {
    List<Ranked> candidates = inScope(scope);
    int levels = filter.isDefault() ? defaultLevels(scope, candidates) : Unit.LEVELS.size();
    List<Ranked> kept = new ArrayList<>();
    int total = 0;
    long shown = 0;
    long skip = (long) (filter.page() - 1) * filter.size();
    for (Ranked e : candidates) {
      if (filter.isDefault() && Unit.LEVELS.indexOf(e.level()) >= levels) {
        // in tree order the rest is deeper: the default answer matches every entry of the scope
        total = candidates.size();
        break;
      }
      // total: what the filter matches in the scope; the default's bound on levels limits what is sent only
      if (filter.keeps(e, Unit.LEVELS.size())) {
        total++;
        if (filter.keeps(e, levels) && shown++ >= skip && kept.size() < filter.size()) {
          kept.add(e);
        }
      }
    }
    if (csv) {
      JsonArray rows = new JsonArray();
      kept.forEach(e -> rows.add(new JsonObject(e.encoded())));
      return new Body(null, offHeap(("\uFEFF" + ReadinessCsv.render(rows)).getBytes(StandardCharsets.UTF_8)));
    }
    JsonObject head = new JsonObject().put("version", version).put("seq", seq).put("node", node).put("total", total)
        .put("page", filter.page()).put("size", filter.size());
    if (filter.isDefault()) {
      head.put("depth", levels);
    }
    String encoded = head.encode();
    // the entries are written as the bytes they are kept in, straight into the buffer the socket sends
    byte[] open = "\",\"units\":[".getBytes(StandardCharsets.UTF_8);
    List<byte[]> tails = new ArrayList<>(kept.size());
    int length = open.length + 2 + Math.max(0, kept.size() - 1);
    for (Ranked e : kept) {
      byte[] tail = e.tail();
      tails.add(tail);
      length += e.encodedLength(tail);
    }
    ByteBuffer direct = ByteBuffer.allocateDirect(length).put(open);
    for (int i = 0; i < kept.size(); i++) {
      if (i > 0) {
        direct.put((byte) ',');
      }
      kept.get(i).writeTo(direct, tails.get(i));
    }
    direct.put((byte) ']').put((byte) '}').flip();
    return new Body(encoded.substring(0, encoded.length() - 1) + ",\"at\":\"",
        BufferInternal.buffer(Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct))));
  }

  /**
   * A direct buffer the socket writes from as it is (a heap buffer would be copied for every response).
   * A JDK direct buffer: freed by the garbage collector once the view is dropped, never by a release.
   */
  private static Buffer offHeap(byte[] bytes) {
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    return BufferInternal.buffer(Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct)));
  }
}
