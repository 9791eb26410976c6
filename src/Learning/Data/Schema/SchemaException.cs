namespace FedChain.Learning.Data.Schema;

/// <summary>A schema document that cannot be used; the message names the document and the field.</summary>
public sealed class SchemaException(string message, Exception? inner = null) : Exception(message, inner);
