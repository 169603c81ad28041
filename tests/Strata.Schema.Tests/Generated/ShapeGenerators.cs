using FsCheck;
using FsCheck.Fluent;

namespace Strata.Schema.Tests.Generated;

/// <summary>
/// FsCheck generators for schemas that are meant to be valid: enums, models with keys, scalar fields
/// of every type with defaults, maps, native types and indexes, and relations of every kind
/// (one-to-many, one-to-one, implicit many-to-many, self-relations) with referential actions.
/// Whether a shape really is valid is for Prisma to say; the test only compares verdicts.
/// </summary>
internal static class ShapeGenerators
{
    private static readonly string[] ModelNames = ["User", "Post", "Tag", "Order", "Item", "Shop", "Note", "Team", "City", "Photo"];
    private static readonly string[] FieldNames = ["title", "count", "price", "active", "createdAt", "data", "blob", "score", "label", "kind", "rank", "code"];
    private static readonly string[] EnumNames = ["Role", "Status", "Color"];
    private static readonly string[] EnumValues = ["Alpha", "Beta", "Gamma", "Delta", "Omega"];
    private static readonly string[] ScalarTypes = ["String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes"];
    private static readonly string[] Actions = ["Cascade", "Restrict", "NoAction", "SetNull", "SetDefault"];

    public static Gen<SchemaShape> Schema =>
        from provider in Gen.Frequency((4, Gen.Constant<string?>("postgresql")), (4, Gen.Constant<string?>("sqlite")), (3, Gen.Constant<string?>("mysql")), (1, Gen.Constant<string?>(null)))
        from relationMode in Gen.Frequency((5, Gen.Constant<string?>(null)), (1, Gen.Constant<string?>("prisma")), (1, Gen.Constant<string?>("foreignKeys")))
        from enumCount in Gen.Choose(0, 2)
        from enums in Gen.Shuffle(EnumNames).SelectMany(names => Gen.CollectToArray(names.Take(enumCount), Enum))
        from modelCount in Gen.Choose(1, 4)
        from models in Gen.Shuffle(ModelNames).SelectMany(names => Gen.CollectToArray(names.Take(modelCount), n => Model(n, provider, enums)))
        from relationCount in Gen.Choose(0, 3)
        from relations in Gen.ArrayOf(Relation(modelCount), relationCount)
        from views in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
        from schemas in Gen.Frequency((5, Gen.Constant(0)), (1, Gen.Choose(1, 2)))
        from placement in Gen.ArrayOf(Gen.Choose(0, 1), 8)
        select Place(Build(provider, relationMode, enums, models, relations, views), schemas, placement);

    /// <summary>On PostgreSQL, the datasource may list schemas; each model and enum then goes in one of them.</summary>
    private static SchemaShape Place(SchemaShape schema, int schemas, int[] placement)
    {
        if (schema.Provider != "postgresql" || schemas == 0) return schema;
        var names = new[] { "base", "extra" }.Take(schemas).ToArray();
        schema.Schemas.AddRange(names);
        int i = 0;
        foreach (var m in schema.Models) m.BlockAttributes.Add($"@@schema(\"{names[placement[i++ % placement.Length] % names.Length]}\")");
        foreach (var e in schema.Enums) e.BlockAttributes.Add($"@@schema(\"{names[placement[i++ % placement.Length] % names.Length]}\")");
        return schema;
    }

