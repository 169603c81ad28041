using System.Data.Common;
using Strata.Migrate.Introspection;
using Strata.Migrate.Pulling;

namespace Strata.MySql.Migrations;

/// <summary>
/// What MySQL tables have that a schema cannot declare: check constraints (not MariaDB's own
/// json_valid check on each JSON column, which Prisma leaves out too) and comments on tables or columns.
/// </summary>
public sealed class MySqlPullNotes : IPullNotes
{
    private const string CommentsSql = """
        SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_COMMENT <> ''
        UNION
        SELECT TABLE_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND COLUMN_COMMENT <> ''
        """;

    private const string ChecksSql = """
        SELECT DISTINCT TABLE_NAME FROM information_schema.TABLE_CONSTRAINTS
        WHERE CONSTRAINT_SCHEMA = DATABASE() AND CONSTRAINT_TYPE = 'CHECK'
          AND CONSTRAINT_NAME NOT IN (SELECT c.CONSTRAINT_NAME FROM information_schema.CHECK_CONSTRAINTS c
                                      WHERE c.CONSTRAINT_SCHEMA = DATABASE() AND c.CHECK_CLAUSE LIKE 'json_valid(%')
        """;

    /// <inheritdoc />
    /// <remarks><paramref name="schemas"/> is ignored: a MySQL connection's schema is its database.</remarks>
    public async Task<IReadOnlyDictionary<(string? Schema, string Table), IReadOnlyList<PullNote>>> ReadAsync(DbConnection connection, IReadOnlyList<string> schemas, CancellationToken cancellationToken = default)
    {
        var notes = new Dictionary<(string? Schema, string Table), List<PullNote>>();
        foreach (var (sql, note) in new[] { (ChecksSql, PullNote.CheckConstraints), (CommentsSql, PullNote.DatabaseComments) })
        {
            foreach (var table in await DbQuery.ListAsync(connection, sql, r => r.GetString(0), cancellationToken))
            {
                if (!notes.TryGetValue((null, table), out var list)) notes[(null, table)] = list = [];
                list.Add(note);
            }
        }
        return notes.ToDictionary(p => p.Key, p => (IReadOnlyList<PullNote>)p.Value);
    }
}
