package dev.apiquery.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigInteger;

/** The raw values a page holds (see {@link Page}), from parser tokens or from small trees. */
final class JsonValues {
  private JsonValues() {}

  /** The scalar at the parser's current token. */
  static Object scalar(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
          case LONG:
            return parser.getLongValue();
          default:
            return parser.getBigIntegerValue();
        }
      case VALUE_NUMBER_FLOAT:
        // Exact, from the text: a DECIMAL column must not see binary rounding.
        return parser.getDecimalValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  /** The value of a tree node: a scalar, or the compact JSON text of an object or array. */
  static Object of(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isContainerNode()) {
      return node.toString();
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToLong() ? (Object) node.longValue() : (Object) node.bigIntegerValue();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    return node.asText();
  }

  static boolean isBig(Object value) {
    return value instanceof BigInteger;
  }
}
