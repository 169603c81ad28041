using System.Collections.Generic;
using System.Linq;
using Strata.Schema.Binding;
using Strata.Schema.Diagnostics;
using Strata.Schema.Semantics;

namespace Strata.Schema.Validation
{
    /// <summary>
    /// What MySQL (and MariaDB) cannot store or index, as Prisma's MySQL connector checks it: keys
    /// over TEXT and BLOB columns need a prefix length, one AUTO_INCREMENT column per table and it
    /// must lead an index, and SET DEFAULT is accepted by MySQL's parser but refused by InnoDB.
    /// </summary>
    internal static class MySqlRules
    {
        public static void Check(BindContext context)
        {
            if (context.Provider != ProviderKind.MySql) return;
            foreach (var model in context.Schema.Models)
            {
                // A view's keys make no index, so Prisma leaves them alone.
                if (!model.IsView) CheckLobKeys(context, model);
                CheckAutoincrement(context, model);
                if (!context.EmulatesRelations) CheckSetDefault(context, model);
            }
        }

        /// <summary>MySQL indexes at most a prefix of a TEXT or BLOB column, so a key over one must say how long (`length:`).</summary>
        private static void CheckLobKeys(BindContext context, ModelDefinition model)
        {
            var keys = model.Indexes.Where(i => !i.IsFullText).Cast<KeyDefinition>().Concat(model.Uniques).ToList();
            if (model.PrimaryKey != null) keys.Add(model.PrimaryKey);
            foreach (var key in keys)
            {
                var lob = key.Fields.FirstOrDefault(f => f.Length == null && f.Field.NativeType != null && NativeTypeSpecs.IsMySqlLob(f.Field.NativeType.Name));
                if (lob == null) continue;
                string what = key is PrimaryKeyDefinition ? "the primary key" : key is UniqueDefinition ? "a unique constraint" : "an index";
                context.Error(DiagnosticCodes.KeyOverLob, key.Location,
                    $"`{lob.Name}` is `@{context.NativePrefix}.{lob.Field.NativeType!.Name}`, and MySQL can put {what} only on a prefix of such a column. Give its length, as in `{lob.Name}(length: 191)`{(key.IsFieldLevel ? $" or `@{(key is PrimaryKeyDefinition ? "id" : "unique")}(length: 191)`" : string.Empty)}.");
            }
        }

        /// <summary>MySQL allows one AUTO_INCREMENT column per table, and it must be the first column of some index.</summary>
        private static void CheckAutoincrement(BindContext context, ModelDefinition model)
        {
            var fields = model.ScalarFields.Where(f => f.Default != null && f.Default.IsAutoincrement).ToList();
            if (fields.Count == 0) return;
            if (fields.Count > 1)
            {
                context.Error(DiagnosticCodes.AutoincrementNotSupported, model.Location,
                    $"MySQL allows one `autoincrement()` column per table, but `{model.Name}` has {fields.Count}: {string.Join(", ", fields.Select(f => $"`{f.Name}`"))}. Keep one.");
            }
            var keys = model.Indexes.Cast<KeyDefinition>().Concat(model.Uniques).ToList();
            if (model.PrimaryKey != null) keys.Add(model.PrimaryKey);
            var leading = new HashSet<FieldDefinition>(keys.Where(k => k.Fields.Count > 0).Select(k => k.Fields[0].Field));
            foreach (var field in fields.Where(f => !leading.Contains(f)))
            {
                context.Error(DiagnosticCodes.AutoincrementNotSupported, field.Location,
                    $"MySQL needs an `autoincrement()` column to be the first column of an index, and `{field}` leads none. Add `@unique`, `@@index([{field.Name}])`, or make it the `@id`.");
            }
        }

        /// <summary>InnoDB refuses SET DEFAULT foreign keys, so Prisma warns where the database would carry the action out.</summary>
        private static void CheckSetDefault(BindContext context, ModelDefinition model)
        {
            foreach (var attr in model.RelationFields.Select(f => f.RelationAttribute))
            {
                if (attr == null) continue;
                foreach (var (action, location, label) in attr.Actions)
                {
                    if (action != ReferentialAction.SetDefault || location == null) continue;
                    context.Warning(DiagnosticCodes.InvalidReferentialAction, location,
                        $"`{label}: SetDefault` is accepted by MySQL but not carried out by InnoDB, its usual engine, so the statement may fail. Use Restrict, SetNull or Cascade, or `relationMode = \"prisma\"`.");
                }
            }
        }
    }
}
