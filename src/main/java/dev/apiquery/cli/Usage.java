package dev.apiquery.cli;

/** The help text of {@code bin/apiquery}. */
final class Usage {
  private Usage() {}

  static final String TEXT = """
      Usage: apiquery <command> [options]

      Commands:
        query --url URL [options] "SQL"    run a statement and print its rows
        explain --url URL [options] "SQL"  print the query plan (EXPLAIN PLAN FOR SQL)
        demo [--serve] [--port N]          start the bundled sample API on 127.0.0.1, run
                                           example queries against it, stop; with --serve,
                                           keep it running for other SQL clients (Ctrl-C stops)
        profile new --url URL [options]    sample an endpoint and write a working RSD table
                                           (rows, types, paging detected; no secret written)
        profile check DIR [--live]         lint a profile folder: problems with file and line
        help                               show this text

      Options of query and explain:
        --url URL              JDBC URL, e.g. 'jdbc:apiquery:Profile=/path/to/profiles'
        -f, --format FORMAT    table (default), csv or json (query only)
        -u, --user USER        sent as the User option
        --password PASSWORD    sent as the Password option
        -p, --property K=V     any connection option, repeatable, e.g. -p Timeout=30
        SQL                    one statement; - reads it from standard input

      Run 'apiquery profile new --help' for the options of profile new and check.

      General options:
        -v, --verbose          print the stack trace of a failure
        -h, --help             show this text
        --version              print the version

      Exit status: 0 done, 1 the statement or the demo failed, 2 bad command line.
      Keep secrets out of the process list with references the driver resolves, e.g.
        -p "Password=\\${env:API_PASSWORD}"  or  -p "OAuthClientSecret=\\${file:/path/to/secret}"
      """;
}
