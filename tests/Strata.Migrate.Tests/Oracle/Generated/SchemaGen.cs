using FsCheck;
using FsCheck.Fluent;

namespace Strata.Migrate.Tests.Oracle.Generated;

/// <summary>
/// FsCheck generators for schemas Prisma accepts: a base schema (models with ids, scalar fields of
/// every kind, indexes, relations, enums) and changes to it of the kinds a migration meets. Each
/// change keeps the schema valid by construction, so that what is compared is migration SQL.
/// </summary>
internal static class SchemaGen
{
    private static readonly string[] ModelNames = ["User", "Post", "Team", "Item", "Order", "Tag"];
    private static readonly string[] FieldNames = ["alpha", "beta", "title", "note", "score", "flag", "at", "price", "data", "blob", "kind", "level", "code", "rank"];
    private static readonly string[] EnumNames = ["Role", "Status", "Color"];
    private static readonly string[] EnumValues = ["RED", "GREEN", "BLUE", "GRAY", "PINK"];
    private static readonly string[] ScalarTypes = ["String", "Int", "BigInt", "Float", "Boolean", "DateTime", "Decimal", "Json", "Bytes"];
    private static readonly string?[] Actions = [null, "Cascade", "Restrict", "NoAction", "SetNull"];

    /// <summary>A case: the schema before, the changes made (by name), and the schema after.</summary>
    public sealed record Case(GenSchema From, IReadOnlyList<string> Changes, GenSchema To);

    public static Gen<Case> Cases(string provider) =>
        from schema in BaseSchema(provider)
        from count in Gen.Choose(1, 3)
        from result in Changes(schema, count)
        select new Case(schema, result.Names, result.Schema);

    private static Gen<(GenSchema Schema, List<string> Names)> Changes(GenSchema schema, int count)
    {
        var start = Gen.Constant((schema, new List<string>()));
        for (int i = 0; i < count; i++)
            start = start.SelectMany(s => Change(s.Item1).Select(c => (c.Schema, s.Item2.Append(c.Name).ToList())));
        return start;
    }

    public static Gen<GenSchema> BaseSchema(string provider) =>
        from modelCount in Gen.Choose(1, 4)
        from enumCount in Gen.Choose(0, 2)
        from enums in Gen.CollectToList(EnumNames.Take(enumCount), NewEnum)
        from models in Gen.CollectToList(ModelNames.Take(modelCount), name => NewModel(name, provider, enums))
        let schema = new GenSchema { Provider = provider, Models = models, Enums = enums }
        from relationCount in Gen.Choose(0, 3)
        from withRelations in Repeat(schema, relationCount, AddRelation)
        from withIndexes in Repeat(withRelations, 2, s => AddIndex(s) ?? Gen.Constant(s))
        select withIndexes;

    private static Gen<GenSchema> Repeat(GenSchema schema, int times, Func<GenSchema, Gen<GenSchema>?> step)
    {
        var result = Gen.Constant(schema);
        for (int i = 0; i < times; i++) result = result.SelectMany(s => step(s) ?? Gen.Constant(s));
        return result;
    }

    private static Gen<GenEnum> NewEnum(string name) =>
        from values in Gen.SubListOf(EnumValues).Where(v => v.Count > 0)
        select new GenEnum(name, values.ToList());

    private static Gen<GenModel> NewModel(string name, string provider, IReadOnlyList<GenEnum> enums) =>
        from id in Gen.Elements(
            new GenField("id", "Int", Id: true, Default: "autoincrement()"),
            new GenField("id", "String", Id: true, Default: "cuid()"),
            new GenField("id", "Int", Id: true))
        from names in Gen.Shuffle(FieldNames)
        from count in Gen.Choose(1, 4)
        from fields in Gen.CollectToList(names.Take(count), n => NewField(n, provider, enums))
        select new GenModel { Name = name, Fields = [id, .. fields] };

    private static Gen<GenField> NewField(string name, string provider, IReadOnlyList<GenEnum> enums) =>
        from type in Gen.Elements(ScalarTypes.Concat(enums.Select(e => e.Name)).ToArray())
        from shape in Gen.Choose(0, provider == "postgresql" && type is not ("Json" or "Bytes") ? 3 : 2)
        from withDefault in Gen.Elements(true, false)
        from value in DefaultFor(type, enums)
        select shape switch
        {
            3 => new GenField(name, type, List: true),
            1 => new GenField(name, type, Optional: true, Default: withDefault ? value : null),
            _ => new GenField(name, type, Default: withDefault ? value : null),
        };

