package org.apache.calcite.jdbc;

import dev.apiquery.profile.ColumnDef;
import dev.apiquery.sql.ApiTable;
import java.lang.reflect.Field;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.AvaticaUtils;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Table;
import org.apache.calcite.server.CalciteServerStatement;

/**
 * Calcite's metadata, plus what a SQL client expects from apiquery: primary keys from
 * {@code key="true"}, REMARKS from the profile's {@code desc}, and harmless {@code commit} and
 * {@code rollback} (Spark and sqlline call them; Calcite throws).
 *
 * <p>It lives in Calcite's package because {@link CalciteMetaImpl}'s constructor takes the
 * package-private {@link CalciteConnectionImpl}; the driver jar is never a named module, so the
 * split package is harmless.
 */
public final class ApiQueryMetaImpl extends CalciteMetaImpl {
  private static final Set<StatementType> DDL =
      EnumSet.of(StatementType.CREATE, StatementType.DROP, StatementType.ALTER, StatementType.OTHER_DDL);
  private static final List<String> PRIMARY_KEY_COLUMNS =
      List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME");

  private ApiQueryMetaImpl(CalciteConnectionImpl connection) {
    super(connection, ApiMetaTableFactory.INSTANCE, ApiMetaColumnFactory.INSTANCE);
  }

