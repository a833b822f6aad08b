package org.floodready.notify;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.floodready.input.Fields;

/**
 * A whole rule set sent by an admin, checked before anything is written: every rule (each alert level)
 * and every call-down level exactly once, only the kinds of people the fact can name, minutes above 0.
 */
final class RulesInput {
  static final BigDecimal MAX_MINUTES = BigDecimal.valueOf(10_000);

  private RulesInput() {
  }

  /** The checked rule set (its version is the one the admin read), or a 400 naming each bad field. */
  static RuleSet read(JsonObject body) {
    Fields in = new Fields(body);
    Long version = in.id("version", true);
    Map<String, List<String>> recipients = new LinkedHashMap<>();
    JsonArray rules = in.array("rules", 100, true);
    if (rules != null) {
      for (int i = 0; i < rules.size(); i++) {
        rule(in, "rules[" + i + "]", rules.getValue(i), recipients);
      }
      for (String rule : RuleSet.ALLOWED.keySet()) {
        for (String level : "alert.raised".equals(rule) ? RuleSet.LEVELS : List.of("")) {
          in.check(recipients.containsKey(RuleSet.key(rule, level)), "rules",
              "must list every rule; missing " + RuleSet.key(rule, level));
        }
      }
    }
    Map<String, RuleSet.CallDownRule> callDown = new LinkedHashMap<>();
    JsonArray levels = in.array("callDown", 10, true);
    if (levels != null) {
      for (int i = 0; i < levels.size(); i++) {
        callDown(in, "callDown[" + i + "]", levels.getValue(i), callDown);
      }
      for (String level : RuleSet.LEVELS) {
        in.check(callDown.containsKey(level), "callDown", "must list every level; missing " + level);
      }
    }
    in.validate();
    return new RuleSet(version, recipients, callDown);
  }

  private static void rule(Fields in, String path, Object value, Map<String, List<String>> into) {
    if (!(value instanceof JsonObject json)) {
      in.error(path, "must be an object");
      return;
    }
    Fields f = in.nested(json, path);
    String rule = f.oneOf("rule", RuleSet.ALLOWED.keySet(), true);
    if (rule == null) {
      return;
    }
    boolean alert = "alert.raised".equals(rule);
    String level = alert ? f.oneOf("level", RuleSet.LEVELS, true) : "";
    f.check(alert || !f.has("level"), "level", "only alert rules have a level");
    if (level == null) {
      return;
    }
    List<String> kinds = kinds(f, "recipients", RuleSet.ALLOWED.get(rule), false);
    String key = RuleSet.key(rule, level);
    f.check(!into.containsKey(key), "rule", "is listed twice");
    if (kinds != null) {
      into.putIfAbsent(key, kinds);
    }
  }

  private static void callDown(Fields in, String path, Object value, Map<String, RuleSet.CallDownRule> into) {
    if (!(value instanceof JsonObject json)) {
      in.error(path, "must be an object");
      return;
    }
    Fields f = in.nested(json, path);
    String level = f.oneOf("level", RuleSet.LEVELS, true);
    BigDecimal minutes = f.decimal("minutes", BigDecimal.ZERO, true, MAX_MINUTES, 3, false);
    List<String> steps = kinds(f, "steps", RuleSet.STEP_KINDS, true);
    if (level == null) {
      return;
    }
    f.check(!into.containsKey(level), "level", "is listed twice");
    if (steps != null) {
      into.putIfAbsent(level, new RuleSet.CallDownRule(minutes, steps));
    }
  }

  /** Distinct known kinds; {@code nonEmpty} for call-down steps (a call-down needs someone to call). */
  private static List<String> kinds(Fields f, String name, List<String> allowed, boolean nonEmpty) {
    JsonArray raw = f.array(name, 10, true);
    if (raw == null) {
      return null;
    }
    f.check(!nonEmpty || !raw.isEmpty(), name, "must name at least one kind of person");
    Set<String> kinds = new LinkedHashSet<>();
    for (int i = 0; i < raw.size(); i++) {
      Object v = raw.getValue(i);
      if (!(v instanceof String s) || !allowed.contains(s)) {
        f.error(name + "[" + i + "]", "must be one of " + String.join(", ", allowed));
      } else if (!kinds.add(s)) {
        f.error(name + "[" + i + "]", "is listed twice");
      }
    }
    return new ArrayList<>(kinds);
  }
}
