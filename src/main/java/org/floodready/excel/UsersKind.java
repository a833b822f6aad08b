package org.floodready.excel;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.auth.PasswordHasher;
import org.floodready.access.Role;
import org.floodready.auth.UserRepository;
import org.floodready.auth.UserValidation;
import org.floodready.excel.SheetReader.SheetRow;
import org.floodready.errors.ApiError;
import org.floodready.units.Unit;

/**
 * Accounts (用户): a row per new user, checked by {@link UserValidation} as {@code POST /api/admin/users} is,
 * password policy included. A username that exists already is an error (the sheet creates, never updates:
 * changing a role or a password stays a deliberate act in the API). Passwords are hashed before the
 * transaction, on worker threads.
 */
final class UsersKind implements ImportKind {
  private static final List<Column.Option> ROLES = Arrays.stream(Role.values())
      .filter(r -> r != Role.GAUGE).map(r -> new Column.Option(r.code(), r.nameZh())).toList();
  private static final List<Column> COLUMNS = List.of(
      Column.text("username", "用户名", "Username", true, "zhang.wei",
          "3-64 位字母、数字、. _ - / 3 to 64 letters, digits, '.', '_' or '-'"),
      Column.text("displayName", "姓名", "Display name", true, "张伟", null),
      Column.choice("role", "角色", "Role", true, ROLES, ROLES.get(2)),
      Column.text("unit", "所属单位", "Unit", false, "十八里河街道", "单位编码或中文名称 unit code or Chinese name"),
      Column.text("phone", "电话", "Phone", false, "13800000001", null),
      Column.text("email", "电子邮箱", "E-mail", false, "zhang.wei@example.cn", null),
      Column.text("password", "初始密码", "Initial password", true, "Xunqi-2026-chushi",
          "至少 10 位，不含用户名，不能是常见密码 at least 10 characters, not the username, not a common password"));

  @Override
  public String id() {
    return "users";
  }

  @Override
  public String sheetName() {
    return "用户";
  }

  @Override
  public List<Column> columns() {
    return COLUMNS;
  }

  @Override
  public Future<List<Map<String, Object>>> current(AppContext app) {
    return new ImportRepository(app.pool()).users();
  }

  @Override
  public Future<List<Write>> check(RowChecks checks) {
    checks.unique(r -> ItemsKind.lower(RowChecks.text(r, "username")), "username", "用户名 Username ");
    Future<RowChecks.Refs<Unit>> units = checks.units();
    Future<List<Map<String, Object>>> users = checks.repository.users();
    return Future.all(units, users).map(all -> {
      Set<String> taken = new HashSet<>();
      users.result().forEach(u -> taken.add(u.get("username").toString().toLowerCase()));
      List<Write> writes = new ArrayList<>();
      for (SheetRow row : checks.each()) {
        String username = RowChecks.text(row, "username");
        if (username != null && taken.contains(username.toLowerCase())) {
          checks.problem(row, "username", "用户名已存在", "this username exists already");
        }
        Unit unit = RowChecks.text(row, "unit") == null ? null : units.result().resolve(checks, row, "unit");
        JsonObject json = RowChecks.json(row, "username", "displayName", "role", "phone", "email", "password");
        if (unit != null) {
          json.put("unitId", unit.id());
        }
        UserValidation.UserInput in = checks.validate(row, "createAdminUser", json, () -> UserValidation.newUser(json),
            f -> f.equals("unitId") ? "unit" : f);
        if (in != null) {
          writes.add(new Create(checks.app, in));
        }
      }
      return writes;
    });
  }

  /** One account's insert, its password hashed beforehand. */
  private static final class Create implements Write {
    private final AppContext app;
    private final UserValidation.UserInput user;
    private String hash;

    Create(AppContext app, UserValidation.UserInput user) {
      this.app = app;
      this.user = user;
    }

    @Override
    public Future<Void> prepare() {
      return app.blocking(() -> PasswordHasher.hash(user.password())).map(h -> {
        hash = h;
        return null;
      });
    }

    @Override
    public Future<String> apply(ImportTx t) {
      return new UserRepository(app.pool()).insert(t.tx(), user, hash)
          .recover(e -> Future.failedFuture(e instanceof PgException pg && "23505".equals(pg.getSqlState())
              ? ApiError.conflict("username_taken", "用户名 " + user.username() + " 刚被占用，未导入任何数据 / Username "
                  + user.username() + " was taken meanwhile: nothing was imported") : e))
          .compose(id -> AuditLog.record(t.tx(), app.now(), t.admin(), "user.create", "user", id,
              new JsonObject().put("username", user.username()).put("role", user.role().code())
                  .put("source", "xlsx")))
          .map("created");
    }
  }
}
