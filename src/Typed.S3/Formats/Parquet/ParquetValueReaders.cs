using System;
using System.Threading;
using System.Threading.Tasks;
using Parquet;
using Parquet.Schema;

namespace Typed.S3.Codecs;

/// <summary>
/// Reads one file column's chunks into a value column's row-group buffers: <c>values[row]</c> for every row (the
/// default where the row is null) and, for a nullable file column, <c>definitions[row]</c> (the column's maximum
/// definition level where the row has a value). Holds pooled buffers across row groups; one reader serves one read.
/// </summary>
internal abstract class ParquetValueReader<T>
    where T : struct
{
    public abstract ValueTask ReadAsync(ParquetRowGroupReader rowGroup, ParquetChunks chunks, T[] values, int[]? definitions, int rowCount, CancellationToken cancellationToken);

    /// <summary>Returns the reader's buffers to their pools.</summary>
    public virtual void Release()
    {
    }
}

/// <summary>Converts a value as read from the file into the property type; a struct, so each conversion inlines.</summary>
internal interface IParquetReadConversion<TFile, T>
{
    T Convert(TFile value);
}

/// <summary>A read conversion from a static <see cref="IParquetConversion{T, TFile}"/>.</summary>
internal readonly struct FromFile<T, TFile, TConversion> : IParquetReadConversion<TFile, T>
    where TConversion : IParquetConversion<T, TFile>
{
    public T Convert(TFile value) => TConversion.FromFile(value);
}

/// <summary>Reads values the file holds as the property type itself, straight into the column's buffer.</summary>
internal sealed class DirectReader<T> : ParquetValueReader<T>
    where T : struct
{
    private readonly DataField _field;

    public DirectReader(DataField field)
    {
        _field = field;
    }

    public override async ValueTask ReadAsync(ParquetRowGroupReader rowGroup, ParquetChunks chunks, T[] values, int[]? definitions, int rowCount, CancellationToken cancellationToken)
    {
        // Raw reads: non-null values packed first, nulls told by the definition levels alone. Parquet.Net's reads into
        // T?[] cost a second buffer and pass, and are wrong for non-nullable columns in Parquet.Net 6.1.
        await chunks.ReadAsync(rowGroup, _field, values, definitions, rowCount, cancellationToken).ConfigureAwait(false);
        if (definitions is not null)
        {
            Spread(values, definitions, rowCount, _field.MaxDefinitionLevel);
        }
    }

    // Moves the packed values to their rows, from the end so no value is overwritten before it moves.
    private static void Spread(T[] values, int[] definitions, int rowCount, int max)
    {
        int packed = definitions.AsSpan(0, rowCount).Count(max);
        int next = packed - 1;
        for (int row = rowCount - 1; row > next; row--)
        {
            values[row] = definitions[row] == max ? values[next--] : default;
        }
    }
}

/// <summary>
/// Reads values as <typeparamref name="TFile"/> (the column's physical type, or a type Parquet.Net decodes it as) into
/// a pooled buffer, then converts each into the column's buffer at its row.
/// </summary>
internal sealed class ConvertingReader<T, TFile, TConversion> : ParquetValueReader<T>
    where T : struct
    where TFile : struct
    where TConversion : struct, IParquetReadConversion<TFile, T>
{
    private readonly DataField _field;
    private readonly TConversion _conversion;
    private TFile[]? _buffer;

    public ConvertingReader(DataField field, TConversion conversion = default)
    {
        _field = field;
        _conversion = conversion;
    }

    public override async ValueTask ReadAsync(ParquetRowGroupReader rowGroup, ParquetChunks chunks, T[] values, int[]? definitions, int rowCount, CancellationToken cancellationToken)
    {
        ParquetBuffers.Ensure(ref _buffer, rowCount, 0);
        await chunks.ReadAsync(rowGroup, _field, _buffer, definitions, rowCount, cancellationToken).ConfigureAwait(false);
        Convert(values, definitions, rowCount);
    }

    public override void Release() => ParquetBuffers.Return(ref _buffer);

    private void Convert(T[] values, int[]? definitions, int rowCount)
    {
        TConversion conversion = _conversion;
        ReadOnlySpan<TFile> read = _buffer.AsSpan(0, rowCount);
        Span<T> target = values.AsSpan(0, rowCount);
        if (definitions is null)
        {
            for (int row = 0; row < target.Length; row++)
            {
                target[row] = conversion.Convert(read[row]);
            }

            return;
        }

        int max = _field.MaxDefinitionLevel;
        int next = 0;
        for (int row = 0; row < target.Length; row++)
        {
            target[row] = definitions[row] == max ? conversion.Convert(read[next++]) : default;
        }
    }
}

/// <summary>The fields a reader reads a file column through.</summary>
internal static class ParquetReadFields
{
    /// <summary>
    /// A field for the same top-level file column as <paramref name="file"/> but of another CLR type, so Parquet.Net
    /// decodes the column's physical values (an INT64 timestamp as <see cref="long"/>, a string as UTF-8 bytes) and
    /// the runtime converts them once, cheaper than Parquet.Net's per-value conversions. Parquet.Net finds a column
    /// chunk by the field's path and decodes by the file's own schema element, so only the CLR type differs.
    /// <see langword="null"/> when <paramref name="file"/> is not a top-level column.
    /// </summary>
    public static DataField? Physical<TFile>(DataField file)
    {
        if (file.Path.Length != 1 || file.MaxRepetitionLevel != 0)
        {
            return null;
        }

        var physical = new DataField<TFile>(file.Name, file.IsNullable);
        _ = new ParquetSchema(physical);
        return physical.MaxDefinitionLevel == file.MaxDefinitionLevel ? physical : null;
    }
}