    /// <summary>A default for a field of <paramref name="type"/>, or null where it has none here.</summary>
    private static Gen<string?> DefaultFor(string type, IReadOnlyList<GenEnum> enums) => type switch
    {
        "String" => Gen.Elements<string?>("\"a\"", "\"b c\"", "uuid()"),
        "Int" => Gen.Elements<string?>("0", "7"),
        "BigInt" => Gen.Elements<string?>("1", "42"),
        "Float" => Gen.Elements<string?>("1.5", "0"),
        "Boolean" => Gen.Elements<string?>("true", "false"),
        "DateTime" => Gen.Constant<string?>("now()"),
        "Decimal" => Gen.Elements<string?>("2.5", "0"),
        _ when enums.FirstOrDefault(e => e.Name == type) is { } e => Gen.Elements(e.Values.Select(v => (string?)v).ToArray()),
        _ => Gen.Constant<string?>(null),
    };

    private sealed record ChangeKind(string Name, Func<GenSchema, Gen<GenSchema>?> Apply);

    private static readonly ChangeKind[] Kinds =
    [
        new("add field", AddField),
        new("drop field", DropField),
        new("change type", ChangeType),
        new("toggle optional", ToggleOptional),
        new("change default", ChangeDefault),
        new("toggle list", ToggleList),
        new("add index", AddIndex),
        new("drop index", DropIndex),
        new("rename index", RenameIndex),
        new("toggle unique", ToggleUnique),
        new("add relation", AddRelation),
        new("drop relation", DropRelation),
        new("change actions", ChangeActions),
        new("add enum value", AddEnumValue),
        new("drop enum value", DropEnumValue),
        new("add enum", AddEnum),
        new("drop enum", DropEnum),
        new("map field", MapField),
        new("map model", MapModel),
        new("map enum", MapEnum),
        new("add model", AddModel),
        new("drop model", DropModel),
        new("change id", ChangeId),
    ];

    /// <summary>One change that applies to <paramref name="schema"/>, with its name.</summary>
    public static Gen<(string Name, GenSchema Schema)> Change(GenSchema schema)
    {
        var applicable = Kinds.Select(k => (k.Name, Gen: k.Apply(schema))).Where(k => k.Gen != null).ToList();
        // A change that would give two indexes one name (Prisma rejects that) is left undone.
        return Gen.OneOf(applicable.Select(k => k.Gen!.Select(s => (k.Name, s.HasNameClash() ? schema : s))));
    }

    // ---- what a change may touch ----

    /// <summary>Fields that ids and relations hold: only the id and relation changes touch them.</summary>
    private static bool Locked(GenSchema s, GenModel m, GenField f) =>
        f.Id || m.CompoundId?.Contains(f.Name) == true || s.Relations.Any(r => r.From == m.Name && r.Fields.Contains(f.Name));

    private static bool Indexable(GenField f) => !f.List && f.Type is not ("Json" or "Bytes");

    private static IEnumerable<(GenModel Model, GenField Field)> Free(GenSchema s, Func<GenField, bool>? also = null) =>
        s.Models.SelectMany(m => m.Fields.Where(f => !Locked(s, m, f) && (also == null || also(f))).Select(f => (m, f)));

    private static Gen<T>? Pick<T>(IEnumerable<T> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? null : Gen.Elements(list.ToArray());
    }

    /// <summary>The schema with one field of one model replaced.</summary>
    private static GenSchema With(GenSchema s, string model, string field, Func<GenField, GenField> change)
    {
        var copy = s.Clone();
        var m = copy.Model(model)!;
        int at = m.Fields.FindIndex(f => f.Name == field);
        m.Fields[at] = change(m.Fields[at]);
        // An index over a field that can no longer be indexed goes with it.
        if (!Indexable(m.Fields[at])) m.Indexes.RemoveAll(i => i.Fields.Contains(field));
        if (!Indexable(m.Fields[at])) m.Fields[at] = m.Fields[at] with { Unique = false };
        return copy;
    }

    // ---- fields ----

    private static Gen<GenSchema>? AddField(GenSchema s) =>
        Pick(s.Models.SelectMany(m => FieldNames.Where(n => !s.UsedNames(m).Contains(n)).Take(2).Select(n => (m.Name, n))))?
            .SelectMany(p => NewField(p.n, s.Provider, s.Enums).Select(f =>
            {
                var copy = s.Clone();
                copy.Model(p.Name)!.Fields.Add(f);
                return copy;
            }));

