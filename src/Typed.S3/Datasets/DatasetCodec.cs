using System;

namespace Typed.S3.Codecs;

/// <summary>One format's generated reader and writer of a record type.</summary>
/// <typeparam name="T">The record type.</typeparam>
public sealed class DatasetCodec<T>
{
    /// <summary>Pairs a reader and a writer.</summary>
    /// <param name="read">Reads an object's records.</param>
    /// <param name="write">Writes records to an object.</param>
    public DatasetCodec(ObjectRecordReader<T> read, ObjectRecordWriter<T> write)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(write);
        Read = read;
        Write = write;
    }

    /// <summary>Reads an object's records.</summary>
    public ObjectRecordReader<T> Read { get; }

    /// <summary>Writes records to an object.</summary>
    public ObjectRecordWriter<T> Write { get; }
}
