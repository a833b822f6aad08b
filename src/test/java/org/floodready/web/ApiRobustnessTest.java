package org.floodready.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.floodready.web.ApiOperations.Operation;
import org.floodready.web.ApiOperations.Param;
import org.floodready.demo.DemoData;
import org.floodready.support.DbFingerprint;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.floodready.support.TestClock;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every documented /api operation, read from the served /openapi.yaml, gets hostile input over
 * real HTTP: broken JSON, wrong types per property, absurd numbers, bad ids and query values,
 * wrong content types, a missing Idempotency-Key; as admin, viewer and anonymous. Never a 5xx or
 * a hang, always the JSON error model, and a rejected write leaves every table as it was.
 */
// No timed sweep during the minute the test takes: one would change what the hostile inputs left behind under
// whatever rejected write happens to run then (the sweeps are run once, in the set-up, by hand).
@FloodReadyTest(clock = "now", args = {"--sweep-interval-seconds", "86400"})
class ApiRobustnessTest {
  private static final Duration HANG = Duration.ofSeconds(10);
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  /** Table holding the ids a path or body name refers to. */
  private static final Map<String, String> ID_TABLES = Map.ofEntries(
      Map.entry("keyId", "api_keys"), Map.entry("apiKeyIds", "api_keys"), Map.entry("unitId", "units"),
      Map.entry("parentId", "units"), Map.entry("itemId", "items"), Map.entry("baseId", "bases"),
      Map.entry("toBaseId", "bases"), Map.entry("fromBaseId", "bases"), Map.entry("lotId", "lots"),
      Map.entry("fromLotId", "lots"), Map.entry("transferId", "transfers"), Map.entry("stocktakeId", "stocktakes"),
      Map.entry("checkpointId", "checkpoints"), Map.entry("alertId", "alerts"), Map.entry("reachId", "reaches"),
      Map.entry("riverId", "rivers"), Map.entry("hazardId", "hazards"), Map.entry("photoId", "hazard_photos"),
      Map.entry("userIds", "users"), Map.entry("assignedUnitId", "units"));
  private static final List<String> BAD_PATH_IDS = List.of("abc", "-1", "0", "999999999",
      "99999999999999999999", "1.5", "%20", "1%27%20OR%201=1");
  private static final List<String> MALFORMED = List.of("{\"a\":", "", "[]", "[{}]", "\"text\"", "null", "42",
      "{\"a\":1}{", "{}");

  static TestServer server;
  static TestClock clock;
  static DbFingerprint db;
  static ApiOperations ops;
  static HostileValues values;
  static final Map<String, String> tokens = new HashMap<>();
  static final Map<String, String> ids = new HashMap<>();

  /** "METHOD status" → how often, printed after the run to show how deep the input reached. */
  private static final Map<String, Integer> STATUSES = new java.util.TreeMap<>();

  static final long[] FP_NANOS = new long[1];

  private final List<String> problems = new ArrayList<>();
  private Map<String, String> picture;
  private int requests;

  @BeforeAll
  static void start(TestServer node, TestClock nodeClock) throws Exception {
    clock = nodeClock;
    server = node;
    // live_events is the live push log, appended asynchronously after another request's commit (so it
    // may still be growing while the next request runs); the changes it mirrors are in the domain tables
    // the notifications outbox and its cursor follow that log the same way (org.floodready.notify)
    db = new DbFingerprint(server.server.pgUrl(), Set.of("live_events", "notify_cursor", "notifications"));
    for (String user : List.of("admin", "viewer")) {
      Resp login = server.anonymous.post("/api/auth/login",
          new JsonObject().put("username", user).put("password", DemoData.PASSWORD));
      assertEquals(200, login.status(), login.toString());
      tokens.put(user, login.json().getString("token"));
    }
    // both sweeps now, so the node's own sweeps under the frozen clock change nothing during the test
    Resp sweep = server.as("admin").post("/api/admin/checkpoints/sweep", new JsonObject());
    assertEquals(200, sweep.status(), sweep.toString());
    Resp overdue = server.as("admin").post("/api/hazards/sweep-overdue", new JsonObject());
    assertEquals(200, overdue.status(), overdue.toString());
    ops = new ApiOperations(server.anonymous.get("/openapi.yaml").body());
    values = new HostileValues(ops, ApiRobustnessTest::realId, HostileValues.utc(clock.instant()));
  }

