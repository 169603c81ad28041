using System.Data.Common;

namespace Strata.Migrate.Introspection;

/// <summary>Runs catalog queries through plain ADO.NET, so that introspectors need no driver-specific API.</summary>
public static class DbQuery
{
    /// <summary>Runs <paramref name="sql"/> and maps each row.</summary>
    public static async Task<List<T>> ListAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> map,
        CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) rows.Add(map(reader));
        return rows;
    }

    /// <summary>Runs a statement that returns no rows.</summary>
    public static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            command.Parameters.Add(p);
        }
        return command;
    }

    /// <summary>The value of a column that may be NULL.</summary>
    public static string? NullableString(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
