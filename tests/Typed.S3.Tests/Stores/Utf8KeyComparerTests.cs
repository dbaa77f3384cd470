using System.Text;

namespace Typed.S3.Tests.Stores;

public class Utf8KeyComparerTests
{
    [Fact]
    public void OrdersAsUtf8Bytes()
    {
        string[] keys =
        [
            "a", "a/b", "a-b", "a b", "A", "ab", "", "\uE000", "\uFFFD", "\U0001F600", "\U0001F600x", "é", "z", "a%2F", "a+", "a=",
        ];
        string[] expected = keys.OrderBy(k => Encoding.UTF8.GetBytes(k), ByteArrayComparer.Instance).ToArray();
        string[] actual = keys.Order(Utf8KeyComparer.Instance).ToArray();
        Assert.Equal(expected, actual);

        // Ordinal UTF-16 order puts the emoji (a surrogate pair) before U+E000; UTF-8 puts it after.
        Assert.True(string.CompareOrdinal("\U0001F600", "\uE000") < 0);
        Assert.True(Utf8KeyComparer.Instance.Compare("\U0001F600", "\uE000") > 0);
        Assert.True(Utf8KeyComparer.Instance.Compare("\U0001F600", "\uFFFD") > 0);
        Assert.True(Utf8KeyComparer.Instance.Compare("a", "ab") < 0);
        Assert.Equal(0, Utf8KeyComparer.Instance.Compare("same", "same"));
    }

    private sealed class ByteArrayComparer : IComparer<byte[]>
    {
        public static readonly ByteArrayComparer Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y.AsSpan());
    }
}
