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
 * Past (Cancel is for withdrawing a message sent in error). A silent-gauge alert is a monitoring fault, not
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

  public static String render(Alert a, ZoneId zone) {
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
      text(x, "msgType", msgType(a));
      boolean silent = "silent".equals(a.kind());
      text(x, "scope", silent ? "Restricted" : "Public");
      if (silent) {
        text(x, "restriction", "监测数据中断属设备故障，仅供防汛值班室使用 Monitoring fault: for the duty room only");
      }
      if (a.revision() > 1) {
        text(x, "references", SENDER + "," + identifier(a.id(), 1) + "," + time(a.raisedAt(), zone));
      }
      info(x, a, zone, false);
      info(x, a, zone, true);
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("CAP rendering failed", e);
    }
    return out.toString();
  }

  private static void info(XMLStreamWriter x, Alert a, ZoneId zone, boolean english) throws XMLStreamException {
    boolean silent = "silent".equals(a.kind());
    boolean cancel = !a.open();
    boolean reservoir = "reservoir".equals(a.checkpointKind());
    x.writeStartElement("info");
    text(x, "language", english ? "en-US" : "zh-CN");
    text(x, "category", silent ? "Infra" : "Met");
    text(x, "event", english ? (silent ? "Monitoring point silent" : reservoir ? "Reservoir water level warning"
        : "Urban waterlogging warning")
        : silent ? "监测点数据中断" : reservoir ? "水库水位预警" : "城市积水预警");
    text(x, "responseType", cancel ? "AllClear" : silent ? "Assess" : switch (a.level()) {
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
    text(x, "expires", time(cancel && a.resolvedAt() != null ? a.resolvedAt().plus(ALL_CLEAR_EXPIRY)
        : a.updatedAt().plus(OPEN_EXPIRY), zone));
    text(x, "senderName", english ? "FloodReady flood-control duty room" : "FloodReady 防汛值班室");
    String levelEn = a.level().code().substring(0, 1).toUpperCase(Locale.ROOT) + a.level().code().substring(1);
    text(x, "headline", english ? a.nameEn() + " " + (silent ? "monitoring silent" : levelEn + " warning")
        + (cancel ? " (all clear)" : "")
        : a.nameZh() + " " + (silent ? "监测数据中断" : a.level().nameZh()) + (cancel ? "（已解除）" : ""));
    text(x, "description", a.reason());
    text(x, "instruction", english ? instructionEn(a, silent, cancel) : cancel ? "预警已解除。"
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
