using System.Numerics;
using FedChain.Contracts.Client;

namespace FedChain.Contracts.Ledger;

/// <summary>
/// The TrainingLedger as this client's institution sees it: opt in, commit, vote, exclude, pin, record
/// scores, settle, and the views. Governance, settlement and views are LedgerAdministration's code,
/// called at the ledger's address like the rest (the ledger delegates them).
/// </summary>
public sealed class LedgerClient(ChainClient chain, string ledger)
{
    private static readonly byte[] NoVote = new byte[32];

    /// <summary>
    /// Gas floor for round operations. Their cost depends on what other members' transactions land
    /// first: the commit estimated as a plain one (about 52k) may be mined as the one that reaches a
    /// quorum and closes the round (about 80k, docs/chain.md "Gas"), and in an asynchronous plan as the
    /// K-th commit that closes an arrival window (its ArrivalsClosed list emitted and cleared: 118k with
    /// K = 3 in forge's gas report). Only gas used is paid.
    /// </summary>
    public const long RoundOperationGasFloor = 250_000;

    public string Address => ledger;

    public Task<TransactionOutcome> OptInAsync(BigInteger planId, CancellationToken ct = default) =>
        chain.SendAsync(ledger, new LedgerFunctions.OptIn { PlanId = planId }, ct);

    /// <summary>Commits an update for a round (one transaction per member per round in steady state).</summary>
    public Task<TransactionOutcome> CommitAsync(RoundCommitment c, CancellationToken ct = default) =>
        chain.SendAsync(ledger, new LedgerFunctions.Commit
        {
            PlanId = c.PlanId,
            Round = c.Round,
            BlobHash = Hash32(c.BlobHash, nameof(c.BlobHash)),
            SampleCount = c.SampleCount,
            AggregateVote = c.AggregateVote is null ? NoVote : Hash32(c.AggregateVote, nameof(c.AggregateVote)),
            ScoresVote = c.ScoresVote is null ? NoVote : Hash32(c.ScoresVote, nameof(c.ScoresVote)),
            PinnedHash = c.PinnedHash is null ? NoVote : Hash32(c.PinnedHash, nameof(c.PinnedHash)),
            Missing = c.MissingBallot,
        }, ct, RoundOperationGasFloor);

    /// <summary>Casts an exclusion ballot for the last closed round outside a commit: the listed members'
    /// committed blobs are not available to this node (docs/chain.md, "Data availability").</summary>
    public async Task<TransactionOutcome> VoteExclusionAsync(BigInteger planId, uint round, IEnumerable<string> missingMembers, CancellationToken ct = default) =>
        await chain.SendAsync(ledger, new LedgerFunctions.VoteExclusion
        {
            PlanId = planId,
            Round = round,
            Missing = await BallotAsync(planId, missingMembers, ct),
        }, ct, RoundOperationGasFloor);

    /// <summary>The exclusion ballot (bitmap over participant indexes) that names <paramref name="missingMembers"/>.</summary>
    public async Task<BigInteger> BallotAsync(BigInteger planId, IEnumerable<string> missingMembers, CancellationToken ct = default)
    {
        var byIndex = await ParticipantsByIndexAsync(planId, ct);
        var ballot = BigInteger.Zero;
        foreach (var member in missingMembers)
        {
            var index = byIndex.FindIndex(a => string.Equals(a, member, StringComparison.OrdinalIgnoreCase));
            if (index < 0) throw new ArgumentException($"{member} is not a participant of plan {planId}", nameof(missingMembers));
            ballot |= BigInteger.One << index;
        }

        return ballot;
    }

    /// <summary>Pins a blob of a closed round that no commit carried (e.g. the last round's utility report).</summary>
    public Task<TransactionOutcome> PinAsync(BigInteger planId, uint round, byte[] hash, CancellationToken ct = default) =>
        chain.SendAsync(ledger, new LedgerFunctions.Pin { PlanId = planId, Round = round, Hash = Hash32(hash, nameof(hash)) }, ct, RoundOperationGasFloor);

    /// <summary>Pays a plan's rewards once recording is over (completed and every training round recorded, or
    /// its settlement window passed; or cancelled). A participant calls it; recordScores does it when it records the last round.</summary>
    public Task<TransactionOutcome> SettleAsync(BigInteger planId, CancellationToken ct = default) =>
        chain.SendAsync(ledger, new LedgerFunctions.Settle { PlanId = planId }, ct);

