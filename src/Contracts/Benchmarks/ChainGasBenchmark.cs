using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using FedChain.Contracts.Chain;
using FedChain.Contracts.Client;
using FedChain.Contracts.Deployment;
using FedChain.Contracts.Governance;
using FedChain.Contracts.Ledger;
using FedChain.Contracts.Membership;
using Nethereum.Web3.Accounts;

namespace FedChain.Contracts.Benchmarks;

/// <summary>
/// Measures the consortium's gas on a fresh anvil: deployment, governance, and a whole plan in which
/// every member commits once per round, carrying its votes on the previous aggregate and on the
/// score vector of round r - 2, and the agreed scores are recorded (and rewards minted) each round.
/// The per-member and fixed figures come from the same run with one member fewer (see <see cref="GasReport"/>).
/// </summary>
public static class ChainGasBenchmark
{
    private const byte ScoresLag = 2;

    /// <summary>The tally rings (2 and 3 rounds) are warm from this round on.</summary>
    private const int FirstSteadyRound = 5;

    /// <param name="recordEvery">Agreed scores are recorded (and rewards minted) for this many rounds at a time.</param>
    public static async Task<GasReport> RunAsync(int members = 4, int rounds = 10, int recordEvery = 4, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        if (recordEvery is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(recordEvery), recordEvery, "must be within 1..4");
        if (members is < 2 or > 8) throw new ArgumentOutOfRangeException(nameof(members), members, "must be within 2..8 (anvil's dev accounts)");
        if (rounds < FirstSteadyRound + 2) throw new ArgumentOutOfRangeException(nameof(rounds), rounds, $"must be at least {FirstSteadyRound + 2} to reach steady state");

        var main = await RunScenarioAsync(members, rounds, recordEvery, progress, ct);
        var smaller = await RunScenarioAsync(members - 1, rounds, recordEvery, progress, ct);

        var steady = Enumerable.Range(FirstSteadyRound, rounds - 1 - FirstSteadyRound).ToList(); // the last round also completes the plan
        var total = Steady(main, steady, recordEvery);
        var totalSmaller = Steady(smaller, steady, recordEvery);
        var perMember = (long)Math.Round(total - totalSmaller);
        return new GasReport
        {
            Operations = main.Operations,
            PerMemberPerRound = perMember,
            PerRoundFixed = (long)Math.Round(total) - members * perMember,
            Members = members,
            Rounds = rounds,
            GasPerRound = main.GasPerRound,
            CommitGasPerRound = main.CommitGasPerRound,
            Method =
                $"A steady round's gas T(n) is the mean gas of all commits in rounds {steady[0]}..{steady[^1]} (tally rings warm; the last round, which also completes the plan, left out) " +
                $"plus 1/{recordEvery} of the last recordScores, which records {recordEvery} rounds' agreed scores and mints their rewards in one transaction (the first one pays for new balances and is left out): " +
                $"T({members}) = {total:F0}, T({members - 1}) = {totalSmaller:F0} from the same run with one member fewer. " +
                $"per_member_per_round = T({members}) - T({members - 1}); per_round_fixed = T({members}) - {members} * per_member_per_round.",
        };
    }

    private sealed record ScenarioResult(SortedDictionary<string, long> Operations, List<long> GasPerRound, List<long> CommitGasPerRound, long LastRecordGas);

    private static double Steady(ScenarioResult run, IReadOnlyList<int> rounds, int recordEvery) =>
        rounds.Average(r => (double)run.CommitGasPerRound[r]) + run.LastRecordGas / (double)recordEvery;

