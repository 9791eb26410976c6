using FedChain.Contracts.Governance;
using FedChain.Contracts.Membership;
using Nethereum.Web3.Accounts;

namespace FedChain.Contracts.Benchmarks;

/// <summary>
/// Measures the consortium's gas on a fresh anvil: deployment, governance, and a whole plan in which
/// every member commits once per round (carrying its votes on the previous aggregate and on the score
/// vector of round r - 2, and the pin of its utility report), the agreed scores are recorded in
/// batches and the plan settles. The per-member and fixed figures come from the same run with one
/// member fewer (see <see cref="GasReport"/>). It then measures an analysis plan that closes early
/// (<see cref="AnalysisGas"/>), what each new check costs (<see cref="CheckGasProbe"/>) and how gas
/// grows with the member count (<see cref="GasScaling"/>).
/// </summary>
public static class ChainGasBenchmark
{
    /// <summary>The tally rings (2 and 3 rounds) are warm from this round on.</summary>
    internal const int FirstSteadyRound = 5;

    /// <summary>Micro-epsilon charged per training round in the measured plans.</summary>
    internal const uint EpsilonPerRound = 100_000;

    /// <param name="recordEvery">Agreed scores are recorded for this many rounds at a time.</param>
    /// <param name="scaling">Also measure commit, recordScores, startPlan and remove at these member counts (default 4, 16, 64; empty for none).</param>
    public static async Task<GasReport> RunAsync(int members = 4, int rounds = 10, int recordEvery = 4, IProgress<string>? progress = null,
        CancellationToken ct = default, IReadOnlyList<int>? scaling = null)
    {
        if (recordEvery is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(recordEvery), recordEvery, "must be within 1..4");
        if (members is < 3 or > 64) throw new ArgumentOutOfRangeException(nameof(members), members, "must be within 3..64 (the per-member figure compares with one member fewer, and agreement needs two)");
        if (rounds < FirstSteadyRound + 2) throw new ArgumentOutOfRangeException(nameof(rounds), rounds, $"must be at least {FirstSteadyRound + 2} to reach steady state");

        var main = await RunScenarioAsync(members, rounds, recordEvery, progress, ct);
        var smaller = await RunScenarioAsync(members - 1, rounds, recordEvery, progress, ct);

        var steady = Enumerable.Range(FirstSteadyRound, rounds - 1 - FirstSteadyRound).ToList(); // the last round also completes the plan
        var total = Steady(main, steady, recordEvery);
        var totalSmaller = Steady(smaller, steady, recordEvery);
        var perMember = (long)Math.Round(total - totalSmaller);
        var checks = await CheckGasProbe.RunAsync(progress, ct);
        checks["recordScores_per_member_per_batch"] = main.LastRecordGas - smaller.LastRecordGas;
        checks["settle_per_member"] = main.SettleGas - smaller.SettleGas;
        await AnalysisGas.MeasureAsync(members, main.Operations, progress, ct);
        var table = new List<GasScalingRow>();
        foreach (var n in scaling ?? GasScaling.DefaultMembers) table.Add(await GasScaling.MeasureAsync(n, progress, ct));
        return new GasReport
        {
            Operations = main.Operations,
            PerMemberPerRound = perMember,
            PerRoundFixed = (long)Math.Round(total) - members * perMember,
            Members = members,
            Rounds = rounds,
            GasPerRound = main.GasPerRound,
            CommitGasPerRound = main.CommitGasPerRound,
            Checks = checks,
            Scaling = table,
            Method =
                $"A steady round's gas T(n) is the mean gas of all commits in rounds {steady[0]}..{steady[^1]} (tally rings warm; the last round, which also completes the plan, left out) " +
                $"plus 1/{recordEvery} of the last recordScores, which records {recordEvery} rounds' agreed scores and adds them to each member's net score: " +
                $"T({members}) = {total:F0}, T({members - 1}) = {totalSmaller:F0} from the same run with one member fewer. " +
                $"per_member_per_round = T({members}) - T({members - 1}); per_round_fixed = T({members}) - {members} * per_member_per_round. " +
                $"Like startPlan and the opt-ins, the settlement that mints the plan's rewards is paid once per plan, not per round: ledger_settle_{members}_members, " +
                $"checks.settle_per_member (a first reward pays for a fresh token balance).",
        };
    }

    private sealed record ScenarioResult(SortedDictionary<string, long> Operations, List<long> GasPerRound, List<long> CommitGasPerRound, long LastRecordGas, long SettleGas);

    private static double Steady(ScenarioResult run, IReadOnlyList<int> rounds, int recordEvery) =>
        rounds.Average(r => (double)run.CommitGasPerRound[r]) + run.LastRecordGas / (double)recordEvery;

