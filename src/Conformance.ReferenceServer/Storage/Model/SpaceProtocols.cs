namespace Conformance.ReferenceServer.Storage.Model;

/// <summary>
/// The PROTOCOL table: access-protocol codes and the protocol-model fields SpaceResource merges into
/// space objects. An empty field list means "leak every model field" before SS 0.21 (Django model_to_dict).
/// </summary>
internal static class SpaceProtocols
{
    public static readonly IReadOnlyDictionary<string, string[]> Fields = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["ARKIVUM"] = ["host", "remote_user", "remote_name"],
        ["DV"] = ["host", "api_key", "agent_name", "agent_type", "agent_identifier"],
        ["DC"] = ["event_reason", "pipeline", "user_id", "user_email"],
        ["DSPACE"] = ["sd_iri", "user", "password", "metadata_policy", "archive_format"],
        ["FEDORA"] = ["fedora_user", "fedora_password", "fedora_name"],
        ["GPG"] = ["key"],
        ["FS"] = [],
        ["LOM"] = ["au_size", "sd_iri", "collection_iri", "content_provider_id", "external_domain", "checksum_type", "keep_local"],
        ["NFS"] = ["manually_mounted", "remote_name", "remote_path", "version"],
        ["OFFLINE"] = [],
        ["PIPE_FS"] = ["remote_user", "remote_name", "assume_rsync_daemon", "rsync_password"],
        ["SWIFT"] = ["auth_url", "auth_version", "username", "password", "container", "tenant", "region"],
        ["S3"] = ["endpoint_url", "access_key_id", "secret_access_key", "region", "bucket"],
    };
}
