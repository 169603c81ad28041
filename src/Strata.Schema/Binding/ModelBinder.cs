using System.Collections.Generic;
using System.Linq;
using Strata.Schema.Diagnostics;
using Strata.Schema.Semantics;
using Strata.Schema.Syntax;
using Strata.Schema.Text;

namespace Strata.Schema.Binding
{
    /// <summary>Binds the fields of models, views and composite types, with their field attributes.</summary>
    internal sealed partial class ModelBinder
    {
        private static readonly string[] FieldAttributes = { "id", "unique", "default", "updatedAt", "map", "relation", "ignore" };

        private readonly BindContext _context;
        private Dictionary<string, string>? _typeNamesByFoldedName;

        public ModelBinder(BindContext context) => _context = context;

        public void BindFields(BlockRef block, IFieldContainer container)
        {
            var names = new HashSet<string>();
            var list = container is ModelDefinition m ? m.FieldList : ((CompositeTypeDefinition)container).FieldList;
            foreach (var syntax in block.Block.Fields)
            {
                var location = block.Locate(syntax.NameSpan);
                if (!names.Add(syntax.Name))
                {
                    _context.Error(DiagnosticCodes.DuplicateField, location,
                        $"`{container.Name}` already has a field named `{syntax.Name}`. Rename or remove one of them.");
                    continue;
                }
                _context.CheckNoDash("field", syntax.Name, location);
                var field = new FieldDefinition(container, syntax, location);
                if (syntax.Type == null) continue;
                if (!ResolveType(block.File, field, syntax.Type)) continue;
                list.Add(field);
                BindFieldAttributes(block.File, field, container);
            }
        }

        private bool ResolveType(SourceFile file, FieldDefinition field, FieldTypeSyntax type)
        {
            var schema = _context.Schema;
            if (type.Arguments != null && type.Name != "Unsupported")
            {
                _context.Error(DiagnosticCodes.UnknownType, file, type.Arguments.Span,
                    $"Only `Unsupported(\"...\")` takes arguments in a field type. For a length or precision use a native type attribute such as `@db.VarChar(255)`.");
                return false;
            }
            if (ScalarTypes.TryParse(type.Name, out var scalar))
            {
                field.Kind = FieldKind.Scalar;
                field.ScalarType = scalar;
                return true;
            }
            if (type.Name == "Unsupported")
            {
                field.Kind = FieldKind.Unsupported;
                var args = type.Arguments?.Items;
                if (args == null || args.Count != 1 || args[0].Name != null || !(args[0].Value is StringLiteral s))
                {
                    _context.Error(DiagnosticCodes.InvalidArgument, file, type.Span,
                        "`Unsupported` takes one string: the database type, as in `Unsupported(\"circle\")`.");
                    return false;
                }
                field.UnsupportedType = s.Value;
                return true;
            }
            var enumDef = schema.FindEnum(type.Name);
            if (enumDef != null)
            {
                field.Kind = FieldKind.Enum;
                field.EnumType = enumDef;
                return true;
            }
            var composite = schema.FindCompositeType(type.Name);
            if (composite != null)
            {
                field.Kind = FieldKind.Composite;
                field.CompositeType = composite;
                return true;
            }
            var model = schema.FindModel(type.Name);
            if (model != null)
            {
                if (field.Container is CompositeTypeDefinition)
                {
                    _context.Error(DiagnosticCodes.InvalidCompositeField, file, type.NameSpan,
                        $"Composite types cannot have relation fields: `{field.Name}` refers to the model `{model.Name}`. Store its id instead.");
                    return false;
                }
                field.Kind = FieldKind.Relation;
                field.RelatedModel = model;
                return true;
            }
            var candidates = ScalarTypes.Names.Concat(schema.Models.Select(x => x.Name)).Concat(schema.Enums.Select(x => x.Name)).Concat(schema.CompositeTypes.Select(x => x.Name));
            // Every type is declared before fields bind, so the case-insensitive index is built once, at the first unknown type.
            var near = _context.Hints.Near(candidates, type.Name, _typeNamesByFoldedName ??= NameHints.ByFoldedName(candidates));
            _context.Error(DiagnosticCodes.UnknownType, file, type.NameSpan,
                $"Unknown type `{type.Name}`{(near != null ? $"; did you mean `{near}`?" : ".")} A field's type is a scalar type ({string.Join(", ", ScalarTypes.Names)}), or a model, enum or composite type declared in the schema.");
            return false;
        }

