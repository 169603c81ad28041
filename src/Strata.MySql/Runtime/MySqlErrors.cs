using System.Data.Common;
using MySqlConnector;
using Strata.Metadata;

namespace Strata.MySql.Runtime;

/// <summary>Turns MySQL's and MariaDB's errors (by error number) into Strata's typed exceptions.</summary>
internal static class MySqlErrors
{
    public static StrataException? Translate(DbException error, ModelInfo? model)
    {
        if (error is not MySqlException my) return null;
        var name = model?.Name ?? "the model";
        return my.Number switch
        {
            // "Duplicate entry 'a@b.c' for key 'User_email_key'" (MySQL 8 writes 'User.User_email_key').
            1062 => Unique(model, name, my),
            // 1451: a referenced row is deleted or its key changed; 1452: a row refers to none.
            1451 or 1452 => ForeignKey(model, name, my),
            // 1048: NULL written to a NOT NULL column; 1364: a NOT NULL column without a default was left out.
            1048 or 1364 => new NullConstraintException(name, FieldOf(model, Quoted(my.Message, "'")) ?? "?", error) { Model = model?.Name },
            1406 => new ValueOutOfRangeException(ErrorCodes.ValueTooLong, $"A value is too long for its column in {name}: {my.Message}.", error) { Model = model?.Name },
            1264 or 1690 or 1365 => new ValueOutOfRangeException(ErrorCodes.ValueOutOfRange, $"A value is out of range for its column in {name}: {my.Message}.", error) { Model = model?.Name },
            // MariaDB's JSON column checks each document with JSON_VALID, which refuses nesting deeper than 32 levels.
            4025 => new ValueOutOfRangeException(ErrorCodes.ValueOutOfRange, $"A value of {name}.{FieldOf(model, CheckedColumn(my.Message)) ?? "?"} is not one the column's check accepts (MariaDB's JSON_VALID refuses documents nested deeper than 32 levels): {my.Message}. Nothing was written.", error) { Model = model?.Name },
            1213 => new WriteConflictException($"The transaction deadlocked with a concurrent one; retry it. ({my.Message})", error) { Model = model?.Name },
            1205 => new WriteConflictException($"The transaction waited too long for a lock a concurrent one holds; retry it. ({my.Message})", error) { Model = model?.Name },
            _ => null,
        };
    }

    /// <summary>Failures to reach or keep the server: refused credentials, a missing database, no server, a lost connection, a timeout.</summary>
    public static StrataException? TranslateConnection(Exception error)
    {
        if (error is not MySqlException my) return null;
        return my.ErrorCode switch
        {
            MySqlErrorCode.AccessDenied or MySqlErrorCode.DatabaseAccessDenied => new StrataException(ErrorCodes.AuthenticationFailed, $"The MySQL server refused the credentials: {my.Message}", error),
            MySqlErrorCode.UnknownDatabase => new StrataException(ErrorCodes.DatabaseDoesNotExist, $"The database does not exist on the MySQL server: {my.Message}", error),
            MySqlErrorCode.UnableToConnectToHost => new StrataException(ErrorCodes.DatabaseUnreachable, $"The MySQL server cannot be reached: {my.Message}", error),
            MySqlErrorCode.CommandTimeoutExpired => new StrataException(ErrorCodes.Timeout, $"The statement ran past its time limit: {my.Message}", error),
            MySqlErrorCode.ConnectionCountError or MySqlErrorCode.TooManyUserConnections => new StrataException(ErrorCodes.DatabaseUnreachable, $"The MySQL server is not accepting connections: {my.Message}", error),
            MySqlErrorCode.ServerShutdown or MySqlErrorCode.QueryInterrupted or MySqlErrorCode.UnknownError when my.InnerException is IOException or System.Net.Sockets.SocketException
                => new StrataException(ErrorCodes.ConnectionClosed, $"The connection to MySQL was lost: {my.Message}", error),
            _ when my.InnerException is TimeoutException => new StrataException(ErrorCodes.Timeout, $"MySQL did not answer in time: {my.Message}", error),
            _ when my.InnerException is System.Net.Sockets.SocketException socket => new StrataException(ErrorCodes.DatabaseUnreachable, $"The MySQL server cannot be reached: {socket.Message}", error),
            _ when my.InnerException is IOException or EndOfStreamException => new StrataException(ErrorCodes.ConnectionClosed, $"The connection to MySQL was lost: {my.Message}", error),
            _ => null,
        };
    }

    private static UniqueConstraintException Unique(ModelInfo? model, string name, MySqlException my)
    {
        int at = my.Message.LastIndexOf(" for key '", StringComparison.Ordinal);
        var key = at < 0 ? null : my.Message[(at + 10)..].TrimEnd('\'');
        if (key != null && model != null && key.StartsWith(model.TableName + ".", StringComparison.Ordinal)) key = key[(model.TableName.Length + 1)..];
        var unique = key == "PRIMARY" ? model?.PrimaryKey : model?.Uniques.FirstOrDefault(u => u.Name == key);
        var fields = unique?.Columns.Select(c => model!.Columns[c].FieldName).ToList() ?? [];
        return new UniqueConstraintException(name, fields, key, my) { Model = model?.Name };
    }

    private static ForeignKeyConstraintException ForeignKey(ModelInfo? model, string name, MySqlException my)
    {
        // "... a foreign key constraint fails (`db`.`Post`, CONSTRAINT `Post_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES ..."
        var constraint = Quoted(After(my.Message, "CONSTRAINT "), "`");
        var columns = Quoted(After(my.Message, "FOREIGN KEY ("), "`");
        var relation = model?.Relations.FirstOrDefault(r => r.ForeignKeyName == constraint && r.HoldsForeignKey);
        var fields = relation != null
            ? relation.LocalColumns.Select(c => model!.Columns[c].FieldName).ToList()
            : columns != null ? [FieldOf(model, columns) ?? columns] : [];
        return new ForeignKeyConstraintException(name, fields, constraint, my) { Model = model?.Name };
    }

    /// <summary>The column of a failed check "CONSTRAINT `table.column` failed for ...", as MariaDB names a column's own check.</summary>
    private static string? CheckedColumn(string message)
    {
        var constraint = Quoted(After(message, "CONSTRAINT "), "`");
        int dot = constraint?.LastIndexOf('.') ?? -1;
        return dot < 0 ? constraint : constraint![(dot + 1)..];
    }

    private static string? FieldOf(ModelInfo? model, string? column) =>
        column == null ? null : model?.Columns.FirstOrDefault(c => c.ColumnName == column)?.FieldName ?? column;

    private static string? After(string text, string marker)
    {
        int at = text.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? null : text[(at + marker.Length)..];
    }

    /// <summary>The first name in <paramref name="quote"/>s in <paramref name="text"/>.</summary>
    private static string? Quoted(string? text, string quote)
    {
        if (text == null) return null;
        int open = text.IndexOf(quote, StringComparison.Ordinal);
        int close = open < 0 ? -1 : text.IndexOf(quote, open + 1, StringComparison.Ordinal);
        return close < 0 ? null : text[(open + 1)..close];
    }
}
