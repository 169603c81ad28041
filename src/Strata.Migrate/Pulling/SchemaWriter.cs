using System.Text;
using System.Text.RegularExpressions;
using Strata.Migrate.Model;
using Strata.Schema.Semantics;

namespace Strata.Migrate.Pulling;

/// <summary>
/// Writes a PSL schema for a database (<c>strata db pull</c>): a model per table, fields with
/// their types, native types where not the default, keys and indexes, relations named from
/// their foreign keys with back-relations on the other model, implicit many-to-many relations
/// for Prisma's join tables, enums, and <c>@map</c>/<c>@@map</c> where names are not valid
/// schema names. The result is meant to be formatted and validated by the caller.
/// </summary>
public static partial class SchemaWriter
{
    /// <summary>The models and enums of <paramref name="database"/> as schema text; <paramref name="dialect"/> spells enum types as its columns name them.</summary>
    public static string Write(DatabaseSchema database, IPullTypes types, IMigrationDialect dialect)
    {
        var enumNames = database.Enums.ToDictionary(e => dialect.QuoteName(e.Name, e.Schema), e => Identifier(e.Name));
        var joinTables = database.Tables.Where(IsJoinTable).ToList();
        var tables = database.Tables.Except(joinTables).ToList();
        var modelNames = tables.ToDictionary(t => t, t => Identifier(t.Name));
        var models = tables.ToDictionary(t => t, t => new ModelText(modelNames[t], t));

        foreach (var table in tables)
        {
            var model = models[table];
            foreach (var column in table.Columns) model.AddColumn(column, types.TypeOf(column, enumNames), types);
        }
        foreach (var table in tables) AddRelations(table, tables, models, modelNames);
        foreach (var join in joinTables) AddManyToMany(join, tables, models, modelNames);

        var sb = new StringBuilder();
        foreach (var table in tables) sb.Append(models[table].Render()).Append('\n');
        foreach (var e in database.Enums)
        {
            sb.Append("enum ").Append(Identifier(e.Name)).Append(" {\n");
            foreach (var value in e.Values)
            {
                var name = Identifier(value);
                sb.Append("  ").Append(name).Append(name == value ? "" : $" @map(\"{Escape(value)}\")").Append('\n');
            }
            if (Identifier(e.Name) != e.Name || e.Schema != null) sb.Append('\n');
            if (Identifier(e.Name) != e.Name) sb.Append($"  @@map(\"{Escape(e.Name)}\")\n");
            if (e.Schema != null) sb.Append($"  @@schema(\"{Escape(e.Schema)}\")\n");
            sb.Append("}\n\n");
        }
        return sb.ToString();
    }

    private static bool IsJoinTable(Table t) =>
        t.Name.StartsWith('_') && t.Columns.Count == 2 && t.Columns[0].Name == "A" && t.Columns[1].Name == "B" && t.ForeignKeys.Count == 2;