    private static Gen<GenSchema>? DropField(GenSchema s) =>
        Pick(Free(s))?.Select(p =>
        {
            var copy = s.Clone();
            var m = copy.Model(p.Model.Name)!;
            m.Fields.RemoveAll(f => f.Name == p.Field.Name);
            m.Indexes.RemoveAll(i => i.Fields.Contains(p.Field.Name));
            return copy;
        });

    private static Gen<GenSchema>? ChangeType(GenSchema s) =>
        Pick(Free(s, f => !f.List))?.SelectMany(p =>
            from castable in Gen.Elements(true, true, false)
            from type in Gen.Elements(TypeChoices(s, p.Field.Type, castable))
            from value in DefaultFor(type, s.Enums)
            from keepDefault in Gen.Elements(true, false)
            select With(s, p.Model.Name, p.Field.Name, f => f with { Type = type, Default = keepDefault && p.Field.Default != null ? value : null }));

    private static readonly string[] Numbers = ["Int", "BigInt", "Float", "Decimal"];

    /// <summary>
    /// The types a field of <paramref name="type"/> may change to; when <paramref name="castable"/>,
    /// those PostgreSQL converts in place (numbers to numbers, anything to String), which the
    /// engine and Strata both alter rather than drop.
    /// </summary>
    private static string[] TypeChoices(GenSchema s, string type, bool castable)
    {
        var all = castable
            ? (Numbers.Contains(type) ? Numbers.Append("String") : ["String"])
            : ScalarTypes.Concat(s.Enums.Select(e => e.Name));
        var choices = all.Where(t => t != type).ToArray();
        return choices.Length > 0 ? choices : ScalarTypes.Where(t => t != type).ToArray();
    }

    private static Gen<GenSchema>? ToggleOptional(GenSchema s) =>
        Pick(Free(s, f => !f.List))?.Select(p => With(s, p.Model.Name, p.Field.Name, f => f with { Optional = !f.Optional }));

    private static Gen<GenSchema>? ChangeDefault(GenSchema s) =>
        Pick(Free(s, f => !f.List))?.SelectMany(p =>
            from value in DefaultFor(p.Field.Type, s.Enums)
            from remove in Gen.Elements(true, false)
            select With(s, p.Model.Name, p.Field.Name, f => f with { Default = remove && f.Default != null ? null : value }));

    private static Gen<GenSchema>? ToggleList(GenSchema s) =>
        !s.IsPostgres ? null
        : Pick(Free(s, f => f.Type is not ("Json" or "Bytes")))?.Select(p =>
        {
            var changed = With(s, p.Model.Name, p.Field.Name, f => f with { List = !f.List, Optional = false, Default = null, Unique = false });
            changed.Model(p.Model.Name)!.Indexes.RemoveAll(i => i.Fields.Contains(p.Field.Name));
            return changed;
        });

    private static Gen<GenSchema>? ToggleUnique(GenSchema s) =>
        Pick(Free(s, Indexable))?.Select(p => With(s, p.Model.Name, p.Field.Name, f => f with { Unique = !f.Unique }));

    private static Gen<GenSchema>? MapField(GenSchema s) =>
        Pick(s.Models.SelectMany(m => m.Fields.Select(f => (m, f))))?.Select(p =>
            With(s, p.m.Name, p.f.Name, f => f with { Map = f.Map == null ? "m_" + f.Name : null }));

    // ---- indexes ----

    private static Gen<GenSchema>? AddIndex(GenSchema s) =>
        Pick(s.Models.Where(m => m.Fields.Count(Indexable) > 0))?.SelectMany(m =>
            from fields in Gen.Shuffle(m.Fields.Where(Indexable).Select(f => f.Name).ToArray())
            from count in Gen.Choose(1, Math.Min(3, fields.Length))
            from unique in Gen.Elements(true, false)
            from named in Gen.Elements(false, false, true)
            from tag in Gen.Choose(0, 99999)
            let chosen = fields.Take(count).ToList()
            select Indexed(s, m.Name, new GenIndex(unique, chosen, named ? $"{m.Name}_x{tag}_{(unique ? "key" : "idx")}" : null)));

    /// <summary>The schema with one more index, unless one of that shape (or the id) is there already.</summary>
    private static GenSchema Indexed(GenSchema s, string model, GenIndex index)
    {
        var m = s.Model(model)!;
        bool twin = m.Indexes.Any(i => i.Unique == index.Unique && i.Fields.SequenceEqual(index.Fields))
            || (index.Unique && (m.IdFields.SequenceEqual(index.Fields) || (index.Fields.Count == 1 && m.Field(index.Fields[0])!.Unique)));
        if (twin) return s;
        var copy = s.Clone();
        copy.Model(model)!.Indexes.Add(index);
        return copy;
    }

