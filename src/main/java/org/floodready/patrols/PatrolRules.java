package org.floodready.patrols;

import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.floodready.input.Fields;

/**
 * The checks and frequencies of the river-chief system. Defaults are here; a deployment overrides
 * any of them with the {@code patrol_rules} setting, and a reach with its own {@code rules}.
 */
public record PatrolRules(int minDurationS, double minDistanceM, double maxSpeedKmh, double maxJumpM,
    double maxDistanceFromReachM, int maxPoints, Map<ChiefLevel, Frequency> frequency,
    double warningDeadlineFactor, int photoMaxBytes) {

  public static final String SETTING_KEY = "patrol_rules";
  /** The hard ceiling of a track, whatever the settings say (keeps a request bounded). */
  public static final int MAX_POINTS_LIMIT = 20_000;

  /** How often a reach must be patrolled: {@code times} counted patrols per calendar {@code period}. */
  public record Frequency(PatrolPeriod period, int times) {
    public JsonObject toJson() {
      return new JsonObject().put("period", period.code()).put("times", times);
    }
  }

  /** Henan's rule (2018): city once per half-year, county per quarter, township per month, village per week. */
  public static PatrolRules defaults() {
    Map<ChiefLevel, Frequency> f = new EnumMap<>(ChiefLevel.class);
    f.put(ChiefLevel.CITY, new Frequency(PatrolPeriod.HALF_YEAR, 1));
    f.put(ChiefLevel.COUNTY, new Frequency(PatrolPeriod.QUARTER, 1));
    f.put(ChiefLevel.TOWNSHIP, new Frequency(PatrolPeriod.MONTH, 1));
    f.put(ChiefLevel.VILLAGE, new Frequency(PatrolPeriod.WEEK, 1));
    return new PatrolRules(600, 1000, 30, 500, 200, MAX_POINTS_LIMIT, f, 0.5, 5 * 1024 * 1024);
  }

  /**
   * These rules with the keys present in {@code json} replaced. Problems are reported into
   * {@code in} (use {@code new Fields(json)}); a stored value that does not pass is ignored.
   */
  public PatrolRules with(JsonObject json, Fields in) {
    return with(json, in, DISTRICT_KEYS);
  }

  /** Checks a reach's own rules: the track checks plus its {@code period} and {@code times}. */
  public PatrolRules withReachRules(JsonObject json, Fields in) {
    PatrolRules merged = with(json, in, REACH_KEYS);
    if (json != null) {
      frequency(in, frequency.get(ChiefLevel.VILLAGE));
    }
    return merged;
  }

  private static final List<String> TRACK_KEYS = List.of("minDurationS", "minDistanceM", "maxSpeedKmh", "maxJumpM",
      "maxDistanceFromReachM");
  private static final List<String> DISTRICT_KEYS = concat(TRACK_KEYS,
      List.of("maxPoints", "frequency", "warningDeadlineFactor", "photoMaxBytes"));
  private static final List<String> REACH_KEYS = concat(TRACK_KEYS, List.of("period", "times"));

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  private PatrolRules with(JsonObject json, Fields in, List<String> allowed) {
    if (json == null || json.isEmpty()) {
      return this;
    }
    for (String k : json.fieldNames()) {
      in.check(allowed.contains(k), k, "is not a patrol rule here (known: " + String.join(", ", allowed) + ")");
    }
    Integer minDuration = in.integer("minDurationS", 0, 86_400, false);
    Double minDistance = in.number("minDistanceM", 0, 100_000, false);
    Double maxSpeed = in.number("maxSpeedKmh", 1, 1000, false);
    Double maxJump = in.number("maxJumpM", 10, 100_000, false);
    Double maxFromReach = in.number("maxDistanceFromReachM", 10, 100_000, false);
    Integer maxPts = in.integer("maxPoints", 2, MAX_POINTS_LIMIT, false);
    Double factor = in.number("warningDeadlineFactor", 0.05, 1, false);
    Integer photoMax = in.integer("photoMaxBytes", 1024, 8 * 1024 * 1024, false);
    Map<ChiefLevel, Frequency> freq = new EnumMap<>(frequency);
    JsonObject byLevel = in.object("frequency", false);
    if (byLevel != null) {
      for (String level : byLevel.fieldNames()) {
        if (!ChiefLevel.codes().contains(level)) {
          in.error("frequency." + level, "is not a chief level (" + String.join(", ", ChiefLevel.codes()) + ")");
          continue;
        }
        Object v = byLevel.getValue(level);
        if (!(v instanceof JsonObject o)) {
          in.error("frequency." + level, "must be an object {period, times}");
          continue;
        }
        Frequency f = frequency(in.nested(o, "frequency." + level), freq.get(ChiefLevel.fromCode(level)));
        if (f != null) {
          freq.put(ChiefLevel.fromCode(level), f);
        }
      }
    }
    return new PatrolRules(
        minDuration != null ? minDuration : minDurationS,
        minDistance != null ? minDistance : minDistanceM,
        maxSpeed != null ? maxSpeed : maxSpeedKmh,
        maxJump != null ? maxJump : maxJumpM,
        maxFromReach != null ? maxFromReach : maxDistanceFromReachM,
        maxPts != null ? maxPts : maxPoints,
        freq,
        factor != null ? factor : warningDeadlineFactor,
        photoMax != null ? photoMax : photoMaxBytes);
  }

  /** The same rules, silently skipping stored values that do not pass (they were checked when written). */
  public PatrolRules withStored(JsonObject json) {
    Fields in = new Fields(json == null ? new JsonObject() : json);
    PatrolRules merged = with(json, in, concat(DISTRICT_KEYS, List.of("period", "times")));
    return in.valid() ? merged : this;
  }

  /** The frequency of a reach: its own {@code period}/{@code times} override, else its chief level's. */
  public Frequency frequencyFor(ChiefLevel level, JsonObject reachRules) {
    Frequency base = frequency.get(level);
    if (reachRules == null || !(reachRules.containsKey("period") || reachRules.containsKey("times"))) {
      return base;
    }
    Fields in = new Fields(reachRules);
    Frequency f = frequency(in, base);
    return in.valid() && f != null ? f : base;
  }

  /** Reads {period, times} with the base filling what is absent. */
  static Frequency frequency(Fields in, Frequency base) {
    String period = in.oneOf("period", PatrolPeriod.codes(), false);
    Integer times = in.integer("times", 1, 100, false);
    if (!in.valid()) {
      return null;
    }
    return new Frequency(period != null ? PatrolPeriod.fromCode(period) : base.period(),
        times != null ? times : base.times());
  }

  public JsonObject toJson() {
    JsonObject freq = new JsonObject();
    frequency.forEach((level, f) -> freq.put(level.code(), f.toJson()));
    return new JsonObject()
        .put("minDurationS", minDurationS)
        .put("minDistanceM", minDistanceM)
        .put("maxSpeedKmh", maxSpeedKmh)
        .put("maxJumpM", maxJumpM)
        .put("maxDistanceFromReachM", maxDistanceFromReachM)
        .put("maxPoints", maxPoints)
        .put("frequency", freq)
        .put("warningDeadlineFactor", warningDeadlineFactor)
        .put("photoMaxBytes", photoMaxBytes);
  }
}
