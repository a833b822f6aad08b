package org.floodready.inventory;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.floodready.db.Where;
import org.floodready.db.PageRequest;

/** Lots and their on-hand quantities. Every change here goes with a ledger row in the same transaction. */
final class LotRepository {
  /** The on-hand and identity of a lot after a change. */
  record Balance(long lotId, String lotCode, BigDecimal quantity) {
  }

  private static final String FROM = " FROM lots l JOIN items i ON i.id = l.item_id JOIN bases b ON b.id = l.base_id"
      + " LEFT JOIN users tu ON tu.id = l.last_test_by";

  private final Pool pool;

  LotRepository(Pool pool) {
    this.pool = pool;
  }

  /** A query whose first two parameters are the district date and zone, so filters come after. */
  static Where where(LocalDate today, String zone) {
    Where where = new Where();
    where.bind(today);
    where.bind(zone);
    return where;
  }

  private static String columns() {
    return "l.id, l.base_id, l.item_id, l.lot_code, l.quantity, l.received_on, l.expires_on, l.condition,"
        + " l.last_test_at, l.last_test_result, l.last_test_by, tu.username AS last_test_by_name,"
        + " i.code AS item_code, i.name_zh AS item_name_zh, i.name_en AS item_name_en, i.category,"
        + " i.unit_of_measure, i.needs_test_run, b.name_zh AS base_name_zh, b.unit_id,"
        + " CASE WHEN i.needs_test_run THEN " + InventorySql.testDueOn("$2::text") + " END AS test_due_on,"
        + " " + InventorySql.notUsableReason("$1::date", "$2::text") + " AS not_usable_reason";
  }

  /** Where built by {@link #where}. */
  Future<RowSet<Row>> page(Where where, PageRequest page) {
    return pool.preparedQuery(page.select(columns(), FROM, where))
        .execute(where.tuple());
  }

