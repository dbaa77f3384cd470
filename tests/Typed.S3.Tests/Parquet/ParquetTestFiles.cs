using Parquet;
using Parquet.Schema;

namespace Typed.S3.Tests.Parquet;

/// <summary>Parquet files made with Parquet.Net directly, shaped as a test needs (not as the generated writers would).</summary>
internal static class ParquetTestFiles
{
    public delegate Task ColumnWriter(ParquetRowGroupWriter rowGroup, DataField field);

    public static async Task<byte[]> WriteAsync(params (DataField Field, ColumnWriter Write)[] columns)
    {
        using var stream = new MemoryStream();
        await using (ParquetWriter writer = await ParquetWriter.CreateAsync(new ParquetSchema(columns.Select(c => (Field)c.Field).ToArray()), stream))
        {
            using ParquetRowGroupWriter rowGroup = writer.CreateRowGroup();
            foreach ((DataField field, ColumnWriter write) in columns)
            {
                await write(rowGroup, field);
            }
        }

        return stream.ToArray();
    }

    public static (DataField, ColumnWriter) Column<T>(DataField field, params T[] values)
        where T : struct =>
        (field, (rowGroup, f) => rowGroup.WriteAsync<T>(f, values.AsMemory()));

    public static (DataField, ColumnWriter) NullableColumn<T>(DataField field, params T?[] values)
        where T : struct =>
        (field, (rowGroup, f) => rowGroup.WriteAsync<T>(f, (ReadOnlyMemory<T?>)values.AsMemory()));

    public static (DataField, ColumnWriter) Strings(DataField field, params string?[] values) =>
        (field, (rowGroup, f) => rowGroup.WriteAsync(f, values!, null));

    public static async Task<ParquetReader> OpenAsync(byte[] file) => await ParquetReader.CreateAsync(new MemoryStream(file));
}
