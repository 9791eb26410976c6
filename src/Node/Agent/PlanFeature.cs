using FedChain.Contracts.Ledger;
using FedChain.Learning.Pipeline;
using FedChain.Learning.Training;
using FedChain.Node.Rounds;

namespace FedChain.Node.Agent;

/// <summary>
/// A feature of the node's round loop (privacy budgets, secure aggregation, contribution scores, personal models),
/// chosen once when the plan loads (<see cref="PlanFeatures"/>) and owning its state for the whole
/// plan. <see cref="PlanRunner"/> calls every feature at each named hook, in the order the features
/// were added; a feature overrides the hooks it needs and the others do nothing
/// (docs/node.md, "The round loop and its hooks"). The hooks follow <see cref="RoundHook"/>.
/// </summary>
public abstract class PlanFeature(PlanRun run)
{
    protected PlanRun Run { get; } = run;

    /// <summary>Plan load, before opting in: why this node cannot run the plan with this feature (null: it can).</summary>
    public virtual Task<string?> RefusalAsync(CancellationToken ct) => Task.FromResult<string?>(null);

    /// <summary>A round opened and this node is due to commit it: start work that may overlap training (for example an earlier round's score vote).</summary>
    public virtual void RoundOpened(int round, CancellationToken ct)
    {
    }

    /// <summary>Round 0, before the moments commit (secure aggregation's key exchange). False: this node does not commit the round.</summary>
    public virtual Task<bool> BeforeMomentsAsync(CancellationToken ct) => Task.FromResult(true);

    /// <summary>
    /// <see cref="RoundHook.LocalTraining"/> and <see cref="RoundHook.ClippingAndNoise"/>: wraps the round's
    /// training (<paramref name="train"/> runs the pipeline's training stage, or the next feature's wrapper),
    /// as a resilience strategy wraps a call. Null: this member does not train or commit the round.
    /// </summary>
    public virtual ClientUpdate? Train(int round, ClientState state, Func<ClientUpdate?> train) => train();

    /// <summary><see cref="RoundHook.Masking"/>: the envelope kind and body values to commit, from the previous feature's; null: do not commit.</summary>
    public virtual Task<(EnvelopeKind Kind, uint[] Values)?> ProtectAsync(int round, EnvelopeKind kind, uint[] values, CancellationToken ct) =>
        Task.FromResult<(EnvelopeKind, uint[])?>((kind, values));

    /// <summary><see cref="RoundHook.PublishAndCommit"/>: whether this node publishes its blob of the round before committing its hash (false only for a test-only misbehaviour that withholds it).</summary>
    public virtual bool Publishes(int round) => true;

    /// <summary><see cref="RoundHook.PublishAndCommit"/>: the body of the blob to commit, from the previous feature's (plain: the words
    /// <paramref name="values"/> as they are; sharded aggregation publishes them as shards and commits the shards' list).</summary>
    public virtual Task<byte[]> PublishBodyAsync(int round, uint[] values, byte[] body, CancellationToken ct) => Task.FromResult(body);

    /// <summary><see cref="RoundHook.PublishAndCommit"/>: fields this feature adds to the commitment (a score vote).</summary>
    public virtual Task<RoundCommitment> CommitmentAsync(int round, RoundCommitment commitment, ClientUpdate? update, CancellationToken ct) => Task.FromResult(commitment);

    /// <summary>This member commits nothing in <paramref name="round"/> (budget spent, no masking keys): votes its commit would have carried.</summary>
    public virtual Task NotCommittingAsync(int round, CancellationToken ct) => Task.CompletedTask;

    /// <summary>
    /// <see cref="RoundHook.Collection"/>: whether this node holds everything <paramref name="blob"/> relies on
    /// besides its own bytes (secure aggregation: the member's pinned key and share blobs). False counts as the
    /// blob missing: the node waits for it and votes it out at the availability deadline.
    /// </summary>
    public virtual Task<bool> HoldsAsync(int round, AcceptedBlob blob, CancellationToken ct) => Task.FromResult(true);

    /// <summary>After <see cref="RoundHook.Collection"/>: round 0's accepted blobs (the secure-aggregation roster is fixed by them).</summary>
    public virtual void MomentsCollected(IReadOnlyList<AcceptedBlob> accepted)
    {
    }

    /// <summary><see cref="RoundHook.Collection"/> and <see cref="RoundHook.Unmasking"/>: the round's contributions from the previous
    /// feature's (plain: the accepted blobs' sum; sharded aggregation: the sum its members computed; secure aggregation: that sum unmasked).</summary>
    public virtual Task<RoundContributions> CombineAsync(int round, IReadOnlyList<AcceptedBlob> accepted, RoundContributions contributions, CancellationToken ct) =>
        Task.FromResult(contributions);

    /// <summary><see cref="RoundHook.EvaluationAndScoring"/>: the round's server inputs, before the track applies them.</summary>
    public virtual Task AggregatingAsync(RoundInputs inputs, RoundContributions contributions, CancellationToken ct) => Task.CompletedTask;

    /// <summary>After <see cref="RoundHook.ServerRule"/>: the round's result with what this feature adds to it (at <see cref="RoundHook.PersonalHeads"/>, the personal model's metrics).</summary>
    public virtual RoundResult RoundAggregated(RoundResult result, AggregateTrack track) => result;

    /// <summary>After the last round, before result.json is written.</summary>
    public virtual Task FinishAsync(CancellationToken ct) => Task.CompletedTask;
}
