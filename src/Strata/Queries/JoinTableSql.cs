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
        w.Sql(w.Dialect.InsertInto(skipDuplicates: true)).Table(join.Schema, join.Name).Sql(" (").Identifier(join.LocalColumn).Sql(", ").Identifier(join.TargetColumn).Sql(") VALUES (")
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

    /// <summary><c>DELETE FROM join AS t0 WHERE local IN (keys)</c>: every link of these records.</summary>
    public static void DeleteAllLinks(SqlWriter w, JoinTableInfo join, List<object> keys)
    {
        var alias = WriteSql.DeleteFrom(w, join.Schema, join.Name);
        w.Sql(" WHERE ");
        w.Dialect.WriteInList(w, alias, LocalColumn(join), keys, negate: false, insensitive: false);
    }

    /// <summary>
    /// <c>UPDATE join AS t0 SET local = (operation) WHERE local IN (keys)</c>: the links of records
    /// whose key changes follow it, by the same set or increment.
    /// </summary>
    public static void MoveLinks(SqlWriter w, JoinTableInfo join, NumberOperation operation, object? value, List<object> keys)
    {
        var column = LocalColumn(join);
        w.Sql("UPDATE ").Table(join.Schema, join.Name).Sql(" AS t0 SET ").Identifier(join.LocalColumn).Sql(" = ");
        if (operation == NumberOperation.Set) w.Parameter(column, value);
        else w.Dialect.WriteNumberOperation(w, null, column, operation, value);
        w.Sql(" WHERE ");
        w.Dialect.WriteInList(w, "t0", column, keys, negate: false, insensitive: false);
    }
}
