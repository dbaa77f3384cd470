using Typed.S3.Layout;

namespace Typed.S3;

/// <summary>
/// Implemented by stores whose connection string gave a <c>layout=</c>: that layout replaces the schema's
/// <c>write.layout</c> for writes through the store.
/// </summary>
internal interface IWriteLayoutOverride
{
    /// <summary>The layout to write with, or <see langword="null"/> to keep the schema's.</summary>
    KeyLayout? WriteLayout { get; }
}
