using System.Text;
using Strata.Migrate.Locking;
using Strata.Migrate.Model;
using Strata.Migrate.Rendering;
using Strata.Migrate.Steps;
using Strata.Schema.Semantics;

namespace Strata.Sqlite.Migrations;

/// <summary>
/// Migration SQL for SQLite, as Prisma writes it: Prisma's type names (TEXT, INTEGER, BIGINT,
/// DATETIME...), single-column primary keys inline, foreign keys inside CREATE TABLE.
/// </summary>
public sealed class SqliteMigrationDialect : SqlMigrationDialect
{
    /// <inheritdoc />
    public override ProviderKind Provider => ProviderKind.Sqlite;

    /// <inheritdoc />
    public override bool HasNativeEnums => false;

    /// <inheritdoc />
    public override bool InlineForeignKeys => true;

    /// <inheritdoc />
    public override bool HasNamedPrimaryKeys => false;

    /// <inheritdoc />
    public override bool HasNamedForeignKeys => false;

    /// <inheritdoc />
    public override bool ManyToManyUsesPrimaryKey => false;

    /// <inheritdoc />
    public override string HistoryTableSql => """
        CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
            "id"                    TEXT PRIMARY KEY NOT NULL,
            "checksum"              TEXT NOT NULL,
            "finished_at"           DATETIME,
            "migration_name"        TEXT NOT NULL,
            "logs"                  TEXT,
            "rolled_back_at"        DATETIME,
            "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
            "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
        );
        """;

    /// <inheritdoc />
    public override IDeployLock DeployLock { get; } = new SqliteWriteLock();

    /// <inheritdoc />
    /// <remarks>Prisma's SQLite reads <c>"text"</c> that names no column as a string; hand-written migrations rely on it.</remarks>
    public override void PrepareScriptConnection(System.Data.Common.DbConnection connection) =>
        Runtime.DoubleQuotedStrings.Allow((Microsoft.Data.Sqlite.SqliteConnection)connection);

    /// <inheritdoc />
    public override string? BeforeMigrationSql => "PRAGMA foreign_keys=OFF;";

    /// <inheritdoc />
    public override string? AfterMigrationSql => "PRAGMA foreign_keys=ON;";

    /// <inheritdoc />
    public override string ColumnType(FieldDefinition field) => field.Kind switch
    {
        FieldKind.Unsupported => field.UnsupportedType!,
        FieldKind.Enum => "TEXT",
        FieldKind.Composite => "JSONB",
        _ => field.ScalarType switch
        {
            ScalarType.String => "TEXT",
            ScalarType.Boolean => "BOOLEAN",
            ScalarType.Int => "INTEGER",
            ScalarType.BigInt => "BIGINT",
            ScalarType.Float => "REAL",
            ScalarType.Decimal => "DECIMAL",
            ScalarType.DateTime => "DATETIME",
            ScalarType.Json => "JSONB",
            _ => "BLOB",
        },
    };

