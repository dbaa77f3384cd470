namespace Typed.S3;

/// <summary>Masks secrets for messages and logs.</summary>
internal static class SecretMask
{
    /// <summary>The text that stands in for a secret.</summary>
    public const string Masked = "****";

    /// <summary>An access key id with all but its first four characters masked (<c>AKIA****</c>): enough to tell keys apart, not to use one.</summary>
    public static string MaskAccessKeyId(string accessKeyId) =>
        accessKeyId.Length <= 4 ? Masked : accessKeyId.Substring(0, 4) + Masked;
}
