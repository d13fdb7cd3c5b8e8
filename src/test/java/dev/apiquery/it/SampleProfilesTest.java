package dev.apiquery.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every folder of sample-profiles/ is a profile the driver loads and plans without a request. */
class SampleProfilesTest {
  @Test
  void everySampleProfileLoadsAndDescribesItsTables() throws Exception {
    Class.forName("dev.apiquery.jdbc.Driver");
    List<Path> folders;
    try (Stream<Path> list = Files.list(Path.of("sample-profiles"))) {
      folders = list.filter(Files::isDirectory).sorted().toList();
    }
    assertTrue(folders.size() >= 3, folders.toString());
    for (Path folder : folders) {
      try (Connection c = DriverManager.getConnection("jdbc:apiquery:Profile=" + folder.toAbsolutePath()
          + ";ProfileSettings='InstanceUrl=http://127.0.0.1:9;BaseUrl=http://127.0.0.1:9'");
          ResultSet tables = c.getMetaData().getTables(null, folder.getFileName().toString(), "%", null)) {
        int count = 0;
        while (tables.next()) {
          String table = tables.getString("TABLE_NAME");
          try (ResultSet rs = c.createStatement().executeQuery("select * from \"" + table + "\" where 1=0")) {
            assertTrue(rs.getMetaData().getColumnCount() > 0, table);
          }
          count++;
        }
        assertTrue(count > 0, "no table in " + folder);
      }
    }
    assertEquals(List.of("demo", "hubspot", "salesforce"),
        folders.stream().map(p -> p.getFileName().toString()).toList());
  }
}
