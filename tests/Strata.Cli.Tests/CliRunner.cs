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
        int code = Invoke(output, error, color, answer, input, args);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>Starts a command on another thread (no terminal, no input); its output can be read while it runs.</summary>
    public (Task<int> Exit, LiveWriter Out, LiveWriter Error) Start(params string[] args)
    {
        var output = new LiveWriter();
        var error = new LiveWriter();
        return (Task.Run(() => Invoke(output, error, false, null, "", args)), output, error);
    }

    private int Invoke(TextWriter output, TextWriter error, bool color, bool? answer, string input, string[] args)
    {
        var context = new CliContext(Directory, output, error, color, _ => null)
        {
            Confirm = answer == null ? null : _ => answer.Value,
            TempDirectory = TempDirectory,
        };
        return StrataCommand.Run(args, context, new StringReader(input));
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
