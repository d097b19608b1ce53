namespace Conformance.Framework.Requests;

/// <summary>A request value could not be produced on this target (nothing to discover, no arranger, a setting missing).</summary>
public sealed class UnresolvableException(string message) : Exception(message);
