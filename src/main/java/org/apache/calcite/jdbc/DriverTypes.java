package org.apache.calcite.jdbc;

import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.List;
import org.apache.calcite.avatica.MetaImpl.MetaTypeInfo;

/** The SQL types apiquery's columns can have (DataType), as {@code getTypeInfo} rows. */
final class DriverTypes {
  private static final short NULLABLE = (short) DatabaseMetaData.typeNullable;
  private static final short SEARCHABLE = (short) DatabaseMetaData.typeSearchable;

  static final List<MetaTypeInfo> TYPE_INFO = List.of(
      numeric("BIGINT", Types.BIGINT, 19, 0, 0, false),
      numeric("DECIMAL", Types.DECIMAL, 38, 0, 38, true),
      numeric("INTEGER", Types.INTEGER, 10, 0, 0, false),
      numeric("DOUBLE", Types.DOUBLE, 15, null, null, false),
      new MetaTypeInfo("VARCHAR", Types.VARCHAR, ColumnSizes.UNBOUNDED, "'", "'", NULLABLE, true, SEARCHABLE,
          false, false, false, null, null, 0),
      new MetaTypeInfo("BOOLEAN", Types.BOOLEAN, 1, null, null, NULLABLE, false, SEARCHABLE,
          false, false, false, null, null, 0),
      new MetaTypeInfo("DATE", Types.DATE, 10, "DATE '", "'", NULLABLE, false, SEARCHABLE,
          false, false, false, null, null, 0),
      new MetaTypeInfo("TIME", Types.TIME, 12, "TIME '", "'", NULLABLE, false, SEARCHABLE,
          false, false, false, (short) 0, (short) 3, 0),
      new MetaTypeInfo("TIMESTAMP", Types.TIMESTAMP, 23, "TIMESTAMP '", "'", NULLABLE, false, SEARCHABLE,
          false, false, false, (short) 0, (short) 3, 0));

  private DriverTypes() {}

  private static MetaTypeInfo numeric(String name, int type, int precision, Integer minScale, Integer maxScale,
      boolean scaled) {
    return new MetaTypeInfo(name, type, precision, null, null, NULLABLE, false, SEARCHABLE, false, scaled, false,
        minScale == null ? null : minScale.shortValue(), maxScale == null ? null : maxScale.shortValue(), 10);
  }
}
