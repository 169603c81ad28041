using System.Collections.Generic;
using System.Linq;
using Strata.Schema.Diagnostics;
using Strata.Schema.Semantics;
using Strata.Schema.Syntax;
using Strata.Schema.Text;

namespace Strata.Schema.Binding
{
    /// <summary>The <c>@@</c> attributes of models and views: keys, indexes, names, <c>@@ignore</c> and <c>@@schema</c>.</summary>
    internal sealed partial class ModelBinder
    {
        private static readonly string[] BlockAttributeNames = { "id", "unique", "index", "fulltext", "map", "ignore", "schema" };
        private static readonly string[] IndexTypes = { "BTree", "Hash", "Gist", "Gin", "SpGist", "Brin" };

        public void BindBlockAttributes(BlockRef block, ModelDefinition model)
        {
            var seen = new AttributeRepeats();
            foreach (var attribute in block.Block.BlockAttributes)
            {
                var file = block.File;
                var location = file.GetLocation(attribute.Span);
                if (attribute.Name == "shardKey" && _context.Provider == ProviderKind.MySql)
                {
                    if (!seen.IsRepeat(attribute, a => _context.Error(DiagnosticCodes.DuplicateAttribute, file, a.NameSpan, $"`{a.DisplayName}` is given twice in `{model.Name}`. Keep one.")))
                        BindBlockShardKey(file, attribute, model, location);
                    continue;
                }
                if (!BlockAttributeNames.Contains(attribute.Name))
                {
                    var near = BlockAttributeNames.FirstOrDefault(a => EditDistance.Within(a, attribute.Name.ToLowerInvariant(), 2));
                    _context.Error(DiagnosticCodes.UnknownAttribute, file, attribute.NameSpan,
                        $"Unknown block attribute `{attribute.DisplayName}`{(near != null ? $"; did you mean `@@{near}`?" : ".")} Block attributes are {string.Join(", ", BlockAttributeNames.Select(a => "@@" + a))}.");
                    continue;
                }
                bool repeatable = attribute.Name == "unique" || attribute.Name == "index" || attribute.Name == "fulltext";
                if (!repeatable && seen.IsRepeat(attribute, a => _context.Error(a.Name == "id" ? DiagnosticCodes.MultiplePrimaryKeys : DiagnosticCodes.DuplicateAttribute,
                        file, a.NameSpan, $"`{a.DisplayName}` is given twice in `{model.Name}`. Keep one."))) continue;
                switch (attribute.Name)
                {
                    case "id" when model.IsView: NotOnView(location, "@@id"); BindCompoundId(file, attribute, model, location); break;
                    case "index" when model.IsView: NotOnView(location, "@@index"); break;
                    case "id": BindCompoundId(file, attribute, model, location); break;
                    case "unique": BindCompoundUnique(file, attribute, model, location); break;
                    case "index": BindIndex(file, attribute, model, location); break;
                    case "fulltext": BindFullText(file, attribute, model, location); break;
                    case "map":
                    {
                        var args = AttributeArguments.Match(_context, file, attribute, "name");
                        args.Require("name", "@@map(\"table_name\")");
                        var name = args.GetString("name");
                        if (name != null && name.Length == 0) _context.Error(DiagnosticCodes.InvalidArgument, location, "`@@map` needs a non-empty name.");
                        else
                        {
                            model.MappedName = name;
                            model.MapLocation = location;
                        }
                        break;
                    }
                    case "ignore":
                        AttributeArguments.Match(_context, file, attribute, null);
                        model.IsIgnored = true;
                        break;
                    case "schema":
                    {
                        var args = AttributeArguments.Match(_context, file, attribute, "name");
                        args.Require("name", "@@schema(\"auth\")");
                        model.DatabaseSchema = args.GetString("name");
                        model.HasSchemaAttribute = true;
                        SchemaAttribute.Check(_context, location, model.DatabaseSchema);
                        break;
                    }
                }
            }
            CheckShardKeys(model);
        }

        private void BindCompoundId(SourceFile file, AttributeSyntax attribute, ModelDefinition model, SourceLocation location)
        {
            var (args, fields) = ReadKey(file, attribute, model, "@@id([firstName, lastName])", "name", "map", "clustered");
            if (fields == null) return;
            NoSortInPrimaryKey(fields.Any(f => f.Sort != null), location);
            foreach (var f in fields.Where(f => f.Field.IsOptional || f.Field.IsList))
            {
                _context.Error(DiagnosticCodes.OptionalId, location,
                    $"The primary key includes `{f.Name}`, which is {(f.Field.IsList ? "a list" : "optional")}; every primary key field must be required.");
                return;
            }
            if (model.PrimaryKey != null)
            {
                MultiplePrimaryKeys(location, model);
                return;
            }
            model.PrimaryKey = new PrimaryKeyDefinition(model, fields, location) { ClientName = args.GetString("name"), MappedName = args.GetString("map") };
        }

