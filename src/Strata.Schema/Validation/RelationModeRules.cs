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
            foreach (var relation in context.Schema.Relations.Where(r => r.Kind != RelationKind.ManyToMany))
            {
                var attr = relation.FieldA.RelationAttribute;
                if (attr == null) continue;
                CheckEmulatedActions(context, attr);
                CheckSelfRelationActions(context, relation, attr);
                CheckIndexed(context, relation);
            }
        }

        /// <summary>The client can cascade, restrict and set NULL; it has no NoAction and no SetDefault.</summary>
        private static void CheckEmulatedActions(BindContext context, RelationAttribute attr)
        {
            foreach (var (action, location, label) in new[] { (attr.OnDelete, attr.OnDeleteLocation, "onDelete"), (attr.OnUpdate, attr.OnUpdateLocation, "onUpdate") })
            {
                if (action != ReferentialAction.NoAction && action != ReferentialAction.SetDefault) continue;
                context.Error(DiagnosticCodes.InvalidReferentialAction, location!,
                    $"`{label}: {action}` is not available with `relationMode = \"prisma\"`: the client emulates only Cascade, Restrict and SetNull. Use Restrict instead of NoAction.");
            }
        }

        /// <summary>
        /// A self-relation whose actions cascade or set NULL could loop in the emulation, so both
        /// actions, as given or by default, must refuse the change.
        /// </summary>
        private static void CheckSelfRelationActions(BindContext context, RelationDefinition relation, RelationAttribute attr)
        {
            if (!ReferenceEquals(relation.ReferencingModel, relation.ReferencedModel)) return;
            if (Refuses(relation.OnDelete) && Refuses(relation.OnUpdate)) return;
            context.Error(DiagnosticCodes.CyclicReferentialActions, attr.Location,
                $"The self-relation `{relation.FieldA}` has onDelete: {relation.OnDelete} and onUpdate: {relation.OnUpdate}{(relation.ExplicitOnDelete == null || relation.ExplicitOnUpdate == null ? " (counting the defaults)" : string.Empty)}; with `relationMode = \"prisma\"` a self-relation must refuse both. Set `onDelete: Restrict, onUpdate: Restrict`.");
        }

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
