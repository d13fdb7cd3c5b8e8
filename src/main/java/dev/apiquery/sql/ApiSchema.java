package dev.apiquery.sql;

import dev.apiquery.profile.Profile;
import dev.apiquery.profile.TableDef;
import dev.apiquery.scan.ConnectionContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;

/** A profile as a schema: one {@link ApiTable} per RSD file. */
public final class ApiSchema extends AbstractSchema {
  private final Map<String, Table> tables;

  public ApiSchema(Profile profile, ConnectionContext context) {
    Map<String, Table> map = new LinkedHashMap<>();
    for (TableDef def : profile.tables()) {
      map.put(def.name(), new ApiTable(def, context));
    }
    this.tables = java.util.Collections.unmodifiableMap(map);
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
