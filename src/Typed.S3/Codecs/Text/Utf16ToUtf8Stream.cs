using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Text.Unicode;
using System.Threading;
using System.Threading.Tasks;

namespace Typed.S3.Codecs;

/// <summary>
/// UTF-16 text (after its byte order mark) read as UTF-8, so that CSV and JSON readers, which read UTF-8, see the same
/// bytes on every path. Strict: an unpaired surrogate or a dangling byte is a <see cref="DatasetFormatException"/> naming
/// the object, the line and the byte offset in the UTF-16 object, unless replacement was asked for.
/// </summary>
internal sealed class Utf16ToUtf8Stream : ReadOnlyWrapperStream
{
    private const int BlockBytes = 32 * 1024;

    private readonly bool _bigEndian;
    private readonly bool _replace;
    private readonly string _objectName;
    private readonly byte[] _input = new byte[BlockBytes];
    private readonly char[] _swapped;
    private readonly byte[] _output = new byte[(BlockBytes / 2 * 3) + 4];
    private int _inputStart;
    private int _inputEnd;
    private bool _innerDone;
    private int _outputStart;
    private int _outputEnd;
    private long _consumed = 2;
    private long _line = 1;
    private bool _needMore;

    public Utf16ToUtf8Stream(Stream inner, bool bigEndian, bool replace, string objectName)
        : base(inner)
    {
        _bigEndian = bigEndian;
        _replace = replace;
        _objectName = objectName;
        _swapped = bigEndian || !BitConverter.IsLittleEndian ? new char[BlockBytes / 2] : Array.Empty<char>();
    }

    public override int Read(Span<byte> buffer) => throw new NotSupportedException("Read asynchronously.");

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (_outputStart == _outputEnd)
        {
            if (!_innerDone && (_needMore || _inputEnd - _inputStart < 2))
            {
                _needMore = false;
                await FillAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!Convert())
            {
                return 0;
            }
        }

        int n = Math.Min(buffer.Length, _outputEnd - _outputStart);
        _output.AsSpan(_outputStart, n).CopyTo(buffer.Span);
        _outputStart += n;
        return n;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_inputStart > 0)
        {
            _input.AsSpan(_inputStart, _inputEnd - _inputStart).CopyTo(_input);
            _inputEnd -= _inputStart;
            _inputStart = 0;
        }

        int read = await Inner.ReadAsync(_input.AsMemory(_inputEnd), cancellationToken).ConfigureAwait(false);
        _innerDone = read == 0;
        _inputEnd += read;
    }

    // Transcodes what the input holds; false at the end of the text.
    private bool Convert()
    {
        int available = _inputEnd - _inputStart;
        int even = available & ~1;
        if (even == 0)
        {
            if (available == 0)
            {
                return false;
            }

            // One byte left at the end: half a code unit.
            if (!_replace)
            {
                throw Invalid("the object ends in the middle of a UTF-16 code unit", _consumed);
            }

            "\uFFFD"u8.CopyTo(_output);
            (_outputStart, _outputEnd) = (0, 3);
            _inputStart = _inputEnd;
            _consumed++;
            return true;
        }

        ReadOnlySpan<char> chars = MemoryMarshal.Cast<byte, char>(_input.AsSpan(_inputStart, even));
        if (_swapped.Length > 0 && _bigEndian == BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(MemoryMarshal.Cast<char, ushort>(chars), MemoryMarshal.Cast<char, ushort>(_swapped.AsSpan(0, chars.Length)));
            chars = _swapped.AsSpan(0, chars.Length);
        }

        // At the end a high surrogate with nothing after it is unpaired; a dangling odd byte is dealt with next.
        bool final = _innerDone;
        var status = Utf8.FromUtf16(chars, _output, out int charsRead, out int written, _replace, final);
        _line += _output.AsSpan(0, written).Count((byte)'\n');
        if (status == System.Buffers.OperationStatus.InvalidData)
        {
            long at = _consumed + (2L * charsRead);
            throw Invalid(
                string.Create(CultureInfo.InvariantCulture, $"the object is UTF-16 (it starts with a byte order mark) but holds an unpaired surrogate (0x{(int)chars[charsRead]:X4}); set DatasetReadOptions.InvalidUtf8 to Replace to read it as U+FFFD"),
                at);
        }

        _inputStart += 2 * charsRead;
        _consumed += 2L * charsRead;
        (_outputStart, _outputEnd) = (0, written);
        _needMore = status == System.Buffers.OperationStatus.NeedMoreData;
        return true;
    }

    private DatasetFormatException Invalid(string problem, long byteOffset) =>
        new(_objectName, _line, 0, byteOffset, null, null, null, problem);
}
