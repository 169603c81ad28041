using Strata.Schema.Diagnostics;
using Strata.Schema.Semantics;
using Strata.Schema.Syntax;
using Strata.Schema.Text;

namespace Strata.Schema.Binding
{
    /// <summary>What every binding step shares: the schema being built, the diagnostics, and the provider.</summary>
    internal sealed class BindContext
    {
        public BindContext(SchemaDefinition schema, DiagnosticBag diagnostics)
        {
            Schema = schema;
            Diagnostics = diagnostics;
        }

        public SchemaDefinition Schema { get; }

        public DiagnosticBag Diagnostics { get; }

        /// <summary>"Did you mean" hints, with the budget the whole compilation shares.</summary>
        public NameHints Hints { get; } = new NameHints();

        public ProviderKind Provider => Schema.Provider;

        /// <summary>True with <c>relationMode = "prisma"</c>: no foreign keys, the client carries out the referential actions.</summary>
        public bool EmulatesRelations => Schema.Datasource?.RelationMode == "prisma";

        /// <summary>The prefix of native type attributes: the datasource's name (<c>db</c> in <c>@db.VarChar</c>).</summary>
        public string? NativePrefix => Schema.Datasource?.Name;

        public void Error(string code, SourceFile file, TextSpan span, string message) => Diagnostics.Error(code, file, span, message);

        public void Error(string code, SourceLocation location, string message) => Diagnostics.Error(code, location, message);

        public void Warning(string code, SourceLocation location, string message) => Diagnostics.Warning(code, location, message);

        /// <summary>
        /// The lexer lets `-` into names and a digit start them (Prisma's grammar does too), but no
        /// model, enum, value or field may keep either: it could not be a client member.
        /// </summary>
        public void CheckNoDash(string what, string name, SourceLocation location)
        {
            if (name.Length > 0 && name[0] >= '0' && name[0] <= '9')
            {
                Error(DiagnosticCodes.InvalidName, location, $"`{name}` is not a valid name for a{(what[0] == 'e' ? "n" : string.Empty)} {what}: a name must not start with a digit.");
                return;
            }
            if (name.IndexOf('-') < 0) return;
            Error(DiagnosticCodes.InvalidName, location,
                $"`{name}` is not a valid name for a{(what[0] == 'e' ? "n" : string.Empty)} {what}: names use letters, digits and `_`, never `-`. Write it as `{name.Replace('-', '_')}`, and keep the database name with `@map`/`@@map` if needed.");
        }

        public static string ProviderName(ProviderKind provider) =>
            provider == ProviderKind.Sqlite ? "SQLite" : provider == ProviderKind.MySql ? "MySQL" : "PostgreSQL";
    }

    /// <summary>A block together with the file it was written in, so that spans can be located.</summary>
    internal readonly struct BlockRef
    {
        public BlockRef(SourceFile file, BlockDeclaration block)
        {
            File = file;
            Block = block;
        }

        public SourceFile File { get; }

        public BlockDeclaration Block { get; }

        public SourceLocation Locate(TextSpan span) => File.GetLocation(span);
    }
}
