package dev.apiquery.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLoaderTest {
  @TempDir Path dir;

  private static String rsd(String column) {
    return "<api:script><api:info><attr name='" + column + "'/></api:info>"
        + "<api:script method='GET'><api:set attr='URI' value='https://x.test/" + column + "'/>"
        + "<api:call op='jsonproviderGet'/></api:script></api:script>";
  }

  private Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private static List<String> names(Profile profile) {
    return profile.tables().stream().map(TableDef::name).toList();
  }

  @Test
  void folderLoadsRsdFilesOnlySortedAndNotRecursively() throws Exception {
    Path folder = dir.resolve("crm");
    write(folder.resolve("b.rsd"), rsd("b"));
    write(folder.resolve("A.RSD"), rsd("a"));
    write(folder.resolve("Proc.rsb"), "not a table");
    write(folder.resolve("notes.txt"), "x");
    write(folder.resolve("sys_indexes.rsd"), "<rsb:script/>");
    write(folder.resolve("sub/c.rsd"), rsd("c"));
    Profile profile = ProfileLoader.load(folder.toString());
    assertEquals("crm", profile.defaultSchemaName());
    assertEquals(folder.toString(), profile.location());
    assertEquals(List.of("A", "b"), names(profile));
    assertEquals("A.RSD", profile.tables().get(0).location().file());
    assertEquals("https://x.test/b",
        profile.tables().get(1).script().prepareSelect(RsdFixtures.empty()).uri());
  }

  @Test
  void singleFileIsItsOwnSchema() throws Exception {
    Path file = write(dir.resolve("Orders.rsd"), rsd("id"));
    Profile profile = ProfileLoader.load(file.toUri().toString());
    assertEquals("Orders", profile.defaultSchemaName());
    assertEquals(List.of("Orders"), names(profile));
  }

  @Test
  void apipArchiveWithSubFolders() throws Exception {
    Path archive = dir.resolve("Klenty.apip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
      add(zip, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n");
      add(zip, "Lists.rsd", rsd("list"));
      add(zip, "tables/People.rsd", rsd("person"));
      add(zip, "sys_indexes.rsd", "<rsb:script/>");
      add(zip, "ConnectionProperties.json", "{}");
      zip.putNextEntry(new ZipEntry("Resources/"));
      zip.closeEntry();
    }
    Profile profile = ProfileLoader.load(archive.toString());
    assertEquals("Klenty", profile.defaultSchemaName());
    assertEquals(List.of("Lists", "People"), names(profile));
    assertEquals("Klenty.apip!/tables/People.rsd", profile.tables().get(1).location().file());
    assertEquals("https://x.test/person",
        profile.tables().get(1).script().prepareSelect(RsdFixtures.empty()).uri());
  }

  @Test
  void brokenFileInArchiveIsABrokenTableNamingEntryAndLine() throws Exception {
    Path archive = dir.resolve("Bad.apip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
      add(zip, "x/Broken.rsd", "<api:script>\n<api:info>\n<attr/>\n</api:info></api:script>");
      add(zip, "x/Good.rsd", rsd("a"));
    }
    Profile profile = ProfileLoader.load(archive.toString());
    assertEquals(List.of("Broken", "Good"), names(profile));
    TableDef broken = profile.tables().get(0);
    assertEquals("Bad.apip!/x/Broken.rsd:3: <attr> has no name", broken.failure());
    assertEquals(new SourceLocation("Bad.apip!/x/Broken.rsd", 3), broken.location());
    assertEquals("cannot be loaded: Bad.apip!/x/Broken.rsd:3: <attr> has no name",
        broken.description());
    assertEquals(List.of(broken), profile.brokenTables());
    assertFalse(profile.tables().get(1).isBroken());
  }

  @Test
  void notAZipFails() throws Exception {
    Path archive = write(dir.resolve("Empty.apip"), "this is not a zip");
    ProfileException e = assertThrows(ProfileException.class,
        () -> ProfileLoader.load(archive.toString()));
    assertTrue(e.getMessage().contains("no .rsd files in"), e.getMessage());
  }

  @Test
  void brokenFileInFolderLeavesTheOtherTablesAndIsParsedOnce() throws Exception {
    write(dir.resolve("Good.rsd"), rsd("a"));
    write(dir.resolve("Broken.rsd"), "<api:script>\n<api:info>\n<attr name='a'>\n</api:info>\n");
    Profile profile = ProfileLoader.load(dir.toString());
    assertEquals(List.of("Broken", "Good"), names(profile));
    TableDef broken = profile.tables().get(0);
    assertEquals("Broken.rsd:4: end tag </api:info> does not match <attr> opened at line 3",
        broken.failure());
    assertTrue(broken.columns().isEmpty());
    ProfileException e = assertThrows(ProfileException.class,
        () -> broken.script().prepareSelect(RsdFixtures.empty()));
    assertEquals(broken.failure(), e.getMessage());
    assertSame(broken, ProfileLoader.load(dir.toString()).tables().get(0));
    assertEquals(1, profile.brokenTables().size());
  }

  @Test
  void aSingleBrokenFileIsOneBrokenTable() throws Exception {
    Path file = write(dir.resolve("Only.rsd"), "<api:script><api:info></api:info></api:script>");
    Profile profile = ProfileLoader.load(file.toString());
    assertEquals(List.of("Only"), names(profile));
    assertEquals("Only.rsd:1: <api:info> declares no <attr> columns",
        profile.tables().get(0).failure());
  }

  @Test
  void missingBlankEmptyAndUnknownLocationsFailClearly() throws Exception {
    ProfileException missing = assertThrows(ProfileException.class,
        () -> ProfileLoader.load(dir.resolve("nope").toString()));
    assertTrue(missing.getMessage().startsWith("profile not found: " + dir.resolve("nope")),
        missing.getMessage());
    assertTrue(assertThrows(ProfileException.class, () -> ProfileLoader.load(" "))
        .getMessage().startsWith("no profile given"));
    Path empty = Files.createDirectory(dir.resolve("empty"));
    write(empty.resolve("readme.txt"), "x");
    assertEquals("no .rsd files in " + empty,
        assertThrows(ProfileException.class, () -> ProfileLoader.load(empty.toString()))
            .getMessage());
    Path other = write(dir.resolve("x.json"), "{}");
    assertTrue(assertThrows(ProfileException.class, () -> ProfileLoader.load(other.toString()))
        .getMessage().endsWith("is not a folder of .rsd files, an .rsd file or an .apip archive"));
  }

  @Test
  void tablesWhoseNamesDifferOnlyByCaseAreRejected() throws Exception {
    Path archive = dir.resolve("Dup.apip");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive))) {
      add(zip, "a/People.rsd", rsd("a"));
      add(zip, "b/people.rsd", rsd("b"));
    }
    ProfileException e = assertThrows(ProfileException.class,
        () -> ProfileLoader.load(archive.toString()));
    assertTrue(e.getMessage().contains("has the same name (ignoring case)"), e.getMessage());
  }

  @Test
  void parsedFilesAreCachedUntilTheyChange() throws Exception {
    Path file = write(dir.resolve("Cached.rsd"), rsd("a"));
    TableDef first = ProfileLoader.load(file.toString()).tables().get(0);
    assertSame(first, ProfileLoader.load(file.toString()).tables().get(0));
    assertSame(first, ProfileLoader.load(dir.toString()).tables().get(0));

    Files.writeString(file, rsd("bb"));
    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5000));
    TableDef second = ProfileLoader.load(file.toString()).tables().get(0);
    assertNotSame(first, second);
    assertEquals("bb", second.columns().get(0).name());
  }

  @Test
  void concurrentLoadsOfOneProfileAgree() throws Exception {
    for (int i = 0; i < 5; i++) {
      write(dir.resolve("t" + i + ".rsd"), rsd("c" + i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Profile>> loads = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        loads.add(pool.submit(() -> ProfileLoader.load(dir.toString())));
      }
      for (Future<Profile> load : loads) {
        Profile profile = load.get(30, TimeUnit.SECONDS);
        assertEquals(List.of("t0", "t1", "t2", "t3", "t4"), names(profile));
        assertEquals("c4", profile.tables().get(4).columns().get(0).name());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static void add(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    OutputStream out = zip;
    out.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }
}
