using System;
using System.Collections.Generic;
using System.Linq;
using Strata.Schema.Diagnostics;
using Strata.Schema.Semantics;

namespace Strata.Schema.Binding
{
    /// <summary>
    /// Pairs relation fields into relations (by the two models and the relation name), decides
    /// which side holds the foreign key, and checks every relation rule.
    /// </summary>
    internal sealed class RelationResolver
    {
        private readonly BindContext _context;

        public RelationResolver(BindContext context) => _context = context;

        public void Resolve()
        {
            var groups = new Dictionary<(string, string, string), List<FieldDefinition>>();
            var order = new List<(string, string, string)>();
            foreach (var model in _context.Schema.Models)
            {
                foreach (var field in model.RelationFields)
                {
                    var other = field.RelatedModel!;
                    var pair = string.CompareOrdinal(model.Name, other.Name) <= 0 ? (model.Name, other.Name) : (other.Name, model.Name);
                    var key = (pair.Item1, pair.Item2, field.RelationAttribute?.Name ?? string.Empty);
                    if (!groups.TryGetValue(key, out var list))
                    {
                        groups[key] = list = new List<FieldDefinition>();
                        order.Add(key);
                    }
                    list.Add(field);
                }
            }
            foreach (var key in order) ResolveGroup(key.Item1, key.Item2, key.Item3, groups[key]);
        }

        private void ResolveGroup(string modelA, string modelB, string name, List<FieldDefinition> fields)
        {
            string described = name.Length == 0 ? "without a name" : $"named \"{name}\"";
            if (modelA == modelB)
            {
                if (fields.Count == 2) { Pair(fields[0], fields[1]); return; }
                if (fields.Count == 1)
                {
                    _context.Error(DiagnosticCodes.MissingBackRelation, fields[0].Location,
                        $"The self-relation field `{fields[0]}` {described} needs its opposite field on `{modelA}`: a self-relation has two fields with the same relation name, such as `parent {modelA}? @relation(\"{Suggest(fields[0])}\", ...)` and `children {modelA}[] @relation(\"{Suggest(fields[0])}\")`.");
                    return;
                }
                foreach (var f in fields)
                {
                    _context.Error(DiagnosticCodes.AmbiguousRelation, f.Location,
                        $"`{modelA}` has {fields.Count} self-relation fields {described}, so they cannot be paired. Give each pair its own name with `@relation(\"...\")` on both of its fields.");
                }
                return;
            }
            var sideA = fields.Where(f => f.Container.Name == modelA).ToList();
            var sideB = fields.Where(f => f.Container.Name == modelB).ToList();
            if (sideA.Count == 1 && sideB.Count == 1)
            {
                Pair(sideA[0], sideB[0]);
                return;
            }
            if (sideA.Count > 1 || sideB.Count > 1)
            {
                foreach (var f in fields)
                {
                    _context.Error(DiagnosticCodes.AmbiguousRelation, f.Location,
                        $"There are several relations {described} between `{modelA}` and `{modelB}`, so `{f}` cannot be paired. Name each relation with `@relation(\"...\")` on both of its fields, for example `@relation(\"{Suggest(f)}\")`.");
                }
                return;
            }
            var lone = fields[0];
            var target = lone.RelatedModel!;
            string fix = lone.IsList
                ? $"`{Camel(lone.Container.Name)} {lone.Container.Name}` with `@relation(fields: [...], references: [...])`"
                : $"`{Camel(lone.Container.Name)}s {lone.Container.Name}[]`";
            _context.Error(DiagnosticCodes.MissingBackRelation, lone.Location,
                $"The relation field `{lone}` {described} has no opposite relation field on the model `{target.Name}`. Add one there, such as {fix}{(name.Length > 0 ? $", with `@relation(\"{name}\")`" : string.Empty)}.");
        }

        private static string Suggest(FieldDefinition field) => field.Container.Name + char.ToUpperInvariant(field.Name[0]) + field.Name.Substring(1);

        private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);

