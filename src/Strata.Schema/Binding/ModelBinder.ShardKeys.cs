using System.Collections.Generic;
using System.Linq;
using Strata.Schema.Diagnostics;
using Strata.Schema.Semantics;
using Strata.Schema.Syntax;
using Strata.Schema.Text;

namespace Strata.Schema.Binding
{
    /// <summary>
    /// Shard keys (<c>@shardKey</c>, <c>@@shardKey([...])</c>): Prisma's `shardKeys` preview feature
    /// for PlanetScale's MySQL. Strata checks them as Prisma does, so such schemas keep their
    /// verdict, but neither migrations nor the client use them.
    /// </summary>
    internal sealed partial class ModelBinder
    {
        private bool ShardKeysEnabled(SourceLocation location)
        {
            if (_context.Schema.HasPreviewFeature("shardKeys")) return true;
            _context.Error(DiagnosticCodes.ProviderOptionNotSupported, location,
                "Shard keys need the `shardKeys` preview feature: add `previewFeatures = [\"shardKeys\"]` to a generator block.");
            return false;
        }

        private void BindFieldShardKey(SourceFile file, AttributeSyntax attribute, FieldDefinition field, ModelDefinition model)
        {
            var location = file.GetLocation(attribute.Span);
            if (!ShardKeysEnabled(location)) return;
            AttributeArguments.Match(_context, file, attribute, null);
            model.ShardKeys.Add((new[] { field }, location, true));
        }

        private void BindBlockShardKey(SourceFile file, AttributeSyntax attribute, ModelDefinition model, SourceLocation location)
        {
            if (!ShardKeysEnabled(location)) return;
            var args = AttributeArguments.Match(_context, file, attribute, "fields");
            var value = args.Require("fields", "@@shardKey([region])");
            if (value == null) return;
            var items = value is ArrayExpression array ? array.Items : new[] { value };
            if (items.Count == 0)
            {
                _context.Error(DiagnosticCodes.MissingArgument, location, "`@@shardKey` needs at least one field.");
                return;
            }
            var fields = new List<FieldDefinition>();
            foreach (var item in items)
            {
                // Plain field names only: a shard key has no per-field options, and names are not strings.
                if (!(item is ConstantExpression c) || c.IsBoolean)
                {
                    _context.Error(DiagnosticCodes.InvalidArgument, file, item.Span, $"`@@shardKey` lists field names, as in `[region, tenantId]`; found {item.Describe()}.");
                    continue;
                }
                var field = model.FindField(c.Name);
                if (field == null)
                {
                    _context.Error(DiagnosticCodes.UnknownFieldReference, file, item.Span, $"`@@shardKey` names `{c.Name}`, but `{model.Name}` has no such field.");
                }
                else if (field.Kind == FieldKind.Relation)
                {
                    _context.Error(DiagnosticCodes.UnknownFieldReference, location, $"`{c.Name}` is a relation field; a shard key is made of scalar fields.");
                }
                else fields.Add(field);
            }
            model.ShardKeys.Add((fields, location, false));
        }

        /// <summary>One shard key per model, over required fields (an ignored model is not checked for the latter, as in Prisma).</summary>
        private void CheckShardKeys(ModelDefinition model)
        {
            if (model.ShardKeys.Count(k => k.IsFieldLevel) > 1)
                _context.Error(DiagnosticCodes.DuplicateAttribute, model.Location, $"`{model.Name}` marks several fields with `@shardKey`; a model has one shard key. Use `@@shardKey([...])` for one over several fields.");
            else if (model.ShardKeys.Any(k => k.IsFieldLevel) && model.ShardKeys.Any(k => !k.IsFieldLevel))
                _context.Error(DiagnosticCodes.DuplicateAttribute, model.Location, $"`{model.Name}` has both `@shardKey` and `@@shardKey`; a model has one shard key. Keep one.");
            if (model.IsIgnored) return;
            foreach (var (fields, location, _) in model.ShardKeys)
            {
                var optional = fields.FirstOrDefault(f => f.IsOptional);
                if (optional != null)
                    _context.Error(DiagnosticCodes.OptionalId, location, $"The shard key field `{optional.Name}` is optional; every row needs its shard, so make it required.");
            }
        }
    }
}
