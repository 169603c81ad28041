using Strata.Migrate.Model;
using Strata.Migrate.Steps;

namespace Strata.Migrate.Diffing;

/// <summary>
/// Computes the steps that turn one database schema into another, in an order where no step
/// depends on something created later or dropped earlier: drop foreign keys and indexes first,
/// then enums are created or changed, tables created, columns and keys changed, tables and enums
/// dropped, and finally indexes and foreign keys created.
/// </summary>
public static class SchemaDiffer
{
    /// <summary>The steps from <paramref name="from"/> to <paramref name="to"/>; empty when they are the same.</summary>
    public static IReadOnlyList<MigrationStep> Diff(DatabaseSchema from, DatabaseSchema to, IMigrationDialect dialect)
    {
        var steps = new List<MigrationStep>();
        var pairs = to.Tables.Select(t => (From: from.FindTable(t.Name, t.Schema), To: t)).ToList();
        var dropped = from.Tables.Where(t => to.FindTable(t.Name, t.Schema) == null).ToList();

        // 1. What goes away first, so that nothing still depends on it.
        foreach (var (old, current) in pairs.Where(p => p.From != null))
        {
            // The steps carry the table as it will be, so that a provider that rebuilds it knows its new shape.
            steps.AddRange(old!.ForeignKeys.Where(fk => !current.ForeignKeys.Any(n => SameForeignKey(fk, n, dialect))).Select(fk => new DropForeignKey(current, fk)));
            steps.AddRange(old.Indexes.Where(i => !current.Indexes.Any(n => SameIndex(i, n))).Select(i => new DropIndex(current, i)));
        }
        foreach (var table in dropped)
            steps.AddRange(table.ForeignKeys.Select(fk => new DropForeignKey(table, fk)));

        // 2. Namespaces and enums before the tables that use them.
        steps.AddRange(to.Namespaces.Where(n => !from.Namespaces.Contains(n)).Select(n => new CreateSchema(n)));
        foreach (var e in to.Enums)
        {
            var old = from.Enums.FirstOrDefault(x => x.Name == e.Name && x.Schema == e.Schema);
            if (old == null) steps.Add(new CreateEnum(e));
            else if (!old.Values.SequenceEqual(e.Values)) steps.Add(new AlterEnum(old, e, to.Tables));
        }

        // 3. Tables and columns.
        foreach (var (old, current) in pairs)
        {
            if (old == null)
            {
                steps.Add(new CreateTable(current));
                continue;
            }
            foreach (var column in current.Columns)
            {
                var before = old.Columns.FirstOrDefault(c => c.Name == column.Name);
                if (before == null) steps.Add(new AddColumn(current, column));
                else if (!SameColumn(before, column, dialect)) steps.Add(new AlterColumn(current, before, column));
            }
            steps.AddRange(old.Columns.Where(c => current.Columns.All(n => n.Name != c.Name)).Select(c => new DropColumn(current, c)));
            if (!SamePrimaryKey(old.PrimaryKey, current.PrimaryKey, dialect)) steps.Add(new AlterPrimaryKey(current, old.PrimaryKey, current.PrimaryKey));
        }
        steps.AddRange(dropped.Select(t => new DropTable(t)));
        steps.AddRange(from.Enums.Where(e => !to.Enums.Any(n => n.Name == e.Name && n.Schema == e.Schema)).Select(e => new DropEnum(e)));

        // 4. Indexes and foreign keys last: their tables and columns exist now.
        foreach (var (old, current) in pairs)
            steps.AddRange(current.Indexes.Where(i => old == null || !old.Indexes.Any(o => SameIndex(o, i))).Select(i => new CreateIndex(current, i)));
        foreach (var (old, current) in pairs)
        {
            // On SQLite foreign keys live inside CREATE TABLE; new tables already have theirs.
            if (old == null && dialect.InlineForeignKeys) continue;
            steps.AddRange(current.ForeignKeys.Where(fk => old == null || !old.ForeignKeys.Any(o => SameForeignKey(o, fk, dialect))).Select(fk => new AddForeignKey(current, fk)));
        }
        return steps;
    }

    private static bool SameColumn(Column a, Column b, IMigrationDialect dialect) =>
        a.Nullable == b.Nullable
        && a.AutoIncrement == b.AutoIncrement
        && dialect.SameType(a.Type, b.Type)
        && dialect.SameDefault(a.Default, b.Default);

    private static bool SamePrimaryKey(PrimaryKey? a, PrimaryKey? b, IMigrationDialect dialect)
    {
        if (a == null || b == null) return a == b;
        return a.Columns.SequenceEqual(b.Columns) && (!dialect.HasNamedPrimaryKeys || a.Name == b.Name);
    }

    private static bool SameIndex(Model.Index a, Model.Index b) =>
        a.Name == b.Name && a.Unique == b.Unique && a.Columns.SequenceEqual(b.Columns)
        && string.Equals(a.Method ?? "BTREE", b.Method ?? "BTREE", StringComparison.OrdinalIgnoreCase);

    private static bool SameForeignKey(ForeignKey a, ForeignKey b, IMigrationDialect dialect) =>
        (!dialect.HasNamedForeignKeys || a.Name == b.Name)
        && a.Columns.SequenceEqual(b.Columns)
        && a.ReferencedTable == b.ReferencedTable
        && a.ReferencedSchema == b.ReferencedSchema
        && a.ReferencedColumns.SequenceEqual(b.ReferencedColumns)
        && a.OnDelete == b.OnDelete
        && a.OnUpdate == b.OnUpdate;
}
