using System.Collections.Generic;
using System.Linq;
using Strata.Schema.Syntax;

namespace Strata.Schema.Semantics
{
    /// <summary>
    /// The meaning of a whole schema (one file or several): models, views, enums, composite types,
    /// relations in pairs, keys and indexes with their database names, the datasource and generators.
    /// </summary>
    public sealed class SchemaDefinition
    {
        internal SchemaDefinition(IReadOnlyList<SchemaDocument> documents) => Documents = documents;

        /// <summary>The parsed files.</summary>
        public IReadOnlyList<SchemaDocument> Documents { get; }

        /// <summary>The datasource, if any.</summary>
        public DatasourceDefinition? Datasource { get; internal set; }

        /// <summary>The provider, <see cref="ProviderKind.Unsupported"/> when there is no datasource.</summary>
        public ProviderKind Provider => Datasource?.ProviderKind ?? ProviderKind.Unsupported;

        /// <summary>The generator blocks.</summary>
        public IReadOnlyList<GeneratorDefinition> Generators => GeneratorList;

        internal List<GeneratorDefinition> GeneratorList { get; } = new List<GeneratorDefinition>();

        /// <summary>Models and views, in schema order.</summary>
        public IReadOnlyList<ModelDefinition> Models => ModelList;

        internal NamedList<ModelDefinition> ModelList { get; } = new NamedList<ModelDefinition>(m => m.Name);

        /// <summary>Only the views.</summary>
        public IEnumerable<ModelDefinition> Views => ModelList.Where(m => m.IsView);

        /// <summary>The enums.</summary>
        public IReadOnlyList<EnumDefinition> Enums => EnumList;

        internal NamedList<EnumDefinition> EnumList { get; } = new NamedList<EnumDefinition>(e => e.Name);

        /// <summary>The composite types.</summary>
        public IReadOnlyList<CompositeTypeDefinition> CompositeTypes => CompositeList;

        internal NamedList<CompositeTypeDefinition> CompositeList { get; } = new NamedList<CompositeTypeDefinition>(c => c.Name);

        /// <summary>The relations, each once.</summary>
        public IReadOnlyList<RelationDefinition> Relations => RelationList;

        internal List<RelationDefinition> RelationList { get; } = new List<RelationDefinition>();

        /// <summary>True when some generator lists <paramref name="feature"/> in <c>previewFeatures</c> (Prisma reads them from every generator).</summary>
        public bool HasPreviewFeature(string feature) => GeneratorList.Any(g =>
            g.Properties.TryGetValue("previewFeatures", out var value) && value.Kind == ConfigValueKind.List
            && value.Items.Any(item => string.Equals(item, feature, System.StringComparison.OrdinalIgnoreCase)));

        /// <summary>The model or view with this name, or null.</summary>
        public ModelDefinition? FindModel(string name) => ModelList.Find(name);

        /// <summary>The enum with this name, or null.</summary>
        public EnumDefinition? FindEnum(string name) => EnumList.Find(name);

        /// <summary>The composite type with this name, or null.</summary>
        public CompositeTypeDefinition? FindCompositeType(string name) => CompositeList.Find(name);
    }
}
