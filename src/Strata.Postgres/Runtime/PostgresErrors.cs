using System.Data.Common;
using Npgsql;
using Strata.Metadata;

namespace Strata.Postgres.Runtime;

/// <summary>Turns PostgreSQL's errors (by SQLSTATE) into Strata's typed exceptions.</summary>
internal static class PostgresErrors
{
    public static StrataException? Translate(DbException error, ModelInfo? model)
    {
        if (error is not PostgresException pg) return null;
        var name = model?.Name ?? pg.TableName ?? "the model";
        return pg.SqlState switch
        {
            "23505" => new UniqueConstraintException(name, UniqueFields(model, pg), pg.ConstraintName, error) { Model = model?.Name },
            "23503" => new ForeignKeyConstraintException(name, ForeignKeyFields(model, pg), pg.ConstraintName, error) { Model = model?.Name },
            "23502" => new NullConstraintException(name, model?.Columns.FirstOrDefault(c => c.ColumnName == pg.ColumnName)?.FieldName ?? pg.ColumnName ?? "?", error) { Model = model?.Name },
            "22003" or "22012" => new ValueOutOfRangeException(ErrorCodes.ValueOutOfRange, $"A value is out of range for its column in {name}: {pg.MessageText}.", error) { Model = model?.Name },
            "22001" => new ValueOutOfRangeException(ErrorCodes.ValueTooLong, $"A value is too long for its column in {name}: {pg.MessageText}.", error) { Model = model?.Name },
            "40001" => new WriteConflictException($"The transaction conflicted with a concurrent one (a serialization failure); retry it. ({pg.MessageText})", error) { Model = model?.Name },
            "25P02" => new TransactionException(TransactionFailure.Aborted,
                "The transaction is aborted: a statement in it failed earlier, and PostgreSQL runs none after that until the rollback. Run a statement that may fail in a nested TransactionAsync (a savepoint), which rolls back alone and lets the transaction go on.", error) { Model = model?.Name },
            // to_tsquery's refusal of its text (raised in its parser's source files): the query is malformed,
            // as SQLite's matcher says before it runs.
            _ when pg.File is "tsquery.c" or "tsvector_parser.c" => new StrataException(ErrorCodes.InvalidQuery,
                $"The full-text query is not in to_tsquery's syntax ({pg.MessageText}): join words with & | ! <->, or read a search box's text with SearchSyntax.Web.", error) { Model = model?.Name },
            "40P01" => new WriteConflictException($"The transaction deadlocked with a concurrent one; retry it. ({pg.MessageText})", error) { Model = model?.Name },
            _ => null,
        };
    }

    /// <summary>Failures to reach or keep the server, by SQLSTATE or by what Npgsql wraps (a socket error, a timeout, a broken stream).</summary>
    public static StrataException? TranslateConnection(Exception error)
    {
        if (error is PostgresException pg)
        {
            return pg.SqlState switch
            {
                "28P01" or "28000" => new StrataException(ErrorCodes.AuthenticationFailed, $"The PostgreSQL server refused the credentials: {pg.MessageText}", error),
                "3D000" => new StrataException(ErrorCodes.DatabaseDoesNotExist, $"The database does not exist on the PostgreSQL server: {pg.MessageText}", error),
                "57P01" or "57P02" => new StrataException(ErrorCodes.ConnectionClosed, $"The PostgreSQL server closed the connection: {pg.MessageText}", error),
                "57P03" or "53300" => new StrataException(ErrorCodes.DatabaseUnreachable, $"The PostgreSQL server is not accepting connections: {pg.MessageText}", error),
                "57014" => new StrataException(ErrorCodes.Timeout, $"The statement ran past its time limit: {pg.MessageText}", error),
                _ => null,
            };
        }
        if (error is not NpgsqlException npgsql) return null;
        for (var inner = npgsql.InnerException; inner != null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case TimeoutException:
                    return new StrataException(ErrorCodes.Timeout, $"PostgreSQL did not answer in time: {npgsql.Message}", error);
                case System.Net.Sockets.SocketException socket:
                    return new StrataException(ErrorCodes.DatabaseUnreachable, $"The PostgreSQL server cannot be reached: {socket.Message}", error);
                case IOException or EndOfStreamException:
                    return new StrataException(ErrorCodes.ConnectionClosed, $"The connection to PostgreSQL was lost: {npgsql.Message}", error);
            }
        }
        return npgsql.IsTransient ? new StrataException(ErrorCodes.ConnectionClosed, $"The connection to PostgreSQL failed: {npgsql.Message}", error) : null;
    }

    private static List<string> UniqueFields(ModelInfo? model, PostgresException pg)
    {
        var unique = model?.Uniques.FirstOrDefault(u => u.Name == pg.ConstraintName);
        if (unique != null) return unique.Columns.Select(c => model!.Columns[c].FieldName).ToList();
        return ColumnsFromDetail(model, pg.Detail);
    }

    private static List<string> ForeignKeyFields(ModelInfo? model, PostgresException pg)
    {
        var relation = model?.Relations.FirstOrDefault(r => r.ForeignKeyName == pg.ConstraintName && r.HoldsForeignKey);
        if (relation != null) return relation.LocalColumns.Select(c => model!.Columns[c].FieldName).ToList();
        return ColumnsFromDetail(model, pg.Detail);
    }

    private static List<string> ColumnsFromDetail(ModelInfo? model, string? detail)
    {
        // "Key (email)=(a@b.c) already exists." when the server sends details.
        if (detail == null) return [];
        int open = detail.IndexOf("Key (", StringComparison.Ordinal);
        int close = open < 0 ? -1 : detail.IndexOf(")=", open, StringComparison.Ordinal);
        if (close < 0) return [];
        return detail[(open + 5)..close].Split(", ")
            .Select(c => c.Trim('"'))
            .Select(c => model?.Columns.FirstOrDefault(col => col.ColumnName == c)?.FieldName ?? c).ToList();
    }
}
