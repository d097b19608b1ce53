using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;

namespace Conformance.ReferenceServer.Hosting;

/// <summary>
/// The connection's input as Kestrel reads it: the transport's own buffers, each request path's
/// <c>%00</c> overwritten in place (<see cref="Http1RequestFraming"/>) before Kestrel parses it.
/// Nothing is copied; positions are the inner reader's, so AdvanceTo passes straight through.
/// </summary>
internal sealed class NulPathPipeReader(PipeReader inner) : PipeReader
{
    private readonly Http1RequestFraming _framing = new();
    private ReadOnlySequence<byte> _lastBuffer;
    private long _lastBufferStart; // Stream offset of _lastBuffer's first byte.

    public override ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var read = inner.ReadAsync(cancellationToken);
        if (read.IsCompletedSuccessfully)
        {
            return new ValueTask<ReadResult>(Inspect(read.Result));
        }
        return Awaited(read);
    }

    public override bool TryRead(out ReadResult result)
    {
        if (!inner.TryRead(out result))
        {
            return false;
        }
        result = Inspect(result);
        return true;
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        _lastBufferStart += _lastBuffer.Slice(0, consumed).Length;
        _lastBuffer = default;
        inner.AdvanceTo(consumed, examined);
    }

    public override void CancelPendingRead() => inner.CancelPendingRead();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<ReadResult> Awaited(ValueTask<ReadResult> read) => Inspect(await read);

    private ReadResult Inspect(ReadResult result)
    {
        _lastBuffer = result.Buffer;
        _framing.Scan(result.Buffer, _lastBufferStart);
        return result;
    }
}
