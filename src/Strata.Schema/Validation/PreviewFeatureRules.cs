using System;
using System.Collections.Generic;
using System.Linq;
using Strata.Schema.Binding;
using Strata.Schema.Diagnostics;
using Strata.Schema.Semantics;

namespace Strata.Schema.Validation
{
    /// <summary>
    /// A generator's <c>previewFeatures</c>, judged as Prisma judges them: a feature that is still in
    /// preview is accepted silently, one that became generally available (or was dropped without a
    /// replacement in use) is a warning, and a name Prisma does not know is an error. Names match
    /// without regard to case, as in Prisma.
    /// </summary>
    internal static class PreviewFeatureRules
    {
        /// <summary>In preview on every provider.</summary>
        private static readonly string[] InPreview =
        {
            "nativeDistinct", "partialIndexes", "postgresqlExtensions", "relationJoins", "schemaEngineDriverAdapters",
            "shardKeys", "strictUndefinedChecks", "typedSql", "views",
        };

        /// <summary>Accepted, but never offered in Prisma's list of known names.</summary>
        private static readonly string[] Hidden = { "reactNative" };

        /// <summary>In preview on PostgreSQL only.</summary>
        private const string PostgresFullTextSearch = "fullTextSearchPostgres";

        /// <summary>Generally available now, or retired: Prisma warns that the name is no longer needed.</summary>
        private static readonly string[] Deprecated =
        {
            "aggregateApi", "atomicNumberOperations", "clientExtensions", "cockroachdb", "connectOrCreate", "createMany",
            "dataProxy", "deno", "distinct", "driverAdapters", "extendedIndexes", "extendedWhereUnique", "fieldReference",
            "filteredRelationCount", "filterJson", "fullTextIndex", "fullTextSearch", "groupBy", "improvedQueryRaw",
            "interactiveTransactions", "jsonProtocol", "microsoftSqlServer", "middlewares", "mongoDb", "multiSchema",
            "namedConstraints", "nApi", "nativeTypes", "omitApi", "orderByAggregateGroup", "orderByNulls", "orderByRelation",
            "prismaSchemaFolder", "queryCompiler", "referentialActions", "referentialIntegrity", "selectRelationCount",
            "tracing", "transactionApi", "uncheckedScalarInputs",
        };

        public static void Check(BindContext context)
        {
            bool postgres = context.Provider == ProviderKind.PostgreSql;
            var known = postgres ? InPreview.Append(PostgresFullTextSearch).OrderBy(n => n, StringComparer.Ordinal).ToArray() : InPreview;
            foreach (var generator in context.Schema.Generators)
            {
                if (!generator.Properties.TryGetValue("previewFeatures", out var value) || value.Kind != ConfigValueKind.List) continue;
                if (value.HasNonStringItems)
                {
                    context.Error(DiagnosticCodes.InvalidConfigProperty, value.Location, "`previewFeatures` must be a list of strings, as in `previewFeatures = [\"views\"]`.");
                    continue;
                }
                foreach (var feature in value.Items)
                {
                    if (Is(known, feature) || Is(Hidden, feature)) continue;
                    if (postgres && Is(feature, "fullTextSearch"))
                    {
                        context.Warning(DiagnosticCodes.DeprecatedPreviewFeature, value.Location,
                            $"On PostgreSQL the preview feature \"{feature}\" is now called \"{PostgresFullTextSearch}\". Rename it.");
                    }
                    else if (Is(Deprecated, feature))
                    {
                        context.Warning(DiagnosticCodes.DeprecatedPreviewFeature, value.Location,
                            $"The preview feature \"{feature}\" is no longer needed: what it enabled works without it. Remove it from `previewFeatures`.");
                    }
                    else
                    {
                        context.Error(DiagnosticCodes.UnknownPreviewFeature, value.Location,
                            $"The preview feature \"{feature}\" is not known. The known ones are {string.Join(", ", known)}.");
                    }
                }
            }
        }

        private static bool Is(IEnumerable<string> names, string feature) => names.Any(n => Is(n, feature));

        private static bool Is(string name, string feature) => string.Equals(name, feature, StringComparison.OrdinalIgnoreCase);
    }
}