        private void BindFieldAttributes(SourceFile file, FieldDefinition field, IFieldContainer container)
        {
            var seen = new AttributeRepeats();
            bool nativeSeen = false;
            foreach (var attribute in field.Syntax.Attributes)
            {
                if (attribute.IsBlock) continue; // reported by the parser
                var location = file.GetLocation(attribute.Span);
                string? nativeType = NativeTypeName(attribute);
                if (nativeType != null)
                {
                    if (nativeSeen)
                    {
                        _context.Error(DiagnosticCodes.DuplicateAttribute, location, $"`{field.Name}` has more than one native type attribute. Keep one.");
                        continue;
                    }
                    nativeSeen = true;
                    if (container is CompositeTypeDefinition) { CompositeOnly(file, attribute, field); continue; }
                    if (field.Kind == FieldKind.Relation) { NotOnRelation(location, attribute); continue; }
                    field.NativeType = NativeTypes.Bind(_context, file, field, attribute, nativeType);
                    continue;
                }
                if (attribute.Name == "shardKey" && _context.Provider == ProviderKind.MySql && container is ModelDefinition sharded)
                {
                    BindFieldShardKey(file, attribute, field, sharded);
                    continue;
                }
                if (!FieldAttributes.Contains(attribute.Name))
                {
                    UnknownFieldAttribute(file, attribute);
                    continue;
                }
                if (seen.IsRepeat(attribute, a => _context.Error(DiagnosticCodes.DuplicateAttribute, file.GetLocation(a.NameSpan),
                        $"`{a.DisplayName}` is given twice on `{field.Name}`. Keep one."))) continue;
                if (container is CompositeTypeDefinition && attribute.Name != "map" && attribute.Name != "default")
                {
                    CompositeOnly(file, attribute, field);
                    continue;
                }
                if (field.Kind == FieldKind.Relation && attribute.Name != "relation" && attribute.Name != "ignore")
                {
                    NotOnRelation(location, attribute);
                    continue;
                }
                BindFieldAttribute(file, field, attribute, location);
            }
        }

