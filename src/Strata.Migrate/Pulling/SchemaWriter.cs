using System.Text;
using Strata.Migrate.Model;
using Strata.Schema.Semantics;

namespace Strata.Migrate.Pulling;

/// <summary>
/// Writes a PSL schema for a database (<c>strata db pull</c>) as Prisma's introspection writes it:
/// models and enums in name order, a field per column with its type, native type where not the
/// default, keys and indexes, then the relation fields in the order the foreign keys come (table by
/// table, each table's keys as introspection reads them), named as <see cref="RelationNames"/> says, and the implicit
/// many-to-many relations of Prisma's join tables; <c>@map</c>/<c>@@map</c> where a database name is
/// not a valid schema name. The result is meant to be formatted and validated by the caller.
/// </summary>
public static class SchemaWriter
{
    /// <summary>
    /// The models and enums of <paramref name="database"/> as schema text; <paramref name="dialect"/>
    /// spells enum types as its columns name them, and <paramref name="notes"/> (from
    /// <see cref="IPullNotes"/>) gives the comments written above models.
    /// </summary>
    public static string Write(DatabaseSchema database, IPullTypes types, IMigrationDialect dialect,
        IReadOnlyDictionary<(string? Schema, string Table), IReadOnlyList<PullNote>>? notes = null)
    {
        var enumNames = database.Enums.ToDictionary(e => dialect.QuoteName(e.Name, e.Schema), e => PslNames.Identifier(e.Name));
        var tables = database.Tables.OrderBy(t => t.Schema, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
        var joinTables = new HashSet<Table>(tables.Where(IsJoinTable), ReferenceEqualityComparer.Instance);
        var models = new Dictionary<Table, ModelText>(ReferenceEqualityComparer.Instance);
        foreach (var table in tables.Where(t => !joinTables.Contains(t)))
            models[table] = new ModelText(PslNames.Identifier(table.Name), table, notes != null && notes.TryGetValue((table.Schema, table.Name), out var n) ? n : []);

        foreach (var model in models.Values)
        {
            foreach (var column in model.Table.Columns) model.AddColumn(column, types.TypeOf(model.Table, column, enumNames), types);
        }
        Table? Target(ForeignKey fk) => models.Keys.FirstOrDefault(t => t.Name == fk.ReferencedTable && t.Schema == fk.ReferencedSchema);
        var names = new RelationNames(tables, joinTables, t => models.TryGetValue(t, out var m) ? m.Name : PslNames.Identifier(t.Name),
            (t, column) => models[t].FieldNameOf(column), Target);

        foreach (var table in tables.Where(t => !joinTables.Contains(t)))
        {
            foreach (var fk in RelationKeys(table))
            {
                if (Target(fk) is { } target) AddRelation(models[table], models[target], fk, names.Of(fk), types.KeepsForeignKeyNames);
            }
        }
        foreach (var join in tables.Where(joinTables.Contains))
        {
            if (!names.HasJoinTable(join)) continue;
            var ends = join.ForeignKeys.OrderBy(f => f.Columns[0], StringComparer.Ordinal).Select(f => models[Target(f)!]).ToList();
            var (a, b) = tables.IndexOf(ends[0].Table) <= tables.IndexOf(ends[1].Table) ? (ends[0], ends[1]) : (ends[1], ends[0]);
            var relation = names.OfJoinTable(join);
            var attribute = relation.Name.Length == 0 ? "" : $"@relation(\"{PslNames.Escape(relation.Name)}\")";
            a.AddRelation(relation.FieldOnFirst, b.Name + "[]", IgnoredTowards(a, b, attribute));
            b.AddRelation(relation.FieldOnSecond, a.Name + "[]", IgnoredTowards(b, a, attribute));
        }

        var sb = new StringBuilder();
        foreach (var table in tables.Where(t => !joinTables.Contains(t))) sb.Append(models[table].Render()).Append('\n');
        foreach (var e in database.Enums.OrderBy(e => e.Schema, StringComparer.Ordinal).ThenBy(e => e.Name, StringComparer.Ordinal))
        {
            var enumName = PslNames.Identifier(e.Name);
            sb.Append("enum ").Append(enumName).Append(" {\n");
            foreach (var value in e.Values)
            {
                var name = PslNames.Identifier(value);
                sb.Append("  ").Append(name).Append(name == value ? "" : $" @map(\"{PslNames.Escape(value)}\")").Append('\n');
            }
            if (enumName != e.Name || e.Schema != null) sb.Append('\n');
            if (enumName != e.Name) sb.Append($"  @@map(\"{PslNames.Escape(e.Name)}\")\n");
            if (e.Schema != null) sb.Append($"  @@schema(\"{PslNames.Escape(e.Schema)}\")\n");
            sb.Append("}\n\n");
        }
        return sb.ToString();
    }

    /// <summary>
    /// A table's foreign keys in the order introspection reads them (the order Prisma's does: by
    /// name on PostgreSQL, as the PRAGMA lists them on SQLite, whose keys may have no name),
    /// without a second key over the same columns to the same columns (one relation).
    /// </summary>
    private static IEnumerable<ForeignKey> RelationKeys(Table table)
    {
        var seen = new List<ForeignKey>();
        foreach (var fk in table.ForeignKeys)
        {
            if (seen.Any(s => s.Columns.SequenceEqual(fk.Columns) && s.ReferencedColumns.SequenceEqual(fk.ReferencedColumns))) continue;
            seen.Add(fk);
            yield return fk;
        }
    }

    private static bool IsJoinTable(Table t) =>
        t.Name.StartsWith('_') && t.Columns.Count == 2 && t.Columns[0].Name == "A" && t.Columns[1].Name == "B"
        && t.ForeignKeys.Count == 2 && t.ForeignKeys.Select(f => f.Columns.Count == 1 ? f.Columns[0] : "").Order(StringComparer.Ordinal).SequenceEqual(["A", "B"]);

    private static void AddRelation(ModelText model, ModelText other, ForeignKey fk, RelationName relation, bool keepsNames)
    {
        var table = model.Table;
        bool optional = fk.Columns.Any(c => table.Columns.First(x => x.Name == c).Nullable);
        bool oneToOne = table.Indexes.Any(i => i.Unique && SameColumns(i.Columns.Select(c => c.Name), fk.Columns))
            || (table.PrimaryKey != null && SameColumns(table.PrimaryKey.Columns, fk.Columns));
        var args = new List<string>();
        if (relation.Name.Length > 0) args.Add($"\"{PslNames.Escape(relation.Name)}\"");
        args.Add($"fields: [{string.Join(", ", fk.Columns.Select(model.FieldNameOf))}]");
        args.Add($"references: [{string.Join(", ", fk.ReferencedColumns.Select(other.FieldNameOf))}]");
        var defaultDelete = optional ? "SET NULL" : "RESTRICT";
        if (fk.OnDelete != defaultDelete) args.Add($"onDelete: {Action(fk.OnDelete)}");
        if (fk.OnUpdate != "CASCADE") args.Add($"onUpdate: {Action(fk.OnUpdate)}");
        if (keepsNames && fk.Name != ConstraintNames.ForeignKey(table.Name, fk.Columns)) args.Add($"map: \"{PslNames.Escape(fk.Name)}\"");
        model.AddRelation(relation.FieldOnFirst, other.Name + (optional ? "?" : ""), IgnoredTowards(model, other, $"@relation({string.Join(", ", args)})"));
        var back = relation.Name.Length > 0 ? $"@relation(\"{PslNames.Escape(relation.Name)}\")" : "";
        other.AddRelation(relation.FieldOnSecond, model.Name + (oneToOne ? "?" : "[]"), IgnoredTowards(other, model, back));
    }

    // A relation field of a model the client has, to a model it has not (@@ignore), is @ignore too, as Prisma requires.
    private static string IgnoredTowards(ModelText model, ModelText target, string attributes) =>
        model.HasUniqueCriterion && !target.HasUniqueCriterion ? (attributes + " @ignore").TrimStart() : attributes;

    private static bool SameColumns(IEnumerable<string> a, IReadOnlyList<string> b) => a.Order(StringComparer.Ordinal).SequenceEqual(b.Order(StringComparer.Ordinal));

    private static string Action(string sql) => sql switch
    {
        "CASCADE" => "Cascade",
        "SET NULL" => "SetNull",
        "SET DEFAULT" => "SetDefault",
        "NO ACTION" => "NoAction",
        _ => "Restrict",
    };
}
