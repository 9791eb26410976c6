using System.Text.Json;
using System.Text.Json.Serialization;

namespace FedChain.Learning.Json;

/// <summary>
/// The one JSON form for documents the consortium hashes (schemas, plans) and for result files.
/// Property order is declaration order, numbers use the invariant shortest round-trip form,
/// enums are kebab-case strings and null sections are left out, so adding an optional section
/// later does not change the hash of documents that do not use it.
/// </summary>
public static class CanonicalJson
{
    /// <summary>Compact options: the bytes that get hashed.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    /// <summary>The same form, indented, for files people read.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    public static byte[] ToBytes<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static string ToIndentedString<T>(T value) => JsonSerializer.Serialize(value, Indented);

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = indented,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
