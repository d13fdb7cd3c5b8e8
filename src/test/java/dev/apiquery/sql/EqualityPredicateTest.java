package dev.apiquery.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.core.CorrelationId;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** Equalities a scan can push, including a lookup join's correlated keys. */
class EqualityPredicateTest {
  private final RelDataTypeFactory types = new JavaTypeFactoryImpl();
  private final RexBuilder rex = new RexBuilder(types);
  private final RelDataType outerRow = types.builder()
      .add("name", SqlTypeName.VARCHAR).add("id", SqlTypeName.INTEGER).build();

  private RexNode outerKey(int correlation) {
    return rex.makeFieldAccess(rex.makeCorrel(outerRow, new CorrelationId(correlation)), 1);
  }

  private RexNode field(int index) {
    return rex.makeInputRef(types.createSqlType(SqlTypeName.INTEGER), index);
  }

  @Test
  void anOrOfCorrelatedKeysIsOneFieldWithOneParameterPerOuterRow() {
    List<RexNode> batch = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      batch.add(rex.makeCall(SqlStdOperatorTable.EQUALS, field(2), outerKey(i)));
    }
    EqualityPredicate eq = EqualityPredicate.match(rex.makeCall(SqlStdOperatorTable.OR, batch));
    assertEquals(2, eq.fieldIndex());
    assertEquals(List.of(), eq.values());
    assertEquals(3, eq.parameters().size());
    PushedParameter first = eq.parameters().get(0);
    assertTrue(first.isCorrelated());
    assertEquals("$cor0", first.correlation());
    assertEquals(1, first.index());
    assertEquals(SqlTypeName.INTEGER, first.type());
    assertEquals("$cor0.id", first.toString());
  }

  @Test
  void theOuterKeyMayBeOnTheLeftOrUnderACast() {
    RexNode cast = rex.makeCast(types.createSqlType(SqlTypeName.BIGINT), outerKey(0));
    EqualityPredicate eq = EqualityPredicate.match(rex.makeCall(SqlStdOperatorTable.EQUALS, cast, field(0)));
    assertEquals(0, eq.fieldIndex());
    // The value arrives as the outer field's type, so that is the type it is written as.
    assertEquals(SqlTypeName.INTEGER, eq.parameters().get(0).type());
  }

  @Test
  void anOrMixingFieldsIsNotPushed() {
    RexNode a = rex.makeCall(SqlStdOperatorTable.EQUALS, field(0), outerKey(0));
    RexNode b = rex.makeCall(SqlStdOperatorTable.EQUALS, field(1), outerKey(1));
    assertNull(EqualityPredicate.match(rex.makeCall(SqlStdOperatorTable.OR, a, b)));
  }
}