        private void BindCompoundUnique(SourceFile file, AttributeSyntax attribute, ModelDefinition model, SourceLocation location)
        {
            var (args, fields) = ReadKey(file, attribute, model, "@@unique([email, tenantId])", "name", "map", "clustered");
            if (fields == null) return;
            var list = fields.FirstOrDefault(f => f.Field.IsList);
            if (list != null)
            {
                _context.Error(DiagnosticCodes.AttributeNotAllowed, location, $"The list field `{list.Name}` cannot be part of a unique constraint.");
                return;
            }
            model.UniqueList.Add(new UniqueDefinition(model, fields, location) { ExplicitClientName = args.GetString("name"), MappedName = args.GetString("map") });
            if (model.IsView && args.GetString("map") != null) NoMapOnView(location);
        }

        private void BindIndex(SourceFile file, AttributeSyntax attribute, ModelDefinition model, SourceLocation location)
        {
            var (args, fields) = ReadKey(file, attribute, model, "@@index([authorId])", "name", "map", "type", "clustered");
            string? type = null;
            var typeArg = args.Get("type");
            if (typeArg != null)
            {
                if (_context.Provider == ProviderKind.Sqlite)
                {
                    _context.Error(DiagnosticCodes.ProviderOptionNotSupported, file, typeArg.Span,
                        "SQLite has only B-tree indexes, so `type:` cannot be used. Remove it.");
                }
                else type = args.GetConstant("type", IndexTypes);
                // Prisma's MySQL indexes are B-trees: InnoDB builds a B-tree even when HASH is asked for.
                if (_context.Provider == ProviderKind.MySql && type != null && type != "BTree")
                {
                    _context.Error(DiagnosticCodes.ProviderOptionNotSupported, location,
                        $"Prisma's MySQL indexes are B-trees, so `type: {type}` cannot be used. Remove it or write `type: BTree`.");
                    type = null;
                }
            }
            if (fields == null) return;
            // `name:` is the older spelling of `map:` for indexes.
            var mapped = args.GetString("map") ?? args.GetString("name");
            model.IndexList.Add(new IndexDefinition(model, fields, location) { IndexType = type, MappedName = mapped });
        }

        /// <summary>
        /// <c>@@fulltext</c>: a MySQL FULLTEXT index (MongoDB has one too). MySQL's full-text
        /// indexes take whole columns in no order, so `sort:` and `length:` are errors (as in Prisma).
        /// </summary>
        private void BindFullText(SourceFile file, AttributeSyntax attribute, ModelDefinition model, SourceLocation location)
        {
            var args = AttributeArguments.Match(_context, file, attribute, "fields", "map");
            if (_context.Provider != ProviderKind.Unsupported && _context.Provider != ProviderKind.MySql)
            {
                _context.Error(DiagnosticCodes.ProviderOptionNotSupported, location,
                    $"`@@fulltext` exists only on MySQL and MongoDB. On PostgreSQL use `@@index(..., type: Gin)` on a tsvector column.");
                return;
            }
            var fieldsArg = args.Require("fields", "@@fulltext([title, body])");
            var fields = fieldsArg == null ? null : FieldList(file, model, fieldsArg, attribute);
            if (fields == null) return;
            var ordered = fields.FirstOrDefault(f => f.Sort != null || f.Length != null);
            if (ordered != null)
            {
                _context.Error(DiagnosticCodes.InvalidArgument, location,
                    $"A full-text index takes whole columns in no order, so `{ordered.Name}` cannot have {(ordered.Sort != null ? "`sort:`" : "`length:`")} in `@@fulltext`. Remove it.");
            }
            model.IndexList.Add(new IndexDefinition(model, fields, location) { IsFullText = true, MappedName = args.GetString("map") });
        }

        /// <summary>The arguments of a key or index attribute and its field list (null when missing or wrong).</summary>
        private (AttributeArguments Args, List<IndexField>? Fields) ReadKey(SourceFile file, AttributeSyntax attribute, ModelDefinition model, string example, params string[] named)
        {
            var args = AttributeArguments.Match(_context, file, attribute, "fields", named);
            var fieldsArg = args.Require("fields", example);
            var clustered = args.Get("clustered");
            if (clustered != null) ProviderOption(file, clustered.Span, $"`clustered:` in `{attribute.DisplayName}`", "SQL Server");
            return (args, fieldsArg == null ? null : FieldList(file, model, fieldsArg, attribute));
        }

