using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Reporting;

/// <summary>The answer summary the statement keeps per case: the same shape whatever the values, another when the structure changes, never the body.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class AnswerShapeTests
{
    private static Exchange Answer(string body, string contentType = "application/json") => Exchanges.CompletedTransfers() with
    {
        Body = body,
        ResponseHeaders = [new("Content-Type", contentType)],
    };

    [Test]
    public void Uuids_dates_paths_hosts_and_counts_do_not_change_the_shape()
    {
        var one = AnswerShape.Of(Answer("""
            {"id": "3f1c2a9e-8b7d-4e6f-9a0b-1c2d3e4f5a6b", "created": "2026-01-02T03:04:05Z", "path": "/var/archivematica/a", "host": "am.example.org",
             "count": 2, "ids": ["a", "b"], "results": [{"uuid": "11111111-2222-4333-8444-555555555555"}, {"uuid": "66666666-7777-4888-9999-000000000000"}],
             "by_uuid": {"3f1c2a9e-8b7d-4e6f-9a0b-1c2d3e4f5a6b": {"size": 1}}}
            """));
        var other = AnswerShape.Of(Answer("""
            {"host": "127.0.0.1", "path": "/tmp/x/y", "created": "2027-12-31T23:59:59Z", "id": "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee",
             "count": 40, "results": [{"uuid": "99999999-2222-4333-8444-555555555555"}], "ids": [],
             "by_uuid": {"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee": {"size": 7}, "bbbbbbbb-bbbb-4ccc-8ddd-eeeeeeeeeeee": {"size": 8}}}
            """));

        one.Should().MatchRegex("^json-object:[0-9a-f]{12}$").And.Be(other);
    }

    [TestCase("""{"id": "x", "extra": 1}""", "a field added")]
    [TestCase("""{"id": 1}""", "a field of another type")]
    [TestCase("""[{"id": "x"}]""", "a list instead of an object")]
    [TestCase("""{"ID": "x"}""", "a field renamed")]
    [TestCase("""{"id": [{"a": 1}]}""", "a list of objects where a value was")]
    public void A_change_of_structure_changes_it(string body, string why) =>
        AnswerShape.Of(Answer(body)).Should().NotBe(AnswerShape.Of(Answer("""{"id": "x"}""")), why);

    [Test]
    public void Other_bodies_are_named_by_kind_and_no_answer_has_none()
    {
        AnswerShape.Of(Answer("")).Should().Be("empty");
        AnswerShape.Of(Answer("<html><body>Forbidden</body></html>", "text/html; charset=utf-8")).Should().Be("html");
        AnswerShape.Of(Answer("Forbidden", "text/plain")).Should().Be("text");
        AnswerShape.Of(Answer("{}") with { TransportError = "connection refused" }).Should().BeNull();
        AnswerShape.Of(null).Should().BeNull();
    }

    [Test]
    public void The_media_type_keeps_its_charset_and_drops_what_changes_per_answer()
    {
        AnswerShape.MediaTypeOf("Application/JSON; Charset=UTF-8").Should().Be("application/json; charset=utf-8");
        AnswerShape.MediaTypeOf("multipart/form-data; boundary=abc123").Should().Be("multipart/form-data");
        AnswerShape.MediaTypeOf(null).Should().BeNull();
    }

    [Test]
    public void The_allure_uuid_is_known_before_the_result_is_written_and_the_link_is_allure_3s_id_of_it()
    {
        const string test = "Conformance.Tests.ReadOnlyEndpoints.Answers_per_contract(am.transfer.status, Header)";
        var uuid = AllureResultBuilder.UuidOf(test);

        Guid.TryParse(uuid, out _).Should().BeTrue();
        uuid.Should().Be(AllureResultBuilder.UuidOf(test)).And.NotBe(AllureResultBuilder.UuidOf(test + "x"));
        AllureResultBuilder.Build(new TestFacts { Name = "x", FullName = test, ClassName = "c", MethodName = "m", Arguments = [], Status = ReportStatus.Passed, Start = DateTimeOffset.UtcNow, Stop = DateTimeOffset.UtcNow })
            .Result.Uuid.Should().Be(uuid);
        // Allure 3 (core, testResultRawToState): id = md5(uuid), hex. Here the MD5 of "abc", a published test vector.
        StatementBuilder.AllureReportId("abc").Should().Be("900150983cd24fb0d6963f7d28e17f72");
        StatementBuilder.LinkTo(uuid).Should().Be("../allure-report/index.html#" + StatementBuilder.AllureReportId(uuid));
    }
}
