using System;

namespace Typed.S3;

/// <summary>
/// A connection string that cannot be used: malformed, an unknown or repeated parameter, half-given credentials,
/// an invalid value. The message quotes the connection string with its secrets masked, never the secrets.
/// </summary>
public class ConnectionStringException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="maskedConnectionString">The connection string with its secrets masked (<see cref="S3ConnectionString.Mask"/>).</param>
    /// <param name="problem">What is wrong, as a sentence that holds no secret.</param>
    /// <param name="innerException">The cause, if any.</param>
    public ConnectionStringException(string maskedConnectionString, string problem, Exception? innerException = null)
        : base($"Invalid connection string '{maskedConnectionString}': {problem}", innerException)
    {
        MaskedConnectionString = maskedConnectionString;
        Problem = problem;
    }

    /// <summary>The connection string with its secrets masked.</summary>
    public string MaskedConnectionString { get; }

    /// <summary>What is wrong, without the connection string.</summary>
    public string Problem { get; }
}
