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
        : this(read, write, null)
    {
    }

    /// <summary>Pairs a reader and a writer, with a reader that maps records on several threads.</summary>
    /// <param name="read">Reads an object's records.</param>
    /// <param name="write">Writes records to an object.</param>
    /// <param name="readInParallel">Reads an object's records mapping them on several threads, or <see langword="null"/> when the format cannot.</param>
    public DatasetCodec(ObjectRecordReader<T> read, ObjectRecordWriter<T> write, ParallelObjectRecordReader<T>? readInParallel)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(write);
        Read = read;
        Write = write;
        ReadInParallel = readInParallel;
    }

    /// <summary>Reads an object's records.</summary>
    public ObjectRecordReader<T> Read { get; }

    /// <summary>Writes records to an object.</summary>
    public ObjectRecordWriter<T> Write { get; }

    /// <summary>Reads an object's records mapping them on several threads; <see langword="null"/> when the format cannot.</summary>
    public ParallelObjectRecordReader<T>? ReadInParallel { get; }
}