        private void BindFieldAttribute(SourceFile file, FieldDefinition field, AttributeSyntax attribute, SourceLocation location)
        {
            var model = field.Container as ModelDefinition;
            switch (attribute.Name)
            {
                case "id":
                {
                    var args = AttributeArguments.Match(_context, file, attribute, null, "map", "length", "sort", "clustered");
                    if (!CheckKeyField(field, location, "@id")) return;
                    // On a view the key is an error, but still the key that relations name (as in Prisma).
                    if (model!.IsView) NotOnView(location, "@id");
                    field.IsId = true;
                    var indexField = new IndexField(field);
                    ApplyFieldOptions(file, args, indexField, attribute);
                    NoSortInPrimaryKey(indexField.Sort != null, location);
                    if (model.PrimaryKey != null)
                    {
                        MultiplePrimaryKeys(location, model);
                        return;
                    }
                    model.PrimaryKey = new PrimaryKeyDefinition(model, new[] { indexField }, location) { IsFieldLevel = true, MappedName = args.GetString("map") };
                    return;
                }
                case "unique":
                {
                    var args = AttributeArguments.Match(_context, file, attribute, null, "map", "length", "sort", "clustered");
                    if (!CheckKeyField(field, location, "@unique")) return;
                    field.IsUnique = true;
                    var indexField = new IndexField(field);
                    ApplyFieldOptions(file, args, indexField, attribute);
                    model!.UniqueList.Add(new UniqueDefinition(model, new[] { indexField }, location) { IsFieldLevel = true, MappedName = args.GetString("map") });
                    if (model.IsView && args.GetString("map") != null) NoMapOnView(location);
                    return;
                }
                case "default":
                    field.Default = new DefaultBinder(_context, file, field).Bind(attribute);
                    return;
                case "updatedAt":
                    AttributeArguments.Match(_context, file, attribute, null);
                    if (field.ScalarType != ScalarType.DateTime || field.IsList || field.Kind != FieldKind.Scalar)
                    {
                        _context.Error(DiagnosticCodes.UpdatedAtNotDateTime, location,
                            $"`@updatedAt` stores the time of the last update, so it needs a DateTime field; `{field.Name}` is {(field.IsList ? "a list of " : string.Empty)}{field.TypeName}.");
                        return;
                    }
                    field.IsUpdatedAt = true;
                    return;
                case "map":
                {
                    var args = AttributeArguments.Match(_context, file, attribute, "name");
                    args.Require("name", "@map(\"column_name\")");
                    var name = args.GetString("name");
                    if (name != null && name.Length == 0)
                        _context.Error(DiagnosticCodes.InvalidArgument, location, "`@map` needs a non-empty name.");
                    else field.MappedName = name;
                    return;
                }
                case "ignore":
                    AttributeArguments.Match(_context, file, attribute, null);
                    field.IsIgnored = true;
                    return;
                case "relation":
                    if (field.Kind != FieldKind.Relation)
                    {
                        _context.Error(DiagnosticCodes.AttributeNotAllowed, location,
                            $"`@relation` belongs on a relation field (one whose type is a model); `{field.Name}` is {field.TypeName}.");
                        return;
                    }
                    field.RelationAttribute = BindRelationAttribute(file, attribute, location);
                    return;
            }
        }

        private bool CheckKeyField(FieldDefinition field, SourceLocation location, string attribute)
        {
            if (field.Kind == FieldKind.Composite)
            {
                _context.Error(DiagnosticCodes.AttributeNotAllowed, location,
                    $"`{attribute}` cannot be used on `{field.Name}`: composite fields are stored as JSON documents.");
                return false;
            }
            if (field.IsList)
            {
                _context.Error(attribute == "@id" ? DiagnosticCodes.OptionalId : DiagnosticCodes.AttributeNotAllowed, location,
                    $"`{attribute}` cannot be used on the list field `{field.Name}`.");
                return false;
            }
            if (attribute == "@id" && field.IsOptional)
            {
                _context.Error(DiagnosticCodes.OptionalId, location,
                    $"A primary key cannot be null, so the `@id` field `{field.Name}` must be required: remove the `?`.");
                return false;
            }
            return true;
        }

        private void ApplyFieldOptions(SourceFile file, AttributeArguments args, IndexField indexField, AttributeSyntax attribute)
        {
            var sort = args.GetConstant("sort", "Asc", "Desc");
            if (sort != null) indexField.Sort = sort == "Desc" ? SortOrder.Desc : SortOrder.Asc;
            var length = args.Get("length");
            if (length != null)
            {
                ProviderOption(file, length.Span, $"`length:` in `{attribute.DisplayName}`", "MySQL");
                SetLength(file, length, indexField, file.GetLocation(attribute.Span));
            }
            var clustered = args.Get("clustered");
            if (clustered != null) ProviderOption(file, clustered.Span, $"`clustered:` in `{attribute.DisplayName}`", "SQL Server");
        }

