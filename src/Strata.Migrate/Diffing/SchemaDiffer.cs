using Strata.Migrate.Model;
using Strata.Migrate.Steps;

namespace Strata.Migrate.Diffing;

/// <summary>
/// Computes the steps that turn one database schema into another, in Prisma's order, where no
/// step depends on something created later or dropped earlier: schemas and enums first, then
/// foreign keys and indexes dropped, columns and keys changed, tables and enums dropped, tables
/// created, and finally indexes created, foreign keys renamed and added, and indexes renamed. What counts as a difference follows
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
            .ToDictionary(p => p.To, p => ShapePairing<Model.Index>.Of(p.From!.Indexes, p.To.Indexes, i => i.Name, (a, b) => SameIndexShape(a, b, p.To, dialect), SameIndexColumns));
        var keyPairs = pairs.Where(p => p.From != null)
            .ToDictionary(p => p.To, p => ShapePairing<ForeignKey>.Of(p.From!.ForeignKeys, p.To.ForeignKeys, k => dialect.HasNamedForeignKeys ? k.Name : "", SameForeignKeyShape));
        // Where the database makes foreign keys' indexes (MySQL), a foreign key that stays keeps the one the
        // server made for it (named as the key); one that relied on another index being dropped is dropped
        // before it and added again after, as Prisma does there, since the server will not drop the index under it.
        var droppedIndexes = indexPairs.ToDictionary(p => p.Key, p => p.Value.Dropped
            .Where(i => !(dialect.KeepsForeignKeyIndexes && p.Key.ForeignKeys.Any(fk => fk.Name == i.Name && Covers(i, fk)))).ToList());
        var recreatedKeys = keyPairs.ToDictionary(p => p.Key, p => !dialect.KeepsForeignKeyIndexes ? [] : p.Key.ForeignKeys
            .Where(fk => !p.Value.Created.Contains(fk) && droppedIndexes[p.Key].Any(i => Covers(i, fk))).ToList());

        // Prisma's order, one kind of step after the other: schemas and enums, then what goes away
        // (foreign keys, indexes), then the changed tables, dropped tables and enums, new tables, and
        // last what needs them all (indexes, renamed and new foreign keys, renamed indexes).
        steps.AddRange(to.Namespaces.Where(n => !from.Namespaces.Contains(n)).Select(n => new CreateSchema(n)));
        steps.AddRange(to.Enums.Where(e => FindEnum(from, e) == null).Select(e => new CreateEnum(e)));
        foreach (var old in from.Enums)
        {
            // Only added and removed values are a change: Prisma never reorders an enum's values.
            if (FindEnum(to, old) is { } e && !old.Values.ToHashSet().SetEquals(e.Values)) steps.Add(new AlterEnum(old, KeepOrder(old, e), to.Tables, from.Tables));
        }

        // What goes away first, so that nothing still depends on it, in the order of the tables before.
        foreach (var old in from.Tables)
        {
            var current = to.FindTable(old.Name, old.Schema);
            // The steps carry the table as it will be, so that a provider that rebuilds it knows its new shape.
            if (current == null) steps.AddRange(old.ForeignKeys.Select(fk => new DropForeignKey(old, fk)));
            else steps.AddRange(keyPairs[current].Dropped.Concat(recreatedKeys[current]).Select(fk => new DropForeignKey(current, fk)));
        }
        foreach (var old in from.Tables)
        {
            var current = to.FindTable(old.Name, old.Schema);
            if (current == null) { if (dialect.DropsIndexesOfDroppedTables) steps.AddRange(old.Indexes.Select(i => new DropIndex(old, i))); }
            else steps.AddRange(droppedIndexes[current].Select(i => new DropIndex(current, i)));
        }

        // Columns and keys of the tables that stay.
        foreach (var (old, current) in pairs.Where(p => p.From != null).OrderBy(p => IndexOf(from.Tables, p.From!)))
        {
            // Prisma adds and drops columns in the order of their names, and alters them in table order.
            steps.AddRange(current.Columns.Where(c => old!.Columns.All(b => b.Name != c.Name)).OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new AddColumn(current, c)));
            foreach (var column in current.Columns)
            {
                var before = old!.Columns.FirstOrDefault(c => c.Name == column.Name);
                // A dbgenerated() default takes the database's own, so a change of something else never drops it.
                if (before != null && !SameColumn(before, column, dialect)) steps.Add(new AlterColumn(current, before, column.DefaultFromDatabase ? column with { Default = before.Default } : column));
            }
            steps.AddRange(old!.Columns.Where(c => current.Columns.All(n => n.Name != c.Name)).OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new DropColumn(current, c)));
            if (!SamePrimaryKey(old.PrimaryKey, current.PrimaryKey, dialect)) steps.Add(new AlterPrimaryKey(current, old.PrimaryKey, current.PrimaryKey));
        }
        // Tables and enums are dropped before tables are created: a new table may take a dropped one's name or index names.
        steps.AddRange(dropped.Select(t => new DropTable(t)));
        steps.AddRange(from.Enums.Where(e => FindEnum(to, e) == null).Select(e => new DropEnum(e)));
        steps.AddRange(pairs.Where(p => p.From == null).Select(p => new CreateTable(p.To)));

        // Indexes and foreign keys last: their tables and columns exist now.
        // The new tables' indexes first, then the others', as Prisma sorts them.
        if (!dialect.IndexesInCreateTable)
            foreach (var (_, current) in pairs.Where(p => p.From == null))
                steps.AddRange(current.Indexes.Select(i => new CreateIndex(current, i)));
        foreach (var (_, current) in pairs.Where(p => p.From != null))
            steps.AddRange(indexPairs[current].Created.Select(i => new CreateIndex(current, i)));
        // Where the database keeps no foreign key names (SQLite) there is nothing to rename.
        if (dialect.HasNamedForeignKeys)
            foreach (var (_, current) in pairs.Where(p => p.From != null))
                steps.AddRange(keyPairs[current].Renamed.Select(r => new RenameForeignKey(current, r.From, r.To)));
        foreach (var (old, current) in pairs)
        {
            // On SQLite foreign keys live inside CREATE TABLE; new tables already have theirs.
            if (old == null && dialect.InlineForeignKeys) continue;
            steps.AddRange((old == null ? current.ForeignKeys : keyPairs[current].Created.Concat(recreatedKeys[current])).Select(fk => new AddForeignKey(current, fk)));
        }
        foreach (var (_, current) in pairs.Where(p => p.From != null))
            steps.AddRange(indexPairs[current].Renamed.Select(r => new RenameIndex(current, r.From, r.To)));
        return new MigrationStepList(steps, to.Tables);
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

    private static DatabaseEnum? FindEnum(DatabaseSchema schema, DatabaseEnum e) =>
        schema.Enums.FirstOrDefault(x => x.Name == e.Name && x.Schema == e.Schema);

    private static int IndexOf(IReadOnlyList<Table> tables, Table table) =>
        tables.Select((t, i) => (t, i)).First(x => ReferenceEquals(x.t, table)).i;

    private static bool SameColumn(Column a, Column b, IMigrationDialect dialect) =>
        // Prisma does not compare the nullability of scalar lists: an absent list reads as empty.
        (a.Nullable == b.Nullable || IsArray(a.Type) || IsArray(b.Type))
        && (a.AutoIncrement == b.AutoIncrement || !dialect.ComparesAutoIncrement)
        && dialect.SameType(a.Type, b.Type)
        && (a.DefaultFromDatabase || b.DefaultFromDatabase || dialect.SameDefault(a.Default, b.Default));

    /// <summary>True when the index's first columns are the foreign key's columns, so that the key can use it.</summary>
    private static bool Covers(Model.Index index, ForeignKey fk) =>
        fk.Columns.Count <= index.Columns.Count && fk.Columns.SequenceEqual(index.Columns.Take(fk.Columns.Count).Select(c => c.Name));

    private static bool IsArray(string type) => type.EndsWith("[]", StringComparison.Ordinal);

    private static bool SamePrimaryKey(PrimaryKey? a, PrimaryKey? b, IMigrationDialect dialect)
    {
        if (a == null || b == null) return a == b;
        return a.Columns.SequenceEqual(b.Columns) && (!dialect.HasNamedPrimaryKeys || a.Name == b.Name);
    }

    /// <summary>Same columns in the same order and the same uniqueness, whatever else differs.</summary>
    private static bool SameIndexColumns(Model.Index a, Model.Index b) =>
        a.Unique == b.Unique && a.Columns.Select(c => c.Name).SequenceEqual(b.Columns.Select(c => c.Name));

    /// <summary>Same columns in the same order and direction, same uniqueness, method and operator classes (a written default class is the default).</summary>
    private static bool SameIndexShape(Model.Index a, Model.Index b, Table table, IMigrationDialect dialect)
    {
        if (a.Unique != b.Unique || a.Columns.Count != b.Columns.Count) return false;
        if (!string.Equals(a.Method ?? "BTREE", b.Method ?? "BTREE", StringComparison.OrdinalIgnoreCase)) return false;
        return a.Columns.Zip(b.Columns).All(p =>
            p.First.Name == p.Second.Name && p.First.Descending == p.Second.Descending && p.First.Length == p.Second.Length
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