    /// <summary>Votes a closed round's aggregate hash outside a commit (the last round, or catching up).</summary>
    public Task<TransactionOutcome> VoteAggregateAsync(BigInteger planId, uint round, byte[] aggregateHash, CancellationToken ct = default) =>
        chain.SendAsync(ledger, new LedgerFunctions.VoteAggregate { PlanId = planId, Round = round, AggregateHash = Hash32(aggregateHash, nameof(aggregateHash)) }, ct, RoundOperationGasFloor);

    /// <summary>Votes an analysis plan's result hash: the results this member computed after the closed round
    /// <paramref name="round"/>. A quorum of equal votes completes the plan, early when rounds are left.</summary>
    public Task<TransactionOutcome> VoteResultAsync(BigInteger planId, uint round, byte[] resultHash, CancellationToken ct = default) =>
        chain.SendAsync(ledger, new LedgerFunctions.VoteResult { PlanId = planId, Round = round, ResultHash = Hash32(resultHash, nameof(resultHash)) }, ct, RoundOperationGasFloor);

    /// <summary>An analysis plan's leading or agreed result hash and the round it follows.</summary>
    public Task<LedgerFunctions.AgreedResultOutput> AgreedResultAsync(BigInteger planId, CancellationToken ct = default) =>
        chain.CallDtoAsync<LedgerFunctions.AgreedResult, LedgerFunctions.AgreedResultOutput>(ledger, new() { PlanId = planId }, ct: ct);

    /// <summary>Votes so far for <paramref name="hash"/> as an analysis plan's results after <paramref name="round"/>.</summary>
    public Task<BigInteger> ResultVotesAsync(BigInteger planId, uint round, byte[] hash, CancellationToken ct = default) =>
        chain.CallAsync<LedgerFunctions.ResultVotes, BigInteger>(ledger, new() { PlanId = planId, Round = round, Hash = Hash32(hash, nameof(hash)) }, ct: ct);

    /// <summary>Votes a closed round's score-vector hash outside a commit.</summary>
    public Task<TransactionOutcome> VoteScoresAsync(BigInteger planId, uint round, byte[] scoresHash, CancellationToken ct = default) =>
        chain.SendAsync(ledger, new LedgerFunctions.VoteScores { PlanId = planId, Round = round, ScoresHash = Hash32(scoresHash, nameof(scoresHash)) }, ct, RoundOperationGasFloor);

    /// <summary>Submits a round's agreed score vector; the ledger mints the rewards.</summary>
    public Task<TransactionOutcome> RecordScoresAsync(ScoreVector scores, CancellationToken ct = default) =>
        RecordScoresAsync([scores], ct);

    /// <summary>Submits the agreed score vectors of consecutive rounds of one plan, for the same
    /// members, in one transaction: each member's rewards are minted once for all of them.</summary>
    public Task<TransactionOutcome> RecordScoresAsync(IReadOnlyList<ScoreVector> rounds, CancellationToken ct = default)
    {
        if (rounds.Count == 0) throw new ArgumentException("no score vectors to record", nameof(rounds));
        var first = rounds[0];
        for (var i = 0; i < rounds.Count; i++)
        {
            var r = rounds[i];
            if (r.PlanId != first.PlanId || r.Round != first.Round + i)
                throw new ArgumentException($"score vectors must be consecutive rounds of one plan: item {i} is plan {r.PlanId} round {r.Round}, expected plan {first.PlanId} round {first.Round + i}", nameof(rounds));
            if (!r.Members.SequenceEqual(first.Members, StringComparer.OrdinalIgnoreCase) || r.Scores.Count != r.Members.Count)
                throw new ArgumentException($"score vector for round {r.Round} does not list the same members as round {first.Round}, one score each", nameof(rounds));
        }

        return chain.SendAsync(ledger, new LedgerFunctions.RecordScores
        {
            PlanId = first.PlanId,
            FirstRound = first.Round,
            Members = first.Members.ToList(),
            Scores = rounds.SelectMany(r => r.Scores).ToList(),
        }, ct);
    }

