package org.floodready.notify;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The notification rules as stored in PostgreSQL (table notify_rules, notify_calldown): which kinds of
 * people hear of each fact, per warning level for alerts, and the call-down per level.
 */
record RuleSet(long version, Map<String, List<String>> recipients, Map<String, CallDownRule> callDown) {

  static final List<String> LEVELS = List.of("red", "orange", "yellow", "blue");

  /**
   * The facts and the kinds of people each may name: what the fact knows (a checkpoint, a unit, a base)
   * decides which kinds can be found for it.
   */
  static final Map<String, List<String>> ALLOWED = allowed();

  /** Who a call-down step may call. */
  static final List<String> STEP_KINDS = List.of("leader_on_call", "heads", "duty_officers", "responsibles");

  private static Map<String, List<String>> allowed() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("alert.raised", List.of("inspectors", "duty_officers", "responsibles", "leader_on_call", "heads"));
    m.put("hazard.assigned", List.of("responsibles", "duty_officers", "leader_on_call", "heads"));
    m.put("hazard.escalated", List.of("responsibles", "duty_officers", "leader_on_call", "heads"));
    m.put("transfer.dispatched", List.of("keepers", "responsibles", "duty_officers", "leader_on_call", "heads"));
    m.put("response_level.changed", List.of("all_responsibles"));
    m.put("quota.short", List.of("keepers", "responsibles", "heads"));
    return java.util.Collections.unmodifiableMap(m);
  }

  /** One call-down level: minutes per step ({@code null} = never), and who each step calls. */
  record CallDownRule(BigDecimal minutes, List<String> steps) {
    Duration period() {
      return minutes == null ? null
          : Duration.ofMillis(minutes.multiply(BigDecimal.valueOf(60_000)).setScale(0, java.math.RoundingMode.HALF_UP)
              .longValueExact());
    }

    /** Step n (1-based): its kinds, then the later steps' as fall-backs; past the last step all at once. */
    List<List<String>> kindsFor(int step) {
      if (step > steps.size()) {
        return List.of(steps);
      }
      return steps.subList(step - 1, steps.size()).stream().map(List::of).toList();
    }
  }

  /** The key of a rule row: the rule, with the level for alerts. */
  static String key(String rule, String level) {
    return level == null || level.isEmpty() ? rule : rule + ":" + level;
  }

  List<String> recipientsOf(String rule, String level) {
    return recipients.getOrDefault(key(rule, level), List.of());
  }

  JsonObject toJson() {
    JsonArray rules = new JsonArray();
    for (String rule : ALLOWED.keySet()) {
      for (String level : "alert.raised".equals(rule) ? LEVELS : List.of("")) {
        rules.add(new JsonObject().put("rule", rule).put("level", level.isEmpty() ? null : level)
            .put("recipients", new JsonArray(recipientsOf(rule, level))));
      }
    }
    JsonArray calls = new JsonArray();
    for (String level : LEVELS) {
      CallDownRule c = callDown.get(level);
      calls.add(new JsonObject().put("level", level)
          .put("minutes", c == null || c.minutes() == null ? null : c.minutes().stripTrailingZeros().doubleValue())
          .put("steps", new JsonArray(c == null ? List.of() : c.steps())));
    }
    JsonObject allowed = new JsonObject();
    ALLOWED.forEach((rule, kinds) -> allowed.put(rule, new JsonArray(kinds)));
    return new JsonObject().put("version", version).put("rules", rules).put("callDown", calls)
        .put("allowed", allowed).put("stepKinds", new JsonArray(STEP_KINDS));
  }
}
