using System.Collections.Generic;
using Strata.Schema.Diagnostics;
using Strata.Schema.Semantics;

namespace Strata.Schema.Binding
{
    /// <summary>Binds an <c>enum</c> block: its values, <c>@map</c>, <c>@@map</c> and <c>@@schema</c>.</summary>
    internal sealed class EnumBinder
    {
        private readonly BindContext _context;

        public EnumBinder(BindContext context) => _context = context;

        public void Bind(BlockRef block, EnumDefinition enumDef)
        {
            var seen = new HashSet<string>();
            var seenMapped = new Dictionary<string, EnumValueDefinition>();
            foreach (var valueSyntax in block.Block.EnumValues)
            {
                var location = block.Locate(valueSyntax.NameSpan);
                if (!seen.Add(valueSyntax.Name))
                {
                    _context.Error(DiagnosticCodes.DuplicateEnumValue, location,
                        $"The enum `{enumDef.Name}` already has the value `{valueSyntax.Name}`. Remove the repeated value.");
                    continue;
                }
                _context.CheckNoDash("enum value", valueSyntax.Name, location);
                var value = new EnumValueDefinition(valueSyntax.Name, location, valueSyntax.Documentation);
                var attributeSeen = new AttributeRepeats();
                foreach (var attribute in valueSyntax.Attributes)
                {
                    if (attribute.Name != "map")
                    {
                        _context.Error(DiagnosticCodes.UnknownAttribute, block.File, attribute.NameSpan,
                            $"`{attribute.DisplayName}` is not allowed on an enum value; only `@map(\"...\")` is.");
                        continue;
                    }
                    if (attributeSeen.IsRepeat(attribute, a => _context.Error(DiagnosticCodes.DuplicateAttribute, block.File, a.NameSpan,
                            "`@map` is given twice on this value. Keep one."))) continue;
                    var args = AttributeArguments.Match(_context, block.File, attribute, "name");
                    args.Require("name", "@map(\"database_value\")");
                    value.MappedName = args.GetString("name");
                }
                if (seenMapped.TryGetValue(value.DatabaseName, out var clash))
                {
                    _context.Error(DiagnosticCodes.DuplicateEnumValue, location,
                        $"The values `{clash.Name}` and `{value.Name}` of enum `{enumDef.Name}` are both stored as \"{value.DatabaseName}\". Map them to different names.");
                }
                else seenMapped[value.DatabaseName] = value;
                enumDef.ValueList.Add(value);
            }
            if (enumDef.ValueList.Count == 0 && !block.Block.EnumValues.GetEnumerator().MoveNext())
            {
                _context.Error(DiagnosticCodes.MissingArgument, enumDef.Location, $"The enum `{enumDef.Name}` has no values. Add at least one.");
            }

            var blockSeen = new AttributeRepeats();
            foreach (var attribute in block.Block.BlockAttributes)
            {
                if ((attribute.Name == "map" || attribute.Name == "schema") && blockSeen.IsRepeat(attribute, a =>
                        _context.Error(DiagnosticCodes.DuplicateAttribute, block.File, a.NameSpan, $"`{a.DisplayName}` is given twice. Keep one."))) continue;
                var args = AttributeArguments.Match(_context, block.File, attribute, "name");
                switch (attribute.Name)
                {
                    case "map":
                        args.Require("name", "@@map(\"database_name\")");
                        enumDef.MappedName = args.GetString("name");
                        break;
                    case "schema":
                        args.Require("name", "@@schema(\"auth\")");
                        enumDef.DatabaseSchema = args.GetString("name");
                        enumDef.HasSchemaAttribute = true;
                        SchemaAttribute.Check(_context, block.File.GetLocation(attribute.Span), enumDef.DatabaseSchema);
                        break;
                    default:
                        _context.Error(DiagnosticCodes.UnknownAttribute, block.File, attribute.NameSpan,
                            $"`{attribute.DisplayName}` is not allowed on an enum; enums take `@@map` and `@@schema`.");
                        break;
                }
            }
        }
    }
}
