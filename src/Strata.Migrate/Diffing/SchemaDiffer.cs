using Strata.Migrate.Model;
using Strata.Migrate.Steps;

namespace Strata.Migrate.Diffing;

/// <summary>
/// Computes the steps that turn one database schema into another, in an order where no step
/// depends on something created later or dropped earlier: drop foreign keys and indexes first,
/// then enums are created or changed, tables created, columns and keys changed, tables and enums
/// dropped, and finally indexes and foreign keys created. What counts as a difference follows
/// Prisma's differ: indexes and foreign keys match by shape (a differently named twin is a
/// rename), enum values by set, array nullability and <c>dbgenerated()</c> defaults not at all.
/// </summary>
public static class SchemaDiffer
{
    /// <summary>The steps from <paramref name="from"/> to <paramref name="to"/>; empty when they are the same.</summary>
    public static IReadOnlyList<MigrationStep> Diff(DatabaseSchema from, DatabaseSchema to, IMigrationDialect dialect)
    {
        var steps = new List<MigrationStep>();
        var pairs = to.Tables.Select(t => (From: from.FindTable(t.Name, t.Schema), To: t)).ToList();
        var dropped = from.Tables.Where(t => to.FindTable(t.Name, t.Schema) == null).ToList();
        var indexPairs = pairs.Where(p => p.From != null)
            .ToDictionary(p => p.To, p => ShapePairing<Model.Index>.Of(p.From!.Indexes, p.To.Indexes, i => i.Name, (a, b) => SameIndexShape(a, b, p.To, dialect)));
        var keyPairs = pairs.Where(p => p.From != null)
            .ToDictionary(p => p.To, p => ShapePairing<ForeignKey>.Of(p.From!.ForeignKeys, p.To.ForeignKeys, k => dialect.HasNamedForeignKeys ? k.Name : "", SameForeignKeyShape));

        // 1. What goes away first, so that nothing still depends on it; then renames, whose new names are free now.
        foreach (var (_, current) in pairs.Where(p => p.From != null))
        {
            // The steps carry the table as it will be, so that a provider that rebuilds it knows its new shape.
            steps.AddRange(keyPairs[current].Dropped.Select(fk => new DropForeignKey(current, fk)));
            steps.AddRange(indexPairs[current].Dropped.Select(i => new DropIndex(current, i)));
        }
        foreach (var table in dropped)
            steps.AddRange(table.ForeignKeys.Select(fk => new DropForeignKey(table, fk)));
        foreach (var (_, current) in pairs.Where(p => p.From != null))
        {
            steps.AddRange(indexPairs[current].Renamed.Select(r => new RenameIndex(current, r.From, r.To)));
            // Where the database keeps no foreign key names (SQLite) there is nothing to rename.
            if (dialect.HasNamedForeignKeys) steps.AddRange(keyPairs[current].Renamed.Select(r => new RenameForeignKey(current, r.From, r.To)));
        }

        // 2. Namespaces and enums before the tables that use them.
        steps.AddRange(to.Namespaces.Where(n => !from.Namespaces.Contains(n)).Select(n => new CreateSchema(n)));
        foreach (var e in to.Enums)
        {
            var old = from.Enums.FirstOrDefault(x => x.Name == e.Name && x.Schema == e.Schema);
            if (old == null) steps.Add(new CreateEnum(e));
            // Only added and removed values are a change: Prisma never reorders an enum's values.
            else if (!old.Values.ToHashSet().SetEquals(e.Values)) steps.Add(new AlterEnum(old, KeepOrder(old, e), to.Tables));
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
                // A dbgenerated() default takes the database's own, so a change of something else never drops it.
                else if (!SameColumn(before, column, dialect)) steps.Add(new AlterColumn(current, before, column.DefaultFromDatabase ? column with { Default = before.Default } : column));
            }
            steps.AddRange(old.Columns.Where(c => current.Columns.All(n => n.Name != c.Name)).Select(c => new DropColumn(current, c)));
            if (!SamePrimaryKey(old.PrimaryKey, current.PrimaryKey, dialect)) steps.Add(new AlterPrimaryKey(current, old.PrimaryKey, current.PrimaryKey));
        }
        steps.AddRange(dropped.Select(t => new DropTable(t)));
        steps.AddRange(from.Enums.Where(e => !to.Enums.Any(n => n.Name == e.Name && n.Schema == e.Schema)).Select(e => new DropEnum(e)));

