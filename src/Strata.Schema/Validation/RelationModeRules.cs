using System.Collections.Generic;
using System.Linq;
using Strata.Schema.Binding;
using Strata.Schema.Diagnostics;
using Strata.Schema.Semantics;

namespace Strata.Schema.Validation
{
    /// <summary>
    /// Rules that hold only with <c>relationMode = "prisma"</c>, where no foreign keys exist in the
    /// database and the referential actions are carried out by the client instead (Prisma's rules).
    /// </summary>
    internal static class RelationModeRules
    {
        public static void Check(BindContext context)
        {
            if (!context.EmulatesRelations) return;
            var inline = context.Schema.Relations.Where(r => r.Kind != RelationKind.ManyToMany).ToList();
            var byReferencingModel = inline.ToLookup(r => r.ReferencingModel);
            foreach (var relation in inline)
            {
                var attr = relation.FieldA.RelationAttribute;
                if (attr == null) continue;
                CheckEmulatedActions(context, attr);
                CheckCycles(context, relation, attr, byReferencingModel);
                CheckIndexed(context, relation);
            }
        }

        /// <summary>
        /// The client can cascade, restrict and set NULL; it has no SetDefault. NoAction is refused
        /// on SQLite and PostgreSQL, where it would not mean what their NO ACTION means, and
        /// accepted on MySQL, whose NO ACTION is RESTRICT (Prisma's rule).
        /// </summary>
        private static void CheckEmulatedActions(BindContext context, RelationAttribute attr)
        {
            foreach (var (action, location, label) in attr.Actions)
            {
                bool noAction = action == ReferentialAction.NoAction && context.Provider != ProviderKind.MySql;
                if (!noAction && action != ReferentialAction.SetDefault) continue;
                context.Error(DiagnosticCodes.InvalidReferentialAction, location!,
                    $"`{label}: {action}` is not available with `relationMode = \"prisma\"`: the client emulates only Cascade, Restrict{(context.Provider == ProviderKind.MySql ? ", NoAction" : string.Empty)} and SetNull.{(noAction ? " Use Restrict instead of NoAction." : string.Empty)}");
            }
        }

        /// <summary>
        /// The client carries out the actions, and an action that changes rows (a cascade, SET NULL)
        /// could loop: so, following the relations from <paramref name="start"/> through every one
        /// whose actions change rows, reaching a self-relation or coming back to the model that
        /// holds <paramref name="start"/> is an error on <paramref name="start"/> (Prisma's rule).
        /// </summary>
        private static void CheckCycles(BindContext context, RelationDefinition start, RelationAttribute attr, ILookup<ModelDefinition, RelationDefinition> byReferencingModel)
        {
            var visited = new HashSet<RelationDefinition>();
            var pending = new Stack<RelationDefinition>();
            pending.Push(start);
            while (pending.Count > 0)
            {
                var next = pending.Pop();
                visited.Add(next);
                if (Refuses(next.OnDelete) && Refuses(next.OnUpdate)) continue;
                if (ReferenceEquals(next.ReferencingModel, next.ReferencedModel))
                {
                    context.Error(DiagnosticCodes.CyclicReferentialActions, attr.Location, ReferenceEquals(next, start)
                        ? $"The self-relation `{start.FieldA}` has onDelete: {start.OnDelete} and onUpdate: {start.OnUpdate}{Defaults(start)}; with `relationMode = \"prisma\"` a self-relation must refuse both. Set `onDelete: Restrict, onUpdate: Restrict`."
                        : $"`{start.FieldA}` (onDelete: {start.OnDelete}, onUpdate: {start.OnUpdate}{Defaults(start)}) leads to the self-relation `{next.FieldA}`, whose actions change rows; with `relationMode = \"prisma\"` that could loop. Set `onDelete: Restrict, onUpdate: Restrict` on one of them.");
                    return;
                }
                if (ReferenceEquals(next.ReferencedModel, start.ReferencingModel))
                {
                    context.Error(DiagnosticCodes.CyclicReferentialActions, attr.Location,
                        $"`{start.FieldA}` (onDelete: {start.OnDelete}, onUpdate: {start.OnUpdate}{Defaults(start)}) is part of a cycle of relations back to `{start.ReferencingModel.Name}` whose actions change rows; with `relationMode = \"prisma\"` that could loop. Set `onDelete: Restrict, onUpdate: Restrict` on one relation of the cycle.");
                    return;
                }
                foreach (var onward in byReferencingModel[next.ReferencedModel])
                    if (!visited.Contains(onward)) pending.Push(onward);
            }
        }

        private static string Defaults(RelationDefinition relation) =>
            relation.ExplicitOnDelete == null || relation.ExplicitOnUpdate == null ? " (counting the defaults)" : string.Empty;

        private static bool Refuses(ReferentialAction action) => action == ReferentialAction.Restrict || action == ReferentialAction.NoAction;

        /// <summary>Without a foreign key the database creates no index for it, so say when none covers the fields.</summary>
        private static void CheckIndexed(BindContext context, RelationDefinition relation)
        {
            var model = relation.ReferencingModel;
            var columns = relation.ForeignKeyFields.Select(f => f.Name).ToList();
            var keys = new List<KeyDefinition>();
            if (model.PrimaryKey != null) keys.Add(model.PrimaryKey);
            keys.AddRange(model.Uniques);
            keys.AddRange(model.Indexes);
            if (keys.Any(k => k.FieldNames.Take(columns.Count).SequenceEqual(columns))) return;
            context.Warning(DiagnosticCodes.RelationFieldsNotIndexed, relation.FieldA.RelationAttribute!.Location,
                $"With `relationMode = \"prisma\"` there is no foreign key, so nothing indexes ({string.Join(", ", columns)}) and lookups of `{relation.FieldA}` scan the table. Add `@@index([{string.Join(", ", columns)}])`.");
        }
    }
}
