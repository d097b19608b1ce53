namespace Conformance.Framework.Targets;

/// <summary>Creates preconditions for write tests (see "Arrangements" in docs/catalogue-format.md).</summary>
public interface IArranger
{
    /// <summary>Creates a fresh object for <paramref name="arrangement"/> and returns its fields; throws <see cref="UnresolvableException"/> when this target cannot.</summary>
    Task<IReadOnlyDictionary<string, string>> ArrangeAsync(string arrangement, CancellationToken cancellationToken = default);
}

/// <summary>For configured targets: nothing can be arranged out of band.</summary>
public sealed class NoArranger : IArranger
{
    public Task<IReadOnlyDictionary<string, string>> ArrangeAsync(string arrangement, CancellationToken cancellationToken = default) =>
        throw new UnresolvableException($"precondition '{arrangement}' can only be arranged on the embedded reference server");
}
