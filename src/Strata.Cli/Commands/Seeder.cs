using System.Diagnostics;
using System.Text.Json;
using Strata.Cli.Database;
using Strata.Cli.Output;
using Strata.Schema.Semantics;

namespace Strata.Cli.Commands;

/// <summary>
/// Runs the project's seed command (<c>"seed"</c> in <c>strata.config.json</c> of the working folder,
/// as Prisma's config names it), through the shell, with the database URL in its environment.
/// </summary>
internal static class Seeder
{
    public const string ConfigFile = "strata.config.json";

    /// <summary>The seed command; null when the project configures none. Throws <see cref="FormatException"/> for a config that is not JSON with a string "seed".</summary>
    public static string? Command(CliContext context)
    {
        var path = Path.Combine(context.WorkingDirectory, ConfigFile);
        if (!File.Exists(path)) return null;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("seed", out var seed)) return null;
            return seed.ValueKind == JsonValueKind.String && seed.GetString() is { Length: > 0 } text
                ? text
                : throw new FormatException($"{ConfigFile}: \"seed\" must be the command to run, as a string (\"dotnet run --project prisma/Seed\").");
        }
        catch (JsonException e)
        {
            throw new FormatException($"{ConfigFile} is not valid JSON: {e.Message}");
        }
    }

    /// <summary>
    /// Runs <paramref name="command"/> with <paramref name="arguments"/> after it, the target's URL in the
    /// schema's url variable (or <c>DATABASE_URL</c>); its output is the command's own. Returns its exit code.
    /// </summary>
    public static async Task<int> RunAsync(CliContext context, string command, DatabaseTarget target, SchemaDefinition schema, IReadOnlyList<string> arguments, CancellationToken token)
    {
        var start = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/d", "/c", command + string.Concat(arguments.Select(a => " " + a)) } }
            // "$@" passes every argument as it is, with no quoting to get wrong.
            : new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", command + " \"$@\"", "strata-seed" } };
        if (!OperatingSystem.IsWindows()) foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.WorkingDirectory = context.WorkingDirectory;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var variable = schema.Datasource?.Url is { Kind: ConfigValueKind.Env } env ? env.Text : "DATABASE_URL";
        start.Environment[variable] = target.Url;
        context.Out.WriteLine($"Running the seed command: {command}");
        using var process = Process.Start(start)!;
        var output = Pump(process.StandardOutput, context.Out);
        var error = Pump(process.StandardError, context.Error);
        await process.WaitForExitAsync(token);
        await Task.WhenAll(output, error);
        if (process.ExitCode != 0) DiagnosticPrinter.PrintError(context, $"The seed command failed with exit code {process.ExitCode}.");
        else context.Out.WriteLine("The seed command finished.");
        return process.ExitCode;
    }

    private static async Task Pump(StreamReader from, TextWriter to)
    {
        while (await from.ReadLineAsync() is { } line) to.WriteLine(line);
    }
}
