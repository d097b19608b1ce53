using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Framework;

[TestFixture]
public sealed class SettingsTests
{
    private static SettingsSource Source(Dictionary<string, string> runParameters, Dictionary<string, string>? environment = null) =>
        new(name => runParameters.GetValueOrDefault(name), name => environment?.GetValueOrDefault(name));

    [Test]
    public void Environment_variable_overrides_runsettings_and_blank_values_count_as_unset()
    {
        var source = Source(
            new() { ["ArchivematicaUrl"] = "http://from-runsettings", ["ArchivematicaUser"] = "alice" },
            new() { ["ARCHIVEMATICA_URL"] = "http://from-env", ["ARCHIVEMATICA_USER"] = "  " });
        source.Get(Settings.ArchivematicaUrl).Should().Be("http://from-env");
        source.Get(Settings.ArchivematicaUser).Should().Be("alice");
        source.Get(Settings.RequestTimeoutSeconds).Should().Be("30");
    }

    [Test]
    public void No_url_means_the_embedded_reference_server()
    {
        TargetSettings.WantsEmbedded(Source(new() { ["ArchivematicaUrl"] = "" })).Should().BeTrue();
        TargetSettings.WantsEmbedded(Source(new() { ["StorageServiceUrl"] = "http://ss" })).Should().BeFalse();
    }

    [Test]
    public void A_service_left_out_is_not_configured_and_the_other_is()
    {
        var settings = TargetSettings.FromSource(Source(new() { ["StorageServiceUrl"] = "http://ss:8000", ["StorageServiceUser"] = "u", ["StorageServiceApiKey"] = "k" }));
        settings.Archivematica.Should().BeNull();
        settings.Storage!.BaseUrl.Should().Be(new Uri("http://ss:8000/"));
        settings.AllowWrites.Should().BeFalse();
    }

    [Test]
    public void A_url_without_credentials_is_a_configuration_error_naming_the_variables()
    {
        var act = () => TargetSettings.FromSource(Source(new() { ["ArchivematicaUrl"] = "http://am" }));
        act.Should().Throw<ConfigurationException>().WithMessage("*ARCHIVEMATICA_USER*ARCHIVEMATICA_API_KEY*");
    }

    [TestCase("ftp://am")]
    [TestCase("not a url")]
    [TestCase("http://alice:secret@am")]
    public void A_bad_url_is_a_configuration_error(string url)
    {
        var act = () => TargetSettings.FromSource(Source(new() { ["ArchivematicaUrl"] = url, ["ArchivematicaUser"] = "u", ["ArchivematicaApiKey"] = "k" }));
        act.Should().Throw<ConfigurationException>().Which.Message.Should().NotContain("secret");
    }

    [Test]
    public void Credentials_never_show_the_key() => new Credentials("alice", "k3y-value").ToString().Should().Be("alice:***");
}
