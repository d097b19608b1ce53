namespace Conformance.ReferenceServer.Hosting;

/// <summary>Parses the standalone server's options: --archivematica-url, --storage-service-url, --user, --api-key, --password, --archivematica-version, --storage-service-version, --fault (repeatable), --slow-response-delay (seconds), --request-log.</summary>
public static class CommandLine
{
    public static ReferenceServerOptions Parse(string[] args)
    {
        var options = new ReferenceServerOptions { ArchivematicaUrl = "http://127.0.0.1:62080", StorageServiceUrl = "http://127.0.0.1:62081" };
        var faults = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"Option {args[i]} needs a value.");
            options = args[i] switch
            {
                "--archivematica-url" => options with { ArchivematicaUrl = value },
                "--storage-service-url" => options with { StorageServiceUrl = value },
                "--user" => options with { User = value },
                "--api-key" => options with { ApiKey = value },
                "--password" => options with { Password = value },
                "--archivematica-version" => options with { ArchivematicaVersion = value },
                "--storage-service-version" => options with { StorageServiceVersion = value },
                "--fault" => Add(faults, value, options),
                "--slow-response-delay" => options with { SlowResponseDelay = Seconds(value) },
                "--request-log" => options with { RequestLogPath = value },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
            i++;
        }
        return options with { Faults = FaultPlan.Parse(faults) };
    }

    private static TimeSpan Seconds(string value) =>
        double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= 600
            ? TimeSpan.FromSeconds(seconds)
            : throw new ArgumentException($"--slow-response-delay needs a number of seconds between 0 and 600, not '{value}'.");

    private static ReferenceServerOptions Add(List<string> faults, string value, ReferenceServerOptions options)
    {
        faults.Add(value);
        return options;
    }
}
