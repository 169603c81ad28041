using Strata.Migrate.Model;
using Strata.Migrate.Steps;

namespace Strata.Migrate.Planning;

/// <summary>Orders the steps that create a database schema from nothing, in Prisma's order.</summary>
public static class MigrationPlanner
{
    /// <summary>
    /// Schemas, enums, then tables, then indexes, then (where the provider adds them separately) foreign
    /// keys: no step depends on something created after it.
    /// </summary>
    public static IReadOnlyList<MigrationStep> CreateAll(DatabaseSchema target, IMigrationDialect dialect)
    {
        var steps = new List<MigrationStep>();
        steps.AddRange(target.Namespaces.Select(n => new CreateSchema(n)));
        steps.AddRange(target.Enums.Select(e => new CreateEnum(e)));
        steps.AddRange(target.Tables.Select(t => new CreateTable(t)));
        if (!dialect.IndexesInCreateTable) steps.AddRange(target.Tables.SelectMany(t => t.Indexes.Select(i => new CreateIndex(t, i))));
        if (!dialect.InlineForeignKeys)
            steps.AddRange(target.Tables.SelectMany(t => t.ForeignKeys.Select(fk => new AddForeignKey(t, fk))));
        return steps;
    }
}
