namespace FedChain.Learning.Plans;

/// <summary>
/// A member's record count as declared in the plan. With DP on, this public number, not the count
/// the member holds when it trains, weights its update and is committed on-chain (docs/privacy.md, "Counts").
/// </summary>
/// <param name="Member">The member's site name, as in sites.json (it also seeds the member's batches).</param>
/// <param name="Records">The declared training-record count; a member may round it when even the count at plan time is sensitive.</param>
public sealed record DeclaredCount(string Member, long Records);
