using System.Collections.Generic;
using System.Linq;
using Strata.Schema.Diagnostics;
using Strata.Schema.Semantics;
using Strata.Schema.Syntax;

namespace Strata.Schema.Binding
{
    /// <summary>Binds the <c>datasource</c> and <c>generator</c> blocks.</summary>
    internal sealed class ConfigBinder
    {
        private static readonly string[] DatasourceProperties = { "provider", "url", "directUrl", "shadowDatabaseUrl", "relationMode", "referentialIntegrity", "extensions", "schemas" };
        private static readonly string[] PrismaOnlyProviders = { "sqlserver", "mongodb", "cockroachdb" };

        private readonly BindContext _context;

        public ConfigBinder(BindContext context) => _context = context;

        public void Bind(List<BlockRef> blocks)
        {
            var generators = new Dictionary<string, GeneratorDefinition>();
            foreach (var block in blocks)
            {
                if (block.Block.Kind == BlockKind.Datasource) BindDatasource(block);
                else if (block.Block.Kind == BlockKind.Generator)
                {
                    var generator = BindGenerator(block);
                    if (generators.TryGetValue(generator.Name, out var first))
                    {
                        _context.Error(DiagnosticCodes.DuplicateGenerator, generator.Location,
                            $"A generator named `{generator.Name}` is already declared at {first.Location}. Give each generator its own name.");
                    }
                    else generators.Add(generator.Name, generator);
                    _context.Schema.GeneratorList.Add(generator);
                }
            }
        }

        private void BindDatasource(BlockRef block)
        {
            var decl = block.Block;
            var location = block.Locate(decl.NameSpan);
            if (_context.Schema.Datasource != null)
            {
                _context.Error(DiagnosticCodes.DuplicateDatasource, location,
                    $"Only one datasource is allowed; `{_context.Schema.Datasource.Name}` is declared at {_context.Schema.Datasource.Location}. Remove this one.");
                return;
            }
            var ds = new DatasourceDefinition(decl.Name, location);
            _context.Schema.Datasource = ds;
            var values = ReadProperties(block, DatasourceProperties);

            if (!values.TryGetValue("provider", out var provider))
            {
                _context.Error(DiagnosticCodes.InvalidConfigProperty, location,
                    $"The datasource `{decl.Name}` needs a provider: add `provider = \"sqlite\"` or `provider = \"postgresql\"`.");
            }
            else if (provider.Kind != ConfigValueKind.String)
            {
                _context.Error(DiagnosticCodes.InvalidConfigProperty, provider.Location,
                    "The datasource provider must be a string literal such as \"sqlite\" or \"postgresql\".");
            }
            else
            {
                ds.Provider = provider.Text;
                switch (provider.Text)
                {
                    case "sqlite": ds.ProviderKind = ProviderKind.Sqlite; break;
                    case "postgresql":
                    case "postgres": ds.ProviderKind = ProviderKind.PostgreSql; break;
                    case "mysql": ds.ProviderKind = ProviderKind.MySql; break;
                    default:
                        if (PrismaOnlyProviders.Contains(provider.Text))
                        {
                            _context.Warning(DiagnosticCodes.UnsupportedProvider, provider.Location,
                                $"Strata does not support the provider \"{provider.Text}\" yet: the schema was checked with the rules every provider shares, but migrations and the client need \"sqlite\", \"postgresql\" or \"mysql\".");
                        }
                        else
                        {
                            _context.Error(DiagnosticCodes.InvalidConfigProperty, provider.Location,
                                $"Unknown provider \"{provider.Text}\". Use \"sqlite\", \"postgresql\" or \"mysql\".");
                        }
                        break;
                }
            }

            ds.Url = StringOrEnv(values, "url");
            ds.DirectUrl = StringOrEnv(values, "directUrl");
            ds.ShadowDatabaseUrl = StringOrEnv(values, "shadowDatabaseUrl");
            // `referentialIntegrity` is the name `relationMode` had before Prisma 4.5; it still works, with a warning.
            if (values.TryGetValue("referentialIntegrity", out var oldMode))
            {
                _context.Warning(DiagnosticCodes.DeprecatedProperty, oldMode.Location,
                    "`referentialIntegrity` is the old name of `relationMode`; rename the property to `relationMode`.");
                if (!values.ContainsKey("relationMode")) values["relationMode"] = oldMode;
                else
                {
                    _context.Error(DiagnosticCodes.InvalidConfigProperty, oldMode.Location,
                        "`referentialIntegrity` and `relationMode` cannot be used together. Keep `relationMode` only.");
                }
            }
            if (values.TryGetValue("relationMode", out var mode))
            {
                if (mode.Kind == ConfigValueKind.String && (mode.Text == "prisma" || mode.Text == "foreignKeys")) ds.RelationMode = mode.Text;
                else _context.Error(DiagnosticCodes.InvalidConfigProperty, mode.Location, "`relationMode` must be \"foreignKeys\" or \"prisma\".");
            }
            ds.Schemas = ListProperty(values, "schemas", ds.ProviderKind);
            ds.Extensions = ListProperty(values, "extensions", ds.ProviderKind);
        }