        private void Pair(FieldDefinition first, FieldDefinition second)
        {
            var attributeName = first.RelationAttribute?.Name ?? second.RelationAttribute?.Name;
            string name = attributeName ?? DefaultName(first.Container.Name, second.Container.Name);
            if (first.IsList && second.IsList)
            {
                PairManyToMany(name, attributeName != null, first, second);
                return;
            }
            FieldDefinition holder, other;
            if (first.IsList || second.IsList)
            {
                var list = first.IsList ? first : second;
                holder = first.IsList ? second : first;
                other = list;
                if (list.RelationAttribute?.HasFieldsOrReferences == true)
                {
                    _context.Error(DiagnosticCodes.RelationFieldsOnList, list.RelationAttribute.Location,
                        $"`{list}` is the list side of a one-to-many relation and cannot hold `fields`/`references`; define them on `{holder}`{(holder.RelationAttribute?.HasFieldsOrReferences == true ? " only" : string.Empty)}.");
                    return;
                }
                if (holder.RelationAttribute?.HasFieldsOrReferences != true)
                {
                    _context.Error(DiagnosticCodes.MissingRelationFields, holder.Location,
                        $"`{holder}` is the single side of a one-to-many relation, so it needs the foreign key: add `@relation(fields: [{Camel(holder.Name)}Id], references: [id])` and a scalar field `{Camel(holder.Name)}Id`.");
                    return;
                }
            }
            else
            {
                bool a = first.RelationAttribute?.HasFieldsOrReferences == true, b = second.RelationAttribute?.HasFieldsOrReferences == true;
                if (a && b)
                {
                    _context.Error(DiagnosticCodes.RelationArgumentsOnBothSides, second.RelationAttribute!.Location,
                        $"Both `{first}` and `{second}` define `fields`/`references`. In a one-to-one relation only the side that holds the foreign key does; remove them from one side.");
                    return;
                }
                if (!a && !b)
                {
                    _context.Error(DiagnosticCodes.MissingRelationFields, first.Location,
                        $"The one-to-one relation between `{first}` and `{second}` needs a foreign key: add `@relation(fields: [...], references: [...])` on the side that holds it.");
                    return;
                }
                holder = a ? first : second;
                other = a ? second : first;
                if (!other.IsOptional)
                {
                    _context.Error(DiagnosticCodes.OneToOneBackRelationRequired, other.Location,
                        $"`{other}` must be optional (`{other.TypeName}?`): it is the side of a one-to-one relation without the foreign key, and a `{other.Container.Name}` can exist before its `{holder.Container.Name}`.");
                }
            }
            if (other.RelationAttribute != null && (other.RelationAttribute.OnDelete != null || other.RelationAttribute.OnUpdate != null))
            {
                _context.Error(DiagnosticCodes.RelationArgumentsOnBothSides, other.RelationAttribute.Location,
                    $"Referential actions (`onDelete`, `onUpdate`) go on the side that holds the foreign key, `{holder}`, not on `{other}`.");
            }
            var kind = first.IsList || second.IsList ? RelationKind.OneToMany : RelationKind.OneToOne;
            var relation = new RelationDefinition(name, attributeName != null, kind, holder, other);
            if (!CheckForeignKey(relation, holder, other)) return;
            Attach(relation);
        }

        private void PairManyToMany(string name, bool explicitName, FieldDefinition first, FieldDefinition second)
        {
            bool ok = true;
            foreach (var f in new[] { first, second })
            {
                var attr = f.RelationAttribute;
                if (attr != null && (attr.HasFieldsOrReferences || attr.OnDelete != null || attr.OnUpdate != null))
                {
                    _context.Error(DiagnosticCodes.RelationFieldsOnList, attr.Location,
                        $"`{f}` is one side of an implicit many-to-many relation, which takes no `fields`, `references` or referential actions: Strata manages the join table `_{name}`. For your own join table, declare it as a model.");
                    ok = false;
                }
            }
            if (((ModelDefinition)first.Container).IsView || ((ModelDefinition)second.Container).IsView)
            {
                foreach (var f in new[] { first, second })
                {
                    _context.Error(DiagnosticCodes.ManyToManyWithView, f.Location,
                        $"`{f}` is one side of an implicit many-to-many relation with a view; views have no join tables. Declare the join as a model, or drop the relation.");
                }
                ok = false;
            }
            foreach (var f in new[] { first, second })
            {
                // Reported on the field that points at the model without the key, as Prisma reports it.
                var model = (ModelDefinition)(ReferenceEquals(f, first) ? second : first).Container;
                if (model.PrimaryKey == null || model.PrimaryKey.Fields.Count != 1)
                {
                    _context.Error(DiagnosticCodes.ManyToManyNeedsSingleId, f.Location,
                        $"The implicit many-to-many relation `{name}` needs a single-field `@id` on `{model.Name}`{(model.PrimaryKey != null ? ", which has a compound key" : string.Empty)}. Give it one, or declare the join table as a model.");
                    ok = false;
                }
            }
            if (!ok) return;
            // Column A of the join table refers to the model whose name sorts first (by field name for self-relations).
            int order = string.CompareOrdinal(first.Container.Name, second.Container.Name);
            if (order == 0) order = string.CompareOrdinal(first.Name, second.Name);
            var a = order <= 0 ? first : second;
            Attach(new RelationDefinition(name, explicitName, RelationKind.ManyToMany, a, ReferenceEquals(a, first) ? second : first));
        }

