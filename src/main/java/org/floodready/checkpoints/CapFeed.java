package org.floodready.checkpoints;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom (RFC 4287) index of the active public alerts for aggregators: one entry per alert, naming its
 * newest CAP message. Silent-gauge alerts are Restricted CAP messages and stay out. A withdrawn alert is no
 * longer active: while its Cancel message holds, the Cancel is listed as an entry of its own instead.
 */
public final class CapFeed {
  static final String ATOM = "http://www.w3.org/2005/Atom";

  private CapFeed() {
  }

  /** A withdrawn alert's Cancel message: when it was sent and why. */
  public record Cancel(Alert alert, OffsetDateTime at, String reason) {
  }

  public static String render(List<Alert> alerts, OffsetDateTime now, ZoneId zone) {
    return render(alerts, List.of(), now, zone);
  }

  public static String render(List<Alert> alerts, List<Cancel> cancels, OffsetDateTime now, ZoneId zone) {
    List<Alert> shown = alerts.stream().filter(a -> a.open() && !"silent".equals(a.kind())).toList();
    List<Cancel> cancelled = cancels.stream().filter(c -> !"silent".equals(c.alert().kind())).toList();
    OffsetDateTime updated = java.util.stream.Stream.concat(shown.stream().map(Alert::updatedAt),
        cancelled.stream().map(Cancel::at)).max(OffsetDateTime::compareTo).orElse(now);
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("feed");
      x.writeDefaultNamespace(ATOM);
      text(x, "id", "urn:floodready:alerts:active");
      text(x, "title", "FloodReady 防汛预警 Active flood warnings");
      text(x, "updated", CapDocument.time(updated, zone));
      x.writeStartElement("author");
      text(x, "name", "FloodReady 防汛值班室");
      x.writeEndElement();
      link(x, "self", "application/atom+xml", "/api/alerts/cap.atom");
      for (Alert a : shown) {
        x.writeStartElement("entry");
        // an Atom entry keeps its id across updates: the alert's, while the link follows its newest CAP message
        text(x, "id", "urn:floodready:alert:" + a.id());
        text(x, "title", a.nameZh() + " " + a.level().nameZh() + " / " + a.nameEn() + " " + a.level().code());
        text(x, "updated", CapDocument.time(a.updatedAt(), zone));
        text(x, "summary", a.reason());
        link(x, "alternate", "application/cap+xml", "/api/alerts/" + a.id() + "/cap");
        x.writeEndElement();
      }
      for (Cancel c : cancelled) {
        Alert a = c.alert();
        x.writeStartElement("entry");
        text(x, "id", "urn:floodready:alert:" + a.id() + ":cancel");
        text(x, "title", "撤销 " + a.nameZh() + " " + a.level().nameZh() + " / Cancel: " + a.nameEn() + " "
            + a.level().code());
        text(x, "updated", CapDocument.time(c.at(), zone));
        text(x, "summary", c.reason());
        link(x, "alternate", "application/cap+xml", "/api/alerts/" + a.id() + "/cap");
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Atom rendering failed", e);
    }
    return out.toString();
  }

  private static void link(XMLStreamWriter x, String rel, String type, String href) throws XMLStreamException {
    x.writeEmptyElement("link");
    x.writeAttribute("rel", rel);
    x.writeAttribute("type", type);
    x.writeAttribute("href", href);
  }

  private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(value == null ? "" : value);
    x.writeEndElement();
  }
}
