
namespace Conformance.Framework.Configuration;

/// <summary>A user name and API key. ToString never shows the key.</summary>
public sealed record Credentials(string User, string ApiKey)
{
    public override string ToString() => $"{User}:{Redactor.Mask}";
}