        private bool CheckForeignKey(RelationDefinition relation, FieldDefinition holder, FieldDefinition other)
        {
            var attr = holder.RelationAttribute!;
            var model = (ModelDefinition)holder.Container;
            var target = (ModelDefinition)other.Container;
            if (attr.Fields == null || attr.References == null)
            {
                _context.Error(DiagnosticCodes.IncompleteRelationArguments, attr.Location,
                    attr.Fields == null
                        ? $"`@relation` on `{holder}` has `references` but no `fields`: name the foreign key fields of `{model.Name}`, as in `fields: [{Camel(target.Name)}Id]`."
                        : $"`@relation` on `{holder}` has `fields` but no `references`: name the fields of `{target.Name}` they point to, as in `references: [id]`.");
                return false;
            }
            if (attr.Fields.Count == 0 || attr.Fields.Count != attr.References.Count)
            {
                _context.Error(DiagnosticCodes.RelationArityMismatch, attr.Location,
                    $"`fields` names {attr.Fields.Count} field(s) and `references` names {attr.References.Count}; each foreign key field needs exactly one referenced field.");
                return false;
            }
            var fks = ResolveFields(model, attr.Fields, attr.FieldsLocation!, "fields");
            var refs = ResolveFields(target, attr.References, attr.ReferencesLocation!, "references");
            if (fks == null || refs == null) return false;
            for (int i = 0; i < fks.Count; i++)
            {
                if (!SameType(fks[i], refs[i]))
                {
                    _context.Error(DiagnosticCodes.RelationTypeMismatch, attr.FieldsLocation!,
                        $"The foreign key `{fks[i]}` is {fks[i].TypeName}, but it references `{refs[i]}`, which is {refs[i].TypeName}. Give them the same type.");
                }
            }
            if (!target.IsUniqueCriterion(attr.References))
            {
                _context.Error(DiagnosticCodes.ReferencesNotUnique, attr.ReferencesLocation!,
                    $"`references: [{string.Join(", ", attr.References)}]` must be the primary key or a unique constraint of `{target.Name}`. Reference its id, or add `@unique` (or `@@unique([...])`) there.");
            }
            if (relation.Kind == RelationKind.OneToOne && !model.IsUniqueCriterion(attr.Fields))
            {
                _context.Error(DiagnosticCodes.OneToOneNotUnique, attr.FieldsLocation!,
                    $"`{holder}` is one-to-one, so its foreign key ({string.Join(", ", attr.Fields)}) must be unique: add `@unique` to {(attr.Fields.Count == 1 ? $"`{attr.Fields[0]}`" : $"the fields, or `@@unique([{string.Join(", ", attr.Fields)}])`")}. Otherwise make `{other}` a list.");
            }
            // An optional relation over required foreign key fields is fine (the relation may simply
            // not be loaded); a required relation needs every foreign key field to be required.
            var optionalKeys = fks.Where(f => f.IsOptional).ToList();
            if (!holder.IsOptional && optionalKeys.Count > 0)
            {
                _context.Error(DiagnosticCodes.RelationOptionalityMismatch, holder.Location,
                    $"`{holder}` is required, but its foreign key field{(optionalKeys.Count == 1 ? string.Empty : "s")} {string.Join(", ", optionalKeys.Select(f => $"`{f.Name}`"))} {(optionalKeys.Count == 1 ? "is" : "are")} optional. Make `{holder.Name}` optional (`{holder.TypeName}?`) or every foreign key field required.");
            }
            CheckActions(attr, fks);
            // A relation whose keys are named but wrong (types, uniqueness, optionality) is still
            // the relation the schema means: it stays, so that the checks of the whole (cycles of
            // actions, indexes) see it, as Prisma's do. The schema has errors either way.
            relation.ForeignKeyFields = fks;
            relation.ReferencedFields = refs;
            return true;
        }

