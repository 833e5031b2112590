package io.incidentbot.statuspage;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The incident history as feeds: Atom 1.0 (RFC 4287) and RSS 2.0, written with the JDK's StAX writer (which escapes
 * every text). One entry per published incident of the last 12 months, newest first, at most 50; its content is the
 * incident's public updates, newest first.
 */
public final class Feeds {
    private static final int MAX = 50;

    private Feeds() {
    }

    /** @return the Atom document; {@code baseUrl} without a trailing {@code /} */
    public static String atom(StatusSnapshot.History h, String baseUrl) {
        return write(w -> {
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("feed");
            w.writeDefaultNamespace("http://www.w3.org/2005/Atom");
            text(w, "id", baseUrl + "/status/history");
            text(w, "title", h.title() + ": incident history");
            text(w, "updated", DateTimeFormatter.ISO_INSTANT.format(h.updatedAt()));
            link(w, baseUrl + "/status/history", "alternate");
            link(w, baseUrl + "/status/history.atom", "self");
            w.writeStartElement("author");
            text(w, "name", h.title());
            w.writeEndElement();
            for (StatusSnapshot.IncidentView v : incidents(h)) {
                PublishedIncident i = v.incident();
                w.writeStartElement("entry");
                text(w, "id", baseUrl + "/status/incidents/" + i.publicId());
                text(w, "title", i.title() + " (" + i.status().word() + ")");
                text(w, "published", DateTimeFormatter.ISO_INSTANT.format(i.createdAt()));
                text(w, "updated", DateTimeFormatter.ISO_INSTANT.format(i.updatedAt()));
                link(w, baseUrl + "/status/incidents/" + i.publicId(), "alternate");
                w.writeStartElement("content");
                w.writeAttribute("type", "text");
                w.writeCharacters(strip(content(v)));
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
        });
    }

    /** @return the RSS 2.0 document; {@code baseUrl} without a trailing {@code /} */
    public static String rss(StatusSnapshot.History h, String baseUrl) {
        DateTimeFormatter rfc822 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);
        return write(w -> {
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("rss");
            w.writeAttribute("version", "2.0");
            w.writeStartElement("channel");
            text(w, "title", h.title() + ": incident history");
            text(w, "link", baseUrl + "/status/history");
            text(w, "description", "Incidents published on " + h.title());
            text(w, "lastBuildDate", rfc822.format(h.updatedAt()));
            for (StatusSnapshot.IncidentView v : incidents(h)) {
                PublishedIncident i = v.incident();
                w.writeStartElement("item");
                text(w, "title", i.title() + " (" + i.status().word() + ")");
                text(w, "link", baseUrl + "/status/incidents/" + i.publicId());
                w.writeStartElement("guid");
                w.writeAttribute("isPermaLink", "true");
                w.writeCharacters(baseUrl + "/status/incidents/" + i.publicId());
                w.writeEndElement();
                text(w, "pubDate", rfc822.format(i.createdAt()));
                text(w, "description", content(v));
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
        });
    }

    private static List<StatusSnapshot.IncidentView> incidents(StatusSnapshot.History h) {
        List<StatusSnapshot.IncidentView> all = new ArrayList<>();
        h.months().values().forEach(all::addAll);
        return all.size() > MAX ? all.subList(0, MAX) : all;
    }

    private static String content(StatusSnapshot.IncidentView v) {
        StringBuilder b = new StringBuilder();
        for (PublicUpdate u : v.updates()) {
            if (b.length() > 0) {
                b.append("\n\n");
            }
            b.append(PageText.shown(u.at())).append(" - ").append(u.status().label()).append(": ").append(u.body());
        }
        return b.toString();
    }

    private interface Body {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            body.write(w);
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("feed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static void text(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text == null ? "" : strip(text));
        w.writeEndElement();
    }

    private static void link(XMLStreamWriter w, String href, String rel) throws XMLStreamException {
        w.writeEmptyElement("link");
        w.writeAttribute("rel", rel);
        w.writeAttribute("href", href);
    }

    /** XML 1.0 cannot carry most control characters, even escaped: they are dropped. */
    private static String strip(String s) {
        return s.codePoints().filter(c -> c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c != 0xFFFE && c != 0xFFFF)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** @return {@code at} as an Atom time */
    static String atomTime(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at);
    }
}
