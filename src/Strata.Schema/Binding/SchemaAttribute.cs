using System.Linq;
using Strata.Schema.Diagnostics;
using Strata.Schema.Semantics;
using Strata.Schema.Text;

namespace Strata.Schema.Binding
{
    /// <summary>Checks <c>@@schema("name")</c> against the provider and the datasource's <c>schemas</c>.</summary>
    internal static class SchemaAttribute
    {
        public static void Check(BindContext context, SourceLocation location, string? name)
        {
            // With `schemas` written, Prisma reports that property alone and lets the attributes be.
            // MySQL's schemas are databases, and Prisma keeps a MySQL schema to one of them.
            if ((context.Provider == ProviderKind.Sqlite || context.Provider == ProviderKind.MySql) && context.Schema.Datasource!.Schemas.Count == 0)
            {
                context.Error(DiagnosticCodes.ProviderOptionNotSupported, location,
                    $"{(context.Provider == ProviderKind.Sqlite ? "SQLite has a single schema" : "Prisma keeps a MySQL schema to one database")}, so `@@schema` cannot be used. Remove it or use PostgreSQL.");
                return;
            }
            if (context.Provider != ProviderKind.PostgreSql || name == null) return;
            var schemas = context.Schema.Datasource!.Schemas;
            if (schemas.Count == 0)
            {
                context.Error(DiagnosticCodes.UnknownDatabaseSchema, location,
                    $"`@@schema(\"{name}\")` needs the datasource to list its schemas: add `schemas = [\"{name}\"]` to the datasource.");
            }
            else if (!schemas.Contains(name))
            {
                context.Error(DiagnosticCodes.UnknownDatabaseSchema, location,
                    $"The schema \"{name}\" is not in the datasource's `schemas` ({string.Join(", ", schemas)}). Add it there or fix the name.");
            }
        }
    }
}
