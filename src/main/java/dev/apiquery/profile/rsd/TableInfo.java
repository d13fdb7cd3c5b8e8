package dev.apiquery.profile.rsd;

import dev.apiquery.profile.ColumnDef;
import dev.apiquery.profile.InputDef;
import java.util.List;

/** What {@code <api:info>} declares: title, description, columns and inputs. */
record TableInfo(String title, String description, List<ColumnDef> columns, List<InputDef> inputs) {}
