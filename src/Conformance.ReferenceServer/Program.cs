// Standalone reference server:
//   dotnet run --project src/Conformance.ReferenceServer -- --archivematica-url http://127.0.0.1:62080 --storage-service-url http://127.0.0.1:62081
var options = CommandLine.Parse(args);
await using var host = await ReferenceServerHost.StartAsync(options);
Console.WriteLine($"Archivematica dashboard API: {host.ArchivematicaUrl} (version {options.ArchivematicaVersion})");
Console.WriteLine($"Storage Service API:         {host.StorageServiceUrl} (version {options.StorageServiceVersion})");
Console.WriteLine($"User: {options.User} (API key not shown). Faults: {options.Faults}. Ctrl+C stops.");
await host.WaitForShutdownAsync();
Console.WriteLine($"Requests received: {host.Requests.Count}.");
