using System.ComponentModel;

namespace Typed.S3.Codecs;

/// <summary>
/// Why a nested value (a record, a map, a list of lists) could not be read: the path to the bad value inside the
/// column (<c>[3].price</c>, <c>.address.zip</c>, <c>["eu"]</c>), that value's type, the problem and the value's text.
/// The reader of the column turns it into a <see cref="DatasetFormatException"/> naming the column with the path.
/// </summary>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonFault
{
    internal JsonFault(string typeName, string problem, string? value)
    {
        TypeName = typeName;
        Problem = problem;
        Value = value;
    }

    /// <summary>Where the bad value is inside the column: empty for the column's own value.</summary>
    internal string Path { get; private set; } = string.Empty;

    internal string TypeName { get; }

    internal string Problem { get; }

    internal string? Value { get; }

    /// <summary>The fault as one line: the path, then the problem.</summary>
    internal string Describe() => Path.Length == 0 ? Problem : "at " + Path + ": " + Problem;

    /// <summary>Puts the step from an enclosing value in front of the path, as the fault goes up to the column.</summary>
    internal JsonFault Within(string step)
    {
        Path = step + Path;
        return this;
    }
}
