using System.Text;

namespace Strata.Cli.Output;

/// <summary>
/// Standard error as the commands see it: every line goes through <see cref="ConnectionSecrets.Redact"/>
/// before it is written, so no message (Strata's own, a driver's, or the command-line parser's
/// quoting an argument) can show a password. A line is held until its end, so that a secret is
/// never split between two writes; <see cref="Flush"/> writes what is left.
/// </summary>
internal sealed class RedactingWriter(TextWriter inner) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (value == '\n') EmitLine(untilNewline: true);
        else _line.Append(value);
    }

    public override void Write(string? value)
    {
        if (value == null) return;
        int start = 0;
        for (int newline = value.IndexOf('\n'); newline >= 0; newline = value.IndexOf('\n', start))
        {
            _line.Append(value, start, newline - start);
            EmitLine(untilNewline: true);
            start = newline + 1;
        }
        _line.Append(value, start, value.Length - start);
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Flush()
    {
        if (_line.Length > 0) EmitLine(untilNewline: false);
        inner.Flush();
    }

    private void EmitLine(bool untilNewline)
    {
        // A "\r\n" line keeps its "\r" out of the redaction, where it would look like part of a value.
        int length = _line.Length > 0 && _line[^1] == '\r' ? _line.Length - 1 : _line.Length;
        inner.Write(ConnectionSecrets.Redact(_line.ToString(0, length)));
        inner.Write(_line.ToString(length, _line.Length - length));
        if (untilNewline) inner.Write('\n');
        _line.Clear();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) Flush();
        base.Dispose(disposing);
    }
}