    private static async Task<ScenarioResult> RunScenarioAsync(int n, int rounds, int recordEvery, IProgress<string>? progress, CancellationToken ct)
    {
        var ops = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var anvil = await AnvilProcess.StartAsync(ct: ct);
        ChainClient Client(int i) => new(anvil.RpcUrl, anvil.DevPrivateKeys[i], AnvilProcess.ChainId);

        using var deployer = Client(0);
        var founders = Enumerable.Range(1, n).Select(i => new MemberInfo(new Account(anvil.DevPrivateKeys[i]).Address, MemberRole.Member, $"Hospital {i}", $"127.0.0.1:{7000 + i}")).ToList();
        var addresses = await ConsortiumDeployer.DeployAsync(deployer, founders, new DeploymentOptions(), null, ops, ct);
        var members = Enumerable.Range(1, n).Select(i => new Consortium(Client(i), addresses)).ToList();
        progress?.Report($"{n} members: consortium deployed");

        var plan = new PlanParams
        {
            PlanHash = Sha("plan"),
            Invited = founders.Select(f => f.Address).ToList(),
            Rounds = (uint)rounds,
            CommitWindow = 3_600,
            EnrolmentWindow = 3_600,
            QuorumPercent = 51,
            EpsilonBudget = 10_000_000,
            ScoresLag = ScoresLag,
            RewardPerScore = BigInteger.Pow(10, 18),
        };
        await PassAsync(Proposals.StartPlan(addresses, plan), members, ops, "startPlan", ct);
        var planId = await members[0].Ledger.PlanCountAsync(ct);
        for (var i = 0; i < n; i++)
        {
            var optIn = await members[i].Ledger.OptInAsync(planId, ct);
            ops[i == n - 1 ? "ledger_optIn_opening_round_0" : "ledger_optIn"] = optIn.GasUsed;
        }

        var gasPerRound = new List<long>();
        var commitGasPerRound = new List<long>();
        long lastRecord = 0;
        var addressesOfMembers = founders.Select(f => f.Address).ToList();
        for (var r = 0; r < rounds; r++)
        {
            long roundGas = 0;
            for (var i = 0; i < n; i++)
            {
                var commit = await members[i].Ledger.CommitAsync(new RoundCommitment(planId, (uint)r, Sha($"update {i}/{r}"), 100 + (ulong)i, 100_000,
                    r == 0 ? null : Sha($"model {r - 1}"),
                    r < ScoresLag ? null : Scores(planId, r - ScoresLag, addressesOfMembers).Hash()), ct);
                roundGas += commit.GasUsed;
                if (r == FirstSteadyRound) ops[CommitRole(i, n)] = commit.GasUsed;
                if (r == 0 && i == 0) ops["ledger_commit_round_0"] = commit.GasUsed;
            }

            commitGasPerRound.Add(roundGas);
            var agreedUpTo = r - ScoresLag; // this round's commits agreed the scores of round r - lag
            if (agreedUpTo >= 0 && (agreedUpTo + 1) % recordEvery == 0)
            {
                var batch = Enumerable.Range(agreedUpTo + 1 - recordEvery, recordEvery).Select(k => Scores(planId, k, addressesOfMembers)).ToList();
                var record = await members[0].Ledger.RecordScoresAsync(batch, ct);
                roundGas += record.GasUsed;
                lastRecord = record.GasUsed;
                ops[$"ledger_recordScores_{recordEvery}_rounds_{n}_members"] = record.GasUsed;
            }

            gasPerRound.Add(roundGas);
            progress?.Report($"{n} members: round {r} used {roundGas:N0} gas");
        }

        // After the last round: its aggregate is voted outside a commit, then released by governance.
        var last = (uint)rounds - 1;
        var quorum = (n * 51 + 99) / 100;
        for (var i = 0; i < quorum; i++) ops["ledger_voteAggregate"] = (await members[i].Ledger.VoteAggregateAsync(planId, last, Sha($"model {last}"), ct)).GasUsed;
        await PassAsync(Proposals.ReleaseModel(addresses, planId, Sha($"model {last}"), Sha("evaluation report")), members, ops, "releaseModel", ct);
        var newcomer = new MemberInfo(new Account(anvil.DevPrivateKeys[n + 1]).Address, MemberRole.Member, "Newcomer", "127.0.0.1:7999");
        await PassAsync(Proposals.Admit(addresses, newcomer), members, ops, "admit", ct);

        foreach (var m in members) m.Chain.Dispose();
        return new ScenarioResult(ops, gasPerRound, commitGasPerRound, lastRecord);
    }

    /// <summary>In a steady round with quorum 51 %: the first commit opens both tallies, the q-th
    /// finalises them, the last closes the round; any other is a plain commit.</summary>
    private static string CommitRole(int i, int n)
    {
        var quorum = (n * 51 + 99) / 100;
        return i switch
        {
            0 => "ledger_commit_first_vote",
            _ when i == n - 1 => "ledger_commit_closing_round",
            _ when i == quorum - 1 => "ledger_commit_finalising",
            _ => "ledger_commit_plain",
        };
    }

    private static async Task PassAsync(Proposal proposal, IReadOnlyList<Consortium> voters, IDictionary<string, long> ops, string name, CancellationToken ct)
    {
        var proposer = voters[0];
        await new AnvilControl(proposer.Chain).IncreaseTimeAsync(1, ct);
        var submitted = await proposer.Governance.ProposeAsync(proposal, ct);
        ops[$"governor_propose_{name}"] = submitted.Transaction.GasUsed;
        await AnvilGovernance.OpenVotingAsync(proposer, submitted.Id, ct);
        foreach (var v in voters) ops["governor_castVote"] = (await v.Governance.VoteAsync(submitted.Id, VoteSupport.For, ct)).GasUsed;
        await AnvilGovernance.CloseVotingAsync(proposer, submitted.Id, ct);
        ops[$"governor_execute_{name}"] = (await proposer.Governance.ExecuteAsync(proposal, ct)).GasUsed;
    }

    private static ScoreVector Scores(BigInteger planId, int round, IReadOnlyList<string> members) =>
        new(planId, (uint)round, members, members.Select((_, i) => i == members.Count - 1 ? -20_000L : 50_000L * (i + 1) + round).ToList());

    private static byte[] Sha(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
