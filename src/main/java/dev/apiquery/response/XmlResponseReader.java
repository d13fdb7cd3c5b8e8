package dev.apiquery.response;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one XML response body ({@code xmlproviderGet}) with the JDK's streaming StAX parser:
 * the same paths as JSON ({@code /root/Item}, relative {@code Name}, {@code @id} attributes),
 * elements outside the rows skipped unread, one row element in memory at a time. Immutable and
 * thread-safe.
 *
 * <p>Rows are the elements the row path names ({@code /root/Item}: each {@code Item} in
 * {@code root}; {@code /feed/*}: each child of {@code feed}); the first step of an absolute path
 * is the document element. Absolute column paths outside the rows and document paths
 * ({@code /root/next}) are document values. DTDs and external entities are never processed.
 */
final class XmlResponseReader implements ResponseReader {
  private static final XMLInputFactory FACTORY = newFactory();
  private final ReadPlan plan;

  XmlResponseReader(RowPaths rows, List<String> columnPaths, List<String> documentPaths) {
    List<NodePath> columns = new ArrayList<>();
    for (String column : columnPaths) {
      columns.add(NodePath.parseColumnPath(column, true));
    }
    List<NodePath> docs = new ArrayList<>();
    for (String doc : documentPaths) {
      docs.add(NodePath.parseDocumentPath(doc, true));
    }
    this.plan = new ReadPlan(rows, columns, documentPaths, docs);
  }

  private static XMLInputFactory newFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    // A response body must not make the driver read files or URLs, nor expand entity bombs.
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return factory;
  }

  /**
   * Reads a whole body. A body cut off by the connection is the stream's {@link IOException}; a
   * complete body that is not well-formed XML is a {@link MalformedResponseException}. An empty
   * body is a page with no rows. The stream is not closed.
   */
  @Override
  public Page read(InputStream body) throws IOException, MalformedResponseException {
    InputStream in = body.markSupported() ? body : new BufferedInputStream(body);
    if (isEmpty(in)) {
      return new PageBuilder(plan).finish();
    }
    XMLStreamReader reader = null;
    try {
      reader = FACTORY.createXMLStreamReader(in);
      return new XmlScan(reader, plan).run();
    } catch (XMLStreamException e) {
      IOException transport = transportCause(e);
      if (transport != null) {
        throw transport;
      }
      throw new MalformedResponseException(describe(e), e);
    } finally {
      if (reader != null) {
        try {
          reader.close(); // does not close the underlying stream
        } catch (XMLStreamException ignored) {
          // nothing was left to release
        }
      }
    }
  }

  /** True when the body holds only whitespace: no document at all. */
  private static boolean isEmpty(InputStream in) throws IOException {
    in.mark(4096);
    try {
      for (int i = 0; i < 4096; i++) {
        int b = in.read();
        if (b < 0) {
          return true;
        }
        if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
          return false;
        }
      }
      return false;
    } finally {
      in.reset();
    }
  }

  /** The parser wraps a failing stream's exception; that is a transport failure, retried. */
  private static IOException transportCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException io) {
        return io;
      }
      if (t instanceof XMLStreamException x && x.getNestedException() instanceof IOException io) {
        return io;
      }
    }
    return null;
  }

  private static String describe(XMLStreamException e) {
    StringBuilder sb = new StringBuilder("Malformed XML response");
    Location at = e.getLocation();
    if (at != null && at.getLineNumber() > 0) {
      sb.append(" at line ").append(at.getLineNumber()).append(", column ")
          .append(at.getColumnNumber());
    }
    String message = e.getMessage() == null ? "" : e.getMessage();
    // The JDK prefixes its message with "ParseError at [row,col]:[r,c]\nMessage: ".
    int cut = message.indexOf("Message:");
    message = cut >= 0 ? message.substring(cut + "Message:".length()) : message;
    return sb.append(": ").append(MalformedResponseException.oneLine(message)).toString();
  }
}
