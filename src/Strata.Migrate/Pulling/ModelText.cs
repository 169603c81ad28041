using System.Text;
using Strata.Migrate.Model;
using Strata.Schema.Semantics;

namespace Strata.Migrate.Pulling;

/// <summary>The lines of one pulled model as they are collected: scalar fields first, relation fields after them.</summary>
internal sealed class ModelText(string name, Table table, IReadOnlyList<PullNote> notes)
{
    /// <summary>What Prisma writes above a model it has to ignore.</summary>
    public const string IgnoredComment = "/// The underlying table does not contain a valid unique identifier and can therefore currently not be handled by Prisma Client.";

    private readonly List<(string Name, string Type, string Attributes)> _fields = [];
    private readonly Dictionary<string, string> _columnToField = [];
    private readonly HashSet<Strata.Migrate.Model.Index> _onFields = new(ReferenceEqualityComparer.Instance);

    public string Name => name;

    public Table Table => table;

    public string FieldNameOf(string column) => _columnToField.TryGetValue(column, out var f) ? f : PslNames.Identifier(column);

    public void AddColumn(Column column, PulledType type, IPullTypes types)
    {
        var fieldName = Unique(PslNames.Identifier(column.Name));
        _columnToField[column.Name] = fieldName;
        var attributes = new List<string>();
        bool singleKey = table.PrimaryKey is { Columns.Count: 1 } pk && pk.Columns[0] == column.Name;
        if (singleKey)
            attributes.Add(table.PrimaryKey!.Name == ConstraintNames.PrimaryKey(table.Name) ? "@id" : $"@id(map: \"{PslNames.Escape(table.PrimaryKey.Name)}\")");
        var def = type.AutoIncrement ? "autoincrement()" : types.DefaultOf(column, type);
        if (def != null) attributes.Add($"@default({def})");
        // The first unique index of this column alone is written on the field, with its sort order.
        var unique = table.Indexes.FirstOrDefault(i => i.Unique && i.Columns.Count == 1 && i.Columns[0].Name == column.Name);
        if (unique != null)
        {
            _onFields.Add(unique);
            var args = new List<string>();
            if (unique.Name != ConstraintNames.Unique(table.Name, [column.Name])) args.Add($"map: \"{PslNames.Escape(unique.Name)}\"");
            if (unique.Columns[0].Length != null) args.Add($"length: {unique.Columns[0].Length}");
            if (unique.Columns[0].Descending) args.Add("sort: Desc");
            attributes.Add(args.Count == 0 ? "@unique" : $"@unique({string.Join(", ", args)})");
        }
        if (fieldName != column.Name) attributes.Add($"@map(\"{PslNames.Escape(column.Name)}\")");
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

    /// <summary>True when the table has what the client needs to tell rows apart: a primary key or a unique index, over required columns.</summary>
    public bool HasUniqueCriterion =>
        table.PrimaryKey is { } key && key.Columns.All(Required)
        || table.Indexes.Any(i => i.Unique && i.Columns.All(c => Required(c.Name)));

    private bool Required(string column) => table.Columns.FirstOrDefault(x => x.Name == column) is { Nullable: false };

    public string Render()
    {
        var blockAttributes = new List<string>();
        if (table.PrimaryKey is { Columns.Count: > 1 } key)
        {
            var map = key.Name == ConstraintNames.PrimaryKey(table.Name) ? "" : $", map: \"{PslNames.Escape(key.Name)}\"";
            blockAttributes.Add($"@@id([{string.Join(", ", key.Columns.Select(FieldNameOf))}]{map})");
        }
        foreach (var index in table.Indexes.Where(i => !_onFields.Contains(i)))
        {
            var columns = string.Join(", ", index.Columns.Select(ColumnArgument));
            var columnNames = index.Columns.Select(c => c.Name).ToList();
            var defaultName = index.Unique ? ConstraintNames.Unique(table.Name, columnNames) : ConstraintNames.Index(table.Name, columnNames);
            var args = new List<string> { $"[{columns}]" };
            if (index.Name != defaultName) args.Add($"map: \"{PslNames.Escape(index.Name)}\"");
            // MySQL's FULLTEXT index is Prisma's @@fulltext, which takes no type.
            bool fullText = index.Method == "FULLTEXT";
            if (index.Method != null && index.Method != "BTREE" && !fullText) args.Add($"type: {MethodName(index.Method)}");
            blockAttributes.Add($"@@{(index.Unique ? "unique" : fullText ? "fulltext" : "index")}({string.Join(", ", args)})");
        }
        if (name != table.Name) blockAttributes.Add($"@@map(\"{PslNames.Escape(table.Name)}\")");
        if (table.Schema != null) blockAttributes.Add($"@@schema(\"{PslNames.Escape(table.Schema)}\")");
        if (!HasUniqueCriterion) blockAttributes.Add("@@ignore");

        var sb = new StringBuilder();
        if (!HasUniqueCriterion) sb.Append(IgnoredComment).Append('\n');
        foreach (var note in notes) sb.Append(PullNoteText.Of(note)).Append('\n');
        sb.Append("model ").Append(name).Append(" {\n");
        foreach (var (fieldName, type, attributes) in _fields)
            sb.Append("  ").Append(fieldName).Append(' ').Append(type).Append(attributes.Length > 0 ? " " + attributes : "").Append('\n');
        if (blockAttributes.Count > 0)
        {
            sb.Append('\n');
            foreach (var attribute in blockAttributes) sb.Append("  ").Append(attribute).Append('\n');
        }
        return sb.Append("}\n").ToString();
    }

    // An operator class other than the type's default is written out on every index method. On a
    // B-tree Prisma's pull leaves it out, but then the schema would ask for another index than the
    // one there, which `migrate dev` would drop and make again (a known difference, docs/migrations.md).
    private string ColumnArgument(IndexColumn column)
    {
        var args = new List<string>();
        if (column.Length != null) args.Add($"length: {column.Length}");
        if (column.Descending) args.Add("sort: Desc");
        if (column.OperatorClass != null) args.Add("ops: " + OperatorClasses.Argument(column.OperatorClass));
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
