using System.Text;
using Typed.S3.Codecs;

namespace Typed.S3.Tests.Text;

/// <summary>
/// The UTF-8 decoding every reader's strings go through: the ASCII shortcut and the general path give what
/// <see cref="Encoding.UTF8"/> gives for valid text, and invalid text is refused (or replaced only when asked).
/// </summary>
public class Utf8TextTests
{
    public static IEnumerable<object[]> Valid()
    {
        yield return [""];
        yield return ["a"];
        yield return ["ACME-42, \"quoted\"\t\u007f"];
        yield return [new string('x', 1000)];
        yield return ["Zürich"];
        yield return ["日本語"];
        yield return ["emoji \U0001F600 at the end"];
        yield return [new string('y', 63) + "é"];
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void ValidTextDecodesAsEncodingDoes(string text)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        Assert.True(Utf8Text.TryDecodeValid(utf8, out string decoded));
        Assert.Equal(text, decoded);
        Assert.True(Utf8Text.TryDecode(utf8, replace: false, out decoded));
        Assert.Equal(text, decoded);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]
    [InlineData(new byte[] { (byte)'a', 0xC3 })]
    [InlineData(new byte[] { (byte)'a', 0xED, 0xA0, 0x80, (byte)'b' })]
    [InlineData(new byte[] { 0xC0, 0x80 })]
    public void InvalidTextIsRefusedUnlessReplacementIsAsked(byte[] utf8)
    {
        Assert.False(Utf8Text.TryDecodeValid(utf8, out string decoded));
        Assert.Equal(string.Empty, decoded);
        Assert.False(Utf8Text.TryDecode(utf8, replace: false, out _));
        Assert.True(Utf8Text.TryDecode(utf8, replace: true, out decoded));
        Assert.Equal(Encoding.UTF8.GetString(utf8), decoded);
        Assert.Contains('\uFFFD', decoded);
    }
}
