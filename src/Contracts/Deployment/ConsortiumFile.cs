using System.Text.Json;
using FedChain.Contracts.Membership;
using Nethereum.Util;

namespace FedChain.Contracts.Deployment;

/// <summary>
/// The founders a deployment bootstraps, read from JSON:
/// <c>{"members": [{"name": "Cleveland", "address": "0x…", "endpoint": "127.0.0.1:7001", "role": "member"}]}</c>
/// (a bare array of the same objects is accepted too). Role is <c>member</c> or <c>auditor</c>.
/// </summary>
public static class ConsortiumFile
{
    public static IReadOnlyList<MemberInfo> Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"consortium file {path} does not exist", path);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON (line {e.LineNumber + 1}: {e.Message})", e);
        }

        using (doc)
        {
            var root = doc.RootElement;
            var list = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("members", out var m) ? m : root;
            if (list.ValueKind != JsonValueKind.Array) throw new InvalidDataException($"{path}: expected a \"members\" array");

            var members = new List<MemberInfo>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var index = 0;
            foreach (var item in list.EnumerateArray())
            {
                var where = $"{path}: members[{index}]";
                var name = Text(item, "name", where);
                var address = Text(item, "address", where);
                if (!AddressUtil.Current.IsValidEthereumAddressHexFormat(address))
                    throw new InvalidDataException($"{where}: \"{address}\" is not an Ethereum address (0x and 40 hex digits)");
                if (!seen.Add(address)) throw new InvalidDataException($"{where}: address {address} appears twice");
                var endpoint = item.TryGetProperty("endpoint", out var e) ? e.GetString() ?? "" : "";
                var roleText = item.TryGetProperty("role", out var r) ? r.GetString() ?? "member" : "member";
                var role = roleText.ToLowerInvariant() switch
                {
                    "member" => MemberRole.Member,
                    "auditor" => MemberRole.Auditor,
                    _ => throw new InvalidDataException($"{where}: role \"{roleText}\" must be \"member\" or \"auditor\""),
                };
                members.Add(new MemberInfo(AddressUtil.Current.ConvertToChecksumAddress(address), role, name, endpoint));
                index++;
            }

            if (members.Count == 0) throw new InvalidDataException($"{path}: lists no members");
            return members;
        }
    }

    private static string Text(JsonElement item, string field, string where) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(field, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
            ? s
            : throw new InvalidDataException($"{where}: missing \"{field}\"");
}