    private static async Task<ScenarioResult> RunScenarioAsync(int n, int rounds, int recordEvery, IProgress<string>? progress, CancellationToken ct)
    {
        var ops = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var bench = await BenchConsortium.StartAsync(n, ops, ct);
        progress?.Report($"{n} members: consortium deployed");
        var (planId, _) = await bench.StartPlanAsync(bench.Plan(rounds, EpsilonPerRound), "startPlan", ops, ct);

        var gasPerRound = new List<long>();
        var commitGasPerRound = new List<long>();
        long lastRecord = 0;
        for (var r = 0; r < rounds; r++)
        {
            long roundGas = 0;
            for (var i = 0; i < n; i++)
            {
                var commit = await bench.Members[i].Ledger.CommitAsync(bench.Commit(planId, i, r), ct);
                roundGas += commit.GasUsed;
                if (r == FirstSteadyRound) ops[CommitRole(i, n)] = commit.GasUsed;
                if (r == 0 && i == 0) ops["ledger_commit_round_0"] = commit.GasUsed;
            }

            commitGasPerRound.Add(roundGas);
            var agreedUpTo = r - 2; // this round's commits agreed the scores of round r - 2 (round 0 is not scored)
            if (agreedUpTo >= 1 && agreedUpTo % recordEvery == 0)
            {
                var batch = Enumerable.Range(agreedUpTo + 1 - recordEvery, recordEvery).Select(k => bench.Scores(planId, k)).ToList();
                var record = await bench.Members[0].Ledger.RecordScoresAsync(batch, ct);
                roundGas += record.GasUsed;
                lastRecord = record.GasUsed;
                ops[$"ledger_recordScores_{recordEvery}_rounds_{n}_members"] = record.GasUsed;
            }

            gasPerRound.Add(roundGas);
            progress?.Report($"{n} members: round {r} used {roundGas:N0} gas");
        }

        // After the last round: the last aggregate and the last two rounds' scores are voted on their own,
        // the remaining scores recorded, the plan settled, and the model released.
        var last = (uint)rounds - 1;
        var quorum = Ledger.Quorum.VotesNeeded(n, 51);
        for (var i = 0; i < quorum; i++)
        {
            ops["ledger_voteAggregate"] = (await bench.Members[i].Ledger.VoteAggregateAsync(planId, last, BenchConsortium.Sha($"model {planId}/{last}"), ct)).GasUsed;
            for (var k = rounds - 2; k < rounds; k++) ops["ledger_voteScores"] = (await bench.Members[i].Ledger.VoteScoresAsync(planId, (uint)k, bench.Scores(planId, k).Hash(), ct)).GasUsed;
        }

        // Every round but the last is recorded, so the plan settles on its own call (measured alone) after its window.
        var recorded = (rounds - 3) / recordEvery * recordEvery; // rounds 1..recorded are recorded
        var rest = Enumerable.Range(recorded + 1, rounds - 2 - recorded).Select(k => bench.Scores(planId, k)).ToList();
        if (rest.Count > 0) ops[$"ledger_recordScores_last_{rest.Count}_rounds"] = (await bench.Members[0].Ledger.RecordScoresAsync(rest, ct)).GasUsed;
        await new Chain.AnvilControl(bench.Members[0].Chain).IncreaseTimeAsync(bench.Plan(rounds, EpsilonPerRound).SettlementWindow, ct);
        var settle = (await bench.Members[0].Ledger.SettleAsync(planId, ct)).GasUsed;
        ops[$"ledger_settle_{n}_members"] = settle;
        await bench.PassAsync(Proposals.ReleaseModel(bench.Addresses, planId, BenchConsortium.Sha($"model {planId}/{last}"), BenchConsortium.Sha("evaluation report")), "releaseModel", ops, ct);
        var newcomer = new MemberInfo(new Account(bench.NewcomerKey).Address, MemberRole.Member, "Newcomer", "127.0.0.1:7999");
        await bench.PassAsync(Proposals.Admit(bench.Addresses, newcomer), "admit", ops, ct);
        return new ScenarioResult(ops, gasPerRound, commitGasPerRound, lastRecord, settle);
    }

    /// <summary>In a steady round with quorum 51 %: the first commit opens both tallies, the q-th
    /// agrees them, the last closes the round; any other is a plain commit.</summary>
    private static string CommitRole(int i, int n)
    {
        var quorum = Ledger.Quorum.VotesNeeded(n, 51);
        return i switch
        {
            0 => "ledger_commit_first_vote",
            _ when i == n - 1 => "ledger_commit_closing_round",
            _ when i == quorum - 1 => "ledger_commit_finalising",
            _ => "ledger_commit_plain",
        };
    }
}
