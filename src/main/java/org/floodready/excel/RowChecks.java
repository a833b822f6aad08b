package org.floodready.excel;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.floodready.app.AppContext;
import org.floodready.db.Where;
import org.floodready.excel.SheetReader.SheetRow;
import org.floodready.errors.ApiError;
import org.floodready.contract.ContractValidation;
import org.floodready.inventory.Base;
import org.floodready.inventory.InventoryImport;
import org.floodready.inventory.Item;
import org.floodready.patrols.RiverImport;
import org.floodready.units.Unit;
import org.floodready.units.UnitRepository;

/**
 * The rows of one upload and where their problems go: runs the domain's validation on a row's JSON and turns
 * each failing field into a located problem, resolves references by code or Chinese name.
 */
final class RowChecks {
  final AppContext app;
  final InventoryImport inventory;
  final RiverImport rivers;
  final ImportRepository repository;
  final List<SheetRow> rows;
  final String contentHash;
  private final ImportKind kind;
  private final SheetReader.Parsed parsed;
  private final Problems problems;
  private final ImportProgress progress;
  private final ContractValidation contract;

  RowChecks(AppContext app, ImportKind kind, SheetReader.Parsed parsed, Problems problems, String contentHash,
      ImportProgress progress, ContractValidation contract) {
    this.app = app;
    this.contract = contract;
    this.inventory = new InventoryImport(app);
    this.rivers = new RiverImport(app);
    this.repository = new ImportRepository(app.pool());
    this.kind = kind;
    this.parsed = parsed;
    this.rows = parsed.rows();
    this.problems = problems;
    this.contentHash = contentHash;
    this.progress = progress;
  }

  /** The rows for a kind's checking loop, each reported to the progress as the loop reaches it. */
  Iterable<SheetRow> each() {
    return () -> rows.stream().peek(row -> progress.checkedRow()).iterator();
  }

  /** What a write would do, counted while checking, for a dry run's answer (e.g. rows booked before). */
  final JsonObject expected = new JsonObject();

  void expect(String outcome, int count) {
    if (count > 0) {
      expected.put(outcome, count);
    }
  }

  LocalDate today() {
    return app.now().atZoneSameInstant(app.config().zone()).toLocalDate();
  }

  /** Reports a problem on one cell of a row (column by its key; null = the row as a whole). */
  void problem(SheetRow row, String key, String zh, String en) {
    Column column = kind.columns().stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
    Integer index = key == null ? null : parsed.columnIndex().get(key);
    problems.add(parsed.sheet().getSheetName(), row.rowNumber(), column, index == null ? -1 : index, zh, en);
  }

  /** Like {@link #problem}, unless that cell has a problem already (e.g. unreadable, so also "missing"). */
  private void firstProblem(SheetRow row, String key, String zh, String en) {
    Column column = kind.columns().stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
    if (!problems.has(parsed.sheet().getSheetName(), row.rowNumber(), column)) {
      problem(row, key, zh, en);
    }
  }

  /**
   * Runs the domain's validation; each field it rejects becomes a problem in the column that
   * {@code columnOf} names for that API field (by default the column with the field's own key).
   */
  <T> T validate(SheetRow row, Supplier<T> validation, Function<String, String> columnOf) {
    try {
      return validation.get();
    } catch (ApiError e) {
      if (e.fields() == null || e.fields().isEmpty()) {
        firstProblem(row, null, Problems.zh(e.getMessage()), e.getMessage());
      } else {
        e.fields().forEach((field, message) -> {
          String key = columnOf.apply(field);
          firstProblem(row, key, Problems.zh(message), message);
        });
      }
      return null;
    }
  }

