using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using Strata.Benchmarks.Model;

namespace Strata.Benchmarks.Libraries.Dapper;

/// <summary>
/// Dapper's documented way to store a type its own way: a type handler. DateTime is stored as the
/// schema stores it (<see cref="StoredTime"/>): integer milliseconds on SQLite, timestamp on PostgreSQL.
/// Handlers are global in Dapper, so one handler serves both providers by the parameter's type.
/// </summary>
public sealed class StoredTimeHandler : SqlMapper.TypeHandler<DateTime>
{
    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) != 0) return;
        // Dapper maps DateTime parameters itself unless its built-in mapping is removed first; reads use the handler either way.
        SqlMapper.RemoveTypeMap(typeof(DateTime));
        SqlMapper.RemoveTypeMap(typeof(DateTime?));
        SqlMapper.AddTypeHandler(new StoredTimeHandler());
    }

    public override DateTime Parse(object value) => value switch
    {
        long milliseconds => StoredTime.FromSqlite(milliseconds),
        DateTime stored => StoredTime.FromPostgres(stored),
        _ => throw new InvalidCastException($"A stored DateTime cannot be a {value.GetType().Name}."),
    };

    public override void SetValue(IDbDataParameter parameter, DateTime value)
    {
        switch (parameter)
        {
            case SqliteParameter sqlite:
                sqlite.SqliteType = SqliteType.Integer;
                sqlite.Value = StoredTime.ToSqlite(value);
                break;
            case NpgsqlParameter npgsql:
                npgsql.NpgsqlDbType = NpgsqlDbType.Timestamp;
                npgsql.Value = StoredTime.ToPostgres(value);
                break;
            default:
                parameter.Value = value;
                break;
        }
    }
}
