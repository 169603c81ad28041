using System.Text;

namespace Strata.Migrate.Tests.Oracle.Generated;

/// <summary>
/// A small PSL schema held as data, so that generated changes can edit it and keep it valid:
/// models with scalar fields, ids, indexes and uniques, relations as foreign-key fields, enums.
/// Every change works on a copy (<see cref="Clone"/>); <see cref="Render"/> writes the text.
/// </summary>
internal sealed class GenSchema
{
    public required string Provider { get; init; }
    public List<GenModel> Models { get; init; } = [];
    public List<GenEnum> Enums { get; init; } = [];
    public List<GenRelation> Relations { get; init; } = [];

    public bool IsPostgres => Provider == "postgresql";

    public GenModel? Model(string name) => Models.FirstOrDefault(m => m.Name == name);

    public GenSchema Clone() => new()
    {
        Provider = Provider,
        Models = Models.Select(m => m.Clone()).ToList(),
        Enums = Enums.Select(e => e with { Values = e.Values.ToList() }).ToList(),
        Relations = Relations.Select(r => r with { Fields = r.Fields.ToList() }).ToList(),
    };

    /// <summary>Field names a model already uses, relation fields included.</summary>
    public HashSet<string> UsedNames(GenModel model)
    {
        var names = model.Fields.Select(f => f.Name).ToHashSet();
        foreach (var r in Relations)
        {
            if (r.From == model.Name) names.Add(r.FieldName);
            if (r.To == model.Name) names.Add(r.BackName);
        }
        return names;
    }

    public string Render()
    {
        var text = new StringBuilder();
        text.Append($"datasource db {{\n  provider = \"{Provider}\"\n}}\n");
        foreach (var e in Enums)
        {
            text.Append($"\nenum {e.Name} {{\n");
            foreach (var v in e.Values) text.Append($"  {v}\n");
            if (e.Map != null) text.Append($"\n  @@map(\"{e.Map}\")\n");
            text.Append("}\n");
        }
        foreach (var model in Models)
        {
            text.Append($"\nmodel {model.Name} {{\n");
            foreach (var f in model.Fields) text.Append("  ").Append(f.Render()).Append('\n');
            foreach (var r in Relations.Where(r => r.From == model.Name))
            {
                var actions = (r.OnDelete == null ? "" : $", onDelete: {r.OnDelete}") + (r.OnUpdate == null ? "" : $", onUpdate: {r.OnUpdate}");
                var references = string.Join(", ", Model(r.To)!.IdFields);
                text.Append($"  {r.FieldName} {r.To}{(r.Optional ? "?" : "")} @relation(\"{r.Name}\", fields: [{string.Join(", ", r.Fields)}], references: [{references}]{actions})\n");
            }
            foreach (var r in Relations.Where(r => r.To == model.Name))
                text.Append($"  {r.BackName} {r.From}{(r.OneToOne(this) ? "?" : "[]")} @relation(\"{r.Name}\")\n");
            var block = new List<string>();
            if (model.CompoundId != null) block.Add($"@@id([{string.Join(", ", model.CompoundId)}])");
            foreach (var index in model.Indexes)
                block.Add($"@@{(index.Unique ? "unique" : "index")}([{string.Join(", ", index.Fields)}]{(index.Map == null ? "" : $", map: \"{index.Map}\"")})");
            if (model.Map != null) block.Add($"@@map(\"{model.Map}\")");
            if (block.Count > 0) text.Append('\n');
            foreach (var line in block) text.Append("  ").Append(line).Append('\n');
            text.Append("}\n");
        }
        return text.ToString();
    }

    /// <summary>
    /// True when two indexes (or keys) would get the same name, which Prisma rejects: names are
    /// Prisma's defaults (<c>{table}_{columns}_key</c>, <c>_idx</c>, <c>_pkey</c>) unless mapped.
    /// </summary>
    public bool HasNameClash()
    {
        var names = new List<string>();
        foreach (var m in Models)
        {
            var table = m.Map ?? m.Name;
            string Columns(IEnumerable<string> fields) => string.Join("_", fields.Select(f => m.Field(f)?.Map ?? f));
            names.Add(table + "_pkey");
            names.AddRange(m.Fields.Where(f => f.Unique).Select(f => $"{table}_{f.Map ?? f.Name}_key"));
            names.AddRange(m.Indexes.Select(i => i.Map ?? $"{table}_{Columns(i.Fields)}_{(i.Unique ? "key" : "idx")}"));
        }
        return names.Count != names.Distinct().Count();
    }

    public override string ToString() => Render();
}

internal sealed class GenModel
{
    public required string Name { get; init; }
    public string? Map { get; set; }
    public List<GenField> Fields { get; init; } = [];

    /// <summary>The fields of <c>@@id</c>; null when one field has <c>@id</c>.</summary>
    public List<string>? CompoundId { get; set; }

    public List<GenIndex> Indexes { get; init; } = [];

    public IReadOnlyList<string> IdFields => CompoundId ?? Fields.Where(f => f.Id).Select(f => f.Name).ToList();

    public GenField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);

    public GenModel Clone() => new()
    {
        Name = Name,
        Map = Map,
        Fields = Fields.Select(f => f with { }).ToList(),
        CompoundId = CompoundId?.ToList(),
        Indexes = Indexes.Select(i => i with { Fields = i.Fields.ToList() }).ToList(),
    };
}

/// <summary>A scalar or enum field. <see cref="Default"/> is the text inside <c>@default(...)</c>.</summary>
internal sealed record GenField(string Name, string Type, bool Optional = false, bool List = false, string? Default = null, bool Id = false, bool Unique = false, string? Map = null)
{
    public string Render()
    {
        var text = new StringBuilder($"{Name} {Type}{(List ? "[]" : Optional ? "?" : "")}");
        if (Id) text.Append(" @id");
        if (Default != null) text.Append($" @default({Default})");
        if (Unique) text.Append(" @unique");
        if (Map != null) text.Append($" @map(\"{Map}\")");
        return text.ToString();
    }
}

internal sealed record GenIndex(bool Unique, List<string> Fields, string? Map = null);

internal sealed record GenEnum(string Name, List<string> Values, string? Map = null);

/// <summary>
/// A relation from <see cref="From"/> (which holds the foreign-key <see cref="Fields"/>) to
/// <see cref="To"/>'s id; named, so that several between the same models stay apart.
/// </summary>
internal sealed record GenRelation(string Name, string From, string To, List<string> Fields, string FieldName, string BackName, bool Optional, string? OnDelete = null, string? OnUpdate = null)
{
    /// <summary>One-to-one when the foreign key is unique on its own.</summary>
    public bool OneToOne(GenSchema schema)
    {
        var model = schema.Model(From)!;
        return Fields.Count == 1 && (model.Field(Fields[0])?.Unique == true
            || model.Indexes.Any(i => i.Unique && i.Fields.SequenceEqual(Fields))
            || model.IdFields.SequenceEqual(Fields));
    }
}