  /**
   * Checks a row's JSON against the request body of {@code operationId}, the API operation making the same change,
   * or against a component schema ({@code #/components/schemas/CheckpointService}) (the contract's own schema: types, required, enums, ranges, lengths, patterns), then runs the domain's
   * reading with the rules a schema cannot say; each failing field becomes a problem in its column.
   */
  <T> T validate(SheetRow row, String operationId, JsonObject json, Supplier<T> reading,
      Function<String, String> columnOf) {
    JsonObject sent = json.copy();
    sent.fieldNames().removeIf(name -> sent.getValue(name) == null); // an empty cell is a field not sent
    Map<String, String> errors = operationId.startsWith("#/components/schemas/")
        ? contract.schemaErrors(operationId.substring("#/components/schemas/".length()), sent)
        : contract.bodyErrors(operationId, sent);
    if (!errors.isEmpty()) {
      errors.forEach((field, message) -> firstProblem(row, columnOf.apply(field), Problems.zh(message), message));
      return null;
    }
    return validate(row, reading, columnOf);
  }

  /** The API's JSON for a row: numbers as numbers (whole ones as longs), dates as ISO text. */
  static JsonObject json(SheetRow row, String... keys) {
    JsonObject json = new JsonObject();
    for (String key : keys) {
      Object v = row.values().get(key);
      if (v instanceof BigDecimal d) {
        json.put(key, d.scale() <= 0 ? (Object) d.longValueExact() : d);
      } else if (v instanceof LocalDate date) {
        json.put(key, date.toString());
      } else if (v != null) {
        json.put(key, v);
      }
    }
    return json;
  }

  static String text(SheetRow row, String key) {
    Object v = row.values().get(key);
    return v == null ? null : v.toString();
  }

  /** Reports the second and later rows that repeat the same key (e.g. a code). */
  void unique(Function<SheetRow, String> keyOf, String column, String what) {
    Map<String, Integer> seen = new HashMap<>();
    for (SheetRow row : rows) {
      String k = keyOf.apply(row);
      if (k == null) {
        continue;
      }
      Integer first = seen.putIfAbsent(k, row.rowNumber());
      if (first != null) {
        problem(row, column, what + "与第 " + first + " 行重复", what + " repeats row " + first);
      }
    }
  }

  /** The items and bases rows may name. */
  record Catalogue(Refs<Item> items, Refs<Base> bases) {
  }

  Future<Catalogue> catalogue() {
    Future<List<Item>> items = inventory.items();
    Future<List<Base>> bases = inventory.bases();
    return Future.all(items, bases).map(all -> new Catalogue(
        new Refs<>("物资", "item", items.result(), Item::code, Item::nameZh),
        new Refs<>("基地", "base", bases.result(), Base::code, Base::nameZh)));
  }

  /** The units rows may name. */
  Future<Refs<Unit>> units() {
    return new UnitRepository(app.pool()).list(new Where())
        .map(list -> new Refs<>("单位", "unit", list, Unit::code, Unit::nameZh));
  }

  /** Things referred to by code or Chinese name. */
  static final class Refs<T> {
    private final String whatZh;
    private final String whatEn;
    private final Map<String, T> byCode = new HashMap<>();
    private final Map<String, List<T>> byName = new HashMap<>();

    Refs(String whatZh, String whatEn, List<T> all, Function<T, String> code, Function<T, String> nameZh) {
      this.whatZh = whatZh;
      this.whatEn = whatEn;
      for (T t : all) {
        byCode.put(code.apply(t).toLowerCase(), t);
        byName.computeIfAbsent(nameZh.apply(t), k -> new ArrayList<>()).add(t);
      }
    }

    /** The one thing the cell names, or null with a problem reported (empty, none, or several of that name). */
    T resolve(RowChecks checks, SheetRow row, String key) {
      String cell = text(row, key);
      if (cell == null) {
        checks.problem(row, key, "必填", "is required");
        return null;
      }
      T found = byCode.get(cell.toLowerCase());
      if (found != null) {
        return found;
      }
      List<T> named = byName.getOrDefault(cell, List.of());
      if (named.size() == 1) {
        return named.get(0);
      }
      if (named.isEmpty()) {
        checks.problem(row, key, "找不到" + whatZh + "「" + cell + "」（按编码或名称）",
            "no " + whatEn + " '" + cell + "' (by code or Chinese name)");
      } else {
        checks.problem(row, key, "有 " + named.size() + " 个" + whatZh + "叫「" + cell + "」，请填编码",
            named.size() + " " + whatEn + "s are named '" + cell + "': give the code");
      }
      return null;
    }
  }
}
