using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Conformance.ReferenceServer.Hosting;

/// <summary>
/// Follows the HTTP/1.1 framing of the requests one connection carries (request line, header lines
/// up to the empty line, then a body framed by Content-Length or chunked encoding, then the next
/// request line) and, in each request line's path only, overwrites <c>%00</c> with
/// <see cref="NulPath.Marker"/> in place: the same length, so nothing is copied and the request
/// line keeps its length (gunicorn's limit counts it). A query's or a body's <c>%00</c> is left
/// alone: Kestrel refuses only the path's. Framing it cannot follow the way Kestrel does (an
/// unreadable Content-Length or chunk size, a transfer coding other than chunked, an upgrade, bytes
/// Kestrel consumed before they were scanned) switches the connection to pass-through: from there
/// Kestrel sees the bytes unchanged, so a later <c>%00</c> path gets Kestrel's empty 400 again.
/// </summary>
internal sealed class Http1RequestFraming
{
    private static ReadOnlySpan<byte> EncodedNul => "%00"u8;

    private State _state = State.RequestLine;
    private long _scanned;          // Offset in the connection's byte stream of the first byte not classified yet.
    private long _remaining;        // Body or chunk bytes (chunk data plus its CRLF) still to pass.
    private long? _contentLength;
    private bool _chunked;
    private bool _opaque;           // This request's framing is not followed: pass-through from its end on.

    private enum State { RequestLine, Headers, Body, ChunkSize, ChunkData, Trailers, PassThrough }

    /// <summary>Whether the connection went to pass-through (self-tests).</summary>
    public bool PassingThrough => _state == State.PassThrough;

    /// <summary>
    /// Classifies the bytes of <paramref name="buffer"/> not seen yet, rewriting request paths.
    /// <paramref name="bufferStart"/> is the stream offset of the buffer's first byte.
    /// </summary>
    public void Scan(ReadOnlySequence<byte> buffer, long bufferStart)
    {
        if (_state == State.PassThrough)
        {
            return;
        }
        if (_scanned < bufferStart || _scanned > bufferStart + buffer.Length)
        {
            _state = State.PassThrough;
            return;
        }

        var rest = buffer.Slice(_scanned - bufferStart);
        while (!rest.IsEmpty && _state != State.PassThrough)
        {
            if (_state is State.Body or State.ChunkData)
            {
                var passed = Math.Min(_remaining, rest.Length);
                rest = rest.Slice(passed);
                _scanned += passed;
                _remaining -= passed;
                if (_remaining == 0)
                {
                    _state = _state == State.Body ? State.RequestLine : State.ChunkSize;
                }
                continue;
            }

            if (rest.PositionOf((byte)'\n') is not { } newline)
            {
                return; // An incomplete line: Kestrel cannot parse it either; scanned again with more bytes.
            }
            var line = rest.Slice(0, rest.GetPosition(1, newline));
            rest = rest.Slice(line.End);
            _scanned += line.Length;
            OnLine(line);
        }
    }

    private void OnLine(ReadOnlySequence<byte> line)
    {
        var blank = line.Length == 1 || (line.Length == 2 && line.FirstSpan is [(byte)'\r', ..]);
        switch (_state)
        {
            case State.RequestLine:
                if (!blank)
                {
                    RewritePath(line);
                    _contentLength = null;
                    _chunked = false;
                    _opaque = false;
                    _state = State.Headers;
                }
                break;
            case State.Headers:
                if (blank)
                {
                    EndHeaders();
                }
                else
                {
                    OnHeader(Contiguous(line, stackalloc byte[256]));
                }
                break;
            case State.ChunkSize:
                OnChunkSize(Contiguous(line, stackalloc byte[256]));
                break;
            case State.Trailers:
                if (blank)
                {
                    _state = State.RequestLine;
                }
                break;
            default:
                throw new InvalidOperationException($"No line is read in state {_state}.");
        }
    }

