using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Conformance.ReferenceServer.Storage.Seed;

/// <summary>Small but well-formed package documents: BagIt tag files, METS, pointer files.</summary>
internal static class PackageDocuments
{
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>A BagIt bag: payload under data/ plus bagit.txt, bag-info.txt and both manifests.</summary>
    public static Dictionary<string, byte[]> Bag(IReadOnlyDictionary<string, byte[]> payload, DateTime bagged)
    {
        var bag = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (path, content) in payload)
        {
            bag["data/" + path] = content;
        }
        var manifest = string.Concat(payload.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{Sha256(p.Value)}  data/{p.Key}\n"));
        bag["bagit.txt"] = Utf8("BagIt-Version: 0.97\nTag-File-Character-Encoding: UTF-8\n");
        bag["bag-info.txt"] = Utf8(
            $"Bag-Software-Agent: bagit.py v1.7.0 <https://github.com/LibraryOfCongress/bagit-python>\n" +
            $"Bagging-Date: {bagged.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\n" +
            $"Payload-Oxum: {payload.Values.Sum(v => v.LongLength)}.{payload.Count}\n");
        bag["manifest-sha256.txt"] = Utf8(manifest);
        var tags = new[] { "bag-info.txt", "bagit.txt", "manifest-sha256.txt" };
        bag["tagmanifest-sha256.txt"] = Utf8(string.Concat(tags.Select(t => $"{Sha256(bag[t])}  {t}\n")));
        return bag;
    }

    /// <summary>A minimal METS document listing the given objects.</summary>
    public static byte[] Mets(string objectId, string label, IEnumerable<(string FileUuid, string Path)> files, DateTime created)
    {
        var list = files.ToList();
        var fileEntries = string.Concat(list.Select(f =>
            $"      <mets:file ID=\"file-{f.FileUuid}\" GROUPID=\"Group-{f.FileUuid}\">\n" +
            $"        <mets:FLocat xlink:href=\"{f.Path}\" LOCTYPE=\"OTHER\" OTHERLOCTYPE=\"SYSTEM\"/>\n" +
            "      </mets:file>\n"));
        var divs = string.Concat(list.Select(f =>
            $"        <mets:div LABEL=\"{Path.GetFileName(f.Path)}\" TYPE=\"Item\"><mets:fptr FILEID=\"file-{f.FileUuid}\"/></mets:div>\n"));
        return Utf8(
            "<?xml version='1.0' encoding='UTF-8'?>\n" +
            "<mets:mets xmlns:mets=\"http://www.loc.gov/METS/\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" " +
            "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" " +
            "xsi:schemaLocation=\"http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/version1121/mets.xsd\" " +
            $"OBJID=\"{objectId}\">\n" +
            $"  <mets:metsHdr CREATEDATE=\"{created.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)}\"/>\n" +
            "  <mets:fileSec>\n    <mets:fileGrp USE=\"original\">\n" + fileEntries + "    </mets:fileGrp>\n  </mets:fileSec>\n" +
            "  <mets:structMap TYPE=\"physical\" ID=\"structMap_1\" LABEL=\"Archivematica default\">\n" +
            $"    <mets:div TYPE=\"Directory\" LABEL=\"{label}\">\n      <mets:div TYPE=\"Directory\" LABEL=\"objects\">\n" + divs +
            "      </mets:div>\n    </mets:div>\n  </mets:structMap>\n</mets:mets>\n");
    }

    /// <summary>An AIP pointer file (METS + PREMIS object) for a compressed package.</summary>
    public static byte[] Pointer(string uuid, string fullPath, long size, string checksum, DateTime created) => Utf8(
        "<?xml version='1.0' encoding='UTF-8'?>\n" +
        "<mets:mets xmlns:mets=\"http://www.loc.gov/METS/\" xmlns:premis=\"http://www.loc.gov/premis/v3\" " +
        "xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" " +
        "xsi:schemaLocation=\"http://www.loc.gov/METS/ http://www.loc.gov/standards/mets/version1121/mets.xsd\">\n" +
        $"  <mets:metsHdr CREATEDATE=\"{created.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)}\"/>\n" +
        $"  <mets:amdSec ID=\"amdSec_1\">\n    <mets:techMD ID=\"techMD_1\">\n      <mets:mdWrap MDTYPE=\"PREMIS:OBJECT\">\n        <mets:xmlData>\n" +
        "          <premis:object xsi:type=\"premis:file\" version=\"3.0\">\n" +
        $"            <premis:objectIdentifier><premis:objectIdentifierType>UUID</premis:objectIdentifierType><premis:objectIdentifierValue>{uuid}</premis:objectIdentifierValue></premis:objectIdentifier>\n" +
        "            <premis:objectCharacteristics><premis:compositionLevel>1</premis:compositionLevel>\n" +
        $"              <premis:fixity><premis:messageDigestAlgorithm>sha256</premis:messageDigestAlgorithm><premis:messageDigest>{checksum}</premis:messageDigest></premis:fixity>\n" +
        $"              <premis:size>{size}</premis:size>\n" +
        "              <premis:format><premis:formatDesignation><premis:formatName>7Zip format</premis:formatName></premis:formatDesignation></premis:format>\n" +
        "            </premis:objectCharacteristics>\n          </premis:object>\n        </mets:xmlData>\n      </mets:mdWrap>\n    </mets:techMD>\n  </mets:amdSec>\n" +
        $"  <mets:fileSec>\n    <mets:fileGrp USE=\"Archival Information Package\">\n      <mets:file ID=\"{Path.GetFileName(fullPath)}\" ADMID=\"amdSec_1\">\n" +
        $"        <mets:FLocat xlink:href=\"{fullPath}\" LOCTYPE=\"OTHER\" OTHERLOCTYPE=\"SYSTEM\"/>\n      </mets:file>\n    </mets:fileGrp>\n  </mets:fileSec>\n" +
        $"  <mets:structMap TYPE=\"physical\">\n    <mets:div TYPE=\"Archival Information Package\"><mets:fptr FILEID=\"{Path.GetFileName(fullPath)}\"/></mets:div>\n  </mets:structMap>\n</mets:mets>\n");

    /// <summary>Bytes standing in for a 7-Zip archive: the 7z signature, then the members (not a real archive).</summary>
    public static byte[] FakeSevenZip(IReadOnlyDictionary<string, byte[]> members)
    {
        using var stream = new MemoryStream();
        stream.Write([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C, 0x00, 0x04]);
        foreach (var (path, content) in members.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            stream.Write(Utf8(path));
            stream.Write(content);
        }
        return stream.ToArray();
    }
}
