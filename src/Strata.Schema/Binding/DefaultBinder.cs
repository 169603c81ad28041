using System;
using System.Globalization;
using System.Linq;
using Strata.Schema.Diagnostics;
using Strata.Schema.Semantics;
using Strata.Schema.Syntax;
using Strata.Schema.Text;

namespace Strata.Schema.Binding
{
    /// <summary>Binds <c>@default(...)</c>: literals of the field's type, enum values, lists, and the default functions.</summary>
    internal sealed class DefaultBinder
    {
        private readonly BindContext _context;
        private readonly SourceFile _file;
        private readonly FieldDefinition _field;

        public DefaultBinder(BindContext context, SourceFile file, FieldDefinition field)
        {
            _context = context;
            _file = file;
            _field = field;
        }

        public DefaultValue? Bind(AttributeSyntax attribute)
        {
            var args = AttributeArguments.Match(_context, _file, attribute, "value", "map");
            var value = args.Require("value", "@default(0)");
            var mapped = args.GetString("map");
            if (value == null) return null;
            DefaultValue? result;
            if (_field.IsList)
            {
                if (value is ArrayExpression array) result = BindList(array);
                else
                {
                    Mismatch(value, $"a list such as `@default([])`, because `{_field.Name}` is a list");
                    return null;
                }
            }
            else result = BindSingle(value);
            if (result != null) result.MappedName = mapped;
            return result;
        }

        private DefaultValue? BindList(ArrayExpression array)
        {
            var list = new DefaultValue(DefaultKind.List, _file.GetLocation(array.Span));
            var items = new System.Collections.Generic.List<DefaultValue>();
            foreach (var item in array.Items)
            {
                if (item is FunctionCall call)
                {
                    _context.Error(DiagnosticCodes.DefaultFunctionNotAllowed, _file, call.Span,
                        $"Functions such as `{call.Name}()` cannot be items of a list default; use literal values.");
                    return null;
                }
                var bound = BindSingle(item);
                if (bound == null) return null;
                items.Add(bound);
            }
            list.Items = items;
            return list;
        }

