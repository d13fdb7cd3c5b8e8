package dev.apiquery.sql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * {@code field = literal} or {@code field = ?}, or an OR of such equalities on one field (what
 * {@code IN (...)} becomes once Calcite's SEARCH is expanded), with the literals as request-ready
 * strings and the dynamic parameters as placeholders bound at execution. A field of a correlation
 * variable ({@code field = $cor0.id}, what a lookup join puts on its inner scan) is such a
 * placeholder too, bound per batch of outer rows.
 */
record EqualityPredicate(int fieldIndex, List<String> values, List<PushedParameter> parameters) {

  /** The predicate, or null when the node is not an equality of one field with literals. */
  static EqualityPredicate match(RexNode node) {
    if (node.getKind() == SqlKind.EQUALS) {
      return single((RexCall) node);
    }
    if (node.getKind() == SqlKind.OR) {
      Integer field = null;
      List<String> values = new ArrayList<>();
      List<PushedParameter> parameters = new ArrayList<>();
      for (RexNode operand : ((RexCall) node).getOperands()) {
        EqualityPredicate part = operand.getKind() == SqlKind.EQUALS ? single((RexCall) operand) : null;
        if (part == null || (field != null && field != part.fieldIndex)) {
          return null;
        }
        field = part.fieldIndex;
        for (String v : part.values) {
          if (!values.contains(v)) {
            values.add(v);
          }
        }
        parameters.addAll(part.parameters);
      }
      return field == null ? null : new EqualityPredicate(field, values, parameters);
    }
    return null;
  }

  private static EqualityPredicate single(RexCall call) {
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    RexInputRef ref = inputRef(left);
    RexNode other = right;
    if (ref == null) {
      ref = inputRef(right);
      other = left;
    }
    if (ref == null) {
      return null;
    }
    RexFieldAccess outer = correlatedField(other);
    if (outer != null) {
      PushedParameter pushed = PushedParameter.correlated(
          ((RexCorrelVariable) outer.getReferenceExpr()).id.getName(), outer.getField().getIndex(),
          outer.getField().getName(), outer.getType().getSqlTypeName());
      return ParameterBinder.isWritable(pushed.type())
          ? new EqualityPredicate(ref.getIndex(), List.of(), List.of(pushed))
          : null;
    }
    RexDynamicParam param = dynamicParam(other);
    if (param != null) {
      PushedParameter pushed = new PushedParameter(param.getIndex(), other.getType().getSqlTypeName());
      return ParameterBinder.isWritable(pushed.type())
          ? new EqualityPredicate(ref.getIndex(), List.of(), List.of(pushed))
          : null;
    }
    if (!(other instanceof RexLiteral literal) || literal.isNull()) {
      return null;
    }
    String value = requestText(literal);
    return value == null ? null : new EqualityPredicate(ref.getIndex(), List.of(value), List.of());
  }

  /** A literal as the text a request carries, or null for a type that has no obvious one. */
  static String requestText(RexLiteral literal) {
    SqlTypeName type = literal.getTypeName();
    switch (type.getFamily() == null ? SqlTypeFamily.ANY : type.getFamily()) {
      case CHARACTER:
        return literal.getValueAs(String.class);
      case NUMERIC: {
        BigDecimal n = literal.getValueAs(BigDecimal.class);
        return n == null ? null : n.stripTrailingZeros().toPlainString();
      }
      case BOOLEAN:
        return String.valueOf(literal.getValueAs(Boolean.class));
      case DATE:
        return String.valueOf(literal.getValueAs(DateString.class));
      case TIME:
        return String.valueOf(literal.getValueAs(TimeString.class));
      case TIMESTAMP:
        // ISO-8601 with a T: what APIs expect of a timestamp parameter.
        return String.valueOf(literal.getValueAs(TimestampString.class)).replace(' ', 'T');
      default:
        return null;
    }
  }

  /** A dynamic parameter, also under a CAST to the column's type (its value is converted when bound). */
  private static RexDynamicParam dynamicParam(RexNode node) {
    if (node instanceof RexDynamicParam param) {
      return param;
    }
    if (node.getKind() == SqlKind.CAST && ((RexCall) node).getOperands().get(0) instanceof RexDynamicParam param) {
      return param;
    }
    return null;
  }

  /**
   * A field of a correlation variable ({@code $cor0.id}: the outer row of a lookup join), also
   * under a CAST. Its type is the outer field's, which is the type its values arrive in.
   */
  private static RexFieldAccess correlatedField(RexNode node) {
    RexNode inner = node.getKind() == SqlKind.CAST ? ((RexCall) node).getOperands().get(0) : node;
    return inner instanceof RexFieldAccess access && access.getReferenceExpr() instanceof RexCorrelVariable
        ? access
        : null;
  }

  /** The field, also under a CAST that Calcite adds when literal and column types differ. */
  private static RexInputRef inputRef(RexNode node) {
    if (node instanceof RexInputRef ref) {
      return ref;
    }
    if (node.getKind() == SqlKind.CAST && ((RexCall) node).getOperands().get(0) instanceof RexInputRef ref) {
      return ref;
    }
    return null;
  }
}