    private static void AddRelations(Table table, List<Table> tables, Dictionary<Table, ModelText> models, Dictionary<Table, string> names)
    {
        foreach (var fk in table.ForeignKeys)
        {
            var target = tables.FirstOrDefault(t => t.Name == fk.ReferencedTable && t.Schema == fk.ReferencedSchema);
            if (target == null) continue;
            var model = models[table];
            var other = models[target];
            // Several foreign keys between the same two tables need relation names to be told apart.
            bool named = table.ForeignKeys.Count(f => f.ReferencedTable == fk.ReferencedTable) > 1 || target == table;
            string? relationName = named ? fk.Name : null;
            bool optional = fk.Columns.Any(c => table.Columns.First(x => x.Name == c).Nullable);
            bool oneToOne = table.Indexes.Any(i => i.Unique && i.Columns.Select(c => c.Name).SequenceEqual(fk.Columns))
                || (table.PrimaryKey != null && table.PrimaryKey.Columns.SequenceEqual(fk.Columns));
            var args = new List<string>();
            if (relationName != null) args.Add($"\"{Escape(relationName)}\"");
            args.Add($"fields: [{string.Join(", ", fk.Columns.Select(c => model.FieldNameOf(c)))}]");
            args.Add($"references: [{string.Join(", ", fk.ReferencedColumns.Select(c => other.FieldNameOf(c)))}]");
            var defaultDelete = optional ? "SET NULL" : "RESTRICT";
            if (fk.OnDelete != defaultDelete) args.Add($"onDelete: {Action(fk.OnDelete)}");
            if (fk.OnUpdate != "CASCADE") args.Add($"onUpdate: {Action(fk.OnUpdate)}");
            var defaultName = ConstraintNames.ForeignKey(table.Name, fk.Columns);
            if (fk.Name != defaultName) args.Add($"map: \"{Escape(fk.Name)}\"");
            model.AddRelation(Camel(names[target]), names[target] + (optional ? "?" : ""), $"@relation({string.Join(", ", args)})");
            var back = relationName != null ? $" @relation(\"{Escape(relationName)}\")" : "";
            other.AddRelation(Camel(names[table]) + (oneToOne ? "" : "s"), names[table] + (oneToOne ? "?" : "[]"), back.Trim());
        }
    }

    private static void AddManyToMany(Table join, List<Table> tables, Dictionary<Table, ModelText> models, Dictionary<Table, string> names)
    {
        var a = tables.FirstOrDefault(t => t.Name == join.ForeignKeys.First(f => f.Columns[0] == "A").ReferencedTable);
        var b = tables.FirstOrDefault(t => t.Name == join.ForeignKeys.First(f => f.Columns[0] == "B").ReferencedTable);
        if (a == null || b == null) return;
        var relationName = join.Name[1..];
        string attribute = relationName == names[a] + "To" + names[b] || relationName == names[b] + "To" + names[a] ? "" : $"@relation(\"{Escape(relationName)}\")";
        models[a].AddRelation(Camel(names[b]) + "s", names[b] + "[]", attribute);
        // A self-relation has both of its fields on the one model (the second gets a numbered name).
        models[b].AddRelation(Camel(names[a]) + "s", names[a] + "[]", attribute);
    }

    private static string Action(string sql) => sql switch
    {
        "CASCADE" => "Cascade",
        "SET NULL" => "SetNull",
        "SET DEFAULT" => "SetDefault",
        "NO ACTION" => "NoAction",
        _ => "Restrict",
    };

    /// <summary>A valid schema name for a database name: letters, digits and underscores, starting with a letter.</summary>
    public static string Identifier(string name)
    {
        var cleaned = InvalidChars().Replace(name, "_");
        if (cleaned.Length == 0 || !char.IsLetter(cleaned[0])) cleaned = "x" + cleaned;
        return cleaned;
    }

    /// <summary>A string escaped for a schema string literal.</summary>
    public static string Escape(string text) => text.Replace("\\", "\\\\").Replace("\"", "\\\"");

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    [GeneratedRegex("[^A-Za-z0-9_]")]
    private static partial Regex InvalidChars();

    /// <summary>The lines of one model as they are collected.</summary>
    private sealed class ModelText(string name, Table table)
    {
        private readonly List<(string Name, string Type, string Attributes)> _fields = [];
        private readonly Dictionary<string, string> _columnToField = [];
        private readonly List<string> _blockAttributes = [];

        public string FieldNameOf(string column) => _columnToField.TryGetValue(column, out var f) ? f : Identifier(column);