        private DefaultValue? BindSingle(Expression value)
        {
            var location = _file.GetLocation(value.Span);
            if (value is FunctionCall call) return BindFunction(call, location);
            if (_field.Kind == FieldKind.Enum) return BindEnum(value, location);
            if (_field.Kind == FieldKind.Unsupported)
            {
                _context.Error(DiagnosticCodes.DefaultFunctionNotAllowed, location,
                    "An `Unsupported` field can only have `@default(dbgenerated(\"...\"))`, because Strata cannot write its values.");
                return null;
            }
            if (_field.Kind == FieldKind.Composite)
            {
                _context.Error(DiagnosticCodes.DefaultTypeMismatch, location,
                    $"Composite fields such as `{_field.Name}` cannot have a default; give defaults to the fields of `{_field.TypeName}` instead.");
                return null;
            }
            if (_field.ScalarType == null) return null;
            var scalar = _field.ScalarType.Value;
            var literal = new DefaultValue(DefaultKind.Literal, location);
            switch (scalar)
            {
                case ScalarType.String:
                    if (value is StringLiteral s) { literal.Value = s.Value; return literal; }
                    break;
                case ScalarType.Boolean:
                    if (value is ConstantExpression b && b.IsBoolean) { literal.Value = b.Name == "true"; return literal; }
                    break;
                case ScalarType.Int:
                case ScalarType.BigInt:
                    if (value is NumberLiteral n && n.IsInteger)
                    {
                        if (!n.TryGetInt64(out long l) || (scalar == ScalarType.Int && (l < int.MinValue || l > int.MaxValue)))
                        {
                            _context.Error(DiagnosticCodes.DefaultTypeMismatch, location,
                                $"The default {n.Text} does not fit in {scalar} ({(scalar == ScalarType.Int ? "32" : "64")}-bit). Use a smaller number or {(scalar == ScalarType.Int ? "BigInt" : "Decimal")}.");
                            return null;
                        }
                        literal.Value = l;
                        return literal;
                    }
                    break;
                case ScalarType.Float:
                    if (value is NumberLiteral f && double.TryParse(f.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
                    { literal.Value = d; return literal; }
                    break;
                case ScalarType.Decimal:
                    if (value is NumberLiteral dn && decimal.TryParse(dn.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal m))
                    { literal.Value = m; return literal; }
                    if (value is StringLiteral ds && decimal.TryParse(ds.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal ms))
                    { literal.Value = ms; return literal; }
                    break;
                case ScalarType.DateTime:
                    if (value is StringLiteral dt)
                    {
                        if (DateTimeOffset.TryParse(dt.Value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _) && dt.Value.Length >= 10 && dt.Value[4] == '-')
                        { literal.Value = dt.Value; return literal; }
                        _context.Error(DiagnosticCodes.DefaultTypeMismatch, location,
                            $"\"{dt.Value}\" is not an ISO 8601 date-time. Write it as \"2024-01-31T12:00:00Z\", or use `now()`.");
                        return null;
                    }
                    break;
                case ScalarType.Json:
                    if (value is StringLiteral js)
                    {
                        if (JsonText.IsValid(js.Value)) { literal.Value = js.Value; return literal; }
                        _context.Error(DiagnosticCodes.DefaultTypeMismatch, location,
                            $"The Json default is not valid JSON. Write a JSON document in a string, as in `@default(\"{{}}\")` or `@default(\"[]\")`.");
                        return null;
                    }
                    break;
                case ScalarType.Bytes:
                    if (value is StringLiteral bs)
                    {
                        if (IsBase64(bs.Value)) { literal.Value = bs.Value; return literal; }
                        _context.Error(DiagnosticCodes.DefaultTypeMismatch, location,
                            "A Bytes default is written in base64, as in `@default(\"AAEC\")`.");
                        return null;
                    }
                    break;
            }
            Mismatch(value, Example(scalar));
            return null;
        }

        private DefaultValue? BindEnum(Expression value, SourceLocation location)
        {
            var enumDef = _field.EnumType!;
            if (value is ConstantExpression c && !c.IsBoolean)
            {
                if (enumDef.FindValue(c.Name) == null)
                {
                    _context.Error(DiagnosticCodes.UnknownEnumDefault, location,
                        $"`{c.Name}` is not a value of enum `{enumDef.Name}`. Use one of: {string.Join(", ", enumDef.Values.Select(v => v.Name))}.");
                    return null;
                }
                return new DefaultValue(DefaultKind.EnumValue, location) { Value = c.Name };
            }
            var first = enumDef.Values.FirstOrDefault()?.Name ?? "VALUE";
            Mismatch(value, $"a value of enum `{enumDef.Name}` written without quotes, as in `@default({first})`");
            return null;
        }

        private DefaultValue? BindFunction(FunctionCall call, SourceLocation location)
        {
            var result = new DefaultValue(DefaultKind.Function, location) { FunctionName = call.Name };
            var args = call.Arguments.Items;
            var scalar = _field.Kind == FieldKind.Scalar ? _field.ScalarType : null;
            switch (call.Name)
            {
                case "autoincrement":
                    if (!NoArguments(call)) return null;
                    if (_field.IsList || (scalar != ScalarType.Int && scalar != ScalarType.BigInt)) return WrongType(call, "Int or BigInt");
                    return result;
                case "now":
                    if (!NoArguments(call)) return null;
                    if (_field.IsList || scalar != ScalarType.DateTime) return WrongType(call, "DateTime");
                    return result;
                case "uuid":
                case "cuid":
                case "nanoid":
                case "ulid":
                    if (_field.IsList || scalar != ScalarType.String) return WrongType(call, "String");
                    return BindIdArgument(call, result);
                case "dbgenerated":
                    if (args.Count > 1 || (args.Count == 1 && (args[0].Name != null || !(args[0].Value is StringLiteral))))
                    {
                        _context.Error(DiagnosticCodes.InvalidDefaultArgument, _file, call.Arguments.Span,
                            "`dbgenerated` takes one string: the SQL expression, as in `dbgenerated(\"gen_random_uuid()\")`.");
                        return null;
                    }
                    if (args.Count == 1)
                    {
                        var sql = ((StringLiteral)args[0].Value).Value;
                        if (sql.Trim().Length == 0)
                        {
                            _context.Error(DiagnosticCodes.InvalidDefaultArgument, _file, args[0].Span,
                                "The SQL expression of `dbgenerated` is empty. Write the expression, or use `dbgenerated()` with no argument.");
                            return null;
                        }
                        result.FunctionArguments = new object[] { sql };
                    }
                    return result;
                case "sequence":
                case "auto":
                    _context.Error(DiagnosticCodes.ProviderOptionNotSupported, location,
                        $"`{call.Name}()` exists only on {(call.Name == "auto" ? "MongoDB" : "CockroachDB")}. Use `autoincrement()` on SQLite and PostgreSQL.");
                    return null;
                default:
                    _context.Error(DiagnosticCodes.UnknownDefaultFunction, _file, call.NameSpan,
                        $"`{call.Name}()` is not a default function. Use one of: autoincrement(), now(), uuid(), cuid(), ulid(), nanoid(), dbgenerated().");
                    return null;
            }
        }

        private DefaultValue? BindIdArgument(FunctionCall call, DefaultValue result)
        {
            var args = call.Arguments.Items;
            if (args.Count == 0) return result;
            string name = call.Name;
            string allowed = name switch { "uuid" => "4 or 7", "cuid" => "1 or 2", "nanoid" => "a length from 2 to 255", _ => "nothing" };
            bool ok = args.Count == 1 && args[0].Name == null && args[0].Value is NumberLiteral n && n.IsInteger && n.TryGetInt64(out long v)
                && (name == "uuid" ? (v == 4 || v == 7) : name == "cuid" ? (v == 1 || v == 2) : name == "nanoid" && v >= 2 && v <= 255);
            if (!ok)
            {
                _context.Error(DiagnosticCodes.InvalidDefaultArgument, _file, call.Arguments.Span,
                    $"`{name}()` takes {allowed}{(name == "ulid" ? " as argument" : string.Empty)}: for example `{Sample(name)}`.");
                return null;
            }
            ((NumberLiteral)args[0].Value).TryGetInt64(out long version);
            result.FunctionArguments = new object[] { version };
            return result;
        }

        private static string Sample(string name) => name switch { "uuid" => "uuid(7)", "cuid" => "cuid(2)", "nanoid" => "nanoid(16)", _ => "ulid()" };

        private bool NoArguments(FunctionCall call)
        {
            if (call.Arguments.Items.Count == 0) return true;
            _context.Error(DiagnosticCodes.InvalidDefaultArgument, _file, call.Arguments.Span, $"`{call.Name}()` takes no arguments.");
            return false;
        }

        private DefaultValue? WrongType(FunctionCall call, string fits)
        {
            _context.Error(DiagnosticCodes.DefaultFunctionNotAllowed, _file, call.Span,
                $"`{call.Name}()` makes a {fits} value, but `{_field.Name}` is {Describe()}. {Hint(call.Name)}");
            return null;
        }

        private string Describe() => (_field.IsList ? "a list of " : string.Empty) + _field.TypeName;

        private string Hint(string function)
        {
            if (_field.ScalarType == ScalarType.String && !_field.IsList) return "For a String id use `uuid()`, `cuid()`, `ulid()` or `nanoid()`.";
            if ((_field.ScalarType == ScalarType.Int || _field.ScalarType == ScalarType.BigInt) && !_field.IsList) return "For an Int id use `autoincrement()`.";
            if (_field.ScalarType == ScalarType.DateTime) return "For a DateTime use `now()`.";
            return $"Change the field's type or remove `{function}()`.";
        }

        private void Mismatch(Expression value, string expected)
        {
            _context.Error(DiagnosticCodes.DefaultTypeMismatch, _file, value.Span,
                $"The default of `{_field.Name}` ({Describe()}) must be {expected}, not {value.Describe()}.");
        }

        private static string Example(ScalarType scalar) => scalar switch
        {
            ScalarType.String => "a string, as in `@default(\"\")`",
            ScalarType.Boolean => "`true` or `false`",
            ScalarType.Int => "a whole number, as in `@default(0)`",
            ScalarType.BigInt => "a whole number, as in `@default(0)`",
            ScalarType.Float => "a number, as in `@default(1.5)`",
            ScalarType.Decimal => "a number, as in `@default(9.99)`",
            ScalarType.DateTime => "`now()` or an ISO 8601 string",
            ScalarType.Json => "a JSON document in a string, as in `@default(\"{}\")`",
            _ => "a base64 string",
        };

        private static bool IsBase64(string text)
        {
            if (text.Length % 4 != 0) return false;
            try
            {
                Convert.FromBase64String(text);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }
    }
}
