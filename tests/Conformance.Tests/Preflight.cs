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
        if (Suite.PreflightFailure is not null)
        {
            Assert.Fail(Suite.PreflightFailure);
        }

        Assert.That(Suite.Session, Is.Not.Null, "the suite setup built no session");
        if (Suite.Session!.Settings.DryRun)
        {
            Assert.Ignore("DRY RUN: the preflight sends a request, so it was not run");
        }

        TestContext.Out.WriteLine(TargetSummary.Describe(Suite.Session!));
    }
}
