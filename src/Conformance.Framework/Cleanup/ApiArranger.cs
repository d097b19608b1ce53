
namespace Conformance.Framework.Cleanup;

/// <summary>
/// Adds the arrangement every target offers through its own API, a scratch copy of the transfer
/// source (<see cref="ScratchArea"/>), to the target's own arranger.
/// </summary>
public sealed class ApiArranger(ConformanceSession session, IArranger target) : IArranger
{
    public Task<IReadOnlyDictionary<string, string>> ArrangeAsync(string arrangement, CancellationToken cancellationToken = default) =>
        arrangement == ScratchArea.Arrangement
            ? session.Scratch.CopyAsync("arrangement " + arrangement, cancellationToken)
            : target.ArrangeAsync(arrangement, cancellationToken);
}
