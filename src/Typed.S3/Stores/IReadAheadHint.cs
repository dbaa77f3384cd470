namespace Typed.S3;

/// <summary>
/// Implemented by stores whose objects take a round trip to open (S3): how many of the next objects of a glob a
/// dataset reader opens ahead of the one it reads. Stores without it are read one object after another.
/// </summary>
internal interface IReadAheadHint
{
    /// <summary>How many objects to open ahead of the one being read; 0 opens none ahead.</summary>
    int ReadAhead { get; }
}
