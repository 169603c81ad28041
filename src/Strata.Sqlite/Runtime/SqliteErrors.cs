using System.Data.Common;
using Microsoft.Data.Sqlite;
using Strata.Metadata;

namespace Strata.Sqlite.Runtime;

/// <summary>Turns SQLite's constraint errors into Strata's typed exceptions.</summary>
internal static class SqliteErrors
{
    private const int Busy = 5, Locked = 6, ReadOnly = 8, CantOpen = 14, Constraint = 19, TooBig = 18;
    private const int Unique = 2067, PrimaryKey = 1555, ForeignKey = 787, NotNull = 1299;

    public static StrataException? Translate(DbException error, ModelInfo? model)
    {
        if (error is not SqliteException sqlite) return null;
        var name = model?.Name ?? "the model";
        switch (sqlite.SqliteErrorCode)
        {
            case Busy or Locked:
                return new WriteConflictException($"The database was busy with another write: {sqlite.Message}", error) { Model = model?.Name };
            case ReadOnly:
                return new StrataException(ErrorCodes.DatabaseError, $"The SQLite database is read-only (its URL says mode=ro, or the file cannot be written): {sqlite.Message}", error) { Model = model?.Name };
            case CantOpen:
                return new StrataException(ErrorCodes.DatabaseDoesNotExist, $"The SQLite database file cannot be opened: {sqlite.Message}", error) { Model = model?.Name };
            case TooBig:
                return new ValueOutOfRangeException(ErrorCodes.ValueTooLong, $"A value is too long for SQLite: {sqlite.Message}", error) { Model = model?.Name };
            case Constraint:
                break;
            default:
                return sqlite.Message.Contains("integer overflow", StringComparison.Ordinal)
                    ? new ValueOutOfRangeException(ErrorCodes.ValueOutOfRange, $"A value is out of range for its field in {name}.", error) { Model = model?.Name }
                    : null;
        }
        // Messages read "UNIQUE constraint failed: User.email, User.name".
        var columns = ColumnsOf(sqlite.Message);
        // The extended code names the constraint; the message says the same where a statement step reports only the basic code.
        var message = sqlite.Message;
        int code = sqlite.SqliteExtendedErrorCode;
        if (code is Unique or PrimaryKey || message.Contains("UNIQUE constraint failed", StringComparison.Ordinal))
            return new UniqueConstraintException(name, FieldNames(model, columns), null, error) { Model = model?.Name };
        if (code == ForeignKey || message.Contains("FOREIGN KEY constraint failed", StringComparison.Ordinal))
            return new ForeignKeyConstraintException(name, [], null, error) { Model = model?.Name };
        if (code == NotNull || message.Contains("NOT NULL constraint failed", StringComparison.Ordinal))
            return new NullConstraintException(name, FieldNames(model, columns).FirstOrDefault() ?? "?", error) { Model = model?.Name };
        return null;
    }

    private static List<string> ColumnsOf(string message)
    {
        int at = message.IndexOf("failed: ", StringComparison.Ordinal);
        if (at < 0) return [];
        var list = message[(at + 8)..].TrimEnd('.', '\'', ' ');
        return list.Split(", ").Select(c => c.Contains('.') ? c[(c.LastIndexOf('.') + 1)..] : c).ToList();
    }

    private static List<string> FieldNames(ModelInfo? model, List<string> columns) =>
        columns.Select(c => model?.Columns.FirstOrDefault(col => col.ColumnName == c)?.FieldName ?? c).ToList();
}
