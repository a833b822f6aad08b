package org.floodready.excel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.floodready.auth.BootstrapAdmin;
import org.floodready.FloodReadyServer;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Nodes;
import org.floodready.support.Resp;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.Test;

/**
 * The demo district exported as filled templates and imported, in dependency order, into a node started on an
 * empty database with {@code --demo-data false}; then the tables compared, ids aside.
 *
 * <p>An empty database has no account and no unit: the node is started with {@code --bootstrap-admin}, which
 * creates the one admin {@code setup.admin}; the units sheet then creates the city (its row without a parent)
 * and everything else comes from the sheets too.
 *
 * <p>Compared: every table of the set-up the demo holds (units, users, items, bases with keepers, quotas, lots
 * with stock, checkpoints with flood-limit periods, their pumps/bases and inspectors, rivers, reaches with their
 * chiefs, rescue teams and the teams each unit must keep on standby). Not compared: the ledger (the demo's movement history becomes one opening receipt per lot with
 * stock; lots empty, expired or scrapped are not carried over) and what happens during a season (readings and
 * the checkpoint state they make, alerts, patrols, hazards, the duty roster, incidents and the teams' deployments
 * to them).
 */
@FloodReadyTest
class EmptyDatabaseRoundTripTest {
  private static final String SETUP_ADMIN = "setup.admin";
  private static final String SETUP_PASSWORD = "Anzhuang-Chushi-2026";

  @Test
  void theDemoDistrictIsSetUpFromItsOwnSpreadsheets(TestServer demo, @As("admin") Api source, Nodes nodes) throws Exception {
    FloodReadyServer empty = nodes.start(Nodes.config(nodes.emptyDatabase(), Nodes.freePort(), nodes.dataDir(),
        "--demo-data", "false", "--bootstrap-admin", SETUP_ADMIN, "--bootstrap-admin-password", SETUP_PASSWORD));
    Api target = nodes.users(empty).login(SETUP_ADMIN, SETUP_PASSWORD);
    assertEquals(0, target.get("/api/items").json().getJsonArray("items").size(), "the database starts empty");
    assertEquals(0, target.get("/api/units").json().getJsonArray("items").size(), "not even a root unit");
    for (String kind : List.of("units", "users", "items", "bases", "quotas", "opening-balances",
        "checkpoints", "checkpoint-services", "checkpoint-inspectors", "reaches", "rescue-teams",
        "team-requirements")) {
      Resp filled = source.get("/api/import/templates/" + kind + ".xlsx?filled=true");
      assertEquals(200, filled.status(), kind + ": " + filled);
      byte[] file = kind.equals("users") ? withPasswords(filled.bytes()) : filled.bytes();
      Resp done = Sheets.upload(target, kind, file, null);
      assertEquals(200, done.status(), kind + ": " + done);
    }
    nodes.users(empty).login("keeper", password(3));
    assertFalse(BootstrapAdmin.ensure(empty.app()).toCompletionStage().toCompletableFuture().get(),
        "the bootstrap flag does nothing once an admin exists");

    Map<String, Set<String>> differing = new TreeMap<>();
    for (Map.Entry<String, String> table : TABLES.entrySet()) {
      Map<String, JsonObject> before = rows(demo.server, table.getValue());
      Map<String, JsonObject> after = rows(empty, table.getValue());
      assertEquals(before.keySet(), after.keySet(), table.getKey() + ": the same rows");
      Set<String> columns = new TreeSet<>();
      before.forEach((key, row) -> row.fieldNames().forEach(column -> {
        if (!String.valueOf(row.getValue(column)).equals(String.valueOf(after.get(key).getValue(column)))) {
          columns.add(column);
        }
      }));
      differing.put(table.getKey(), columns);
    }
    // What a sheet does not carry, on purpose: when a row was written, the passwords (set anew, never
    // exported), who changed a quota or a team requirement last, a lot's last test run (history, not an opening
    // balance), and a team's version (its edits and status changes so far).
    assertEquals(Map.ofEntries(
        Map.entry("units", Set.of("created_at")),
        Map.entry("users", Set.of("created_at", "password_hash")),
        Map.entry("items", Set.of("created_at")),
        Map.entry("bases", Set.of("created_at")),
        Map.entry("quotas", Set.of("updated_at", "updatedBy")),
        Map.entry("lots with stock", Set.of("created_at", "updated_at", "last_test_at", "last_test_result", "lastTestBy")),
        Map.entry("checkpoints", Set.of("created_at", "updated_at")),
        Map.entry("checkpoint services", Set.of()),
        Map.entry("checkpoint inspectors", Set.of()),
        Map.entry("inspection checklists", Set.of()),
        Map.entry("rivers", Set.of("created_at")),
        Map.entry("reaches", Set.of("created_at")),
        Map.entry("rescue teams", Set.of("updated_at", "version")),
        Map.entry("team requirements", Set.of("updated_at", "updatedBy"))),
        differing, "columns that differ after the round trip");
  }

