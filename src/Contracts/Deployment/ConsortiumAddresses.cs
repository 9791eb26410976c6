using System.Text.Json;
using System.Text.Json.Serialization;

namespace FedChain.Contracts.Deployment;

/// <summary>
/// The addresses file nodes read: where the chain is and where each contract lives, and the
/// governance settings chosen at deployment (governance may change them later; the contracts say what
/// they are now). <c>deploymentBlock</c> is where event replay starts.
/// </summary>
public sealed record ConsortiumAddresses
{
    public required string RpcUrl { get; init; }
    public required long ChainId { get; init; }
    public required ulong DeploymentBlock { get; init; }
    public required string MembershipRegistry { get; init; }
    /// <summary>The ConsortiumTimelock: the registry's and the ledger's governance, where passed proposals wait.</summary>
    public required string Timelock { get; init; }
    public required string Governor { get; init; }
    public required string TrainingLedger { get; init; }
    public required string RewardToken { get; init; }
    public required uint VotingDelaySeconds { get; init; }
    public required uint VotingPeriodSeconds { get; init; }
    public required byte GovernanceQuorumPercent { get; init; }
    public required uint TimelockDelaySeconds { get; init; }
    /// <summary>How long a passed proposal may wait to be queued, and a queued one to execute.</summary>
    public required uint GracePeriodSeconds { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public async Task WriteAsync(string path, CancellationToken ct = default)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        await File.WriteAllTextAsync(temp, ToJson() + "\n", ct);
        File.Move(temp, full, overwrite: true); // readers never see a half-written file
    }

    /// <summary>Reads an addresses file; errors name the file and what is wrong.</summary>
    public static ConsortiumAddresses Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"addresses file {path} does not exist", path);
        try
        {
            return JsonSerializer.Deserialize<ConsortiumAddresses>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path}: empty addresses file");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a FedChain addresses file ({e.Message})", e);
        }
    }
}