        private void CheckActions(RelationAttribute attr, List<FieldDefinition> fks)
        {
            foreach (var (action, location, label) in attr.Actions)
            {
                if (action == ReferentialAction.SetNull && fks.Any(f => !f.IsOptional))
                {
                    // As in Prisma: a warning on PostgreSQL with foreign keys (the database refuses the
                    // update at run time); an error on SQLite and when the client emulates the action.
                    string message = $"`{label}: SetNull` cannot work: the foreign key {string.Join(", ", fks.Where(f => !f.IsOptional).Select(f => $"`{f.Name}`"))} is required and cannot be set to NULL. Make it optional, or use Cascade, Restrict or NoAction.";
                    if (_context.EmulatesRelations || _context.Provider != ProviderKind.PostgreSql) _context.Error(DiagnosticCodes.InvalidReferentialAction, location!, message);
                    else _context.Warning(DiagnosticCodes.InvalidReferentialAction, location!, message);
                }
                else if (action == ReferentialAction.SetDefault && fks.Any(f => f.Default == null))
                {
                    _context.Warning(DiagnosticCodes.SetDefaultWithoutDefault, location!,
                        $"`{label}: SetDefault` sets {string.Join(", ", fks.Where(f => f.Default == null).Select(f => $"`{f.Name}`"))} to its default, but it has none, so the database will use NULL. Add `@default(...)`.");
                }
            }
        }

        private List<FieldDefinition>? ResolveFields(ModelDefinition model, IReadOnlyList<string> names, Text.SourceLocation location, string argument)
        {
            var result = new List<FieldDefinition>();
            foreach (var name in names)
            {
                var field = model.FindField(name);
                if (field == null)
                {
                    _context.Error(DiagnosticCodes.UnknownFieldReference, location,
                        $"`{argument}` names `{name}`, but `{model.Name}` has no such field.{(argument == "fields" ? $" Add a scalar field for the foreign key, such as `{name} Int`." : string.Empty)}");
                    return null;
                }
                // Unsupported columns may be keys, as in Prisma; the client leaves such a relation out.
                if (field.Kind != FieldKind.Scalar && field.Kind != FieldKind.Enum && field.Kind != FieldKind.Unsupported)
                {
                    _context.Error(DiagnosticCodes.UnknownFieldReference, location,
                        $"`{argument}` names `{name}`, which is {(field.Kind == FieldKind.Relation ? "a relation field" : "not a scalar field")}; only scalar fields can be part of a foreign key.");
                    return null;
                }
                if (field.IsList)
                {
                    _context.Error(DiagnosticCodes.UnknownFieldReference, location, $"`{argument}` names the list field `{name}`; a foreign key is made of single values.");
                    return null;
                }
                result.Add(field);
            }
            return result;
        }

        private static bool SameType(FieldDefinition a, FieldDefinition b) =>
            a.Kind == b.Kind && a.ScalarType == b.ScalarType && ReferenceEquals(a.EnumType, b.EnumType) && a.UnsupportedType == b.UnsupportedType;

        private static string DefaultName(string a, string b) =>
            string.CompareOrdinal(a, b) <= 0 ? a + "To" + b : b + "To" + a;

        private void Attach(RelationDefinition relation)
        {
            relation.FieldA.Relation = relation;
            relation.FieldB.Relation = relation;
            _context.Schema.RelationList.Add(relation);
            foreach (var field in new[] { relation.FieldA, relation.FieldB })
            {
                var target = field.RelatedModel!;
                if (target.IsIgnored && !field.IsIgnored && !((ModelDefinition)field.Container).IsIgnored)
                {
                    _context.Error(DiagnosticCodes.IgnoredFieldUsed, field.Location,
                        $"`{field}` points to `{target.Name}`, which has `@@ignore`. Add `@ignore` to `{field.Name}` too.");
                }
            }
        }
    }
}
