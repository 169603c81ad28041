using System.Collections;
using Strata.Metadata;

namespace Strata.Queries;

/// <summary>Writes the grouped count of a list relation for many parents at once (an <c>IncludeCount</c>).</summary>
internal static class CountSql
{
    /// <summary>
    /// <c>SELECT fk, COUNT(*) FROM target WHERE fk IN (keys) AND where GROUP BY fk</c>; for a
    /// many-to-many relation the join table's links are counted, joined to the target when a Where filters it.
    /// </summary>
    public static void Write(SqlWriter w, RelationInfo relation, Filter? where, List<object> keys)
    {
        var target = relation.Target;
        var alias = w.NextAlias();
        if (relation.JoinTable is { } join)
        {
            var links = w.NextAlias();
            var local = JoinTableSql.LocalColumn(join);
            w.Sql("SELECT ").Column(links, local).Sql(", COUNT(*) FROM ").Table(join.Schema, join.Name).Sql(' ').Sql(links);
            if (where != null)
            {
                var targetKey = target.Columns[relation.TargetColumns[0]];
                w.Sql(" JOIN ").Table(target.Schema, target.TableName).Sql(' ').Sql(alias).Sql(" ON ").Column(alias, targetKey).Sql(" = ").Sql(links).Sql('.').Identifier(join.TargetColumn);
            }
            w.Sql(" WHERE ");
            w.Dialect.WriteInList(w, links, local, keys, negate: false, insensitive: false);
            if (where != null)
            {
                w.Sql(" AND ");
                where.Write(w, alias);
            }
            w.Sql(" GROUP BY ").Column(links, local);
            return;
        }
        var columns = relation.TargetColumns.Select(c => target.Columns[c]).ToArray();
        w.Sql("SELECT ");
        WriteList(w, alias, columns);
        w.Sql(", COUNT(*) FROM ").Table(target.Schema, target.TableName).Sql(' ').Sql(alias).Sql(" WHERE ");
        IList values = columns.Length == 1 ? keys : keys.Select(k => ((Execution.Keys.CompoundKey)k).Parts).ToList();
        SelectSql.WriteParentKeys(w, alias, new ParentKeys(columns, values));
        if (where != null)
        {
            w.Sql(" AND ");
            where.Write(w, alias);
        }
        w.Sql(" GROUP BY ");
        WriteList(w, alias, columns);
    }

    private static void WriteList(SqlWriter w, string alias, ColumnInfo[] columns)
    {
        for (int i = 0; i < columns.Length; i++)
        {
            if (i > 0) w.Sql(", ");
            w.Column(alias, columns[i]);
        }
    }
}