        /// <summary>
        /// Only SQL Server lets a primary key's columns be sorted; Prisma refuses `sort:` in a
        /// primary key on every other provider.
        /// </summary>
        private void NoSortInPrimaryKey(bool sorted, SourceLocation location)
        {
            if (!sorted || _context.Provider == ProviderKind.Unsupported) return;
            _context.Error(DiagnosticCodes.InvalidArgument, location,
                $"{BindContext.ProviderName(_context.Provider)} keeps a primary key in one order, so `sort:` cannot be used in it. Remove it (an `@@index` may be sorted).");
        }

        /// <summary>
        /// Keeps a MySQL prefix length (<c>length: n</c>). As in Prisma, only String and Bytes
        /// columns have prefixes; the error is on the attribute that lists the field.
        /// </summary>
        private void SetLength(SourceFile file, Expression value, IndexField indexField, SourceLocation attributeLocation)
        {
            if (_context.Provider != ProviderKind.MySql) return;
            if (!(value is NumberLiteral n) || !n.IsInteger || !n.TryGetInt64(out long v) || v < 0 || v > int.MaxValue)
            {
                _context.Error(DiagnosticCodes.InvalidArgument, file, value.Span, "`length:` is a whole number of characters (or bytes), as in `length: 10`.");
                return;
            }
            var field = indexField.Field;
            if (field.Kind != FieldKind.Scalar || (field.ScalarType != ScalarType.String && field.ScalarType != ScalarType.Bytes))
            {
                _context.Error(DiagnosticCodes.InvalidArgument, attributeLocation,
                    $"`length:` indexes a prefix of a String or Bytes column; `{field.Name}` is {field.TypeName}. Remove it.");
                return;
            }
            indexField.Length = (int)v;
        }

        /// <summary>Reports an option that exists only on providers Strata does not support.</summary>
        private void ProviderOption(SourceFile file, TextSpan span, string what, string provider)
        {
            if (_context.Provider == ProviderKind.Unsupported || (_context.Provider == ProviderKind.MySql && provider == "MySQL")) return;
            _context.Error(DiagnosticCodes.ProviderOptionNotSupported, file, span,
                $"{what} exists only on {provider}; {BindContext.ProviderName(_context.Provider)} has no such option. Remove it.");
        }

        private RelationAttribute BindRelationAttribute(SourceFile file, AttributeSyntax attribute, SourceLocation location)
        {
            var args = AttributeArguments.Match(_context, file, attribute, "name", "fields", "references", "onDelete", "onUpdate", "map");
            var relation = new RelationAttribute(location) { Name = args.GetString("name"), MappedName = args.GetString("map") };
            var fields = args.Get("fields");
            if (fields != null)
            {
                relation.Fields = NameList(file, fields, "fields");
                relation.FieldsLocation = file.GetLocation(fields.Span);
            }
            var references = args.Get("references");
            if (references != null)
            {
                relation.References = NameList(file, references, "references");
                relation.ReferencesLocation = file.GetLocation(references.Span);
            }
            string[] actions = { "Cascade", "Restrict", "NoAction", "SetNull", "SetDefault" };
            var onDelete = args.GetConstant("onDelete", actions);
            if (onDelete != null)
            {
                relation.OnDelete = (ReferentialAction)System.Array.IndexOf(actions, onDelete);
                relation.OnDeleteLocation = file.GetLocation(args.Get("onDelete")!.Span);
            }
            var onUpdate = args.GetConstant("onUpdate", actions);
            if (onUpdate != null)
            {
                relation.OnUpdate = (ReferentialAction)System.Array.IndexOf(actions, onUpdate);
                relation.OnUpdateLocation = file.GetLocation(args.Get("onUpdate")!.Span);
            }
            return relation;
        }

        /// <summary>A list of plain field names, such as <c>[authorId]</c>; a single name is accepted as a list of one.</summary>
        private IReadOnlyList<string> NameList(SourceFile file, Expression value, string argument)
        {
            var items = value is ArrayExpression array ? array.Items : new[] { value };
            var names = new List<string>();
            foreach (var item in items)
            {
                if (item is ConstantExpression c && !c.IsBoolean && c.Name.IndexOf('.') < 0) names.Add(c.Name);
                else _context.Error(DiagnosticCodes.InvalidArgument, file, item.Span,
                    $"`{argument}` lists field names, as in `{argument}: [authorId]`; found {item.Describe()}.");
            }
            return names;
        }

