namespace FedChain.Learning.Data.Mapping;

/// <summary>One recorded event of a composite endpoint: the export's time field and its 0/1 event field.</summary>
public sealed record EndpointComponent(string Time, string Event);