    private static SchemaShape Build(string? provider, string? relationMode, EnumShape[] enums, ModelShape[] models, RelationPlan[] relations, bool views)
    {
        var schema = new SchemaShape { Provider = provider, RelationMode = provider == null ? null : relationMode };
        schema.Enums.AddRange(enums);
        schema.Models.AddRange(models);
        for (int i = 0; i < relations.Length; i++) relations[i].ApplyTo(schema, $"R{i + 1}", schema.RelationMode == "prisma");
        if (views && models.Length > 1 && provider != null)
        {
            // The last model becomes a view: no key attributes, a unique field instead, no relations.
            var view = models[^1];
            if (view.Fields.All(f => !f.IsRelation) && schema.Models.SelectMany(m => m.Fields).All(f => f.Type != view.Name))
            {
                view.IsView = true;
                view.BlockAttributes.RemoveAll(a => a.StartsWith("@@id", StringComparison.Ordinal) || a.StartsWith("@@index", StringComparison.Ordinal) || a.StartsWith("@@fulltext", StringComparison.Ordinal));
                foreach (var f in view.Fields)
                {
                    f.Attributes.RemoveAll(a => a.StartsWith("@default(autoincrement", StringComparison.Ordinal));
                    if (f.Attributes.Remove("@id")) f.Attributes.Add("@unique");
                }
                schema.PreviewFeatures.Add("views");
            }
        }
        return schema;
    }

