namespace Strata.Migrate.Tests.Pulling;

/// <summary>
/// Where `db pull` still writes another schema than the engine's introspection of the same
/// database, line by line (as <see cref="SchemaLineDiff"/> gives them: <c>- </c> the engine's
/// line, <c>+ </c> Strata's), and why. docs/migrations.md lists the same.
/// </summary>
public static class KnownPullDifferences
{
    private static readonly Dictionary<string, string[]> Known = new()
    {
        // A partial index: Prisma 7 reads it back with `where: raw(...)`; Strata's introspection
        // leaves partial indexes out (they are not compared), so pull does not write it.
        ["postgresql sql:postgres-catalog"] =
        [
            "- @@index([name], map: \"account_partial\", where: raw(\"flag\"))",
        ],
        ["sqlite sql:sqlite-catalog"] =
        [
            "- @@index([name], map: \"account_partial\", where: raw(\"\\\"flag\\\"\"))",
        ],
        // UNIQUE written inside CREATE TABLE makes an index SQLite names itself (sqlite_autoindex_...),
        // which Prisma reads as @unique; Strata's introspection reads only indexes made by CREATE
        // INDEX (Prisma's own migrations make no other), so pull writes neither the @unique nor,
        // for Profile.userId, the one-to-one relation it makes.
        ["sqlite sql:sqlite-edges"] =
        [
            "- slug String @unique(map: \"sqlite_autoindex_Post_1\")",
            "- userId String @unique(map: \"sqlite_autoindex_Profile_2\")",
            "- Profile Profile?",
            "+ slug String",
            "+ userId String",
            "+ Profile Profile[]",
        ],
        // An operator class on a B-tree index (text_pattern_ops): Prisma's pull leaves it out, and
        // so writes a schema that asks for another index; Strata writes it, and the schema asks
        // for the index that is there.
        ["postgresql schema:native-types"] =
        [
            "- @@index([title])",
            "+ @@index([title(ops: raw(\"text_pattern_ops\"))])",
        ],
    };

    /// <summary>
    /// Cases whose pulled schema Strata does not take back as exactly the database it came from,
    /// with a piece of what Strata says instead and why. Everywhere else the pulled schema compiles
    /// and `migrate diff` from the database to it is empty.
    /// </summary>
    private static readonly Dictionary<string, string> RoundTrips = new()
    {
        // Implicit many-to-many join tables written by hand, with PostgreSQL's own index name
        // (_PostToTag_B_idx) and foreign keys without ON UPDATE CASCADE: a schema cannot state
        // either, so the differ makes them Prisma's (as Prisma's own differ does). The array
        // default '{"a b",c}' is the literal-array class below.
        ["postgresql sql:postgres-edges"] = "ALTER INDEX \"_PostToTag_B_idx\" RENAME TO \"_PostToTag_B_index\"",
        // Strata's validator rejects an @id over a nullable column (Northwind's SQLite Customers)
        // with relations that reference it.
        ["sqlite sample:northwind"] = "error S3009",
        // The @unique that SQLite's constraint index would give (above) is missing, so the relation
        // over Post.slug references a field that is not unique.
        ["sqlite sql:sqlite-edges"] = "error S7005",
        // SQLite types read by what their name holds (NVARCHAR(160) is a String) come back as TEXT,
        // and a text column's non-literal default as a string literal: the tables are redefined.
        ["sqlite sample:chinook"] = "RedefineTables",
        ["sqlite sql:sqlite-catalog"] = "RedefineTables",
        // An array default written as a literal, '{1,2}', is pulled as [1, 2], which the differ
        // writes as ARRAY[1, 2] and does not take for the same default.
        ["postgresql sql:postgres-catalog"] = "ALTER COLUMN \"scores\" SET DEFAULT ARRAY[1, 2]::INTEGER[]",
    };

    /// <summary>A piece of what Strata says of its own pull of a case (see <see cref="RoundTrips"/>), or null when it takes it back unchanged.</summary>
    public static string? RoundTripOf(string name) => RoundTrips.GetValueOrDefault(name);

    /// <summary>The known differences of a case (provider, a space, the case name); empty when none.</summary>
    public static IReadOnlyList<string> For(string name) => Known.TryGetValue(name, out var lines) ? lines : [];
}