        // 4. Indexes and foreign keys last: their tables and columns exist now.
        foreach (var (old, current) in pairs)
            steps.AddRange((old == null ? current.Indexes : indexPairs[current].Created).Select(i => new CreateIndex(current, i)));
        foreach (var (old, current) in pairs)
        {
            // On SQLite foreign keys live inside CREATE TABLE; new tables already have theirs.
            if (old == null && dialect.InlineForeignKeys) continue;
            steps.AddRange((old == null ? current.ForeignKeys : keyPairs[current].Created).Select(fk => new AddForeignKey(current, fk)));
        }
        return steps;
    }

    /// <summary>
    /// The enum as it will be when its kept values keep the database's order and new ones follow
    /// (order being no difference, a change never rebuilds the type only to reorder it).
    /// </summary>
    private static DatabaseEnum KeepOrder(DatabaseEnum old, DatabaseEnum wanted)
    {
        var kept = old.Values.Where(wanted.Values.Contains).ToList();
        if (kept.SequenceEqual(wanted.Values.Where(old.Values.Contains))) return wanted;
        return wanted with { Values = kept.Concat(wanted.Values.Where(v => !old.Values.Contains(v))).ToList() };
    }

    private static bool SameColumn(Column a, Column b, IMigrationDialect dialect) =>
        // Prisma does not compare the nullability of scalar lists: an absent list reads as empty.
        (a.Nullable == b.Nullable || IsArray(a.Type) || IsArray(b.Type))
        && (a.AutoIncrement == b.AutoIncrement || !dialect.ComparesAutoIncrement)
        && dialect.SameType(a.Type, b.Type)
        && (a.DefaultFromDatabase || b.DefaultFromDatabase || dialect.SameDefault(a.Default, b.Default));

    private static bool IsArray(string type) => type.EndsWith("[]", StringComparison.Ordinal);

    private static bool SamePrimaryKey(PrimaryKey? a, PrimaryKey? b, IMigrationDialect dialect)
    {
        if (a == null || b == null) return a == b;
        return a.Columns.SequenceEqual(b.Columns) && (!dialect.HasNamedPrimaryKeys || a.Name == b.Name);
    }

    /// <summary>Same columns in the same order and direction, same uniqueness, method and operator classes (a written default class is the default).</summary>
    private static bool SameIndexShape(Model.Index a, Model.Index b, Table table, IMigrationDialect dialect)
    {
        if (a.Unique != b.Unique || a.Columns.Count != b.Columns.Count) return false;
        if (!string.Equals(a.Method ?? "BTREE", b.Method ?? "BTREE", StringComparison.OrdinalIgnoreCase)) return false;
        return a.Columns.Zip(b.Columns).All(p =>
            p.First.Name == p.Second.Name && p.First.Descending == p.Second.Descending
            && dialect.SameOperatorClass(b.Method, table.Columns.FirstOrDefault(c => c.Name == p.First.Name)?.Type ?? "", p.First.OperatorClass, p.Second.OperatorClass));
    }

    private static bool SameForeignKeyShape(ForeignKey a, ForeignKey b) =>
        a.Columns.SequenceEqual(b.Columns)
        && a.ReferencedTable == b.ReferencedTable
        && a.ReferencedSchema == b.ReferencedSchema
        && a.ReferencedColumns.SequenceEqual(b.ReferencedColumns)
        && a.OnDelete == b.OnDelete
        && a.OnUpdate == b.OnUpdate;
}
