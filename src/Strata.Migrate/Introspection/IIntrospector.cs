using System.Data.Common;
using Strata.Migrate.Model;

namespace Strata.Migrate.Introspection;

/// <summary>Reads a live database into a <see cref="DatabaseSchema"/>; each provider implements it.</summary>
public interface IIntrospector
{
    /// <summary>
    /// The tables, columns, keys, indexes, foreign keys and enums of the database behind
    /// <paramref name="connection"/> (open), in <paramref name="schemas"/> (empty: the default
    /// schema). Strata's own history table, <c>_prisma_migrations</c>, is left out.
    /// </summary>
    Task<DatabaseSchema> IntrospectAsync(DbConnection connection, IReadOnlyList<string> schemas, CancellationToken cancellationToken = default);
}