  Future<Optional<Lot>> find(long id, LocalDate today, String zone) {
    return pool.preparedQuery("SELECT " + columns() + FROM + " WHERE l.id = $3")
        .execute(Tuple.of(today, zone, id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(Lot.from(rows.iterator().next())));
  }

  Future<List<Lot>> list(Where where, String orderBy) {
    return pool.preparedQuery("SELECT " + columns() + FROM + where.sql() + " ORDER BY " + orderBy)
        .execute(where.tuple())
        .map(rows -> {
          List<Lot> lots = new ArrayList<>();
          rows.forEach(r -> lots.add(Lot.from(r)));
          return lots;
        });
  }

  /**
   * The usable lots of an item at a base, locked, in the order they are issued: first to expire first
   * (FEFO; lots that never expire last), then equipment that passed its last test run, then oldest first.
   */
  Future<List<Lot>> lockUsable(SqlClient tx, long baseId, long itemId, LocalDate today, String zone) {
    return tx.preparedQuery("SELECT " + columns() + FROM + " WHERE l.base_id = $3 AND l.item_id = $4"
            + " AND l.quantity > 0 AND " + InventorySql.notUsableReason("$1::date", "$2::text") + " IS NULL"
            + " ORDER BY l.expires_on NULLS LAST, CASE WHEN l.last_test_result = 'pass' THEN 0 ELSE 1 END,"
            + " l.received_on, l.id FOR UPDATE OF l")
        .execute(Tuple.of(today, zone, baseId, itemId))
        .map(rows -> {
          List<Lot> lots = new ArrayList<>();
          rows.forEach(r -> lots.add(Lot.from(r)));
          return lots;
        });
  }

  /**
   * Creates the lot or adds to the lot with the same code at the base; empty when that lot is
   * scrapped (stock is never put back into a scrapped lot).
   */
  Future<Optional<Balance>> receiveInto(SqlClient tx, long baseId, long itemId, String lotCode, BigDecimal quantity,
      LocalDate receivedOn, LocalDate expiresOn, String condition, OffsetDateTime lastTestAt, String lastTestResult,
      Long lastTestBy, OffsetDateTime now) {
    return tx.preparedQuery("""
            INSERT INTO lots (base_id, item_id, lot_code, quantity, received_on, expires_on, condition,
                              last_test_at, last_test_result, last_test_by, created_at, updated_at)
            VALUES ($1, $2, COALESCE($3, 'LOT-' || to_char($5::date, 'YYYYMMDD') || '-' || nextval('lot_code_seq')),
                    $4, $5, $6, $7, $8, $9, $10, $11, $11)
            ON CONFLICT (base_id, item_id, lot_code)
            DO UPDATE SET quantity = lots.quantity + EXCLUDED.quantity, updated_at = EXCLUDED.updated_at
            WHERE lots.condition <> 'scrapped'
            RETURNING id, lot_code, quantity""")
        .execute(Tuple.wrap(new ArrayList<>(Arrays.asList(baseId, itemId, lotCode, quantity, receivedOn, expiresOn,
            condition, lastTestAt, lastTestResult, lastTestBy, now))))
        .map(LotRepository::balance);
  }

  /**
   * Puts transferred stock into the lot with the source lot's code at the destination, carrying its
   * dates, condition and last test; empty when that destination lot is scrapped.
   */
  Future<Optional<Balance>> copyInto(SqlClient tx, long sourceLotId, long toBaseId, BigDecimal quantity,
      OffsetDateTime now) {
    return tx.preparedQuery("""
            INSERT INTO lots (base_id, item_id, lot_code, quantity, received_on, expires_on, condition,
                              last_test_at, last_test_result, last_test_by, created_at, updated_at)
            SELECT $2, s.item_id, s.lot_code, $3, s.received_on, s.expires_on, s.condition,
                   s.last_test_at, s.last_test_result, s.last_test_by, $4, $4
            FROM lots s WHERE s.id = $1
            ON CONFLICT (base_id, item_id, lot_code)
            DO UPDATE SET quantity = lots.quantity + EXCLUDED.quantity, updated_at = EXCLUDED.updated_at
            WHERE lots.condition <> 'scrapped'
            RETURNING id, lot_code, quantity""")
        .execute(Tuple.of(sourceLotId, toBaseId, quantity, now))
        .map(LotRepository::balance);
  }

  /**
   * Puts equipment back from an incident at {@code baseId}, carrying the issued lot's dates and last test:
   * into the lot with the issued lot's code (condition usable when it is new), or with {@code split} into a
   * new lot of its own (code {@code <issued code>-R<n>}) in {@code condition}, so a pump needing repair is not
   * mixed with usable ones. Empty when the receiving lot is scrapped.
   */
  Future<Optional<Balance>> returnInto(SqlClient tx, long issuedLotId, long baseId, BigDecimal quantity,
      boolean split, String condition, OffsetDateTime now) {
    return tx.preparedQuery("""
            INSERT INTO lots (base_id, item_id, lot_code, quantity, received_on, expires_on, condition,
                              last_test_at, last_test_result, last_test_by, created_at, updated_at)
            SELECT $2, s.item_id, CASE WHEN $4 THEN s.lot_code || '-R' || nextval('lot_code_seq') ELSE s.lot_code END,
                   $3, s.received_on, s.expires_on, $5, s.last_test_at, s.last_test_result, s.last_test_by, $6, $6
            FROM lots s WHERE s.id = $1
            ON CONFLICT (base_id, item_id, lot_code)
            DO UPDATE SET quantity = lots.quantity + EXCLUDED.quantity, updated_at = EXCLUDED.updated_at
            WHERE lots.condition <> 'scrapped'
            RETURNING id, lot_code, quantity""")
        .execute(Tuple.of(issuedLotId, baseId, quantity, split, condition, now))
        .map(LotRepository::balance);
  }

  /** Takes stock out only if enough is on hand (the row lock makes concurrent takers queue); empty = too little. */
  Future<Optional<Balance>> withdraw(SqlClient tx, long lotId, BigDecimal quantity, OffsetDateTime now) {
    return tx.preparedQuery("UPDATE lots SET quantity = quantity - $2, updated_at = $3"
            + " WHERE id = $1 AND quantity >= $2 RETURNING id, lot_code, quantity")
        .execute(Tuple.of(lotId, quantity, now))
        .map(LotRepository::balance);
  }

  /** Locks the lot for a stocktake or a condition change and returns its on-hand and condition. */
  Future<Row> lock(SqlClient tx, long lotId) {
    return tx.preparedQuery("SELECT id, item_id, lot_code, quantity, condition FROM lots WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(lotId))
        .map(rows -> rows.iterator().next());
  }

  Future<Void> setQuantity(SqlClient tx, long lotId, BigDecimal quantity, OffsetDateTime now) {
    return tx.preparedQuery("UPDATE lots SET quantity = $2, updated_at = $3 WHERE id = $1")
        .execute(Tuple.of(lotId, quantity, now)).mapEmpty();
  }

  Future<Void> setCondition(SqlClient tx, long lotId, String condition, OffsetDateTime now) {
    return tx.preparedQuery("UPDATE lots SET condition = $2, updated_at = $3 WHERE id = $1")
        .execute(Tuple.of(lotId, condition, now)).mapEmpty();
  }

  Future<Void> recordTest(SqlClient tx, long lotId, OffsetDateTime at, String result, long userId,
      OffsetDateTime now) {
    return tx.preparedQuery("UPDATE lots SET last_test_at = $2, last_test_result = $3, last_test_by = $4,"
            + " updated_at = $5 WHERE id = $1")
        .execute(Tuple.of(lotId, at, result, userId, now)).mapEmpty();
  }

  private static Optional<Balance> balance(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return Optional.empty();
    }
    Row r = rows.iterator().next();
    return Optional.of(new Balance(r.getLong("id"), r.getString("lot_code"), r.getBigDecimal("quantity")));
  }
}
