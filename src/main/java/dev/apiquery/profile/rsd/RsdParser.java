package dev.apiquery.profile.rsd;

import dev.apiquery.profile.ProfileException;
import dev.apiquery.profile.SourceLocation;
import dev.apiquery.profile.TableDef;
import dev.apiquery.profile.script.FilterTargets;
import dev.apiquery.profile.script.RsdScript;
import dev.apiquery.profile.xml.LenientXmlParser;
import dev.apiquery.profile.xml.XmlElement;

/** Parses the text of one RSD file into a {@link TableDef}. */
public final class RsdParser {
  private RsdParser() {}

  /**
   * @param file the file name used in error messages ({@code Repos.rsd})
   * @param tableName the table name (the file's base name)
   * @param content the file's text
   */
  public static TableDef parse(String file, String tableName, String content)
      throws ProfileException {
    XmlElement document = LenientXmlParser.parse(file, content);
    XmlElement root = root(document);
    XmlElement info = find(root, "api:info");
    if (info == null) {
      throw new ProfileException(new SourceLocation(file, root == document ? 1 : root.line()),
          "no <api:info> element: an RSD file must declare its columns in <api:info>");
    }
    TableInfo table = TableInfoReader.read(file, info);
    ScriptCompiler.Compiled compiled = new ScriptCompiler(file).compileRoot(root);
    RsdScript script = new RsdScript(new SourceLocation(file, root.line()), compiled.global(),
        compiled.get(), table.inputs(), FilterTargets.of(table.columns(), table.inputs()));
    return new TableDef(tableName, table.title(), table.description(),
        new SourceLocation(file, info.line()), table.columns(), table.inputs(), script);
  }

  /** The {@code api:script} root; lenient: without one, the document's top level is the root. */
  private static XmlElement root(XmlElement document) {
    for (XmlElement child : document.children()) {
      if (RsdNames.is(child, "api:script")) {
        return child;
      }
    }
    return document;
  }

  /** The first element called {@code keyword}, searching children before grandchildren. */
  private static XmlElement find(XmlElement parent, String keyword) {
    for (XmlElement child : parent.children()) {
      if (RsdNames.is(child, keyword)) {
        return child;
      }
    }
    for (XmlElement child : parent.children()) {
      XmlElement found = find(child, keyword);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