  @AfterAll
  static void stop() throws Exception {
    System.out.println("fingerprint ms " + FP_NANOS[0] / 1_000_000);
    System.out.println("ApiRobustnessTest answers by method and status: " + STATUSES);
    db.close();
  }

  private static String realId(String name) {
    return ids.computeIfAbsent(name, n -> {
      if (n.equals("patrolId")) {
        return "\"" + db.scalar("SELECT id::text FROM patrols ORDER BY started_at LIMIT 1") + "\"";
      }
      if (n.equals("hazardId")) {
        String withPhoto = db.scalar("SELECT hazard_id::text FROM hazard_photos ORDER BY id LIMIT 1");
        return withPhoto != null ? withPhoto : db.scalar("SELECT min(id)::text FROM hazards");
      }
      if (n.equals("chiefUserId")) {
        return db.scalar("SELECT min(id)::text FROM users WHERE role = 'river_chief'");
      }
      String table = ID_TABLES.get(n);
      return table == null ? null : db.scalar("SELECT min(id)::text FROM " + table);
    });
  }

  /** The path with real ids, or {@code hostile} in place of parameter {@code which}. */
  private static String path(Operation op, String which, String hostile) {
    String path = op.path();
    for (Param p : op.in("path")) {
      String value = p.name().equals(which) ? hostile : realId(p.name());
      if (value == null) {
        value = "1";
      }
      path = path.replace("{" + p.name() + "}", value.replace("\"", ""));
    }
    return path;
  }

  @Test
  void fingerprintSeesAnAcceptedWrite() {
    Map<String, String> before = db.take();
    Resp r = server.as("admin").put("/api/settings/response-level", new JsonObject().put("level", "IV"));
    assertEquals(200, r.status(), r.toString());
    assertTrue(DbFingerprint.changed(before, db.takeIfWritten(before)).contains("settings"));
    Map<String, String> now = db.take();
    assertEquals(now, db.takeIfWritten(now));
  }

  @Test
  void adminGetsClearErrorsForEveryHostileInput() {
    picture = db.take();
    List<Operation> all = ops.under("/api/");
    assertTrue(all.size() > 80, "operations read from /openapi.yaml: " + all.size());
    for (Operation op : all) {
      if (op.path().equals("/api/auth/login")) {
        continue; // failed logins count towards the lock-out; covered by the anonymous test
      }
      badPathIds(op);
      badQueries(op);
      if (op.takesJson()) {
        badBodies(op);
      } else if (!op.bodyTypes().isEmpty()) {
        badUploads(op);
      }
      if (op.needsIdempotencyKey()) {
        missingIdempotencyKey(op);
      }
    }
    assertNoProblems();
  }

  @Test
  void viewerWritesNothingWhateverTheInput() {
    picture = db.take();
    for (Operation op : ops.under("/api/")) {
      if (!op.writes() || op.path().startsWith("/api/auth/")) {
        continue;
      }
      String body = op.takesJson() ? values.object(op.bodySchema(), 0) : "{}";
      Result r = send("viewer", op.method(), path(op, null, null), "application/json", body, UUID.randomUUID().toString());
      check(op, "viewer, plausible body", r, true);
      if (r.status >= 200 && r.status < 300) {
        problems.add(op + " as viewer: accepted a write: " + r);
      }
      Result malformed = send("viewer", op.method(), path(op, null, null), "application/json", "{\"a\":",
          UUID.randomUUID().toString());
      check(op, "viewer, malformed JSON", malformed, true);
      Result empty = send("viewer", op.method(), path(op, null, null), "application/json", "{}", null);
      for (Result refused : List.of(r, malformed, empty)) {
        if (refused.status != 403) { // the role is checked before the body is read
          problems.add(op + " as viewer: expected 403 before any look at the body, got " + refused);
        }
      }
    }
    assertNoProblems();
  }

