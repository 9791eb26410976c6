using System.Text.Json;
using System.Text.Json.Serialization;

namespace FedChain.Node.Agent;

/// <summary>Writes <see cref="NodeStatus"/> lines to stdout, one JSON object per line, prefixed "status ".</summary>
public sealed class StatusReporter(bool enabled, TextWriter output)
{
    public const string Prefix = "status ";

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly Lock _lock = new();

    /// <summary>Raised for every status, whether or not lines are written (the status page listens).</summary>
    public event Action<NodeStatus>? Reported;

    public void Report(NodeStatus status)
    {
        Reported?.Invoke(status);
        if (!enabled) return;
        var line = Prefix + JsonSerializer.Serialize(status, Json);
        lock (_lock)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    /// <summary>Parses a line written by <see cref="Report"/>; null for any other line.</summary>
    public static NodeStatus? Parse(string line) =>
        line.StartsWith(Prefix, StringComparison.Ordinal) ? JsonSerializer.Deserialize<NodeStatus>(line.AsSpan(Prefix.Length), Json) : null;
}
