namespace Conformance.Framework.Configuration;

/// <summary>
/// Reads settings: an environment variable wins over the runsettings parameter, which wins over the
/// default. Blank values count as unset, so a template's empty placeholder never overrides anything.
/// </summary>
public sealed class SettingsSource(Func<string, string?> runParameter, Func<string, string?> environment)
{
    public static SettingsSource FromEnvironmentOnly() => new(_ => null, Environment.GetEnvironmentVariable);

    public string? Get(Setting setting) =>
        NonBlank(environment(setting.EnvironmentVariable)) ?? NonBlank(runParameter(setting.Name)) ?? setting.Default;

    public bool GetFlag(Setting setting)
    {
        var value = Get(setting);
        return value is null ? false : bool.TryParse(value, out var flag)
            ? flag
            : throw new ConfigurationException($"{setting.Name} ({setting.EnvironmentVariable}) must be true or false, not '{value}'.");
    }

    public int? GetInt(Setting setting, int min, int max)
    {
        var value = Get(setting);
        if (value is null)
        {
            return null;
        }

        return int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
            ? number
            : throw new ConfigurationException($"{setting.Name} ({setting.EnvironmentVariable}) must be a whole number from {min} to {max}, not '{value}'.");
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
