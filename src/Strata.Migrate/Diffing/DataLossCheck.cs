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
/// Looks at the steps of a change against the live database and lists those that would lose
/// data or fail: dropping a table or column that holds data, changing a column's type, making a
/// column required where rows hold NULL, adding a required column without a default to a table
/// with rows. Steps on empty tables are harmless and not listed.
/// </summary>
public static class DataLossCheck
{
    /// <summary>The warnings for <paramref name="steps"/>, with row counts from <paramref name="connection"/>.</summary>
    public static async Task<IReadOnlyList<DataLossWarning>> FindAsync(DbConnection connection, IReadOnlyList<MigrationStep> steps, CancellationToken cancellationToken = default)
    {
        var warnings = new List<DataLossWarning>();
        foreach (var step in steps)
        {
            switch (step)
            {
                case DropTable drop:
                    await Add(warnings, connection, drop.Table, null, $"The table `{drop.Table.Name}` will be dropped", cancellationToken);
                    break;
                case DropColumn drop:
                    await Add(warnings, connection, drop.Table, $"\"{drop.Column.Name}\" IS NOT NULL", $"The column `{drop.Column.Name}` of `{drop.Table.Name}` will be dropped", cancellationToken);
                    break;
                case AddColumn add when !add.Column.Nullable && add.Column.Default == null && !add.Column.AutoIncrement:
                    await Add(warnings, connection, add.Table, null, $"The required column `{add.Column.Name}` is added to `{add.Table.Name}` without a default, which cannot be done while it has rows", cancellationToken);
                    break;
                case AlterColumn alter when alter.From.Nullable && !alter.To.Nullable:
                    await Add(warnings, connection, alter.Table, $"\"{alter.To.Name}\" IS NULL", $"The column `{alter.To.Name}` of `{alter.Table.Name}` becomes required, but rows hold NULL there", cancellationToken);
                    break;
                case AlterColumn alter when !string.Equals(alter.From.Type, alter.To.Type, StringComparison.OrdinalIgnoreCase) && !alter.From.AutoIncrement && !alter.To.AutoIncrement:
                    await Add(warnings, connection, alter.Table, $"\"{alter.To.Name}\" IS NOT NULL", $"The column `{alter.To.Name}` of `{alter.Table.Name}` changes type from {alter.From.Type} to {alter.To.Type}; values that do not convert are lost or make the change fail", cancellationToken);
                    break;
            }
        }
        return warnings;
    }

    private static async Task Add(List<DataLossWarning> warnings, DbConnection connection, Table table, string? where, string message, CancellationToken cancellationToken)
    {
        var name = (table.Schema == null ? "" : $"\"{table.Schema}\".") + $"\"{table.Name}\"";
        long rows;
        try
        {
            var counts = await DbQuery.ListAsync(connection, $"SELECT count(*) FROM {name}{(where == null ? "" : " WHERE " + where)}", r => Convert.ToInt64(r.GetValue(0)), cancellationToken);
            rows = counts[0];
        }
        catch (DbException)
        {
            return; // the table or column is not there yet: nothing to lose
        }
        if (rows > 0) warnings.Add(new DataLossWarning($"{message} ({rows} row{(rows == 1 ? "" : "s")}).", rows));
    }
}
