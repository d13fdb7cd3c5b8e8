package dev.apiquery.builder;

import dev.apiquery.redact.Redactor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code profile new} was asked.
 *
 * @param url the endpoint ({@code --url}), with any query parameters
 * @param name the table name ({@code --name}), or null to name it after the URL's last segment
 * @param outDir the profile folder ({@code --out})
 * @param headers {@code --header}s
 * @param params {@code --param}s, added to the URL
 * @param options {@code --options}, connection options in URL syntax, or null
 * @param cursorParam {@code --cursor-param}, or null
 * @param rows {@code --rows}, or null
 * @param force {@code --force}: overwrite an existing file
 * @param baseUrlSetting {@code --base-url-setting}: the URI starts with {@code [_connection.BaseUrl]}
 */
public record NewProfileRequest(String url, String name, Path outDir, List<Map.Entry<String, String>> headers,
    List<Map.Entry<String, String>> params, String options, String cursorParam, String rows, boolean force,
    boolean baseUrlSetting) {
  public NewProfileRequest {
    headers = List.copyOf(headers);
    params = List.copyOf(params);
  }

  /** Names only: header values, parameters and options may be secrets. */
  @Override
  public String toString() {
    return "NewProfileRequest[url=" + Redactor.redactUrl(url) + ", name=" + name + ", outDir=" + outDir
        + ", headers=" + headers.stream().map(Map.Entry::getKey).toList() + "]";
  }
}
