package dev.apiquery.sql;

import dev.apiquery.errors.ScanErrors;
import dev.apiquery.http.CallTracker;
import dev.apiquery.paging.ScanWindow;
import dev.apiquery.profile.ColumnDef;
import dev.apiquery.profile.DataType;
import dev.apiquery.profile.InputDef;
import dev.apiquery.profile.TableDef;
import dev.apiquery.scan.ConnectionContext;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Call;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * One RSD file as a SQL table. Its fields are the profile's output columns followed by its inputs
 * (parameter columns) and the {@code _row} position. Planning turns it into an {@link ApiTableScan}; execution calls
 * {@link #query} from generated code.
 */
public final class ApiTable extends AbstractTable implements TranslatableTable {
  /** Without a count from the API, a guess that makes pushed-down scans look worth it. */
  private static final double ROW_COUNT_GUESS = 1000d;

  private final TableDef def;
  private final ConnectionContext context;
  private final List<TableField> fields;
  /** Per input of the profile: the table field that carries it. */
  private final int[] inputFields;

  public ApiTable(TableDef def, ConnectionContext context) {
    this.def = def;
    this.context = context;
    List<TableField> all = new ArrayList<>();
    for (ColumnDef column : def.columns()) {
      all.add(TableField.of(column));
    }
    this.inputFields = new int[def.inputs().size()];
    for (int i = 0; i < def.inputs().size(); i++) {
      InputDef input = def.inputs().get(i);
      int same = indexOfColumn(def, input.name());
      if (same >= 0) {
        // CData profiles may declare an input with a column's name (Klenty's `id`): one field,
        // read from the response, whose WHERE value also sets the input.
        all.set(same, all.get(same).withInput(input));
        inputFields[i] = same;
      } else {
        inputFields[i] = all.size();
        all.add(TableField.of(input));
      }
    }
    if (indexOfField(all, TableField.ROW_NAME) < 0) {
      // Last, so that the profile's columns keep their positions; a profile field of that name wins.
      all.add(TableField.ROW);
    }
    this.fields = List.copyOf(all);
  }

  private static int indexOfField(List<TableField> fields, String name) {
    for (int f = 0; f < fields.size(); f++) {
      if (fields.get(f).name().equalsIgnoreCase(name)) {
        return f;
      }
    }
    return -1;
  }

  private static int indexOfColumn(TableDef def, String name) {
    for (int c = 0; c < def.columns().size(); c++) {
      if (def.columns().get(c).name().equalsIgnoreCase(name)) {
        return c;
      }
    }
    return -1;
  }

  /** The table field that carries input {@code inputIndex} of the profile. */
  int inputField(int inputIndex) {
    return inputFields[inputIndex];
  }

  public TableDef definition() {
    return def;
  }

  ConnectionContext context() {
    return context;
  }

  /** Fields in row-type order: output columns, then inputs, then {@code _row}. */
  public List<TableField> fields() {
    return fields;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (TableField field : fields) {
      RelDataType type = sqlType(typeFactory, field);
      // JSON fields can always be missing, so every column is nullable; _row never is.
      builder.add(field.name(), typeFactory.createTypeWithNullability(type, !field.rowPosition()));
    }
    return builder.build();
  }

  private static RelDataType sqlType(RelDataTypeFactory typeFactory, TableField field) {
    DataType type = field.type();
    switch (type) {
      case VARCHAR:
        return field.columnSize() != null && field.columnSize() > 0
            ? typeFactory.createSqlType(SqlTypeName.VARCHAR, field.columnSize())
            : typeFactory.createSqlType(SqlTypeName.VARCHAR);
      case DECIMAL: {
        int precision = field.columnSize() != null && field.columnSize() > 0 ? field.columnSize() : 38;
        int scale = field.decimalDigits() != null ? field.decimalDigits() : 10;
        return typeFactory.createSqlType(SqlTypeName.DECIMAL, precision, Math.min(scale, precision));
      }
      case TIMESTAMP:
        return typeFactory.createSqlType(SqlTypeName.TIMESTAMP, 3);
      case TIME:
        return typeFactory.createSqlType(SqlTypeName.TIME, 3);
      default:
        return typeFactory.createSqlType(SqlTypeName.valueOf(type.name()));
    }
  }

  @Override
  public Statistic getStatistic() {
    List<ImmutableBitSet> keys = new ArrayList<>();
    ImmutableBitSet.Builder key = ImmutableBitSet.builder();
    for (int i = 0; i < def.columns().size(); i++) {
      if (def.columns().get(i).key()) {
        key.set(i);
      }
    }
    if (!key.isEmpty()) {
      keys.add(key.build());
    }
    return Statistics.of(ROW_COUNT_GUESS, keys);
  }

  @Override
  public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    if (def.isBroken()) {
      // A table whose file could not be loaded is listed, but every query of it fails here,
      // before anything is planned or sent, with the file and line of the problem.
      throw ScanErrors.sneakyThrow(ScanErrors.of(def.name(), def.failure(), ScanErrors.GENERAL, null));
    }
    return ApiTableScan.create(context.getCluster(), relOptTable, this, ApiQuerySpec.all(fields.size()));
  }

  /**
   * The requests a scan with this spec starts with, one line per request chain: the paging
   * strategy and the first request (redacted). Runs the profile's script but sends nothing.
   */
  String describeRequests(ApiQuerySpec spec) {
    if (!spec.limitParameters().isEmpty()) {
      String parameters = spec.parameters().isEmpty() ? "" : spec.parameters().values().toString();
      return "[built when the statement runs, from its parameters " + parameters + " " + spec.limitParameters() + "]";
    }
    Map<String, String> outerKeys = new LinkedHashMap<>();
    if (!spec.parameters().isEmpty()) {
      spec = LookupTemplate.of(spec, outerKeys);
      if (spec == null) {
        return "[built when the statement runs, from its parameters]";
      }
    }
    ScanPlan plan = new ScanPlan(this, spec, context);
    List<ChainInputs> chains = ChainInputs.expand(spec);
    ScanWindow window = ChainPositions.window(spec.rowRange(), chains.size() == 1, spec.offset(), spec.fetch());
    List<String> lines = new ArrayList<>();
    for (ChainInputs chain : chains) {
      try {
        for (String line : new RequestChain(plan, chain, window, -1, NO_CALLS, true).describe()) {
          lines.add(LookupTemplate.fill(line, outerKeys));
        }
      } catch (SQLException | RuntimeException e) {
        lines.add("no request can be built: " + e.getMessage());
      }
    }
    return lines.toString();
  }

  /** A dry run makes no calls. */
  private static final CallTracker NO_CALLS = new CallTracker() {
    @Override
    public void started(Call call) {
      throw new IllegalStateException("EXPLAIN must not send requests");
    }

    @Override
    public void finished(Call call) {}

    @Override
    public long exchangeTimeoutMillis() {
      return 0;
    }

    @Override
    public void pause(long waitMillis) {}
  };

  /**
   * {@link #query} for a scan of one column: its bare values. Calcite's enumerable operators
   * expect single-column rows as scalars (an ORDER BY above the scan re-derives the row format
   * that way), so the scan must produce them in that shape.
   */
  public Enumerable<Object> queryOneColumn(DataContext root, ApiQuerySpec plannedSpec) {
    return query(root, plannedSpec).select(row -> row[0]);
  }

  /** {@link #queryOneColumn} of a lookup join's inner scan. */
  public Enumerable<Object> queryOneColumn(DataContext root, ApiQuerySpec plannedSpec, Object[] outerValues) {
    return query(root, plannedSpec, outerValues).select(row -> row[0]);
  }

  /**
   * Runs a scan. Called from the code Calcite generates for {@link ApiEnumerableTableScan}, so it
   * must stay public.
   */
  public Enumerable<Object[]> query(DataContext root, ApiQuerySpec plannedSpec) {
    return query(root, plannedSpec, new Object[0]);
  }

  /**
   * Runs the inner scan of a lookup join for one batch of outer rows: {@code outerValues} are their
   * key values, in the order of {@link ParameterBinder#correlated}. Public for generated code.
   */
  public Enumerable<Object[]> query(DataContext root, ApiQuerySpec plannedSpec, Object[] outerValues) {
    ApiQuerySpec spec = ParameterBinder.bind(plannedSpec, root, outerValues);
    if (spec == null) {
      return Linq4j.emptyEnumerable();
    }
    QueryControl control = QueryControl.from(root, context.timeoutMillis());
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new ScanEnumerator(new ScanPlan(ApiTable.this, spec, context), context, control);
      }
    };
  }
}
