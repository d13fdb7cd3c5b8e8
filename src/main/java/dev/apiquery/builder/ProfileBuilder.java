package dev.apiquery.builder;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apiquery.redact.Redactor;
import dev.apiquery.redact.SecretNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * {@code profile new}: samples an endpoint, finds its rows, columns and paging, and writes one
 * {@code .rsd} table, printing what it found and why.
 */
public final class ProfileBuilder {
  static final String BASE_URL_SETTING = "BaseUrl";

  private final PrintWriter out;

  /** @param out where the findings are printed */
  public ProfileBuilder(PrintWriter out) {
    this.out = out;
  }

  public NewProfile build(NewProfileRequest request) throws BuilderException {
    HttpUrl parsed = HttpUrl.parse(request.url());
    if (parsed == null) {
      throw new BuilderException("--url must be an http:// or https:// URL, not '" + Redactor.redactUrl(request.url()) + "'");
    }
    List<Map.Entry<String, String>> secretParams = new ArrayList<>();
    HttpUrl url = withParams(parsed, request.params(), secretParams);
    String table = request.name() != null ? ColumnInference.identifier(request.name()) : tableName(url);
    Path file = request.outDir().resolve(table + ".rsd");
    if (Files.exists(file) && !request.force()) {
      throw new BuilderException(file + " exists; use --force to overwrite it");
    }
    ConnectionPlan connection = new ConnectionPlan(request.options(), request.headers(), secretParams);
    Map<String, String> settings = new LinkedHashMap<>();
    if (request.baseUrlSetting()) {
      settings.put(BASE_URL_SETTING, origin(url));
    }
    Sampler sampler;
    try {
      sampler = new Sampler(connection.connectionOptions(settings), connection.profileHeaders());
    } catch (java.sql.SQLException e) {
      throw new BuilderException(e.getMessage(), e);
    }
    sampler.trust(url);
    SampledPage first = sampler.fetch(url);
    RowFinder.Result found = RowFinder.find(first.body(), request.rows());
    RowSet rows = found.chosen();
    out.println("Sampled GET " + Redactor.redactUrl(url) + ": " + rows.rows().size() + " rows");
    printRows(found);
    String keyPath = keyPath(ColumnInference.infer(rows.rows(), table));
    PagingPlan paging = PagingDetector.detect(first, rows, keyPath, request.cursorParam());
    List<JsonNode> sampled = new ArrayList<>(rows.rows());
    paging = confirm(sampler, paging, first, rows, sampled);
    List<InferredColumn> columns = ColumnInference.infer(sampled, table);
    if (columns.isEmpty()) {
      throw new BuilderException("the rows at " + rows.describe() + " have no fields to make columns of"
          + " (an empty first page?); sample a URL that returns rows, or give --rows");
    }
    printColumns(columns, sampled.size());
    for (String name : ColumnInference.unaddressable(sampled)) {
      out.println("  not a column: the field '" + name + "' (a path cannot address a name with / or [)");
    }
    printPaging(paging);
    write(file, table, url, rows, columns, paging, connection, request.baseUrlSetting());
    String profileFolder = request.outDir().toString();
    return new NewProfile(table, file, connection.jdbcUrl(profileFolder, settings), connection.environment(),
        connection.properties(settings));
  }

  /**
   * Fetches the second page to confirm the paging; a page that repeats the first disables it (the
   * profile then requests the sampled URL as it was, parameters included).
   */
  private PagingPlan confirm(Sampler sampler, PagingPlan paging, SampledPage first, RowSet rows,
      List<JsonNode> sampled) {
    if (paging.next() == null) {
      return paging;
    }
    try {
      SampledPage second = sampler.fetch(paging.next());
      JsonNode node = second.body();
      for (String key : rows.path()) {
        node = node.path(key);
      }
      List<JsonNode> more = new ArrayList<>();
      if (node.isArray()) {
        node.forEach(more::add);
      }
      String where = "page 2 (GET " + Redactor.redactUrl(paging.next()) + ")";
      if (!more.isEmpty() && more.equals(rows.rows())) {
        return paging.withoutPaging(where + " repeated the first page: the API ignored the paging parameter,"
            + " so the profile does not page (--cursor-param NAME names the parameter)", first.url());
      }
      sampled.addAll(more);
      List<String> reasons = new ArrayList<>(paging.reasons());
      reasons.add("confirmed: " + where + " has " + more.size() + " other rows");
      return new PagingPlan(paging.kind(), paging.attributes(), paging.uri(), reasons, paging.next());
    } catch (BuilderException e) {
      List<String> reasons = new ArrayList<>(paging.reasons());
      reasons.add("not confirmed: the second page failed: " + e.getMessage());
      return new PagingPlan(paging.kind(), paging.attributes(), paging.uri(), reasons, paging.next());
    }
  }

