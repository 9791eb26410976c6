
namespace FedChain.Contracts.Benchmarks;

/// <summary>
/// What each check added to the ledger costs, measured as differences between commits that differ in
/// that one thing: two plans on five members run side by side, A charged epsilon and pinning reports,
/// B neither; always member 1's commit, the second vote of its round (after the first, before agreement).
/// Figures from before the checks (docs/chain.md's earlier table: plain commit 52,437, closing commit
/// 55,472) give the cost of what every commit now does.
/// </summary>
internal static class CheckGasProbe
{
    private const int Members = 5; // roles in a round: 0 first vote, 1 plain, 2 agreeing (quorum 3), 3 plain, 4 closing
    private const long PlainCommitBefore = 52_437;
    private const long ClosingOverPlainBefore = 55_472 - 52_437;

    public static async Task<SortedDictionary<string, long>> RunAsync(IProgress<string>? progress, CancellationToken ct)
    {
        await using var bench = await BenchConsortium.StartAsync(Members, null, ct);
        var (a, _) = await bench.StartPlanAsync(bench.Plan(10, ChainGasBenchmark.EpsilonPerRound, "charged"), "a", null, ct);
        var (b, _) = await bench.StartPlanAsync(bench.Plan(10, 0, "uncharged"), "b", null, ct);
        var gasA = new Dictionary<(int Round, int Member), long>();
        var gasB = new Dictionary<(int Round, int Member), long>();
        for (var r = 0; r <= 6; r++)
        {
            for (var i = 0; i < Members; i++)
            {
                // In A every commit pins a report except member 1's in round 6; B never pins.
                gasA[(r, i)] = (await bench.Members[i].Ledger.CommitAsync(bench.Commit(a, i, r, pin: !(r == 6 && i == 1)), ct)).GasUsed;
                gasB[(r, i)] = (await bench.Members[i].Ledger.CommitAsync(bench.Commit(b, i, r, pin: false), ct)).GasUsed;
            }

            progress?.Report($"check probes: round {r}");
        }

        // Round 7 of A, after the availability window: member 1's commit carries a ballot against member 4's round-6 blob.
        await new Chain.AnvilControl(bench.Members[0].Chain).IncreaseTimeAsync(bench.Plan(10, 0).AvailabilityWindow, ct);
        var ballot = await bench.Members[1].Ledger.BallotAsync(a, [bench.MemberAddresses[4]], ct);
        for (var i = 0; i < Members; i++)
            gasA[(7, i)] = (await bench.Members[i].Ledger.CommitAsync(bench.Commit(a, i, 7) with { MissingBallot = i == 1 ? ballot : default }, ct)).GasUsed;

        // Round 7 of B: member 4 is removed after the first commit; member 1's commit applies the removal.
        gasB[(7, 0)] = (await bench.Members[0].Ledger.CommitAsync(bench.Commit(b, 0, 7, pin: false), ct)).GasUsed;
        await bench.RemoveAsync(4, null, ct);
        gasB[(7, 1)] = (await bench.Members[1].Ledger.CommitAsync(bench.Commit(b, 1, 7, pin: false), ct)).GasUsed;

        // Member 1's commits are the same role every round (the second vote, before agreement): compare them across rounds.
        var pin = gasA[(5, 1)] - gasA[(6, 1)];
        return new SortedDictionary<string, long>(StringComparer.Ordinal)
        {
            ["commit_plain_before"] = PlainCommitBefore,
            ["commit_plain_now_uncharged_unpinned"] = gasB[(5, 1)],
            ["every_commit_checks"] = gasB[(5, 1)] - PlainCommitBefore,
            ["pinned_report_hash"] = pin,
            ["privacy_charge"] = gasA[(5, 1)] - gasB[(5, 1)] - pin,
            ["round_close_committer_ring"] = gasA[(5, 4)] - gasA[(5, 1)] - ClosingOverPlainBefore,
            ["exclusion_ballot_on_a_commit"] = gasA[(7, 1)] - gasA[(5, 1)],
            ["removal_applied_by_next_commit"] = gasB[(7, 1)] - gasB[(6, 1)],
        };
    }
}
