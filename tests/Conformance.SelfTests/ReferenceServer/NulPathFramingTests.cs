using System.Buffers;
using System.Text;
using Conformance.ReferenceServer.Hosting;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.ReferenceServer;

/// <summary>
/// The connection rewrite behind a <c>%00</c> in a path (<see cref="Http1RequestFraming"/>): only
/// request lines' paths change, whatever way the bytes are cut into reads and memory blocks.
/// </summary>
[TestFixture]
public sealed class NulPathFramingTests
{
    private const string Stream =
        "GET /api/v2/file/a%00b/?q=%00 HTTP/1.1\r\nHost: x\r\n\r\n"
        + "POST /api/v2/pipeline/%00/ HTTP/1.1\r\nhost: x\r\ncontent-length: 23\r\n\r\n"
        + "GET /a%00b HTTP/1.1\r\n\r\n"
        + "\r\nPUT /x%00 HTTP/1.1\r\nTRANSFER-ENCODING: gzip, Chunked\r\n\r\n"
        + "6;ext=1\r\n%00%00\r\n"
        + "13\r\nGET /%00 HTTP/1.1\r\n\r\n"
        + "0\r\nTrailer: %00\r\n\r\n"
        + "GET /last%00/%00?%00 HTTP/1.1\r\n\r\n";

    private const string Rewritten =
        "GET /api/v2/file/a%0Gb/?q=%00 HTTP/1.1\r\nHost: x\r\n\r\n"
        + "POST /api/v2/pipeline/%0G/ HTTP/1.1\r\nhost: x\r\ncontent-length: 23\r\n\r\n"
        + "GET /a%00b HTTP/1.1\r\n\r\n"
        + "\r\nPUT /x%0G HTTP/1.1\r\nTRANSFER-ENCODING: gzip, Chunked\r\n\r\n"
        + "6;ext=1\r\n%00%00\r\n"
        + "13\r\nGET /%00 HTTP/1.1\r\n\r\n"
        + "0\r\nTrailer: %00\r\n\r\n"
        + "GET /last%0G/%0G?%00 HTTP/1.1\r\n\r\n";

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(7)]
    [TestCase(64)]
    [TestCase(4096)]
    public void Only_request_paths_are_rewritten_however_the_bytes_arrive(int readSize)
    {
        // The 23-byte body of the POST is a whole request: framing, not looks, says it is a body.
        var bytes = Encoding.ASCII.GetBytes(Stream);
        var framing = new Http1RequestFraming();
        var segments = new List<byte[]>();
        for (var at = 0; at < bytes.Length; at += readSize)
        {
            // Each read lands in its own block, so lines straddle blocks.
            segments.Add(bytes[at..Math.Min(bytes.Length, at + readSize)]);
            framing.Scan(Sequence(segments), 0);
        }

        Encoding.ASCII.GetString([.. segments.SelectMany(segment => segment)]).Should().Be(Rewritten);
        framing.PassingThrough.Should().BeFalse();
    }

    [Test]
    public void Consumed_bytes_move_the_buffer_start()
    {
        var framing = new Http1RequestFraming();
        var first = Encoding.ASCII.GetBytes("GET /a%00 HTTP/1.1\r\nContent-Length: 3\r\n\r\n%00");
        framing.Scan(new ReadOnlySequence<byte>(first), 0);
        var second = Encoding.ASCII.GetBytes("GET /b%00 HTTP/1.1\r\n\r\n");
        framing.Scan(new ReadOnlySequence<byte>(second), first.Length);

        Encoding.ASCII.GetString(first).Should().Be("GET /a%0G HTTP/1.1\r\nContent-Length: 3\r\n\r\n%00");
        Encoding.ASCII.GetString(second).Should().Be("GET /b%0G HTTP/1.1\r\n\r\n");
    }

    [TestCase("Content-Length: abc")]
    [TestCase("Content-Length: 1\r\nContent-Length: 2")]
    [TestCase("Transfer-Encoding: gzip")]
    [TestCase("Upgrade: websocket")]
    public void Framing_it_cannot_follow_passes_the_rest_through(string header)
    {
        var framing = new Http1RequestFraming();
        var bytes = Encoding.ASCII.GetBytes($"POST /a%00 HTTP/1.1\r\n{header}\r\n\r\nGET /b%00 HTTP/1.1\r\n\r\n");
        framing.Scan(new ReadOnlySequence<byte>(bytes), 0);

        framing.PassingThrough.Should().BeTrue();
        Encoding.ASCII.GetString(bytes).Should().StartWith("POST /a%0G ").And.Contain("GET /b%00 ", "Kestrel frames it its own way");
    }

    [Test]
    public void Bytes_consumed_before_they_were_scanned_stop_the_rewrite()
    {
        var framing = new Http1RequestFraming();
        var bytes = Encoding.ASCII.GetBytes("GET /b%00 HTTP/1.1\r\n\r\n");
        framing.Scan(new ReadOnlySequence<byte>(bytes), 5);

        framing.PassingThrough.Should().BeTrue();
        Encoding.ASCII.GetString(bytes).Should().Contain("%00");
    }

    private static ReadOnlySequence<byte> Sequence(List<byte[]> blocks)
    {
        var first = new Block(blocks[0], 0);
        var last = first;
        foreach (var block in blocks.Skip(1))
        {
            last = last.Append(block);
        }
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Block : ReadOnlySequenceSegment<byte>
    {
        public Block(byte[] bytes, long runningIndex)
        {
            Memory = bytes;
            RunningIndex = runningIndex;
        }

        public Block Append(byte[] bytes)
        {
            var next = new Block(bytes, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
