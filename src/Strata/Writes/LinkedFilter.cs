using Strata.Metadata;
using Strata.Queries;

namespace Strata.Writes;

/// <summary>
/// The records of a many-to-many relation's target that are linked to one record:
/// <c>key IN (SELECT target FROM join WHERE local = @key)</c>. It scopes a nested write to the related records.
/// </summary>
internal sealed class LinkedFilter(JoinTableInfo join, ColumnInfo targetKey, object local) : Filter
{
    internal override void Write(SqlWriter writer, string alias)
    {
        writer.Column(alias, targetKey).Sql(" IN (SELECT ").Identifier(join.TargetColumn).Sql(" FROM ").Table(join.Schema, join.Name)
            .Sql(" WHERE ").Identifier(join.LocalColumn).Sql(" = ").Parameter(new QueryParameter(join.LocalKind, null, local)).Sql(')');
    }
}
