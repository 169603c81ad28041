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

    /// <summary>The known differences of a case (provider, a space, the case name); empty when none.</summary>
    public static IReadOnlyList<string> For(string name) => Known.TryGetValue(name, out var lines) ? lines : [];
}
