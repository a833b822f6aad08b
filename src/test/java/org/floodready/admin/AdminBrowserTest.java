package org.floodready.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.floodready.support.Browser;
import org.floodready.support.Api;
import org.floodready.support.As;
import org.floodready.support.FloodReadyTest;
import org.floodready.support.Resp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin pages in a real headless Chromium against a real node: an admin creates a user (bad input first,
 * the server's field error shown at the field), disables it (its login is refused), creates an item and a base
 * with a keeper, sets a quota and creates a gauge key that is shown once. A non-admin gets a "not allowed" page
 * without a single 403 request. At 390 px nothing is wider than the screen. Screenshots: target/screenshots/admin-*.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@FloodReadyTest(browser = true)
class AdminBrowserTest {
  static final Dimension DESKTOP = new Dimension(1600, 1000);
  static final Dimension PHONE = new Dimension(390, 844);
  static final List<String> SECTIONS = List.of("users", "api-keys", "units", "items", "bases", "quotas", "checkpoints",
      "rivers");

  static ChromeDriver driver;
  static String adminTab;
  static String boardTab;

  @BeforeAll
  static void openTheBrowser(ChromeDriver browser) throws Exception {
    driver = browser;
    driver.manage().window().setSize(DESKTOP);
    adminTab = driver.getWindowHandle();
  }

  static WebDriverWait waitFor(String what) {
    WebDriverWait w = new WebDriverWait(driver, Duration.ofSeconds(45));
    w.withMessage(what);
    return w;
  }

  static WebElement visible(By by) {
    return waitFor("visible: " + by).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  static void logIn(String username) {
    logIn(username, "Flood@2026");
  }

  static void logIn(String username, String password) {
    visible(By.id("username")).clear();
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).clear();
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("login-button")).click();
  }

  static void openSection(String id) {
    String before = loads(id);
    driver.findElement(By.id("nav-" + id)).click();
    waitFor("section " + id + " listed").until(d -> !loads(id).equals(before) && !loads(id).isEmpty());
  }

  static String loads(String id) {
    List<WebElement> lists = driver.findElements(By.id("list-" + (id.equals("rivers") ? "reaches" : id)));
    return lists.isEmpty() ? "" : String.valueOf(lists.get(0).getAttribute("data-loaded") == null ? ""
        : lists.get(0).getAttribute("data-loaded"));
  }

  static void type(String formId, String field, String value) {
    WebElement input = driver.findElement(By.id("f-" + formId + "-" + field.replace('.', '-')));
    input.clear();
    input.sendKeys(value);
  }

  static void choose(String formId, String field, Object value) {
    new Select(driver.findElement(By.id("f-" + formId + "-" + field.replace('.', '-')))).selectByValue(String.valueOf(value));
  }

  static String fieldError(String formId, String field) {
    return driver.findElement(By.id("f-" + formId + "-" + field.replace('.', '-') + "-error")).getText();
  }

  static void submit(String formId) {
    driver.findElement(By.id("submit-" + formId)).click();
  }

  static String noticeAfterSubmit(String formId) {
    submit(formId);
    return waitFor("notice after " + formId).until(d -> {
      WebElement n = d.findElement(By.id("notice"));
      return n.isDisplayed() && d.findElements(By.id("form-" + formId)).isEmpty() ? n.getText() : null;
    });
  }

  static WebElement row(String table, String text) {
    return waitFor("row with " + text + " in " + table).until(d -> d.findElements(By.cssSelector("#table-" + table + " tbody tr"))
        .stream().filter(r -> r.getText().contains(text)).findFirst().orElse(null));
  }

  @Test
  @Order(1)
  void anAdminLogsInAndSeesTheUsers(Api anonymous) throws Exception {
    driver.get(anonymous.base() + "/admin/");
    logIn("admin");
    waitFor("users listed").until(d -> d.findElements(By.cssSelector("#table-users tbody tr[data-id]")).size() >= 6);
    String text = driver.findElement(By.id("table-users")).getText();
    assertTrue(text.contains("防汛值班员 Duty officer"), "roles in Chinese with English: " + text);
    assertFalse(text.contains("duty_officer"), "no raw enum value");
    assertTrue(driver.findElement(By.id("pager-users")).getText().contains("共"), "paged");
    Browser.screenshot(driver, "admin-users-desktop");
  }

  @Test
  @Order(2)
  void creatingAUserShowsTheServersFieldErrorAtTheFieldThenCreatesIt(@As("admin") Api admin,
      Api anonymous) throws Exception {
    driver.findElement(By.id("new-user")).click();
    visible(By.id("form-user-new"));
    type("user-new", "username", "a b");
    type("user-new", "displayName", "值班员 测试 (Duty test)");
    type("user-new", "password", "short");
    choose("user-new", "role", "duty_officer");
    submit("user-new");
    waitFor("username error at the field").until(d -> !fieldError("user-new", "username").isEmpty());
    assertTrue(fieldError("user-new", "username").contains("字母"), fieldError("user-new", "username"));
    assertTrue(fieldError("user-new", "password").contains("至少 10"), fieldError("user-new", "password"));
    assertEquals("true", driver.findElement(By.id("f-user-new-username")).getAttribute("aria-invalid"));
    assertEquals(0, admin.get("/api/admin/users?q=a%20b").json().getInteger("total"), "nothing written");
    Browser.screenshot(driver, "admin-user-field-error-desktop");

    type("user-new", "username", "duty");
    type("user-new", "password", "Test@2026pw");
    submit("user-new");
    waitFor("taken username at the field").until(d -> fieldError("user-new", "username").contains("已被占用"));

    type("user-new", "username", "duty-test");
    String notice = noticeAfterSubmit("user-new");
    assertTrue(notice.contains("duty-test"), notice);
    JsonObject created = admin.get("/api/admin/users?q=duty-test").json().getJsonArray("items").getJsonObject(0);
    assertEquals("duty_officer", created.getString("role"));
    assertEquals(200, anonymous.post("/api/auth/login", new JsonObject().put("username", "duty-test")
        .put("password", "Test@2026pw")).status());
  }

  @Test
  @Order(3)
  void aDisabledUserCannotLogInAnymore(@As("admin") Api admin, Api anonymous) throws Exception {
    // The new user's board is open in another tab (its own sessionStorage) while the admin disables him.
    driver.switchTo().newWindow(WindowType.TAB);
    boardTab = driver.getWindowHandle();
    driver.get(anonymous.base() + "/");
    logIn("duty-test", "Test@2026pw");
    visible(By.id("panels"));
    driver.switchTo().window(adminTab);

    row("users", "duty-test").findElement(By.xpath(".//button[contains(., '停用')]")).click();
    visible(By.id("form-user-disable"));
    String notice = noticeAfterSubmit("user-disable");
    assertTrue(notice.contains("duty-test"), notice);
    waitFor("row shows disabled").until(d -> row("users", "duty-test").getText().contains("停用 Disabled"));
    assertEquals(401, anonymous.post("/api/auth/login", new JsonObject().put("username", "duty-test")
        .put("password", "Test@2026pw")).status());
    JsonObject audit = admin.get("/api/audit?action=user.disable").json();
    assertEquals(1, audit.getJsonArray("items").size(), audit.encode());
  }

  @Test
  @Order(4)
  void theOpenBoardOfADisabledUserStopsWorking(Api anonymous) {
    driver.switchTo().window(boardTab);
    String token = (String) driver.executeScript("return sessionStorage.getItem('floodready.token');");
    assertNotNull(token);
    int me = anonymous.withToken(token).get("/api/auth/me").status();
    driver.switchTo().window(adminTab);
    assertEquals(401, me, "the disabled user's old token is refused at once");
    driver.switchTo().window(boardTab);
    try {
      new WebDriverWait(driver, Duration.ofSeconds(150)).withMessage("the open board returns to the login form")
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
    } finally {
      driver.switchTo().window(adminTab);
    }
  }

  @Test
  @Order(5)
  void theDisabledUserIsRefusedAtTheLoginForm(Api anonymous) throws Exception {
    driver.switchTo().window(boardTab);
    driver.executeScript("sessionStorage.clear();");
    driver.get(anonymous.base() + "/");
    logIn("duty-test", "Test@2026pw");
    String error = waitFor("login refused").until(d -> {
      String t = d.findElement(By.id("login-error")).getText();
      return t.isEmpty() ? null : t;
    });
    assertTrue(error.contains("错误"), error);
    assertTrue(driver.findElement(By.id("board")).getAttribute("hidden") != null, "no board for a disabled user");
    driver.close();
    driver.switchTo().window(adminTab);
  }

  @Test
  @Order(6)
  void anAdminCreatesAnItem(@As("admin") Api admin) throws Exception {
    openSection("items");
    driver.findElement(By.id("new-item")).click();
    visible(By.id("form-item-new"));
    type("item-new", "code", "M-TBAG");
    type("item-new", "nameZh", "吨袋（测试）");
    type("item-new", "nameEn", "Ton bag (test)");
    choose("item-new", "category", "materials");
    type("item-new", "unitOfMeasure", "条");
    type("item-new", "shelfLifeMonths", "abc");
    submit("item-new");
    waitFor("shelf life error at the field").until(d -> !fieldError("item-new", "shelfLifeMonths").isEmpty());
    type("item-new", "shelfLifeMonths", "60");
    String notice = noticeAfterSubmit("item-new");
    assertTrue(notice.contains("吨袋"), notice);
    JsonObject item = admin.get("/api/items?q=M-TBAG").json().getJsonArray("items").getJsonObject(0);
    assertEquals(60, item.getInteger("shelfLifeMonths"));
    assertEquals("materials", item.getString("category"));
  }

  @Test
  @Order(7)
  void anAdminCreatesABaseWithAKeeper(@As("admin") Api admin) throws Exception {
    openSection("bases");
    driver.findElement(By.id("new-base")).click();
    visible(By.id("form-base-new"));
    long unitId = unitId(admin, "ZZ-GC-NC");
    long keeperId = admin.get("/api/admin/users?q=keeper_b").json().getJsonArray("items").getJsonObject(0).getLong("id");
    type("base-new", "code", "B-TEST-NC");
    type("base-new", "nameZh", "南曹乡测试仓库");
    type("base-new", "nameEn", "Nancao test depot");
    choose("base-new", "unitId", unitId);
    type("base-new", "lat", "34.66");
    type("base-new", "lon", "913.7");
    driver.findElement(By.cssSelector("#form-base-new input[name=userIds][value='" + keeperId + "']")).click();
    submit("base-new");
    waitFor("longitude error at the field").until(d -> !fieldError("base-new", "lon").isEmpty());
    type("base-new", "lon", "113.70");
    String notice = noticeAfterSubmit("base-new");
    assertTrue(notice.contains("南曹乡测试仓库"), notice);
    long baseId = admin.get("/api/bases?q=B-TEST-NC").json().getJsonArray("items").getJsonObject(0).getLong("id");
    JsonArray keepers = admin.get("/api/bases/" + baseId).json().getJsonArray("keepers");
    assertEquals(1, keepers.size(), keepers.encode());
    assertEquals(keeperId, keepers.getJsonObject(0).getLong("id"));
  }

  @Test
  @Order(8)
  void anAdminSetsAQuotaWithMultipliers(@As("admin") Api admin) throws Exception {
    long baseId = admin.get("/api/bases?q=B-TEST-NC").json().getJsonArray("items").getJsonObject(0).getLong("id");
    long itemId = admin.get("/api/items?q=M-TBAG").json().getJsonArray("items").getJsonObject(0).getLong("id");
    openSection("quotas");
    driver.findElement(By.id("new-quota")).click();
    visible(By.id("form-quota-new"));
    choose("quota-new", "baseId", baseId);
    choose("quota-new", "itemId", itemId);
    type("quota-new", "required", "-5");
    submit("quota-new");
    waitFor("required error at the field").until(d -> !fieldError("quota-new", "required").isEmpty());
    Browser.screenshot(driver, "admin-quota-field-error-desktop");
    type("quota-new", "required", "400");
    type("quota-new", "multipliers.II", "1.8");
    String notice = noticeAfterSubmit("quota-new");
    assertTrue(notice.contains("400"), notice);
    JsonObject quota = admin.get("/api/quotas?baseId=" + baseId + "&itemId=" + itemId).json()
        .getJsonArray("items").getJsonObject(0);
    assertEquals(400, quota.getInteger("required"));
    assertEquals(1.8, quota.getJsonObject("multipliers").getDouble("II"), 1e-9);
    assertEquals(1.2, quota.getJsonObject("multipliers").getDouble("III"), 1e-9);
  }

  @Test
  @Order(9)
  void aGaugeKeyIsShownOnceAndWorks(@As("admin") Api admin, Api anonymous) throws Exception {
    openSection("api-keys");
    driver.findElement(By.id("new-api-key")).click();
    visible(By.id("form-key-new"));
    type("key-new", "name", "尖岗水库1号水位计 gauge 1");
    submit("key-new");
    String key = visible(By.id("new-key-value")).getText();
    assertTrue(key.length() > 20, key);
    Browser.screenshot(driver, "admin-api-key-once-desktop");
    Resp asGauge = anonymous.with("X-Api-Key", key).get("/api/auth/me");
    assertEquals(200, asGauge.status(), asGauge.toString());
    assertEquals("gauge", asGauge.json().getString("role"));

    driver.findElement(By.cssSelector("#form-key-new .form-buttons button")).click();
    waitFor("the key is gone").until(d -> d.findElements(By.id("new-key")).isEmpty());
    row("api-keys", "尖岗水库1号水位计");
    driver.navigate().refresh();
    row("api-keys", "尖岗水库1号水位计");
    assertFalse(driver.getPageSource().contains(key), "the key is never shown again");
    assertFalse(admin.get("/api/admin/api-keys").body().contains(key));
  }

  @Test
  @Order(20)
  void anAdminChangesACheckpointsThresholdsAndItsInspectors(@As("admin") Api admin) throws Exception {
    openSection("checkpoints");
    WebElement row = row("checkpoints", "WL-HJ");
    long id = Long.parseLong(row.getAttribute("data-id"));
    row.findElement(By.xpath(".//button[contains(., '编辑')]")).click();
    visible(By.id("form-checkpoint-edit"));
    type("checkpoint-edit", "waterlogging.closeRoadCm", "12");
    submit("checkpoint-edit");
    waitFor("threshold order error at the field").until(d -> !fieldError("checkpoint-edit", "waterlogging.closeRoadCm").isEmpty());
    Browser.screenshot(driver, "admin-checkpoint-field-error-desktop");
    type("checkpoint-edit", "waterlogging.closeRoadCm", "30");
    noticeAfterSubmit("checkpoint-edit");
    JsonObject saved = admin.get("/api/checkpoints/" + id).json();
    assertEquals(30.0, saved.getJsonObject("waterlogging").getDouble("closeRoadCm"), 1e-9);
    assertEquals(15.0, saved.getJsonObject("waterlogging").getDouble("attentionCm"), 1e-9, "other thresholds kept");

    long inspectorId = admin.get("/api/admin/users?q=inspector&role=inspector").json().getJsonArray("items")
        .getJsonObject(0).getLong("id");
    row("checkpoints", "WL-HJ").findElement(By.xpath(".//button[contains(., '巡查员')]")).click();
    WebElement box = visible(By.cssSelector("#form-checkpoint-inspectors input[name=userIds][value='" + inspectorId + "']"));
    if (!box.isSelected()) {
      box.click();
    }
    noticeAfterSubmit("checkpoint-inspectors");
    assertTrue(admin.get("/api/checkpoints/" + id).json().getJsonArray("inspectors").stream()
        .anyMatch(o -> ((JsonObject) o).getLong("id") == inspectorId));
  }

  @Test
  @Order(21)
  void anAdminCreatesAReachWithAChief(@As("admin") Api admin) throws Exception {
    long riverId = admin.get("/api/rivers").json().getJsonArray("items").stream().map(o -> (JsonObject) o)
        .filter(r -> "CH".equals(r.getString("code"))).findFirst().orElseThrow().getLong("id");
    long chiefId = admin.get("/api/admin/users?q=chief2").json().getJsonArray("items").getJsonObject(0).getLong("id");
    openSection("rivers");
    driver.findElement(By.id("new-reach")).click();
    visible(By.id("form-reach-new"));
    choose("reach-new", "riverId", riverId);
    type("reach-new", "code", "CH-09");
    type("reach-new", "nameZh", "潮河 测试段");
    type("reach-new", "nameEn", "Chao River, test reach");
    choose("reach-new", "unitId", unitId(admin, "ZZ-JK-CH"));
    choose("reach-new", "chiefLevel", "village");
    choose("reach-new", "chiefUserId", chiefId);
    type("reach-new", "geometry", "113.80, 34.72");
    submit("reach-new");
    waitFor("geometry error at the field").until(d -> !fieldError("reach-new", "geometry").isEmpty());
    WebElement course = driver.findElement(By.id("f-reach-new-geometry"));
    course.sendKeys("\n113.81, 34.725");
    noticeAfterSubmit("reach-new");
    JsonObject reach = admin.get("/api/reaches?q=CH-09").json().getJsonArray("items").getJsonObject(0);
    assertEquals(chiefId, reach.getLong("chiefUserId"));
    assertEquals("village", reach.getString("chiefLevel"));
    assertTrue(reach.getDouble("lengthM") > 500, reach.encode());
  }

  @Test
  @Order(22)
  void aKeepersScopeIsTheBasesTickedForHim(@As("admin") Api admin) throws Exception {
    long keeperId = admin.get("/api/admin/users?q=keeper_b").json().getJsonArray("items").getJsonObject(0).getLong("id");
    long baseId = admin.get("/api/bases?q=B-GC-SBLH").json().getJsonArray("items").getJsonObject(0).getLong("id");
    assertFalse(admin.get("/api/bases/" + baseId).json().getJsonArray("keepers").stream()
        .anyMatch(o -> ((JsonObject) o).getLong("id") == keeperId), "not his base yet");
    openSection("users");
    row("users", "keeper_b").findElement(By.xpath(".//button[contains(., '管辖范围')]")).click();
    visible(By.cssSelector("#form-scope input[name=placeIds][value='" + baseId + "']")).click();
    Browser.screenshot(driver, "admin-user-scope-desktop");
    noticeAfterSubmit("scope");
    JsonArray keepers = admin.get("/api/bases/" + baseId).json().getJsonArray("keepers");
    assertTrue(keepers.stream().anyMatch(o -> ((JsonObject) o).getLong("id") == keeperId), keepers.encode());
    assertTrue(keepers.size() >= 2, "the base's other keepers stay: " + keepers.encode());
  }

  @Test
  @Order(30)
  void everySectionFitsAPhoneAndADesktop(Api anonymous) throws Exception {
    for (Dimension size : List.of(DESKTOP, PHONE)) {
      driver.manage().window().setSize(size);
      String suffix = size == PHONE ? "phone" : "desktop";
      for (String section : SECTIONS) {
        driver.get(anonymous.base() + "/admin/#" + section);
        driver.executeScript("window.__csp = []; document.addEventListener('securitypolicyviolation',"
            + " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");
        waitFor(section + " listed").until(d -> !loads(section).isEmpty());
        if (size == PHONE) {
          assertNothingWiderThanTheViewport(section + " list");
        }
        shoot("admin-" + section + "-" + suffix, size);
        List<WebElement> create = driver.findElements(By.cssSelector("#main .toolbar button.primary"));
        if (!create.isEmpty()) {
          create.get(create.size() - 1).click();
          visible(By.cssSelector("#editor form"));
          if (size == PHONE) {
            assertNothingWiderThanTheViewport(section + " form");
          }
          shoot("admin-" + section + "-form-" + suffix, size);
        }
        assertEquals(List.of(), driver.executeScript("return window.__csp;"), "no CSP violation on " + section);
      }
    }
    driver.manage().window().setSize(DESKTOP);
  }

  @Test
  @Order(31)
  void aNonAdminGetsANotAllowedPageAndNo403(Api anonymous) throws Exception {
    driver.manage().window().setSize(PHONE);
    driver.findElement(By.id("logout")).click();
    // The viewer logs in on the board, then opens the admin pages in the same tab (same session).
    driver.get(anonymous.base() + "/");
    logIn("viewer");
    visible(By.id("panels"));
    assertFalse(driver.findElement(By.id("admin-link")).isDisplayed(), "no admin link for a viewer");
    driver.get(anonymous.base() + "/admin/");
    WebElement page = visible(By.id("forbidden"));
    assertTrue(page.getText().contains("无权访问 Not allowed"), page.getText());
    assertFalse(driver.findElement(By.id("app")).isDisplayed());
    assertNothingWiderThanTheViewport("not allowed page");
    Browser.screenshot(driver, "admin-not-allowed-phone");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> requests = (List<Map<String, Object>>) driver.executeScript(
        "return performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))"
            + ".map(e => ({name: e.name, status: e.responseStatus}));");
    assertTrue(requests.stream().anyMatch(r -> String.valueOf(r.get("name")).contains("/api/auth/me")),
        "the page asked who is logged in: " + requests);
    for (Map<String, Object> r : requests) {
      assertTrue(r.get("status") instanceof Number, "the browser reports response codes: " + r);
      assertTrue(((Number) r.get("status")).intValue() < 400, "no failed request: " + r);
    }
    driver.manage().window().setSize(DESKTOP);
    Browser.screenshot(driver, "admin-not-allowed-desktop");
  }

  @Test
  @Order(32)
  void theBoardOffersAdminsALinkToTheAdminPages(Api anonymous) {
    driver.findElement(By.id("forbidden-logout")).click();
    driver.get(anonymous.base() + "/");
    logIn("admin");
    visible(By.id("panels"));
    WebElement link = visible(By.id("admin-link"));
    link.click();
    waitFor("admin pages open without a new login").until(d -> !loads("users").isEmpty());
  }

  /** A phone shot shows the whole page (the window grows to its height); a desktop shot the screen. */
  static void shoot(String name, Dimension size) throws Exception {
    if (size == PHONE) {
      Browser.fullPage(driver, name);
    } else {
      Browser.screenshot(driver, name);
    }
  }

  static long unitId(Api admin, String code) {
    for (Object o : admin.get("/api/units").json().getJsonArray("items")) {
      JsonObject u = (JsonObject) o;
      if (code.equals(u.getString("code"))) {
        return u.getLong("id");
      }
    }
    throw new AssertionError("no unit " + code);
  }

  /** Every element fits inside the viewport's width (the page never scrolls sideways). */
  static void assertNothingWiderThanTheViewport(String where) {
    @SuppressWarnings("unchecked")
    List<String> wide = (List<String>) driver.executeScript("""
        const w = document.documentElement.clientWidth;
        const out = [];
        if (document.documentElement.scrollWidth > w) out.push('page scrollWidth ' + document.documentElement.scrollWidth);
        for (const e of document.querySelectorAll('body *')) {
          const r = e.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue;
          if (r.right > w + 1 || r.left < -1) out.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
        }
        return out.slice(0, 10);""");
    Number width = (Number) driver.executeScript("return document.documentElement.clientWidth;");
    assertTrue(width.intValue() <= 400, "phone viewport, got " + width);
    assertTrue(wide.isEmpty(), where + ": wider than " + width + " px: " + wide);
  }
}
