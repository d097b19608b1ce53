using System.Text.Json;
using System.Text.Json.Nodes;
using Conformance.ReferenceServer.Hosting;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Faults;

/// <summary>The parts of the fault vocabulary whose mechanics are easy to get subtly wrong, checked directly.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class FaultMechanicsTests
{
    [TestCase("""{"a": "text", "b": 1}""", """{"a":12345,"b":1}""")]
    [TestCase("""{"a": 7}""", """{"a":"12345"}""")]
    [TestCase("""{"a": true}""", """{"a":"12345"}""")]
    [TestCase("""{"a": {"x": 1}}""", """{"a":[]}""")]
    [TestCase("""{"a": [1]}""", """{"a":{}}""")]
    [TestCase("""{"a": null, "b": "text"}""", """{"a":null,"b":12345}""")]
    [TestCase("""[1, {"a": "text"}, {"a": "text"}]""", """[1,{"a":12345},{"a":"text"}]""")]
    public void Wrong_field_type_changes_the_first_non_null_property_to_another_json_type(string body, string expected)
    {
        var node = JsonNode.Parse(body);
        FaultMutations.ChangeFirstFieldType(node, alphabetical: false).Should().BeTrue();
        node!.ToJsonString().Should().Be(expected);
    }

    [Test]
    public void Wrong_field_type_on_the_storage_service_takes_the_alphabetically_first_property()
    {
        var node = JsonNode.Parse("""{"objects": [], "meta": {"total_count": 1}}""");
        FaultMutations.ChangeFirstFieldType(node, alphabetical: true).Should().BeTrue();
        node!.ToJsonString().Should().Be("""{"objects":[],"meta":[]}""");
    }

    [TestCase("\"text\"")]
    [TestCase("[1, 2]")]
    [TestCase("{}")]
    public void Wrong_field_type_reports_a_body_it_cannot_change(string body) =>
        FaultMutations.ChangeFirstFieldType(JsonNode.Parse(body), alphabetical: false).Should().BeFalse();

    [Test]
    public void Wrong_enum_value_replaces_enumerated_strings_at_any_depth_and_nothing_else()
    {
        var node = JsonNode.Parse("""{"status": "COMPLETE", "name": "status", "type": 3, "objects": [{"purpose": "AS", "package_type": "AIP", "access_protocol": "FS"}]}""");
        FaultMutations.ReplaceEnumValues(node).Should().Be(4);
        node!.ToJsonString().Should().Be(
            """{"status":"CONFORMANCE-FAULT","name":"status","type":3,"objects":[{"purpose":"CONFORMANCE-FAULT","package_type":"CONFORMANCE-FAULT","access_protocol":"CONFORMANCE-FAULT"}]}""");
    }

    [TestCase("""{"a": 1}""", """{"a":1,"api_key":"k-0123456789"}""")]
    [TestCase("""[{"a": 1}, {"a": 2}]""", """[{"a":1,"api_key":"k-0123456789"},{"a":2}]""")]
    public void Echoed_key_goes_on_the_first_object(string body, string expected)
    {
        var node = JsonNode.Parse(body);
        FaultMutations.EchoKey(node, "k-0123456789").Should().BeTrue();
        node!.ToJsonString().Should().Be(expected);
    }

    [TestCase("""{"a": 1}""")]
    [TestCase("""[1, 2]""")]
    [TestCase("""{"message": "x", "results": []}""")]
    public void Truncated_json_no_longer_parses(string body)
    {
        var truncated = FaultMutations.Truncate(System.Text.Encoding.UTF8.GetBytes(body));
        var parse = () => JsonDocument.Parse(truncated);
        parse.Should().Throw<JsonException>();
    }

    [Test]
    public void Pagination_faults_edit_meta_built_from_int_values()
    {
        // The paginator builds meta from ints; JsonValue.TryGetValue<long> is false for those.
        var meta = new JsonObject { ["limit"] = 5, ["next"] = "/api/v2/file/?limit=5&offset=5", ["offset"] = 0, ["total_count"] = 11 };
        FaultMutations.Paginate(meta, wrongTotalCount: true, nextLoops: false, nextSkipsPage: true);
        meta["total_count"]!.ToJsonString().Should().Be("12");
        ((string?)meta["next"]).Should().Be("/api/v2/file/?limit=5&offset=10");

        var looping = new JsonObject { ["limit"] = 5, ["next"] = "/api/v2/file/?username=test&offset=5&limit=5", ["total_count"] = 11 };
        FaultMutations.Paginate(looping, wrongTotalCount: false, nextLoops: true, nextSkipsPage: false);
        ((string?)looping["next"]).Should().Be("/api/v2/file/?username=test&offset=0&limit=5");
    }

    [Test]
    public void Pagination_faults_leave_the_last_page_alone()
    {
        var meta = new JsonObject { ["limit"] = 5, ["next"] = null, ["total_count"] = 3 };
        FaultMutations.Paginate(meta, wrongTotalCount: false, nextLoops: true, nextSkipsPage: true);
        meta["next"].Should().BeNull();
    }

    [Test]
    public void Fault_plan_parses_the_command_line_form_and_names_the_known_faults_when_wrong()
    {
        var plan = FaultPlan.Parse(["SlowResponse@am.ingest.waiting", "emptybody"]);
        plan.IsActive(Fault.SlowResponse, "am.ingest.waiting").Should().BeTrue();
        plan.IsActive(Fault.SlowResponse, "am.ingest.completed").Should().BeFalse();
        plan.IsActive(Fault.EmptyBody, "ss.file.list").Should().BeTrue();
        plan.IsActiveForAny(Fault.SlowResponse, ["ss.file.list", "am.ingest.waiting"]).Should().BeTrue();
        var parse = () => FaultPlan.Parse(["NoSuchFault"]);
        parse.Should().Throw<ArgumentException>().WithMessage("*Unknown fault 'NoSuchFault'*EchoApiKey*");
    }

    [Test]
    public void Slow_response_delay_is_a_bounded_command_line_option()
    {
        CommandLine.Parse(["--slow-response-delay", "1.5", "--fault", "SlowResponse"]).SlowResponseDelay.Should().Be(TimeSpan.FromSeconds(1.5));
        new ReferenceServerOptions().SlowResponseDelay.Should().BeGreaterThan(TimeSpan.FromSeconds(30), "just past the suite's default timeout");
        var tooLong = () => CommandLine.Parse(["--slow-response-delay", "3600"]);
        tooLong.Should().Throw<ArgumentException>();
    }
}
