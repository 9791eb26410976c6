using FedChain.Learning.Plans;
using FedChain.Node.Demo;
using FedChain.Node.Tests.EndToEnd;

namespace FedChain.Node.Tests.SecureRounds;

/// <summary>
/// The run <see cref="SecureRestartTests"/> read: the demo plan with secure aggregation (t = 3), unscored,
/// over 3 rounds; the last hospital's node kills itself (SIGKILL) once it has masked its round-2 update, before
/// publishing or committing it, and is started again at once with the same state folder. It takes its
/// encrypted secrets back from disk and rejoins: it answers for the rounds it committed and masks the rest.
/// </summary>
public sealed class SecureRestartRun() : ConsortiumRun(new ConsortiumRunBuilder()
    .WithPlan(data => DemoPlan.HeartDisease(data.Schema, Rounds, seed: 42) with
    {
        SecureAggregation = new SecureAggregationSettings(true, Threshold: 3),
        Contribution = null,
    })
    .CrashingTheLastMemberBeforeCommittingRound(CrashRound)
    .RestartingTheVictim()
    .WithWindows(commitSeconds: 40, enrolmentSeconds: 120)
    .WithTimeout(TimeSpan.FromMinutes(6)))
{
    public const int Rounds = 3;
    public const int CrashRound = 2;
}