    private void OnHeader(ReadOnlySpan<byte> line)
    {
        var colon = line.IndexOf((byte)':');
        if (colon <= 0)
        {
            return; // Kestrel refuses it and closes the connection.
        }
        var name = line[..colon];
        var value = line[(colon + 1)..].Trim(" \t\r\n"u8);
        if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
        {
            if (!Utf8Parser.TryParse(value, out long length, out var used) || used != value.Length || length < 0
                || (_contentLength is { } earlier && earlier != length))
            {
                _opaque = true;
            }
            _contentLength = length;
        }
        else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
        {
            var last = value[(value.LastIndexOf((byte)',') + 1)..].Trim(" \t"u8);
            _chunked = Ascii.EqualsIgnoreCase(last, "chunked"u8);
            _opaque |= !_chunked;
        }
        else if (Ascii.EqualsIgnoreCase(name, "Upgrade"u8))
        {
            _opaque = true; // After an upgrade the connection carries another protocol.
        }
    }

    private void EndHeaders()
    {
        if (_opaque)
        {
            _state = State.PassThrough;
        }
        else if (_chunked)
        {
            _state = State.ChunkSize;
        }
        else if (_contentLength is > 0 and var length)
        {
            _remaining = length;
            _state = State.Body;
        }
        else
        {
            _state = State.RequestLine;
        }
    }

    private void OnChunkSize(ReadOnlySpan<byte> line)
    {
        var end = line.IndexOfAny(";\r\n"u8);
        var digits = (end < 0 ? line : line[..end]).Trim(" \t"u8);
        if (digits.IsEmpty || digits.Length > 15
            || !long.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size))
        {
            _state = State.PassThrough;
            return;
        }
        if (size == 0)
        {
            _state = State.Trailers;
            return;
        }
        _remaining = size + 2; // The data and the CRLF after it.
        _state = State.ChunkData;
    }

    /// <summary>Overwrites each <c>%00</c> of the request target's path (before any '?') with the marker.</summary>
    private static void RewritePath(ReadOnlySequence<byte> line)
    {
        if (line.IsSingleSegment)
        {
            var span = line.FirstSpan;
            if (span.IndexOf(EncodedNul) >= 0)
            {
                Rewrite(MemoryMarshal.AsMemory(line.First).Span);
            }
            return;
        }

        // The line straddles two of the transport's memory blocks: rewrite a copy, write the changed bytes back.
        var copy = ArrayPool<byte>.Shared.Rent((int)line.Length);
        try
        {
            var bytes = copy.AsSpan(0, (int)line.Length);
            line.CopyTo(bytes);
            if (bytes.IndexOf(EncodedNul) < 0)
            {
                return;
            }
            Rewrite(bytes);
            var offset = 0;
            foreach (var segment in line)
            {
                bytes.Slice(offset, segment.Length).CopyTo(MemoryMarshal.AsMemory(segment).Span);
                offset += segment.Length;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    private static void Rewrite(Span<byte> line)
    {
        var targetStart = line.IndexOf((byte)' ') + 1;
        if (targetStart == 0)
        {
            return;
        }
        var target = line[targetStart..];
        var targetEnd = target.IndexOf((byte)' ');
        if (targetEnd < 0)
        {
            return;
        }
        var path = target[..targetEnd];
        var query = path.IndexOf((byte)'?');
        if (query >= 0)
        {
            path = path[..query];
        }
        for (var at = path.IndexOf(EncodedNul); at >= 0; at = path.IndexOf(EncodedNul))
        {
            NulPath.Marker.CopyTo(path[at..]);
            path = path[(at + 3)..];
        }
    }

    private static ReadOnlySpan<byte> Contiguous(ReadOnlySequence<byte> line, Span<byte> scratch)
    {
        if (line.IsSingleSegment)
        {
            return line.FirstSpan;
        }
        if (line.Length > scratch.Length)
        {
            return line.ToArray(); // A header or chunk-size line across two blocks and longer than 256 bytes: rare.
        }
        line.CopyTo(scratch);
        return scratch[..(int)line.Length];
    }
}
