package org.floodready.duty;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.floodready.app.AppContext;
import org.floodready.audit.AuditLog;
import org.floodready.access.CurrentUser;
import org.floodready.access.Role;
import org.floodready.errors.ApiError;
import org.floodready.input.Fields;
import org.floodready.web.JsonInput;
import org.floodready.web.QueryParams;
import org.floodready.web.Respond;

/** Contacts of people (phone, e-mail, preferred channel) and the responsible persons of units. */
final class ContactRoutes {
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 -]{4,28}");

  private final AppContext app;
  private final ContactRepository contacts = new ContactRepository();
  private final ShiftRepository shifts = new ShiftRepository();

  ContactRoutes(AppContext app) {
    this.app = app;
  }

  void mount(Router api) {
    api.get("/duty/contacts").handler(this::listContacts);
    api.put("/duty/contacts/:userId").handler(this::updateContact);
    api.get("/duty/responsibles").handler(this::listResponsibles);
    api.put("/duty/units/:unitId/responsibles").handler(this::replaceResponsibles);
  }

  private void listContacts(RoutingContext ctx) {
    CurrentUser.of(ctx).require(Role.ADMIN, Role.DUTY_OFFICER);
    Respond.ok(ctx, contacts.contacts(app.pool()).map(items -> new JsonObject().put("items", items)));
  }

  /** An admin sets anyone's contact; everyone else only their own. */
  private void updateContact(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    long userId = QueryParams.pathId(ctx, "userId");
    if (user.isGauge() || (!user.is(Role.ADMIN) && user.id() != userId)) {
      throw ApiError.forbidden("Only an admin may change another person's contact");
    }
    JsonObject body = JsonInput.object(ctx);
    Fields in = new Fields(body);
    String phone = in.optionalText("phone", 30);
    String email = in.optionalText("email", 200);
    String channel = in.oneOf("preferredChannel", ContactRepository.CHANNELS, false);
    in.check(phone == null || PHONE.matcher(phone).matches(), "phone", "must be a phone number like 13800000001");
    in.check(email == null || org.floodready.auth.UserValidation.isEmail(email), "email", "must be an e-mail address");
    in.check(!"email".equals(channel) || email != null, "preferredChannel", "e-mail needs an e-mail address");
    in.check(!"sms".equals(channel) || phone != null, "preferredChannel", "SMS needs a phone number");
    in.validate();
    Respond.ok(ctx, app.pool().withTransaction(tx -> contacts.updateContact(tx, userId, phone, email, channel)
        .compose(found -> {
          if (!found) {
            throw ApiError.notFound("User", userId);
          }
          return AuditLog.record(tx, app.now(), user, "user.contact", "user", userId, body);
        }))
        .map(v -> body.copy().put("id", userId)));
  }

  private void listResponsibles(RoutingContext ctx) {
    CurrentUser.of(ctx);
    Long unitId = new QueryParams(ctx).id("unitId");
    Respond.ok(ctx, contacts.responsibles(app.pool(), unitId).map(items -> new JsonObject().put("items", items)));
  }

  /** {@code {userIds: [..], headUserIds: [..]}}: the unit's responsible persons, replaced as a whole. */
  private void replaceResponsibles(RoutingContext ctx) {
    CurrentUser admin = CurrentUser.of(ctx).require(Role.ADMIN);
    long unitId = QueryParams.pathId(ctx, "unitId");
    JsonObject body = JsonInput.object(ctx);
    Fields in = new Fields(body);
    List<Long> userIds = ids(in, "userIds", true);
    List<Long> heads = ids(in, "headUserIds", false);
    in.check(userIds.containsAll(heads), "headUserIds", "must be among userIds");
    in.validate();
    List<Long> all = new ArrayList<>(userIds);
    Respond.ok(ctx, DutyRoutes.unitExists(app.pool(), unitId)
        .compose(ok -> shifts.unknownUsers(app.pool(), all))
        .compose(unknown -> {
          if (!unknown.isEmpty()) {
            throw ApiError.invalid("userIds", "no active user " + unknown.get(0));
          }
          return app.pool().withTransaction(tx -> contacts.replaceResponsibles(tx, unitId, userIds, heads)
              .compose(v -> AuditLog.record(tx, app.now(), admin, "unit.responsibles", "unit", unitId, body)));
        })
        .compose(v -> contacts.responsibles(app.pool(), unitId))
        .map(items -> new JsonObject().put("unitId", unitId).put("items", items)));
  }

  private static List<Long> ids(Fields in, String name, boolean required) {
    JsonArray raw = in.array(name, 50, required);
    LinkedHashSet<Long> ids = new LinkedHashSet<>();
    if (raw != null) {
      for (int i = 0; i < raw.size(); i++) {
        if (raw.getValue(i) instanceof Number n && Fields.isWhole(n) && n.longValue() > 0) {
          ids.add(n.longValue());
        } else {
          in.error(name + "[" + i + "]", "must be a user id");
        }
      }
    }
    return new ArrayList<>(ids);
  }
}
