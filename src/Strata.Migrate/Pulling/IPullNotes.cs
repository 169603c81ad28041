using System.Data.Common;

namespace Strata.Migrate.Pulling;

/// <summary>What a table has that a schema cannot declare, which Prisma's introspection points out above the model (in this order).</summary>
public enum PullNote
{
    /// <summary>A partitioned table with partitions.</summary>
    Partitioned,

    /// <summary>CHECK constraints.</summary>
    CheckConstraints,

    /// <summary>Exclusion constraints.</summary>
    ExclusionConstraints,

    /// <summary>A comment on the table or one of its columns.</summary>
    DatabaseComments,

    /// <summary>A DEFERRABLE constraint.</summary>
    Deferrable,

    /// <summary>Row level security.</summary>
    RowLevelSecurity,

    /// <summary>An index over an expression.</summary>
    ExpressionIndex,
}

/// <summary>Reads the <see cref="PullNote"/>s of a database's tables, for the comments <c>db pull</c> writes above models.</summary>
public interface IPullNotes
{
    /// <summary>The notes of each table that has any, by database schema (null for the default one) and table name.</summary>
    Task<IReadOnlyDictionary<(string? Schema, string Table), IReadOnlyList<PullNote>>> ReadAsync(DbConnection connection, IReadOnlyList<string> schemas, CancellationToken cancellationToken = default);
}

/// <summary>The comment Prisma writes above a model for each note.</summary>
public static class PullNoteText
{
    /// <summary>The comment line, <c>/// ...</c>, for <paramref name="note"/>.</summary>
    public static string Of(PullNote note) => note switch
    {
        PullNote.CheckConstraints => "/// This table contains check constraints and requires additional setup for migrations. Visit https://pris.ly/d/check-constraints for more info.",
        PullNote.ExclusionConstraints => "/// This table contains exclusion constraints and requires additional setup for migrations. Visit https://pris.ly/d/exclusion-constraints for more info.",
        PullNote.Partitioned => "/// This table is a partition table and requires additional setup for migrations. Visit https://pris.ly/d/partition-tables for more info.",
        PullNote.DatabaseComments => "/// This model or at least one of its fields has comments in the database, and requires an additional setup for migrations: Read more: https://pris.ly/d/database-comments",
        PullNote.Deferrable => "/// This model has constraints using non-default deferring rules and requires additional setup for migrations. Visit https://pris.ly/d/constraint-deferring for more info.",
        PullNote.RowLevelSecurity => "/// This model contains row level security and requires additional setup for migrations. Visit https://pris.ly/d/row-level-security for more info.",
        _ => "/// This model contains an expression index which requires additional setup for migrations. Visit https://pris.ly/d/expression-indexes for more info.",
    };
}