    /// <summary>
    /// SQLite alters little in place: new nullable columns are added with ALTER TABLE, one step
    /// per table; every other change to an existing table becomes a rebuild of that table, written
    /// out in the file, which also recreates its indexes. All rebuilds make one step, placed as
    /// Prisma places it: after the new tables, before the new indexes. Foreign keys of dropped
    /// tables go with them; their indexes are dropped first when some table is rebuilt.
    /// </summary>
    protected override IReadOnlyList<MigrationStep> GroupTableChanges(IReadOnlyList<MigrationStep> steps)
    {
        var dropped = steps.OfType<DropTable>().Select(d => d.Table.Name).ToHashSet();
        var created = steps.OfType<CreateTable>().Select(c => c.Table.Name).ToHashSet();
        var changes = new Dictionary<string, (Table Target, List<MigrationStep> Steps)>();
        var collected = new HashSet<MigrationStep>(ReferenceEqualityComparer.Instance);
        foreach (var step in steps)
        {
            Table? table = step switch
            {
                AddForeignKey f when !created.Contains(f.Table.Name) => f.Table,
                DropForeignKey f when !dropped.Contains(f.Table.Name) => f.Table,
                _ => ColumnChangeTable(step),
            };
            if (table == null) continue;
            if (!changes.TryGetValue(table.Name, out var entry)) changes[table.Name] = entry = (table, []);
            entry.Steps.Add(step);
            collected.Add(step);
        }
        var rebuilt = changes.Where(c => !c.Value.Steps.All(CanAddInPlace)).ToDictionary(c => c.Key, c => c.Value);
        var order = (steps as MigrationStepList)?.Tables;
        var rebuilds = rebuilt.Values
            .OrderBy(r => order == null ? 0 : TablePosition(order, r.Target.Name))
            .Select(r => Rebuild(r.Target, r.Steps))
            .ToList();

        var result = new List<MigrationStep>();
        var addedInPlace = new Dictionary<string, int>();
        bool rebuildsWritten = rebuilds.Count == 0;
        foreach (var step in steps)
        {
            if (!rebuildsWritten && step is CreateIndex or RenameForeignKey or AddForeignKey or RenameIndex)
            {
                result.Add(new RedefineTables(rebuilds));
                rebuildsWritten = true;
            }
            switch (step)
            {
                case DropForeignKey f when dropped.Contains(f.Table.Name):
                case DropIndex x when dropped.Contains(x.Table.Name) && rebuilds.Count == 0:
                case CreateIndex i when rebuilt.ContainsKey(i.Table.Name):
                case DropIndex d when rebuilt.ContainsKey(d.Table.Name):
                case RenameIndex r when rebuilt.ContainsKey(r.Table.Name):
                    continue;
                case AddColumn a when !rebuilt.ContainsKey(a.Table.Name):
                    // The columns a table gets in place are one step, as Prisma writes them.
                    if (addedInPlace.TryGetValue(a.Table.Name, out var at))
                    {
                        var group = (AlterTable)result[at];
                        result[at] = group with { Changes = [.. group.Changes, a] };
                    }
                    else
                    {
                        addedInPlace[a.Table.Name] = result.Count;
                        result.Add(new AlterTable(a.Table, [a]));
                    }
                    continue;
            }
            if (collected.Contains(step)) continue; // part of a table's rebuild
            result.Add(step);
        }
        if (!rebuildsWritten) result.Add(new RedefineTables(rebuilds));
        return result;
    }

    /// <summary>
    /// Prisma adds a column in place only when it is nullable: a required one, even with a default,
    /// rebuilds the table (which copies every row, so nothing is lost either way).
    /// </summary>
    private static bool CanAddInPlace(MigrationStep step) =>
        step is AddColumn add && add.Column.Nullable
        && !add.Table.ForeignKeys.Any(fk => fk.Columns.Contains(add.Column.Name))
        && add.Table.PrimaryKey?.Columns.Contains(add.Column.Name) != true;

    private static int TablePosition(IReadOnlyList<Table> tables, string name)
    {
        for (int i = 0; i < tables.Count; i++)
            if (tables[i].Name == name) return i;
        return tables.Count;
    }

    /// <summary>The rebuild of a table: every column it keeps is copied; one that became required with a default fills its NULLs from it.</summary>
    private static RedefineTable Rebuild(Table target, List<MigrationStep> steps)
    {
        var added = steps.OfType<AddColumn>().Select(a => a.Column.Name).ToHashSet();
        var filled = steps.OfType<AlterColumn>().Where(c => c.From.Nullable && !c.To.Nullable && c.To.Default != null).Select(c => c.To.Name).ToHashSet();
        return new RedefineTable(target, target.Columns.Select(c => c.Name).Where(n => !added.Contains(n)).ToList(), filled);
    }

    /// <inheritdoc />
    /// <remarks>A renamed index is dropped and created again, which Prisma calls redefining it.</remarks>
    protected override string StepTitle(MigrationStep step) => step switch
    {
        RedefineTables => "RedefineTables",
        RenameIndex => "RedefineIndex",
        _ => base.StepTitle(step),
    };

    /// <inheritdoc />
    protected override string RenderStep(MigrationStep step) => step switch
    {
        RedefineTables r => RenderRedefineTables(r),
        // Other tables' foreign keys may point at the dropped one; SQLite checks them only with foreign_keys on.
        DropTable d => $"PRAGMA foreign_keys=off;\nDROP TABLE {Ident(d.Table.Name)};\nPRAGMA foreign_keys=on;",
        _ => base.RenderStep(step),
    };

