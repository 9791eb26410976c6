using FedChain.Learning.Asynchronous;
using FedChain.Learning.Plans;
using FedChain.Node.Blobs;
using FedChain.Node.Demo;
using FedChain.Node.Rounds;

namespace FedChain.Node.Tests.EndToEnd;

/// <summary>
/// An asynchronous plan (FedBuff, K = 3 of the four hospitals) on four node processes, the last hospital
/// training 5 times as long, with wide windows: every window closes at its third commit, so the slow
/// hospital's updates land stale in later windows.
/// </summary>
public sealed class AsynchronousRun() : ConsortiumRun(new ConsortiumRunBuilder()
    .WithPlan(data => BufferedPlan(data.Schema))
    .SlowingTheLastMember(5)
    .WithWindows(commitSeconds: 120, enrolmentSeconds: 60)
    .WithTimeout(TimeSpan.FromMinutes(5)))
{
    public const int Rounds = 6;

    public const int Buffer = 3;

    public static TrainingPlan BufferedPlan(Learning.Data.Schema.DatasetSchema schema) => DemoPlan.HeartDisease(schema, Rounds, seed: 12) with
    {
        Asynchronous = new AsynchronousSettings(Buffer),
        Contribution = null, // asynchronous rounds take no scores (docs/learning.md, compatibility matrix)
    };

    /// <summary>The chain's arrival windows: each training round's ArrivalsClosed order, each commit's site and the round its signed blob says it trained for.</summary>
    public ArrivalSchedule ChainArrivals()
    {
        var record = Ledger.Plans[PlanId];
        var sites = Members.ToDictionary(m => m.Address.ToLowerInvariant(), m => m.Site);
        return new ArrivalSchedule([.. record.Rounds.Skip(1).Select(r => (IReadOnlyList<Arrival>)[.. r.Arrivals.Select(member =>
        {
            var commit = r.Commitments.Single(c => c.Member.Equals(member, StringComparison.OrdinalIgnoreCase));
            var blob = ExportedBlobs.TryRead(Blobs, Convert.ToHexStringLower(commit.BlobHash)) ?? throw new InvalidOperationException($"blob of {member} in round {r.Round} was not exported");
            return new Arrival(sites[member], (int)BlobEnvelope.Open(blob).Round);
        })])]);
    }
}
