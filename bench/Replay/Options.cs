using System.Globalization;

namespace Conformance.Bench.Replay;

internal sealed record RunResult(double Seconds, int StatusMismatches, int TransportErrors);

internal sealed record Options(string Log, int Concurrency, int Repeat, string? Json)
{
    public static Options Parse(string[] args)
    {
        var options = new Options(string.Empty, 8, 3, null);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options = args[i] switch
            {
                "--log" => options with { Log = args[i + 1] },
                "--concurrency" => options with { Concurrency = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--repeat" => options with { Repeat = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--json" => options with { Json = args[i + 1] },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }

        return options.Log.Length > 0 ? options : throw new ArgumentException("--log FILE is required.");
    }
}
