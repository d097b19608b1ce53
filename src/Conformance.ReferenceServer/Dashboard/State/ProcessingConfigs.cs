namespace Conformance.ReferenceServer.Dashboard.State;

/// <summary>
/// The built-in processing configurations (<c>defaultProcessingMCP.xml</c>, <c>automatedProcessingMCP.xml</c>).
/// The dashboard regenerates these two on GET when their file is missing (<c>install_builtin_config</c>).
/// </summary>
internal static class ProcessingConfigs
{
    public const string DefaultName = "default";
    public const string AutomatedName = "automated";

    public static string? BuiltIn(string name) => name switch
    {
        DefaultName => Default,
        AutomatedName => Automated,
        _ => null,
    };

    public const string Default = """
        <processingMCP>
          <preconfiguredChoices>
            <!-- Assign UUIDs to directories -->
            <preconfiguredChoice>
              <appliesTo>bd899573-694e-4d33-8c9b-df0af802437d</appliesTo>
              <goToChain>2dc3f487-e4b0-4e07-a4b3-6216ed24ca14</goToChain>
            </preconfiguredChoice>
            <!-- Send transfer to quarantine -->
            <preconfiguredChoice>
              <appliesTo>755b4177-c587-41a7-8c52-015277568302</appliesTo>
              <goToChain>d4404ab1-dc7f-4e9e-b1f8-aa861e766b8e</goToChain>
            </preconfiguredChoice>
            <!-- Generate transfer structure report -->
            <preconfiguredChoice>
              <appliesTo>56eebd45-5600-4768-a8c2-ec0114555a3d</appliesTo>
              <goToChain>df54fec1-dae1-4ea6-8d17-a839ee7ac4a7</goToChain>
            </preconfiguredChoice>
            <!-- Perform file format identification (Transfer) -->
            <preconfiguredChoice>
              <appliesTo>f09847c2-ee51-429a-9478-a860477f6b8d</appliesTo>
              <goToChain>d8ff6c9e-5f6e-4ad9-8c8e-3d9e2a1c7e10</goToChain>
            </preconfiguredChoice>
            <!-- Extract packages -->
            <preconfiguredChoice>
              <appliesTo>dec97e3c-5598-4b99-b26e-f87a435a6b7f</appliesTo>
              <goToChain>01d80b27-4ad1-4bd1-8f8d-f819f18bf685</goToChain>
            </preconfiguredChoice>
            <!-- Delete packages after extraction -->
            <preconfiguredChoice>
              <appliesTo>f19926dd-8fb5-4c79-8ade-c83f61f55b40</appliesTo>
              <goToChain>85b1e45d-8f98-4cae-8336-72f40e12cbef</goToChain>
            </preconfiguredChoice>
            <!-- Perform policy checks on originals -->
            <preconfiguredChoice>
              <appliesTo>70fc7040-d4fb-4d19-a0e6-792387ca1006</appliesTo>
              <goToChain>3e891cc4-39d2-4989-a001-5107a009a223</goToChain>
            </preconfiguredChoice>
            <!-- Select file format identification command (Ingest) -->
            <preconfiguredChoice>
              <appliesTo>7a024896-c4f7-4808-a240-44c87c762bc5</appliesTo>
              <goToChain>3c1faec7-7e1e-4cdd-b3bd-e2f05f4baa9b</goToChain>
            </preconfiguredChoice>
            <!-- Select file format identification command (Submission documentation & metadata) -->
            <preconfiguredChoice>
              <appliesTo>087d27be-c719-47d8-9bbb-9a7d8b609c44</appliesTo>
              <goToChain>25a91595-37f0-4373-a89a-56a757353fb8</goToChain>
            </preconfiguredChoice>
            <!-- Select compression algorithm -->
            <preconfiguredChoice>
              <appliesTo>01d64f58-8295-4b7b-9cab-8f1b153a504f</appliesTo>
              <goToChain>9475447c-9889-430c-9477-6287a9574c5b</goToChain>
            </preconfiguredChoice>
            <!-- Select compression level -->
            <preconfiguredChoice>
              <appliesTo>01c651cb-c174-4ba4-b985-1d87a44d6754</appliesTo>
              <goToChain>ecfad581-b007-4612-a0e0-fcc551f4057f</goToChain>
            </preconfiguredChoice>
            <!-- Store AIP location -->
            <preconfiguredChoice>
              <appliesTo>b320ce81-9982-408a-9502-097d0daa48fa</appliesTo>
              <goToChain>/api/v2/location/default/AS/</goToChain>
            </preconfiguredChoice>
          </preconfiguredChoices>
        </processingMCP>

        """;