        /// <summary>
        /// Reads <c>[a, b(sort: Desc)]</c> (or a single field) into index fields; reports unknown
        /// fields and fields that have no column. Returns null when any item is wrong.
        /// </summary>
        private List<IndexField>? FieldList(SourceFile file, ModelDefinition model, Expression value, AttributeSyntax attribute)
        {
            var items = value is ArrayExpression array ? array.Items : new[] { value };
            if (items.Count == 0)
            {
                _context.Error(DiagnosticCodes.MissingArgument, file, value.Span, $"`{attribute.DisplayName}` needs at least one field.");
                return null;
            }
            var result = new List<IndexField>();
            var names = new HashSet<string>();
            bool ok = true;
            foreach (var item in items)
            {
                string? name = item is ConstantExpression c && !c.IsBoolean ? c.Name : item is FunctionCall call ? call.Name : null;
                if (name == null)
                {
                    _context.Error(DiagnosticCodes.InvalidArgument, file, item.Span,
                        $"`{attribute.DisplayName}` lists field names, as in `[title, createdAt(sort: Desc)]`; found {item.Describe()}.");
                    ok = false;
                    continue;
                }
                var nameSpan = item is FunctionCall fc ? fc.NameSpan : item.Span;
                var field = ResolveIndexField(file, model, name, nameSpan, attribute);
                if (field == null)
                {
                    ok = false;
                    continue;
                }
                if (!names.Add(name))
                {
                    _context.Error(DiagnosticCodes.UnknownFieldReference, file, nameSpan, $"`{name}` is listed twice in `{attribute.DisplayName}`.");
                    ok = false;
                    continue;
                }
                var indexField = new IndexField(field);
                if (item is FunctionCall withArgs) ApplyIndexFieldArguments(file, withArgs, indexField, attribute);
                result.Add(indexField);
            }
            return ok ? result : null;
        }

        private FieldDefinition? ResolveIndexField(SourceFile file, ModelDefinition model, string name, TextSpan span, AttributeSyntax attribute)
        {
            if (name.IndexOf('.') >= 0)
            {
                _context.Error(DiagnosticCodes.UnknownFieldReference, file, span,
                    $"`{name}` points into a composite field; indexes on composite fields exist only on MongoDB. Index a column of `{model.Name}` instead.");
                return null;
            }
            var field = model.FindField(name);
            if (field == null)
            {
                var near = _context.Hints.Near(model.Fields.Select(f => f.Name), name);
                _context.Error(DiagnosticCodes.UnknownFieldReference, file, span,
                    $"`{attribute.DisplayName}` names `{name}`, but `{model.Name}` has no such field{(near != null ? $"; did you mean `{near}`?" : ".")}");
                return null;
            }
            if (field.Kind == FieldKind.Relation)
            {
                _context.Error(DiagnosticCodes.UnknownFieldReference, file, span,
                    $"`{name}` is a relation field and has no column. List its foreign key fields{(field.RelationAttribute?.Fields != null ? $" ({string.Join(", ", field.RelationAttribute.Fields)})" : string.Empty)} instead.");
                return null;
            }
            // Unsupported columns may be indexed and be keys, as in Prisma; the client leaves such keys out.
            if (field.Kind == FieldKind.Composite)
            {
                _context.Error(DiagnosticCodes.UnknownFieldReference, file, span,
                    $"`{name}` is a composite field (stored as JSON) and cannot be part of `{attribute.DisplayName}`.");
                return null;
            }
            return field;
        }

        private void ApplyIndexFieldArguments(SourceFile file, FunctionCall call, IndexField indexField, AttributeSyntax attribute)
        {
            foreach (var arg in call.Arguments.Items)
            {
                switch (arg.Name)
                {
                    case "sort" when arg.Value is ConstantExpression s && (s.Name == "Asc" || s.Name == "Desc"):
                        indexField.Sort = s.Name == "Desc" ? SortOrder.Desc : SortOrder.Asc;
                        break;
                    case "sort":
                        _context.Error(DiagnosticCodes.InvalidArgument, file, arg.Value.Span, "`sort:` is `Asc` or `Desc`.");
                        break;
                    case "length":
                        ProviderOption(file, arg.Span, "`length:` on an index field", "MySQL");
                        SetLength(file, arg.Value, indexField, file.GetLocation(attribute.Span));
                        break;
                    case "ops":
                        if (_context.Provider == ProviderKind.Sqlite)
                        {
                            _context.Error(DiagnosticCodes.ProviderOptionNotSupported, file, arg.Span,
                                "Operator classes (`ops:`) exist only on PostgreSQL. Remove it.");
                        }
                        else indexField.OperatorClass = file.Text.Substring(arg.Value.Span.Start, arg.Value.Span.Length);
                        break;
                    default:
                        _context.Error(DiagnosticCodes.UnknownArgument, file, arg.Span,
                            $"An index field takes `sort:` and `ops:`{(arg.Name == null ? "; name the argument" : $", not `{arg.Name}:`")}.");
                        break;
                }
            }
        }
    }
}