  /** The metadata of a connection made by {@code dev.apiquery.jdbc.Driver}. */
  public static Meta create(AvaticaConnection connection) {
    return new ApiQueryMetaImpl((CalciteConnectionImpl) connection);
  }

  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount,
      int maxRowsInFirstFrame, PrepareCallback callback) throws NoSuchStatementException {
    try {
      return prepareAndExecuteSql(h, sql, maxRowCount, callback);
    } catch (RuntimeException e) {
      throw ApiQueryMetaImpl.<RuntimeException>sneakyThrow(ApiQueryErrors.translate(sql, e));
    }
  }

  /**
   * As Calcite's prepareAndExecute, but with the query made straight from the SQL text: Calcite
   * first builds a whole framework config (its standard convertlet table, and with it every
   * operator of every SQL dialect it knows) only to offer it to the STRING_TO_QUERY test hook,
   * which was a tenth of the driver's cold start.
   */
  private ExecuteResult prepareAndExecuteSql(StatementHandle h, String sql, long maxRowCount, PrepareCallback callback)
      throws NoSuchStatementException {
    try {
      CalcitePrepare.CalciteSignature<Object> signature;
      int updateCount;
      synchronized (callback.getMonitor()) {
        callback.clear();
        CalciteConnectionImpl connection = getConnection();
        CalciteServerStatement statement = connection.server.getStatement(h);
        CalcitePrepare.Context context = statement.createPrepareContext();
        signature = connection.parseQuery(CalcitePrepare.Query.of(sql), context, maxRowCount);
        statement.setSignature(signature);
        updateCount = DDL.contains(signature.statementType) ? 0 : -1; // DDL has no result set
        callback.assign(signature, null, updateCount);
      }
      callback.execute();
      return new ExecuteResult(List.of(MetaResultSet.create(h.connectionId, h.id, false, signature, null, updateCount)));
    } catch (SQLException e) {
      throw new RuntimeException(e);
    }
  }

  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
      throws NoSuchStatementException {
    try {
      Signature limited = maxRowsSignature(h);
      if (limited == null) {
        return super.execute(h, parameterValues, maxRowsInFirstFrame);
      }
      // As Calcite's execute, with the plan for the statement's max rows: no first frame
      // (local, nothing to save), the rows come from createIterable.
      Frame noFrame = new Frame(0, false, List.of());
      return new ExecuteResult(List.of(MetaResultSet.create(h.connectionId, h.id, false, limited, noFrame)));
    } catch (RuntimeException e) {
      throw ApiQueryMetaImpl.<RuntimeException>sneakyThrow(ApiQueryErrors.translate(null, e));
    }
  }

  /**
   * For a PreparedStatement with {@code setMaxRows(n)}: its query planned as a Statement's would
   * be with max rows n (a LIMIT the scan can take, from the connection's plan cache), so that the
   * first request shrinks as it does for {@code LIMIT n}. Null without max rows.
   */
  private Signature maxRowsSignature(StatementHandle h) throws NoSuchStatementException {
    CalciteConnectionImpl connection = getConnection();
    AvaticaStatement statement = connection.statementMap.get(h.id);
    long maxRows;
    try {
      maxRows = statement == null ? 0 : statement.getLargeMaxRows();
    } catch (SQLException e) {
      return null; // a closed statement: Calcite's execute reports it
    }
    Signature prepared = connection.server.getStatement(h).getSignature();
    if (maxRows <= 0 || prepared == null || prepared.sql == null || prepared.statementType.canUpdate()) {
      return null;
    }
    return connection.parseQuery(CalcitePrepare.Query.of(prepared.sql), connection.createPrepareContext(), maxRows);
  }

  /**
   * As Calcite's, but an SQLException raised while the rows are set up (an aggregate reads its
   * whole input at once) keeps its message and SQLState: Calcite would rewrap it as a
   * RuntimeException carrying only the message.
   */
  @Override
  public Iterable<Object> createIterable(StatementHandle handle, QueryState state, Signature signature,
      List<TypedValue> parameterValues, Frame firstFrame) {
    try {
      @SuppressWarnings("unchecked")
      CalcitePrepare.CalciteSignature<Object> calciteSignature = (CalcitePrepare.CalciteSignature<Object>) signature;
      return getConnection().enumerable(handle, calciteSignature, parameterValues);
    } catch (SQLException e) {
      throw ApiQueryMetaImpl.<RuntimeException>sneakyThrow(e);
    }
  }

  /**
   * Thrown as is: Avatica only wraps RuntimeExceptions, so the user sees the translated message
   * and SQLState, not "Error while executing SQL: java.sql.SQLException".
   */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneakyThrow(Throwable e) throws E {
    throw (E) e;
  }

  @Override
  public void commit(ConnectionHandle ch) {
    // Read-only driver: nothing to commit.
  }

  @Override
  public void rollback(ConnectionHandle ch) {
    // Read-only driver: nothing to roll back.
  }

  private static final Comparator<MetaTable> TABLE_ORDER =
      Comparator.comparing((MetaTable t) -> t.tableType)
          .thenComparing(t -> t.tableSchem, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(t -> t.tableName);
  private static final Comparator<MetaColumn> COLUMN_ORDER =
      Comparator.comparing((MetaColumn c) -> c.tableSchem, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(c -> c.tableName)
          .thenComparingInt(c -> c.ordinalPosition);

  /**
   * Every metadata result set passes here: getTables rows are put in TABLE_TYPE, TABLE_CAT,
   * TABLE_SCHEM, TABLE_NAME order and getColumns rows in TABLE_CAT, TABLE_SCHEM, TABLE_NAME,
   * ORDINAL_POSITION order, as JDBC specifies (Calcite lists them in its maps' order).
   */
  @Override
  protected MetaResultSet createResultSet(Map<String, Object> internalParameters, List<ColumnMetaData> columns,
      CursorFactory cursorFactory, Frame firstFrame) {
    List<Object> rows = new ArrayList<>();
    firstFrame.rows.forEach(rows::add);
    if (!rows.isEmpty() && rows.get(0) instanceof MetaTable) {
      rows.sort((a, b) -> TABLE_ORDER.compare((MetaTable) a, (MetaTable) b));
    } else if (!rows.isEmpty() && rows.get(0) instanceof MetaColumn) {
      rows.sort((a, b) -> COLUMN_ORDER.compare((MetaColumn) a, (MetaColumn) b));
    }
    return super.createResultSet(internalParameters, columns, cursorFactory, new Frame(firstFrame.offset, firstFrame.done, rows));
  }

  /** No catalogs: tables live in schemas only (Avatica would list one null-named catalog). */
  @Override
  public MetaResultSet getCatalogs(ConnectionHandle ch) {
    return resultSet(List.of(), CatalogRow.class, List.of("TABLE_CAT"));
  }

  /** Only the types apiquery's columns have, ordered by DATA_TYPE as JDBC asks. */
  @Override
  protected Enumerable<MetaTypeInfo> allTypeInfo() {
    return Linq4j.asEnumerable(DriverTypes.TYPE_INFO);
  }

  @Override
  public MetaResultSet getPrimaryKeys(ConnectionHandle ch, String catalog, String schema, String table) {
    List<Object> rows = new ArrayList<>();
    SchemaPlus root = getConnection().getRootSchema();
    List<String> schemaNames = new ArrayList<>(root.getSubSchemaNames());
    Collections.sort(schemaNames);
    for (String schemaName : schemaNames) {
      if (schema != null && !schema.equals(schemaName)) {
        continue;
      }
      SchemaPlus sub = root.getSubSchema(schemaName);
      if (sub == null) {
        continue;
      }
      List<String> tableNames = new ArrayList<>(sub.getTableNames());
      Collections.sort(tableNames);
      for (String tableName : tableNames) {
        if (table != null && !table.equals(tableName)) {
          continue;
        }
        Table t = sub.getTable(tableName);
        if (!(t instanceof ApiTable apiTable)) {
          continue;
        }
        // KEY_SEQ follows the profile's order; the rows are ordered by COLUMN_NAME (JDBC).
        List<PrimaryKeyRow> keys = new ArrayList<>();
        short seq = 1;
        for (ColumnDef column : apiTable.definition().columns()) {
          if (column.key()) {
            keys.add(new PrimaryKeyRow(null, schemaName, tableName, column.name(), seq++, "PK_" + tableName));
          }
        }
        keys.sort(Comparator.comparing(k -> k.columnName));
        rows.addAll(keys);
      }
    }
    return resultSet(rows, PrimaryKeyRow.class, PRIMARY_KEY_COLUMNS);
  }

  private MetaResultSet resultSet(List<Object> rows, Class<?> clazz, List<String> names) {
    List<ColumnMetaData> columns = new ArrayList<>();
    List<Field> fields = new ArrayList<>();
    List<String> fieldNames = new ArrayList<>();
    for (String name : names) {
      String fieldName = AvaticaUtils.toCamelCase(name);
      try {
        Field field = clazz.getField(fieldName);
        columns.add(columnMetaData(name, columns.size(), field.getType(), false));
        fields.add(field);
        fieldNames.add(fieldName);
      } catch (NoSuchFieldException e) {
        throw new IllegalStateException(e);
      }
    }
    return createResultSet(
        Collections.emptyMap(), columns, CursorFactory.record(clazz, fields, fieldNames), new Frame(0, true, rows));
  }

  /** A row of {@code getCatalogs} (there are none). */
  public static final class CatalogRow {
    public final String tableCat = null;
  }

  /** A row of {@code getPrimaryKeys}; public fields, as Avatica reads them by reflection. */
  public static final class PrimaryKeyRow {
    public final String tableCat;
    public final String tableSchem;
    public final String tableName;
    public final String columnName;
    public final short keySeq;
    public final String pkName;

    PrimaryKeyRow(String tableCat, String tableSchem, String tableName, String columnName, short keySeq, String pkName) {
      this.tableCat = tableCat;
      this.tableSchem = tableSchem;
      this.tableName = tableName;
      this.columnName = columnName;
      this.keySeq = keySeq;
      this.pkName = pkName;
    }
  }
}