    /// <summary>Moves a plan past an expired enrolment or round deadline.</summary>
    public Task<TransactionOutcome> AdvanceAsync(BigInteger planId, CancellationToken ct = default) =>
        chain.SendAsync(ledger, new LedgerFunctions.Advance { PlanId = planId }, ct, RoundOperationGasFloor);

    public Task<BigInteger> PlanCountAsync(CancellationToken ct = default) =>
        chain.CallAsync<LedgerFunctions.PlanCount, BigInteger>(ledger, new(), ct: ct);

    public async Task<LedgerFunctions.PlanStateTuple> PlanStateAsync(BigInteger planId, CancellationToken ct = default) =>
        (await chain.CallDtoAsync<LedgerFunctions.GetPlanState, LedgerFunctions.PlanStateOutput>(ledger, new() { PlanId = planId }, ct: ct)).State;

    public async Task<LedgerFunctions.ParticipantTuple> ParticipantAsync(BigInteger planId, string account, CancellationToken ct = default) =>
        (await chain.CallDtoAsync<LedgerFunctions.GetParticipant, LedgerFunctions.ParticipantOutput>(ledger, new() { PlanId = planId, Account = account }, ct: ct)).Participant;

    public Task<LedgerFunctions.AgreedScoresOutput> AgreedScoresAsync(BigInteger planId, uint round, CancellationToken ct = default) =>
        chain.CallDtoAsync<LedgerFunctions.AgreedScores, LedgerFunctions.AgreedScoresOutput>(ledger, new() { PlanId = planId, Round = round }, ct: ct);

    public Task<LedgerFunctions.TallyOutput> TallyAsync(BigInteger planId, AgreementKind kind, uint round, CancellationToken ct = default) =>
        chain.CallDtoAsync<LedgerFunctions.TallyOf, LedgerFunctions.TallyOutput>(ledger, new() { PlanId = planId, Kind = (byte)kind, Round = round }, ct: ct);

    /// <summary>The contract's own hash of a score vector (equals <see cref="ScoreVector.Hash"/>).</summary>
    public Task<byte[]> ScoresHashAsync(ScoreVector scores, CancellationToken ct = default) =>
        chain.CallAsync<LedgerFunctions.ScoresHash, byte[]>(ledger, new()
        {
            PlanId = scores.PlanId,
            Round = scores.Round,
            Members = scores.Members.ToList(),
            Scores = scores.Scores.ToList(),
        }, ct: ct);

    /// <summary>Pins this member's signed evaluation blob of a completed plan's final model (once per participant).</summary>
    public Task<TransactionOutcome> PinEvaluationAsync(BigInteger planId, byte[] blobHash, CancellationToken ct = default) =>
        chain.SendAsync(ledger, new LedgerFunctions.PinEvaluation { PlanId = planId, BlobHash = Hash32(blobHash, nameof(blobHash)) }, ct);

    /// <summary>Names <paramref name="member"/> as having lied in round <paramref name="round"/>'s sharded aggregation: its
    /// <paramref name="claim"/> (gossip message id) for <paramref name="shard"/>, naming sum blob <paramref name="aggregate"/>.</summary>
    public Task<TransactionOutcome> ReportAggregatorFindingAsync(BigInteger planId, uint round, string member, uint shard, byte[] claim, byte[] aggregate, byte reason, CancellationToken ct = default) =>
        chain.SendAsync(ledger, new LedgerFunctions.ReportAggregatorFinding
        {
            PlanId = planId, Round = round, Member = member, Shard = shard, Claim = Hash32(claim, nameof(claim)), Aggregate = Hash32(aggregate, nameof(aggregate)), Reason = reason,
        }, ct);

    public Task<byte[]> ReleasedModelAsync(BigInteger planId, CancellationToken ct = default) =>
        chain.CallAsync<LedgerFunctions.ReleasedModel, byte[]>(ledger, new() { PlanId = planId }, ct: ct);

    public async Task<LedgerFunctions.PlanConfigTuple> PlanConfigAsync(BigInteger planId, CancellationToken ct = default) =>
        (await chain.CallDtoAsync<LedgerFunctions.GetPlanConfig, LedgerFunctions.PlanConfigOutput>(ledger, new() { PlanId = planId }, ct: ct)).Config;

