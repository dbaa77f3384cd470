using System;
using System.ComponentModel;

namespace Typed.S3.Codecs;

/// <summary>One format's generated reader and writer of a record type.</summary>
/// <typeparam name="T">The record type.</typeparam>
/// <remarks>For generated code only: not a supported API, hidden from IntelliSense, and may change in any release.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class DatasetCodec<T>
{
    /// <summary>Pairs a reader and a writer.</summary>
    /// <param name="read">Reads an object's records.</param>
    /// <param name="write">Writes records to an object.</param>
    public DatasetCodec(ObjectRecordReader<T> read, ObjectRecordWriter<T> write)
        : this(read, write, null)
    {
    }

    /// <summary>Pairs a reader and a writer, with a reader that takes the read's options.</summary>
    /// <param name="read">Reads an object's records.</param>
    /// <param name="write">Writes records to an object.</param>
    /// <param name="readWithOptions">Reads an object's records as <see cref="DatasetReadOptions"/> say, or <see langword="null"/> when the format has no options.</param>
    public DatasetCodec(ObjectRecordReader<T> read, ObjectRecordWriter<T> write, ObjectRecordReaderWithOptions<T>? readWithOptions)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(write);
        Read = read;
        Write = write;
        ReadWithOptions = readWithOptions;
    }

    /// <summary>Reads an object's records.</summary>
    public ObjectRecordReader<T> Read { get; }

    /// <summary>Writes records to an object.</summary>
    public ObjectRecordWriter<T> Write { get; }

    /// <summary>Reads an object's records as <see cref="DatasetReadOptions"/> say; <see langword="null"/> when the format has no options.</summary>
    public ObjectRecordReaderWithOptions<T>? ReadWithOptions { get; }
}
