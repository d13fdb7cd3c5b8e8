package org.apache.calcite.jdbc;

import dev.apiquery.scan.ScanWarnings;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.UnregisteredDriver;

/**
 * Calcite's JDBC objects with working {@code getWarnings()}: Avatica's always answer null, but a
 * scan that returned unconvertible values as NULL must say so (DESIGN 7). Everything else is
 * Calcite's own factory. In Calcite's package because the statement and result set constructors
 * are package-private.
 */
public class ApiQueryJdbcFactory extends CalciteFactory {
  private final CalciteJdbc41Factory calcite = new CalciteJdbc41Factory();

  public ApiQueryJdbcFactory() {
    super(4, 1);
  }

  @Override
  public AvaticaConnection newConnection(UnregisteredDriver driver, AvaticaFactory factory, String url,
      Properties info, CalciteSchema rootSchema, JavaTypeFactory typeFactory) {
    // Calcite's connection, which asks this factory for its statements and result sets.
    // Without Calcite's "metadata" schema: it is no table of the user's, and its SYSTEM TABLEs
    // would show in every client's tree.
    CalciteSchema root = rootSchema != null ? rootSchema : CalciteSchema.createRootSchema(false);
    return new ApiQueryConnection((Driver) driver, this, url, info, root, typeFactory);
  }

  @Override
  public AvaticaStatement newStatement(AvaticaConnection connection, Meta.StatementHandle h, int resultSetType,
      int resultSetConcurrency, int resultSetHoldability) {
    return new Statement((CalciteConnectionImpl) connection, h, resultSetType, resultSetConcurrency,
        resultSetHoldability);
  }

  @Override
  public AvaticaPreparedStatement newPreparedStatement(AvaticaConnection connection, Meta.StatementHandle h,
      Meta.Signature signature, int resultSetType, int resultSetConcurrency, int resultSetHoldability)
      throws SQLException {
    return calcite.newPreparedStatement(connection, h, signature, resultSetType, resultSetConcurrency,
        resultSetHoldability);
  }

  @Override
  public CalciteResultSet newResultSet(AvaticaStatement statement, QueryState state, Meta.Signature signature,
      TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
    ResultSetMetaData metaData = newResultSetMetaData(statement, signature);
    return new ResultSet(statement, (CalcitePrepare.CalciteSignature) signature, metaData, timeZone, firstFrame);
  }

  @Override
  public AvaticaDatabaseMetaData newDatabaseMetaData(AvaticaConnection connection) {
    return new ApiQueryDatabaseMetaData(connection);
  }

  @Override
  public ResultSetMetaData newResultSetMetaData(AvaticaStatement statement, Meta.Signature signature)
      throws SQLException {
    return calcite.newResultSetMetaData(statement, signature);
  }

  /** The statement's conversion warnings, found by its cancel flag as the scans know it. */
  static SQLWarning warningsOf(AvaticaStatement statement) throws SQLException {
    try {
      return ScanWarnings.of(((CalciteConnectionImpl) statement.connection).getCancelFlag(statement.handle));
    } catch (org.apache.calcite.avatica.NoSuchStatementException e) {
      return null;
    }
  }

  /** A statement that reports the conversion warnings of its last execution. */
  static final class Statement extends CalciteStatement {
    Statement(CalciteConnectionImpl connection, Meta.StatementHandle h, int type, int concurrency, int holdability) {
      super(connection, h, type, concurrency, holdability);
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
      checkOpen();
      return warningsOf(this);
    }

    @Override
    public void clearWarnings() throws SQLException {
      checkOpen();
      ScanWarnings.clear(cancelFlag);
    }
  }

  /**
   * A result set that reports its statement's conversion warnings (also a prepared one's), and
   * reads values past Avatica's per-value work where it can ({@link ColumnShortcuts}).
   */
  static final class ResultSet extends CalciteResultSet {
    private static final long MILLIS = 1_000L;
    private static final int NANOS_PER_MILLI = 1_000_000;

    private final ColumnShortcuts shortcuts;
    /** The cursor when the rows are {@code Object[]} (Avatica's ARRAY style), else null. */
    private RowCursor rows;

    ResultSet(AvaticaStatement statement, CalcitePrepare.CalciteSignature signature, ResultSetMetaData metaData,
        TimeZone timeZone, Meta.Frame firstFrame) throws SQLException {
      super(statement, signature, metaData, timeZone, firstFrame);
      this.shortcuts = ColumnShortcuts.of(columnMetaDataList, localCalendar);
    }

    /**
     * What Calcite's and Avatica's {@code execute} do (the statement handler's callback, the
     * rows' iterable, the cursor and its accessors), with a {@link RowCursor} for array rows.
     */
    @Override
    protected CalciteResultSet execute() throws SQLException {
      CalciteConnectionImpl connection = getCalciteConnection();
      if (signature.cursorFactory.style != Meta.Style.ARRAY || connection.config().autoTemp()) {
        return super.execute();
      }
      connection.getDriver().handler.onStatementExecute(statement, null);
      Iterable<Object> iterable = connection.meta().createIterable(statement.handle, state, signature, List.of(),
          firstFrame);
      @SuppressWarnings("unchecked")
      Iterator<Object[]> iterator = (Iterator<Object[]>) (Iterator<?>) iterable.iterator();
      rows = new RowCursor(iterator);
      execute2(rows, columnMetaDataList);
      return this;
    }

    @Override
    public Object getObject(int columnIndex) throws SQLException {
      Class<?> plain = shortcuts.plain(columnIndex);
      if (plain != null) {
        checkOpen();
        Object value = rows != null ? rows.value(columnIndex - 1) // the row's own value
            : accessorList.get(columnIndex - 1).getObject();
        if (value == null || value.getClass() == plain) {
          return value;
        }
      } else if (shortcuts.timestampMillis(columnIndex)) {
        return timestamp(columnIndex);
      }
      return super.getObject(columnIndex);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex) throws SQLException {
      if (shortcuts.timestampMillis(columnIndex)) {
        return timestamp(columnIndex);
      }
      return super.getTimestamp(columnIndex);
    }

    private Timestamp timestamp(int columnIndex) throws SQLException {
      Long millis = millis(columnIndex);
      return millis == null ? null : shortcuts.timestamp(millis);
    }

    /**
     * The UTC wall clock of TIMESTAMP column {@code columnIndex}, one that {@link #holdsWallClock},
     * or null for SQL NULL (setting {@code wasNull}).
     */
    LocalDateTime wallClock(int columnIndex) throws SQLException {
      Long millis = millis(columnIndex);
      return millis == null ? null
          : LocalDateTime.ofEpochSecond(Math.floorDiv(millis, MILLIS), (int) Math.floorMod(millis, MILLIS) * NANOS_PER_MILLI,
              ZoneOffset.UTC);
    }

    /** The epoch millis a TIMESTAMP column holds, or null for SQL NULL (setting {@code wasNull}). */
    private Long millis(int columnIndex) throws SQLException {
      if (rows != null) {
        checkOpen();
        if (rows.value(columnIndex - 1) instanceof Long held) {
          return held;
        }
      }
      long millis = getLong(columnIndex); // the accessor's own checks: open, on a row, in range
      return wasNull() ? null : millis;
    }

    /** Whether {@link #wallClock} reads column {@code columnIndex}. */
    boolean holdsWallClock(int columnIndex) {
      return shortcuts.wallClockMillis(columnIndex);
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
      return warningsOf(statement);
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
      return TypedGetter.get(this, columnIndex, type);
    }

    @Override
    public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
      return TypedGetter.get(this, findColumn(columnLabel), type);
    }
  }
}