  /** The set-up tables the comparison above covers. */
  private static final Set<String> COMPARED = Set.of("units", "users", "items", "bases", "base_keepers", "quotas",
      "lots", "checkpoints", "flood_limit_periods", "checkpoint_services", "checkpoint_inspectors", "rivers",
      "reaches", "inspection_checklist_items", "rescue_teams", "team_requirements");

  /**
   * Every table is either compared, or set-up data without a sheet yet that the demo leaves empty (so the round
   * trip misses nothing of the demo), or not set-up data at all: what a season brings and the system's
   * bookkeeping. A new table must be placed here.
   */
  @Test
  void everyTableIsComparedOrAccountedFor(TestServer demo) throws Exception {
    Set<String> noSheet = Set.of("api_keys", "api_key_checkpoints", "unit_responsibles");
    Set<String> notSetUp = Set.of("stock_movements", "movement_photos", "transfers", "stocktakes",
        "stocktake_lines", "readings", "checkpoint_state", "alerts", "alert_events", "patrols", "hazards",
        "hazard_events", "hazard_photos", "duty_shifts", "duty_shift_officers", "duty_handovers", "incidents",
        "incident_log", "incident_photos", "inspection_rounds", "inspection_answers", "notifications",
        "notify_cursor", "live_events", "audit_log", "idempotency_keys", "settings", "import_jobs",
        "supply_requests", "supply_request_lines", "dispatches", "request_allocations", "incident_returns",
        "notify_rules", "notify_calldown", "notify_rules_version", "team_deployments",
        "flyway_schema_history", "demo_scale", "demo_typical");
    Map<String, Integer> counts = new TreeMap<>();
    demo.server.app().pool().query("SELECT table_name::text AS t, (xpath('/row/n/text()', query_to_xml("
            + "format('SELECT count(*) AS n FROM %I', table_name), false, true, '')))[1]::text::int AS n"
            + " FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")
        .execute().toCompletionStage().toCompletableFuture().get()
        .forEach(r -> counts.put(r.getString("t"), r.getInteger("n")));
    Set<String> unaccounted = new TreeSet<>(counts.keySet());
    unaccounted.removeAll(COMPARED);
    unaccounted.removeAll(noSheet);
    unaccounted.removeAll(notSetUp);
    assertEquals(Set.of(), unaccounted, "tables the round trip neither compares nor accounts for");
    noSheet.forEach(t -> assertEquals(0, counts.get(t), t + ": set-up data without a sheet, empty in the demo"));
    COMPARED.forEach(t -> assertTrue(counts.get(t) > 0, t + ": a compared table holds demo rows"));
  }

