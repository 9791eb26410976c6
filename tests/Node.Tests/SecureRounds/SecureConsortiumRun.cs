using FedChain.Learning.Contribution;
using FedChain.Learning.Plans;
using FedChain.Node.Demo;
using FedChain.Node.Tests.EndToEnd;

namespace FedChain.Node.Tests.SecureRounds;

/// <summary>
/// The run <see cref="NodeSecureAggregationTests"/> read: the demo plan with secure aggregation (t = 3)
/// and sample-share contribution scores over 2 rounds; the last hospital's node kills itself once it
/// has masked its round-2 update, before publishing or committing it (after the key exchange and its
/// round-1 commit: a deterministic point, not a race with the test), so round 2 is unmasked
/// with its mask key rebuilt from the survivors' shares, and scored by the survivors from the sum alone.
/// </summary>
public sealed class SecureConsortiumRun() : ConsortiumRun(new ConsortiumRunBuilder()
    .WithPlan(data => DemoPlan.HeartDisease(data.Schema, Rounds, seed: 42) with
    {
        SecureAggregation = new SecureAggregationSettings(true, Threshold: 3),
        Contribution = new ContributionSettings(ContributionMethod.SampleShare),
    })
    .CrashingTheLastMemberBeforeCommittingRound(2)
    .WithTimeout(TimeSpan.FromMinutes(3)))
{
    public const int Rounds = 2;
}
