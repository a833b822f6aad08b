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
 * An alert as an OASIS CAP 1.2 message. Each transition is a new message: the first is an Alert,
 * later ones are Updates referring to it, and a resolved alert is a Cancel.
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

  public static String msgType(Alert a) {
    return !a.open() ? "Cancel" : a.revision() == 1 ? "Alert" : "Update";
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
      text(x, "scope", "Public");
      if (a.revision() > 1) {
        text(x, "references", SENDER + "," + identifier(a.id(), 1) + "," + time(a.raisedAt(), zone));
      }
      info(x, a, zone);
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("CAP rendering failed", e);
    }
    return out.toString();
  }

  private static void info(XMLStreamWriter x, Alert a, ZoneId zone) throws XMLStreamException {
    boolean silent = "silent".equals(a.kind());
    boolean cancel = !a.open();
    x.writeStartElement("info");
    text(x, "language", "zh-CN");
    text(x, "category", silent ? "Infra" : "Met");
    text(x, "event", silent ? "监测点数据中断" : "reservoir".equals(a.checkpointKind()) ? "水库水位预警" : "城市积水预警");
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
    text(x, "senderName", "FloodReady 防汛值班室");
    text(x, "headline", a.nameZh() + " " + (silent ? "监测数据中断" : a.level().nameZh())
        + (cancel ? "（已解除）" : ""));
    text(x, "description", a.reason());
    text(x, "instruction", cancel ? "预警已解除。" : silent ? "请核查监测设备与通信，安排人员现场观测。"
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
