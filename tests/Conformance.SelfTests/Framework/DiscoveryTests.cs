using FluentAssertions;
using NUnit.Framework;

namespace Conformance.SelfTests.Framework;

/// <summary>Discovery reads identifiers from the target's lists; an object may sit on any of several lists.</summary>
public sealed class DiscoveryTests
{
    [Test]
    public async Task The_first_alternative_the_target_can_answer_is_taken()
    {
        await using var target = await ReferenceTarget.StartAsync();
        var discovery = target.Session.Discovery;
        var completed = await discovery.ResolveAsync("am.transfer.completed:results[0]", CancellationToken.None);

        var found = await discovery.ResolveAsync("am.transfer.completed:results[99] or am.transfer.completed:results[0]", CancellationToken.None);

        found.Should().Be(completed, "the first alternative names no object, the second does");
    }

    [Test]
    public async Task When_no_alternative_answers_each_is_named_in_the_reason()
    {
        await using var target = await ReferenceTarget.StartAsync();

        var resolving = () => target.Session.Discovery.ResolveAsync("am.transfer.completed:results[98] or am.transfer.unapproved:results[99].uuid", CancellationToken.None);

        (await resolving.Should().ThrowAsync<UnresolvableException>())
            .Which.Message.Should().Contain("am.transfer.completed has no 'results[98]'").And.Contain("am.transfer.unapproved has no 'results[99].uuid'");
    }
}
