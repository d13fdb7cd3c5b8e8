package org.apache.calcite.jdbc;

import dev.apiquery.scan.ScanWarnings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.runtime.Hook;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * Calcite's connection, as JDBC clients expect a read-only source to behave: read-only, every
 * isolation level and client info accepted quietly (sqlline and connection pools set them and
 * warn on a refusal; with nothing written, no isolation level can be violated), and failures
 * of prepared statements reported as they are through a plain Statement. Queries are planned once
 * per text ({@link PlanCache}).
 */
final class ApiQueryConnection extends CalciteConnectionImpl {
  private final Properties clientInfo = new Properties();
  private int isolation = Connection.TRANSACTION_NONE;
  private final PlanCache plans = new PlanCache();

  ApiQueryConnection(Driver driver, AvaticaFactory factory, String url, Properties info,
      CalciteSchema rootSchema, JavaTypeFactory typeFactory) {
    super(driver, factory, url, info, rootSchema, typeFactory);
  }

  @Override
  public CalcitePreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
      throws SQLException {
    try {
      return super.prepareStatement(sql, type, concurrency, holdability);
    } catch (SQLException e) {
      throw ApiQueryErrors.translate(sql, e);
    }
  }

  /**
   * Calcite's preparation, once per query text: every Statement and PreparedStatement of the
   * same SQL, max rows and default schema shares the plan. Only queries are kept: an EXPLAIN
   * describes the requests as they would be built now, so it is planned every time.
   */
  @Override
  <T> CalcitePrepare.CalciteSignature<T> parseQuery(CalcitePrepare.Query<T> query,
      CalcitePrepare.Context context, long maxRowCount) {
    if (query.sql == null) {
      return super.parseQuery(query, context, maxRowCount);
    }
    PlanCache.Key key = new PlanCache.Key(query.sql, maxRowCount, List.copyOf(context.getDefaultSchemaPath()));
    @SuppressWarnings("unchecked")
    CalcitePrepare.CalciteSignature<T> cached = (CalcitePrepare.CalciteSignature<T>) plans.get(key);
    if (cached != null) {
      return cached;
    }
    // The statement's kind, from its parse tree (the first one parsed: a nested parse, such as
    // a view's, says nothing about the statement).
    SqlKind[] kind = new SqlKind[1];
    CalcitePrepare.CalciteSignature<T> signature;
    try (Hook.Closeable ignored = Hook.PARSE_TREE.addThread((Object[] sqlAndNode) -> {
      if (kind[0] == null) {
        kind[0] = ((SqlNode) sqlAndNode[1]).getKind();
      }
    })) {
      signature = super.parseQuery(query, context, maxRowCount);
    }
    // Nothing parsed: a plain query, prepared without Calcite's parser (it takes only queries).
    if (kind[0] == null ? signature.statementType == Meta.StatementType.SELECT : kind[0].belongsTo(SqlKind.QUERY)) {
      plans.put(key, signature);
    }
    return signature;
  }

  /**
   * Called once per execution of a statement: its earlier warnings no longer apply. Cleared here,
   * not by each scan, so that the warnings of every scan of one execution (such as each batch of a
   * lookup join's inner scan) accumulate.
   */
  @Override
  public <T> Enumerable<T> enumerable(Meta.StatementHandle handle, CalcitePrepare.CalciteSignature<T> signature,
      List<TypedValue> parameterValues) throws SQLException {
    try {
      ScanWarnings.clear(getCancelFlag(handle));
    } catch (NoSuchStatementException e) {
      throw new SQLException(e); // the statement is gone: nothing to execute
    }
    return super.enumerable(handle, signature, parameterValues);
  }

  @Override
  protected ResultSet executeQueryInternal(AvaticaStatement statement, Meta.Signature signature, Meta.Frame firstFrame,
      QueryState state, boolean isUpdate) throws SQLException {
    try {
      return super.executeQueryInternal(statement, signature, firstFrame, state, isUpdate);
    } catch (SQLException e) {
      throw ApiQueryErrors.translate(signature == null ? null : signature.sql, e);
    }
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    checkOpen();
    return true;
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    checkOpen(); // always read-only; asking for read-write is not an error a client can act on
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    checkOpen();
    isolation = level;
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    checkOpen();
    return isolation;
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    if (value == null) {
      clientInfo.remove(name);
    } else {
      clientInfo.setProperty(name, value);
    }
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    clientInfo.clear();
    clientInfo.putAll(properties);
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    checkOpen();
    return clientInfo.getProperty(name);
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    checkOpen();
    Properties copy = new Properties();
    copy.putAll(clientInfo);
    return copy;
  }
}
