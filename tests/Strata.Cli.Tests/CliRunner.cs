namespace Strata.Cli.Tests;

/// <summary>Runs `strata` in process, in a temporary folder of its own, with captured output.</summary>
public sealed class CliRunner : IDisposable
{
    public CliRunner()
    {
        Directory = Path.Combine(Path.GetTempPath(), "strata-cli-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    /// <summary>This runner's own temporary folder, so tests running in parallel do not see each other's files.</summary>
    public string TempDirectory => System.IO.Directory.CreateDirectory(Path.Combine(Directory, ".tmp")).FullName;

    public (int Code, string Out, string Error) Run(params string[] args) => Run(false, args);

    public (int Code, string Out, string Error) Run(bool color, params string[] args) => RunWith(color, null, "", args);

    /// <summary>Runs with a terminal that answers <paramref name="answer"/> to questions (null: no terminal) and the given standard input.</summary>
    public (int Code, string Out, string Error) RunWith(bool color, bool? answer, string input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(Directory, output, error, color, _ => null)
        {
            Confirm = answer == null ? null : _ => answer.Value,
            TempDirectory = TempDirectory,
        };
        int code = StrataCommand.Run(args, context, new StringReader(input));
        return (code, output.ToString(), error.ToString());
    }

    public string PathOf(string relative) => Path.Combine(Directory, relative);

    public void Write(string relative, string text)
    {
        var path = PathOf(relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, true); } catch (IOException) { }
    }
}
