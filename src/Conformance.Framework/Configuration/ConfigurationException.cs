namespace Conformance.Framework.Configuration;

/// <summary>The configuration cannot describe a usable target; the message says what to change.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
