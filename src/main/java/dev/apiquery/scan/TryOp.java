package dev.apiquery.scan;

import dev.apiquery.profile.script.Item;
import dev.apiquery.profile.script.TryStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code api:try} as a pull operator. An error raised while the body is opened or its rows are
 * pulled (an {@code api:throw}, a failed request, a script error) goes to the first matching
 * catch: the body is closed, the error's parts are set on the default item and the catch body's
 * rows follow the rows the body already pushed. A cancel or timeout of the query is never caught.
 * The finally body runs when the block ends: its rows follow, or after an unhandled error it
 * runs for its effects before the error goes on. A block the consumer closes early (LIMIT
 * satisfied) does not run it, so that no request is sent that no row needs.
 */
final class TryOp implements Op {
  private final TryStatement statement;
  private final Op body;
  private final List<Op> catches;
  private final Op finallyBody;

  TryOp(TryStatement statement, Op body, List<Op> catches, Op finallyBody) {
    this.statement = statement;
    this.body = body;
    this.catches = List.copyOf(catches);
    this.finallyBody = finallyBody;
  }

  @Override
  public Cursor open(Frame frame) throws SQLException {
    TryCursor cursor = new TryCursor(frame);
    try {
      cursor.current = body.open(frame);
    } catch (SQLException e) {
      cursor.fail(e);
    }
    return cursor;
  }

  private final class TryCursor implements Cursor {
    private final Frame frame;
    private Cursor current;
    /** Whether the rows come from the body (catchable) rather than a catch or the finally. */
    private boolean inBody = true;
    private boolean finallyOpened;

    TryCursor(Frame frame) {
      this.frame = frame;
    }

    @Override
    public Item next() throws SQLException {
      while (true) {
        if (current != null) {
          Item row;
          try {
            row = current.next();
          } catch (SQLException e) {
            fail(e);
            continue;
          }
          if (row != null) {
            return row;
          }
          current.close();
          current = null;
        }
        if (finallyOpened) {
          return null;
        }
        inBody = false;
        finallyOpened = true;
        current = finallyBody.open(frame);
      }
    }

    /** Hands {@code e} to a matching catch (whose rows come next), or rethrows it after the finally. */
    void fail(SQLException e) throws SQLException {
      if (current != null) {
        current.close();
        current = null;
      }
      int handler = inBody ? handlerFor(e) : -1;
      if (handler < 0) {
        runFinallyAfter(e);
        throw e;
      }
      inBody = false;
      CaughtError caught = CaughtError.of(e);
      TryStatement.bind(frame.items, caught.code(), caught.desc(), caught.details());
      current = catches.get(handler).open(frame);
    }

    private int handlerFor(SQLException e) {
      if (!CaughtError.catchable(e)) {
        return -1;
      }
      String code = CaughtError.of(e).code();
      for (int i = 0; i < statement.catches().size(); i++) {
        if (statement.catches().get(i).matches(code)) {
          return i;
        }
      }
      return -1;
    }

    private void runFinallyAfter(SQLException e) {
      if (finallyOpened) {
        return;
      }
      finallyOpened = true;
      try {
        Cursor rest = finallyBody.open(frame);
        while (rest.next() != null) {
          // The query fails: the finally runs for its effects, its rows are not delivered.
        }
        rest.close();
      } catch (SQLException secondary) {
        e.addSuppressed(secondary);
      }
    }

    @Override
    public void close() {
      if (current != null) {
        current.close();
        current = null;
      }
      finallyOpened = true;
    }
  }
}