        public void AddColumn(Column column, PulledType type, IPullTypes types)
        {
            var fieldName = Unique(Identifier(column.Name));
            _columnToField[column.Name] = fieldName;
            var attributes = new List<string>();
            bool singleKey = table.PrimaryKey is { Columns.Count: 1 } pk && pk.Columns[0] == column.Name;
            if (singleKey)
                attributes.Add(table.PrimaryKey!.Name == ConstraintNames.PrimaryKey(table.Name) ? "@id" : $"@id(map: \"{Escape(table.PrimaryKey.Name)}\")");
            var def = type.AutoIncrement ? "autoincrement()" : types.DefaultOf(column, type);
            if (def != null) attributes.Add($"@default({def})");
            var unique = table.Indexes.FirstOrDefault(i => i.Unique && i.Columns.Count == 1 && i.Columns[0].Name == column.Name && !i.Columns[0].Descending);
            if (unique != null)
                attributes.Add(unique.Name == ConstraintNames.Unique(table.Name, [column.Name]) ? "@unique" : $"@unique(map: \"{Escape(unique.Name)}\")");
            if (fieldName != column.Name) attributes.Add($"@map(\"{Escape(column.Name)}\")");
            if (type.NativeType != null) attributes.Add("@db." + type.NativeType);
            var typeText = type.TypeName + (type.IsList ? "[]" : column.Nullable ? "?" : "");
            _fields.Add((fieldName, typeText, string.Join(" ", attributes)));
        }

        public void AddRelation(string fieldName, string type, string attributes) => _fields.Add((Unique(fieldName), type, attributes));

        private string Unique(string candidate)
        {
            var result = candidate;
            for (int i = 2; _fields.Any(f => f.Name == result); i++) result = candidate + i;
            return result;
        }

        public string Render()
        {
            if (table.PrimaryKey is { Columns.Count: > 1 } key)
            {
                var map = key.Name == ConstraintNames.PrimaryKey(table.Name) ? "" : $", map: \"{Escape(key.Name)}\"";
                _blockAttributes.Add($"@@id([{string.Join(", ", key.Columns.Select(FieldNameOf))}]{map})");
            }
            foreach (var index in table.Indexes)
            {
                bool single = index.Unique && index.Columns.Count == 1 && !index.Columns[0].Descending;
                if (single) continue; // written on the field
                var columns = string.Join(", ", index.Columns.Select(ColumnArgument));
                var defaultName = index.Unique ? ConstraintNames.Unique(table.Name, index.Columns.Select(c => c.Name).ToList()) : ConstraintNames.Index(table.Name, index.Columns.Select(c => c.Name).ToList());
                var args = new List<string> { $"[{columns}]" };
                if (index.Name != defaultName) args.Add($"map: \"{Escape(index.Name)}\"");
                if (index.Method != null && index.Method != "BTREE") args.Add($"type: {MethodName(index.Method)}");
                _blockAttributes.Add($"@@{(index.Unique ? "unique" : "index")}({string.Join(", ", args)})");
            }
            if (name != table.Name) _blockAttributes.Add($"@@map(\"{Escape(table.Name)}\")");
            if (table.Schema != null) _blockAttributes.Add($"@@schema(\"{Escape(table.Schema)}\")");
            if (table.PrimaryKey == null && !table.Indexes.Any(i => i.Unique)) _blockAttributes.Add("@@ignore");

            var sb = new StringBuilder("model ").Append(name).Append(" {\n");
            foreach (var (fieldName, type, attributes) in _fields)
                sb.Append("  ").Append(fieldName).Append(' ').Append(type).Append(attributes.Length > 0 ? " " + attributes : "").Append('\n');
            if (_blockAttributes.Count > 0)
            {
                sb.Append('\n');
                foreach (var attribute in _blockAttributes) sb.Append("  ").Append(attribute).Append('\n');
            }
            return sb.Append("}\n").ToString();
        }

        private string ColumnArgument(IndexColumn column)
        {
            var args = new List<string>();
            if (column.Descending) args.Add("sort: Desc");
            if (column.OperatorClass != null) args.Add($"ops: raw(\"{Escape(column.OperatorClass)}\")");
            return FieldNameOf(column.Name) + (args.Count == 0 ? "" : $"({string.Join(", ", args)})");
        }

        private static string MethodName(string method) => method switch
        {
            "HASH" => "Hash",
            "GIN" => "Gin",
            "GIST" => "Gist",
            "SPGIST" => "SpGist",
            "BRIN" => "Brin",
            _ => "BTree",
        };
    }
}
