namespace Typed.S3.Schema.Layout;

/// <summary>One piece of a layout template: literal text, or a placeholder such as <c>{table_name}</c>.</summary>
/// <param name="Text">The literal text, or the placeholder's name without braces.</param>
/// <param name="IsPlaceholder">Whether this is a placeholder.</param>
/// <param name="Offset">Where the piece starts in the template (the <c>{</c> of a placeholder).</param>
internal readonly record struct LayoutSegment(string Text, bool IsPlaceholder, int Offset);
