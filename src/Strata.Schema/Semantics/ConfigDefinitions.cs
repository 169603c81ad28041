using System;
using System.Collections.Generic;
using Strata.Schema.Text;

namespace Strata.Schema.Semantics
{
    /// <summary>The kinds of datasource and generator property values.</summary>
    public enum ConfigValueKind
    {
        /// <summary>A string literal.</summary>
        String,
        /// <summary><c>env("NAME")</c>: read from the environment when used.</summary>
        Env,
        /// <summary>A list (<c>["a", "b"]</c>).</summary>
        List,
        /// <summary>A boolean, number or name.</summary>
        Other,
    }

    /// <summary>The value of a datasource or generator property.</summary>
    public sealed class ConfigValue
    {
        internal ConfigValue(ConfigValueKind kind, string text, IReadOnlyList<string> items, SourceLocation location)
        {
            Kind = kind;
            Text = text;
            Items = items;
            Location = location;
        }

        /// <summary>The kind of value.</summary>
        public ConfigValueKind Kind { get; }

        /// <summary>The string, the environment variable's name, or the value as written.</summary>
        public string Text { get; }

        /// <summary>For lists: the items (strings unquoted, other values as written).</summary>
        public IReadOnlyList<string> Items { get; }

        /// <summary>True when a list holds something other than strings (the items then keep their source text).</summary>
        internal bool HasNonStringItems { get; init; }

        /// <summary>Where the value is written.</summary>
        public SourceLocation Location { get; }

        /// <summary>The value with <c>env(...)</c> looked up through <paramref name="environment"/>; null when the variable is not set.</summary>
        public string? Resolve(Func<string, string?> environment) =>
            Kind == ConfigValueKind.Env ? environment(Text) : Text;

        /// <inheritdoc />
        public override string ToString() => Kind switch
        {
            ConfigValueKind.Env => $"env(\"{Text}\")",
            ConfigValueKind.List => "[" + string.Join(", ", Items) + "]",
            _ => Text,
        };
    }

    /// <summary>The <c>datasource</c> block.</summary>
    public sealed class DatasourceDefinition
    {
        internal DatasourceDefinition(string name, SourceLocation location)
        {
            Name = name;
            Location = location;
        }

        /// <summary>The block's name; native type attributes use it as their prefix (<c>@db.VarChar</c>).</summary>
        public string Name { get; }

        /// <summary>Where the name is written.</summary>
        public SourceLocation Location { get; }

        /// <summary>The provider as written (<c>sqlite</c>, <c>postgresql</c>, <c>postgres</c>...).</summary>
        public string Provider { get; internal set; } = string.Empty;

        /// <summary>The provider Strata uses.</summary>
        public ProviderKind ProviderKind { get; internal set; } = ProviderKind.Unsupported;

        /// <summary><c>url</c>, where given (Prisma 7 schemas may leave it to a config file).</summary>
        public ConfigValue? Url { get; internal set; }

        /// <summary><c>directUrl</c>.</summary>
        public ConfigValue? DirectUrl { get; internal set; }

        /// <summary><c>shadowDatabaseUrl</c>.</summary>
        public ConfigValue? ShadowDatabaseUrl { get; internal set; }

        /// <summary><c>relationMode</c>: <c>foreignKeys</c> (default) or <c>prisma</c>.</summary>
        public string RelationMode { get; internal set; } = "foreignKeys";

        /// <summary><c>schemas</c> (PostgreSQL).</summary>
        public IReadOnlyList<string> Schemas { get; internal set; } = Array.Empty<string>();

        /// <summary><c>extensions</c> (PostgreSQL), as written.</summary>
        public IReadOnlyList<string> Extensions { get; internal set; } = Array.Empty<string>();
    }

    /// <summary>A <c>generator</c> block.</summary>
    public sealed class GeneratorDefinition
    {
        internal GeneratorDefinition(string name, SourceLocation location)
        {
            Name = name;
            Location = location;
        }

        /// <summary>The block's name.</summary>
        public string Name { get; }

        /// <summary>Where the name is written.</summary>
        public SourceLocation Location { get; }

        /// <summary>The provider (<c>strata</c>, <c>prisma-client-js</c>...), as written or as env(...).</summary>
        public ConfigValue? Provider { get; internal set; }

        /// <summary>Every property, by name, including <c>provider</c>.</summary>
        public IReadOnlyDictionary<string, ConfigValue> Properties => PropertyMap;

        internal Dictionary<string, ConfigValue> PropertyMap { get; } = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);

        /// <summary>True when this block asks for the Strata client.</summary>
        public bool IsStrata => Provider != null && Provider.Kind == ConfigValueKind.String && Provider.Text == "strata";
    }
}
