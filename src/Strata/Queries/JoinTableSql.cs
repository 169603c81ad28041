using Strata.Metadata;

namespace Strata.Queries;

/// <summary>Statements on the join table of an implicit many-to-many relation.</summary>
internal static class JoinTableSql
{
    /// <summary><c>SELECT local, target FROM join WHERE local IN (keys)</c>.</summary>
    public static void SelectLinks(SqlWriter w, JoinTableInfo join, List<object> keys)
    {
        w.Sql("SELECT ").Identifier(join.LocalColumn).Sql(", ").Identifier(join.TargetColumn)
            .Sql(" FROM ").Table(join.Schema, join.Name).Sql(" t0 WHERE ");
        w.Dialect.WriteInList(w, "t0", LocalColumn(join), keys, negate: false, insensitive: false);
    }

    /// <summary>The join table's column that refers to this model, as a column the dialect binds values for.</summary>
    public static ColumnInfo LocalColumn(JoinTableInfo join) => new(0, join.LocalColumn, join.LocalColumn, join.LocalKind, false);

    /// <summary><c>INSERT INTO join (local, target) VALUES (...)</c>, ignoring a link that exists already.</summary>
    public static void InsertLink(SqlWriter w, JoinTableInfo join, object local, object target)
    {
        w.Sql("INSERT INTO ").Table(join.Schema, join.Name).Sql(" (").Identifier(join.LocalColumn).Sql(", ").Identifier(join.TargetColumn).Sql(") VALUES (")
            .Parameter(new QueryParameter(join.LocalKind, null, local)).Sql(", ")
            .Parameter(new QueryParameter(join.TargetKind, null, target)).Sql(')').Sql(w.Dialect.OnConflictDoNothing);
    }

    /// <summary><c>DELETE FROM join WHERE local = @p</c>, and <c>AND target = @t</c> when <paramref name="target"/> is given.</summary>
    public static void DeleteLinks(SqlWriter w, JoinTableInfo join, object local, object? target)
    {
        w.Sql("DELETE FROM ").Table(join.Schema, join.Name).Sql(" WHERE ").Identifier(join.LocalColumn).Sql(" = ")
            .Parameter(new QueryParameter(join.LocalKind, null, local));
        if (target != null) w.Sql(" AND ").Identifier(join.TargetColumn).Sql(" = ").Parameter(new QueryParameter(join.TargetKind, null, target));
    }
}
