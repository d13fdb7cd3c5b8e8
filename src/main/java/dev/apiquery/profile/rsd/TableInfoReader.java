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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code <api:info>} into columns ({@code attr}) and inputs ({@code input}).
 *
 * <p>SQL matches unquoted names case-insensitively, so a column or input declared again under
 * the same name (ignoring case, even with another {@code other:xPath}) is a warning, as in CData:
 * the first declaration wins, the repeat is skipped, and the warning is logged and appended to
 * the table's description (its REMARKS). An input may share its exact name with a column (CData
 * profiles do this for a column that is also a request parameter); the same name spelled with a
 * different case is rejected as ambiguous. An {@code xs:type} that is not a known type name is
 * an error, so a typo never silently turns a number column into text.
 */
final class TableInfoReader {
  /** Internal paging state, never a column: see DESIGN "rows@next is internal". */
  static final String ROWS_NEXT = "rows@next";

  private static final Logger LOG = LoggerFactory.getLogger(TableInfoReader.class);

  /** Type names read as VARCHAR on purpose; {@link DataType} maps any other unknown name there. */
  private static final Set<String> TEXT_TYPES = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

  static {
    TEXT_TYPES.addAll(List.of("string", "str", "varchar", "nvarchar", "char", "nchar", "text",
        "ntext", "uuid", "guid", "uniqueidentifier", "json", "xml", "object", "array", "binary",
        "varbinary", "base64binary", "anyuri", "any", "enum",
        // CData's schema generator writes "unknown" for a field whose sample value was null.
        "unknown"));
  }

  private final String file;
  private final List<String> warnings = new ArrayList<>();
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
        ColumnDef column = column(child);
        if (column != null) {
          columns.add(column);
        }
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
    String title = RsdNames.trimmed(info.attribute("title"));
    return new TableInfo(title,
        withWarnings(RsdNames.trimmed(info.attribute("desc", "description")), title),
        columns, inputs);
  }

  /** The description with the load warnings appended, so they show in REMARKS. */
  private String withWarnings(String description, String title) {
    if (warnings.isEmpty()) {
      return description;
    }
    String base = description != null ? description : title;
    return (base == null ? "" : base + " ") + "[warning: " + String.join("; ", warnings) + "]";
  }

  /** Null for a repeated name: the first declaration wins. */
  private ColumnDef column(XmlElement attr) throws ProfileException {
    String name = requireName(attr);
    if (isRepeat(attr, name, columnNames, "column")) {
      return null;
    }
    checkCaseClash(attr, name, inputNames, "input");
    columnNames.put(name, attr);
    String xPath = RsdNames.trimmed(attr.attribute("other:xPath", "xPath"));
    String valueFormat = RsdNames.trimmed(attr.attribute("other:valueFormat"));
    // "aggregate" (an element or object with children as one text value) is how every column
    // holding such a value reads; any other format would be parsed and not honoured.
    if (valueFormat != null && !valueFormat.equalsIgnoreCase("aggregate")) {
      throw new ProfileException(at(attr), "other:valueFormat=\"" + valueFormat + "\" in <" + attr.name()
          + " name=\"" + name + "\"> is not supported (only aggregate: see docs/rsd.md)");
    }
    return new ColumnDef(
        name,
        type(attr),
        xPath == null ? name : xPath,
        RsdNames.flag(attr.attribute("key")),
        RsdNames.flag(attr.attribute("readonly")),
        RsdNames.trimmed(attr.attribute("desc", "description")),
        integer(attr, "columnsize"),
        integer(attr, "decimaldigits"),
        RsdNames.trimmed(attr.attribute("other:filter", "filter")));
  }

  /** Null for {@code rows@next}, which only carries paging state, and for a repeated name. */
  private InputDef input(XmlElement input) throws ProfileException {
    String name = requireName(input);
    if (name.equalsIgnoreCase(ROWS_NEXT)) {
      return null;
    }
    if (isRepeat(input, name, inputNames, "input")) {
      return null;
    }
    checkCaseClash(input, name, columnNames, "column");
    inputNames.put(name, input);
    String defaultValue = input.attribute("def", "default");
    return new InputDef(
        name,
        type(input),
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

  /** Whether {@code name} was declared before; then the repeat is a warning and is skipped. */
  private boolean isRepeat(XmlElement element, String name, Map<String, XmlElement> seen,
      String kind) {
    XmlElement first = seen.get(name);
    if (first == null) {
      return false;
    }
    String warning = at(element) + ": " + kind + " '" + name + "' is declared again (first as '"
        + first.attribute("name").trim() + "' at line " + first.line()
        + "); the first declaration is used";
    warnings.add(warning);
    LOG.warn(warning);
    return true;
  }

  private DataType type(XmlElement element) throws ProfileException {
    String xsType = RsdNames.trimmed(element.attribute("xs:type", "type"));
    DataType type = DataType.fromXsType(xsType);
    if (type == DataType.VARCHAR && xsType != null && !TEXT_TYPES.contains(xsType)) {
      throw new ProfileException(at(element), "unknown xs:type \"" + xsType + "\" in <"
          + element.name() + " name=\"" + element.attribute("name").trim() + "\"> (string, int,"
          + " long, double, decimal, boolean, date, datetime, time, ...: see docs/rsd.md)");
    }
    return type;
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
