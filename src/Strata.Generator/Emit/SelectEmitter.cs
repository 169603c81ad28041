namespace Strata.Generator.Emit
{
    /// <summary>Emits a model's select proxy (<c>UserSelect</c>) and its query's <c>Select</c> method.</summary>
    internal static class SelectEmitter
    {
        public static void Proxy(CodeWriter w, ClientModel client, ModelShape model)
        {
            var n = model.TypePrefix;
            var meta = ModelEmitter.Meta(client, model);
            w.Summary($"The fields and relations of {model.Definition.Name} in a Select lambda: each reads the record's value.");
            w.Open($"public sealed class {n}Select : global::Strata.SelectProxy<{model.Name}>");
            w.Line($"internal {n}Select() : base({meta}) {{ }}");
            foreach (var c in model.Columns)
            {
                w.Doc(c.Field.Documentation ?? $"The {c.Field.Name} field.");
                w.Line($"public {c.Type} {c.Member} => Selected({c.Index}) ? SelectedRow.{c.Member} : {Placeholder(c)};");
            }
            foreach (var r in model.Relations)
            {
                var t = r.Target.TypePrefix;
                if (r.IsList)
                {
                    w.Summary($"The related {r.Target.Definition.Name} records: .Select(...) projects them, .Count() counts them.");
                    w.Line($"public global::Strata.SelectMany<{t}Select, {t}Where, {t}Fields> {r.Member} => SelectList<{t}Select, {t}Where, {t}Fields>({r.Index}, static () => new {t}Select());");
                }
                else
                {
                    w.Summary($"The related {r.Target.Definition.Name} record: .Select(...) projects it (null when there is none).");
                    w.Line($"public global::Strata.SelectOne<{t}Select> {r.Member} => SelectSingle({r.Index}, static () => new {t}Select());");
                }
            }
            w.Close();
            w.Line();
        }

        public static void QueryMethod(CodeWriter w, ModelShape model)
        {
            var n = model.TypePrefix;
            w.Summary("Reads only what <paramref name=\"select\"/> reads of each record (fields, relations with their own Where/OrderBy/Skip/Take, counts) and returns what it builds: "
                + "<c>Select(x =&gt; new { x.Id, ... })</c>. The lambda runs once with placeholder values first, to learn what it reads: read the same members for every record.");
            w.Line($"public global::Strata.SelectQuery<{model.Name}, {n}Unique, TResult> Select<TResult>(global::System.Func<{n}Select, TResult> select) => Project(select, static () => new {n}Select());");
        }

        /// <summary>What a member returns while the selector is recorded: a value that code over it can use without failing (no null for required text, lists and documents).</summary>
        private static string Placeholder(ColumnShape c)
        {
            if (c.IsList) return "new()";
            if (c.IsOptional) return "null";
            return c.Kind switch
            {
                "String" => "\"\"",
                "Bytes" => "global::System.Array.Empty<byte>()",
                "Json" => "new global::System.Text.Json.Nodes.JsonObject()",
                _ => "default",
            };
        }
    }
}
