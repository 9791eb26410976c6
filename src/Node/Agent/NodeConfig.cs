using System.Text.Json;
using System.Text.Json.Serialization;
using FedChain.Learning.Data.Ingestion;

namespace FedChain.Node.Agent;

/// <summary>
/// One institution's node: its key, its data, where the chain and its peers are, where it keeps
/// state. Read from JSON (docs/node.md shows an example); relative paths are relative to the file.
/// </summary>
public sealed record NodeConfig
{
    /// <summary>Web3 Secret Storage keystore of the institution's key.</summary>
    public required string Keystore { get; init; }

    /// <summary>File holding the keystore passphrase; without it, $FEDCHAIN_KEY_PASSPHRASE.</summary>
    public string? PassphraseFile { get; init; }

    /// <summary>The site's name as the consortium knows it: it seeds its batches and rounding.</summary>
    public required string Site { get; init; }

    /// <summary>The site's CSV file. Only this node reads it.</summary>
    public required string Data { get; init; }

    /// <summary>How this site's export maps onto the schema (layout, names, units, codes); null: a comma-separated file with a header of schema names.</summary>
    public string? Mapping { get; init; }

    /// <summary>For an export holding several sites' rows: only rows whose role-'site' column equals this value are this node's; null: every row.</summary>
    public string? SiteValue { get; init; }

    /// <summary>What <see cref="Data"/> is: "Table" (an export read through <see cref="Mapping"/>, default) or "WeeklyCounts"
    /// (a weekly count table with districts.csv and adjacency.csv beside it; <see cref="Site"/> is the region).</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<SiteLayout>))]
    public SiteLayout Layout { get; init; }

    /// <summary>The consortium's dataset schema; a plan whose schema differs is refused.</summary>
    public required string Schema { get; init; }

    /// <summary>The addresses file written by `fedchain chain up` / `chain deploy`.</summary>
    public required string Addresses { get; init; }

    /// <summary>Overrides the addresses file's RPC endpoint.</summary>
    public string? Rpc { get; init; }

    /// <summary>How often the chain is polled for events, milliseconds.</summary>
    public int ChainPollMilliseconds { get; init; } = 25;

    /// <summary>"host:port" to listen on (port 0: any); a host name is resolved at start.</summary>
    public string Listen { get; init; } = "127.0.0.1:0";

    /// <summary>"host:port" other members dial (a host name or address), when it differs from <see cref="Listen"/>
    /// (behind NAT, or listening on 0.0.0.0). At start the node updates its registry endpoint to it.</summary>
    public string? Advertise { get; init; }

    /// <summary>Send type-0 transactions with a gas price, for chains without EIP-1559 fees.</summary>
    public bool LegacyTransactions { get; init; }

    /// <summary>The chain id this node expects; the node refuses to start on any other chain (null: the addresses file's).</summary>
    public long? ChainId { get; init; }

    /// <summary>Blocks a chain event must be buried under before the node acts on it: 0 on anvil, more where reorgs happen.</summary>
    public int Confirmations { get; init; }

    /// <summary>"host:port" of the status page and Prometheus /metrics; loopback unless set otherwise; null: no status server.</summary>
    public string? StatusListen { get; init; } = "127.0.0.1:0";

    /// <summary>Which plans this institution joins without a `fedchain plan approve`; null: only approved plans.</summary>
    public Consent.ConsentPolicy? Consent { get; init; }

    /// <summary>Most peer connections this node keeps (the overlay's mesh degree D, at least 2); 0 (default): a link to every member.
    /// With a limit, blobs and gossip travel over several hops, and a sharded plan's shards replicate like every blob
    /// (docs/network.md, "Bounded degree").</summary>
    public int MaxPeers { get; init; }

    /// <summary>
    /// A sharded plan's shards go only to the members that keep them (on a full mesh, no maxPeers): a node receives about
    /// 2-3x the update a round instead of (N-1)x. A member's commit counts as available once every keeper of its shards has
    /// said it holds its part, so a member that dies before that is voted out (docs/network.md, "Who holds what").
    /// Default true; false: shards are announced and replicate to every member like any blob.
    /// </summary>
    public bool PointToPointShards { get; init; } = true;

