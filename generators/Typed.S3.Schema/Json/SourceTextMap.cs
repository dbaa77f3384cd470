using System.Collections.Generic;
using Typed.S3.Schema.Model;

namespace Typed.S3.Schema.Json;

/// <summary>
/// Turns character offsets of a text into 0-based lines and columns. A line ends at <c>\n</c>,
/// <c>\r\n</c> or a lone <c>\r</c>; columns count UTF-16 code units, as Roslyn does.
/// </summary>
internal sealed class SourceTextMap
{
    private readonly int[] _lineStarts;

    /// <summary>Indexes the line starts of <paramref name="text"/>.</summary>
    public SourceTextMap(string text)
    {
        Text = text;
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = starts.ToArray();
    }

    public string Text { get; }

    /// <summary>How many lines the text has (an empty text has one).</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>The 0-based line and column of an offset (clamped to the text).</summary>
    /// <param name="offset">A character offset.</param>
    /// <param name="line">The 0-based line.</param>
    /// <param name="column">The 0-based column.</param>
    public void GetLineColumn(int offset, out int line, out int column)
    {
        if (offset < 0)
        {
            offset = 0;
        }
        else if (offset > Text.Length)
        {
            offset = Text.Length;
        }

        int low = 0;
        int high = _lineStarts.Length - 1;
        while (low < high)
        {
            int mid = (low + high + 1) / 2;
            if (_lineStarts[mid] <= offset)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        line = low;
        column = offset - _lineStarts[low];
    }

    /// <summary>The span of <paramref name="length"/> characters from <paramref name="start"/>.</summary>
    /// <param name="start">The first character's offset.</param>
    /// <param name="length">The number of characters.</param>
    /// <returns>The span with its lines and columns.</returns>
    public SourceSpan GetSpan(int start, int length)
    {
        if (start < 0)
        {
            start = 0;
        }

        if (start > Text.Length)
        {
            start = Text.Length;
        }

        if (length < 0 || start + length > Text.Length)
        {
            length = Text.Length - start;
        }

        GetLineColumn(start, out int startLine, out int startColumn);
        GetLineColumn(start + length, out int endLine, out int endColumn);
        return new SourceSpan(start, length, startLine, startColumn, endLine, endColumn);
    }
}