  private void write(Path file, String table, HttpUrl url, RowSet rows, List<InferredColumn> columns,
      PagingPlan paging, ConnectionPlan connection, boolean baseUrlSetting) throws BuilderException {
    HttpUrl uri = paging.uri();
    String literal = baseUrlSetting ? uri.toString().substring(origin(uri).length()) : uri.toString();
    List<String> comment = List.of(
        "Generated by apiquery profile new from GET " + Redactor.redactUrl(baseUrlSetting ? literal : url.toString()) + ".",
        "Rows: " + rows.describe() + ". Paging: " + paging.kind().label() + ". Add desc=\"...\" to the columns.");
    String text = RsdWriter.write(new RsdWriter.Table(table, "GET " + url.encodedPath(), comment, rows.jsonPath(),
        columns, paging.attributes(), baseUrlSetting ? "[_connection." + BASE_URL_SETTING + "]" : null, literal,
        connection.profileHeaders()));
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BuilderException("cannot write " + file + ": " + e.getMessage(), e);
    }
    out.println("Wrote " + file);
  }

  /** The URL with {@code --param}s added; secret parameters (of both) are moved to {@code secrets}. */
  private static HttpUrl withParams(HttpUrl url, List<Map.Entry<String, String>> params,
      List<Map.Entry<String, String>> secrets) {
    HttpUrl.Builder builder = url.newBuilder();
    for (String name : url.queryParameterNames()) {
      if (SecretNames.isSecretName(name)) {
        url.queryParameterValues(name).forEach(v -> secrets.add(Map.entry(name, v)));
        builder.removeAllQueryParameters(name);
      }
    }
    for (Map.Entry<String, String> p : params) {
      if (SecretNames.isSecretName(p.getKey())) {
        secrets.add(p);
      } else {
        builder.setQueryParameter(p.getKey(), p.getValue());
      }
    }
    return builder.build();
  }

  /** The last path segment that is not a number or a version: {@code /v1/customers} gives customers. */
  private static String tableName(HttpUrl url) {
    List<String> segments = url.pathSegments();
    for (int i = segments.size() - 1; i >= 0; i--) {
      String s = segments.get(i);
      if (!s.isEmpty() && !s.matches("v?\\d+(\\.\\d+)*")) {
        return ColumnInference.identifier(s.replaceFirst("\\.json$", ""));
      }
    }
    return ColumnInference.identifier(url.host().split("\\.")[0]);
  }

  /** {@code https://host[:port]}, the value of {@code BaseUrl}. */
  private static String origin(HttpUrl url) {
    String text = url.newBuilder().encodedPath("/").query(null).fragment(null).build().toString();
    return text.substring(0, text.length() - 1);
  }

  private static String keyPath(List<InferredColumn> columns) {
    return columns.stream().filter(InferredColumn::key).map(InferredColumn::xPath).findFirst().orElse(null);
  }

  private void printRows(RowFinder.Result found) {
    out.println("Rows: " + found.chosen().describe() + " (" + found.why() + ")");
    for (RowSet other : found.alternatives()) {
      out.println("  also an array of objects: " + other.describe() + " (" + other.rows().size()
          + " elements; --rows " + other.jsonPath() + " to use it)");
    }
  }

  private void printColumns(List<InferredColumn> columns, int rowCount) {
    out.println("Columns (" + columns.size() + ", from " + rowCount + " sampled rows):");
    int width = columns.stream().mapToInt(c -> c.name().length()).max().orElse(0);
    int pathWidth = columns.stream().mapToInt(c -> c.xPath().length()).max().orElse(0);
    for (InferredColumn c : columns) {
      out.println("  " + pad(c.name(), width) + "  " + pad(c.xsType(), 8) + (c.key() ? " key  " : "      ")
          + pad(c.xPath(), pathWidth) + "  (" + c.why() + ")");
    }
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }

  private void printPaging(PagingPlan paging) {
    out.println("Paging: " + paging.kind().label());
    paging.reasons().forEach(r -> out.println("  " + r));
  }
}
