using FedChain.Learning.Compression;
using FedChain.Learning.Contribution;
using FedChain.Learning.Pipeline;
using FedChain.Learning.Plans;

namespace FedChain.Node.Rounds;

/// <summary>
/// What a closed training round aggregates, as every node and the auditor derive it from the chain and
/// the blobs: the participants (accepted blobs, ordered by lower-case address: the roster order scores
/// are recorded in, the same from round to round so rounds batch into one <c>recordScores</c>), the
/// sum of their fixed-point updates, and the updates themselves when they travel unmasked. Committed
/// words are expanded (<see cref="UpdateCompression"/>) to the updates they stand for.
/// </summary>
/// <param name="Sum">The modular sum; null when the round could not be unmasked (the model then stays as it was).</param>
/// <param name="Updates">Each participant's update in roster order; null under secure aggregation.</param>
public sealed record RoundContributions(IReadOnlyList<AcceptedBlob> Participants, uint[]? Sum, IReadOnlyList<MemberUpdate>? Updates)
{
    /// <summary>
    /// Unmasked updates of <paramref name="round"/>: the sum is theirs, and each is visible. Each expands by the
    /// round it trained for (its envelope's: in an asynchronous plan's arrival window, that may be earlier) and
    /// counts as the pipeline weighs it (by staleness, in an asynchronous plan).
    /// </summary>
    public static RoundContributions Plain(IReadOnlyList<AcceptedBlob> accepted, RoundPipeline pipeline, int round)
    {
        var plan = pipeline.Plan;
        var ordered = InRosterOrder(accepted);
        var updates = ordered.Select(a =>
        {
            var trainedFor = (int)a.Envelope.Round;
            var update = new MemberUpdate(UpdateCompression.Expand(plan, EnvelopeBodies.ReadUpdate(a.Envelope.Body, plan.WireLength), trainedFor), (long)a.Envelope.SampleCount);
            return pipeline.Arrived(update, trainedFor, round);
        }).ToList();
        return new(ordered, RoundSum.Of(updates, plan.UpdateLength).Sum, updates);
    }

    /// <summary>The sum of the participants' committed words as collection gathered it (sharded aggregation: masked under
    /// secure aggregation, which unmasks it); null when each participant's blob was collected whole.</summary>
    public uint[]? CommittedSum { get; init; }

    /// <summary>Sharded aggregation: the participants and the sum of their committed words; expanded when the words are plain,
    /// left for unmasking (<see cref="Sum"/> null) when they are masked.</summary>
    public static RoundContributions Collected(IReadOnlyList<AcceptedBlob> accepted, uint[] committedSum, TrainingPlan plan, int round, bool masked) =>
        (masked ? new RoundContributions(InRosterOrder(accepted), null, null) : Unmasked(accepted, committedSum, plan, round)) with { CommittedSum = committedSum };

    /// <summary>Secure aggregation: the survivors and the sum of their committed words their unmasking gave (null: it failed), expanded.</summary>
    public static RoundContributions Unmasked(IReadOnlyList<AcceptedBlob> survivors, uint[]? sum, TrainingPlan plan, int round) =>
        new(InRosterOrder(survivors), sum is null ? null : UpdateCompression.Expand(plan, sum, round), null);

    /// <summary>The round's members as scores name them: lower-case address and committed samples, in roster order.</summary>
    public IReadOnlyList<RosterMember> Roster => [.. Participants.Select(a => new RosterMember(a.Member.ToLowerHex(), (long)a.Envelope.SampleCount))];

    public IReadOnlyList<string> Addresses => [.. Participants.Select(a => a.Member.ToLowerHex())];

    /// <summary>The pipeline's view of the sum; an empty one (no participants) when there is none. Its samples are the
    /// updates' as the pipeline counted them (staleness-weighted in an asynchronous plan), else the committed counts.</summary>
    public RoundSum ToSum(int updateLength) => Sum is null || Participants.Count == 0
        ? new RoundSum(new uint[updateLength], 0, 0)
        : new RoundSum(Sum, Updates?.Sum(u => u.SampleCount) ?? Participants.Sum(a => (long)a.Envelope.SampleCount), Participants.Count);

    private static List<AcceptedBlob> InRosterOrder(IReadOnlyList<AcceptedBlob> blobs) =>
        [.. blobs.OrderBy(a => a.Member.ToLowerHex(), StringComparer.Ordinal)];
}
