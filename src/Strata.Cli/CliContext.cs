namespace Strata.Cli;

/// <summary>
/// What a command needs from the outside world. Tests pass their own, so that commands run in
/// process against a temporary folder with captured output.
/// </summary>
/// <param name="WorkingDirectory">The folder relative paths start from.</param>
/// <param name="Out">Normal output.</param>
/// <param name="Error">Diagnostics and errors.</param>
/// <param name="UseColor">True when writing to a terminal that wants colours.</param>
/// <param name="Environment">Looks up environment variables.</param>
public sealed record CliContext(string WorkingDirectory, TextWriter Out, TextWriter Error, bool UseColor, Func<string, string?> Environment)
{
    /// <summary>Asks a yes/no question on a terminal; null when there is no one to ask (input redirected, CI).</summary>
    public Func<string, bool>? Confirm { get; init; }

    /// <summary>Where temporary files go (SQLite shadow databases); the system's temporary folder unless set.</summary>
    public string TempDirectory { get; init; } = Path.GetTempPath();

    /// <summary>The context of the running process: its folder, console and environment.</summary>
    public static CliContext FromProcess()
    {
        // Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org).
        bool color = !Console.IsErrorRedirected && System.Environment.GetEnvironmentVariable("NO_COLOR") == null;
        return new CliContext(Directory.GetCurrentDirectory(), Console.Out, Console.Error, color, System.Environment.GetEnvironmentVariable)
        {
            Confirm = Console.IsInputRedirected ? null : question =>
            {
                Console.Error.Write(question + " [y/N] ");
                return Console.ReadLine()?.Trim().ToLowerInvariant() is "y" or "yes";
            },
        };
    }
}
