using System.Security.Cryptography;
using System.Text;

namespace Conformance.ReferenceServer.Storage.Seed;

/// <summary>Identifiers of the seeded Storage Service objects (stable across runs).</summary>
internal static class SeedIds
{
    public const string Pipeline = ReferenceData.PipelineUuid;
    public const string DisabledPipeline = "8d1f4c7e-2a3b-4c5d-9e6f-7a8b9c0d1e2f";

    public const string LocalFilesystemSpace = "7a1e3c5b-2d4f-4a6b-8c9d-0e1f2a3b4c5d";
    public const string NfsSpace = "3b9d7f1a-5c2e-4b8d-a6f0-9e1c3d5b7a29";
    public const string FedoraSpace = "6c2a8e4d-1f3b-4d5a-b7c9-2e4f6a8c0b13";

    public const string TransferSource = ReferenceData.TransferSourceLocationUuid;
    public const string AipStorage = "2f5e8a1c-3b7d-4e9f-8a2c-6d1e4b7f9c30";
    public const string SecondaryAipStorage = "9c4e7b2a-1d5f-4a8e-b3c6-0f2d7e9a1b54";
    public const string DipStorage = "4d8a2f6c-9e1b-4c3d-a5f7-8b0e2c4d6f71";
    public const string Backlog = "e3f7b1d9-4a6c-4e2b-9d8f-1c5a7e3b9d62";
    public const string CurrentlyProcessing = ReferenceData.CurrentlyProcessingLocationUuid;
    public const string StorageServiceInternal = "0a9e8d7c-6b5a-4f3e-9d2c-1b0a9f8e7d16";
    public const string AipRecovery = "f1e2d3c4-b5a6-4978-8a9b-c0d1e2f3a4b7";
    public const string Replicator = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8c9";
    public const string SwordDeposit = "8b7a6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5e";
    public const string DisabledTransferSource = "d0c1b2a3-9f8e-4d7c-b6a5-4f3e2d1c0b9a";

    /// <summary>A stable UUID (version-4 shaped) derived from a name.</summary>
    public static string For(string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("storage-seed:" + name));
        hash[6] = (byte)((hash[6] & 0x0f) | 0x40);
        hash[8] = (byte)((hash[8] & 0x3f) | 0x80);
        var hex = Convert.ToHexStringLower(hash, 0, 16);
        return $"{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }

    /// <summary>utils.uuid_to_path: the UUID without dashes in 4-character directories.</summary>
    public static string QuadPath(string uuid)
    {
        var hex = uuid.Replace("-", "", StringComparison.Ordinal);
        return string.Join('/', Enumerable.Range(0, hex.Length / 4).Select(i => hex.Substring(i * 4, 4)));
    }
}
