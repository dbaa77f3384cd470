using System.Text;

namespace Typed.S3.Generators.Emitters;

/// <summary>
/// Writes templates of generated C# at the current indentation, with Unix line endings whatever the OS. A template
/// is a raw string written at column zero; the writer indents each of its lines, so a template reads as the code it
/// emits. Nothing else: the writer never edits text it was given.
/// </summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();

    /// <summary>The indentation of what is written next, in levels of four spaces.</summary>
    public int Indentation { get; set; }

    /// <summary>Writes <paramref name="text"/> (one or more lines) at the current indentation, then a line break.</summary>
    /// <param name="text">The text; empty lines stay empty.</param>
    public void WriteLine(string text)
    {
        int start = 0;
        while (true)
        {
            int end = text.IndexOf('\n', start);
            int length = (end < 0 ? text.Length : end) - start;
            if (length > 0 && text[start + length - 1] == '\r')
            {
                length--;
            }

            if (length > 0)
            {
                _text.Append(' ', Indentation * 4);
                _text.Append(text, start, length);
            }

            _text.Append('\n');
            if (end < 0)
            {
                return;
            }

            start = end + 1;
        }
    }

    /// <summary>Writes an empty line.</summary>
    public void WriteLine() => _text.Append('\n');

    /// <inheritdoc />
    public override string ToString() => _text.ToString();
}