    public const string Automated = """
        <processingMCP>
          <preconfiguredChoices>
            <!-- Assign UUIDs to directories -->
            <preconfiguredChoice>
              <appliesTo>bd899573-694e-4d33-8c9b-df0af802437d</appliesTo>
              <goToChain>891f60d0-1ba8-48d3-b39e-dd0934635d29</goToChain>
            </preconfiguredChoice>
            <!-- Send transfer to quarantine -->
            <preconfiguredChoice>
              <appliesTo>755b4177-c587-41a7-8c52-015277568302</appliesTo>
              <goToChain>d4404ab1-dc7f-4e9e-b1f8-aa861e766b8e</goToChain>
            </preconfiguredChoice>
            <!-- Generate transfer structure report -->
            <preconfiguredChoice>
              <appliesTo>56eebd45-5600-4768-a8c2-ec0114555a3d</appliesTo>
              <goToChain>e9eaef1e-c2e0-4e3b-b942-bfb537162795</goToChain>
            </preconfiguredChoice>
            <!-- Perform file format identification (Transfer) -->
            <preconfiguredChoice>
              <appliesTo>f09847c2-ee51-429a-9478-a860477f6b8d</appliesTo>
              <goToChain>d8ff6c9e-5f6e-4ad9-8c8e-3d9e2a1c7e10</goToChain>
            </preconfiguredChoice>
            <!-- Extract packages -->
            <preconfiguredChoice>
              <appliesTo>dec97e3c-5598-4b99-b26e-f87a435a6b7f</appliesTo>
              <goToChain>01d80b27-4ad1-4bd1-8f8d-f819f18bf685</goToChain>
            </preconfiguredChoice>
            <!-- Delete packages after extraction -->
            <preconfiguredChoice>
              <appliesTo>f19926dd-8fb5-4c79-8ade-c83f61f55b40</appliesTo>
              <goToChain>85b1e45d-8f98-4cae-8336-72f40e12cbef</goToChain>
            </preconfiguredChoice>
            <!-- Create SIP(s) -->
            <preconfiguredChoice>
              <appliesTo>bb194013-597c-4e4a-8493-b36d190f8717</appliesTo>
              <goToChain>61cfa825-120e-4b17-83e6-51a42b67d969</goToChain>
            </preconfiguredChoice>
            <!-- Normalize -->
            <preconfiguredChoice>
              <appliesTo>cb8e5706-e73f-472f-ad9b-d1236af8095f</appliesTo>
              <goToChain>612e3609-ce9a-4df6-a9a3-63d634d2d934</goToChain>
            </preconfiguredChoice>
            <!-- Approve normalization -->
            <preconfiguredChoice>
              <appliesTo>de909a42-c5b5-46e1-9985-c031b50e9d30</appliesTo>
              <goToChain>1e0df175-d56d-450d-8bee-7df1dc7ae815</goToChain>
            </preconfiguredChoice>
            <!-- Bind PIDs -->
            <preconfiguredChoice>
              <appliesTo>05357876-a095-4c17-8e0e-14d2ab0d0ab2</appliesTo>
              <goToChain>fcfea449-158c-452c-a8ad-4ae009c4eaba</goToChain>
            </preconfiguredChoice>
            <!-- Upload DIP -->
            <preconfiguredChoice>
              <appliesTo>92879a29-45bf-4f0b-ac43-e64474f0f2f9</appliesTo>
              <goToChain>6eb8ebe7-fab3-4e4c-b9d7-14de17625baa</goToChain>
            </preconfiguredChoice>
            <!-- Store AIP -->
            <preconfiguredChoice>
              <appliesTo>2d32235c-02d4-4686-88a6-96f4d6c7b1c3</appliesTo>
              <goToChain>9efab23c-31dc-4cbd-a39d-bb1665460cbe</goToChain>
            </preconfiguredChoice>
            <!-- Store AIP location -->
            <preconfiguredChoice>
              <appliesTo>b320ce81-9982-408a-9502-097d0daa48fa</appliesTo>
              <goToChain>/api/v2/location/default/AS/</goToChain>
            </preconfiguredChoice>
          </preconfiguredChoices>
        </processingMCP>

        """;
}
