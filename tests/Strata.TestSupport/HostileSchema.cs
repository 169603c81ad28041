namespace Strata.TestSupport;

/// <summary>
/// A schema whose database names hold a quote, a complete SQL statement, spaces and letters
/// beyond ASCII: what quoting must survive. Without the hostile parts it is the same schema
/// with the quoted table and the SQL column dropped, a change that loses data.
/// </summary>
public static class HostileSchema
{
    /// <summary>A column whose name is a complete SQL statement, were it pasted into SQL unquoted.</summary>
    public const string SqlColumn = "x\"; DELETE FROM \"other\"; --";

    /// <summary>The schema for <paramref name="provider"/>; its datasource reads DATABASE_URL when <paramref name="withUrl"/>.</summary>
    public static string Text(string provider, bool withHostile, bool withUrl) => $$"""
        datasource db {
          provider = "{{provider}}"{{(withUrl ? "\n  url      = env(\"DATABASE_URL\")" : "")}}
        }

        {{(withHostile ? "model Quoted {\n  id   Int     @id\n  note String?\n\n  @@map(\"a\\\"b\")\n}\n" : "")}}
        model Spaced {
          id    Int     @id
          label String? @map("a label ünïcødé")
          {{(withHostile ? "hostile String? @map(\"x\\\"; DELETE FROM \\\"other\\\"; --\")" : "")}}

          @@map("table with spaces ü")
        }

        model Other {
          id Int @id

          @@map("other")
        }
        """;

    /// <summary>Rows in every table: one in `a"b`, two in the spaced table (one with values, one NULL), two in `other`.</summary>
    public const string SeedSql = """
        INSERT INTO "a""b" ("id", "note") VALUES (1, 'kept');
        INSERT INTO "table with spaces ü" ("id", "a label ünïcødé", "x""; DELETE FROM ""other""; --") VALUES (1, 'label ü', 'value'), (2, NULL, NULL);
        INSERT INTO "other" ("id") VALUES (1), (2);
        """;
}
