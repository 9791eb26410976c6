using FedChain.Learning.Contribution;
using FedChain.Learning.Plans;
using FedChain.Node.Demo;
using FedChain.Node.Tests.EndToEnd;

namespace FedChain.Node.Tests.SecureRounds;

/// <summary>
/// The run <see cref="NodeSecureAggregationTests"/> read: the demo plan with secure aggregation (t = 3)
/// and sample-share contribution scores over 2 rounds; the last hospital is SIGKILLed once it holds
/// round 1's aggregate, after the key exchange and before its round-2 commit, so round 2 is unmasked
/// with its mask key rebuilt from the survivors' shares, and scored by the survivors from the sum alone.
/// </summary>
public sealed class SecureConsortiumRun() : ConsortiumRun(new ConsortiumRunBuilder()
    .WithPlan(data => DemoPlan.HeartDisease(data.Schema, Rounds, seed: 42) with
    {
        SecureAggregation = new SecureAggregationSettings(true, Threshold: 3),
        Contribution = new ContributionSettings(ContributionMethod.SampleShare),
    })
    .KillingTheLastMemberAfterRound(1)
    .WithTimeout(TimeSpan.FromMinutes(3)))
{
    public const int Rounds = 2;
}
