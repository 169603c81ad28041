using FsCheck;
using FsCheck.Fluent;

namespace Strata.Schema.Tests.Generated;

/// <summary>
/// One mistake made in a generated schema: the invalid variants. Each is a small, named change of
/// the kind people make (a type misspelt, a field twice, a back-relation forgotten, a default of the
/// wrong type...). A defect that does not apply to a schema (no relation to break) leaves a
/// misspelt type instead, so every variant is changed somehow.
/// </summary>
internal static class Defects
{
    private static readonly (string Name, Func<SchemaShape, int, bool> Apply)[] All =
    [
        ("unknown type", (s, n) => Pick(Scalars(s), n, f => f.Type = "Strin")),
        ("field twice", (s, n) => Pick(s.Models, n, m => m.Fields.Add(new FieldShape(m.Fields[0].Name, "Int")))),
        ("model twice", (s, n) => Pick(s.Models, n, m => s.Models.Add(new ModelShape(m.Name) { Fields = { new FieldShape("id", "Int") { Attributes = { "@id" } } } }))),
        ("back-relation missing", (s, n) => PickModel(s, n, (m, f) => f.IsRelation && f.Name.EndsWith("Back", StringComparison.Ordinal), (m, f) => m.Fields.Remove(f))),
        ("foreign key renamed", (s, n) => Pick(Relations(s).Where(f => f.Attributes[0].Contains("fields:", StringComparison.Ordinal)).ToList(), n,
            f => f.Attributes[0] = f.Attributes[0].Replace("fields: [", "fields: [missing", StringComparison.Ordinal))),
        ("foreign key of another type", (s, n) => PickModel(s, n, (m, f) => !f.IsRelation && f.Name.EndsWith("Id", StringComparison.Ordinal),
            (m, f) => f.Type = f.Type == "Int" ? "String" : "Int")),
        ("default of another type", (s, n) => Pick(Scalars(s).Where(f => f.Type is "Int" or "Boolean" or "DateTime" && f.Modifier != "[]").ToList(), n,
            f => { f.Attributes.RemoveAll(a => a.StartsWith("@default", StringComparison.Ordinal) || a == "@updatedAt"); f.Attributes.Add("@default(\"oops\")"); })),
        ("optional id", (s, n) => Pick(s.Models.Where(m => m.Id != null).ToList(), n, m => m.Id!.Modifier = "?")),
        ("unknown attribute", (s, n) => Pick(Scalars(s), n, f => f.Attributes.Add("@uniqe"))),
        ("index on unknown field", (s, n) => Pick(s.Models.Where(m => !m.IsView).ToList(), n, m => m.BlockAttributes.Add("@@index([nowhere])"))),
        ("two models on one table", (s, n) => s.Models.Count > 1 && Both(s.Models[0], s.Models[1], m => m.BlockAttributes.Add("@@map(\"shared\")"))),
        ("enum value twice", (s, n) => Pick(s.Enums, n, e => e.Values.Add(e.Values[0].Split(' ')[0]))),
        ("no unique criterion", (s, n) => Pick(s.Models.Where(m => !m.IsView && m.Fields.All(f => !f.IsRelation)).ToList(), n, m =>
        {
            foreach (var f in m.Fields) f.Attributes.RemoveAll(a => a == "@id" || a.StartsWith("@unique", StringComparison.Ordinal) || a.StartsWith("@default(autoincrement", StringComparison.Ordinal));
            m.BlockAttributes.RemoveAll(a => a.StartsWith("@@unique", StringComparison.Ordinal) || a.StartsWith("@@id", StringComparison.Ordinal));
        })),
        ("updatedAt on a string", (s, n) => Pick(Scalars(s).Where(f => f.Type == "String" && f.Modifier != "[]").ToList(), n, f => f.Attributes.Add("@updatedAt"))),
        ("native type of another type", (s, n) => s.Provider == "postgresql" && Pick(Scalars(s).Where(f => f.Type == "Int").ToList(), n, f => f.Attributes.Add("@db.Uuid"))),
        ("native type on SQLite", (s, n) => s.Provider == "sqlite" && Pick(Scalars(s).Where(f => f.Type == "String").ToList(), n, f => f.Attributes.Add("@db.Text"))),
        ("native type of another type on MySQL", (s, n) => s.Provider == "mysql" && Pick(Scalars(s).Where(f => f.Type == "Int").ToList(), n, f => f.Attributes.Add("@db.VarChar(10)"))),
        ("native type length out of range", (s, n) => s.Provider == "mysql" && Pick(Scalars(s).Where(f => f.Type == "String").ToList(), n,
            f => { f.Attributes.RemoveAll(a => a.StartsWith("@db.", StringComparison.Ordinal)); f.Attributes.Add("@db.Char(300)"); })),
        ("key over TEXT without length", (s, n) => s.Provider == "mysql" && Pick(Scalars(s).Where(f => f.Type == "String" && f.Modifier == "").ToList(), n,
            f => { f.Attributes.RemoveAll(a => a.StartsWith("@db.", StringComparison.Ordinal) || a.StartsWith("@unique", StringComparison.Ordinal)); f.Attributes.Add("@unique"); f.Attributes.Add("@db.Text"); })),
        ("list on MySQL", (s, n) => s.Provider == "mysql" && Pick(Scalars(s).Where(f => f.Type == "Int").ToList(), n, f => { f.Modifier = "[]"; f.Attributes.Clear(); })),
        ("list on SQLite", (s, n) => s.Provider == "sqlite" && Pick(Scalars(s).Where(f => f.Type == "String").ToList(), n, f => { f.Modifier = "[]"; f.Attributes.Clear(); })),
        ("autoincrement on a string", (s, n) => Pick(Scalars(s).Where(f => f.Type == "String" && f.Modifier == "").ToList(), n,
            f => { f.Attributes.RemoveAll(a => a.StartsWith("@default", StringComparison.Ordinal)); f.Attributes.Add("@default(autoincrement())"); })),
        ("required relation over an optional key", (s, n) => PickModel(s, n, (m, f) => f.IsRelation && f.Modifier == "?" && f.Attributes[0].Contains("fields:", StringComparison.Ordinal)
            && !m.Name.Equals(f.Type, StringComparison.Ordinal), (m, f) => f.Modifier = "")),
        ("unknown preview feature", (s, n) => { s.PreviewFeatures.Add("turboMode"); return true; }),
        ("two fields on one column", (s, n) => Pick(s.Models.Where(m => m.Fields.Count(f => !f.IsRelation) > 1).ToList(), n, m =>
        {
            var scalars = m.Fields.Where(f => !f.IsRelation).ToList();
            scalars[1].Attributes.RemoveAll(a => a.StartsWith("@map", StringComparison.Ordinal));
            scalars[1].Attributes.Add($"@map(\"{scalars[0].Name}\")");
            scalars[0].Attributes.RemoveAll(a => a.StartsWith("@map", StringComparison.Ordinal));
        })),
        ("name starting with a digit", (s, n) => Pick(Scalars(s), n, f => f.Name = "2" + f.Name)),
        ("relation to a missing model", (s, n) => Pick(Relations(s), n, f => f.Type = "Ghost")),
        ("key on a relation field", (s, n) => Pick(Relations(s).Where(f => f.Modifier != "[]").ToList(), n, f => f.Attributes.Add("@unique"))),
        ("fields and references of different lengths", (s, n) => Pick(Relations(s).Where(f => f.Attributes[0].Contains("references: [", StringComparison.Ordinal)).ToList(), n,
            f => f.Attributes[0] = f.Attributes[0].Replace("references: [", "references: [id, ", StringComparison.Ordinal))),
        ("unknown referential action", (s, n) => Pick(Relations(s).Where(f => f.Attributes[0].Contains("fields:", StringComparison.Ordinal)).ToList(), n,
            f => f.Attributes[0] = f.Attributes[0].TrimEnd(')') + ", onDelete: Explode)")),
        // The copy keeps the values: Prisma resolves the name to the later enum, Strata to the first, which only
        // matters for further errors in a schema already invalid (a known difference, rules/psl/models/enum-declared-twice.prisma).
        ("enum twice", (s, n) => Pick(s.Enums, n, e => { var copy = new EnumShape(e.Name); copy.Values.AddRange(e.Values); s.Enums.Add(copy); })),
        ("enum default that is no value", (s, n) => Pick(Scalars(s).Where(f => s.Enums.Any(e => e.Name == f.Type) && f.Modifier != "[]").ToList(), n,
            f => { f.Attributes.RemoveAll(a => a.StartsWith("@default", StringComparison.Ordinal)); f.Attributes.Add("@default(Nowhere)"); })),
        ("index on a relation field", (s, n) => PickModel(s, n, (m, f) => f.IsRelation && !m.IsView, (m, f) => m.BlockAttributes.Add($"@@index([{f.Name}])"))),
        ("unknown argument", (s, n) => Pick(s.Models.Where(m => m.Id != null).ToList(), n, m => { m.Id!.Attributes.Remove("@id"); m.Id?.Attributes.Add("@id(size: 3)"); m.Fields[0].Attributes.Add("@id(size: 3)"); })),
    ];

