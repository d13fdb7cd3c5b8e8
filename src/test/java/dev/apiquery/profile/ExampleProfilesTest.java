package dev.apiquery.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apiquery.profile.script.IfCondition;
import dev.apiquery.profile.script.ConditionalStatement;
import dev.apiquery.profile.script.PushStatement;
import dev.apiquery.profile.script.ScriptInvocation;
import dev.apiquery.profile.script.SetStatement;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The four example profiles of rsd-spec.md section 6, loaded as a folder and run. */
class ExampleProfilesTest {
  private static Profile profile;

  @BeforeAll
  static void load() throws ProfileException, URISyntaxException {
    URL folder = ExampleProfilesTest.class.getResource("/profile/examples");
    profile = ProfileLoader.load(Path.of(folder.toURI()).toString());
  }

  private static TableDef table(String name) {
    return profile.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void folderGivesOneTablePerFileSortedWithFolderAsSchema() {
    assertEquals("examples", profile.defaultSchemaName());
    assertEquals(List.of("Accounts", "Customers", "People", "Repos"),
        profile.tables().stream().map(TableDef::name).toList());
  }

  @Test
  void reposModel() {
    TableDef repos = table("Repos");
    assertEquals("Repos", repos.title());
    assertEquals("Repositories of an organisation", repos.description());
    assertEquals(List.of("id", "name", "private", "owner_login", "topics", "created_at"),
        repos.columns().stream().map(ColumnDef::name).toList());
    ColumnDef id = repos.columns().get(0);
    assertEquals(new ColumnDef("id", DataType.BIGINT, "/json/id", true, true, null, null, null,
        null), id);
    assertEquals(DataType.BOOLEAN, repos.columns().get(2).type());
    assertEquals("/json/owner/login", repos.columns().get(3).xPath());
    assertEquals("JSON array text", repos.columns().get(4).description());
    assertEquals(DataType.TIMESTAMP, repos.columns().get(5).type());
    // rows@next is internal
    assertEquals(List.of(new InputDef("org", DataType.VARCHAR, true, null, "Organisation login",
        null)), repos.inputs());
    assertEquals("Repos.rsd", repos.location().file());
    assertEquals(2, repos.location().line());
  }

  @Test
  void reposRequest() throws ProfileException {
    Invocation call = table("Repos").script().prepareSelect(new ScriptContext(
        Map.of("ORG", "acme"), Map.of("token", "t0k"), Map.of()));
    assertEquals("jsonproviderget", call.operation());
    assertEquals("GET", call.method());
    assertEquals("https://api.gitlike.test/orgs/acme/repos?per_page=100", call.uri());
    assertEquals(List.of(Map.entry("Authorization", "Bearer t0k"),
        Map.entry("Accept", "application/vnd.github+json")), call.headers());
    assertEquals("true", call.attribute("enablepaging"));
    assertEquals("header:Link", call.attribute("PageUrlPath"));
    assertEquals("application/json", call.attribute("contenttype"));
    assertEquals(call.uri(), call.attribute("uri"));
    assertNull(call.attribute("JSONPath"));
  }

  @Test
  void reposEncodesTheOrgOnceThroughUrlencode() throws ProfileException {
    Invocation call = table("Repos").script().prepareSelect(new ScriptContext(
        Map.of("org", "a b&c/ü"), Map.of(), Map.of()));
    assertEquals("https://api.gitlike.test/orgs/a%20b%26c%2F%C3%BC/repos?per_page=100", call.uri());
    // unset connection token expands to an empty string
    assertEquals("Bearer ", call.headers().get(0).getValue());
  }

  @Test
  void reposWithoutRequiredOrgNamesItAndQuotesItsDescription() {
    ProfileException e = assertThrows(ProfileException.class,
        () -> table("Repos").script().prepareSelect(RsdFixtures.empty()));
    assertTrue(e.getMessage().contains("'org' is required"), e.getMessage());
    assertTrue(e.getMessage().contains("Organisation login"), e.getMessage());
    assertTrue(e.getMessage().startsWith("Repos.rsd:1: "), e.getMessage());
  }

  @Test
  void accountsRequest() throws ProfileException {
    TableDef accounts = table("Accounts");
    assertEquals("Owner/Name", accounts.columns().get(2).xPath());
    assertTrue(accounts.inputs().isEmpty());
    Invocation call = accounts.script().prepareSelect(RsdFixtures.empty());
    assertEquals("https://acme.my.sf.test/services/data/v59.0/query"
        + "?q=SELECT+Id,Name,Owner.Name,CreatedDate+FROM+Account", call.uri());
    assertEquals("$.records", call.attribute("jsonpath"));
    assertEquals("/json/nextRecordsUrl", call.attribute("pageurlpath"));
    assertTrue(call.headers().isEmpty());
  }

  @Test
  void customersFirstAndNextPage() throws ProfileException {
    TableDef customers = table("Customers");
    assertEquals("/json/has_more", customers.columns().get(4).xPath());
    Invocation first = customers.script().prepareSelect(
        new ScriptContext(Map.of(), Map.of("ApiKey", "sk_1"), Map.of()));
    assertEquals("https://api.payfast.test/v1/customers?limit=100", first.uri());
    assertEquals(List.of(Map.entry("Authorization", "Bearer sk_1")), first.headers());
    assertEquals("$.data", first.attribute("JSONPath"));

    Invocation next = customers.script().prepareSelect(
        new ScriptContext(Map.of("rows@next", "cus_A2"), Map.of("ApiKey", "sk_1"), Map.of()));
    assertEquals("https://api.payfast.test/v1/customers?limit=100&starting_after=cus_A2",
        next.uri());
  }

  @Test
  void customersKeepsCallBodyAndWhatFollowsForPaging() throws ProfileException {
    ScriptInvocation call = assertInstanceOf(ScriptInvocation.class,
        table("Customers").script().prepareSelect(RsdFixtures.empty()));
    assertEquals("row", call.call().out());
    assertEquals(3, call.call().body().size());
    assertEquals("temp.lastid", ((SetStatement) call.call().body().get(0)).attr());
    assertEquals("row", ((PushStatement) call.call().body().get(2)).item());
    assertEquals(1, call.statementsAfterCall().size());
    ConditionalStatement paging = (ConditionalStatement) call.statementsAfterCall().get(0);
    assertEquals("temp.hasmore", ((IfCondition) paging.condition()).attr());
    assertEquals(2, paging.then().size());
    // the item state at call time is reachable, and is a copy
    assertEquals("https://api.payfast.test/v1/customers?limit=100",
        call.state().defaultItem().get("uri"));
    call.state().defaultItem().set("URI", "changed");
    assertEquals("https://api.payfast.test/v1/customers?limit=100",
        call.state().defaultItem().get("URI"));
  }

  @Test
  void peopleModel() {
    TableDef people = table("People");
    assertEquals("{city}", people.columns().get(2).filter());
    assertEquals(List.of(new InputDef("updatedSince", DataType.TIMESTAMP, false, null,
        "Maps to ?updated_since=", null)), people.inputs());
  }

  @Test
  void peopleWithoutFiltersDropsTheEmptyPlaceholderParameter() throws ProfileException {
    Invocation call = table("People").script().prepareSelect(RsdFixtures.empty());
    assertEquals("https://api.crm.test/v2/people", call.uri());
    assertEquals("offset;0", call.attribute("pageoffsetparam"));
    assertEquals("limit", call.attribute("pagesizeparam"));
    assertEquals("100", call.attribute("pagesize"));
    assertEquals("$.items", call.attribute("jsonpath"));
  }

  @Test
  void peopleWithCityAndUpdatedSince() throws ProfileException {
    Invocation call = table("People").script().prepareSelect(new ScriptContext(
        Map.of("updatedsince", "2024-01-05T10:12:00+01:00"), Map.of(), Map.of("CITY", "São Paulo")));
    assertEquals("https://api.crm.test/v2/people?city=S%C3%A3o%20Paulo"
        + "&updated_since=2024-01-05T09%3A12%3A00", call.uri());
  }

  @Test
  void peopleUpdatedSinceAloneKeepsOnlyThatParameter() throws ProfileException {
    Invocation call = table("People").script().prepareSelect(
        new ScriptContext(Map.of("updatedSince", "2024-01-05"), Map.of(), Map.of()));
    assertEquals("https://api.crm.test/v2/people?updated_since=2024-01-05T00%3A00%3A00",
        call.uri());
    assertFalse(call.uri().contains("city"));
  }
}
