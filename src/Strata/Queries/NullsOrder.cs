namespace Strata.Queries;

/// <summary>
/// Where nulls go in an ORDER BY key: NULLS FIRST / NULLS LAST where the database has them, else
/// (MySQL) the key's null test ordered before the key itself.
/// </summary>
internal static class NullsOrder
{
    /// <summary>True when the key is to be written twice: once in its null test (<see cref="WriteNullTest"/>), then as itself.</summary>
    public static bool NeedsNullTest(SqlWriter w, Nulls nulls) => nulls != Nulls.Default && !w.Dialect.HasNullsOrdering;

    /// <summary>Follows the key written for its null test: nulls first orders the test's true first.</summary>
    public static void WriteNullTest(SqlWriter w, Nulls nulls) => w.Sql(nulls == Nulls.First ? " IS NULL DESC, " : " IS NULL ASC, ");

    /// <summary>The key's direction, and its nulls where the database says them.</summary>
    public static void WriteDirection(SqlWriter w, bool descending, Nulls nulls)
    {
        w.Sql(descending ? " DESC" : " ASC");
        if (nulls != Nulls.Default && w.Dialect.HasNullsOrdering) w.Sql(nulls == Nulls.First ? " NULLS FIRST" : " NULLS LAST");
    }
}
