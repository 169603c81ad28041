namespace Strata.Generator.Emit
{
    /// <summary>
    /// Emits the relation members of create and update inputs. The type of each member follows the
    /// relation's kind, so a nested write the schema rules out does not compile: no CreateMany on a
    /// many-to-many relation, no Disconnect or Delete on a required to-one relation from the side
    /// that holds its foreign key.
    /// </summary>
    internal static class NestedWriteEmitter
    {
        public static void CreateMembers(CodeWriter w, ModelShape model)
        {
            foreach (var r in model.Relations)
            {
                var (c, u) = ($"{r.Target.TypePrefix}Create", $"{r.Target.TypePrefix}Unique");
                var nested = !r.IsList ? $"global::Strata.NestedOne<{c}, {u}>"
                    : r.JoinTable != null ? $"global::Strata.NestedMany<{c}, {u}>"
                    : $"global::Strata.NestedOneToMany<{c}, {u}>";
                w.Summary($"Creates or connects related {r.Target.Definition.Name} records in the same transaction.");
                Member(w, nested, r);
            }
        }

        public static void UpdateMembers(CodeWriter w, ModelShape model)
        {
            foreach (var r in model.Relations)
            {
                var t = r.Target.TypePrefix;
                var (c, up, u, wh) = ($"{t}Create", $"{t}Update", $"{t}Unique", $"{t}Where");
                var nested = !r.IsList
                    ? (r.HoldsForeignKey && !r.Field.IsOptional ? "global::Strata.NestedOneUpdate" : "global::Strata.NestedOptionalOneUpdate") + $"<{c}, {up}, {u}>"
                    : (r.JoinTable != null ? "global::Strata.NestedManyUpdate" : "global::Strata.NestedOneToManyUpdate") + $"<{c}, {up}, {u}, {wh}>";
                w.Summary($"Nested writes of the related {r.Target.Definition.Name} records, in the same transaction as the update.");
                Member(w, nested, r);
            }
        }

        private static void Member(CodeWriter w, string type, RelationShape r) =>
            w.Line($"public {type}? {r.Member} {{ get => GetRelation<{type}>({r.Index}); set => SetRelation({r.Index}, value); }}");
    }
}
