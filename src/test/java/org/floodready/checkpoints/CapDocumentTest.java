package org.floodready.checkpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;

class CapDocumentTest {
  static final OffsetDateTime T = OffsetDateTime.parse("2026-07-20T00:30:15.123Z");

  static Alert alert(String kind, WarningLevel level, String status, int revision) {
    return new Alert(7, 3, "RES-XWZ", "小魏庄水库 <&>", "Xiaoweizhuang", 1, "reservoir", 34.6612, 113.7408, kind, level,
        status, "超汛限水位 above flood-limit level: 127.00 m >= 126.50 m", 127.0, T, T, T, null, null, null, null, null,
        revision, T.plusMinutes(5));
  }

  /** The alert's newest message, its thread made of {@code revision} messages (the last sent at updatedAt). */
  static String render(Alert a, ZoneId zone) {
    java.util.List<CapDocument.Message> thread = new java.util.ArrayList<>();
    for (int n = 1; n < a.revision(); n++) {
      thread.add(new CapDocument.Message(n, a.raisedAt().plusMinutes(n - 1), a.level(), "raised"));
    }
    thread.add(new CapDocument.Message(a.revision(), a.updatedAt(), a.level(), a.status()));
    return CapDocument.render(a, thread, a.revision(), zone);
  }

  static void validate(String xml) throws Exception {
    Validator v = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(CapDocumentTest.class.getResource("/cap/CAP-v1.2.xsd")).newValidator();
    v.validate(new StreamSource(new StringReader(xml)));
  }

  @Test
  void timesHaveSecondsAndANumericOffsetEvenInUtc() throws Exception {
    String xml = render(alert("level", WarningLevel.YELLOW, "raised", 1), ZoneOffset.UTC);
    validate(xml);
    assertTrue(xml.contains("<sent>2026-07-20T00:35:15+00:00</sent>"), xml);
    String local = render(alert("level", WarningLevel.YELLOW, "raised", 1), ZoneId.of("Asia/Shanghai"));
    assertTrue(local.contains("<sent>2026-07-20T08:35:15+08:00</sent>"), local);
  }

  @Test
  void everyLevelAndStateGivesAValidMessage() throws Exception {
    for (WarningLevel level : WarningLevel.values()) {
      if (level == WarningLevel.NONE) {
        continue;
      }
      for (String status : Alert.STATUSES) {
        for (String kind : new String[] {"level", "silent"}) {
          validate(render(alert(kind, level, status, status.equals("raised") ? 1 : 3),
              ZoneId.of("Asia/Shanghai")));
        }
      }
    }
  }

  @Test
  void msgTypeFollowsTheLifecycleAndTextIsEscaped() {
    assertEquals("Alert", CapDocument.msgType(alert("level", WarningLevel.RED, "raised", 1)));
    assertEquals("Update", CapDocument.msgType(alert("level", WarningLevel.RED, "acknowledged", 2)));
    assertEquals("Update", CapDocument.msgType(alert("level", WarningLevel.RED, "resolved", 3)),
        "an alert that ends is an all-clear Update; Cancel withdraws a message sent in error");
    String xml = render(alert("level", WarningLevel.RED, "raised", 1), ZoneOffset.UTC);
    assertTrue(xml.contains("小魏庄水库 &lt;&amp;&gt;"), xml);
    assertTrue(xml.contains("<severity>Extreme</severity>"));
    assertTrue(xml.contains("<circle>34.661200,113.740800 2.0</circle>"));
  }

  @Test
  void silentAlertsAreRestrictedEveryMessageExpiresAndAnEnglishInfoFollows() throws Exception {
    String silent = render(alert("silent", WarningLevel.YELLOW, "raised", 1), ZoneOffset.UTC);
    validate(silent);
    assertTrue(silent.contains("<scope>Restricted</scope><restriction>"), silent);
    String raised = render(alert("level", WarningLevel.RED, "raised", 1), ZoneOffset.UTC);
    assertTrue(raised.contains("<scope>Public</scope>") && !raised.contains("<restriction>"), raised);
    assertTrue(raised.contains("<expires>2026-07-21T00:35:15+00:00</expires>"), raised);
    assertTrue(raised.contains("<language>zh-CN</language>") && raised.contains("<language>en-US</language>"), raised);
    assertTrue(raised.contains("<headline>Xiaoweizhuang Red warning</headline>"), raised);
    Alert resolved = new Alert(7, 3, "RES-XWZ", "小魏庄水库", "Xiaoweizhuang", 1, "reservoir", 34.6612, 113.7408,
        "level", WarningLevel.RED, "resolved", "drained", 127.0, T, T, T, null, null, null, T.plusHours(2), 1L, 3,
        T.plusHours(2));
    String allClear = render(resolved, ZoneOffset.UTC);
    validate(allClear);
    assertTrue(allClear.contains("<msgType>Update</msgType>") && allClear.contains("<responseType>AllClear</responseType>")
        && allClear.contains("<urgency>Past</urgency>"), allClear);
    assertTrue(allClear.contains("<expires>2026-07-20T03:30:15+00:00</expires>"), allClear);
  }

  @Test
  void theAtomIndexListsActivePublicAlertsWithLinksToTheirCapMessages() throws Exception {
    String feed = CapFeed.render(java.util.List.of(alert("level", WarningLevel.RED, "acknowledged", 2),
        alert("silent", WarningLevel.YELLOW, "raised", 1), alert("level", WarningLevel.RED, "resolved", 3)),
        T, ZoneOffset.UTC);
    var doc = javax.xml.parsers.DocumentBuilderFactory.newNSInstance().newDocumentBuilder()
        .parse(new org.xml.sax.InputSource(new StringReader(feed)));
    var entries = doc.getElementsByTagNameNS(CapFeed.ATOM, "entry");
    assertEquals(1, entries.getLength(), "silent and resolved alerts stay out: " + feed);
    assertTrue(feed.contains("<id>urn:floodready:alert:7</id>"), feed);
    assertTrue(feed.contains("href=\"/api/alerts/7/cap\""), feed);
    assertTrue(feed.contains("<updated>2026-07-20T00:35:15+00:00</updated>"), feed);
  }
}
