using System.Numerics;
using FedChain.Contracts.Chain;
using FedChain.Contracts.Events;
using FedChain.Learning.Plans;
using FedChain.Node.Audit;
using FedChain.Node.ChainView;
using FedChain.Node.Demo;
using FedChain.Node.Tests.EndToEnd;
using FedChain.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace FedChain.Node.Tests.Support;

/// <summary>
/// The four heart-disease hospitals as four node hosts in the test process, on real anvil and loopback
/// TLS. Plans run with an hour's commit window, so a round waiting for a member that does not commit
/// closes only when the test moves anvil's clock past its deadline (<see cref="CloseAtDeadlineAsync"/>):
/// the round machine's deadlines without waiting for them.
/// </summary>
internal sealed class InProcessConsortium : IAsyncDisposable
{
    public const uint CommitWindowSeconds = 3600;

    private readonly TempDirectory _dir;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _following;

    private InProcessConsortium(TempDirectory dir, LocalConsortium consortium, IReadOnlyList<InProcessNode> nodes)
    {
        _dir = dir;
        Consortium = consortium;
        Nodes = nodes;
        Chain = new ChainFollower(consortium.Deployer, consortium.Addresses, TimeProvider.System, TimeSpan.FromMilliseconds(25), NullLogger.Instance);
        _following = Chain.RunAsync(_stop.Token);
    }

    public LocalConsortium Consortium { get; }

    /// <summary>One node per hospital, in member order.</summary>
    public IReadOnlyList<InProcessNode> Nodes { get; }

    /// <summary>The test's own view of the chain.</summary>
    public ChainFollower Chain { get; }

    public ChainEventReader Reader => new(Consortium.Deployer, Consortium.Addresses);

    /// <summary>Anvil, the consortium, <paramref name="plans"/> offered (member i offers plan i), every node started and ready.</summary>
    public static async Task<InProcessConsortium> StartAsync(IReadOnlyList<TrainingPlan> plans, CancellationToken ct)
    {
        var dir = new TempDirectory();
        var consortium = await HeartConsortium.CreateAsync(dir.File("consortium"), HeartConsortium.Sites);
        for (var i = 0; i < plans.Count; i++) consortium.OfferPlan(consortium.Members[i], plans[i]);
        var run = new InProcessConsortium(dir, consortium, [.. consortium.Members.Select(m => new InProcessNode(m))]);
        try
        {
            foreach (var node in run.Nodes) await node.StartAsync(ct);
            await run.Explained(() => Task.WhenAll(run.Nodes.Select(n => n.Status.WaitAsync(s => s.Event == "ready", ct))), "every node ready", ct);
            return run;
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    /// <summary>Governance starts the plans together, with an hour's commit window (and the chain's per-member epsilon cap, default the plan's budget).</summary>
    public Task<IReadOnlyList<BigInteger>> StartPlansAsync(IReadOnlyList<TrainingPlan> plans, CancellationToken ct, ulong? epsilonCapMicro = null) =>
        Consortium.StartPlansAsync([.. plans.Select(p => (p, epsilonCapMicro))], ct, CommitWindowSeconds, enrolmentWindowSeconds: 600);

    /// <summary>
    /// Waits for <paramref name="commits"/> commitments in the round, moves anvil's clock past its
    /// deadline, and waits for the nodes to close it (a node past the deadline calls advance()).
    /// </summary>
    public Task CloseAtDeadlineAsync(BigInteger planId, int round, int commits, CancellationToken ct) => Explained(async () =>
    {
        var record = await Chain.WaitAsync(s => s.Plans.TryGetValue(planId, out var p) && p.Rounds.Count > round
            && p.Rounds[round].Commitments.Count >= commits ? p.Rounds[round] : null, ct);
        var now = await Chain.ChainNowAsync(ct);
        await new AnvilControl(Consortium.Deployer).IncreaseTimeAsync(Math.Max(1, (long)record.Deadline - now + 1), ct);
        await Chain.WaitAsync(s => s.Plans[planId].Rounds[round].Closed ? s : null, ct);
    }, $"round {round} of plan {planId} closing at its deadline with {commits} commits", ct);

    /// <summary>Waits for <paramref name="nodes"/> to exit (each does once its plans are done).</summary>
    public Task WhenDoneAsync(IEnumerable<InProcessNode> nodes, CancellationToken ct) =>
        Explained(() => Task.WhenAll(nodes.Select(n => n.Running)).WaitAsync(ct), "the nodes finishing", ct);

    /// <summary>
    /// A wait that fails at once, naming the node, if a node's host fails or reports an error (it cannot
    /// come true then), and that says what it waited for and what each node said last when the test's
    /// deadline cancels it.
    /// </summary>
    public async Task Explained(Func<Task> wait, string what, CancellationToken ct)
    {
        var waiting = wait();
        var failed = Task.WhenAny(Nodes.Select(n => n.Failed));
        try
        {
            if (await Task.WhenAny(waiting, failed) == failed && !waiting.IsCompleted)
                throw new InvalidOperationException($"while waiting for {what}: {await await failed}; last status lines:\n{LastLines()}");
            await waiting;
        }
        catch (OperationCanceledException e) when (ct.IsCancellationRequested)
        {
            throw new TimeoutException($"timed out waiting for {what}; last status lines:\n{LastLines()}", e);
        }
    }

    private string LastLines() => string.Join("\n", Nodes.Select(n => $"{n.Member.Site}: " + string.Join(" | ", n.Status.Lines.TakeLast(8).Select(s => $"{s.Event} r{s.Round} {s.Phase} {s.Detail}"))));

    /// <summary>Every event since deployment, replayed.</summary>
    public async Task<(IReadOnlyList<ChainEvent> Events, LedgerState Ledger)> ReplayAsync(CancellationToken ct)
    {
        var events = await Reader.ReadAsync(Consortium.Addresses.DeploymentBlock, null, ct);
        return (events, ConsortiumRun.StateOf(events));
    }

    /// <summary>The audit of the chain against <paramref name="member"/>'s exported blobs.</summary>
    public Task<AuditResult> AuditAsync(ConsortiumMember member, CancellationToken ct) =>
        Auditor.RunAsync(Reader, Consortium.Addresses.DeploymentBlock, Path.Combine(member.Directory, "blobs"), ct: ct);

    public async ValueTask DisposeAsync()
    {
        foreach (var node in Nodes) await node.DisposeAsync();
        await _stop.CancelAsync();
        try
        {
            await _following;
        }
        catch (OperationCanceledException)
        {
            // the test's follower stops with the run
        }

        await Consortium.DisposeAsync();
        _dir.Dispose();
        _stop.Dispose();
    }
}
