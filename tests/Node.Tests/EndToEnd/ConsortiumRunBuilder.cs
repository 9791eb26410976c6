using FedChain.Learning.Plans;
using FedChain.Node.Agent.Misbehaviour;
using FedChain.Node.Datasets;
using FedChain.Node.Demo;

namespace FedChain.Node.Tests.EndToEnd;

/// <summary>
/// What a <see cref="ConsortiumRun"/> runs: its dataset (default heart disease), its plans (each built
/// from the dataset; default the demo plan), the chain's windows, privacy cap and lifetime budget, a member
/// that crashes (and is restarted) or lies, a slow member, members that misbehave on purpose, plans every
/// node is expected to refuse, and the run's deadline.
/// </summary>
internal sealed class ConsortiumRunBuilder
{
    private readonly List<Func<ConsortiumDataset, TrainingPlan>> _plans = [];
    private readonly Dictionary<int, NodeMisbehaviour> _misbehaviours = [];
    private readonly HashSet<int> _refused = [];

    /// <summary>One of <see cref="ConsortiumDataset.Names"/>: a node process per institution.</summary>
    public string Dataset { get; private set; } = ConsortiumDataset.Default;

    public IReadOnlyList<Func<ConsortiumDataset, TrainingPlan>> Plans => _plans.Count == 0 ? [data => DemoPlan.HeartDisease(data.Schema, 3, seed: 42)] : _plans;

    public uint CommitWindowSeconds { get; private set; } = 15;

    public uint EnrolmentWindowSeconds { get; private set; } = 60;

    /// <summary>The chain's per-member epsilon cap for a plan; null: the plan's own budget.</summary>
    public Func<TrainingPlan, ulong>? EpsilonCapMicro { get; private set; }

    /// <summary>The last member's node kills itself right before it would commit this round (<c>crashBeforeCommittingRound</c>); null: nobody does.</summary>
    public int? CrashLastBeforeCommittingRound { get; private set; }

    /// <summary>The crashed member is started again (without its crash point) once it exited.</summary>
    public bool RestartVictim { get; private set; }

    /// <summary>Test-only misbehaviour of members, by member index (node.json <c>misbehaviour</c>).</summary>
    public IReadOnlyDictionary<int, NodeMisbehaviour> Misbehaviours => _misbehaviours;

    /// <summary>Governance's lifetime epsilon budget on the plans' dataset, set before they start; null: the deployment's default.</summary>
    public Func<IReadOnlyList<TrainingPlan>, ulong>? LifetimeBudgetMicro { get; private set; }

    /// <summary>Indexes of plans every node refuses: their refusals are collected, not errors of the run.</summary>
    public IReadOnlySet<int> RefusedPlans => _refused;

    /// <summary>In a sharded plan, the last member's node kills itself in this round's aggregation, after summing a shard and before claiming it (<c>crashMidAggregationRound</c>); null: nobody does.</summary>
    public int? CrashLastMidAggregationRound { get; private set; }

    /// <summary>In a sharded plan, the last member's node publishes this round's shards to one keeper alone and dies once the round closed (<c>crashAfterCommittingRound</c>); null: nobody does.</summary>
    public int? CrashLastAfterCommittingRound { get; private set; }

    /// <summary>In a sharded plan, the last member's node gives this round's shards to every keeper but the keeper of its shard 0 and
    /// dies once it holds the round's set (<c>crashAfterAvailabilityRound</c>), and that keeper says it holds every part it keeps of
    /// the round, pulling none (misbehaviour <c>falseHoldingsRound</c>); null: nobody does.</summary>
    public int? LyingKeeperRound { get; private set; }

    /// <summary>In a sharded plan, the first member's node claims wrong shard sums in this round (<c>lieAsAggregatorRound</c>); null: nobody lies.</summary>
    public int? FirstLiesAsAggregatorRound { get; private set; }

    /// <summary>The last member's training takes this many times as long (<c>trainingSlowdown</c>); null: every member runs at its speed.</summary>
    public double? LastMemberSlowdown { get; private set; }

    /// <summary>Every node's <c>goneMemberShardSeconds</c>; null: the default.</summary>
    public int? GoneMemberShardSeconds { get; private set; }

    public TimeSpan Timeout { get; private set; } = TimeSpan.FromMinutes(4);

    /// <summary>The audit reads every survivor's exports gathered into one folder, not the first member's alone.</summary>
    public bool GatherExports { get; private set; }

    /// <summary>Adds a plan; the consortium starts them one after the other and the nodes run them together.</summary>
    public ConsortiumRunBuilder OnDataset(string name)
    {
        Dataset = name;
        return this;
    }

    public ConsortiumRunBuilder WithPlan(Func<ConsortiumDataset, TrainingPlan> plan)
    {
        _plans.Add(plan);
        return this;
    }

    public ConsortiumRunBuilder WithWindows(uint commitSeconds, uint enrolmentSeconds)
    {
        (CommitWindowSeconds, EnrolmentWindowSeconds) = (commitSeconds, enrolmentSeconds);
        return this;
    }

    public ConsortiumRunBuilder WithEpsilonCap(Func<TrainingPlan, ulong> capMicro)
    {
        EpsilonCapMicro = capMicro;
        return this;
    }

    public ConsortiumRunBuilder CrashingTheLastMemberBeforeCommittingRound(int round)
    {
        CrashLastBeforeCommittingRound = round;
        return this;
    }

    public ConsortiumRunBuilder RestartingTheVictim()
    {
        RestartVictim = true;
        return this;
    }

    public ConsortiumRunBuilder WithMisbehaviour(int member, NodeMisbehaviour misbehaviour)
    {
        _misbehaviours[member] = misbehaviour;
        return this;
    }

    public ConsortiumRunBuilder WithLifetimeBudget(Func<IReadOnlyList<TrainingPlan>, ulong> budgetMicro)
    {
        LifetimeBudgetMicro = budgetMicro;
        return this;
    }

    public ConsortiumRunBuilder ExpectingEveryNodeToRefusePlan(int plan)
    {
        _refused.Add(plan);
        return this;
    }

    public ConsortiumRunBuilder CrashingTheLastMemberMidAggregationOfRound(int round)
    {
        CrashLastMidAggregationRound = round;
        return this;
    }

    public ConsortiumRunBuilder CrashingTheLastMemberAfterCommittingRound(int round)
    {
        CrashLastAfterCommittingRound = round;
        return this;
    }

    public ConsortiumRunBuilder WithTheLastMembersKeeperLyingAndTheLastMemberDyingInRound(int round)
    {
        LyingKeeperRound = round;
        return this;
    }

    public ConsortiumRunBuilder WithGoneMemberShardSeconds(int seconds)
    {
        GoneMemberShardSeconds = seconds;
        return this;
    }

    public ConsortiumRunBuilder WithTheFirstMemberLyingAsAggregatorInRound(int round)
    {
        FirstLiesAsAggregatorRound = round;
        return this;
    }

    public ConsortiumRunBuilder SlowingTheLastMember(double factor)
    {
        LastMemberSlowdown = factor;
        return this;
    }

    /// <summary>A sharded plan's shards stay on their member and aggregators, so the auditor collects every member's export.</summary>
    public ConsortiumRunBuilder AuditingEveryExport()
    {
        GatherExports = true;
        return this;
    }

    public ConsortiumRunBuilder WithTimeout(TimeSpan timeout)
    {
        Timeout = timeout;
        return this;
    }
}