    private static Gen<GenSchema>? DropIndex(GenSchema s) =>
        Pick(s.Models.SelectMany(m => m.Indexes.Select((_, i) => (m.Name, i))))?.Select(p =>
        {
            var copy = s.Clone();
            copy.Model(p.Name)!.Indexes.RemoveAt(p.i);
            return copy;
        });

    private static Gen<GenSchema>? RenameIndex(GenSchema s) =>
        Pick(s.Models.SelectMany(m => m.Indexes.Select((_, i) => (m.Name, i))))?.SelectMany(p => Gen.Choose(0, 99999).Select(tag =>
        {
            var copy = s.Clone();
            var indexes = copy.Model(p.Name)!.Indexes;
            var index = indexes[p.i];
            indexes[p.i] = index with { Map = index.Map == null ? $"{p.Name}_r{tag}_{(index.Unique ? "key" : "idx")}" : null };
            return copy;
        }));

    // ---- relations ----

    private static Gen<GenSchema>? AddRelation(GenSchema s) =>
        Pick(from a in s.Models from b in s.Models where b.CompoundId == null select (From: a.Name, To: b.Name))?.SelectMany(p =>
            from optional in Gen.Elements(true, false)
            from onDelete in Gen.Elements(Actions)
            from onUpdate in Gen.Elements(Actions)
            select Related(s, p.From, p.To, optional, optional || onDelete != "SetNull" ? onDelete : null, optional || onUpdate != "SetNull" ? onUpdate : null));

    private static GenSchema Related(GenSchema s, string from, string to, bool optional, string? onDelete, string? onUpdate)
    {
        var copy = s.Clone();
        // Numbered past every relation there is, so that names never repeat.
        int n = copy.Relations.Count == 0 ? 0 : copy.Relations.Max(r => int.Parse(r.Name[1..], System.Globalization.CultureInfo.InvariantCulture)) + 1;
        var target = copy.Model(to)!;
        var id = target.Field(target.IdFields[0])!;
        var lower = char.ToLowerInvariant(to[0]) + to[1..];
        var fk = new GenField($"{lower}{n}Id", id.Type, Optional: optional);
        copy.Model(from)!.Fields.Add(fk);
        copy.Relations.Add(new GenRelation($"R{n}", from, to, [fk.Name], $"{lower}{n}", $"back{n}", optional, onDelete, onUpdate));
        return copy;
    }

    private static Gen<GenSchema>? DropRelation(GenSchema s) =>
        Pick(s.Relations)?.Select(r =>
        {
            var copy = s.Clone();
            copy.Relations.RemoveAll(x => x.Name == r.Name);
            var m = copy.Model(r.From)!;
            m.Fields.RemoveAll(f => r.Fields.Contains(f.Name));
            m.Indexes.RemoveAll(i => i.Fields.Any(r.Fields.Contains));
            return copy;
        });

    private static Gen<GenSchema>? ChangeActions(GenSchema s) =>
        Pick(s.Relations)?.SelectMany(r =>
            from onDelete in Gen.Elements(Actions)
            from onUpdate in Gen.Elements(Actions)
            select Replaced(s, r, r with
            {
                OnDelete = r.Optional || onDelete != "SetNull" ? onDelete : null,
                OnUpdate = r.Optional || onUpdate != "SetNull" ? onUpdate : null,
            }));

    private static GenSchema Replaced(GenSchema s, GenRelation old, GenRelation next)
    {
        var copy = s.Clone();
        copy.Relations[copy.Relations.FindIndex(r => r.Name == old.Name)] = next;
        return copy;
    }

    // ---- enums ----

    private static IEnumerable<GenField> Using(GenSchema s, GenEnum e) => s.Models.SelectMany(m => m.Fields).Where(f => f.Type == e.Name);

    private static Gen<GenSchema>? AddEnumValue(GenSchema s) =>
        Pick(s.Enums.SelectMany(e => EnumValues.Where(v => !e.Values.Contains(v)).Select(v => (e.Name, v))))?.SelectMany(p =>
            from at in Gen.Choose(0, s.Enums.First(e => e.Name == p.Name).Values.Count)
            select Enumed(s, p.Name, values => values.Insert(at, p.v)));

