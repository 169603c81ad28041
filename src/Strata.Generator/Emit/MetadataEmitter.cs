using System.Globalization;
using System.Linq;
using Strata.Schema.Semantics;

namespace Strata.Generator.Emit
{
    /// <summary>Emits the runtime's description of the schema: one ModelInfo per model, with columns, unique criteria and relations.</summary>
    internal static class MetadataEmitter
    {
        public static string Emit(ClientModel client)
        {
            var w = ModelEmitter.Header(client);
            w.Summary("The schema as the Strata runtime reads it.");
            w.Open($"internal static class {client.MetadataClass}");
            foreach (var model in client.Models)
                w.Line($"public static readonly global::Strata.Metadata.ModelInfo {model.TypePrefix};");
            w.Line();
            w.Open($"static {client.MetadataClass}()");
            bool emulates = client.Schema.Datasource?.RelationMode == "prisma";
            foreach (var model in client.Models) Model(w, model, emulates);
            foreach (var model in client.Models) Relations(w, client, model);
            w.Close();
            w.Close();
            return w.Close().ToString();
        }

        private static void Model(CodeWriter w, ModelShape model, bool emulatesRelations)
        {
            var d = model.Definition;
            var n = model.TypePrefix;
            w.Line($"{n} = new global::Strata.Metadata.ModelInfo({Naming.Literal(d.Name)}, {Naming.Literal(d.DatabaseName)}, {Str(d.DatabaseSchema)},");
            w.Line("    new global::Strata.Metadata.ColumnInfo[]");
            w.Line("    {");
            foreach (var c in model.Columns) w.Line("        " + Column(c) + ",");
            w.Line("    },");
            w.Line("    new global::Strata.Metadata.UniqueInfo[]");
            w.Line("    {");
            foreach (var (key, columns) in model.Uniques)
                w.Line($"        new({Naming.Literal(key.DatabaseName)}, new[] {{ {string.Join(", ", columns)} }}, {(key is PrimaryKeyDefinition ? "true" : "false")}),");
            w.Line("    })");
            // relationMode = "prisma": the runtime carries out the referential actions (there are no foreign keys).
            var mode = emulatesRelations ? ", RelationMode = global::Strata.Metadata.RelationMode.Prisma" : "";
            w.Line($"{{ Reader = new {n}Reader(), UniqueProxy = {n}Unique.Instance{mode} }};");
        }

        private static string Column(ColumnShape c)
        {
            var f = c.Field;
            var init = new System.Collections.Generic.List<string>();
            var (kind, value) = DefaultOf(c);
            if (kind != null) init.Add("Default = global::Strata.Metadata.DefaultKind." + kind);
            if (value != null) init.Add("DefaultValue = " + value);
            if (f.IsUpdatedAt) init.Add("IsUpdatedAt = true");
            if (f.NativeType != null) init.Add("NativeType = " + Naming.Literal(f.NativeType.Name));
            if (c.Enum != null) init.Add($"EnumMapping = {c.Enum.MappingName}.Instance");
            var text = $"new({c.Index}, {Naming.Literal(f.Name)}, {Naming.Literal(f.DatabaseName)}, global::Strata.Metadata.ScalarKind.{c.Kind}, {(c.IsOptional ? "true" : "false")}, {(c.IsList ? "true" : "false")})";
            return init.Count == 0 ? text : text + " { " + string.Join(", ", init) + " }";
        }

        private static (string? Kind, string? Value) DefaultOf(ColumnShape c)
        {
            var d = c.Field.Default;
            if (d == null) return (null, null);
            switch (d.Kind)
            {
                case DefaultKind.Function:
                    var args = d.FunctionArguments;
                    return d.FunctionName switch
                    {
                        "autoincrement" or "sequence" => ("Autoincrement", null),
                        "dbgenerated" => ("DatabaseGenerated", null),
                        "now" => ("Now", null),
                        "uuid" => (args.Count > 0 && System.Convert.ToString(args[0], CultureInfo.InvariantCulture) == "7" ? "UuidV7" : "UuidV4", null),
                        "cuid" => ("Cuid", null),
                        "ulid" => ("Ulid", null),
                        "nanoid" => ("NanoId", args.Count > 0 ? System.Convert.ToString(args[0], CultureInfo.InvariantCulture) : null),
                        _ => (null, null),
                    };
                case DefaultKind.EnumValue:
                    return ("Literal", EnumLiteral(c, (string)d.Value!));
                case DefaultKind.List:
                    var items = d.Items.Select(i => i.Kind == DefaultKind.EnumValue ? EnumLiteral(c, (string)i.Value!) : Literal(c, i.Value)).ToList();
                    return ("Literal", $"new global::System.Collections.Generic.List<{c.ElementType}> {{ {string.Join(", ", items)} }}");
                default:
                    return ("Literal", Literal(c, d.Value));
            }
        }

        private static string EnumLiteral(ColumnShape c, string name) =>
            c.ElementType + "." + c.Enum!.Values.First(v => v.Value.Name == name).Member;

        private static string Literal(ColumnShape c, object? value)
        {
            var text = System.Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            return c.Kind switch
            {
                "Int" => "(int)" + text,
                "BigInt" => text + "L",
                "Float" => "(double)" + text + (text.Contains(".") || text.Contains("E") || text.Contains("e") ? "" : ".0"),
                "Decimal" => text + "m",
                "Boolean" => text.ToLowerInvariant(),
                "DateTime" => $"global::System.DateTime.Parse({Naming.Literal(text)}, global::System.Globalization.CultureInfo.InvariantCulture, global::System.Globalization.DateTimeStyles.AdjustToUniversal | global::System.Globalization.DateTimeStyles.AssumeUniversal)",
                "Bytes" => $"global::System.Convert.FromBase64String({Naming.Literal(text)})",
                _ => Naming.Literal(text), // String and Json (stored as its text)
            };
        }

        private static void Relations(CodeWriter w, ClientModel client, ModelShape model)
        {
            var n = model.TypePrefix;
            w.Line($"{n}.Relations = new global::Strata.Metadata.RelationInfo[]");
            w.Line("{");
            foreach (var r in model.Relations)
            {
                var init = new System.Collections.Generic.List<string>();
                if (r.ForeignKeyName != null) init.Add("ForeignKeyName = " + Naming.Literal(r.ForeignKeyName));
                if (r.Actions is { } a)
                {
                    init.Add("OnDelete = global::Strata.Metadata.ReferentialAction." + a.OnDelete);
                    init.Add("OnUpdate = global::Strata.Metadata.ReferentialAction." + a.OnUpdate);
                }
                if (r.JoinTable is { } j)
                    init.Add($"JoinTable = new({Naming.Literal(j.Name)}, {Str(j.Schema)}, {Naming.Literal(j.Local)}, {Naming.Literal(j.Target)}, global::Strata.Metadata.ScalarKind.{j.LocalKind}, global::Strata.Metadata.ScalarKind.{j.TargetKind})");
                var text = $"    new({r.Index}, {Naming.Literal(r.Field.Name)}, () => {r.Target.TypePrefix}, {(r.IsList ? "true" : "false")}, {(r.HoldsForeignKey ? "true" : "false")}, new[] {{ {string.Join(", ", r.LocalColumns)} }}, new[] {{ {string.Join(", ", r.TargetColumns)} }}, {(r.Field.IsOptional ? "true" : "false")})";
                w.Line(init.Count == 0 ? text + "," : text + " { " + string.Join(", ", init) + " },");
            }
            w.Line("};");
        }

        private static string Str(string? text) => text == null ? "null" : Naming.Literal(text);
    }
}
