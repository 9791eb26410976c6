using System.Text.Json;
using FedChain.Learning.Privacy.Accounting;
using FedChain.Learning.Training;

namespace FedChain.Node.Agent;

/// <summary>
/// What a node must keep across a crash that the chain and the blob store do not hold: its client
/// state before and after the last round it trained (SCAFFOLD's control variate, compression's
/// residual, the personal head or model), and with DP the member's privacy spend (every DP-SGD run
/// so far) after it. Everything else (the global model, the server state) is recomputed from
/// committed blobs. Written before the blob is published and committed.
/// </summary>
/// <param name="PrivacySpent">With DP: the DP-SGD runs of every round trained so far, this one included (docs/node.md, "Privacy in the node").</param>
public sealed record PlanCheckpoint(
    int Round,
    float[]? ControlBefore,
    float[]? ControlAfter,
    IReadOnlyList<SampledGaussianSteps>? PrivacySpent = null,
    long[]? ResidualBefore = null,
    long[]? ResidualAfter = null,
    float[]? PersonalBefore = null,
    float[]? PersonalAfter = null)
{
    /// <summary>Round <paramref name="round"/> trained from <paramref name="before"/> and left <paramref name="after"/>.</summary>
    public static PlanCheckpoint Of(int round, ClientState before, ClientState after) =>
        new(round, before.Control, after.Control, after.PrivacySpent, before.Residual, after.Residual, before.Personal, after.Personal);

    /// <summary>What the next round starts from: the state after the round when its commit landed, else the one before (privacy spent either way).</summary>
    public ClientState State(bool committed) => committed
        ? new ClientState(ControlAfter, PrivacySpent, ResidualAfter, PersonalAfter)
        : new ClientState(ControlBefore, PrivacySpent, ResidualBefore, PersonalBefore);

    public static PlanCheckpoint? Load(string file)
    {
        if (!File.Exists(file)) return null;
        try
        {
            return JsonSerializer.Deserialize<PlanCheckpoint>(File.ReadAllText(file));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"checkpoint {file} is corrupt: {e.Message}", e);
        }
    }

    /// <summary>Temp file, then rename: a crash leaves the old checkpoint or the new one, never half of one.</summary>
    public void Save(string file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = file + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.WriteThrough))
        {
            JsonSerializer.Serialize(stream, this);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, file, overwrite: true);
    }
}
