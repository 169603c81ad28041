using System.CommandLine;
using Strata.Cli.Output;

namespace Strata.Cli.Commands;

/// <summary>`strata init`: creates prisma/schema.prisma and a .env with a working default.</summary>
internal static class InitCommand
{
    private const string SqliteUrl = "file:./dev.db";
    private const string PostgresUrl = "postgresql://postgres:postgres@localhost:5432/app?schema=public";
    private const string MySqlUrl = "mysql://root:password@localhost:3306/app";

    public static Command Create(CliContext context)
    {
        var provider = new Option<string>("--datasource-provider")
        {
            Description = "The database: sqlite (default, no server needed), postgresql or mysql (MySQL and MariaDB).",
            DefaultValueFactory = _ => "sqlite",
            HelpName = "sqlite|postgresql|mysql",
        };
        provider.AcceptOnlyFromAmong("sqlite", "postgresql", "postgres", "mysql");
        var url = new Option<string?>("--url") { Description = "The connection URL to write to .env as DATABASE_URL.", HelpName = "URL" };
        var command = new Command("init", "Create prisma/schema.prisma and a .env file to start a project.");
        command.Options.Add(provider);
        command.Options.Add(url);
        command.SetAction(parse =>
        {
            var given = parse.GetValue(url);
            if (given != null && given.Trim().Length == 0)
            {
                DiagnosticPrinter.PrintError(context, "--url was given an empty value; give the URL for DATABASE_URL, or leave --url out for the default.");
                return 1;
            }
            try
            {
                return Run(context, parse.GetValue(provider)!, given);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                DiagnosticPrinter.PrintError(context, $"Cannot create the project's files: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static int Run(CliContext context, string provider, string? url)
    {
        if (provider == "postgres") provider = "postgresql";
        var prismaDir = Path.Combine(context.WorkingDirectory, "prisma");
        var schemaPath = Path.Combine(prismaDir, "schema.prisma");
        foreach (var existing in new[] { schemaPath, Path.Combine(context.WorkingDirectory, "schema.prisma") })
        {
            if (File.Exists(existing))
            {
                DiagnosticPrinter.PrintError(context,
                    $"A schema already exists at {Strata.Schema.Loading.SchemaLocator.DisplayPath(existing, context.WorkingDirectory)}; init changes nothing. Edit that schema, or remove it to start over.");
                return 1;
            }
        }
        Directory.CreateDirectory(prismaDir);
        File.WriteAllText(schemaPath, SchemaTemplate(provider));
        context.Out.WriteLine("Created prisma/schema.prisma.");

        var envPath = Path.Combine(context.WorkingDirectory, ".env");
        var value = url ?? provider switch { "sqlite" => SqliteUrl, "mysql" => MySqlUrl, _ => PostgresUrl };
        var line = $"DATABASE_URL=\"{value}\"";
        if (!File.Exists(envPath))
        {
            File.WriteAllText(envPath, $"# Environment variables for Strata; keep secrets out of version control.\n{line}\n");
            context.Out.WriteLine("Created .env with DATABASE_URL.");
        }
        else if (Strata.Schema.Loading.EnvFile.Parse(File.ReadAllText(envPath)).ContainsKey("DATABASE_URL"))
        {
            context.Out.WriteLine(".env already sets DATABASE_URL; left as it is.");
        }
        else
        {
            var text = File.ReadAllText(envPath);
            File.AppendAllText(envPath, (text.Length > 0 && !text.EndsWith('\n') ? "\n" : "") + line + "\n");
            context.Out.WriteLine("Added DATABASE_URL to .env.");
        }
        context.Out.WriteLine();
        context.Out.WriteLine("Next: add your models to prisma/schema.prisma, then run `strata validate`.");
        return 0;
    }

    private static string SchemaTemplate(string provider) => $$"""
        // This is your Strata schema, written in the Prisma Schema Language.
        // Describe your data as models below; `strata validate` checks the file.

        generator client {
          provider = "strata"
        }

        datasource db {
          provider = "{{provider}}"
          url      = env("DATABASE_URL")
        }

        // An example model; remove the comment signs to use it.
        // model User {
        //   id    Int     @id @default(autoincrement())
        //   email String  @unique
        //   name  String?
        // }

        """;
}