    /// <summary>Micro-epsilon the ledger charged <paramref name="account"/> in the plan.</summary>
    public Task<ulong> EpsilonSpentAsync(BigInteger planId, string account, CancellationToken ct = default) =>
        chain.CallAsync<LedgerFunctions.EpsilonSpent, ulong>(ledger, new() { PlanId = planId, Account = account }, ct: ct);

    /// <summary>The most the plan can charge one member, micro-epsilon.</summary>
    public Task<ulong> PlanEpsilonCostAsync(BigInteger planId, CancellationToken ct = default) =>
        chain.CallAsync<LedgerFunctions.PlanEpsilonCost, ulong>(ledger, new() { PlanId = planId }, ct: ct);

    /// <summary>Whether the rest of the plan fits <paramref name="member"/>'s lifetime budget on its dataset:
    /// a node refuses a plan that does not.</summary>
    public Task<LedgerFunctions.LifetimeFitOutput> FitsLifetimeBudgetAsync(BigInteger planId, string member, CancellationToken ct = default) =>
        chain.CallDtoAsync<LedgerFunctions.FitsLifetimeBudget, LedgerFunctions.LifetimeFitOutput>(ledger, new() { PlanId = planId, Member = member }, ct: ct);

    /// <summary>Every member's lifetime budget on a dataset (schema hash), micro-epsilon.</summary>
    public Task<ulong> LifetimeBudgetAsync(byte[] dataset, CancellationToken ct = default) =>
        chain.CallAsync<LedgerFunctions.LifetimeBudget, ulong>(ledger, new() { Dataset = Hash32(dataset, nameof(dataset)) }, ct: ct);

    public Task<ulong> LifetimeSpentAsync(string member, byte[] dataset, CancellationToken ct = default) =>
        chain.CallAsync<LedgerFunctions.LifetimeSpent, ulong>(ledger, new() { Member = member, Dataset = Hash32(dataset, nameof(dataset)) }, ct: ct);

    public Task<ulong> DefaultLifetimeBudgetAsync(CancellationToken ct = default) =>
        chain.CallAsync<LedgerFunctions.DefaultLifetimeBudget, ulong>(ledger, new(), ct: ct);

    public Task<BigInteger> MaxRewardPoolAsync(CancellationToken ct = default) =>
        chain.CallAsync<LedgerFunctions.MaxRewardPool, BigInteger>(ledger, new(), ct: ct);

    /// <summary>What <paramref name="member"/> would be paid if the plan settled now.</summary>
    public Task<BigInteger> RewardOfAsync(BigInteger planId, string member, CancellationToken ct = default) =>
        chain.CallAsync<LedgerFunctions.RewardOf, BigInteger>(ledger, new() { PlanId = planId, Member = member }, ct: ct);

    public Task<List<string>> InviteesAsync(BigInteger planId, CancellationToken ct = default) =>
        chain.CallAsync<LedgerFunctions.Invitees, List<string>>(ledger, new() { PlanId = planId }, ct: ct);

    /// <summary>The participants in opt-in order: element i is bit i of an exclusion ballot.</summary>
    public Task<List<string>> ParticipantsByIndexAsync(BigInteger planId, CancellationToken ct = default) =>
        chain.CallAsync<LedgerFunctions.ParticipantsByIndex, List<string>>(ledger, new() { PlanId = planId }, ct: ct);

    /// <summary>A closed round's committers less its excluded blobs (within 32 rounds): what its score vector must name.</summary>
    public Task<byte> RoundCommittersAsync(BigInteger planId, uint round, CancellationToken ct = default) =>
        chain.CallAsync<LedgerFunctions.RoundCommitters, byte>(ledger, new() { PlanId = planId, Round = round }, ct: ct);

    public Task<LedgerFunctions.ExclusionOutput> ExclusionAsync(BigInteger planId, uint round, string member, CancellationToken ct = default) =>
        chain.CallDtoAsync<LedgerFunctions.ExclusionOf, LedgerFunctions.ExclusionOutput>(ledger, new() { PlanId = planId, Round = round, Member = member }, ct: ct);

    private static byte[] Hash32(byte[] hash, string name) =>
        hash.Length == 32 ? hash : throw new ArgumentException($"{name} must be 32 bytes (SHA-256), got {hash.Length}", name);
}
