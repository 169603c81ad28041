using System.Data.Common;
using Strata.Migrate.Introspection;
using Strata.Migrate.Model;
using Strata.Migrate.Steps;

namespace Strata.Migrate.Diffing;

/// <summary>A change that would lose data, or cannot run, with the rows it touches.</summary>
/// <param name="Message">What happens, in words.</param>
/// <param name="Rows">How many rows are affected.</param>
public sealed record DataLossWarning(string Message, long Rows);

/// <summary>
/// The data-loss check could not count the rows a change touches (a permission, say), so it
/// cannot tell whether the change loses data: the change must not go ahead.
/// </summary>
public sealed class DataLossCheckFailedException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Looks at the steps of a change against the live database and lists those that would lose
/// data or fail: dropping a table or column that holds data, changing a column's type, making a
/// column required where rows hold NULL, adding a required column without a default to a table
/// with rows. Steps on empty tables are harmless and not listed, and so are steps on tables or
/// columns that the live database does not have yet. Names reach the SQL only through the
/// dialect's quoting.
/// </summary>
public static class DataLossCheck
{
    /// <summary>The rows a step touches: all rows of <paramref name="Table"/>, or those where <paramref name="Column"/> meets <paramref name="Condition"/>.</summary>
    private sealed record RowCount(Table Table, string? Column, string? Condition, string Message);

    /// <summary>
    /// The warnings for <paramref name="steps"/>, with row counts from <paramref name="connection"/>,
    /// whose schema is <paramref name="live"/>. Throws <see cref="DataLossCheckFailedException"/>
    /// when a count fails.
    /// </summary>
    public static async Task<IReadOnlyList<DataLossWarning>> FindAsync(DbConnection connection, IMigrationDialect dialect, DatabaseSchema live,
        IReadOnlyList<MigrationStep> steps, CancellationToken cancellationToken = default)
    {
        var warnings = new List<DataLossWarning>();
        foreach (var step in steps)
        {
            if (RowsTouched(step) is not { } count) continue;
            var existing = live.FindTable(count.Table.Name, count.Table.Schema);
            // What the database does not have yet holds nothing that could be lost.
            if (existing == null || (count.Column != null && existing.Columns.All(c => c.Name != count.Column))) continue;
            long rows = await CountAsync(connection, dialect, count, cancellationToken);
            if (rows > 0) warnings.Add(new DataLossWarning($"{count.Message} ({rows} row{(rows == 1 ? "" : "s")}).", rows));
        }
        return warnings;
    }

    private static RowCount? RowsTouched(MigrationStep step) => step switch
    {
        DropTable drop => new(drop.Table, null, null, $"The table `{drop.Table.Name}` will be dropped"),
        DropColumn drop => new(drop.Table, drop.Column.Name, "IS NOT NULL", $"The column `{drop.Column.Name}` of `{drop.Table.Name}` will be dropped"),
        AddColumn add when !add.Column.Nullable && add.Column.Default == null && !add.Column.AutoIncrement =>
            new(add.Table, null, null, $"The required column `{add.Column.Name}` is added to `{add.Table.Name}` without a default, which cannot be done while it has rows"),
        AlterColumn alter when alter.From.Nullable && !alter.To.Nullable =>
            new(alter.Table, alter.To.Name, "IS NULL", $"The column `{alter.To.Name}` of `{alter.Table.Name}` becomes required, but rows hold NULL there"),
        AlterColumn alter when !string.Equals(alter.From.Type, alter.To.Type, StringComparison.OrdinalIgnoreCase) && !alter.From.AutoIncrement && !alter.To.AutoIncrement =>
            new(alter.Table, alter.To.Name, "IS NOT NULL",
                $"The column `{alter.To.Name}` of `{alter.Table.Name}` changes type from {alter.From.Type} to {alter.To.Type}; values that do not convert are lost or make the change fail"),
        _ => null,
    };

    private static async Task<long> CountAsync(DbConnection connection, IMigrationDialect dialect, RowCount count, CancellationToken cancellationToken)
    {
        var sql = $"SELECT count(*) FROM {dialect.QuoteName(count.Table.Name, count.Table.Schema)}"
            + (count.Column == null ? "" : $" WHERE {dialect.QuoteIdentifier(count.Column)} {count.Condition}");
        try
        {
            return (await DbQuery.ListAsync(connection, sql, r => Convert.ToInt64(r.GetValue(0)), cancellationToken))[0];
        }
        catch (DbException e)
        {
            var what = $"`{count.Table.Name}`" + (count.Column == null ? "" : $" (column `{count.Column}`)");
            var reason = e.Message.Split('\n', 2)[0].Trim();
            throw new DataLossCheckFailedException($"The data-loss check could not count the rows of {what}, so nothing was changed: {reason}", e);
        }
    }
}