  @Test
  void anonymousCallerGets401OnEveryOperation() {
    picture = db.take();
    for (Operation op : ops.under("/api/")) {
      if (op.path().startsWith("/api/auth/")) {
        continue;
      }
      String body = op.takesJson() ? values.object(op.bodySchema(), 0) : "{}";
      Result r = send(null, op.method(), path(op, null, null), "application/json", body, UUID.randomUUID().toString());
      check(op, "anonymous", r, op.writes());
      if (r.status != 401) {
        problems.add(op + " anonymous: expected 401, got " + r);
      }
      check(op, "anonymous, bad id", send(null, op.method(), path(op, firstPathParam(op), "abc"),
          "application/json", "[]", null), op.writes());
    }
    Operation me = ops.under("/api/auth/me").get(0);
    Operation reading = ops.under("/api/checkpoints/{checkpointId}/readings").stream()
        .filter(o -> o.method().equals("POST")).findFirst().orElseThrow();
    String readingBody = values.object(reading.bodySchema(), 0);
    for (String[] header : new String[][] {{"Authorization", "Basic YWRtaW46Rmxvb2RAMjAyNg=="},
        {"Authorization", "Bearer garbage"}, {"Authorization", "Bearer " + "x".repeat(3000)},
        {"Authorization", "Bearer " + tokens.get("admin") + "x"}, {"Authorization", "Bearer"},
        {"X-Api-Key", "frk_not-a-key"}, {"X-Api-Key", ""}}) {
      for (Operation op : List.of(me, reading)) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.anonymous.base() + path(op, null, null)))
            .timeout(HANG).header("Content-Type", "application/json").header(header[0], header[1]);
        b.method(op.method(), op.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(readingBody));
        Result r = send(b);
        check(op, header[0] + ": " + shorten(header[1]), r, op.writes());
        if (r.status != 401) {
          problems.add(op + " with " + header[0] + ": " + shorten(header[1]) + ": expected 401, got " + r);
        }
      }
    }
    Operation login = ops.under("/api/auth/login").get(0);
    for (String body : MALFORMED) {
      check(login, "login " + body, send(null, "POST", "/api/auth/login", "application/json", body, null), true);
    }
    for (Map.Entry<String, JsonNode> p : ApiOperations.properties(ops, login.bodySchema()).entrySet()) {
      for (String token : HostileValues.hostile(p.getValue())) {
        String body = values.objectWith(login.bodySchema(), 0, p.getKey(), token);
        check(login, "login " + p.getKey() + "=" + shorten(token),
            send(null, "POST", "/api/auth/login", "application/json", body, null), true);
      }
    }
    assertNoProblems();
  }

  private static String firstPathParam(Operation op) {
    return op.in("path").isEmpty() ? null : op.in("path").get(0).name();
  }

  private void badPathIds(Operation op) {
    for (Param p : op.in("path")) {
      for (String bad : BAD_PATH_IDS) {
        if (op.takesJson()) {
          // timestamps ahead of now too, so bodies with a deadline pass validation and reach the id
          Result r = send("admin", op.method(), path(op, p.name(), bad), "application/json",
              values.object(op.bodySchema(), true), UUID.randomUUID().toString());
          check(op, p.name() + "=" + bad + ", future times", r, op.writes());
          if (r.status >= 200 && r.status < 300) {
            problems.add(op + " " + p.name() + "=" + bad + ", future times: accepted: " + r);
          }
        }
        String body = op.takesJson() ? values.object(op.bodySchema(), 0) : "";
        String type = op.takesJson() || op.bodyTypes().isEmpty() ? "application/json" : op.bodyTypes().get(0);
        Result r = send("admin", op.method(), path(op, p.name(), bad), type, body, UUID.randomUUID().toString());
        check(op, p.name() + "=" + bad, r, op.writes());
        if (r.status >= 200 && r.status < 300) {
          problems.add(op + " " + p.name() + "=" + bad + ": accepted: " + r);
        }
        if (bad.equals("999999999") && op.method().equals("GET") && r.status != 404
            && ApiOperations.type(p.schema()).equals("integer")) {
          problems.add(op + " " + p.name() + "=999999999: expected 404, got " + r);
        }
      }
    }
  }

  private void badQueries(Operation op) {
    List<Param> query = op.in("query");
    for (Param p : query) {
      List<String> bad = switch (p.name()) {
        case "page" -> List.of("-1", "0", "abc", "99999999999");
        case "size" -> List.of("0", "100000", "-5", "abc");
        case "sort" -> List.of("nonsense", "-", ",", "name;DROP TABLE units", "-password_hash");
        default -> HostileValues.hostileQuery(p.name(), p.schema());
      };
      if (p.schema() != null && p.schema().has("enum")) {
        // every documented value too: the less travelled ones (csv, groupBy=unit) hide crashes
        bad = new ArrayList<>(bad);
        for (JsonNode v : p.schema().get("enum")) {
          if (!v.isNull()) {
            bad.add(v.asText());
          }
        }
      }
      for (String value : bad) {
        String url = path(op, null, null) + "?" + p.name() + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
        String body = op.takesJson() ? values.object(op.bodySchema(), 0) : "";
        String type = op.takesJson() || op.bodyTypes().isEmpty() ? "application/json" : op.bodyTypes().get(0);
        Result r = send("admin", op.method(), url, type, body, UUID.randomUUID().toString());
        check(op, p.name() + "=" + shorten(value), r, op.writes());
        if (Set.of("size", "page").contains(p.name()) && r.status != 400) {
          problems.add(op + " " + p.name() + "=" + value + ": expected 400, got " + r);
        }
      }
    }
  }

  private void badBodies(Operation op) {
    String url = path(op, null, null);
    for (String body : MALFORMED) {
      if (body.equals("{}") && op.bodySchema() != null && !op.bodySchema().has("required")) {
        continue; // an empty object may be a legitimate body here
      }
      check(op, "body " + body, send("admin", op.method(), url, "application/json", body, uuid()), true);
    }
    check(op, "invalid UTF-8", sendBytes("admin", op.method(), url, "application/json",
        new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'}, uuid()), true);
    Result plain = send("admin", op.method(), url, "text/plain", values.object(op.bodySchema(), 0), uuid());
    check(op, "text/plain", plain, true);
    if (plain.status != 415) {
      problems.add(op + " Content-Type text/plain: expected 415, got " + plain);
    }
    check(op, "no Content-Type", send("admin", op.method(), url, null, values.object(op.bodySchema(), 0), uuid()), true);
    for (Map.Entry<String, JsonNode> p : ApiOperations.properties(ops, op.bodySchema()).entrySet()) {
      for (String token : HostileValues.hostile(p.getValue())) {
        String body = values.objectWith(op.bodySchema(), 0, p.getKey(), token);
        Result r = send("admin", op.method(), url, "application/json", body, uuid());
        check(op, p.getKey() + "=" + shorten(token), r, true);
        mustReject(op, p.getKey() + "=" + token, HostileValues.mustReject(p.getValue(), token), r);
      }
    }
    for (HostileValues.Mutation m : values.nestedMutations(op.bodySchema())) {
      Result r = send("admin", op.method(), url, "application/json", m.body(), uuid());
      check(op, m.label(), r, true);
      mustReject(op, m.label(), m.mustReject(), r);
    }
  }

  private void mustReject(Operation op, String variant, boolean mustReject, Result r) {
    if (mustReject && r.status >= 200 && r.status < 300) {
      problems.add(op + " [" + variant + "]: accepted (an integer beyond 64 bits, or a number sent as a string): " + r);
    }
  }

  private void badUploads(Operation op) {
    String url = path(op, null, null) + "?kind=report";
    check(op, "JSON as upload", send("admin", op.method(), url, "application/json", "{}", uuid()), true);
    check(op, "empty upload", send("admin", op.method(), url, op.bodyTypes().get(0), "", uuid()), true);
    check(op, "text as image", send("admin", op.method(), url, op.bodyTypes().get(0), "not an image", uuid()), true);
    check(op, "text/plain", send("admin", op.method(), url, "text/plain", "hello", uuid()), true);
  }

  private void missingIdempotencyKey(Operation op) {
    String body = op.takesJson() ? values.object(op.bodySchema(), 0) : "";
    for (String key : java.util.Arrays.asList(null, "k".repeat(300))) {
      Result r = send("admin", op.method(), path(op, null, null), "application/json", body, key);
      String variant = key == null ? "no Idempotency-Key" : "Idempotency-Key of 300 characters";
      check(op, variant, r, true);
      if (r.status != 400) {
        problems.add(op + " " + variant + ": expected 400, got " + r);
      }
    }
  }

  private static String uuid() {
    return UUID.randomUUID().toString();
  }

  /** Never a 5xx or hang; errors in the JSON model; a rejected write changes no table. */
  private void check(Operation op, String variant, Result r, boolean write) {
    String what = op + " [" + variant + "]";
    if (r.status == -1) {
      problems.add(what + ": no answer within " + HANG.toSeconds() + " s (hang)");
    } else if (r.status < 0) {
      problems.add(what + ": connection failed: " + r.body);
    } else if (r.status >= 500) {
      problems.add(what + ": " + r);
    } else if (r.status >= 400) {
      errorModel(what, r);
    }
    STATUSES.merge(op.method() + " " + r.status, 1, Integer::sum);
    if (write && r.status >= 200 && r.status < 300) {
      System.out.println("ACCEPTED " + what + " " + r);
    }
    if (write) {
      long t0 = System.nanoTime();
      Map<String, String> after = db.takeIfWritten(picture);
      FP_NANOS[0] += System.nanoTime() - t0;
      TreeSet<String> changed = DbFingerprint.changed(picture, after);
      if ((r.status < 200 || r.status >= 300) && !changed.isEmpty()) {
        problems.add(what + ": rejected with " + r.status + " but changed " + changed);
      }
      picture = after;
    }
  }

  private void errorModel(String what, Result r) {
    if (r.contentType == null || !r.contentType.startsWith("application/json")) {
      problems.add(what + ": error without JSON content type: " + r);
      return;
    }
    try {
      JsonObject body = new JsonObject(r.body);
      if (!(body.getValue("error") instanceof String) || !(body.getValue("message") instanceof String)) {
        problems.add(what + ": error body lacks error/message: " + r);
      } else if ("validation_failed".equals(body.getString("error"))
          && (!(body.getValue("fields") instanceof JsonObject f) || f.isEmpty())) {
        problems.add(what + ": validation error without fields: " + r);
      }
    } catch (RuntimeException e) {
      problems.add(what + ": error body is not JSON: " + r);
    }
  }

  private void assertNoProblems() {
    Map<String, Integer> byOperation = new LinkedHashMap<>();
    for (String p : problems) {
      byOperation.merge(p.substring(0, p.indexOf(' ', p.indexOf(' ') + 1)), 1, Integer::sum);
    }
    assertTrue(problems.isEmpty(), problems.size() + " problems in " + requests + " requests, by operation "
        + byOperation + ":\n" + String.join("\n", problems.subList(0, Math.min(200, problems.size()))));
    assertTrue(requests > 0);
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "...(" + s.length() + ")" : s;
  }

  record Result(int status, String contentType, String body) {
    @Override
    public String toString() {
      return status + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
  }

  private Result send(String user, String method, String path, String contentType, String body, String key) {
    return sendBytes(user, method, path, contentType, body.getBytes(StandardCharsets.UTF_8), key);
  }

  private Result sendBytes(String user, String method, String path, String contentType, byte[] body, String key) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.anonymous.base() + path)).timeout(HANG);
    boolean noBody = method.equals("GET") || method.equals("DELETE");
    b.method(method, noBody ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
    if (user != null) {
      b.header("Authorization", "Bearer " + tokens.get(user));
    }
    if (contentType != null && !noBody) {
      b.header("Content-Type", contentType);
    }
    if (key != null) {
      b.header(Idempotency.HEADER, key);
    }
    return send(b);
  }

  private Result send(HttpRequest.Builder b) {
    requests++;
    try {
      HttpResponse<java.io.InputStream> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      String type = r.headers().firstValue("Content-Type").orElse(null);
      try (java.io.InputStream in = r.body()) {
        // an accepted event stream never ends: its status and type are the answer
        String text = type != null && type.startsWith("text/event-stream") ? "(event stream)"
            : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new Result(r.statusCode(), type, text);
      }
    } catch (HttpTimeoutException e) {
      return new Result(-1, null, "timeout");
    } catch (Exception e) {
      return new Result(-2, null, e.toString());
    }
  }
}
