using NUnit.Framework;

namespace Conformance.Tests;

/// <summary>The one test that fails when the target cannot be used at all; every other test is then reported as not run.</summary>
[TestFixture]
[Category("preflight")]
public sealed class Preflight
{
    [Test]
    public void Target_is_reachable_and_accepts_the_credentials()
    {
        if (Suite.Target.NotUsable is { } failure)
        {
            Assert.Fail(failure);
        }

        var session = Suite.Target.Target!.Session;
        if (session.Settings.DryRun)
        {
            Assert.Ignore("DRY RUN: the preflight sends a request, so it was not run");
        }

        TestContext.Out.WriteLine(TargetSummary.Describe(session));
    }
}
