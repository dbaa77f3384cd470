using System;

namespace Typed.S3.Codecs;

/// <summary>
/// Parquet.Net's <c>DataField</c> builds <c>Nullable&lt;T&gt;</c> of each field's CLR type with
/// <c>MakeGenericType</c>, which NativeAOT can only do for types compiled into the app. The fields the codecs
/// create for writing map to these types: naming them here compiles them in. (Reading does not use Parquet.Net.)
/// </summary>
internal static class ParquetAotRoots
{
    private static readonly Type[] s_nullableTypes =
    {
        typeof(ReadOnlyMemory<char>?),
        typeof(ReadOnlyMemory<byte>?),
        typeof(bool?),
        typeof(sbyte?),
        typeof(short?),
        typeof(int?),
        typeof(long?),
        typeof(byte?),
        typeof(ushort?),
        typeof(uint?),
        typeof(ulong?),
        typeof(float?),
        typeof(double?),
        typeof(decimal?),
        typeof(DateTime?),
        typeof(DateOnly?),
        typeof(TimeOnly?),
        typeof(TimeSpan?),
        typeof(Guid?),
        typeof(Parquet.File.Values.Primitives.Interval?),
    };

    /// <summary>How many types are rooted; reading it keeps the list (and so the types) in a trimmed app.</summary>
    public static int Count => s_nullableTypes.Length;
}
