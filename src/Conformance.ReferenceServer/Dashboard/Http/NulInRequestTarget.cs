using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Microsoft.AspNetCore.Connections;

namespace Conformance.ReferenceServer.Dashboard.Http;

/// <summary>
/// Kestrel answers its own empty 400 to a request target whose path decodes to a NUL ("%00"), before
/// any application code runs; gunicorn hands such a path to Django, whose URL resolver answers it.
/// This connection middleware of the dashboard's endpoint rewrites each "%00" of a request line to
/// <see cref="StandIn"/> (percent-encoded) and adds <see cref="OriginalTargetHeader"/> with the target
/// as sent, so the pipeline can restore the NUL and measure the line gunicorn measured. It follows
/// HTTP/1.1 framing by Content-Length; a request with a chunked body, Expect or Upgrade ends the
/// rewriting for the rest of its connection (bytes pass unchanged), so a body is never touched.
/// </summary>
internal static class NulInRequestTarget
{
    public const string OriginalTargetHeader = "X-Reference-Server-Original-Target";

    /// <summary>U+10FFFF (a noncharacter, like NUL no word character): what Kestrel decodes in place of NUL.</summary>
    public const string StandIn = "\U0010FFFF";

    private const string EncodedNul = "%00";
    private const string EncodedStandIn = "%F4%8F%BF%BF";
    private const int MaxHead = 64 * 1024;
    private static readonly byte[] EndOfHead = "\r\n\r\n"u8.ToArray();

    public static ConnectionDelegate Wrap(ConnectionDelegate next) => async connection =>
    {
        var transport = connection.Transport;
        var rewritten = new Pipe();
        connection.Transport = new DuplexPipe(rewritten.Reader, transport.Output);
        var pump = PumpAsync(transport.Input, rewritten.Writer);
        try
        {
            await next(connection);
        }
        finally
        {
            await rewritten.Reader.CompleteAsync(); // a pump waiting on a full pipe stops too
            transport.Input.CancelPendingRead();
            await pump;
            connection.Transport = transport;
        }
    };

    private static async Task PumpAsync(PipeReader source, PipeWriter target)
    {
        var framing = new Framing();
        try
        {
            while (true)
            {
                var read = await source.ReadAsync();
                foreach (var segment in read.Buffer)
                {
                    framing.Feed(segment.Span, target);
                }
                source.AdvanceTo(read.Buffer.End);
                var flushed = await target.FlushAsync();
                if (read.IsCompleted || read.IsCanceled || flushed.IsCompleted)
                {
                    break;
                }
            }
        }
#pragma warning disable CA1031 // A broken connection ends the pump; Kestrel sees the end of input.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
        finally
        {
            await source.CompleteAsync();
            await target.CompleteAsync();
        }
    }

    /// <summary>Where the byte stream is: in a request head (collected until its blank line), in a body, or past rewriting.</summary>
    private sealed class Framing
    {
        private readonly List<byte> _head = [];
        private long _bodyLeft;
        private bool _passThrough;

        public void Feed(ReadOnlySpan<byte> bytes, PipeWriter target)
        {
            while (!bytes.IsEmpty)
            {
                if (_passThrough || _bodyLeft > 0)
                {
                    var take = _passThrough ? bytes.Length : (int)Math.Min(_bodyLeft, bytes.Length);
                    target.Write(bytes[..take]);
                    _bodyLeft -= _passThrough ? 0 : take;
                    bytes = bytes[take..];
                    continue;
                }

                var searchFrom = Math.Max(0, _head.Count - (EndOfHead.Length - 1));
                _head.AddRange(bytes);
                var end = IndexOfEndOfHead(_head, searchFrom);
                if (end < 0)
                {
                    if (_head.Count > MaxHead)
                    {
                        Flush(target, [.. _head]);
                        _head.Clear();
                        _passThrough = true;
                    }
                    return;
                }

                var headLength = end + EndOfHead.Length;
                var rest = _head.Count - headLength;
                var head = _head.GetRange(0, headLength).ToArray();
                bytes = bytes[(bytes.Length - rest)..];
                _head.Clear();
                Flush(target, Rewrite(head));
            }
        }

        private static void Flush(PipeWriter target, byte[] bytes) => target.Write(bytes);

        private static int IndexOfEndOfHead(List<byte> head, int from) =>
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(head)[from..].IndexOf(EndOfHead) is var i and >= 0 ? from + i : -1;

        /// <summary>The head with its request line rewritten (and the original target added), and the framing of what follows.</summary>
        private byte[] Rewrite(byte[] head)
        {
            var text = Encoding.Latin1.GetString(head);
            var lines = text.Split("\r\n");
            var first = 0;
            while (first < lines.Length && lines[first].Length == 0)
            {
                first++; // blank lines before a request line are allowed
            }

            foreach (var line in lines.Skip(first + 1))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var name = colon < 0 ? "" : line[..colon].Trim();
                var value = colon < 0 ? "" : line[(colon + 1)..].Trim();
                if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) && long.TryParse(value, out var length) && length >= 0)
                {
                    _bodyLeft = length;
                }
                else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) || name.Equals("Expect", StringComparison.OrdinalIgnoreCase)
                    || name.Equals("Upgrade", StringComparison.OrdinalIgnoreCase))
                {
                    _passThrough = true;
                }
            }

            var parts = first < lines.Length ? lines[first].Split(' ') : [];
            if (parts.Length != 3 || !parts[1].Contains(EncodedNul, StringComparison.Ordinal))
            {
                return head;
            }

            lines[first] = $"{parts[0]} {parts[1].Replace(EncodedNul, EncodedStandIn, StringComparison.Ordinal)} {parts[2]}\r\n{OriginalTargetHeader}: {parts[1]}";
            return Encoding.Latin1.GetBytes(string.Join("\r\n", lines));
        }
    }

    private sealed class DuplexPipe(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }
}
