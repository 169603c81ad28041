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
        /// <param name="context">The binding context.</param>
        /// <param name="configFailed">True when the datasource or a generator has an error: then only the
        /// checks of the configuration itself run (views and preview features), as in Prisma.</param>
        public static void Check(BindContext context, bool configFailed)
        {
            var schema = context.Schema;
            if (configFailed)
            {
                CheckViewsEnabled(context);
                PreviewFeatureRules.Check(context);
                return;
            }
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
            CheckEnumNames(context);
            // Without a datasource Prisma knows no database, so it has no namespace for constraint names.
            if (schema.Datasource != null) CheckConstraintNames(context);
            CheckNameLengths(context);
            CheckSchemaAttributes(context);
            CheckViewsEnabled(context);
            PreviewFeatureRules.Check(context);
        }

        private static void CheckUniqueCriterion(BindContext context, ModelDefinition model)
        {
            // A view without a unique field is fine: it is read as a list (Prisma 6.13 and later).
            if (model.IsView || model.IsIgnored) return;
            // As in Prisma, a criterion counts only when all its fields are required: NULLs do not tell rows apart.
            var keys = model.Uniques.Cast<KeyDefinition>().Prepend(model.PrimaryKey).Where(k => k != null);
            if (keys.Any(k => k!.Fields.All(f => !f.Field.IsOptional && !f.Field.IsList))) return;
            var optional = model.HasUniqueCriterion ? " (those it has include optional fields, whose NULLs do not tell rows apart)" : string.Empty;
            context.Error(DiagnosticCodes.NoUniqueCriterion, model.Location,
                $"The model `{model.Name}` has no unique criterion of required fields{optional}, so its rows cannot be told apart. Add `@id` to a field, `@@id([...])`, `@unique` or `@@unique([...])`; or add `@@ignore` to leave it out of the client.");
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

        /// <summary>
        /// Compound key names become members of the client's unique-input types, so they must not be
        /// field names. As in Prisma: a custom `name:` that is a field name is reported on the model;
        /// the default name of a compound key (`a_b`) on the attribute; a single-field `@@id([x])`
        /// has no compound name at all.
        /// </summary>
        private static void CheckClientNames(BindContext context, ModelDefinition model)
        {
            var keys = new List<(string? Custom, KeyDefinition Key)>();
            var pk = model.PrimaryKey;
            if (pk != null && !pk.IsFieldLevel) keys.Add((pk.ClientName, pk));
            keys.AddRange(model.Uniques.Where(u => !u.IsFieldLevel).Select(u => (u.ExplicitClientName, (KeyDefinition)u)));
            foreach (var (custom, key) in keys)
            {
                string? name = custom ?? (key.Fields.Count > 1 ? string.Join("_", key.FieldNames) : null);
                if (name == null || model.FindField(name) == null) continue;
                context.Error(DiagnosticCodes.DuplicateClientName, custom != null ? model.Location : key.Location,
                    $"The compound key name `{name}` is also a field of `{model.Name}`. Choose another name with `name: \"...\"`.");
            }
            foreach (var group in model.Uniques.Where(u => u.ExplicitClientName != null).GroupBy(u => u.ExplicitClientName!).Where(g => g.Count() > 1))
            {
                foreach (var unique in group)
                {
                    context.Error(DiagnosticCodes.DuplicateClientName, unique.Location,
                        $"Several compound keys of `{model.Name}` are called `{group.Key}`. Give each its own `name: \"...\"`.");
                }
            }
        }

        private static void CheckProviderFields(BindContext context, ModelDefinition model)
        {
            if (context.Schema.Datasource == null) CheckWithoutDatasource(context, model);
            if (context.Provider != ProviderKind.Sqlite && context.Provider != ProviderKind.MySql) return;
            string provider = BindContext.ProviderName(context.Provider);
            // SQLite and MySQL keep no names for primary keys (MySQL's is always PRIMARY), so Prisma refuses `map:` on them.
            if (model.PrimaryKey?.MappedName != null)
            {
                // Prisma reports SQLite's on the key, MySQL's on the model.
                context.Error(DiagnosticCodes.ConstraintNameNotSupported, context.Provider == ProviderKind.MySql ? model.Location : model.PrimaryKey.Location,
                    $"{provider} does not name primary keys, so the `map: \"{model.PrimaryKey.MappedName}\"` of `{model.Name}`'s primary key cannot be kept. Remove it.");
            }
            foreach (var field in model.ScalarFields.Where(f => f.IsList && (f.Kind == FieldKind.Scalar || f.Kind == FieldKind.Enum)))
            {
                context.Error(DiagnosticCodes.ScalarListNotSupported, field.Location,
                    $"{provider} has no list columns, so `{field}` ({field.TypeName}[]) cannot be stored. Use a related model, a Json field, or PostgreSQL.");
            }
            if (context.Provider == ProviderKind.MySql) return;
            foreach (var relation in model.RelationFields.Select(f => f.RelationAttribute).Where(a => a?.MappedName != null))
            {
                context.Error(DiagnosticCodes.ConstraintNameNotSupported, relation!.Location,
                    $"SQLite does not name foreign keys, so `map: \"{relation.MappedName}\"` cannot be kept. Remove it.");
            }
            foreach (var field in model.ScalarFields)
            {
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

        /// <summary>
        /// Without a datasource Prisma checks against a database that has neither Decimal nor
        /// scalar lists, so both are errors there (as in Prisma).
        /// </summary>
        private static void CheckWithoutDatasource(BindContext context, ModelDefinition model)
        {
            foreach (var field in model.ScalarFields)
            {
                if (field.IsList && (field.Kind == FieldKind.Scalar || field.Kind == FieldKind.Enum))
                {
                    context.Error(DiagnosticCodes.ScalarListNotSupported, field.Location,
                        $"`{field}` is a list ({field.TypeName}[]), and without a datasource there is no database known to have list columns. Add a datasource with `provider = \"postgresql\"`.");
                }
                else if (field.Kind == FieldKind.Scalar && field.ScalarType == ScalarType.Decimal)
                {
                    context.Error(DiagnosticCodes.ProviderOptionNotSupported, field.Location,
                        $"`{field}` is Decimal, and without a datasource there is no database known to have Decimal. Add a datasource.");
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
                    // Prisma points at the `@@map` that makes the clash, where there is one.
                    context.Error(DiagnosticCodes.DuplicateTableName, model.MapLocation ?? model.Location,
                        $"`{first.Name}` and `{model.Name}` both map to the table \"{model.DatabaseName}\". Give one of them another `@@map(\"...\")`.");
                }
                else seen[key] = model;
            }
        }

        /// <summary>Two enums with one database name are an error on every provider, as in Prisma (on SQLite, where enums are text, too).</summary>
        private static void CheckEnumNames(BindContext context)
        {
            var seen = new Dictionary<(string?, string), EnumDefinition>();
            foreach (var enumDef in context.Schema.Enums)
            {
                var key = (enumDef.DatabaseSchema, enumDef.DatabaseName);
                if (seen.TryGetValue(key, out var first))
                {
                    context.Error(DiagnosticCodes.DuplicateTableName, enumDef.Location,
                        $"`{first.Name}` and `{enumDef.Name}` both map to the enum type \"{enumDef.DatabaseName}\"{(enumDef.DatabaseSchema != null ? $" in the schema \"{enumDef.DatabaseSchema}\"" : string.Empty)}. Give one of them another `@@map(\"...\")` or another `@@schema`.");
                }
                else seen[key] = enumDef;
            }
        }

        /// <summary>Once the datasource lists `schemas`, every model, view and enum says which one it lives in (as in Prisma).</summary>
        private static void CheckSchemaAttributes(BindContext context)
        {
            if (context.Provider != ProviderKind.PostgreSql || context.Schema.Datasource!.Schemas.Count == 0) return;
            foreach (var model in context.Schema.Models.Where(m => !m.HasSchemaAttribute))
            {
                context.Error(DiagnosticCodes.MissingSchemaAttribute, model.Location,
                    $"The datasource lists `schemas`, so `{model.Name}` needs `@@schema(\"...\")` to say which of them ({string.Join(", ", context.Schema.Datasource.Schemas)}) holds it.");
            }
            foreach (var enumDef in context.Schema.Enums.Where(e => !e.HasSchemaAttribute))
            {
                context.Error(DiagnosticCodes.MissingSchemaAttribute, enumDef.Location,
                    $"The datasource lists `schemas`, so the enum `{enumDef.Name}` needs `@@schema(\"...\")` to say which of them ({string.Join(", ", context.Schema.Datasource.Schemas)}) holds it.");
            }
        }

        /// <summary>Views are a preview feature in Prisma: a generator must list `views` in `previewFeatures`.</summary>
        private static void CheckViewsEnabled(BindContext context)
        {
            if (context.Schema.HasPreviewFeature("views")) return;
            foreach (var view in context.Schema.Views)
            {
                context.Error(DiagnosticCodes.ViewsNotEnabled, view.Location,
                    $"`view {view.Name}` needs the `views` preview feature: add `previewFeatures = [\"views\"]` to a generator block.");
            }
        }

        /// <summary>
        /// Index, unique and primary key names share one namespace per database schema (PostgreSQL
        /// keeps them as relations; SQLite's index names are global); foreign key names are per table.
        /// </summary>
        private static void CheckConstraintNames(BindContext context)
        {
            var global = new Dictionary<(string?, string), SourceLocation>();
            var reported = new HashSet<SourceLocation>();
            // Each model's foreign keys, gathered in one pass: a search of all relations per model was quadratic.
            var foreignKeysOf = new Dictionary<ModelDefinition, List<RelationDefinition>>();
            foreach (var relation in context.Schema.Relations.Where(r => r.Kind != RelationKind.ManyToMany))
            {
                if (!foreignKeysOf.TryGetValue(relation.ReferencingModel, out var list)) foreignKeysOf[relation.ReferencingModel] = list = new List<RelationDefinition>();
                list.Add(relation);
            }
            // A view's uniques make no index, but Prisma names them in the same namespace all the
            // same, before the models': a model's index that takes such a name is the one reported.
            foreach (var view in context.Schema.Views.Where(v => !v.IsIgnored))
                foreach (var key in view.Uniques)
                    if (!global.ContainsKey((view.DatabaseSchema, key.DatabaseName))) global[(view.DatabaseSchema, key.DatabaseName)] = key.Location;
            var viewNames = new HashSet<SourceLocation>(global.Values);
            reported.UnionWith(viewNames);
            // MySQL scopes index names to their table and foreign key names to the database: the
            // other way round from SQLite and PostgreSQL.
            bool mysql = context.Provider == ProviderKind.MySql;
            var databaseForeignKeys = new Dictionary<(string?, string), SourceLocation>();
            foreach (var model in context.Schema.Models.Where(m => !m.IsView && !m.IsIgnored))
            {
                var keys = new List<KeyDefinition>();
                if (model.PrimaryKey != null && context.Provider == ProviderKind.PostgreSql) keys.Add(model.PrimaryKey);
                keys.AddRange(model.Uniques);
                keys.AddRange(model.Indexes);
                var keyNames = mysql ? new Dictionary<(string?, string), SourceLocation>() : global;
                foreach (var key in keys)
                {
                    string name = NameOf(context, key);
                    Claim(context, reported, keyNames, (model.DatabaseSchema, name), key.Location, name);
                }

                var foreignKeys = mysql ? databaseForeignKeys : new Dictionary<(string?, string), SourceLocation>();
                if (!foreignKeysOf.TryGetValue(model, out var relations)) continue;
                foreach (var relation in relations)
                {
                    var location = relation.FieldA.RelationAttribute?.Location ?? relation.FieldA.Location;
                    string name = relation.FieldA.RelationAttribute?.MappedName
                        ?? ConstraintNames.ForeignKey(model.DatabaseName, relation.ForeignKeyFields.Select(f => f.DatabaseName).ToList(), NameLimit(context));
                    Claim(context, reported, foreignKeys, (null, name), location, name);
                }
            }
        }

        /// <summary>
        /// A name given with <c>map:</c> must fit the database's identifiers (Prisma counts bytes):
        /// PostgreSQL keeps 63, MySQL 64. Default names are shortened to fit instead.
        /// </summary>
        private static void CheckNameLengths(BindContext context)
        {
            int max = context.Provider == ProviderKind.PostgreSql ? 63 : context.Provider == ProviderKind.MySql ? 64 : 0;
            if (max == 0) return;
            var named = new List<(string Name, SourceLocation Location)>();
            foreach (var model in context.Schema.Models)
            {
                // MySQL's primary key is always PRIMARY: its `map:` is refused on its own.
                if (model.PrimaryKey != null && context.Provider != ProviderKind.MySql) named.Add((model.PrimaryKey.MappedName!, model.PrimaryKey.Location));
                named.AddRange(model.Uniques.Concat<KeyDefinition>(model.Indexes).Select(k => (k.MappedName!, k.Location)));
                named.AddRange(model.RelationFields.Select(f => f.RelationAttribute).Where(a => a != null).Select(a => (a!.MappedName!, a.Location)));
            }
            foreach (var (name, location) in named.Where(n => n.Name != null && System.Text.Encoding.UTF8.GetByteCount(n.Name) > max))
            {
                context.Error(DiagnosticCodes.ConstraintNameTooLong, location,
                    $"The name \"{name}\" is {System.Text.Encoding.UTF8.GetByteCount(name)} bytes long, but {BindContext.ProviderName(context.Provider)} keeps at most {max}. Choose a shorter name with `map: \"...\"`.");
            }
        }

        /// <summary>The length Prisma shortens default names to: MySQL's 64, else PostgreSQL's 63 (SQLite has no limit of its own).</summary>
        private static int NameLimit(BindContext context) => context.Provider == ProviderKind.MySql ? 64 : ConstraintNames.MaxLength;

        /// <summary>A key's name in the database, its default shortened to the provider's limit.</summary>
        private static string NameOf(BindContext context, KeyDefinition key) => key.MappedName ?? key switch
        {
            UniqueDefinition => ConstraintNames.Unique(key.Model.DatabaseName, key.ColumnNames, NameLimit(context)),
            IndexDefinition => ConstraintNames.Index(key.Model.DatabaseName, key.ColumnNames, NameLimit(context)),
            _ => key.DatabaseName,
        };

        private static void Claim(BindContext context, HashSet<SourceLocation> reported, Dictionary<(string?, string), SourceLocation> names, (string?, string) key, SourceLocation location, string name)
        {
            // Prisma reports every constraint that shares the name, the first one included (once).
            if (names.TryGetValue(key, out var first))
            {
                if (reported.Add(first))
                {
                    context.Error(DiagnosticCodes.DuplicateConstraintName, first,
                        $"The constraint name \"{name}\" is used again at {location}. Constraint and index names must be unique; give one of them another name with `map: \"...\"`.");
                }
                context.Error(DiagnosticCodes.DuplicateConstraintName, location,
                    $"The constraint name \"{name}\" is already used at {first}. Constraint and index names must be unique; give this one another name with `map: \"...\"`.");
            }
            else names[key] = location;
        }
    }
}
