package dev.apiquery.scan;

import dev.apiquery.profile.script.BlockStatement;
import dev.apiquery.profile.script.CallStatement;
import dev.apiquery.profile.script.ConditionalStatement;
import dev.apiquery.profile.script.EnumStatement;
import dev.apiquery.profile.script.FirstStatement;
import dev.apiquery.profile.script.LoopControlStatement;
import dev.apiquery.profile.script.PushStatement;
import dev.apiquery.profile.script.SelectStatement;
import dev.apiquery.profile.script.Statement;
import dev.apiquery.profile.script.TryStatement;
import java.util.ArrayList;
import java.util.List;

/** Compiles script statements into the operator tree the executor pulls rows from. */
final class ScriptOps {
  private ScriptOps() {}

  static Op sequence(List<Statement> statements) {
    List<Op> ops = new ArrayList<>(statements.size());
    for (Statement statement : statements) {
      ops.add(compile(statement));
    }
    return ops.size() == 1 ? ops.get(0) : new SequenceOp(ops);
  }

  static Op compile(Statement statement) {
    if (statement instanceof CallStatement call) {
      return new CallOp(call, sequence(call.body()));
    }
    if (statement instanceof PushStatement push) {
      return new PushOp(push);
    }
    if (statement instanceof ConditionalStatement c) {
      return new ConditionalOp(c.condition(), sequence(c.then()), sequence(c.otherwise()));
    }
    if (statement instanceof BlockStatement b) {
      return sequence(b.body());
    }
    if (statement instanceof EnumStatement e) {
      return new EnumOp(e, sequence(e.body()));
    }
    if (statement instanceof SelectStatement s) {
      List<Op> branches = new ArrayList<>();
      for (SelectStatement.Case c : s.cases()) {
        branches.add(sequence(c.body()));
      }
      return new SelectOp(s, branches, sequence(s.otherwise()));
    }
    if (statement instanceof FirstStatement first) {
      Op body = sequence(first.body());
      // The loop sets firstIteration just before it opens its body, and api:first leads the body.
      return frame -> frame.firstIteration ? body.open(frame) : Cursor.EMPTY;
    }
    if (statement instanceof TryStatement t) {
      List<Op> catches = new ArrayList<>();
      for (TryStatement.Catch c : t.catches()) {
        catches.add(sequence(c.body()));
      }
      return new TryOp(t, sequence(t.body()), catches, sequence(t.finallyBody()));
    }
    if (statement instanceof LoopControlStatement loop) {
      return frame -> {
        frame.signal = loop.breaks() ? Frame.Signal.BREAK : Frame.Signal.CONTINUE;
        return Cursor.EMPTY;
      };
    }
    return new SimpleOp(statement);
  }
}
