package org.floodready.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.floodready.db.Where;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one rule of who sees what, on the demo database: the keeper keeps 十八里河 and 南曹 bases, the inspector
 * three checkpoints, the chief three reaches; the duty room sees and acts on all, viewers only see.
 */
@FloodReadyTest
class VisibilityTest {
  static Pool pool;
  static Assignments assignments;

  @BeforeAll
  static void setUp(TestServer server) {
    pool = server.server.app().pool();
    assignments = new Assignments(pool);
  }

  @Test
  void aKeeperSeesTheBasesHeKeepsAndEveryoneElseSeesAllBases() throws Exception {
    Set<String> all = codes("bases", "b", new Where());
    assertEquals(Set.of("B-GC-SBLH", "B-GC-NC"), codes("bases", "b", Visibility.bases(new Where(), user("keeper"), "b.id")));
    assertEquals(Set.of("B-GC-ZJS", "B-GC-DDJ", "B-JK-MH", "B-JK-JL"),
        codes("bases", "b", Visibility.bases(new Where(), user("keeper_b"), "b.id")));
    for (String other : List.of("admin", "duty", "viewer", "chief", "inspector")) {
      assertEquals(all, codes("bases", "b", Visibility.bases(new Where(), user(other), "b.id")), other);
    }
    long sblh = id("bases", "B-GC-SBLH");
    assertTrue(get(assignments.keeps(user("keeper").id(), sblh)));
    assertFalse(get(assignments.keeps(user("keeper_b").id(), sblh)));
    assertFalse(get(assignments.isKeeper(user("admin"), sblh)), "an admin acts on every base but keeps none");
    assertEquals(Set.of(sblh, id("bases", "B-GC-NC")), get(assignments.keptBases(user("keeper").id())));
  }

  @Test
  void anInspectorSeesAndPostsToHisCheckpointsTheDutyRoomToAllAndAKeeperPostsToNone() throws Exception {
    Set<String> mine = Set.of("WL-HHL-JCGS", "WL-YCXJ", "RES-XWZ");
    assertEquals(mine, codes("checkpoints", "c", Visibility.checkpoints(new Where(), user("inspector"), "c.id")));
    Set<String> all = codes("checkpoints", "c", new Where());
    assertTrue(all.size() > mine.size());
    assertEquals(all, codes("checkpoints", "c", Visibility.checkpoints(new Where(), user("duty"), "c.id")));
    List<Long> ids = ids("checkpoints");
    assertEquals(new TreeSet<>(ids), new TreeSet<>(get(assignments.postable(user("duty"), ids))));
    assertEquals(3, get(assignments.postable(user("inspector"), ids)).size());
    assertEquals(List.of(), get(assignments.postable(user("keeper"), ids)));
    assertEquals(List.of(), get(assignments.postable(user("viewer"), ids)), "viewers read, never post");
    assertEquals(3, get(assignments.inspectedCheckpoints(user("inspector").id())).size());
  }

  @Test
  void aRiverChiefSeesAndActsOnHisReachesTheDutyRoomOnAllAViewerOnlySees() throws Exception {
    CurrentUser chief = user("chief");
    assertEquals(Set.of("SQLH-01", "SQLH-02", "QLH-01"),
        codes("reaches", "r", Visibility.reaches(new Where(), chief, "r.chief_user_id")));
    Set<String> all = codes("reaches", "r", new Where());
    assertEquals(all, codes("reaches", "r", Visibility.reaches(new Where(), user("duty"), "r.chief_user_id")));
    long other = user("chief2").id();
    assertTrue(Visibility.actsOnReach(chief, chief.id()));
    assertFalse(Visibility.actsOnReach(chief, other));
    assertFalse(Visibility.actsOnReach(chief, null));
    assertTrue(Visibility.actsOnReach(user("duty"), other));
    assertFalse(Visibility.actsOnReach(user("viewer"), other));
    assertTrue(Visibility.seesReach(user("viewer"), other));
    assertFalse(Visibility.seesReach(user("keeper"), other));
    assertTrue(Visibility.seesHazard(chief, other, chief.id()), "a chief sees the hazards he reported elsewhere");
    assertFalse(Visibility.seesHazard(chief, other, other));
  }

  @Test
  void aPersonsUnitsAreThoseOfHisAssignmentsAndOwnUnitWithEveryUnitBelow() throws Exception {
    Set<Long> keeper = get(assignments.units(user("keeper").id()));
    assertTrue(keeper.contains(id("units", "ZZ-GC-SBLH")));
    assertTrue(keeper.contains(id("units", "ZZ-GC-SBLH-XWZ")), "a unit below a kept base's unit");
    assertTrue(keeper.contains(id("units", "ZZ-GC-NC")));
    assertFalse(keeper.contains(id("units", "ZZ-JK-MH")));
    assertFalse(keeper.contains(id("units", "ZZ-GC")), "not the units above");
    Set<Long> inspector = get(assignments.units(user("inspector").id()));
    assertTrue(inspector.contains(id("units", "ZZ-JK-MH")), "his own unit");
  }

  private static CurrentUser user(String username) throws Exception {
    Row r = get(pool.preparedQuery("SELECT id, display_name, role, unit_id FROM users WHERE username = $1")
        .execute(Tuple.of(username))).iterator().next();
    return new CurrentUser(r.getLong("id"), username, r.getString("display_name"), Role.fromCode(r.getString("role")),
        r.getLong("unit_id"));
  }

  private static Set<String> codes(String table, String alias, Where where) throws Exception {
    Set<String> out = new TreeSet<>();
    get(pool.preparedQuery("SELECT " + alias + ".code FROM " + table + " " + alias + where.sql())
        .execute(where.tuple())).forEach(r -> out.add(r.getString("code")));
    return out;
  }

  private static long id(String table, String code) throws Exception {
    return get(pool.preparedQuery("SELECT id FROM " + table + " WHERE code = $1").execute(Tuple.of(code)))
        .iterator().next().getLong("id");
  }

  private static List<Long> ids(String table) throws Exception {
    List<Long> out = new ArrayList<>();
    get(pool.query("SELECT id FROM " + table).execute()).forEach(r -> out.add(r.getLong("id")));
    return out;
  }

  private static <T> T get(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