    /// <summary>Point-to-point shards: once a member is gone, how long its other holders have to serve each of its parts before the
    /// node ballots it out of the round (docs/network.md, "When a keeper lies"). 1..3600, default 30.</summary>
    public int GoneMemberShardSeconds { get; init; } = 30;

    /// <summary>Peers to dial at start, "host:port"; members' registry endpoints are dialled anyway.</summary>
    public IReadOnlyList<string> Bootstrap { get; init; } = [];

    /// <summary>Blob store, checkpoints and results.</summary>
    public required string StateDirectory { get; init; }

    /// <summary>Plan documents this node offers to the network (as blobs whose id is the plan hash).</summary>
    public IReadOnlyList<string> PublishPlans { get; init; } = [];

    /// <summary>Where to copy every blob when a plan completes, for auditors; null: do not export.</summary>
    public string? ExportBlobs { get; init; }

    /// <summary>Seconds to wait for a committed blob before saying so (the wait goes on).</summary>
    public int BlobWaitWarningSeconds { get; init; } = 30;

    /// <summary>The blob store's quota, MiB: past it the node stores nothing more from peers (docs/node.md, "What a node stores").</summary>
    public int BlobStoreQuotaMegabytes { get; init; } = 4096;

    /// <summary>Test-only: a node that misbehaves on purpose (end-to-end tests of a dishonest member); null on every real node.</summary>
    public Misbehaviour.NodeMisbehaviour? Misbehaviour { get; init; }

    /// <summary>A slow site, for asynchronous rounds' tests and benches: local training takes this many times as long
    /// (after training the node waits factor - 1 times what it took, on its clock); 1 (default): as fast as it runs.</summary>
    public double TrainingSlowdown { get; init; } = 1;

    /// <summary>Fault injection for tests: the node kills itself, as SIGKILL would, once it has done round N's work and before anything of it leaves the node; null (default): never.</summary>
    public int? CrashBeforeCommittingRound { get; init; }

    /// <summary>Fault injection for tests: in a sharded plan the node kills itself in round N's aggregation, once it has summed
    /// a shard it aggregates and before it claims it; null (default): never.</summary>
    public int? CrashMidAggregationRound { get; init; }

    /// <summary>Fault injection for tests: in a sharded plan the node publishes round N's shards to one keeper alone (the others listed,
    /// never published) and kills itself once the round has closed: a member dying after committing and before every keeper pulled
    /// its part, which timing alone cannot arrange reliably; null (default): never.</summary>
    public int? CrashAfterCommittingRound { get; init; }

    /// <summary>Fault injection for tests: in a sharded plan the node publishes round N's shards to every keeper but the keeper of its
    /// shard 0 (that one's listed, never published) and kills itself once it holds the round's set, as its aggregation starts: a member
    /// dying past the availability point, with a part only a keeper's word says is held; null (default): never.</summary>
    public int? CrashAfterAvailabilityRound { get; init; }

    /// <summary>Fault injection for tests: in a sharded plan the node claims a wrong sum (one element off by one) for the shards
    /// it aggregates in round N, as a lying aggregator would; null (default): never.</summary>
    public int? LieAsAggregatorRound { get; init; }