    /// <summary>Applies one defect, chosen by the generator, and names it on the schema.</summary>
    public static Gen<SchemaShape> Invalid =>
        from schema in ShapeGenerators.Schema
        from which in Gen.Choose(0, All.Length - 1)
        from pick in Gen.Choose(0, 1000)
        select Apply(schema, which, pick);

    private static SchemaShape Apply(SchemaShape schema, int which, int pick)
    {
        var (name, apply) = All[which];
        if (apply(schema, pick)) schema.Defect = name;
        else
        {
            schema.Models[0].Fields.Add(new FieldShape("misspelt", "Strng"));
            schema.Defect = "unknown type";
        }
        return schema;
    }

    private static List<FieldShape> Scalars(SchemaShape s) => s.Models.SelectMany(m => m.Fields).Where(f => !f.IsRelation).ToList();

    private static List<FieldShape> Relations(SchemaShape s) => s.Models.SelectMany(m => m.Fields).Where(f => f.IsRelation).ToList();

    private static bool Pick<T>(IReadOnlyList<T> items, int n, Action<T> change)
    {
        if (items.Count == 0) return false;
        change(items[n % items.Count]);
        return true;
    }

    private static bool PickModel(SchemaShape s, int n, Func<ModelShape, FieldShape, bool> match, Action<ModelShape, FieldShape> change)
    {
        var found = s.Models.SelectMany(m => m.Fields.Where(f => match(m, f)).Select(f => (m, f))).ToList();
        if (found.Count == 0) return false;
        var (model, field) = found[n % found.Count];
        change(model, field);
        return true;
    }

    private static bool Both(ModelShape a, ModelShape b, Action<ModelShape> change)
    {
        foreach (var m in new[] { a, b }) m.BlockAttributes.RemoveAll(x => x.StartsWith("@@map", StringComparison.Ordinal));
        change(a);
        change(b);
        return true;
    }
}
