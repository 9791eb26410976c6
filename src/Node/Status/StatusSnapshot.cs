namespace FedChain.Node.Status;

/// <summary>
/// What a running node shows on its status page, in /status.json and (as gauges) in /metrics:
/// its plans with their round and phase, its peers with their penalty scores, the chain's height and
/// how far the node lags it, privacy spent per plan, its last commits, its blob store and recent errors.
/// </summary>
public sealed record StatusSnapshot(
    string Address,
    string Site,
    string? Endpoint,
    long At,
    ChainStatus Chain,
    IReadOnlyList<PlanStatusLine> Plans,
    IReadOnlyList<PeerStatus> Peers,
    IReadOnlyList<CommitLine> LastCommits,
    BlobStoreStatus BlobStore,
    IReadOnlyList<ErrorLine> RecentErrors);

/// <param name="Lag">Blocks between the chain's head and the last block whose events this node applied.</param>
public sealed record ChainStatus(string Rpc, long ChainId, ulong Height, ulong AppliedThrough, ulong Lag, int Confirmations);

/// <param name="Consent">approved, awaiting local approval, or refused (null once the node took part).</param>
/// <param name="EpsilonSpent">This member's cumulative epsilon on-chain for the plan (0 without DP).</param>
public sealed record PlanStatusLine(string PlanId, string PlanHash, string Status, int? Round, int ChainRounds, string? Phase, string? Consent, string? ConsentReason,
    double EpsilonSpent, double EpsilonBudget, string? ModelHash);

/// <param name="Score">The peer-penalty score (0 is clean; negative is penalised).</param>
public sealed record PeerStatus(string Address, string? Name, bool Connected, double Score, bool Banned);

/// <param name="OpenedAt">When the round opened (chain timestamp).</param>
public sealed record CommitLine(string PlanId, uint Round, string BlobHash, ulong SampleCount, ulong OpenedAt);

public sealed record BlobStoreStatus(int Blobs, long Bytes);

/// <param name="At">Unix milliseconds of the node's clock.</param>
public sealed record ErrorLine(long At, string? PlanId, string Detail);