    public static Gen<EnumShape> Enum(string name) =>
        from count in Gen.Choose(1, 4)
        from values in Gen.Shuffle(EnumValues)
        from maps in Gen.ArrayOf(Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true))), count)
        from mapped in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        select MakeEnum(name, values.Take(count).ToArray(), maps, mapped);

    private static EnumShape MakeEnum(string name, string[] values, bool[] maps, bool mapped)
    {
        var e = new EnumShape(name);
        for (int i = 0; i < values.Length; i++) e.Values.Add(maps[i] ? $"{values[i]} @map(\"{values[i].ToLowerInvariant()}\")" : values[i]);
        if (mapped) e.BlockAttributes.Add($"@@map(\"{name.ToLowerInvariant()}_kind\")");
        return e;
    }

    public static Gen<ModelShape> Model(string name, string? provider, EnumShape[] enums) =>
        from idKind in Gen.Choose(0, 5)
        from fieldCount in Gen.Choose(0, 5)
        from names in Gen.Shuffle(FieldNames)
        from fields in Gen.CollectToArray(names.Take(fieldCount), n => ScalarField(n, provider, enums))
        from indexes in Gen.Choose(0, 2)
        from indexKinds in Gen.ArrayOf(Gen.Elements("@@index", "@@unique"), indexes)
        from mapped in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from namedIndex in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from fullText in Gen.Frequency((3, Gen.Constant(false)), (provider == "mysql" ? 1 : 0, Gen.Constant(true)))
        select MakeModel(name, idKind, fields, indexKinds, mapped, namedIndex, fullText);

    /// <summary>MySQL's TEXT and BLOB types, whose keys need a prefix length.</summary>
    private static bool IsLob(FieldShape field) => field.Attributes.Any(a => a is "@db.TinyText" or "@db.Text" or "@db.MediumText" or "@db.LongText"
        or "@db.TinyBlob" or "@db.Blob" or "@db.MediumBlob" or "@db.LongBlob");

    private static ModelShape MakeModel(string name, int idKind, FieldShape[] fields, string[] indexKinds, bool mapped, bool namedIndex, bool fullText)
    {
        var model = new ModelShape(name);
        switch (idKind)
        {
            case 0:
                model.Fields.Add(new FieldShape("id", "Int") { Attributes = { "@id", "@default(autoincrement())" } });
                break;
            case 1:
                model.Fields.Add(new FieldShape("id", "String") { Attributes = { "@id", "@default(cuid())" } });
                break;
            case 2:
                model.Fields.Add(new FieldShape("id", "String") { Attributes = { "@id", "@default(uuid())" } });
                break;
            case 3:
                model.Fields.Add(new FieldShape("id", "Int") { Attributes = { "@unique" } });
                break;
            case 4:
                model.Fields.Add(new FieldShape("id", "BigInt") { Attributes = { "@id", "@default(autoincrement())" } });
                break;
            default:
                // A compound key: relations to this model refer to its unique `id` instead.
                model.Fields.Add(new FieldShape("id", "String") { Attributes = { "@unique", "@default(nanoid())" } });
                model.Fields.Add(new FieldShape("part", "Int"));
                model.BlockAttributes.Add("@@id([id, part])");
                break;
        }
        model.Fields.AddRange(fields);
        var indexable = fields.Where(f => f.Modifier != "[]" && f.Type is not ("Json" or "Bytes") && !IsLob(f)).ToList();
        // Each index on other columns than the others and than a field's own @unique, so that the
        // default names do not clash (a clash is one of the defects instead).
        var taken = new HashSet<string>(fields.Where(f => f.Attributes.Contains("@unique")).Select(f => f.Name));
        for (int i = 0; i < indexKinds.Length && indexable.Count > 0; i++)
        {
            var columns = string.Join(", ", indexable.Skip(i % indexable.Count).Take(1 + i).Select(f => f.Name));
            if (!taken.Add(columns)) continue;
            var map = namedIndex ? $", map: \"{name.ToLowerInvariant()}_ix{i}\"" : string.Empty;
            model.BlockAttributes.Add($"{indexKinds[i]}([{columns}]{map})");
        }
        // A MySQL full-text index over the text columns, named so that it never takes an index's default name.
        var texts = fields.Where(f => f.Type == "String" && f.Modifier != "[]").Select(f => f.Name).ToList();
        if (fullText && texts.Count > 0) model.BlockAttributes.Add($"@@fulltext([{string.Join(", ", texts)}], map: \"{name.ToLowerInvariant()}_ft\")");
        if (mapped) model.BlockAttributes.Add($"@@map(\"{name.ToLowerInvariant()}s\")");
        return model;
    }

    public static Gen<FieldShape> ScalarField(string name, string? provider, EnumShape[] enums) =>
        from type in enums.Length > 0 ? Gen.Frequency((6, ScalarType(provider)), (1, Gen.Elements(enums.Select(e => e.Name).ToArray()))) : ScalarType(provider)
        from modifier in Gen.Frequency((5, Gen.Constant("")), (3, Gen.Constant("?")), (provider == "postgresql" ? 1 : 0, Gen.Constant("[]")))
        from withDefault in Gen.Frequency((2, Gen.Constant(false)), (1, Gen.Constant(true)))
        from unique in Gen.Frequency((6, Gen.Constant(false)), (1, Gen.Constant(true)))
        from mapped in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from native in Gen.Frequency((3, Gen.Constant<string?>(null)), (provider == "postgresql" ? 1 : 0, NativeType(type)), (provider == "mysql" ? 1 : 0, MySqlNativeType(type)))
        from updatedAt in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        select MakeField(name, type, modifier, withDefault, unique, mapped, native, updatedAt, enums);

    private static FieldShape MakeField(string name, string type, string modifier, bool withDefault, bool unique, bool mapped, string? native,
        bool updatedAt, EnumShape[] enums)
    {
        var field = new FieldShape(name, type, modifier);
        var enumShape = enums.FirstOrDefault(e => e.Name == type);
        if (withDefault && modifier != "[]")
        {
            var value = type switch
            {
                "String" => name.Length % 2 == 0 ? "\"text\"" : "dbgenerated(\"'x'\")",
                "Int" => "42",
                "BigInt" => "7",
                "Float" => "1.5",
                "Decimal" => "2.25",
                "Boolean" => "true",
                "DateTime" => "now()",
                "Json" => "\"{}\"",
                "Bytes" => null,
                _ => enumShape?.Values[0].Split(' ')[0],
            };
            if (value != null) field.Attributes.Add($"@default({value})");
        }
        if (mapped) field.Attributes.Add($"@map(\"{name}_col\")");
        if (native != null) field.Attributes.Add(native);
        // A unique TEXT column on MySQL is unique over a prefix.
        if (unique && modifier != "[]" && type is not ("Json" or "Bytes")) field.Attributes.Insert(0, IsLob(field) ? "@unique(length: 16)" : "@unique");
        if (updatedAt && type == "DateTime" && modifier != "[]" && !withDefault) field.Attributes.Add("@updatedAt");
        return field;
    }

    /// <summary>A scalar type the provider has (without a datasource Prisma knows no Decimal).</summary>
    private static Gen<string> ScalarType(string? provider) => Gen.Elements(provider == null ? ScalarTypes.Where(t => t != "Decimal").ToArray() : ScalarTypes);

    /// <summary>A PostgreSQL native type that fits the scalar type, or null when there is none.</summary>
    private static Gen<string?> NativeType(string type) => type switch
    {
        "String" => Gen.Elements<string?>("@db.Text", "@db.VarChar(80)", "@db.Char(4)", "@db.Uuid"),
        "Int" => Gen.Elements<string?>("@db.Integer", "@db.SmallInt"),
        "BigInt" => Gen.Constant<string?>("@db.BigInt"),
        "Float" => Gen.Elements<string?>("@db.DoublePrecision", "@db.Real"),
        "Decimal" => Gen.Elements<string?>("@db.Decimal(10, 2)", "@db.Money"),
        "DateTime" => Gen.Elements<string?>("@db.Timestamptz(3)", "@db.Timestamp(6)", "@db.Date", "@db.Time(2)"),
        "Boolean" => Gen.Constant<string?>("@db.Boolean"),
        "Json" => Gen.Elements<string?>("@db.Json", "@db.JsonB"),
        "Bytes" => Gen.Constant<string?>("@db.ByteA"),
        _ => Gen.Constant<string?>(null),
    };

    /// <summary>
    /// A MySQL native type that fits the scalar type. A String key over a TEXT type gets its prefix
    /// length (forgetting it is one of the defects).
    /// </summary>
    private static Gen<string?> MySqlNativeType(string type) => type switch
    {
        "String" => Gen.Elements<string?>("@db.VarChar(80)", "@db.Char(4)", "@db.VarChar(191)", "@db.Text", "@db.MediumText", "@db.TinyText"),
        "Int" => Gen.Elements<string?>("@db.Int", "@db.UnsignedInt", "@db.SmallInt", "@db.MediumInt", "@db.TinyInt", "@db.Year"),
        "BigInt" => Gen.Elements<string?>("@db.BigInt", "@db.UnsignedBigInt"),
        "Float" => Gen.Elements<string?>("@db.Double", "@db.Float"),
        "Decimal" => Gen.Elements<string?>("@db.Decimal(10, 2)", "@db.Decimal(65, 30)"),
        "DateTime" => Gen.Elements<string?>("@db.DateTime(3)", "@db.Timestamp(6)", "@db.Date", "@db.Time(2)"),
        "Boolean" => Gen.Elements<string?>("@db.TinyInt", "@db.Bit(1)"),
        "Json" => Gen.Constant<string?>("@db.Json"),
        "Bytes" => Gen.Elements<string?>("@db.Blob", "@db.LongBlob", "@db.VarBinary(16)", "@db.Binary(4)"),
        _ => Gen.Constant<string?>(null),
    };

    public static Gen<RelationPlan> Relation(int modelCount) =>
        from kind in Gen.Elements(RelationKindShape.OneToMany, RelationKindShape.OneToOne, RelationKindShape.ManyToMany, RelationKindShape.Self)
        from holder in Gen.Choose(0, modelCount - 1)
        from target in Gen.Choose(0, modelCount - 1)
        from optional in Gen.Elements(true, false)
        from onDelete in Gen.Frequency((3, Gen.Constant<string?>(null)), (1, Gen.Elements<string?>(Actions)))
        from onUpdate in Gen.Frequency((4, Gen.Constant<string?>(null)), (1, Gen.Elements<string?>(Actions)))
        select new RelationPlan(kind, holder, target, optional, onDelete, onUpdate);
}