    /// <summary>Each table created anew, filled from the old one, which it then replaces; foreign keys off meanwhile.</summary>
    private string RenderRedefineTables(RedefineTables step)
    {
        var lines = new List<string> { "PRAGMA defer_foreign_keys=ON;", "PRAGMA foreign_keys=OFF;" };
        foreach (var table in step.Tables)
        {
            var target = table.Target;
            var temporary = target with { Name = "new_" + target.Name };
            // Prisma copies the columns in the ordinal order of their names, not in table order.
            var copied = table.CopiedColumns.Order(StringComparer.Ordinal).ToList();
            lines.Add(RenderCreateTable(temporary));
            if (copied.Count > 0)
            {
                var sources = copied.Select(c => table.FilledColumns.Contains(c)
                    ? $"coalesce({Ident(c)}, {target.Columns.First(x => x.Name == c).Default}) AS {Ident(c)}"
                    : Ident(c));
                lines.Add($"INSERT INTO {Ident(temporary.Name)} ({string.Join(", ", copied.Select(Ident))}) SELECT {string.Join(", ", sources)} FROM {Ident(target.Name)};");
            }
            lines.Add($"DROP TABLE {Ident(target.Name)};");
            lines.Add($"ALTER TABLE {Ident(temporary.Name)} RENAME TO {Ident(target.Name)};");
            lines.AddRange(target.Indexes.Select(i => RenderCreateIndex(target, i)));
        }
        lines.Add("PRAGMA foreign_keys=ON;");
        lines.Add("PRAGMA defer_foreign_keys=OFF;");
        return string.Join("\n", lines);
    }

    /// <inheritdoc />
    /// <remarks>SQLite has no ALTER INDEX: Prisma drops the index and creates it under its new name.</remarks>
    protected override string RenderRenameIndex(RenameIndex rename) =>
        $"DROP INDEX {Ident(rename.From.Name)};\n{RenderCreateIndex(rename.Table, rename.To)}";

    /// <inheritdoc />
    public override bool DropsIndexesOfDroppedTables => true;

    /// <inheritdoc />
    /// <remarks>Prisma's SQLite differ does not see AUTOINCREMENT as a change of the column.</remarks>
    public override bool ComparesAutoIncrement => false;

    /// <inheritdoc />
    protected override string RenderAlterTable(AlterTable alter) =>
        string.Join("\n", alter.Changes.OfType<AddColumn>().Select(a =>
            $"ALTER TABLE {Ident(alter.Table.Name)} ADD COLUMN {Ident(a.Column.Name)} {a.Column.Type}{(a.Column.Nullable ? "" : " NOT NULL")}{(a.Column.Default == null ? "" : " DEFAULT " + a.Column.Default)};"));

    /// <inheritdoc />
    protected override string RenderDropForeignKey(Table table, ForeignKey foreignKey) =>
        throw new NotSupportedException("SQLite drops a foreign key by rebuilding its table; the plan does that.");

    /// <summary>
    /// Prisma's engine makes a table's single Int key AUTOINCREMENT on SQLite whether or not it has
    /// `@default(autoincrement())` (such a column is the rowid either way). Databases made before,
    /// without it, show no change: the differ does not compare AUTOINCREMENT.
    /// </summary>
    public override bool IsAutoIncrement(FieldDefinition field) =>
        base.IsAutoIncrement(field)
        || (field.ScalarType == ScalarType.Int && !field.IsList
            && field.Container is ModelDefinition { PrimaryKey.Fields: [var only] } && ReferenceEquals(only.Field, field));

    /// <inheritdoc />
    protected override string BytesLiteral(byte[] bytes) => "X'" + Convert.ToHexString(bytes) + "'";

    /// <inheritdoc />
    protected override string RenderCreateTable(Table table)
    {
        var lines = new List<string>();
        bool inlineKey = table.PrimaryKey is { Columns.Count: 1 };
        foreach (var column in table.Columns)
        {
            var line = new StringBuilder("    ").Append(Ident(column.Name)).Append(' ').Append(column.Type);
            if (!column.Nullable) line.Append(" NOT NULL");
            if (inlineKey && table.PrimaryKey!.Columns[0] == column.Name)
            {
                line.Append(" PRIMARY KEY");
                if (column.AutoIncrement) line.Append(" AUTOINCREMENT");
            }
            if (column.Default != null) line.Append(" DEFAULT ").Append(column.Default);
            lines.Add(line.ToString());
        }
        // Prisma sets a compound key apart from the columns by a blank line.
        if (table.PrimaryKey is { Columns.Count: > 1 } key)
            lines.Add($"\n    PRIMARY KEY ({string.Join(", ", key.Columns.Select(Ident))})");
        foreach (var fk in table.ForeignKeys)
            lines.Add($"    CONSTRAINT {Ident(fk.Name)} {ForeignKeyClause(fk, spaceBeforeReferencedColumns: true)}");
        return $"CREATE TABLE {Ident(table.Name)} (\n{string.Join(",\n", lines)}\n);";
    }
}