    [JsonIgnore]
    public string BaseDirectory { get; private init; } = ".";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
    };

    /// <summary>A path from the config, made absolute against the config file's folder.</summary>
    public string Resolve(string path) => Path.GetFullPath(path, BaseDirectory);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads and checks a config file; errors name the file and the field.</summary>
    public static NodeConfig Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"node config {full} does not exist", full);
        NodeConfig config;
        try
        {
            config = JsonSerializer.Deserialize<NodeConfig>(File.ReadAllText(full), Json) ?? throw new InvalidDataException($"{full}: empty config");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{full}: {e.Message}", e);
        }

        config = config with { BaseDirectory = Path.GetDirectoryName(full)! };
        config.Check(full);
        return config;
    }

    private void Check(string file)
    {
        if (ChainPollMilliseconds is < 10 or > 60_000) throw new InvalidDataException($"{file}: chainPollMilliseconds must be 10..60000, got {ChainPollMilliseconds}");
        if (BlobStoreQuotaMegabytes < 1) throw new InvalidDataException($"{file}: blobStoreQuotaMegabytes must be at least 1, got {BlobStoreQuotaMegabytes}");
        if (!Discovery.PeerEndpoint.TryParse(Listen, out _) && !System.Net.IPEndPoint.TryParse(Listen, out _)) throw new InvalidDataException($"{file}: listen '{Listen}' is not an endpoint such as 127.0.0.1:7001 or node.example.org:7001");
        if (Advertise is not null && !Discovery.PeerEndpoint.TryParse(Advertise, out _)) throw new InvalidDataException($"{file}: advertise '{Advertise}' is not an endpoint such as hospital.example.org:7001");
        if (StatusListen is not null && !Discovery.PeerEndpoint.TryParse(StatusListen, out _) && !System.Net.IPEndPoint.TryParse(StatusListen, out _)) throw new InvalidDataException($"{file}: statusListen '{StatusListen}' is not an endpoint such as 127.0.0.1:7100");
        if (GoneMemberShardSeconds is < 1 or > 3600) throw new InvalidDataException($"{file}: goneMemberShardSeconds must be 1..3600, got {GoneMemberShardSeconds}");
        if (MaxPeers is < 0 or 1) throw new InvalidDataException($"{file}: maxPeers must be 0 (a link to every member) or at least 2, got {MaxPeers}");
        if (Confirmations is < 0 or > 1000) throw new InvalidDataException($"{file}: confirmations must be 0..1000, got {Confirmations}");
        if (!(TrainingSlowdown >= 1 && TrainingSlowdown <= 1000)) throw new InvalidDataException($"{file}: trainingSlowdown must be 1..1000, got {TrainingSlowdown}");
        if (ChainId is <= 0) throw new InvalidDataException($"{file}: chainId must be positive, got {ChainId}");
        Consent?.Check(file);
        foreach (var (name, value) in new[] { ("keystore", Keystore), ("data", Data), ("schema", Schema), ("addresses", Addresses) })
        {
            if (!File.Exists(Resolve(value))) throw new InvalidDataException($"{file}: {name} file {Resolve(value)} does not exist");
        }

        if (Mapping is not null && !File.Exists(Resolve(Mapping))) throw new InvalidDataException($"{file}: mapping file {Resolve(Mapping)} does not exist");
        foreach (var plan in PublishPlans)
        {
            if (!File.Exists(Resolve(plan))) throw new InvalidDataException($"{file}: publishPlans entry {Resolve(plan)} does not exist");
        }
    }

    /// <summary>Where this node's rows are, with paths resolved.</summary>
    [JsonIgnore]
    public SiteSource Source => new(Site, Resolve(Data), SiteValue, Mapping is null ? null : Resolve(Mapping), Layout);

    /// <summary>The node's blob store folder (what `plan show`, `gov show` and `model fetch` read, through <see cref="Blobs.ExportedBlobs"/>).</summary>
    [JsonIgnore]
    public string BlobStoreFolder => Path.Combine(Resolve(StateDirectory), "blobs");

    /// <summary>Who said it holds which point-to-point shard, as this node heard it (ShardHoldings).</summary>
    [JsonIgnore]
    public string ShardHoldingsFile => Path.Combine(Resolve(StateDirectory), "shard-holdings.log");

    /// <summary>The keystore passphrase, from the file or the environment.</summary>
    public string Passphrase()
    {
        if (PassphraseFile is not null) return File.ReadAllText(Resolve(PassphraseFile)).TrimEnd('\r', '\n');
        return Environment.GetEnvironmentVariable("FEDCHAIN_KEY_PASSPHRASE")
            ?? throw new InvalidDataException("no passphraseFile in the node config and $FEDCHAIN_KEY_PASSPHRASE is not set");
    }
}
