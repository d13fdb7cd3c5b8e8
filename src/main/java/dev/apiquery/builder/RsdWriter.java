package dev.apiquery.builder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a generated table in the house style of docs/rsd.md and sample-profiles: LF line ends,
 * aligned {@code attr}s, read-only columns, paging and {@code JSONPath} as global {@code api:set}s,
 * the request in the GET block. Values are XML-escaped; {@code [} and {@code ]} in the URI are
 * percent-encoded so that they are not read as references.
 */
public final class RsdWriter {
  private static final String ROWS_NEXT_DESC =
      "Identifier for the next page of results. Do not set this value manually.";

  private RsdWriter() {}

  /**
   * What a generated file holds.
   *
   * @param title {@code api:info title} (the table name)
   * @param description {@code api:info desc}
   * @param comment lines of the leading comment (how it was generated)
   * @param jsonPath the rows, or null for a top-level array or a single object
   * @param columns the columns
   * @param paging the paging attributes
   * @param baseReference a reference that leads the URI ({@code [_connection.BaseUrl]}), or null
   * @param uri the request URL, or its part after {@code baseReference}
   * @param headers headers the profile sends (none carries a secret)
   */
  public record Table(String title, String description, List<String> comment, String jsonPath,
      List<InferredColumn> columns, List<Map.Entry<String, String>> paging, String baseReference, String uri,
      List<Map.Entry<String, String>> headers) {}

  public static String write(Table t) {
    StringBuilder out = new StringBuilder();
    out.append("<api:script xmlns:api=\"http://apiscript.com/ns?v1\" xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">\n");
    if (!t.comment().isEmpty()) {
      out.append("  <!-- ").append(String.join("\n       ", t.comment().stream().map(RsdWriter::comment).toList()))
          .append(" -->\n");
    }
    out.append("  <api:info title=\"").append(xml(t.title())).append("\" desc=\"").append(xml(t.description()))
        .append("\" xmlns:other=\"http://apiscript.com/ns?v1\">\n");
    columns(t.columns(), out);
    if (!t.paging().isEmpty()) {
      out.append("    <input name=\"rows@next\" desc=\"").append(ROWS_NEXT_DESC).append("\"/>\n");
    }
    out.append("  </api:info>\n");
    List<Map.Entry<String, String>> global = new ArrayList<>();
    if (t.jsonPath() != null) {
      global.add(Map.entry("JSONPath", t.jsonPath()));
    }
    global.addAll(t.paging());
    sets(global, "  ", out);
    out.append("  <api:script method=\"GET\">\n");
    List<Map.Entry<String, String>> request = new ArrayList<>();
    request.add(Map.entry("method", "GET"));
    String literal = t.uri().replace("[", "%5B").replace("]", "%5D");
    request.add(Map.entry("URI", t.baseReference() == null ? literal : t.baseReference() + literal));
    for (int i = 0; i < t.headers().size(); i++) {
      request.add(Map.entry("Header:Name#" + (i + 1), t.headers().get(i).getKey()));
      request.add(Map.entry("Header:Value#" + (i + 1), t.headers().get(i).getValue()));
    }
    sets(request, "    ", out);
    out.append("    <api:call op=\"jsonproviderGet\">\n      <api:push/>\n    </api:call>\n");
    out.append("  </api:script>\n</api:script>\n");
    return out.toString();
  }

  private static void columns(List<InferredColumn> columns, StringBuilder out) {
    int nameWidth = 0;
    int typeWidth = 0;
    for (InferredColumn c : columns) {
      nameWidth = Math.max(nameWidth, xml(c.name()).length());
      typeWidth = Math.max(typeWidth, c.xsType().length() + (c.key() ? " key=\"true\"".length() : 0));
    }
    for (InferredColumn c : columns) {
      String name = "\"" + xml(c.name()) + "\"";
      String type = "\"" + c.xsType() + "\"" + (c.key() ? " key=\"true\"" : "");
      out.append("    <attr name=").append(pad(name, nameWidth + 2)).append(" xs:type=").append(pad(type, typeWidth + 2))
          .append(" readonly=\"true\" other:xPath=\"").append(xml(c.xPath())).append("\"/>\n");
    }
  }

  private static void sets(List<Map.Entry<String, String>> sets, String indent, StringBuilder out) {
    int width = 0;
    for (Map.Entry<String, String> s : sets) {
      width = Math.max(width, xml(s.getKey()).length() + 2);
    }
    for (Map.Entry<String, String> s : sets) {
      out.append(indent).append("<api:set attr=").append(pad("\"" + xml(s.getKey()) + "\"", width))
          .append(" value=\"").append(xml(s.getValue())).append("\"/>\n");
    }
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }

  /** Escapes an attribute value: {@code &}, {@code <}, {@code >} and {@code "}. */
  static String xml(String value) {
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** A comment may not hold {@code --}. */
  private static String comment(String line) {
    return line.replace("--", "- -");
  }
}