        private string? NativeTypeName(AttributeSyntax attribute)
        {
            int dot = attribute.Name.IndexOf('.');
            if (dot < 0) return null;
            string prefix = attribute.Name.Substring(0, dot);
            return prefix == _context.NativePrefix ? attribute.Name.Substring(dot + 1) : null;
        }

        private void UnknownFieldAttribute(SourceFile file, AttributeSyntax attribute)
        {
            int dot = attribute.Name.IndexOf('.');
            string message;
            if (dot >= 0)
            {
                message = _context.NativePrefix == null
                    ? $"`{attribute.DisplayName}` looks like a native type attribute, but the schema has no datasource to name it."
                    : $"Native type attributes start with the datasource's name: write `@{_context.NativePrefix}.{attribute.Name.Substring(dot + 1)}` instead of `{attribute.DisplayName}`.";
            }
            else
            {
                var near = FieldAttributes.FirstOrDefault(a => EditDistance.Within(a.ToLowerInvariant(), attribute.Name.ToLowerInvariant(), 2));
                message = $"Unknown attribute `{attribute.DisplayName}`{(near != null ? $"; did you mean `@{near}`?" : ".")} Field attributes are {string.Join(", ", FieldAttributes.Select(a => "@" + a))} and native types such as `@db.VarChar(255)`.";
                if (near == null && (attribute.Name == "index" || attribute.Name == "schema")) message += $" `@@{attribute.Name}` goes on its own line in the block.";
            }
            _context.Error(DiagnosticCodes.UnknownAttribute, file, attribute.NameSpan, message);
        }

        private void CompositeOnly(SourceFile file, AttributeSyntax attribute, FieldDefinition field) =>
            _context.Error(DiagnosticCodes.InvalidCompositeField, file, attribute.NameSpan,
                $"`{attribute.DisplayName}` cannot be used in the composite type `{field.Container.Name}`; its fields take only `@map` and `@default`.");

        private void NotOnRelation(SourceLocation location, AttributeSyntax attribute) =>
            _context.Error(DiagnosticCodes.AttributeNotAllowed, location,
                $"`{attribute.DisplayName}` cannot be used on a relation field, which has no column. Put it on the foreign key field (the one named in `fields:`).");

        /// <summary>Views are stored queries: the database keeps no key or index for them (Prisma allows only @unique there).</summary>
        private void NotOnView(SourceLocation location, string attribute) =>
            _context.Error(DiagnosticCodes.AttributeNotAllowed, location,
                $"Views have no {(attribute.Contains("index") ? "indexes" : "primary keys")} in the database, so `{attribute}` cannot be used in a view. Mark a field `@unique` (or use `@@unique`) to identify rows.");

        /// <summary>A view's unique fields are a promise about its rows, not an index in the database, so they have no database name.</summary>
        internal void NoMapOnView(SourceLocation location) =>
            _context.Error(DiagnosticCodes.AttributeNotAllowed, location,
                "A view's `@unique`/`@@unique` is not an index in the database, so it has no database name: remove `map:`.");

        // Reported on the model, as Prisma reports it: the model, not one of its keys, is what is wrong.
        private void MultiplePrimaryKeys(SourceLocation location, ModelDefinition model) =>
            _context.Error(DiagnosticCodes.MultiplePrimaryKeys, model.Location,
                $"`{model.Name}` has a primary key ({string.Join(", ", model.PrimaryKey!.FieldNames)}) at {model.PrimaryKey.Location} and another at {location}. A model has one primary key; for several fields use `@@id([a, b])`, and mark other unique fields `@unique`.");
    }
}
