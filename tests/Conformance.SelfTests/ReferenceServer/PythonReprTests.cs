using Conformance.ReferenceServer.Python;
using Conformance.ReferenceServer.Storage.Tastypie;
using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.ReferenceServer;

/// <summary>Python's repr() of str and list, and tastypie's sanitize() over it, as CPython 3 and the real SS 0.21.1 answer.</summary>
[TestFixture]
[Parallelizable(ParallelScope.All)]
public sealed class PythonReprTests
{
    [TestCase("abc", "'abc'")]
    [TestCase("", "''")]
    [TestCase("it's", "\"it's\"")]
    [TestCase("say \"hi\"", "'say \"hi\"'")]
    [TestCase("it's \"x\"", "'it\\'s \"x\"'")]
    [TestCase("a\\b", "'a\\\\b'")]
    [TestCase("\t\n\r", "'\\t\\n\\r'")]
    [TestCase("a\0b\u001f\u007f", "'a\\x00b\\x1f\\x7f'")]
    [TestCase("a\u0085b\u00a0\u00e9", "'a\\x85b\\xa0\u00e9'")]
    [TestCase("\u202ex\u2028\u3000", "'\\u202ex\\u2028\\u3000'")]
    [TestCase("\ue000\ufffe", "'\\ue000\\ufffe'")]
    [TestCase("\U0001F4A9\U000E0001", "'\U0001F4A9\\U000e0001'")]
    [TestCase("“x” is not", "'“x” is not'")]
    public void A_str_is_quoted_and_escaped_as_python_does(string text, string repr) =>
        PythonRepr.OfString(text).Should().Be(repr);

    [Test]
    public void A_lone_surrogate_is_escaped() =>
        PythonRepr.OfString(new string(['\ud800', 'x'])).Should().Be("'\\ud800x'", "attribute strings cannot hold one, so it is built here");

    [Test]
    public void A_list_is_its_items_reprs_between_brackets() =>
        PythonRepr.OfList(["a", "b'c"]).Should().Be("['a', \"b'c\"]");

    // The answers of the real SS 0.21.1 to GET /api/v2/file/<value>/ (issue 14).
    [TestCase("not-a-uuid", "['“not-a-uuid” is not a valid UUID.']")]
    [TestCase("<b>&x'y\"", "['“&lt;b&gt;&amp;x\\'y\"” is not a valid UUID.']")]
    [TestCase("a\\b", "['“a\\\\b” is not a valid UUID.']")]
    [TestCase("a\0b", "['“a\\x00b” is not a valid UUID.']")]
    [TestCase("a\u0085b", "['“a\\x85b” is not a valid UUID.']")]
    [TestCase("\u202ex", "['“\\u202ex” is not a valid UUID.']")]
    public void A_validation_error_answers_the_escaped_repr_of_its_messages(string value, string error) =>
        TastypieSanitizer.Sanitize([$"“{value}” is not a valid UUID."]).Should().Be(error);

    [Test]
    public void A_bad_request_message_is_html_escaped_but_keeps_its_quotes() =>
        TastypieSanitizer.Sanitize("Invalid limit '<x>&\"' provided.").Should().Be("Invalid limit '&lt;x&gt;&amp;\"' provided.");
}
