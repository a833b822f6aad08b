package org.floodready.checkpoints;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An alert as an OASIS CAP 1.2 message. Each transition is a new message: the first is an Alert, later
 * ones are Updates referring to it; a resolved alert is an Update with responseType AllClear and urgency
 * Past. Cancel withdraws the messages sent in error: it references every earlier message of the thread and
 * ends it (later transitions publish nothing). A silent-gauge alert is a monitoring fault, not
 * a public warning: its scope is Restricted. Every message expires, and carries a Chinese and an English info.
 */
public final class CapDocument {
  public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
  public static final String SENDER = "floodready@flood-control-hq.zhengzhou";
  /** CAP wants seconds and a numeric offset (never Z) in every time. */
  private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx",
      Locale.ROOT);

  private CapDocument() {
  }

  public static String identifier(long alertId, int revision) {
    return "floodready-alert-" + alertId + "-" + revision;
  }

  /** An open alert's message holds a day unless a newer one replaces it; an all-clear one hour. */
  static final java.time.Duration OPEN_EXPIRY = java.time.Duration.ofHours(24);
  static final java.time.Duration ALL_CLEAR_EXPIRY = java.time.Duration.ofHours(1);

  public static String msgType(Alert a) {
    return a.revision() == 1 ? "Alert" : "Update";
  }

  /**
   * One public CAP message of an alert's thread: its number (1 = the Alert), when it was sent, what it said;
   * status {@code withdrawn} is the Cancel, with the reason given in {@code note}.
   */
  public record Message(int number, OffsetDateTime sent, WarningLevel level, String status, String note) {
    public Message(int number, OffsetDateTime sent, WarningLevel level, String status) {
      this(number, sent, level, status, null);
    }

    public boolean cancel() {
      return WITHDRAWN.equals(status);
    }
  }

  /** The transition that withdraws the alert's public messages (CAP Cancel). */
  public static final String WITHDRAWN = "withdrawn";

  /** Transitions that are public CAP messages; acknowledgement and escalation are the duty room's own business. */
  public static final java.util.Set<String> PUBLIC_ACTIONS = java.util.Set.of("raised", "upgraded", "resolved",
      WITHDRAWN);

  /** The alert's public messages from its transitions (action, at, level, status), oldest first. */
  public static java.util.List<Message> thread(Iterable<io.vertx.sqlclient.Row> events) {
    java.util.List<Message> thread = new java.util.ArrayList<>();
    for (io.vertx.sqlclient.Row e : events) {
      String action = e.getString("action");
      if (PUBLIC_ACTIONS.contains(action)) {
        boolean cancel = WITHDRAWN.equals(action);
        thread.add(new Message(thread.size() + 1, e.getOffsetDateTime("at"), WarningLevel.of(e.getString("level")),
            cancel ? WITHDRAWN : e.getString("status"), cancel ? e.getString("comment") : null));
        if (cancel) {
          break;
        }
      }
    }
    return thread;
  }

  /**
   * Message {@code number} of the alert's public thread, its references naming every earlier message of
   * the thread exactly (sender, identifier, sent), each of which this method renders again on request.
   */
  public static String render(Alert a, java.util.List<Message> thread, int number, ZoneId zone) {
    Message m = thread.get(number - 1);
    boolean ended = "resolved".equals(m.status());
    Alert shown = new Alert(a.id(), a.checkpointId(), a.checkpointCode(), a.nameZh(), a.nameEn(), a.unitId(),
        a.checkpointKind(), a.lat(), a.lon(), a.kind(), m.level(), ended ? "resolved" : "raised", a.reason(),
        a.triggerValue(), a.triggerAt(), a.raisedAt(), a.levelRaisedAt(), null, null, null, ended ? m.sent() : null,
        null, number, m.sent());
    java.util.List<String> references = thread.subList(0, number - 1).stream()
        .map(earlier -> SENDER + "," + identifier(a.id(), earlier.number()) + "," + time(earlier.sent(), zone)).toList();
    String msgType = number == 1 ? "Alert" : m.cancel() ? "Cancel" : "Update";
    return render(shown, references, zone, msgType, m.cancel() ? java.util.Objects.toString(m.note(), "") : null);
  }

  /** {@code withdrawal}: the reason of a Cancel, null for the other messages. */
  private static String render(Alert a, java.util.List<String> references, ZoneId zone, String msgType,
      String withdrawal) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("alert");
      x.writeDefaultNamespace(NAMESPACE);
      text(x, "identifier", identifier(a.id(), a.revision()));
      text(x, "sender", SENDER);
      text(x, "sent", time(a.updatedAt(), zone));
      text(x, "status", "Actual");
      text(x, "msgType", msgType);
      boolean silent = "silent".equals(a.kind());
      text(x, "scope", silent ? "Restricted" : "Public");
      if (silent) {
        text(x, "restriction", "监测数据中断属设备故障，仅供防汛值班室使用 Monitoring fault: for the duty room only");
      }
      if (!references.isEmpty()) {
        text(x, "references", String.join(" ", references));
      }
      info(x, a, zone, false, withdrawal);
      info(x, a, zone, true, withdrawal);
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("CAP rendering failed", e);
    }
    return out.toString();
  }

  private static void info(XMLStreamWriter x, Alert a, ZoneId zone, boolean english, String withdrawal)
      throws XMLStreamException {
    boolean silent = "silent".equals(a.kind());
    boolean withdrawn = withdrawal != null;
    boolean cancel = !a.open() || withdrawn;
    boolean reservoir = "reservoir".equals(a.checkpointKind());
    x.writeStartElement("info");
    text(x, "language", english ? "en-US" : "zh-CN");
    text(x, "category", silent ? "Infra" : "Met");
    text(x, "event", english ? (silent ? "Monitoring point silent" : reservoir ? "Reservoir water level warning"
        : "Urban waterlogging warning")
        : silent ? "监测点数据中断" : reservoir ? "水库水位预警" : "城市积水预警");
    text(x, "responseType", withdrawn ? "None" : cancel ? "AllClear" : silent ? "Assess" : switch (a.level()) {
      case RED -> "Execute";
      case ORANGE -> "Prepare";
      default -> "Monitor";
    });
    text(x, "urgency", cancel ? "Past" : silent ? "Unknown" : switch (a.level()) {
      case RED, ORANGE -> "Immediate";
      case YELLOW -> "Expected";
      default -> "Future";
    });
    text(x, "severity", silent ? "Unknown" : a.level().capSeverity());
    text(x, "certainty", silent ? "Unknown" : "Observed");
    text(x, "effective", time(a.raisedAt(), zone));
    text(x, "expires", time(withdrawn ? a.updatedAt().plus(ALL_CLEAR_EXPIRY)
        : cancel && a.resolvedAt() != null ? a.resolvedAt().plus(ALL_CLEAR_EXPIRY)
        : a.updatedAt().plus(OPEN_EXPIRY), zone));
    text(x, "senderName", english ? "FloodReady flood-control duty room" : "FloodReady 防汛值班室");
    String levelEn = a.level().code().substring(0, 1).toUpperCase(Locale.ROOT) + a.level().code().substring(1);
    text(x, "headline", english ? a.nameEn() + " " + (silent ? "monitoring silent" : levelEn + " warning")
        + (withdrawn ? " (withdrawn: sent in error)" : cancel ? " (all clear)" : "")
        : a.nameZh() + " " + (silent ? "监测数据中断" : a.level().nameZh())
        + (withdrawn ? "（误发，已撤销）" : cancel ? "（已解除）" : ""));
    text(x, "description", withdrawn ? withdrawal : a.reason());
    text(x, "instruction", withdrawn ? (english ? "The earlier message was sent in error and is withdrawn; disregard it."
        : "此前发布的预警系误发，现予撤销，请勿采信。")
        : english ? instructionEn(a, silent, cancel) : cancel ? "预警已解除。"
        : silent ? "请核查监测设备与通信，安排人员现场观测。"
        : switch (a.level()) {
          case RED -> "立即启动应急响应，组织人员转移，封闭危险区域。";
          case ORANGE -> "值班人员到岗，抢险队伍与物资前置，必要时封闭道路。";
          case YELLOW -> "加密观测，做好抢险准备。";
          default -> "密切关注水位变化。";
        });
    parameter(x, "checkpointCode", a.checkpointCode());
    parameter(x, "warningLevel", a.level().code());
    if (a.triggerValue() != null) {
      parameter(x, "observedValue", a.triggerValue() + ("reservoir".equals(a.checkpointKind()) ? " m" : " cm"));
    }
    x.writeStartElement("area");
    text(x, "areaDesc", a.nameZh() + " " + a.nameEn());
    double radiusKm = "reservoir".equals(a.checkpointKind()) ? 2.0 : 0.3;
    text(x, "circle", String.format(Locale.ROOT, "%.6f,%.6f %.1f", a.lat(), a.lon(), radiusKm));
    x.writeEndElement();
    x.writeEndElement();
  }

  private static String instructionEn(Alert a, boolean silent, boolean cancel) {
    return cancel ? "The warning has ended." : silent ? "Check the gauge and its link; observe on site."
        : switch (a.level()) {
          case RED -> "Start the emergency response, evacuate people and close the danger zone.";
          case ORANGE -> "Duty staff on post, rescue teams and supplies forward, close roads if needed.";
          case YELLOW -> "Observe more often and prepare for rescue work.";
          default -> "Watch the water level closely.";
        };
  }

  private static void parameter(XMLStreamWriter x, String name, String value) throws XMLStreamException {
    x.writeStartElement("parameter");
    text(x, "valueName", name);
    text(x, "value", value);
    x.writeEndElement();
  }

  private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(value == null ? "" : value);
    x.writeEndElement();
  }

  static String time(OffsetDateTime t, ZoneId zone) {
    return t.atZoneSameInstant(zone).format(CAP_TIME);
  }
}
