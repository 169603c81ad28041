using System.Data.Common;
using Strata.Migrate.Introspection;
using Strata.Migrate.Pulling;

namespace Strata.Postgres.Migrations;

/// <summary>The PostgreSQL features of a table that Prisma's introspection points out in a comment above the model.</summary>
public sealed class PostgresPullNotes : IPullNotes
{
    // The same tables the introspector reads: ordinary and partitioned ones, not the partitions.
    private const string NotesSql = """
        SELECT n.nspname, c.relname,
               c.relkind = 'p' AND c.relhassubclass,
               EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'c'),
               EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'x'),
               obj_description(c.oid, 'pg_class') IS NOT NULL
                   OR EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND col_description(c.oid, a.attnum) IS NOT NULL),
               EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid AND k.condeferrable),
               c.relrowsecurity,
               EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indexprs IS NOT NULL)
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY(@schemas) AND c.relname <> '_prisma_migrations'
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<(string? Schema, string Table), IReadOnlyList<PullNote>>> ReadAsync(DbConnection connection, IReadOnlyList<string> schemas, CancellationToken cancellationToken = default)
    {
        bool qualify = schemas.Count > 0;
        var rows = await DbQuery.ListAsync(connection, NotesSql, r =>
        {
            var notes = new List<PullNote>();
            // In the order Prisma writes them.
            PullNote[] order = [PullNote.Partitioned, PullNote.CheckConstraints, PullNote.ExclusionConstraints, PullNote.DatabaseComments, PullNote.Deferrable, PullNote.RowLevelSecurity, PullNote.ExpressionIndex];
            for (int i = 0; i < order.Length; i++)
            {
                if (r.GetBoolean(2 + i)) notes.Add(order[i]);
            }
            return (Key: (qualify ? r.GetString(0) : null, r.GetString(1)), Notes: notes);
        }, cancellationToken, ("schemas", qualify ? schemas.ToArray() : new[] { "public" }));
        return rows.Where(r => r.Notes.Count > 0).ToDictionary(r => ((string?)r.Key.Item1, r.Key.Item2), r => (IReadOnlyList<PullNote>)r.Notes);
    }
}