        private IReadOnlyList<string> ListProperty(Dictionary<string, ConfigValue> values, string name, ProviderKind provider)
        {
            if (!values.TryGetValue(name, out var value)) return new string[0];
            if (value.Kind != ConfigValueKind.List)
            {
                _context.Error(DiagnosticCodes.InvalidConfigProperty, value.Location, $"`{name}` must be a list, as in `{name} = [\"a\", \"b\"]`.");
                return new string[0];
            }
            if (provider == ProviderKind.Sqlite || provider == ProviderKind.MySql)
            {
                _context.Error(DiagnosticCodes.ProviderOptionNotSupported, value.Location, provider == ProviderKind.Sqlite
                    ? $"SQLite has no `{name}`: it has one schema and no extensions. Remove this line or use PostgreSQL."
                    : $"MySQL has no `{name}` in Prisma's schema language: {(name == "schemas" ? "a schema is kept to one database" : "extensions are PostgreSQL's")}. Remove this line.");
                // Prisma reports MySQL's `extensions` as an unknown property and looks no further at it.
                if (provider == ProviderKind.MySql && name == "extensions") return new string[0];
            }
            if (value.HasNonStringItems)
                _context.Error(DiagnosticCodes.InvalidConfigProperty, value.Location, $"`{name}` must be a list of strings, as in `{name} = [\"a\", \"b\"]`.");
            var repeated = value.Items.GroupBy(i => i, System.StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            if (name == "schemas" && repeated.Count > 0)
                _context.Error(DiagnosticCodes.InvalidConfigProperty, value.Location, $"`schemas` lists {string.Join(", ", repeated.Select(r => $"\"{r}\""))} more than once. Name each schema once.");
            return value.Items;
        }

        private ConfigValue? StringOrEnv(Dictionary<string, ConfigValue> values, string name)
        {
            if (!values.TryGetValue(name, out var value)) return null;
            if (value.Kind == ConfigValueKind.String || value.Kind == ConfigValueKind.Env) return value;
            _context.Error(DiagnosticCodes.InvalidConfigProperty, value.Location,
                $"`{name}` must be a string or `env(\"VARIABLE\")`.");
            return null;
        }

        private GeneratorDefinition BindGenerator(BlockRef block)
        {
            var decl = block.Block;
            var generator = new GeneratorDefinition(decl.Name, block.Locate(decl.NameSpan));
            foreach (var pair in ReadProperties(block, null)) generator.PropertyMap[pair.Key] = pair.Value;
            if (generator.PropertyMap.TryGetValue("provider", out var provider))
            {
                if (provider.Kind == ConfigValueKind.String || provider.Kind == ConfigValueKind.Env) generator.Provider = provider;
                else _context.Error(DiagnosticCodes.InvalidConfigProperty, provider.Location, "The generator provider must be a string, such as \"strata\".");
            }
            else
            {
                _context.Error(DiagnosticCodes.InvalidConfigProperty, generator.Location,
                    $"The generator `{decl.Name}` needs a provider: add `provider = \"strata\"` for the Strata client.");
            }
            return generator;
        }

        /// <summary>Reads <c>key = value</c> lines; reports unknown (when <paramref name="known"/> is given) and repeated keys.</summary>
        private Dictionary<string, ConfigValue> ReadProperties(BlockRef block, string[]? known)
        {
            var values = new Dictionary<string, ConfigValue>();
            foreach (var property in block.Block.Properties)
            {
                if (property.Value == null) continue;
                var nameLocation = block.Locate(property.NameSpan);
                if (known != null && !known.Contains(property.Name))
                {
                    _context.Error(DiagnosticCodes.InvalidConfigProperty, nameLocation,
                        $"The datasource has no property `{property.Name}`. Known properties: {string.Join(", ", known)}.");
                    continue;
                }
                if (values.ContainsKey(property.Name))
                {
                    _context.Error(DiagnosticCodes.InvalidConfigProperty, nameLocation, $"`{property.Name}` is set twice in `{block.Block.Name}`. Keep one.");
                    continue;
                }
                values[property.Name] = ToConfigValue(block, property.Value);
            }
            return values;
        }

        private ConfigValue ToConfigValue(BlockRef block, Expression value)
        {
            var location = block.Locate(value.Span);
            switch (value)
            {
                case StringLiteral s:
                    return new ConfigValue(ConfigValueKind.String, s.Value, new string[0], location);
                case FunctionCall call when call.Name == "env":
                    var args = call.Arguments.Items;
                    if (args.Count == 1 && args[0].Name == null && args[0].Value is StringLiteral variable)
                        return new ConfigValue(ConfigValueKind.Env, variable.Value, new string[0], location);
                    _context.Error(DiagnosticCodes.InvalidConfigProperty, location, "`env` takes one string: the variable's name, as in `env(\"DATABASE_URL\")`.");
                    return new ConfigValue(ConfigValueKind.Other, block.File.Text.Substring(value.Span.Start, value.Span.Length), new string[0], location);
                case ArrayExpression array:
                    var items = array.Items.Select(i => i is StringLiteral si ? si.Value : block.File.Text.Substring(i.Span.Start, i.Span.Length)).ToList();
                    return new ConfigValue(ConfigValueKind.List, string.Empty, items, location) { HasNonStringItems = array.Items.Any(i => i is not StringLiteral) };
                default:
                    return new ConfigValue(ConfigValueKind.Other, block.File.Text.Substring(value.Span.Start, value.Span.Length), new string[0], location);
            }
        }
    }
}
