using System.Text.Json.Nodes;

namespace Conformance.ReferenceServer.Storage.Model;

/// <summary>A package (exposed as the "file" resource): AIP, AIC, DIP, transfer, deposit, ...</summary>
internal sealed class Package
{
    public required int Id { get; init; }

    public required string Uuid { get; set; }

    public required string PackageType { get; set; }

    /// <summary>Django default is FAIL; storing sets UPLOADED.</summary>
    public string Status { get; set; } = PackageStatus.Fail;

    public required Location CurrentLocation { get; set; }

    public string CurrentPath { get; set; } = "";

    /// <summary>Set only by a SWORD deposit (its METS label, else "Untitled"); the API neither shows nor sets it, so a package it registers has none.</summary>
    public string? Description { get; set; }

    public Pipeline? OriginPipeline { get; set; }

    public long Size { get; set; }

    public JsonObject MiscAttributes { get; set; } = [];

    public List<Package> RelatedPackages { get; } = [];

    public Package? ReplicatedPackage { get; set; }

    /// <summary>Packages whose replicated_package is this one (reverse relation).</summary>
    public List<Package> Replicas { get; } = [];

    public DateTime? StoredDate { get; set; }

    /// <summary>Full path of the pointer file (compressed AIPs/AICs only).</summary>
    public string? PointerFilePath { get; set; }

    /// <summary>Members of a compressed package, keyed by their path inside the archive (base directory included).</summary>
    public Dictionary<string, byte[]> ArchiveMembers { get; } = new(StringComparer.Ordinal);

    /// <summary>File rows (locations.File) used by contents/ and file/metadata/.</summary>
    public List<FileRecord> Files { get; } = [];

    public string FullPath => PosixPath.Normalize(PosixPath.Join(CurrentLocation.FullPath, CurrentPath));

    /// <summary>Django's get_package_type_display().</summary>
    public string PackageTypeDisplay => PackageType switch
    {
        "transfer" => "Transfer",
        "file" => "Single File",
        "deposit" => "FEDORA Deposit",
        _ => PackageType,
    };
}

/// <summary>Package type codes.</summary>
internal static class PackageTypes
{
    public const string Aip = "AIP";
    public const string Aic = "AIC";
    public const string Sip = "SIP";
    public const string Dip = "DIP";
    public const string Transfer = "transfer";
    public const string File = "file";
    public const string Deposit = "deposit";

    public static readonly string[] CanDelete = [Aip, Aic, Transfer];
    public static readonly string[] CanRecover = [Aip, Aic];
    public static readonly string[] CanReingest = [Aip, Aic];
    public static readonly string[] CanExtract = [Aip, Aic];
}

/// <summary>Package status codes.</summary>
internal static class PackageStatus
{
    public const string Pending = "PENDING";
    public const string Uploaded = "UPLOADED";
    public const string DeleteRequested = "DEL_REQ";
    public const string Deleted = "DELETED";
    public const string RecoverRequested = "RECOVER_REQ";
    public const string Moving = "MOVING";
    public const string Fail = "FAIL";
    public const string Finalize = "FINALIZE";
}
