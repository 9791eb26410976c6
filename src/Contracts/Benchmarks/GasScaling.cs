namespace FedChain.Contracts.Benchmarks;

/// <summary>
/// Gas against member count: one plan with every member, run to a steady round, with four rounds of
/// scores recorded, a member removed in the middle of a round, and the plan settled.
/// </summary>
internal static class GasScaling
{
    public static IReadOnlyList<int> DefaultMembers { get; } = [4, 16, 64];

    private const int Rounds = 10;

    public static async Task<GasScalingRow> MeasureAsync(int n, IProgress<string>? progress, CancellationToken ct)
    {
        if (n < 4) throw new ArgumentOutOfRangeException(nameof(n), n, "the table needs a plain commit: at least 4 members");
        await using var bench = await BenchConsortium.StartAsync(n, null, ct);
        var (planId, startGas) = await bench.StartPlanAsync(bench.Plan(Rounds, ChainGasBenchmark.EpsilonPerRound), "startPlan", null, ct);
        long plain = 0, round = 0, record = 0;
        for (var r = 0; r <= ChainGasBenchmark.FirstSteadyRound + 1; r++)
        {
            for (var i = 0; i < n; i++)
            {
                var gas = (await bench.Members[i].Ledger.CommitAsync(bench.Commit(planId, i, r), ct)).GasUsed;
                if (r == ChainGasBenchmark.FirstSteadyRound) round += gas;
                if (r == ChainGasBenchmark.FirstSteadyRound && i == 1) plain = gas; // member 1: after the first vote, before quorum (n >= 4)
            }

            if (r == ChainGasBenchmark.FirstSteadyRound + 1) // rounds 1..4 agreed by now (round r's commits agree round r - 2)
                record = (await bench.Members[0].Ledger.RecordScoresAsync([.. Enumerable.Range(1, 4).Select(k => bench.Scores(planId, k))], ct)).GasUsed;
            progress?.Report($"gas table, {n} members: round {r}");
        }

        // The last member commits round 7, then leaves; the next commit applies the removal.
        var next = ChainGasBenchmark.FirstSteadyRound + 2;
        await bench.Members[n - 1].Ledger.CommitAsync(bench.Commit(planId, n - 1, next), ct);
        var removeGas = await bench.RemoveAsync(n - 1, null, ct);
        var afterRemove = (await bench.Members[1].Ledger.CommitAsync(bench.Commit(planId, 1, next), ct)).GasUsed;

        await bench.Members[0].Ledger.CommitAsync(bench.Commit(planId, 0, next), ct);
        for (var i = 2; i < n - 1; i++) await bench.Members[i].Ledger.CommitAsync(bench.Commit(planId, i, next), ct);
        await new Chain.AnvilControl(bench.Members[0].Chain).IncreaseTimeAsync(3_600, ct);
        var cancel = Governance.Proposals.CancelPlan(bench.Addresses, planId);
        await bench.PassAsync(cancel, "cancelPlan", null, ct);
        var settle = (await bench.Members[0].Ledger.SettleAsync(planId, ct)).GasUsed;
        return new GasScalingRow
        {
            Members = n,
            Commit = plain,
            CommitRound = round,
            RecordScores = record,
            StartPlan = startGas,
            Remove = removeGas,
            FirstCommitAfterRemove = afterRemove,
            Settle = settle,
        };
    }
}
