package dev.apiquery.sql.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContexts;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexExecutor;
import org.apache.calcite.rex.RexExecutorImpl;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

/** The simplifying executor reduces constants to what Calcite's compiled executor gives, type and all. */
class SimplifyingExecutorTest {
  private final RelDataTypeFactory types = new JavaTypeFactoryImpl();
  private final RexBuilder rex = new RexBuilder(types);
  private final RexExecutor compiled = new RexExecutorImpl(DataContexts.EMPTY);

  private List<RexNode> reduce(RexExecutor executor, List<RexNode> constants) {
    List<RexNode> out = new ArrayList<>();
    executor.reduce(rex, constants, out);
    return out;
  }

  private RexNode number(int n) {
    return rex.makeExactLiteral(BigDecimal.valueOf(n));
  }

  @Test
  void givesWhatTheCompiledExecutorGivesInTheSameOrder() {
    List<RexNode> constants = List.of(
        rex.makeCall(SqlStdOperatorTable.EQUALS, number(1), number(0)),
        rex.makeCall(SqlStdOperatorTable.PLUS, number(2), number(3)),
        rex.makeCall(SqlStdOperatorTable.UPPER, rex.makeLiteral("abc")), // not simplified: compiled
        rex.makeCall(SqlStdOperatorTable.EQUALS, rex.makeLiteral("a"), rex.makeLiteral("b")),
        rex.makeCall(SqlStdOperatorTable.EQUALS, number(1),
            rex.makeNullLiteral(types.createTypeWithNullability(types.createSqlType(SqlTypeName.INTEGER), true))),
        rex.makeCall(SqlStdOperatorTable.AND, rex.makeLiteral(true),
            rex.makeCall(SqlStdOperatorTable.LESS_THAN, number(1), number(2))));
    List<RexNode> expected = reduce(compiled, constants);
    List<RexNode> actual = reduce(new SimplifyingExecutor(compiled), constants);
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).toString(), actual.get(i).toString(), "value of " + constants.get(i));
      assertEquals(expected.get(i).getType(), actual.get(i).getType(), "type of " + constants.get(i));
    }
    assertEquals("false", actual.get(0).toString());
    assertEquals("5", actual.get(1).toString());
    assertEquals("'ABC'", actual.get(2).toString());
  }
}
