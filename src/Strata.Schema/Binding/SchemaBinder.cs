using System.Collections.Generic;
using System.Linq;
using Strata.Schema.Diagnostics;
using Strata.Schema.Semantics;
using Strata.Schema.Syntax;
using Strata.Schema.Validation;

namespace Strata.Schema.Binding
{
    /// <summary>
    /// Builds the semantic model from parsed files in passes: declarations and names, the
    /// datasource (its provider steers later checks), enums, composite types, models, relations,
    /// and finally the whole-schema rules.
    /// </summary>
    internal sealed class SchemaBinder
    {
        private readonly BindContext _context;

        public SchemaBinder(BindContext context) => _context = context;

        public void Bind(IReadOnlyList<SchemaDocument> documents)
        {
            var blocks = documents.SelectMany(d => d.Blocks.Select(b => new BlockRef(d.File, b))).ToList();

            int errorsBefore = ErrorCount();
            new ConfigBinder(_context).Bind(blocks);
            // Prisma checks the models as a whole only when the datasource and generators are
            // sound (its validation pipeline returns early otherwise): the same here.
            bool configFailed = ErrorCount() > errorsBefore;
            var declared = DeclareTypes(blocks);

            foreach (var (block, enumDef) in declared.Enums) new EnumBinder(_context).Bind(block, enumDef);
            var modelBinder = new ModelBinder(_context);
            foreach (var (block, composite) in declared.Composites) modelBinder.BindFields(block, composite);
            foreach (var (block, model) in declared.Models) modelBinder.BindFields(block, model);
            foreach (var (block, model) in declared.Models) modelBinder.BindBlockAttributes(block, model);

            new RelationResolver(_context).Resolve();
            SchemaRules.Check(_context, configFailed);
            if (configFailed) return;
            MySqlRules.Check(_context);
            RelationModeRules.Check(_context);
        }

        private int ErrorCount() => _context.Diagnostics.Items.Count(d => d.IsError);

        private Declared DeclareTypes(List<BlockRef> blocks)
        {
            var declared = new Declared();
            var seen = new Dictionary<string, BlockRef>();
            foreach (var block in blocks)
            {
                var decl = block.Block;
                if (decl.Kind == BlockKind.Datasource || decl.Kind == BlockKind.Generator) continue;
                var location = block.Locate(decl.NameSpan);
                if (seen.TryGetValue(decl.Name, out var first))
                {
                    var firstLocation = first.Locate(first.Block.NameSpan);
                    _context.Error(DiagnosticCodes.DuplicateTopLevelName, location,
                        $"The name `{decl.Name}` is already used by the {BlockDeclaration.Keyword(first.Block.Kind)} at {firstLocation}. Models, views, enums and composite types need distinct names.");
                    continue;
                }
                if (ScalarTypes.TryParse(decl.Name, out _) || decl.Name == "Unsupported")
                {
                    _context.Error(DiagnosticCodes.InvalidName, location,
                        $"`{decl.Name}` is a built-in type and cannot be the name of a {BlockDeclaration.Keyword(decl.Kind)}. Choose another name.");
                    continue;
                }
                _context.CheckNoDash(BlockDeclaration.Keyword(decl.Kind), decl.Name, location);
                seen.Add(decl.Name, block);
                switch (decl.Kind)
                {
                    case BlockKind.Enum:
                        var e = new EnumDefinition(decl.Name, location, decl.Documentation);
                        _context.Schema.EnumList.Add(e);
                        declared.Enums.Add((block, e));
                        break;
                    case BlockKind.Type:
                        var c = new CompositeTypeDefinition(decl.Name, location, decl.Documentation);
                        _context.Schema.CompositeList.Add(c);
                        declared.Composites.Add((block, c));
                        break;
                    default:
                        var m = new ModelDefinition(decl.Name, decl.Kind == BlockKind.View, location, decl.Documentation);
                        _context.Schema.ModelList.Add(m);
                        declared.Models.Add((block, m));
                        break;
                }
            }
            return declared;
        }

        private sealed class Declared
        {
            public List<(BlockRef, EnumDefinition)> Enums { get; } = new List<(BlockRef, EnumDefinition)>();

            public List<(BlockRef, CompositeTypeDefinition)> Composites { get; } = new List<(BlockRef, CompositeTypeDefinition)>();

            public List<(BlockRef, ModelDefinition)> Models { get; } = new List<(BlockRef, ModelDefinition)>();
        }
    }
}
