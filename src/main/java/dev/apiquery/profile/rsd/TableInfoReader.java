package dev.apiquery.profile.rsd;

import dev.apiquery.profile.ColumnDef;
import dev.apiquery.profile.DataType;
import dev.apiquery.profile.InputDef;
import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;
import dev.apiquery.profile.xml.XmlElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads {@code <api:info>} into columns ({@code attr}) and inputs ({@code input}).
 *
 * <p>Names must be unique ignoring case among columns and among inputs, because SQL matches
 * unquoted names case-insensitively. An input may share its exact name with a column (CData
 * profiles do this for a column that is also a request parameter); the same name spelled with a
 * different case is rejected as ambiguous.
 */
final class TableInfoReader {
  /** Internal paging state, never a column: see DESIGN "rows@next is internal". */
  static final String ROWS_NEXT = "rows@next";

  private final String file;
  private final Map<String, XmlElement> columnNames = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final Map<String, XmlElement> inputNames = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  private TableInfoReader(String file) {
    this.file = file;
  }

  static TableInfo read(String file, XmlElement info) throws ProfileException {
    return new TableInfoReader(file).read(info);
  }

  private TableInfo read(XmlElement info) throws ProfileException {
    List<ColumnDef> columns = new ArrayList<>();
    List<InputDef> inputs = new ArrayList<>();
    for (XmlElement child : info.children()) {
      String kind = RsdNames.localName(child);
      if (kind.equals("attr")) {
        columns.add(column(child));
      } else if (kind.equals("input")) {
        InputDef input = input(child);
        if (input != null) {
          inputs.add(input);
        }
      }
    }
    if (columns.isEmpty()) {
      throw new ProfileException(at(info), "<" + info.name() + "> declares no <attr> columns");
    }
    return new TableInfo(RsdNames.trimmed(info.attribute("title")),
        RsdNames.trimmed(info.attribute("desc", "description")), columns, inputs);
  }

  private ColumnDef column(XmlElement attr) throws ProfileException {
    String name = requireName(attr);
    checkUnique(attr, name, columnNames, "column");
    checkCaseClash(attr, name, inputNames, "input");
    columnNames.put(name, attr);
    String xPath = RsdNames.trimmed(attr.attribute("other:xPath", "xPath"));
    return new ColumnDef(
        name,
        DataType.fromXsType(attr.attribute("xs:type", "type")),
        xPath == null ? name : xPath,
        RsdNames.flag(attr.attribute("key")),
        RsdNames.flag(attr.attribute("readonly")),
        RsdNames.trimmed(attr.attribute("desc", "description")),
        integer(attr, "columnsize"),
        integer(attr, "decimaldigits"),
        RsdNames.trimmed(attr.attribute("other:filter", "filter")));
  }

  /** Null for {@code rows@next}, which only carries paging state. */
  private InputDef input(XmlElement input) throws ProfileException {
    String name = requireName(input);
    if (name.equalsIgnoreCase(ROWS_NEXT)) {
      return null;
    }
    checkUnique(input, name, inputNames, "input");
    checkCaseClash(input, name, columnNames, "column");
    inputNames.put(name, input);
    String defaultValue = input.attribute("def", "default");
    return new InputDef(
        name,
        DataType.fromXsType(input.attribute("xs:type", "type")),
        RsdNames.flag(input.attribute("required", "req")),
        defaultValue == null || defaultValue.isEmpty() ? null : defaultValue,
        RsdNames.trimmed(input.attribute("desc", "description")),
        RsdNames.trimmed(input.attribute("other:filter", "filter")));
  }

  private String requireName(XmlElement element) throws ProfileException {
    String name = RsdNames.trimmed(element.attribute("name"));
    if (name == null) {
      throw new ProfileException(at(element), "<" + element.name() + "> has no name");
    }
    return name;
  }

  private void checkUnique(XmlElement element, String name, Map<String, XmlElement> seen,
      String kind) throws ProfileException {
    XmlElement first = seen.get(name);
    if (first != null) {
      throw new ProfileException(at(element), kind + " '" + name + "' is declared twice (also as '"
          + first.attribute("name").trim() + "' at line " + first.line()
          + "); names must differ by more than case");
    }
  }

  private void checkCaseClash(XmlElement element, String name, Map<String, XmlElement> others,
      String otherKind) throws ProfileException {
    XmlElement other = others.get(name);
    if (other != null && !other.attribute("name").trim().equals(name)) {
      throw new ProfileException(at(element), "'" + name + "' differs only by case from "
          + otherKind + " '" + other.attribute("name").trim() + "' at line " + other.line());
    }
  }

  private Integer integer(XmlElement element, String attribute) throws ProfileException {
    String value = RsdNames.trimmed(element.attribute(attribute));
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw new ProfileException(at(element), attribute + "=\"" + value + "\" is not a whole number"
          + " (in <" + element.name().toLowerCase(Locale.ROOT) + " name=\""
          + element.attribute("name") + "\">)");
    }
  }

  private SourceLocation at(XmlElement element) {
    return new SourceLocation(file, element.line());
  }
}