    private static Gen<GenSchema>? DropEnumValue(GenSchema s) =>
        Pick(s.Enums.Where(e => e.Values.Count > 1).SelectMany(e => e.Values.Select(v => (e.Name, v))))?.Select(p =>
        {
            var copy = Enumed(s, p.Name, values => values.Remove(p.v));
            // A default of the removed value moves to one that stays.
            foreach (var m in copy.Models)
                for (int i = 0; i < m.Fields.Count; i++)
                    if (m.Fields[i].Type == p.Name && m.Fields[i].Default == p.v)
                        m.Fields[i] = m.Fields[i] with { Default = copy.Enums.First(e => e.Name == p.Name).Values[0] };
            return copy;
        });

    private static GenSchema Enumed(GenSchema s, string name, Action<List<string>> change)
    {
        var copy = s.Clone();
        change(copy.Enums.First(e => e.Name == name).Values);
        return copy;
    }

    private static Gen<GenSchema>? AddEnum(GenSchema s) =>
        Pick(EnumNames.Where(n => s.Enums.All(e => e.Name != n)))?.SelectMany(n => NewEnum(n).Select(e =>
        {
            var copy = s.Clone();
            copy.Enums.Add(e);
            return copy;
        }));

    private static Gen<GenSchema>? DropEnum(GenSchema s) =>
        Pick(s.Enums.Where(e => !Using(s, e).Any()))?.Select(e =>
        {
            var copy = s.Clone();
            copy.Enums.RemoveAll(x => x.Name == e.Name);
            return copy;
        });

    private static Gen<GenSchema>? MapEnum(GenSchema s) =>
        Pick(s.Enums)?.Select(e =>
        {
            var copy = s.Clone();
            int at = copy.Enums.FindIndex(x => x.Name == e.Name);
            copy.Enums[at] = e with { Map = e.Map == null ? "e_" + e.Name.ToLowerInvariant() : null, Values = e.Values.ToList() };
            return copy;
        });

    // ---- models and ids ----

    private static Gen<GenSchema>? MapModel(GenSchema s) =>
        Pick(s.Models)?.Select(m =>
        {
            var copy = s.Clone();
            var model = copy.Model(m.Name)!;
            model.Map = model.Map == null ? "t_" + m.Name.ToLowerInvariant() : null;
            return copy;
        });

    private static Gen<GenSchema>? AddModel(GenSchema s) =>
        Pick(ModelNames.Where(n => s.Model(n) == null))?.SelectMany(n => NewModel(n, s.Provider, s.Enums).Select(m =>
        {
            var copy = s.Clone();
            copy.Models.Add(m);
            return copy;
        }));

    private static Gen<GenSchema>? DropModel(GenSchema s) =>
        s.Models.Count < 2 ? null : Pick(s.Models)?.Select(m =>
        {
            var copy = s.Clone();
            copy.Models.RemoveAll(x => x.Name == m.Name);
            // Relations to the model go too, with their foreign-key fields.
            foreach (var r in copy.Relations.Where(r => r.To == m.Name && r.From != m.Name))
            {
                var from = copy.Model(r.From)!;
                from.Fields.RemoveAll(f => r.Fields.Contains(f.Name));
                from.Indexes.RemoveAll(i => i.Fields.Any(r.Fields.Contains));
            }
            copy.Relations.RemoveAll(r => r.From == m.Name || r.To == m.Name);
            return copy;
        });

    /// <summary>
    /// A single-field id becomes a compound one with another required field, or back; only on
    /// models no relation points at (their foreign keys reference the id).
    /// </summary>
    private static Gen<GenSchema>? ChangeId(GenSchema s) =>
        Pick(s.Models.Where(m => s.Relations.All(r => r.To != m.Name)))?.SelectMany(m =>
        {
            if (m.CompoundId != null)
                return Gen.Constant(Identified(s, m.Name, model =>
                {
                    var first = model.CompoundId![0];
                    model.CompoundId = null;
                    int at = model.Fields.FindIndex(f => f.Name == first);
                    model.Fields[at] = model.Fields[at] with { Id = true, Unique = false };
                }));
            // Not a foreign key: dropping its relation would leave the id without it.
            var partners = m.Fields.Where(f => !f.Id && !f.Optional && Indexable(f) && !Locked(s, m, f)).Select(f => f.Name).ToArray();
            if (partners.Length == 0) return Gen.Constant(s);
            return Gen.Elements(partners).Select(partner => Identified(s, m.Name, model =>
            {
                int at = model.Fields.FindIndex(f => f.Id);
                var id = model.Fields[at];
                model.Fields[at] = id with { Id = false, Default = id.Default == "autoincrement()" ? null : id.Default };
                model.CompoundId = [id.Name, partner];
            }));
        });

    private static GenSchema Identified(GenSchema s, string name, Action<GenModel> change)
    {
        var copy = s.Clone();
        change(copy.Model(name)!);
        return copy;
    }
}
