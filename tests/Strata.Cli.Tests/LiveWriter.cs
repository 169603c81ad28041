using System.Text;

namespace Strata.Cli.Tests;

/// <summary>A text writer that another thread may read while a command is still writing to it.</summary>
public sealed class LiveWriter : TextWriter
{
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    /// <summary>What has been written so far.</summary>
    public string Text
    {
        get { lock (_text) return _text.ToString(); }
    }

    public override void Write(char value)
    {
        lock (_text) _text.Append(value);
    }

    public override void Write(string? value)
    {
        lock (_text) _text.Append(value);
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_text) _text.Append(buffer, index, count);
    }
}
