using System.Collections.Generic;
using System.Linq;
using Strata.Schema.Binding;
using Strata.Schema.Diagnostics;
using Strata.Schema.Semantics;
using Strata.Schema.Text;

namespace Strata.Schema.Validation
{
    /// <summary>
    /// Rules that look at the bound schema as a whole: unique criteria, database names that must
    /// not collide, and what the provider can store.
    /// </summary>
    internal static class SchemaRules
    {
        public static void Check(BindContext context)
        {
            var schema = context.Schema;
            if (schema.Datasource == null)
            {
                var firstFile = schema.Documents.FirstOrDefault()?.File;
                if (firstFile != null && schema.Models.Count > 0)
                {
                    context.Warning(DiagnosticCodes.MissingDatasource, firstFile.GetLocation(new TextSpan(0, 0)),
                        "The schema has no datasource, so provider checks were skipped. Add `datasource db { provider = \"sqlite\" }` or `provider = \"postgresql\"`.");
                }
            }
            foreach (var model in schema.Models)
            {
                CheckUniqueCriterion(context, model);
                CheckColumnNames(context, model);
                CheckClientNames(context, model);
                CheckProviderFields(context, model);
            }
            CheckTableNames(context);
            CheckConstraintNames(context);
        }

        private static void CheckUniqueCriterion(BindContext context, ModelDefinition model)
        {
            // A view without a unique field is fine: it is read as a list (Prisma 6.13 and later).
            if (model.IsView || model.IsIgnored || model.HasUniqueCriterion) return;
            context.Error(DiagnosticCodes.NoUniqueCriterion, model.Location,
                $"The model `{model.Name}` has no unique criterion, so its rows cannot be told apart. Add `@id` to a field, `@@id([...])`, `@unique` or `@@unique([...])`; or add `@@ignore` to leave it out of the client.");
        }

        private static void CheckColumnNames(BindContext context, ModelDefinition model)
        {
            var seen = new Dictionary<string, FieldDefinition>();
            foreach (var field in model.ScalarFields)
            {
                if (seen.TryGetValue(field.DatabaseName, out var first))
                {
                    context.Error(DiagnosticCodes.DuplicateColumnName, field.Location,
                        $"The fields `{first.Name}` and `{field.Name}` of `{model.Name}` both map to the column \"{field.DatabaseName}\". Give one of them another `@map(\"...\")`.");
                }
                else seen[field.DatabaseName] = field;
            }
        }

        private static void CheckClientNames(BindContext context, ModelDefinition model)
        {
            var used = new Dictionary<string, SourceLocation>();
            var named = model.Uniques.Where(u => !u.IsFieldLevel && u.Fields.Count > 1 || u.ExplicitClientName != null)
                .Select(u => (Name: u.ClientName, u.Location))
                .ToList();
            if (model.PrimaryKey != null && !model.PrimaryKey.IsFieldLevel)
                named.Insert(0, (model.PrimaryKey.ClientName ?? string.Join("_", model.PrimaryKey.FieldNames), model.PrimaryKey.Location));
            foreach (var (name, location) in named)
            {
                if (model.FindField(name) != null)
                {
                    context.Error(DiagnosticCodes.DuplicateClientName, location,
                        $"The compound key name `{name}` is also a field of `{model.Name}`. Choose another name with `name: \"...\"`.");
                }
                else if (used.TryGetValue(name, out var first))
                {
                    context.Error(DiagnosticCodes.DuplicateClientName, location,
                        $"Two compound keys of `{model.Name}` are both called `{name}` (the other at {first}). Give one another `name: \"...\"`.");
                }
                else used[name] = location;
            }
        }

        private static void CheckProviderFields(BindContext context, ModelDefinition model)
        {
            if (context.Provider != ProviderKind.Sqlite) return;
            foreach (var field in model.ScalarFields)
            {
                if (field.IsList && (field.Kind == FieldKind.Scalar || field.Kind == FieldKind.Enum))
                {
                    context.Error(DiagnosticCodes.ScalarListNotSupported, field.Location,
                        $"SQLite has no list columns, so `{field}` ({field.TypeName}[]) cannot be stored. Use a related model, a Json field, or PostgreSQL.");
                }
                if (field.Default != null && field.Default.IsAutoincrement)
                {
                    var pk = model.PrimaryKey;
                    if (pk == null || pk.Fields.Count != 1 || !ReferenceEquals(pk.Fields[0].Field, field))
                    {
                        context.Error(DiagnosticCodes.AutoincrementNotSupported, field.Default.Location,
                            $"On SQLite only the single-field primary key can use `autoincrement()`; `{field}` is not one. Remove the default, or make `{field.Name}` the `@id`.");
                    }
                }
            }
        }

        private static void CheckTableNames(BindContext context)
        {
            var seen = new Dictionary<(string?, string), ModelDefinition>();
            foreach (var model in context.Schema.Models)
            {
                var key = (model.DatabaseSchema, model.DatabaseName);
                if (seen.TryGetValue(key, out var first))
                {
                    context.Error(DiagnosticCodes.DuplicateTableName, model.Location,
                        $"`{first.Name}` and `{model.Name}` both map to the table \"{model.DatabaseName}\". Give one of them another `@@map(\"...\")`.");
                }
                else seen[key] = model;
            }
        }

        /// <summary>
        /// Index, unique and primary key names share one namespace per database schema (PostgreSQL
        /// keeps them as relations; SQLite's index names are global); foreign key names are per table.
        /// </summary>
        private static void CheckConstraintNames(BindContext context)
        {
            var global = new Dictionary<(string?, string), SourceLocation>();
            // Each model's foreign keys, gathered in one pass: a search of all relations per model was quadratic.
            var foreignKeysOf = new Dictionary<ModelDefinition, List<RelationDefinition>>();
            foreach (var relation in context.Schema.Relations.Where(r => r.Kind != RelationKind.ManyToMany))
            {
                if (!foreignKeysOf.TryGetValue(relation.ReferencingModel, out var list)) foreignKeysOf[relation.ReferencingModel] = list = new List<RelationDefinition>();
                list.Add(relation);
            }
            foreach (var model in context.Schema.Models.Where(m => !m.IsView && !m.IsIgnored))
            {
                var keys = new List<KeyDefinition>();
                if (model.PrimaryKey != null && context.Provider == ProviderKind.PostgreSql) keys.Add(model.PrimaryKey);
                keys.AddRange(model.Uniques);
                keys.AddRange(model.Indexes);
                foreach (var key in keys) Claim(context, global, (model.DatabaseSchema, key.DatabaseName), key.Location, key.DatabaseName);

                var foreignKeys = new Dictionary<(string?, string), SourceLocation>();
                if (!foreignKeysOf.TryGetValue(model, out var relations)) continue;
                foreach (var relation in relations)
                {
                    var location = relation.FieldA.RelationAttribute?.Location ?? relation.FieldA.Location;
                    Claim(context, foreignKeys, (null, relation.ForeignKeyName), location, relation.ForeignKeyName);
                }
            }
        }

        private static void Claim(BindContext context, Dictionary<(string?, string), SourceLocation> names, (string?, string) key, SourceLocation location, string name)
        {
            if (names.TryGetValue(key, out var first))
            {
                context.Error(DiagnosticCodes.DuplicateConstraintName, location,
                    $"The constraint name \"{name}\" is already used at {first}. Constraint and index names must be unique; give this one another name with `map: \"...\"`.");
            }
            else names[key] = location;
        }
    }
}