  /** The filled users sheet has no passwords: a clerk sets each one's initial password. */
  private static byte[] withPasswords(byte[] file) throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
      Sheet sheet = wb.getSheetAt(0);
      int column = -1;
      for (Cell c : sheet.getRow(0)) {
        column = c.getStringCellValue().startsWith("初始密码") ? c.getColumnIndex() : column;
      }
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        Cell cell = row.getCell(column) == null ? row.createCell(column) : row.getCell(column);
        cell.setCellValue(password(r));
      }
      return Sheets.bytes(wb);
    }
  }

  private static String password(int row) {
    return "Chushi-Mima-2026-" + row;
  }

  /** Each table as rows keyed by their natural key, references by code, ids left out. */
  private static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("units", "SELECT u.code AS key, to_jsonb(u) - 'id' - 'parent_id'"
        + " || jsonb_build_object('parent', p.code) AS row FROM units u LEFT JOIN units p ON p.id = u.parent_id");
    TABLES.put("users", "SELECT u.username AS key, to_jsonb(u) - 'id' - 'unit_id'"
        + " || jsonb_build_object('unit', un.code) AS row FROM users u LEFT JOIN units un ON un.id = u.unit_id"
        + " WHERE u.username <> '" + SETUP_ADMIN + "'");
    TABLES.put("items", "SELECT code AS key, to_jsonb(i) - 'id' AS row FROM items i");
    TABLES.put("bases", "SELECT b.code AS key, to_jsonb(b) - 'id' - 'unit_id' || jsonb_build_object('unit', un.code,"
        + " 'keepers', (SELECT jsonb_agg(u.username ORDER BY u.username) FROM base_keepers k"
        + " JOIN users u ON u.id = k.user_id WHERE k.base_id = b.id)) AS row"
        + " FROM bases b JOIN units un ON un.id = b.unit_id");
    TABLES.put("quotas", "SELECT b.code || '/' || i.code AS key, to_jsonb(q) - 'id' - 'base_id' - 'item_id'"
        + " - 'updated_by' || jsonb_build_object('updatedBy', u.username) AS row FROM quotas q"
        + " JOIN bases b ON b.id = q.base_id JOIN items i ON i.id = q.item_id LEFT JOIN users u ON u.id = q.updated_by");
    TABLES.put("lots with stock", "SELECT b.code || '/' || i.code || '/' || l.lot_code AS key,"
        + " to_jsonb(l) - 'id' - 'base_id' - 'item_id' - 'last_test_by' || jsonb_build_object('lastTestBy', u.username)"
        + " AS row FROM lots l JOIN bases b ON b.id = l.base_id JOIN items i ON i.id = l.item_id"
        + " LEFT JOIN users u ON u.id = l.last_test_by"
        + " WHERE l.quantity > 0 AND l.condition IN ('usable', 'needs_repair')");
    TABLES.put("checkpoints", "SELECT c.code AS key, to_jsonb(c) - 'id' - 'unit_id' || jsonb_build_object('unit',"
        + " un.code, 'floodLimits', (SELECT jsonb_agg(to_jsonb(p) - 'id' - 'checkpoint_id' ORDER BY p.start_md)"
        + " FROM flood_limit_periods p WHERE p.checkpoint_id = c.id)) AS row"
        + " FROM checkpoints c JOIN units un ON un.id = c.unit_id");
    TABLES.put("checkpoint services", "SELECT c.code || '/' || s.kind || '/' || s.name AS key,"
        + " to_jsonb(s) - 'id' - 'checkpoint_id' - 'base_id' || jsonb_build_object('base', b.code) AS row"
        + " FROM checkpoint_services s JOIN checkpoints c ON c.id = s.checkpoint_id"
        + " LEFT JOIN bases b ON b.id = s.base_id");
    TABLES.put("checkpoint inspectors", "SELECT c.code || '/' || u.username AS key, '{}'::jsonb AS row"
        + " FROM checkpoint_inspectors i JOIN checkpoints c ON c.id = i.checkpoint_id JOIN users u ON u.id = i.user_id");
    // The checklists come with the schema (migration V13), not from a sheet: an empty database has them too.
    TABLES.put("inspection checklists", "SELECT site_kind || '/' || position AS key, to_jsonb(c) - 'id' AS row"
        + " FROM inspection_checklist_items c");
    TABLES.put("rivers", "SELECT code AS key, to_jsonb(r) - 'id' AS row FROM rivers r");
    TABLES.put("reaches", "SELECT r.code AS key, to_jsonb(r) - 'id' - 'river_id' - 'unit_id' - 'chief_user_id'"
        + " || jsonb_build_object('river', rv.code, 'unit', un.code, 'chief', u.username) AS row FROM reaches r"
        + " JOIN rivers rv ON rv.id = r.river_id JOIN units un ON un.id = r.unit_id"
        + " LEFT JOIN users u ON u.id = r.chief_user_id");
    // A deployment belongs to an incident, season data: the team deployed in the demo comes back on standby.
    TABLES.put("rescue teams", "SELECT un.code || '/' || t.name AS key, to_jsonb(t) - 'id' - 'unit_id' - 'base_id'"
        + " - 'incident_id' - 'status' || jsonb_build_object('unit', un.code, 'base', b.code, 'status',"
        + " CASE t.status WHEN 'deployed' THEN 'standby' ELSE t.status END) AS row FROM rescue_teams t"
        + " JOIN units un ON un.id = t.unit_id LEFT JOIN bases b ON b.id = t.base_id");
    TABLES.put("team requirements", "SELECT un.code AS key, to_jsonb(r) - 'unit_id' - 'updated_by'"
        + " || jsonb_build_object('updatedBy', u.username) AS row FROM team_requirements r"
        + " JOIN units un ON un.id = r.unit_id LEFT JOIN users u ON u.id = r.updated_by");
  }

  private static Map<String, JsonObject> rows(FloodReadyServer server, String sql) throws Exception {
    Pool pool = server.app().pool();
    Map<String, JsonObject> out = new TreeMap<>();
    pool.query("SELECT key, row::text AS row FROM (" + sql + ") t").execute()
        .toCompletionStage().toCompletableFuture().get()
        .forEach(r -> out.put(r.getString("key"), new JsonObject(r.getString("row"))));
    return out;
  }
}
