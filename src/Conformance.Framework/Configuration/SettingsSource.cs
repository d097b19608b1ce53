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

    /// <summary>True when the environment or the runsettings give a value (not just the default).</summary>
    public bool IsConfigured(Setting setting) =>
        NonBlank(environment(setting.EnvironmentVariable)) is not null || NonBlank(runParameter(setting.Name)) is not null;

    /// <summary>A positive number of seconds; the setting's name in the error otherwise.</summary>
    public TimeSpan GetSeconds(Setting setting)
    {
        var value = Get(setting)!;
        return double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && seconds <= 86400
            ? TimeSpan.FromSeconds(seconds)
            : throw new ConfigurationException($"{setting.Name} ({setting.EnvironmentVariable}) must be a number of seconds from 0 to 86400, not '{value}'.");
    }

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
