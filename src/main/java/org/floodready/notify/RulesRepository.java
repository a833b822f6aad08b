package org.floodready.notify;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The notification rules in PostgreSQL: read whole, replaced whole under one version. */
final class RulesRepository {

  Future<RuleSet> load(SqlClient db) {
    Map<String, List<String>> recipients = new LinkedHashMap<>();
    Map<String, RuleSet.CallDownRule> callDown = new LinkedHashMap<>();
    return db.query("SELECT rule, level, recipients FROM notify_rules").execute()
        .compose(rows -> {
          rows.forEach(r -> recipients.put(RuleSet.key(r.getString("rule"), r.getString("level")), texts(r, "recipients")));
          return db.query("SELECT level, minutes, steps FROM notify_calldown").execute();
        })
        .compose(rows -> {
          rows.forEach(r -> callDown.put(r.getString("level"),
              new RuleSet.CallDownRule(r.getBigDecimal("minutes"), texts(r, "steps"))));
          return db.query("SELECT version FROM notify_rules_version").execute();
        })
        .map(rows -> new RuleSet(rows.iterator().next().getLong("version"), Map.copyOf(recipients),
            Map.copyOf(callDown)));
  }

  /** Replaces the rules if the stored version is still {@code expected}; answers the new version, or empty. */
  Future<java.util.Optional<Long>> replace(SqlClient tx, long expected, RuleSet rules, String by, OffsetDateTime now) {
    return tx.preparedQuery("UPDATE notify_rules_version SET version = version + 1, updated_at = $2, updated_by = $3"
            + " WHERE version = $1 RETURNING version")
        .execute(Tuple.of(expected, now, by))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(java.util.Optional.empty());
          }
          long version = rows.iterator().next().getLong("version");
          List<Tuple> ruleRows = new ArrayList<>();
          rules.recipients().forEach((key, kinds) -> {
            String[] parts = key.split(":", 2);
            ruleRows.add(Tuple.of(parts[0], parts.length > 1 ? parts[1] : "", kinds.toArray(new String[0])));
          });
          List<Tuple> stepRows = new ArrayList<>();
          rules.callDown().forEach((level, c) -> stepRows.add(Tuple.of(level, c.minutes(),
              c.steps().toArray(new String[0]))));
          return tx.query("DELETE FROM notify_rules").execute()
              .compose(v -> tx.preparedQuery("INSERT INTO notify_rules (rule, level, recipients) VALUES ($1, $2, $3)")
                  .executeBatch(ruleRows))
              .compose(v -> tx.query("DELETE FROM notify_calldown").execute())
              .compose(v -> tx.preparedQuery("INSERT INTO notify_calldown (level, minutes, steps) VALUES ($1, $2, $3)")
                  .executeBatch(stepRows))
              .map(v -> java.util.Optional.of(version));
        });
  }

  private static List<String> texts(Row r, String column) {
    String[] values = r.getArrayOfStrings(column);
    return values == null ? List.of() : List.copyOf(Arrays.asList(values));
  }
}
