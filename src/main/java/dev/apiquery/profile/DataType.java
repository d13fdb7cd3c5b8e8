package dev.apiquery.profile;

import java.util.Locale;

/** The SQL type of a column or input, as declared by an RSD {@code xs:type}. */
public enum DataType {
  VARCHAR, INTEGER, BIGINT, DOUBLE, DECIMAL, BOOLEAN, DATE, TIMESTAMP, TIME;

  /**
   * Maps an RSD {@code xs:type} to a type. Unknown or missing types are VARCHAR, as in CData's
   * drivers, so that an unexpected type never hides data.
   */
  public static DataType fromXsType(String xsType) {
    if (xsType == null || xsType.isBlank()) {
      return VARCHAR;
    }
    switch (xsType.trim().toLowerCase(Locale.ROOT)) {
      case "int": case "integer": case "short": case "smallint": case "tinyint":
        return INTEGER;
      case "long": case "bigint":
        return BIGINT;
      case "double": case "float": case "real": case "number":
        return DOUBLE;
      case "decimal": case "numeric": case "money":
        return DECIMAL;
      case "boolean": case "bool": case "bit":
        return BOOLEAN;
      case "date":
        return DATE;
      case "datetime": case "timestamp":
        return TIMESTAMP;
      case "time":
        return TIME;
      default:
        return VARCHAR;
    }
  }
}
