using Typed.S3.Layout;

namespace Typed.S3;

/// <summary>
/// An optional capability of an <see cref="IObjectStore"/>: a key layout that replaces the schema's
/// <c>write.layout</c> for every dataset written through the store (<c>WriteAsync</c> and sinks). The connection
/// strings' <c>layout=</c> parameter sets it on <see cref="S3ObjectStore"/> (<see cref="S3StoreOptions.Layout"/>) and on
/// <see cref="LocalFolderStore"/> (<c>file:///path?layout=…</c>); a store of your own may implement it too.
/// </summary>
/// <remarks>
/// The dataset writers read <see cref="WriteLayout"/> once, when a write or a sink starts, and render each object's
/// key from it below the write location, exactly as they would the schema's layout (no layout can write outside the
/// write location). <see langword="null"/> keeps the schema's layout. Create one with <see cref="KeyLayout.Parse"/>,
/// which refuses an unknown placeholder.
/// </remarks>
public interface IWriteLayoutOverride
{
    /// <summary>The layout to write with, or <see langword="null"/> to keep the schema's.</summary>
    KeyLayout? WriteLayout { get; }
}
