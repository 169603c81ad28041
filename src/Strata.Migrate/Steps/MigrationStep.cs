using Strata.Migrate.Model;

namespace Strata.Migrate.Steps;

/// <summary>One change to a database schema. A provider renders each as SQL.</summary>
public abstract record MigrationStep;

/// <summary>
/// The steps of a change together with the tables of the schema it leads to, in schema order:
/// a provider that groups steps per table (SQLite's rebuilds) writes the groups in that order.
/// </summary>
public sealed class MigrationStepList(IList<MigrationStep> steps, IReadOnlyList<Table> tables) : System.Collections.ObjectModel.ReadOnlyCollection<MigrationStep>(steps)
{
    /// <summary>The target schema's tables in order.</summary>
    public IReadOnlyList<Table> Tables { get; } = tables;
}

/// <summary>Create a database schema (a namespace, on PostgreSQL) if it does not exist.</summary>
public sealed record CreateSchema(string Name) : MigrationStep;

/// <summary>Create an enum type.</summary>
public sealed record CreateEnum(DatabaseEnum Enum) : MigrationStep;

/// <summary>Create a table with its columns and primary key (and, where the provider needs it, its foreign keys).</summary>
public sealed record CreateTable(Table Table) : MigrationStep;

/// <summary>Create an index.</summary>
public sealed record CreateIndex(Table Table, Model.Index Index) : MigrationStep;

/// <summary>Add a foreign key to an existing table.</summary>
public sealed record AddForeignKey(Table Table, ForeignKey ForeignKey) : MigrationStep;
