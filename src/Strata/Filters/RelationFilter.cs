using Strata.Metadata;
using Strata.Queries;

namespace Strata;

/// <summary>How a relation filter tests the related records.</summary>
internal enum RelationTest
{
    /// <summary>At least one related record matches (lists), or the related record matches (to-one).</summary>
    Some,
    /// <summary>Every related record matches.</summary>
    Every,
    /// <summary>No related record matches (lists), or the related record does not exist or does not match (to-one).</summary>
    None,
}

/// <summary>A condition on related records, written as an <c>EXISTS</c> subquery.</summary>
internal sealed class RelationFilter(RelationInfo relation, RelationTest test, Filter inner) : Filter
{
    /// <summary>The model that declares the relation field.</summary>
    internal required ModelInfo Owner { get; init; }

    internal override void Write(SqlWriter writer, string alias)
    {
        var target = relation.Target;
        var other = writer.NextAlias();
        writer.Sql(test == RelationTest.Some ? "EXISTS (SELECT 1 FROM " : "NOT EXISTS (SELECT 1 FROM ");
        if (relation.JoinTable is { } join)
        {
            var link = writer.NextAlias();
            writer.Table(join.Schema, join.Name).Sql(' ').Sql(link).Sql(" INNER JOIN ")
                .Table(target.Schema, target.TableName).Sql(' ').Sql(other).Sql(" ON ")
                .Column(other, target.Columns[relation.TargetColumns[0]]).Sql(" = ").Sql(link).Sql('.').Identifier(join.TargetColumn)
                .Sql(" WHERE ").Sql(link).Sql('.').Identifier(join.LocalColumn).Sql(" = ")
                .Column(alias, Owner.Columns[relation.LocalColumns[0]]);
        }
        else
        {
            writer.Table(target.Schema, target.TableName).Sql(' ').Sql(other).Sql(" WHERE ");
            for (int i = 0; i < relation.LocalColumns.Length; i++)
            {
                if (i > 0) writer.Sql(" AND ");
                writer.Column(other, target.Columns[relation.TargetColumns[i]]).Sql(" = ").Column(alias, Owner.Columns[relation.LocalColumns[i]]);
            }
        }
        writer.Sql(" AND ");
        if (test == RelationTest.Every) Not(inner).Write(writer, other);
        else inner.Write(writer, other);
        writer.Sql(')');
    }
}
